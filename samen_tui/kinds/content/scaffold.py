"""The content step in the file ``samen new`` writes: a worked example, every field
explained in a Dutch comment. Never imports textual."""

SUMMARY = "een dia met tekst"
"""One line for the list of kinds at the top of the file."""

ITEM = "begin"
"""The agenda item of the example file the example goes in."""

EXAMPLE = '''\
# --- content: een dia ---------------------------------------------------------
[[items.steps]]
# De soort stap (verplicht).
kind = "content"
# De id van de stap (verplicht, uniek in het hele bestand).
id = "welkom"
# De titel van de stap (verplicht).
title = "Welkom"
# De tekst van de dia, in Markdown (koppen met #, opsommingen met -).
text = """
# Welkom

- Wat gaan we doen?
- Wat nemen we mee naar huis?
"""
# Wat F1 (help) bij deze stap toont, in Markdown (mag weg: dan de uitleg van de app).
# Elke stap kan een eigen `help` hebben.
help = "Vertel wie je bent en wat je vandaag hoopt mee te nemen."
# Mag de trainer bij deze dia notities maken? (standaard true)
notes = true
'''

SUMMARY_EN = "a slide with text"
EXAMPLE_EN = '''\
# --- content: a slide ----------------------------------------------------------
[[items.steps]]
# The kind of step (required).
kind = "content"
# The id of the step (required, unique in the whole file).
id = "welkom"
# The title of the step (required).
title = "Welcome"
# The text of the slide, in Markdown (headings with #, lists with -).
text = """
# Welcome

- What are we going to do?
- What do we take home?
"""
# What F1 (help) shows at this step, in Markdown (may be left out: then the app's
# own explanation). Every step can have a `help` of its own.
help = "Say who you are and what you hope to take home today."
# May the trainer keep notes on this slide? (default true)
notes = true
'''
"""The example in an English workshop file (``samen new --lang en``)."""
