"""The participants step in the file ``samen new`` writes: a worked example, every field
explained in a Dutch comment. Never imports textual."""

SUMMARY = "wie is er (naam, organisatie, rol)"
"""One line for the list of kinds at the top of the file."""

ITEM = "begin"
"""The agenda item of the example file the example goes in."""

EXAMPLE = """\
# --- participants: wie is er? -------------------------------------------------
[[items.steps]]
kind = "participants"
id = "deelnemers"
title = "Wie is er?"
# Elke stap kan een `text` hebben: een aanwijzing boven de oefening.
text = "Een korte voorstelronde: naam, organisatie en rol."
# Voorgestelde rollen; de trainer mag ook iets anders typen.
roles = ["deelnemer", "trainer"]
"""

SUMMARY_EN = "who is here (name, organisation, role)"
EXAMPLE_EN = """\
# --- participants: who is here? ------------------------------------------------
[[items.steps]]
kind = "participants"
id = "deelnemers"
title = "Who is here?"
# Every step may have a `text`: a hint above the exercise.
text = "A short round of introductions: name, organisation and role."
# Suggested roles; the trainer may type something else as well.
roles = ["participant", "trainer"]
"""
"""The example in an English workshop file (``samen new --lang en``)."""
