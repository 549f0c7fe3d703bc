"""Strings of the content step."""

NL: dict[str, str] = {
    "help.step.content": "**Dia.** Lees voor of vertel. Onder de tekst kun je notities"
    " bijhouden; ze worden vanzelf opgeslagen.",
    "content.notes": "Notities van de trainer",
}

EN: dict[str, str] = {
    "help.step.content": "**Slide.** Read out or tell. Below the text you can keep notes;"
    " they are saved as you type.",
    "content.notes": "Trainer's notes",
}
