"""The law qiflow encodes (docs/law.md), one module per part: authorities and doctrines, the codes
(s.10), the posture and its defined terms (s.11 "Terms"), what each entry does (effects), the checks
on each entry (guards, in s.11's order), the invariants no path may break (s.9), and named variants."""
