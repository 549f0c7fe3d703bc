"""Strings of the rate step (the ingredient checklist)."""

NL: dict[str, str] = {
    # keys (footer) and their tooltips
    "key.rate.score": "Score",
    "key.rate.clear": "Wissen",
    "key.rate.note": "Notitie",
    "key.rate.who": "Wie scoort",
    "key.rate.prev_rater": "Vorige scoorder",
    "key.rate.next_rater": "Volgende scoorder",
    "key.rate.nav": "Ander ingrediënt",
    "key.rate.note_done": "Klaar",
    "key.rate.chart": "Radar",
    "tip.rate.chart": "De radar (het web van de scores) tonen of verbergen",
    "rate.radar.mean": "━ gemiddelde",
    "rate.radar.own": "━ {name}",
    "rate.radar.scale": "midden {low}, buitenste ring {high}  (g: radar aan/uit)",
    "rate.radar.room_legend": (
        "Het gemiddelde per onderdeel: het midden is {low}, de buitenste ring {high}."
    ),
    "tip.rate.score": "Geef het gekozen ingrediënt deze score",
    "tip.rate.clear": "De score van dit ingrediënt wissen (voor wie nu scoort)",
    "tip.rate.note": "Een notitie bij dit ingrediënt schrijven of wijzigen",
    "tip.rate.who": "Kiezen wie scoort: de groep of een deelnemer",
    "tip.rate.prev_rater": "De vorige deelnemer (of de groep) laten scoren",
    "tip.rate.next_rater": "De volgende deelnemer (of de groep) laten scoren",
    "tip.rate.nav": "Naar het vorige of volgende ingrediënt",
    # the same, where the file names its items (words.item_noun = "de dimensie")
    "key.rate.nav_noun": "Naar {noun} erboven of eronder",
    "tip.rate.score_noun": "Geef {noun} met de cursor deze score",
    "tip.rate.clear_noun": "De score van {noun} met de cursor wissen (voor wie nu scoort)",
    "tip.rate.note_noun": "Een notitie bij {noun} met de cursor schrijven of wijzigen",
    "tip.rate.note_done": "Klaar met de notitie, terug naar de lijst",
    # the step
    "who.title.rate": "Wie scoort?",
    "rate.rater": "Wie scoort: {name}",
    "rate.rater_keys": "  (←/→, F4)",
    "rate.rater_fixed": "Score van de groep",
    "rate.col.score": "score",
    "rate.col.mean": "gem.",
    "rate.col.spread": "spr.",
    "rate.none": "–",
    "rate.decimal": ",",
    "rate.weakest": "Begin het gesprek bij:",
    "rate.weakest_none": "nog geen scores; hier komen de {n} zwakste ingrediënten",
    "rate.detail_scores": "Scores:",
    "rate.detail_none": "nog geen score",
    "rate.detail_stats": "gemiddeld {mean} · spreiding {spread} · {n} scores",
    "rate.detail_stats_one": "gemiddeld {mean} · 1 score",
    "rate.detail_from": " (de groepsscore telt niet mee)",
    "rate.note_placeholder": "Notitie bij {item}: Enter of Esc is klaar",
    "help.step.rate": """**Ingrediënten voor duurzame samenwerking.** Per ingrediënt een score:
in hoeverre is het er in onze samenwerking? De schaal staat in het workshopbestand
(standaard 1 = helemaal niet … 5 = helemaal).

- **↑/↓** gaat naar het vorige of volgende ingrediënt (ook over de clusters heen).
- Een **cijfertoets** geeft het gekozen ingrediënt die score; **x** of **Delete**
  wist hem.
- **Enter** of **n** schrijft een notitie bij het ingrediënt; **Enter** of **Esc**
  is klaar.
- **Wie scoort?** Standaard *de groep*. Mag iedereen ook zelf scoren, dan kiest
  **←/→** (of **F4**) de deelnemer wiens score de cijfertoetsen zetten. Het
  gemiddelde en de spreiding (hoogste min laagste) gaan dan over de deelnemers.
- Per cluster staat een balk met het gemiddelde op de schaal. De zwakste
  ingrediënten (laagste gemiddelde, bij gelijke stand de grootste spreiding) zijn
  gemarkeerd: daar begint het gesprek.
- Op een breed scherm staan alle clusters onder elkaar; op een klein scherm één
  cluster per tabblad (↑/↓ loopt door naar het volgende tabblad).
- **ctrl+z** maakt de laatste wijziging ongedaan; alles wordt vanzelf opgeslagen.
""",
    "report.rate.scale": "Schaal {low} ({low_label}) tot {high} ({high_label}).",
    "report.rate.unrated": "niet gescoord",
    "report.rate.lower_is_better": (
        "Op deze schaal is lager beter: de zwakste punten zijn die met de hoogste scores."
    ),
    "report.rate.item": "Onderdeel",
    "report.rate.items": "Onderdelen",
    "report.rate.mean": "Gemiddeld",
    "report.rate.spread": "Spreiding",
    "report.rate.n": "Aantal",
    "report.rate.group": "Groep",
    "report.rate.note": "Toelichting",
    "report.rate.weak_col": "Zwakste",
    "report.rate.weakest": "Zwakste punten (hier begint het gesprek):",
    "report.rate.weak_item": "{title}: gemiddeld {mean}, spreiding {spread}",
    "report.rate.weak_with_group": ", groep {group}",
    "report.rate.weak_group": "{title}: score van de groep {group}",
    "report.rate.row_own": "gemiddeld {mean} (van {lowest} tot {highest})",
    "report.rate.row_group": "groep {group}",
    "report.rate.row_weak": "zwakste nr. {n}",
    "report.rate.columns": (
        "Gemiddeld, spreiding (hoogste min laagste score) en aantal gaan over de eigen"
        " scores van de deelnemers."
    ),
    "report.rate.columns_group": (
        "Gemiddeld, spreiding (hoogste min laagste score) en aantal gaan over de eigen"
        " scores van de deelnemers; Groep is de score die de groep samen gaf."
    ),
    "report.rate.group_only": (
        "Waar alleen de groep scoorde, telt de score van de groep als gemiddelde van dat"
        " onderdeel: in het clustergemiddelde, de grafieken en de zwakste punten."
    ),
    "report.rate.bars_title": "Gemiddelde per cluster",
    "report.rate.radar_title": "{title}: alle onderdelen",
    "report.rate.radar_legend": (
        "Per onderdeel het gemiddelde (de score van de groep waar alleen die er is);"
        " het midden is {low}, de buitenste ring {high}."
    ),
    "report.rate.range_title": "Scores: {cluster}",
    "report.rate.range_legend": (
        "Stip: het gemiddelde van de deelnemers; lijn: van de laagste tot de hoogste"
        " score; ruit: de score van de groep; rood met een nummer: de zwakste punten."
    ),
    "report.rate.caption": "Scores: {cluster}",
    "workshop.check.scale_below_zero": "de schaal mag niet onder 0 beginnen",
    "workshop.check.scale_max": "max ({max}) moet groter zijn dan min ({min})",
    "workshop.check.scale_too_long": (
        "een schaal heeft hoogstens 10 punten, of loopt van 0 tot en met 10"
    ),
    "workshop.check.no_groups_given": (
        "groep '{group}' bestaat niet: deze stap heeft geen groepen (geef groups, of laat"
        " group weg)"
    ),
    "workshop.check.item_without_group": (
        "item '{item}' heeft geen group; in een stap met groepen hoort elk item bij een groep"
    ),
    "workshop.check.scale_labels": (
        "{labels} labels voor een schaal van {points} punten ({min}..{max});"
        " geef één label per punt, of geen"
    ),
    "workshop.check.no_items": "een rate-stap heeft minstens één item nodig",
    "workshop.check.unknown_group": "onbekende groep '{group}' (groepen: {known})",
    "workshop.check.none": "geen",
    "workshop.check.group_empty": "groep '{group}' heeft geen items",
    "workshop.check.weakest": "weakest moet 0 of meer zijn",
    "workshop.check.items_and_from": (
        "een stap met from krijgt zijn items van die stap: laat items weg (of from)"
    ),
    "workshop.check.top": "top moet 0 (alles) of meer zijn",
    "workshop.check.radar_items": (
        'een radar (chart = "radar") heeft minstens 3 items nodig, deze stap heeft er {n};'
        " geef meer items of laat chart weg (dan balken)"
    ),
    "workshop.check.radar_top": (
        'een radar (chart = "radar") heeft minstens 3 items nodig: top = {top} geeft er'
        " minder; geef top = 0 (alles) of 3 of meer"
    ),
}

