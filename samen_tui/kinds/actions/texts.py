"""Strings of the actions step."""

NL: dict[str, str] = {
    "key.forms.to_action": "Actie",
    "tip.forms.to_action": "Maak hier een actie van (wie en wanneer vul je in bij de acties)",
    "actions.made": "Actie gemaakt: {text}. Wie en wanneer vul je in bij de acties.",
    "actions.made_before": "Hier is al een actie van gemaakt: {text}",
    "actions.here": "hier",
    "actions.taken_over": "eerder: {origin}",
    "actions.summary": "{n} acties: {open} open, {done} gedaan",
    "actions.summary.one": "1 actie: {open} open, {done} gedaan",
    "help.step.actions": "**Afspraken en acties.** Alle acties van deze sessie in één lijst,"
    " ook die uit BOB of BARB. Typ *wie*, *wat* en *wanneer* en druk Enter om een actie toe"
    " te voegen. Wanneer is een datum: 5-12-2026 of 2026-12-05 (of leeg).\n\n"
    "In de lijst: **Enter** wijzigt de actie, **spatie** zet haar op gedaan (of weer open),"
    " **Delete** verwijdert, **Esc** stopt met wijzigen. **ctrl+z** draait de laatste"
    " wijziging terug.",
}

EN: dict[str, str] = {
    "key.forms.to_action": "Action",
    "tip.forms.to_action": "Make this an action (who and when are filled in at the actions)",
    "actions.made": "Action made: {text}. Who and when are filled in at the actions.",
    "actions.made_before": "An action was made of this already: {text}",
    "actions.here": "here",
    "actions.taken_over": "earlier: {origin}",
    "actions.summary": "{n} actions: {open} open, {done} done",
    "actions.summary.one": "1 action: {open} open, {done} done",
    "help.step.actions": "**Agreements and actions.** Every action of this session in one"
    " list, including those from BOB or BARB. Type *who*, *what* and *when* and press Enter"
    " to add an action. When is a date: 5-12-2026 or 2026-12-05 (or empty).\n\n"
    "In the list: **Enter** edits the action, **space** marks it done (or open again),"
    " **Delete** removes it, **Esc** stops editing. **ctrl+z** undoes the last change.",
}
