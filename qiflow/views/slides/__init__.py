"""The slide set a teacher projects: four 16:9 pictures drawn from the one definition of the procedure."""
