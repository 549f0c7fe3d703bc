"""The questions step in the file ``samen new`` writes: a worked example, every field
explained in a Dutch comment. Never imports textual."""

SUMMARY = "open vragen met antwoorden"
"""One line for the list of kinds at the top of the file."""

ITEM = "afspraken-maken"
"""The agenda item of the example file the example goes in."""

EXAMPLE = """\
# --- questions: open vragen met antwoorden -----------------------------------
[[items.steps]]
kind = "questions"
id = "vragen"
title = "Startvragen"
text = "Bespreek de vragen één voor één en leg de antwoorden vast."
# Mag bij elk antwoord staan wie het gaf? (standaard true)
attributed = true
# Groepjes (breakout) waar een antwoord van kan komen (mag weg; elke stap kan ze
# hebben): ze staan naast de deelnemers in de keuze wie het zei.
breakouts = ["Tafel 1", "Tafel 2"]
# Anoniem: nooit een naam bij een antwoord, ook niet als attributed true is (standaard false).
anonymous = false

# Eén [[items.steps.questions]] per vraag (minstens 1).
[[items.steps.questions]]
# De id van de vraag (verplicht).
id = "belang"
# De vraag zelf (verplicht).
text = "Wat is ons gezamenlijk belang?"

[[items.steps.questions]]
id = "eerste-stap"
text = "Wat is de eerste stap?"

# De woorden die het scherm en het verslag bij deze stap tonen (allemaal optioneel;
# wat je weglaat zegt de app op haar eigen manier). {n} en dergelijke vult de app in.
[items.steps.words]
# De tekst in het lege invoerveld.
placeholder = "Antwoord (Enter voegt toe)"
# Wat er staat zolang er niets is.
empty = "Nog geen antwoorden."
"""

SUMMARY_EN = "open questions with answers"
EXAMPLE_EN = """\
# --- questions: open questions with answers ----------------------------------
[[items.steps]]
kind = "questions"
id = "vragen"
title = "Starting questions"
text = "Discuss the questions one by one and capture the answers."
# May each answer say who gave it? (default true)
attributed = true
# Groups (breakouts) an answer can come from (may be left out; every step can have
# them): they stand beside the participants in the choice of who said it.
breakouts = ["Table 1", "Table 2"]
# Anonymous: never a name with an answer, not even when attributed is true (default false).
anonymous = false

# One [[items.steps.questions]] per question (at least 1).
[[items.steps.questions]]
# The id of the question (required).
id = "belang"
# The question itself (required).
text = "What is our shared interest?"

[[items.steps.questions]]
id = "eerste-stap"
text = "What is the first step?"

# The words the screen and the verslag show at this step (all optional; what you
# leave out the app says in its own way). The app fills in {n} and the like.
[items.steps.words]
# The text in the empty entry field.
placeholder = "Answer (Enter adds it)"
# What shows as long as there is nothing.
empty = "No answers yet."
"""
"""The example in an English workshop file (``samen new --lang en``)."""
