"""Texts of the report (verslag), the statistics and the comparison."""

from __future__ import annotations

NL: dict[str, str] = {
    # statistics
    "stats.group": "groep",
    "stats.no_organisation": "zonder organisatie",
    # formatting
    "report.none": "–",
    "report.decimal": ",",
    "report.date_format": "{day} {month} {year}",
    "report.month.1": "januari",
    "report.month.2": "februari",
    "report.month.3": "maart",
    "report.month.4": "april",
    "report.month.5": "mei",
    "report.month.6": "juni",
    "report.month.7": "juli",
    "report.month.8": "augustus",
    "report.month.9": "september",
    "report.month.10": "oktober",
    "report.month.11": "november",
    "report.month.12": "december",
    "report.day_format": "{day}-{month}-{year}",
    "report.day_month.1": "1",
    "report.day_month.2": "2",
    "report.day_month.3": "3",
    "report.day_month.4": "4",
    "report.day_month.5": "5",
    "report.day_month.6": "6",
    "report.day_month.7": "7",
    "report.day_month.8": "8",
    "report.day_month.9": "9",
    "report.day_month.10": "10",
    "report.day_month.11": "11",
    "report.day_month.12": "12",
    "report.status.open": "open",
    "report.status.done": "afgerond",
    # header
    "report.title": "Verslag: {title}",
    "report.title_dated": "{title}, {date}",
    "report.with_notes": (
        "Deze versie bevat de notities van de trainer; het verslag voor de deelnemers laat ze weg."
    ),
    "report.discussed": "Wat we bespraken",
    "report.participants.caption": "{n} deelnemers",
    "report.participants.caption.one": "1 deelnemer",
    "report.time.title": "Tijd per agendapunt",
    "report.time.item": "Agendapunt",
    "report.time.planned": "Gepland (min)",
    "report.time.used": "Besteed (min)",
    "report.time.caption": "Geplande en bestede tijd in minuten",
    "report.time.row": "{item}: gepland {planned} min, besteed {used} min",
    "report.time.legend": (
        "Grijze balk: de geplande tijd; gekleurde balk: de bestede tijd (oranje: langer"
        " dan gepland)."
    ),
    "report.origin": "{title} van {date}",
    "report.origin.earlier_on": "een eerdere sessie van {date}",
    "report.origin.earlier": "een eerdere sessie",
    "report.made_with": "Gemaakt met samen-tui.",
    "report.workshop": "Workshop",
    "report.date": "Datum",
    "report.time": "Tijd",
    "report.place": "Plaats",
    "report.trainer": "Trainer",
    "report.no_workshop": (
        "De workshop '{id}' is niet gevonden: dit verslag toont alleen wat in de sessie"
        " is vastgelegd, met de ids van de stappen in plaats van hun titels."
    ),
    "report.workshop_changed": (
        "Het workshopbestand is gewijzigd sinds deze sessie is gehouden; titels kunnen"
        " afwijken van wat de groep toen zag."
    ),
    "report.participants": "Deelnemers",
    "report.participant.name": "Naam",
    "report.organisation": "Organisatie",
    "report.role": "Rol",
    "report.nothing": "Niets vastgelegd.",
    "report.item_time": "Besteed: {spent} min (gepland: {planned} min).",
    "report.other_records": "Overige vastgelegde gegevens",
    "report.other_records.note": (
        "Deze gegevens horen bij stappen die niet (meer) in de workshop staan."
    ),
    "report.actions": "Actielijst",
    "report.notes": "Notities van de trainer:",
    "report.other": "Overig",
    "report.said_by": "{text} — {who}",
    "report.total": "Totaal",
    # participants
    # sort
    # rate
    # brainstorm
    # conversation
    # actions
    "report.action.who": "Wie",
    "report.action.what": "Wat",
    "report.action.when": "Wanneer",
    "report.action.status": "Status",
    "report.action.from": "Uit",
    "report.action.taken_over": "overgenomen uit {origin}",
    "report.action.caption": "Wie doet wat, en wanneer",
    # csv
    "report.csv.who": "wie",
    "report.csv.what": "wat",
    "report.csv.when": "wanneer",
    "report.csv.status": "status",
    "report.csv.step": "stap",
    "report.csv.origin": "herkomst",
    # export
    "export.with_notes": "Met de notities van de trainer (niet voor de deelnemers)",
    "report.export.format": "Onbekend formaat '{fmt}'; kies uit: {formats}.",
    "report.export.unreadable": "Kan de sessie {path} niet lezen: {reason}",
    "report.export.write": "Kan {path} niet schrijven: {reason}",
    "report.export.delimiter": (
        "Onbekend scheidingsteken '{text}'; kies uit: ';', ',', 'tab' of '|'."
    ),
    "report.ics.none": ("Deze sessie heeft geen acties met een datum: er is niets voor de agenda."),
    "report.ics.calendar": "Acties: {title}",
    "report.ics.who": "Wie: {who}",
    "report.ics.session": "Afgesproken in: {title}",
    "report.ics.session_dated": "Afgesproken in: {title}, {date}",
    "report.ics.status": "Status: {status}",
    # compare
    "compare.too_few": "Kies minstens twee sessies om te vergelijken.",
    "compare.different_workshops": (
        "Deze sessies horen bij verschillende workshops ({ids}); alleen sessies van"
        " dezelfde workshop zijn te vergelijken."
    ),
    "compare.wrong_workshop": (
        "De sessie '{title}' hoort bij workshop '{found}', niet bij '{expected}'."
    ),
    "compare.not_actions_step": (
        "Stap '{step}' is geen actielijst; acties kunnen alleen in een actielijst"
        " worden overgenomen."
    ),
    "compare.title": "Vergelijking",
    "compare.ratings": "Scores per cluster",
    "compare.motives": "Motieven",
    "compare.actions": "Besluiten en acties",
    "compare.decision": "besluit",
    "compare.action": "actie",
    "compare.kind": "Soort",
    "compare.absent": "–",
    "compare.present": "ja",
    "compare.group_mean": "{title} (gemiddeld)",
}

