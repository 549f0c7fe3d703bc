"""The actions step in the file ``samen new`` writes: a worked example, every field
explained in a Dutch comment. Never imports textual."""

SUMMARY = "afspraken en acties: wie doet wat wanneer"
"""One line for the list of kinds at the top of the file."""

ITEM = "afspraken-maken"
"""The agenda item of the example file the example goes in."""

EXAMPLE = """\
# --- actions: afspraken en acties --------------------------------------------
# Alle acties van de sessie in één lijst (wie, wat, wanneer, status), ook de
# acties uit een fase met capture = "decisions". Geen eigen velden.
[[items.steps]]
kind = "actions"
id = "acties"
title = "Afspraken en acties"
text = "Wie doet wat, en wanneer?"
"""

SUMMARY_EN = "agreements and actions: who does what when"
EXAMPLE_EN = """\
# --- actions: agreements and actions -----------------------------------------
# Every action of the session in one list (who, what, when, status), the
# actions of a phase with capture = "decisions" too. No fields of its own.
[[items.steps]]
kind = "actions"
id = "acties"
title = "Agreements and actions"
text = "Who does what, and when?"
"""
"""The example in an English workshop file (``samen new --lang en``)."""
