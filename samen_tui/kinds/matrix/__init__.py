"""matrix: items placed on two scales at once (impact and effort), in named quadrants."""

ORDER = 45
