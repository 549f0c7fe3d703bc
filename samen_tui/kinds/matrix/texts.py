"""Strings of the matrix step."""

NL: dict[str, str] = {
    "key.matrix.score": "Score",
    "tip.matrix.score": "Deze score op de gekozen schaal",
    "key.matrix.axis": "Andere schaal",
    "tip.matrix.axis": "Scoren op de andere schaal (←/→)",
    "key.matrix.nav": "Ander item",
    "tip.matrix.nav": "Naar het vorige of volgende item",
    "key.matrix.clear": "Wissen",
    "tip.matrix.clear": "De score op de gekozen schaal wissen",
    "matrix.scoring": "Nu: {axis} ({low}–{high}) · ←/→: andere schaal",
    "matrix.none": "nog geen items: ze komen uit {step}",
    "matrix.quadrant.high_left": "linksboven",
    "workshop.check.matrix_no_items": (
        'een matrix-stap heeft minstens één item nodig (of from = "id" van een eerdere stap)'
    ),
    "matrix.quadrant.high_right": "rechtsboven",
    "matrix.quadrant.low_left": "linksonder",
    "matrix.quadrant.low_right": "rechtsonder",
    "matrix.check.axis": (
        "een schaal loopt van 0 tot hoogstens 9, min kleiner dan max (niet {min}–{max})"
    ),
    "help.step.matrix": """**Matrix.** Elk item krijgt twee scores, één op elke schaal;
samen zetten ze het in een van de vier vakken.

- **↑/↓** kiest het item; een **cijfertoets** geeft het de score op de gekozen schaal.
- **←/→** wisselt van schaal; **x** wist de score.
- Onder de lijst staan de vier vakken met hun items.
- **ctrl+z** maakt de laatste wijziging ongedaan; alles wordt vanzelf opgeslagen.
""",
    "report.matrix.item": "Item",
    "report.matrix.quadrant": "Vak",
    "report.matrix.caption": "Elk item op {x} en {y}",
}

EN: dict[str, str] = {
    "key.matrix.score": "Score",
    "tip.matrix.score": "This score on the chosen scale",
    "key.matrix.axis": "Other scale",
    "tip.matrix.axis": "Score on the other scale (←/→)",
    "key.matrix.nav": "Other item",
    "tip.matrix.nav": "To the previous or next item",
    "key.matrix.clear": "Clear",
    "tip.matrix.clear": "Clear the score on the chosen scale",
    "matrix.scoring": "Now: {axis} ({low}–{high}) · ←/→: other scale",
    "matrix.none": "no items yet: they come from {step}",
    "matrix.quadrant.high_left": "top left",
    "workshop.check.matrix_no_items": (
        'a matrix step needs at least one item (or from = "id" of an earlier step)'
    ),
    "matrix.quadrant.high_right": "top right",
    "matrix.quadrant.low_left": "bottom left",
    "matrix.quadrant.low_right": "bottom right",
    "matrix.check.axis": "a scale runs from 0 to at most 9, min below max (not {min}–{max})",
    "help.step.matrix": """**Matrix.** Every item gets two scores, one on each scale;
together they put it in one of the four quadrants.

- **↑/↓** picks the item; a **number key** gives it that score on the chosen scale.
- **←/→** switches the scale; **x** clears the score.
- Below the list are the four quadrants with their items.
- **ctrl+z** takes back the last change; everything is saved by itself.
""",
    "report.matrix.item": "Item",
    "report.matrix.quadrant": "Quadrant",
    "report.matrix.caption": "Every item on {x} and {y}",
}
