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
# Is een lage score goed (moeite, risico)? Dan zijn de zwakste de hoogste (standaard false).
lower_is_better = false
# Het gemiddelde per groep tonen (een balk per cluster)? (standaard true)
totals = true
# Anoniem scoren: eigen scores staan onder een nummer, nooit onder een naam (standaard false).
anonymous = false
# De scores als "bars" (per item een score en balk) of ook als "radar" (een web, vanaf
# 3 items; g wisselt in de app) (standaard "bars").
chart = "bars"

# De schaal (mag weg): hele getallen van min tot max, hoogstens 10 punten.
# Korter schrijven mag ook: scale = { min = 1, max = 3, labels = [...] }
[items.steps.scale]
# Het laagste punt (standaard 1).
min = 1
# Het hoogste punt (standaard 5).
max = 5
# Eén label per punt, van laag naar hoog (of [] voor alleen getallen).
labels = ["helemaal niet", "nauwelijks", "deels", "grotendeels", "helemaal"]

# De groepen (clusters), in de volgorde waarin ze getoond worden (mag weg: dan
# staan alle items in één groep, en hebben de items geen `group`).
[[items.steps.groups]]
id = "doel"
title = "Doel"

[[items.steps.groups]]
id = "aanpak"
title = "Aanpak"

# De items (verplicht); `group` is de id van de groep waar het item bij hoort.
# De schaal mag ook van 0 tot en met 10 lopen (10 typ je als 1 en dan 0).
[[items.steps.items]]
id = "helder-doel"
title = "Een helder doel"
# De id van de groep waar dit item bij hoort (verplicht als de stap groepen heeft).
group = "doel"
# Een toelichting bij het item (mag weg).
description = "Weet iedereen waar we naartoe werken?"

[[items.steps.items]]
id = "genoeg-tijd"
title = "Genoeg tijd"
group = "aanpak"

# De woorden die het scherm en het verslag bij deze stap tonen (allemaal optioneel;
# wat je weglaat zegt de app op haar eigen manier). {n} en dergelijke vult de app in.
[items.steps.words]
# Voor de zwakste items.
weakest = "Begin het gesprek bij:"
# Zolang er nog geen scores zijn ({n} = het aantal zwakste items).
weakest_none = "nog geen scores; hier komen de {n} zwakste items"
# Het veld voor een notitie ({item} = het item).
note = "Notitie bij {item}: Enter of Esc is klaar"
# Verslag: boven de zwakste items.
report_weakest = "Zwakste punten (hier begint het gesprek):"
# Verslag: de titel van de grafiek met de gemiddelden per groep.
report_bars = "Gemiddelde per groep"
# Verslag: de kop van de kolom met de items.
report_item = "Item"
# Hoe één item heet in de uitleg van de toetsen (F1), met lidwoord.
item_noun = "het item"

# --- rate met items uit een eerdere stap (from) -------------------------------
[[items.steps]]
kind = "rate"
id = "impact"
title = "Hoe belangrijk is elke reden voor jou?"
# De items zijn de kaartjes van een eerdere stap (brainstorm, sort, rate of
# questions), zoals de groep ze daar maakte: dan geen eigen items.
from = "motieven"
# Bij een sort-stap: alleen de kaartjes van deze categorie (mag weg: allemaal).
category = "voor-mezelf"
# Hoeveel: de zwakste (rate), de meeste stippen (brainstorm), de eerste; 0 = allemaal.
top = 0
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
# Is a low score good (effort, risk)? Then the weakest are the highest (default false).
lower_is_better = false
# Show the mean per group (a bar per cluster)? (default true)
totals = true
# Anonymous scores: kept under a number, never under a name (default false).
anonymous = false
# The scores as "bars" (a score and a bar per item) or also as a "radar" (a web, from
# 3 items; g switches in the app) (default "bars").
chart = "bars"

# The scale (may be left out): whole numbers from min to max, at most 10 points.
# Shorter is fine too: scale = { min = 1, max = 3, labels = [...] }
[items.steps.scale]
# The lowest point (default 1).
min = 1
# The highest point (default 5).
max = 5
# One label per point, from low to high (or [] for numbers only).
labels = ["not at all", "hardly", "partly", "largely", "fully"]

# The groups (clusters), in the order they are shown (may be left out: then all
# items are in one group, and the items have no `group`).
[[items.steps.groups]]
id = "doel"
title = "Goal"

[[items.steps.groups]]
id = "aanpak"
title = "Approach"

# The items (required); `group` is the id of the group the item belongs to.
# The scale may also run from 0 to 10 (type 10 as 1 and then 0).
[[items.steps.items]]
id = "helder-doel"
title = "A clear goal"
# The id of the group this item belongs to (required when the step has groups).
group = "doel"
# An explanation of the item (may be left out).
description = "Does everyone know where we are heading?"

[[items.steps.items]]
id = "genoeg-tijd"
title = "Enough time"
group = "aanpak"

# The words the screen and the verslag show at this step (all optional; what you
# leave out the app says in its own way). The app fills in {n} and the like.
[items.steps.words]
# Before the weakest items.
weakest = "Start the conversation at:"
# As long as there are no scores yet ({n} = the number of weakest items).
weakest_none = "no scores yet; the {n} weakest items will show here"
# The field for a note ({item} = the item).
note = "Note on {item}: Enter or Esc when done"
# Verslag: above the weakest items.
report_weakest = "Weakest points (where the conversation starts):"
# Verslag: the title of the chart with the means per group.
report_bars = "Mean per group"
# Verslag: the heading of the column with the items.
report_item = "Item"
# What one item is called in the keys' explanation (F1), with its article.
item_noun = "the item"

# --- rate with items from an earlier step (from) ------------------------------
[[items.steps]]
kind = "rate"
id = "impact"
title = "How much does each reason matter to you?"
# The items are the cards of an earlier step (brainstorm, sort, rate or questions),
# as the group made them there: then no items of its own.
from = "motieven"
# With a sort step: only the cards of this category (may be left out: all of them).
category = "voor-mezelf"
# How many: the weakest (rate), the most dots (brainstorm), the first; 0 = all.
top = 0
"""
"""The example in an English workshop file (``samen new --lang en``)."""
