"""The walk screen: ending a session, progress and time. Never imports textual."""

NL: dict[str, str] = {
    "end.title": "Sessie afronden",
    "end.col.item": "Agendapunt",
    "end.col.planned": "gepland",
    "end.col.used": "gebruikt",
    "end.total": "Totaal",
    "end.counts": (
        "{people} deelnemers · {cards} kaartjes · {votes} stemmen · {decisions} besluiten"
        " · {actions} open acties"
    ),
    "end.question": "De sessie afronden? De eindtijd wordt vastgelegd; daarna kun je het"
    " verslag exporteren.",
    "end.back": "Terug",
    "end.confirm": "Afronden",
    "end.already": "Dit is de laatste stap; de sessie is al afgerond.",
    "timer.over": "uitgelopen +{n}",
    "timer.left": "nog {n}",
    "timer.ends": "einde ca. {at}",
    "cmd.bell": "Geluidssignaal bij de tijd aan/uit",
    "cmd.bell.help": "Een piep als een agendapunt bijna of helemaal om is",
    "bell.on": "Geluidssignaal aan: een piep als de tijd van een punt bijna om is.",
    "bell.off": "Geluidssignaal uit.",
    "key.next_field": "Volgend veld",
    "key.previous_field": "Vorig veld",
    "tip.next_field": "Naar het volgende veld; een getoonde suggestie neemt tab eerst over",
    "tip.previous_field": "Naar het vorige veld",
    "walk.type_in": "Hier kun je geen tekst typen. Tab brengt je naar '{field}'.",
    "walk.type_in_next": "Hier kun je geen tekst typen. Tab brengt je naar het volgende tekstveld.",
    "walk.no_field": "Bij deze stap hoeft niets getypt te worden.",
    "palette.placeholder": "Zoek een opdracht…",
    "palette.themes": "Zoek een thema…",
    "palette.no_matches": "Niets gevonden",
    "quit.title": "Wil je stoppen?",
    "quit.how": "Druk op {key} om samen af te sluiten (alles is bewaard).",
}

EN: dict[str, str] = {
    "end.title": "Finish the session",
    "end.col.item": "Agenda item",
    "end.col.planned": "planned",
    "end.col.used": "used",
    "end.total": "Total",
    "end.counts": (
        "{people} participants · {cards} cards · {votes} votes · {decisions} decisions"
        " · {actions} open actions"
    ),
    "end.question": "Finish the session? The end time is recorded; then you can export the report.",
    "end.back": "Back",
    "end.confirm": "Finish",
    "end.already": "This is the last step; the session is already finished.",
    "timer.over": "overrun +{n}",
    "timer.left": "{n} left",
    "timer.ends": "ends about {at}",
    "cmd.bell": "Sound signal for the time on/off",
    "cmd.bell.help": "A beep when an agenda item's time is nearly or fully up",
    "bell.on": "Sound signal on: a beep when an item's time is nearly up.",
    "bell.off": "Sound signal off.",
    "key.next_field": "Next field",
    "key.previous_field": "Previous field",
    "tip.next_field": "To the next field; a suggestion shown is taken first",
    "tip.previous_field": "To the previous field",
    "walk.type_in": "You cannot type text here. Tab takes you to '{field}'.",
    "walk.type_in_next": "You cannot type text here. Tab takes you to the next text field.",
    "walk.no_field": "Nothing needs typing in this step.",
    "palette.placeholder": "Search for commands…",
    "palette.themes": "Search for themes…",
    "palette.no_matches": "No matches found",
    "quit.title": "Do you want to quit?",
    "quit.how": "Press {key} to quit samen (everything is saved).",
}
