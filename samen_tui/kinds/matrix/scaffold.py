"""The matrix step in the file ``samen new`` writes. Never imports textual."""

SUMMARY = "items op twee schalen tegelijk, in vier benoemde vakken (impact en moeite)"

ITEM = "afspraken-maken"

EXAMPLE = """\
# --- matrix: items op twee schalen, in vier vakken -----------------------------
[[items.steps]]
kind = "matrix"
id = "impact-moeite"
title = "Impact en moeite"
# De horizontale schaal (verplicht): een titel, en de laagste en hoogste score
# (standaard 1 en 5; hoogstens 0 tot 9).
x = { title = "Moeite", min = 1, max = 5 }
# De verticale schaal (verplicht).
y = { title = "Impact", min = 1, max = 5 }
# De items (verplicht, tenzij ze uit een eerdere stap komen met from, top en category,
# zoals bij rate).
items = [
  { id = "buurtkamer", title = "Een buurtkamer" },
  { id = "klusbus", title = "Een klusbus" },
]

# De namen van de vier vakken (mag weg): boven/onder (high/low) en links/rechts.
[items.steps.quadrants]
# Veel impact, weinig moeite (linksboven), en zo verder.
high_left = "Snel te doen"
# Veel impact, veel moeite.
high_right = "Grote projecten"
# Weinig impact, weinig moeite.
low_left = "Kleine klusjes"
# Weinig impact, veel moeite.
low_right = "Niet doen"
"""

SUMMARY_EN = "items on two scales at once, in four named quadrants (impact and effort)"
EXAMPLE_EN = """\
# --- matrix: items on two scales, in four quadrants ---------------------------
[[items.steps]]
kind = "matrix"
id = "impact-moeite"
title = "Impact and effort"
# The horizontal scale (required): a title, and the lowest and highest score
# (1 and 5 by default; at most 0 to 9).
x = { title = "Effort", min = 1, max = 5 }
# The vertical scale (required).
y = { title = "Impact", min = 1, max = 5 }
# The items (required, unless they come from an earlier step with from, top and
# category, as with rate).
items = [
  { id = "buurtkamer", title = "A neighbourhood living room" },
  { id = "klusbus", title = "A handyman's van" },
]

# The names of the four quadrants (optional): high/low and left/right.
[items.steps.quadrants]
# Much impact, little effort (top left), and so on.
high_left = "Quick wins"
# Much impact, much effort.
high_right = "Big projects"
# Little impact, little effort.
low_left = "Small jobs"
# Little impact, much effort.
low_right = "Don't"
"""
