"""Strings of the content step."""

NL: dict[str, str] = {
    "help.step.content": "**Dia.** Lees voor of vertel. Onder de tekst kun je notities"
    " bijhouden; ze worden vanzelf opgeslagen. Ze zijn alleen voor de trainer: het"
    " verslag voor de deelnemers laat ze weg.",
    "content.notes": "Notities — alleen voor de trainer",
}

EN: dict[str, str] = {
    "help.step.content": "**Slide.** Read out or tell. Below the text you can keep notes;"
    " they are saved as you type. They are for the trainer only: the participants'"
    " report leaves them out.",
    "content.notes": "Notes — for the trainer only",
}
