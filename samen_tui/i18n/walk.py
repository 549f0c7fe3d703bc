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
}
