"""The references step in the file ``samen new`` writes: a worked example, every field
explained in a Dutch comment. Never imports textual."""

SUMMARY = "titels en adressen om verder te lezen"
"""One line for the list of kinds at the top of the file."""

ITEM = "afsluiting"
"""The agenda item of the example file the example goes in."""

EXAMPLE = """\
# --- references: titels en adressen ------------------------------------------
[[items.steps]]
kind = "references"
id = "verder-lezen"
title = "Verder lezen"
text = "Voor wie meer wil weten."

# Eén [[items.steps.references]] per verwijzing (minstens 1).
[[items.steps.references]]
# De titel (verplicht).
title = "Een boek of artikel"
# Het adres (mag weg).
url = "https://example.org/"
# Een opmerking (mag weg).
note = "Bijvoorbeeld: auteur, uitgever, jaar."
"""

SUMMARY_EN = "titles and addresses to read on"
EXAMPLE_EN = """\
# --- references: titles and addresses ----------------------------------------
[[items.steps]]
kind = "references"
id = "verder-lezen"
title = "Further reading"
text = "For those who want to know more."

# One [[items.steps.references]] per reference (at least 1).
[[items.steps.references]]
# The title (required).
title = "A book or an article"
# The address (may be left out).
url = "https://example.org/"
# A note (may be left out).
note = "For example: author, publisher, year."
"""
"""The example in an English workshop file (``samen new --lang en``)."""
