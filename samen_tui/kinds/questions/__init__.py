"""questions: open questions with answers, optionally attributed."""

ORDER = 70
