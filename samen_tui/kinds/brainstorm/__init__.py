"""brainstorm: cards per prompt, optionally dot-voted, ranked."""

ORDER = 50
