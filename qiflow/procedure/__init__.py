"""The careful procedure as a table you can print: phases, moves, routes, checked when defined."""
