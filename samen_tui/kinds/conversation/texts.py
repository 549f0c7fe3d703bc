"""Interface strings of the conversation step (types, BOB/BARB, mandates, decisions)."""

NL: dict[str, str] = {
    "conversation.types": "Gesprekstypen: stappen (→) en uitkomst (⇒)",
    "conversation.flow": "Gespreksvorm (kies samen)",
    "conversation.no_flow": "Geen gespreksvorm gekozen.",
    "conversation.choose_flow": "Kies eerst samen een gespreksvorm (pijltjes en Enter);"
    " daarna verschijnen de fasen.",
    "conversation.flow_chosen": "Gekozen: {flow}",
    "conversation.mandates": "Mandaten per partner",
    "conversation.decisions": "Besluiten",
    "conversation.actions": "Acties (wie doet wat wanneer)",
    "conversation.mandate": "mandaat",
    "conversation.decision": "besluit",
    "conversation.partner": "Partner",
    "conversation.take_back": "Meenemen naar achterban",
    "conversation.holder": "Mandaat bij (wie)",
    "conversation.holder.short": "Mandaat bij",
    "conversation.by": "Uiterlijk (d-m-jjjj)",
    "conversation.by.short": "Uiterlijk",
    "conversation.decision.new": "Besluit (Enter legt vast)",
    "conversation.decision.column": "Besluit",
    "help.step.conversation": "**Drie soorten gesprekken, BOB en BARB.** Bovenaan de"
    " gesprekstypen met hun stappen (→) en uitkomst (⇒).\n\n"
    "Kies bij *Gespreksvorm* samen BOB of BARB (pijltjes, Enter). Per fase is er ruimte voor"
    " notities; Tab gaat naar het volgende veld.\n\n"
    "- **Achterbanraadpleging**: per partner wat mee naar de achterban gaat, bij wie het"
    " mandaat ligt en uiterlijk wanneer. Enter legt de regel vast.\n"
    "- **Besluitvorming**: de besluiten, en de acties: wie, wat, wanneer. Wanneer is een"
    " datum: 5-12-2026 of 2026-12-05.\n\n"
    "In een tabel: **Enter** wijzigt, **Delete** verwijdert, **spatie** zet een actie op"
    " gedaan, **a** maakt van een besluit een actie; **Esc** stopt met wijzigen."
    " **ctrl+z** draait de laatste wijziging terug.",
    "report.conversation.flow": "Gespreksvorm:",
    "report.conversation.mandates": "Mandaten",
    "report.conversation.decisions": "Besluiten",
    "report.conversation.actions": "{n} acties afgesproken: zie de actielijst.",
    "report.conversation.actions.one": "1 actie afgesproken: zie de actielijst.",
    "report.mandate.partner": "Partner",
    "report.mandate.take_back": "Neemt mee terug",
    "report.mandate.holder": "Mandaat bij",
    "report.mandate.by": "Uiterlijk",
    "report.mandate.caption": "Wat de partners mee terugnemen naar hun achterban",
    "workshop.check.no_flows": "een conversation-stap heeft minstens één flow nodig",
    "workshop.check.no_phases": "een flow heeft minstens één fase nodig",
    "workshop.check.duplicate_phase": "dubbele fase-id '{phase}' in flow '{flow}'",
    "workshop.check.empty_chain": "een chain heeft minstens één stap nodig",
}

EN: dict[str, str] = {
    "conversation.types": "Conversation types: steps (→) and outcome (⇒)",
    "conversation.flow": "Conversation form (choose together)",
    "conversation.no_flow": "No conversation form chosen.",
    "conversation.choose_flow": "First choose a conversation form together (arrows and"
    " Enter); then the phases appear.",
    "conversation.flow_chosen": "Chosen: {flow}",
    "conversation.mandates": "Mandates per partner",
    "conversation.decisions": "Decisions",
    "conversation.actions": "Actions (who does what when)",
    "conversation.mandate": "mandate",
    "conversation.decision": "decision",
    "conversation.partner": "Partner",
    "conversation.take_back": "Take back to their organisation",
    "conversation.holder": "Mandate held by",
    "conversation.holder.short": "Held by",
    "conversation.by": "By (d-m-yyyy)",
    "conversation.by.short": "By",
    "conversation.decision.new": "Decision (Enter records it)",
    "conversation.decision.column": "Decision",
    "help.step.conversation": "**Three kinds of conversation, BOB and BARB.** At the top"
    " the conversation types with their steps (→) and outcome (⇒).\n\n"
    "At *Conversation form* choose BOB or BARB together (arrows, Enter). Each phase has room"
    " for notes; Tab goes to the next field.\n\n"
    "- **Consulting the rank and file**: per partner what goes back to their organisation,"
    " who holds the mandate and by when. Enter records the row.\n"
    "- **Decision-making**: the decisions, and the actions: who, what, when. When is a"
    " date: 5-12-2026 or 2026-12-05.\n\n"
    "In a table: **Enter** edits, **Delete** removes, **space** marks an action done,"
    " **a** makes a decision an action; **Esc** stops editing."
    " **ctrl+z** undoes the last change.",
    "report.conversation.flow": "Conversation form:",
    "report.conversation.mandates": "Mandates",
    "report.conversation.decisions": "Decisions",
    "report.conversation.actions": "{n} actions agreed: see the action list.",
    "report.conversation.actions.one": "1 action agreed: see the action list.",
    "report.mandate.partner": "Partner",
    "report.mandate.take_back": "Takes back",
    "report.mandate.holder": "Mandate held by",
    "report.mandate.by": "By",
    "report.mandate.caption": "What the partners take back to their constituencies",
    "workshop.check.no_flows": "a conversation step needs at least one flow",
    "workshop.check.no_phases": "a flow needs at least one phase",
    "workshop.check.duplicate_phase": "duplicate phase id '{phase}' in flow '{flow}'",
    "workshop.check.empty_chain": "a chain needs at least one step",
}
