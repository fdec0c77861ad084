"""Reading and writing scenario files, with errors that point into the file."""
