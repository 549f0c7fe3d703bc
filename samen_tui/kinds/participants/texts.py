"""Strings of the participants step."""

NL: dict[str, str] = {
    "anonymous.slot": "Anoniem {n}",
    "report.participants.count": "{n} deelnemers.",
    "report.participants.count.one": "1 deelnemer.",
    "report.participants.count_orgs": "{n} deelnemers uit {orgs}.",
    "report.participants.count_orgs.one": "1 deelnemer uit {orgs}.",
    "report.participants.orgs": "{n} organisaties",
    "report.participants.orgs.one": "1 organisatie",
    "help.step.participants": "**Wie is er?** Typ een naam en druk Enter. Tab gaat naar"
    " organisatie en rol. In de lijst: Enter wijzigt, Delete verwijdert.",
    "participants.name": "Naam",
    "participants.organisation": "Organisatie",
    "participants.role": "Rol",
    "participants.hint": "Enter voegt toe · Tab: organisatie, rol · in de lijst: Enter"
    " wijzigt, Delete verwijdert",
    "participants.need_name": "Vul eerst een naam in.",
    "participants.count": "{n} deelnemers",
    "participants.count.one": "1 deelnemer",
    "participants.orgs": "uit {n} organisaties",
    "participants.orgs.one": "uit 1 organisatie",
    "participants.removed": "Verwijderd: {name}",
}

EN: dict[str, str] = {
    "anonymous.slot": "Anonymous {n}",
    "report.participants.count": "{n} participants.",
    "report.participants.count.one": "1 participant.",
    "report.participants.count_orgs": "{n} participants from {orgs}.",
    "report.participants.count_orgs.one": "1 participant from {orgs}.",
    "report.participants.orgs": "{n} organisations",
    "report.participants.orgs.one": "1 organisation",
    "help.step.participants": "**Who is here?** Type a name and press Enter. Tab reaches"
    " organisation and role. In the list: Enter edits, Delete removes.",
    "participants.name": "Name",
    "participants.organisation": "Organisation",
    "participants.role": "Role",
    "participants.hint": "Enter adds · Tab: organisation, role · in the list: Enter edits,"
    " Delete removes",
    "participants.need_name": "Fill in a name first.",
    "participants.count": "{n} participants",
    "participants.count.one": "1 participant",
    "participants.orgs": "from {n} organisations",
    "participants.orgs.one": "from 1 organisation",
    "participants.removed": "Removed: {name}",
}
