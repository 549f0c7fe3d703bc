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
"""

SUMMARY_EN = "sort cards into categories (motives, for example)"
EXAMPLE_EN = """\
# --- sort: sort cards into categories ----------------------------------------
[[items.steps]]
kind = "sort"
id = "motieven"
title = "Why do you take part?"
text = "Everyone names a reason; the trainer puts each card in a category."

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
"""
"""The example in an English workshop file (``samen new --lang en``)."""
