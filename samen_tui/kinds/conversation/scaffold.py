"""The conversation step in the file ``samen new`` writes: a worked example, every field
explained in a Dutch comment. Never imports textual."""

SUMMARY = "gesprekssoorten en een gespreksvorm in fasen (BOB, BARB)"
"""One line for the list of kinds at the top of the file."""

ITEM = "afspraken-maken"
"""The agenda item of the example file the example goes in."""

EXAMPLE = """\
# --- conversation: gesprekssoorten en een gespreksvorm in fasen --------------
[[items.steps]]
kind = "conversation"
id = "gesprek"
title = "Het gesprek"
text = "Kies een gespreksvorm en loop de fasen door."

# De soorten gesprek (mag weg): elk met een vraag, een keten van stappen en een uitkomst.
[[items.steps.types]]
id = "onderzoekend"
title = "Onderzoekend"
question = "Wat is er aan de hand?"
# De keten van stappen in dit gesprek (verplicht, minstens 1).
chain = ["Feiten verzamelen", "Interpreteren", "Agenderen"]
# Waar het gesprek op uitkomt (verplicht).
outcome = "Gedeelde probleemdefinitie"

# De gespreksvormen (minstens 1), elk met zijn fasen.
[[items.steps.flows]]
id = "bob"
title = "BOB"
# Een korte uitleg (mag weg).
description = "Beeldvorming, oordeelsvorming, besluitvorming."

[[items.steps.flows.phases]]
# De id van de fase (verplicht, uniek binnen de gespreksvorm).
id = "beeldvorming"
title = "Beeldvorming"
# De vraag van deze fase (verplicht).
question = "Wat is er aan de hand?"
# Wat de trainer hier vastlegt naast notities: "notes" (alleen notities,
# standaard), "mandates" (per partner: wat neem je mee naar je achterban) of
# "decisions" (besluiten en acties: wie, wat, wanneer).
capture = "notes"

[[items.steps.flows.phases]]
id = "oordeelsvorming"
title = "Oordeelsvorming"
question = "Wat vinden we ervan?"

[[items.steps.flows.phases]]
id = "besluitvorming"
title = "Besluitvorming"
question = "Wie gaat wat wanneer doen?"
capture = "decisions"

# De woorden die het scherm en het verslag bij deze stap tonen (allemaal optioneel;
# wat je weglaat zegt de app op haar eigen manier). {n} en dergelijke vult de app in.
[items.steps.words]
# Boven de gesprekstypen.
types = "Gesprekstypen: stappen (→) en uitkomst (⇒)"
# Boven de gespreksvormen.
flow = "Gespreksvorm (kies samen)"
# Zolang er nog geen gespreksvorm gekozen is.
choose_flow = "Kies eerst samen een gespreksvorm."
# Verslag: voor de gekozen gespreksvorm.
report_flow = "Gespreksvorm:"
"""

SUMMARY_EN = "kinds of conversation and a conversation form in phases (BOB, BARB)"
EXAMPLE_EN = """\
# --- conversation: kinds of conversation and a form in phases ----------------
[[items.steps]]
kind = "conversation"
id = "gesprek"
title = "The conversation"
text = "Choose a conversation form and go through its phases."

# The kinds of conversation (may be left out): each with a question, a chain
# of steps and an outcome.
[[items.steps.types]]
id = "onderzoekend"
title = "Exploring"
question = "What is going on?"
# The chain of steps in this conversation (required, at least 1).
chain = ["Gather facts", "Interpret", "Put on the agenda"]
# Where the conversation leads to (required).
outcome = "A shared definition of the problem"

# The conversation forms (at least 1), each with its phases.
[[items.steps.flows]]
id = "bob"
title = "BOB"
# A short explanation (may be left out).
description = "Forming a picture, forming an opinion, deciding."

[[items.steps.flows.phases]]
# The id of the phase (required, unique within the form).
id = "beeldvorming"
title = "Forming a picture"
# The question of this phase (required).
question = "What is going on?"
# What the trainer captures here besides notes: "notes" (notes only, the
# default), "mandates" (per partner: what do you take back to the people you
# represent) or "decisions" (decisions and actions: who, what, when).
capture = "notes"

[[items.steps.flows.phases]]
id = "oordeelsvorming"
title = "Forming an opinion"
question = "What do we think of it?"

[[items.steps.flows.phases]]
id = "besluitvorming"
title = "Deciding"
question = "Who is going to do what, and when?"
capture = "decisions"

# The words the screen and the verslag show at this step (all optional; what you
# leave out the app says in its own way). The app fills in {n} and the like.
[items.steps.words]
# Above the kinds of conversation.
types = "Kinds of conversation: steps (→) and outcome (⇒)"
# Above the conversation forms.
flow = "Conversation form (choose together)"
# As long as no conversation form has been chosen.
choose_flow = "First choose a conversation form together."
# Verslag: before the chosen conversation form.
report_flow = "Conversation form:"
"""
"""The example in an English workshop file (``samen new --lang en``)."""
