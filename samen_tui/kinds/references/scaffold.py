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
