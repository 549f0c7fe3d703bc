"""Interface strings of the actions step and of the shared forms (wie / wat / wanneer,
dates, lists that edit), which the conversation step uses too."""

NL: dict[str, str] = {
    # shared forms
    "key.forms.edit": "Wijzigen",
    "key.forms.remove": "Verwijderen",
    "key.forms.cancel": "Stoppen met wijzigen",
    "key.forms.status": "Gedaan/open",
    "tip.forms.edit": "Het gekozen item in het formulier zetten om het te wijzigen",
    "tip.forms.remove": "Het gekozen item verwijderen (ctrl+z haalt het terug)",
    "tip.forms.cancel": "Het item niet wijzigen",
    "tip.forms.status": "De actie als gedaan markeren, of weer open zetten",
    "forms.date.unreadable": "'{text}' is geen datum. Schrijf bijvoorbeeld 5-12-2026 of"
    " 2026-12-05.",
    "forms.date.nonexistent": "{text} is geen bestaande datum.",
    "forms.required": "Vul '{field}' in.",
    "forms.editing": "Wijzigen ({what}): Enter bewaart, Esc stopt.",
    "forms.edit_cancelled": "Wijzigen gestopt; er is niets veranderd.",
    "forms.removed": "{what} verwijderd: {text}",
    "forms.empty": "Nog niets vastgelegd.",
    "forms.no_actions": "Nog geen acties.",
    "forms.entry": "regel",
    "forms.action": "actie",
    "forms.group": "de groep",
    "forms.who": "Wie",
    "forms.what": "Wat",
    "forms.when": "Wanneer (5-12-2026)",
    "forms.when.short": "Wanneer",
    "forms.status": "Status",
    "forms.status.open": "open",
    "forms.status.done": "gedaan",
    "forms.origin": "Uit",
    # actions step
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
    "key.forms.edit": "Edit",
    "key.forms.remove": "Remove",
    "key.forms.cancel": "Stop editing",
    "key.forms.status": "Done/open",
    "tip.forms.edit": "Put the highlighted entry in the form to edit it",
    "tip.forms.remove": "Remove the highlighted entry (ctrl+z brings it back)",
    "tip.forms.cancel": "Leave the entry as it was",
    "tip.forms.status": "Mark the action done, or open again",
    "forms.date.unreadable": "'{text}' is not a date. Write for example 5-12-2026 or 2026-12-05.",
    "forms.date.nonexistent": "{text} is not an existing date.",
    "forms.required": "Fill in '{field}'.",
    "forms.editing": "Editing ({what}): Enter saves, Esc stops.",
    "forms.edit_cancelled": "Stopped editing; nothing changed.",
    "forms.removed": "{what} removed: {text}",
    "forms.empty": "Nothing captured yet.",
    "forms.no_actions": "No actions yet.",
    "forms.entry": "entry",
    "forms.action": "action",
    "forms.group": "the group",
    "forms.who": "Who",
    "forms.what": "What",
    "forms.when": "When (5-12-2026)",
    "forms.when.short": "When",
    "forms.status": "Status",
    "forms.status.open": "open",
    "forms.status.done": "done",
    "forms.origin": "From",
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
