"""The rate step in the file ``samen new`` writes: a worked example, every field
explained in a Dutch comment. Never imports textual."""

SUMMARY = "items scoren op een schaal (een checklist)"
"""One line for the list of kinds at the top of the file."""

ITEM = "verkennen"
"""The agenda item of the example file the example goes in."""

EXAMPLE = """\
# --- rate: items scoren op een schaal (checklist) ----------------------------
[[items.steps]]
kind = "rate"
id = "checklist"
title = "Hoe staan we ervoor?"
text = "Geef elk item een score: in hoeverre is het er al?"
# Mag elke deelnemer naast de groepsscore ook een eigen score geven? (standaard true)
per_participant = true
# Hoeveel zwakste items worden gemarkeerd als startpunt voor het gesprek (standaard 3).
weakest = 3

# De schaal (mag weg): hele getallen van min tot max, hoogstens 10 punten.
# Korter schrijven mag ook: scale = { min = 1, max = 3, labels = [...] }
[items.steps.scale]
# Het laagste punt (standaard 1).
min = 1
# Het hoogste punt (standaard 5).
max = 5
# Eén label per punt, van laag naar hoog (of [] voor alleen getallen).
labels = ["helemaal niet", "nauwelijks", "deels", "grotendeels", "helemaal"]

# De groepen (clusters), in de volgorde waarin ze getoond worden (verplicht).
[[items.steps.groups]]
id = "doel"
title = "Doel"

[[items.steps.groups]]
id = "aanpak"
title = "Aanpak"

# De items (verplicht); `group` is de id van de groep waar het item bij hoort.
[[items.steps.items]]
id = "helder-doel"
title = "Een helder doel"
# De id van de groep waar dit item bij hoort (verplicht).
group = "doel"
# Een toelichting bij het item (mag weg).
description = "Weet iedereen waar we naartoe werken?"

[[items.steps.items]]
id = "genoeg-tijd"
title = "Genoeg tijd"
group = "aanpak"
"""

SUMMARY_EN = "score items on a scale (a checklist)"
EXAMPLE_EN = """\
# --- rate: score items on a scale (checklist) --------------------------------
[[items.steps]]
kind = "rate"
id = "checklist"
title = "Where do we stand?"
text = "Give every item a score: how far is it there already?"
# May every participant give a score of their own besides the group's? (default true)
per_participant = true
# How many of the weakest items are marked as a start for the conversation (default 3).
weakest = 3

# The scale (may be left out): whole numbers from min to max, at most 10 points.
# Shorter is fine too: scale = { min = 1, max = 3, labels = [...] }
[items.steps.scale]
# The lowest point (default 1).
min = 1
# The highest point (default 5).
max = 5
# One label per point, from low to high (or [] for numbers only).
labels = ["not at all", "hardly", "partly", "largely", "fully"]

# The groups (clusters), in the order they are shown (required).
[[items.steps.groups]]
id = "doel"
title = "Goal"

[[items.steps.groups]]
id = "aanpak"
title = "Approach"

# The items (required); `group` is the id of the group the item belongs to.
[[items.steps.items]]
id = "helder-doel"
title = "A clear goal"
# The id of the group this item belongs to (required).
group = "doel"
# An explanation of the item (may be left out).
description = "Does everyone know where we are heading?"

[[items.steps.items]]
id = "genoeg-tijd"
title = "Enough time"
group = "aanpak"
"""
"""The example in an English workshop file (``samen new --lang en``)."""
