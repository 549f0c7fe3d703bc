"""conversation: the conversation types and a phased flow (BOB, BARB)."""

ORDER = 60
