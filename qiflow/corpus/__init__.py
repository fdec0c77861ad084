"""Many dockets at once: judge each in a process pool (a pure function of its input), and sum them up."""
