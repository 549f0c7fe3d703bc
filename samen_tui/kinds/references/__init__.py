"""references: titles and addresses to take home."""

ORDER = 90
