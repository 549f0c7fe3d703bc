"""participants: who is here (name, organisation, role)."""

ORDER = 20