EN: dict[str, str] = {
    "key.rate.score": "Score",
    "key.rate.clear": "Clear",
    "key.rate.note": "Note",
    "key.rate.who": "Who rates",
    "key.rate.prev_rater": "Previous rater",
    "key.rate.next_rater": "Next rater",
    "key.rate.nav": "Other ingredient",
    "key.rate.note_done": "Done",
    "key.rate.chart": "Radar",
    "tip.rate.chart": "Show or hide the radar (the web of the scores)",
    "rate.radar.mean": "━ mean",
    "rate.radar.own": "━ {name}",
    "rate.radar.scale": "centre {low}, outer ring {high}  (g: radar on/off)",
    "rate.radar.room_legend": "The mean of each item: the centre is {low}, the outer ring {high}.",
    "tip.rate.score": "Give the chosen ingredient this score",
    "tip.rate.clear": "Clear this ingredient's score (for whoever rates now)",
    "tip.rate.note": "Write or change a note on this ingredient",
    "tip.rate.who": "Choose who rates: the group or a participant",
    "tip.rate.prev_rater": "Let the previous participant (or the group) rate",
    "tip.rate.next_rater": "Let the next participant (or the group) rate",
    "tip.rate.nav": "To the previous or next ingredient",
    # the same, where the file names its items (words.item_noun = "the dimension")
    "key.rate.nav_noun": "To {noun} above or below",
    "tip.rate.score_noun": "Give {noun} at the cursor this score",
    "tip.rate.clear_noun": "Clear the score of {noun} at the cursor (for whoever rates now)",
    "tip.rate.note_noun": "Write or change a note on {noun} at the cursor",
    "tip.rate.note_done": "Done with the note, back to the list",
    "who.title.rate": "Who rates?",
    "rate.rater": "Who rates: {name}",
    "rate.rater_keys": "  (←/→, F4)",
    "rate.rater_fixed": "The group's score",
    "rate.col.score": "score",
    "rate.col.mean": "mean",
    "rate.col.spread": "spr.",
    "rate.none": "–",
    "rate.decimal": ".",
    "rate.weakest": "Start the conversation at:",
    "rate.weakest_none": "no scores yet; the {n} weakest ingredients will show here",
    "rate.detail_scores": "Scores:",
    "rate.detail_none": "no score yet",
    "rate.detail_stats": "mean {mean} · spread {spread} · {n} scores",
    "rate.detail_stats_one": "mean {mean} · 1 score",
    "rate.detail_from": " (the group's score does not count)",
    "rate.note_placeholder": "Note on {item}: Enter or Esc when done",
    "help.step.rate": """**Ingredients for lasting collaboration.** A score per ingredient: how
far is it there in our collaboration? The scale is in the workshop file (by default
1 = not at all … 5 = fully).

- **↑/↓** goes to the previous or next ingredient (across the clusters too).
- A **number key** gives the chosen ingredient that score; **x** or **Delete**
  clears it.
- **Enter** or **n** writes a note on the ingredient; **Enter** or **Esc** is done.
- **Who rates?** By default *the group*. When everyone may rate too, **←/→** (or
  **F4**) chooses the participant whose score the number keys set. The mean and the
  spread (highest minus lowest) are then over the participants.
- Each cluster has a bar with its mean on the scale. The weakest ingredients
  (lowest mean; on a tie the widest spread) are marked: that is where the
  conversation starts.
- On a wide screen all clusters are shown one below the other; on a small screen
  one cluster per tab (↑/↓ runs on into the next tab).
- **ctrl+z** takes back the last change; everything is saved by itself.
""",
    "report.rate.scale": "Scale {low} ({low_label}) to {high} ({high_label}).",
    "report.rate.unrated": "not rated",
    "report.rate.lower_is_better": (
        "On this scale lower is better: the weakest points are those with the highest scores."
    ),
    "report.rate.item": "Item",
    "report.rate.items": "Items",
    "report.rate.mean": "Mean",
    "report.rate.spread": "Spread",
    "report.rate.n": "Count",
    "report.rate.group": "Group",
    "report.rate.note": "Note",
    "report.rate.weak_col": "Weakest",
    "report.rate.weakest": "Weakest points (where the conversation starts):",
    "report.rate.weak_item": "{title}: mean {mean}, spread {spread}",
    "report.rate.weak_with_group": ", group {group}",
    "report.rate.weak_group": "{title}: the group's score {group}",
    "report.rate.row_own": "mean {mean} ({lowest} to {highest})",
    "report.rate.row_group": "group {group}",
    "report.rate.row_weak": "weakest no. {n}",
    "report.rate.columns": (
        "Mean, spread (highest minus lowest score) and count are about the"
        " participants' own scores."
    ),
    "report.rate.columns_group": (
        "Mean, spread (highest minus lowest score) and count are about the"
        " participants' own scores; Group is the score the group gave together."
    ),
    "report.rate.group_only": (
        "Where only the group scored, the group's score counts as that item's mean:"
        " in the cluster's mean, the charts and the weakest points."
    ),
    "report.rate.bars_title": "Mean per cluster",
    "report.rate.radar_title": "{title}: all items",
    "report.rate.radar_legend": (
        "Each item's mean (the group's score where there is only that); the centre is"
        " {low}, the outer ring {high}."
    ),
    "report.rate.range_title": "Scores: {cluster}",
    "report.rate.range_legend": (
        "Dot: the participants' mean; line: from the lowest to the highest score;"
        " diamond: the group's score; red with a number: the weakest points."
    ),
    "report.rate.caption": "Scores: {cluster}",
    "workshop.check.scale_below_zero": "the scale must not start below 0",
    "workshop.check.scale_max": "max ({max}) must be greater than min ({min})",
    "workshop.check.scale_too_long": "a scale has at most 10 points, or runs from 0 to 10",
    "workshop.check.no_groups_given": (
        "group '{group}' does not exist: this step has no groups (give groups, or leave group out)"
    ),
    "workshop.check.item_without_group": (
        "item '{item}' has no group; in a step with groups every item belongs to one"
    ),
    "workshop.check.scale_labels": (
        "{labels} labels for a scale of {points} points ({min}..{max});"
        " give one label per point, or none"
    ),
    "workshop.check.no_items": "a rate step needs at least one item",
    "workshop.check.unknown_group": "unknown group '{group}' (groups: {known})",
    "workshop.check.none": "none",
    "workshop.check.group_empty": "group '{group}' has no items",
    "workshop.check.items_and_from": (
        "a step with from takes its items from that step: leave items out (or from)"
    ),
    "workshop.check.top": "top must be 0 (all) or more",
    "workshop.check.weakest": "weakest must be 0 or more",
    "workshop.check.radar_items": (
        'a radar (chart = "radar") needs at least 3 items, this step has {n};'
        " give more items or leave chart out (bars then)"
    ),
    "workshop.check.radar_top": (
        'a radar (chart = "radar") needs at least 3 items: top = {top} gives fewer;'
        " give top = 0 (all) or 3 or more"
    ),
}
