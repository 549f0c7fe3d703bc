"""sort: cards sorted into categories (motive mapping)."""

ORDER = 30
