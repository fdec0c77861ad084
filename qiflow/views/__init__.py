"""Ways of showing the procedure and a case: terminal text, rules, schema, diagrams."""
