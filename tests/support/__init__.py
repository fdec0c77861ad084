"""Test support written independently of the engine: an oracle for LAW.md s.11 (v2) and docket generators."""