EN: dict[str, str] = {
    # statistics
    "stats.group": "group",
    "stats.no_organisation": "no organisation",
    # formatting
    "report.none": "–",
    "report.decimal": ".",
    "report.date_format": "{day} {month} {year}",
    "report.month.1": "January",
    "report.month.2": "February",
    "report.month.3": "March",
    "report.month.4": "April",
    "report.month.5": "May",
    "report.month.6": "June",
    "report.month.7": "July",
    "report.month.8": "August",
    "report.month.9": "September",
    "report.month.10": "October",
    "report.month.11": "November",
    "report.month.12": "December",
    "report.day_format": "{day} {month} {year}",
    "report.day_month.1": "Jan",
    "report.day_month.2": "Feb",
    "report.day_month.3": "Mar",
    "report.day_month.4": "Apr",
    "report.day_month.5": "May",
    "report.day_month.6": "Jun",
    "report.day_month.7": "Jul",
    "report.day_month.8": "Aug",
    "report.day_month.9": "Sep",
    "report.day_month.10": "Oct",
    "report.day_month.11": "Nov",
    "report.day_month.12": "Dec",
    "report.status.open": "open",
    "report.status.done": "done",
    # header
    "report.title": "Report: {title}",
    "report.title_dated": "{title}, {date}",
    "report.with_notes": (
        "This version holds the trainer's notes; the participants' report leaves them out."
    ),
    "report.discussed": "What we discussed",
    "report.participants.caption": "{n} participants",
    "report.participants.caption.one": "1 participant",
    "report.time.title": "Time per agenda item",
    "report.time.item": "Agenda item",
    "report.time.planned": "Planned (min)",
    "report.time.used": "Used (min)",
    "report.time.caption": "Time planned and used, in minutes",
    "report.time.row": "{item}: planned {planned} min, used {used} min",
    "report.time.legend": (
        "Grey bar: the time planned; coloured bar: the time used (orange: longer than planned)."
    ),
    "report.origin": "{title} of {date}",
    "report.origin.earlier_on": "an earlier session of {date}",
    "report.origin.earlier": "an earlier session",
    "report.made_with": "Made with samen-tui.",
    "report.workshop": "Workshop",
    "report.date": "Date",
    "report.time": "Time",
    "report.place": "Place",
    "report.trainer": "Trainer",
    "report.no_workshop": (
        "The workshop '{id}' was not found: this report shows only what the session"
        " captured, with the ids of the steps instead of their titles."
    ),
    "report.workshop_changed": (
        "The workshop file has changed since this session was held; titles may differ"
        " from what the group saw."
    ),
    "report.participants": "Participants",
    "report.participant.name": "Name",
    "report.organisation": "Organisation",
    "report.role": "Role",
    "report.nothing": "Nothing captured.",
    "report.item_time": "Spent: {spent} min (planned: {planned} min).",
    "report.other_records": "Other captured data",
    "report.other_records.note": (
        "These records belong to steps that are not (or no longer) in the workshop."
    ),
    "report.actions": "Action list",
    "report.notes": "Trainer's notes:",
    "report.other": "Other",
    "report.said_by": "{text} — {who}",
    "report.total": "Total",
    # participants
    # sort
    # rate
    # brainstorm
    # conversation
    # actions
    "report.action.who": "Who",
    "report.action.what": "What",
    "report.action.when": "When",
    "report.action.status": "Status",
    "report.action.from": "From",
    "report.action.taken_over": "taken over from {origin}",
    "report.action.caption": "Who does what, and when",
    # csv
    "report.csv.who": "who",
    "report.csv.what": "what",
    "report.csv.when": "when",
    "report.csv.status": "status",
    "report.csv.step": "step",
    "report.csv.origin": "origin",
    # export
    "export.with_notes": "With the trainer's notes (not for the participants)",
    "report.export.format": "Unknown format '{fmt}'; choose from: {formats}.",
    "report.export.unreadable": "Cannot read the session {path}: {reason}",
    "report.export.write": "Cannot write {path}: {reason}",
    "report.export.delimiter": "Unknown delimiter '{text}'; choose from ';', ',', 'tab' or '|'.",
    "report.ics.none": "This session has no actions with a date: nothing for a calendar.",
    "report.ics.calendar": "Actions: {title}",
    "report.ics.who": "Who: {who}",
    "report.ics.session": "Agreed in: {title}",
    "report.ics.session_dated": "Agreed in: {title}, {date}",
    "report.ics.status": "Status: {status}",
    # compare
    "compare.too_few": "Choose at least two sessions to compare.",
    "compare.different_workshops": (
        "These sessions belong to different workshops ({ids}); only sessions of the"
        " same workshop can be compared."
    ),
    "compare.wrong_workshop": (
        "The session '{title}' belongs to workshop '{found}', not to '{expected}'."
    ),
    "compare.not_actions_step": (
        "Step '{step}' is not an action list; actions can only be taken over into an action list."
    ),
    "compare.title": "Comparison",
    "compare.ratings": "Ratings per cluster",
    "compare.motives": "Motives",
    "compare.actions": "Decisions and actions",
    "compare.decision": "decision",
    "compare.action": "action",
    "compare.kind": "Kind",
    "compare.absent": "–",
    "compare.present": "yes",
    "compare.group_mean": "{title} (mean)",
}
