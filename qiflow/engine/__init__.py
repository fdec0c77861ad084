"""One docket, entry by entry: judge, apply, route; then the report, its explanations and next moves."""
