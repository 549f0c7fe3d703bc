"""actions: every action of the session in one list (wie / wat / wanneer / status)."""

ORDER = 80
