"""Strings of the references step."""

NL: dict[str, str] = {
    "help.step.references": "**Meer weten?** Titels en adressen om mee te geven.",
    "workshop.check.no_references": "een references-stap heeft minstens één verwijzing nodig",
}

EN: dict[str, str] = {
    "help.step.references": "**Want to know more?** Titles and addresses to take home.",
    "workshop.check.no_references": "a references step needs at least one reference",
}
