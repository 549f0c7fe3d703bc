"""content: a slide of Markdown, with room for the trainer's notes."""

ORDER = 10
