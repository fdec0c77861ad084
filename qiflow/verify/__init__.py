"""The exhaustive explorer: every reachable situation, breadth-first, against the invariants."""
