"""The sort step in the file ``samen new`` writes: a worked example, every field
explained in a Dutch comment. Never imports textual."""

SUMMARY = "kaartjes sorteren in categorieën (bijvoorbeeld motieven)"
"""One line for the list of kinds at the top of the file."""

ITEM = "verkennen"
"""The agenda item of the example file the example goes in."""

EXAMPLE = """\
# --- sort: kaartjes sorteren in categorieën ----------------------------------
[[items.steps]]
kind = "sort"
id = "motieven"
title = "Waarom doe jij mee?"
text = "Iedereen noemt een reden; de trainer zet elk kaartje bij een categorie."
# Mogen er in de app categorieën bij komen, andere namen krijgen en samengaan
# (ctrl+n, F9, F5)? Handig voor thema's die in de zaal opkomen (standaard false).
open = true
# Mag een kaartje (nog) zonder categorie blijven? Dan is er een stapel
# "Nog niet gesorteerd" met toets 0 (standaard false).
unsorted = true
# De kaartjes van een eerdere stap sorteren, zonder overtypen: zet hier de id van die
# stap (een brainstorm, questions, rate of sort); ze komen op de stapel
# "Nog niet gesorteerd". Met top = 8: de acht met de meeste stippen.
# from = "ideeen"

# Eén [[items.steps.categories]] per categorie (minstens 1, hoogstens 9).
[[items.steps.categories]]
# De id van de categorie (verplicht).
id = "voor-mezelf"
# De naam van de categorie (verplicht).
title = "Voor mezelf"
# Hulpwoorden die bij de categorie staan (mag leeg blijven).
hints = ["plezier", "leren"]
# Eén toets die een kaartje in deze categorie zet (standaard de positie: 1, 2, ...).
key = "1"

[[items.steps.categories]]
id = "voor-anderen"
title = "Voor anderen"
hints = ["helpen", "samen"]
key = "2"

# De woorden die het scherm en het verslag bij deze stap tonen (allemaal optioneel;
# wat je weglaat zegt de app op haar eigen manier). {n} en dergelijke vult de app in.
[items.steps.words]
# De tekst in het lege invoerveld.
placeholder = "Typ een kaartje: waarom doe jij mee?"
# De vraag na Enter: in welke categorie?
pick = "Welke categorie?"
# De regel onder het invoerveld ({keys} = de toetsen van de categorieën).
hint = "Enter, dan {keys} voor de categorie · F4: wie · ↓: naar de kaartjes"
# Wat er staat zolang er niets is.
empty = "nog geen kaartjes"
# Het aantal kaartjes ({n}), en bij precies één:
total = "{n} kaartjes"
# (één kaartje)
total_one = "1 kaartje"
# Voor de aantallen per categorie.
per_category = "Per categorie:"
# Voor de aantallen per organisatie.
per_organisation = "Per organisatie ({keys}):"
# Verslag: het bijschrift bij de aantallen per categorie.
report_counts = "Aantal kaartjes per categorie"
# Verslag: de kop boven de tabel per organisatie,
report_per_organisation = "Per organisatie"
# en het bijschrift van die tabel.
report_per_organisation_caption = "Kaartjes per organisatie en categorie"
# De stapel zonder categorie (met unsorted = true).
unsorted = "Nog niet gesorteerd"
"""

SUMMARY_EN = "sort cards into categories (motives, for example)"
EXAMPLE_EN = """\
# --- sort: sort cards into categories ----------------------------------------
[[items.steps]]
kind = "sort"
id = "motieven"
title = "Why do you take part?"
text = "Everyone names a reason; the trainer puts each card in a category."
# May categories be added, renamed and merged in the app (ctrl+n, F9, F5)? Handy
# for themes that come up in the room (default false).
open = true
# May a card stay without a category (for now)? Then there is a pile
# "Not sorted yet" with key 0 (default false).
unsorted = true
# Sort the cards of an earlier step without retyping: put that step's id here (a
# brainstorm, questions, rate or sort step); they arrive on the pile
# "Not sorted yet". With top = 8: the eight with the most dots.
# from = "ideas"

# One [[items.steps.categories]] per category (at least 1, at most 9).
[[items.steps.categories]]
# The id of the category (required).
id = "voor-mezelf"
# The name of the category (required).
title = "For myself"
# Hint words shown with the category (may stay empty).
hints = ["fun", "learning"]
# One key that puts a card in this category (default its position: 1, 2, ...).
key = "1"

[[items.steps.categories]]
id = "voor-anderen"
title = "For others"
hints = ["helping", "together"]
key = "2"

# The words the screen and the verslag show at this step (all optional; what you
# leave out the app says in its own way). The app fills in {n} and the like.
[items.steps.words]
# The text in the empty entry field.
placeholder = "Type a card: why do you take part?"
# The question after Enter: in which category?
pick = "Which category?"
# The line below the entry field ({keys} = the keys of the categories).
hint = "Enter, then {keys} for the category · F4: who · ↓: to the cards"
# What shows as long as there is nothing.
empty = "no cards yet"
# The number of cards ({n}), and with exactly one:
total = "{n} cards"
# (one card)
total_one = "1 card"
# Before the counts per category.
per_category = "Per category:"
# Before the counts per organisation.
per_organisation = "Per organisation ({keys}):"
# Verslag: the caption of the counts per category.
report_counts = "Number of cards per category"
# Verslag: the heading above the table per organisation,
report_per_organisation = "Per organisation"
# and the caption of that table.
report_per_organisation_caption = "Cards per organisation and category"
# The pile without a category (with unsorted = true).
unsorted = "Not sorted yet"
"""
"""The example in an English workshop file (``samen new --lang en``)."""
