"""The brainstorm step in the file ``samen new`` writes: a worked example, every field
explained in a Dutch comment. Never imports textual."""

SUMMARY = "kaartjes verzamelen per vraag, eventueel stemmen met stippen"
"""One line for the list of kinds at the top of the file."""

ITEM = "ideeen"
"""The agenda item of the example file the example goes in."""

EXAMPLE = """\
# --- brainstorm: kaartjes per vraag, daarna stemmen --------------------------
[[items.steps]]
kind = "brainstorm"
id = "wat-helpt"
title = "Wat helpt?"
text = "Verzamel eerst kaartjes per vraag; stem daarna met stippen."
# De eigen tijd van deze stap in minuten (mag weg; elke stap kan dit hebben): een
# tweede timer onder die van het agendapunt, met dezelfde kleuren.
minutes = 15
# Getimede rondes binnen de stap, in minuten (mag weg): F8 begint de volgende ronde.
rounds = [5, 5, 5]
# Stemmen met stippen: `budget` stippen per stemmer, `per` is "participant"
# (ieder apart) of "group" (de groep als geheel). Laat de regel weg voor
# een brainstorm zonder stemmen.
voting = { budget = 3, per = "participant" }
# Anoniem: kaartjes zonder naam, stippen onder een nummer (standaard false).
anonymous = false
# Ook één ranglijst over alle vragen heen, in de app (r) en in het verslag (standaard false).
overall = true
# De vragen kunnen ook uit een eerdere stap komen, zoals de winnende "Hoe zouden
# we ...?": laat de prompts dan weg en geef from = "id-van-die-stap" en top = 1
# (de vraag met de meeste stippen). Zie `from` bij rate hieronder.

# Eén [[items.steps.prompts]] per kolom (minstens 1).
[[items.steps.prompts]]
# De id van de kolom (verplicht).
id = "kansen"
# De naam van de kolom (verplicht).
title = "Kansen"
# De vraag die erbij hoort (mag weg).
question = "Wat werkt in ons voordeel?"

[[items.steps.prompts]]
id = "valkuilen"
title = "Valkuilen"
question = "Wat houdt ons tegen?"

# De woorden die het scherm en het verslag bij deze stap tonen (allemaal optioneel;
# wat je weglaat zegt de app op haar eigen manier). {n} en dergelijke vult de app in.
[items.steps.words]
# De tekst in het lege invoerveld.
placeholder = "Nieuw kaartje (Enter)"
# Wat er staat zolang er niets is.
empty = "Nog geen kaartjes."
# Verslag: de kop van de kolom met de kaartjes.
report_idea = "Idee"
# Verslag: het bijschrift bij de ranglijst ({prompt} = de kolom).
report_caption = "{prompt}: de ideeën op volgorde van stemmen"
"""

SUMMARY_EN = "collect cards per question, optionally vote with dots"
EXAMPLE_EN = """\
# --- brainstorm: cards per question, then a vote -----------------------------
[[items.steps]]
kind = "brainstorm"
id = "wat-helpt"
title = "What helps?"
text = "First collect cards per question; then vote with dots."
# This step's own time in minutes (may be left out; every step can have it): a
# second timer below the agenda item's, with the same colours.
minutes = 15
# Timed rounds within the step, in minutes (may be left out): F8 starts the next round.
rounds = [5, 5, 5]
# Voting with dots: `budget` dots per voter, `per` is "participant" (each on
# their own) or "group" (the group as a whole). Leave the line out for a
# brainstorm without votes.
voting = { budget = 3, per = "participant" }
# Anonymous: cards without a name, dots under a number (default false).
anonymous = false
# Also one ranking across all questions, in the app (r) and in the verslag (default false).
overall = true
# The questions can also come from an earlier step, such as the winning "How might
# we ...?": then leave the prompts out and give from = "id-of-that-step" and top = 1
# (the question with the most dots). See `from` with rate below.

# One [[items.steps.prompts]] per column (at least 1).
[[items.steps.prompts]]
# The id of the column (required).
id = "kansen"
# The name of the column (required).
title = "Opportunities"
# The question that goes with it (may be left out).
question = "What works in our favour?"

[[items.steps.prompts]]
id = "valkuilen"
title = "Pitfalls"
question = "What holds us back?"

# The words the screen and the verslag show at this step (all optional; what you
# leave out the app says in its own way). The app fills in {n} and the like.
[items.steps.words]
# The text in the empty entry field.
placeholder = "New card (Enter)"
# What shows as long as there is nothing.
empty = "No cards yet."
# Verslag: the heading of the column with the cards.
report_idea = "Idea"
# Verslag: the caption of the ranking ({prompt} = the column).
report_caption = "{prompt}: the ideas by votes"
"""
"""The example in an English workshop file (``samen new --lang en``)."""
