"""rate: items in groups, each rated on a scale (the ingredient checklist)."""

ORDER = 40
