"""Strings of the sort step (motive mapping) and of the "who" picker it shares with rate."""

NL: dict[str, str] = {
    # keys (footer) and their tooltips
    "key.sort.pick": "Motief",
    "key.sort.same": "Zelfde motief",
    "key.sort.back": "Terug",
    "key.sort.move": "Verplaatsen",
    "key.sort.edit": "Wijzigen",
    "key.sort.delete": "Verwijderen",
    "key.sort.who": "Wie",
    "key.sort.new": "Nieuw kaartje",
    "key.sort.nav": "Ander kaartje",
    "key.sort.to_cards": "Naar de kaartjes",
    "tip.sort.pick": "Zet het kaartje bij dit motief",
    "tip.sort.same": "Zet het kaartje bij hetzelfde motief als het vorige",
    "tip.sort.back": "Terug naar het invoerveld, zonder het kaartje te plaatsen",
    "tip.sort.move": "Verplaats het kaartje naar dit motief",
    "tip.sort.edit": "De tekst of het motief van het kaartje wijzigen",
    "tip.sort.delete": "Het kaartje verwijderen (ctrl+z zet het terug)",
    "tip.sort.who": "Kiezen wie het zei: de groep of een deelnemer",
    "tip.sort.new": "Naar het invoerveld voor een nieuw kaartje",
    "tip.sort.nav": "Naar een ander kaartje",
    "tip.sort.to_cards": "Van het invoerveld naar de kaartjes",
    # the who picker (sort and rate)
    "key.who.cancel": "Annuleren",
    "tip.who.cancel": "Sluiten zonder te kiezen",
    "who.title.sort": "Wie zei het?",
    "who.hint": "Toets 0 = de groep, 1–9 (en a–z) = een deelnemer, of pijltjes en Enter",
    "who.none": "Nog geen deelnemers: voeg ze toe bij de stap Wie is er?",
    # the step
    "sort.placeholder": "Typ een kaartje: waarom doet iemand mee?",
    "sort.placeholder_edit": "Kaartje wijzigen…",
    "sort.who": "Wie: {name}",
    "sort.who_tip": "Klik of druk F4 om te kiezen wie het zei",
    "sort.hint": "Enter, dan {keys} voor het motief · F4: wie · ↓: naar de kaartjes",
    "sort.hint_edit": "Wijzigen: Enter, dan {keys} (of nog eens Enter: blijft {category})"
    " · Esc: annuleren",
    "sort.pick": "{question}  {choices}",
    "sort.pick_question": "Welk motief?",
    "sort.unsorted": "Nog niet gesorteerd",
    "key.sort.add_category": "Nieuwe categorie",
    "tip.sort.add_category": "Een categorie toevoegen (een thema dat in de zaal opkomt)",
    "key.sort.rename_category": "Categorie hernoemen",
    "tip.sort.rename_category": "Een categorie een andere naam geven",
    "sort.add_category": "Nieuwe categorie: de naam",
    "sort.rename_category": "Categorie hernoemen: kies er een, en de nieuwe naam",
    "sort.category_added": "Categorie toegevoegd: {title} (toets {key})",
    "sort.category_full": "Er zijn al {n} categorieën: meer passen er niet",
    "sort.pick_same": "  · Enter: {category}",
    "sort.pick_back": "  · Esc: terug",
    "sort.need_text": "Typ eerst de tekst van het kaartje.",
    "sort.empty": "nog geen kaartjes",
    "sort.count": "{n}",
    "sort.total": "{n} kaartjes",
    "sort.total.one": "1 kaartje",
    "sort.per_category": "Per motief:",
    "sort.per_organisation": "Per organisatie ({keys}):",
    "sort.no_cards": "nog geen kaartjes",
    "sort.removed": "Kaartje verwijderd (ctrl+z zet het terug)",
    "sort.limit_reached": (
        "Deze stap heeft al {limit} kaartjes, het meeste dat een stap kan hebben; "
        "dit kaartje is niet toegevoegd (de tekst staat nog in het veld)."
    ),
    "sort.unknown_category": "Onbekend motief: {id}",
    "key.sort.merge_category": "Categorie samenvoegen",
    "tip.sort.merge_category": "Een categorie samenvoegen met een andere: de kaartjes gaan mee",
    "sort.merge_category": "Categorieën samenvoegen",
    "sort.merge_gone": "Deze categorie …",
    "sort.merge_into": "… gaat op in",
    "sort.merge_button": "Samenvoegen",
    "sort.merge_what": "De kaartjes van {gone} ({n}) gaan naar {into}; {gone} verdwijnt.",
    "sort.merge_keys": "Enter links: naar rechts · Enter rechts: samenvoegen · Esc: terug",
    "sort.merge_none": "Samenvoegen kan pas met minstens twee categorieën.",
    "sort.merged": "{gone} is samengevoegd met {into} ({n} kaartjes; ctrl+z zet het terug)",
    "sort.merged.one": "{gone} is samengevoegd met {into} (1 kaartje; ctrl+z zet het terug)",
    "report.sort.merged": "Samengevoegd in de zaal: {merges}.",
    "report.sort.merged_one": "{gone} in {into}",
    "help.step.sort.action": "- **a** op een kaartje: maak er een **actie** van (wie en wanneer"
    " vul je in bij de acties).",
    "help.step.sort.open": "**Categorieën in de zaal.** **ctrl+n**: een nieuwe categorie."
    " **F9**: een categorie een andere naam geven. **F5**: een categorie **samenvoegen** met"
    " een andere (links de categorie die opgaat, rechts waarin; Enter, Enter): de kaartjes"
    " gaan mee en de categorie verdwijnt. **ctrl+z** zet het terug.",
    "help.step.sort.from": "**De kaartjes van {step}** liggen op de stapel *niet gesorteerd*;"
    " wat daar later bijkomt, komt hier vanzelf bij. Zolang een kaartje hier onaangeroerd op"
    " de stapel ligt, volgt het die stap (een andere tekst, of weg als het daar weg is); een"
    " kaartje dat je sorteert of wijzigt, blijft zoals het hier is.",
    "help.step.sort": """**Motieven in kaart.** Ieder noemt waarom hij of zij meedoet; jij zet elke
reden als kaartje bij het motief dat het best past.

- **Kaartje toevoegen:** typ de tekst en druk **Enter**; kies dan met één toets het
  motief (**1**, **2**, **3**, … zoals boven elke kolom staat). **Enter** nog eens zet
  het bij hetzelfde motief als het vorige kaartje. **Esc** gaat terug naar de tekst.
- **Wie zei het?** Standaard *de groep*. **F4** (of klik op *Wie*) kiest een
  deelnemer: **0** = de groep, **1–9** = een deelnemer. De keuze blijft staan voor de
  volgende kaartjes.
- **Kaartjes:** **↓** vanuit het invoerveld (of klik) gaat naar de kaartjes;
  pijltjes lopen erdoorheen. Op een kaartje: een motief-toets **verplaatst** het,
  **Enter** of **e** **wijzigt** het, **Delete** **verwijdert** het, **w** of **F4**
  kiest wie het zei, **Esc** gaat terug naar het invoerveld.
- Onderaan staan steeds de aantallen per motief en per organisatie.
- **ctrl+z** maakt de laatste wijziging ongedaan; alles wordt vanzelf opgeslagen.
""",
    "report.sort.category": "Categorie",
    "report.sort.cards": "Kaartjes",
    "report.sort.per_organisation": "Per organisatie",
    "report.sort.counts_caption": "Aantal kaartjes per motief",
    "report.sort.per_organisation_caption": "Kaartjes per organisatie en motief",
    "workshop.check.no_categories": "een sort-stap heeft minstens één categorie nodig",
    "workshop.check.too_many_categories": "een sort-stap heeft hoogstens 9 categorieën",
    "workshop.check.key_char": "een toets (key) is één cijfer of kleine letter: 0–9 of a–z",
    "workshop.check.key_used": "toets '{key}' is al in gebruik bij categorie '{category}'",
}

EN: dict[str, str] = {
    "key.sort.pick": "Motive",
    "key.sort.same": "Same motive",
    "key.sort.back": "Back",
    "key.sort.move": "Move",
    "key.sort.edit": "Edit",
    "key.sort.delete": "Delete",
    "key.sort.who": "Who",
    "key.sort.new": "New card",
    "key.sort.nav": "Other card",
    "key.sort.to_cards": "To the cards",
    "tip.sort.pick": "File the card under this motive",
    "tip.sort.same": "File the card under the same motive as the previous one",
    "tip.sort.back": "Back to the entry field without filing the card",
    "tip.sort.move": "Move the card to this motive",
    "tip.sort.edit": "Change the card's text or motive",
    "tip.sort.delete": "Delete the card (ctrl+z brings it back)",
    "tip.sort.who": "Choose who said it: the group or a participant",
    "tip.sort.new": "To the entry field for a new card",
    "tip.sort.nav": "To another card",
    "tip.sort.to_cards": "From the entry field to the cards",
    "key.who.cancel": "Cancel",
    "tip.who.cancel": "Close without choosing",
    "who.title.sort": "Who said it?",
    "who.hint": "Key 0 = the group, 1–9 (and a–z) = a participant, or arrows and Enter",
    "who.none": "No participants yet: add them in the step Who is here?",
    "sort.placeholder": "Type a card: why does someone join?",
    "sort.placeholder_edit": "Edit the card…",
    "sort.who": "Who: {name}",
    "sort.who_tip": "Click or press F4 to choose who said it",
    "sort.hint": "Enter, then {keys} for the motive · F4: who · ↓: to the cards",
    "sort.hint_edit": "Editing: Enter, then {keys} (or Enter again: stays {category})"
    " · Esc: cancel",
    "sort.pick": "{question}  {choices}",
    "sort.pick_question": "Which motive?",
    "sort.unsorted": "Not sorted yet",
    "key.sort.add_category": "New category",
    "tip.sort.add_category": "Add a category (a theme that comes up in the room)",
    "key.sort.rename_category": "Rename category",
    "tip.sort.rename_category": "Give a category another name",
    "sort.add_category": "New category: its name",
    "sort.rename_category": "Rename a category: pick one, and its new name",
    "sort.category_added": "Category added: {title} (key {key})",
    "sort.category_full": "There are {n} categories already: no more fit",
    "sort.pick_same": "  · Enter: {category}",
    "sort.pick_back": "  · Esc: back",
    "sort.need_text": "Type the card's text first.",
    "sort.empty": "no cards yet",
    "sort.count": "{n}",
    "sort.total": "{n} cards",
    "sort.total.one": "1 card",
    "sort.per_category": "Per motive:",
    "sort.per_organisation": "Per organisation ({keys}):",
    "sort.no_cards": "no cards yet",
    "sort.removed": "Card deleted (ctrl+z brings it back)",
    "sort.limit_reached": (
        "This step has {limit} cards already, the most a step can have; "
        "this card was not added (its text is still in the field)."
    ),
    "sort.unknown_category": "Unknown motive: {id}",
    "key.sort.merge_category": "Merge category",
    "tip.sort.merge_category": "Merge a category into another: its cards go along",
    "sort.merge_category": "Merge categories",
    "sort.merge_gone": "This category …",
    "sort.merge_into": "… goes into",
    "sort.merge_button": "Merge",
    "sort.merge_what": "The cards of {gone} ({n}) go to {into}; {gone} disappears.",
    "sort.merge_keys": "Enter on the left: to the right · Enter on the right: merge · Esc: cancel",
    "sort.merge_none": "Merging needs at least two categories.",
    "sort.merged": "{gone} merged into {into} ({n} cards; ctrl+z takes it back)",
    "sort.merged.one": "{gone} merged into {into} (1 card; ctrl+z takes it back)",
    "report.sort.merged": "Merged in the room: {merges}.",
    "report.sort.merged_one": "{gone} into {into}",
    "help.step.sort.action": "- **a** on a card: make it an **action** (who and when are"
    " filled in at the actions).",
    "help.step.sort.open": "**Categories in the room.** **ctrl+n**: a new category."
    " **F9**: give a category another name. **F5**: **merge** a category into another"
    " (left the one that goes, right where to; Enter, Enter): its cards go along and the"
    " category disappears. **ctrl+z** takes it back.",
    "help.step.sort.from": "**The cards of {step}** lie on the *unsorted* pile; what is added"
    " there later arrives here by itself. While a card lies here untouched on the pile, it"
    " follows that step (another text, or gone when it is gone there); a card you sort or"
    " edit stays as it is here.",
    "help.step.sort": """**Motive mapping.** Everyone says why they join; you file each reason
as a card under the motive it fits best.

- **Add a card:** type the text and press **Enter**; then pick the motive with one
  key (**1**, **2**, **3**, … as shown above each column). **Enter** again files it
  under the same motive as the previous card. **Esc** goes back to the text.
- **Who said it?** By default *the group*. **F4** (or click *Who*) picks a
  participant: **0** = the group, **1–9** = a participant. The choice stays for the
  next cards.
- **Cards:** **↓** from the entry field (or a click) goes to the cards; the arrows
  move between them. On a card: a motive key **moves** it, **Enter** or **e**
  **edits** it, **Delete** **deletes** it, **w** or **F4** chooses who said it,
  **Esc** goes back to the entry field.
- The counts per motive and per organisation are always shown at the bottom.
- **ctrl+z** takes back the last change; everything is saved by itself.
""",
    "report.sort.category": "Category",
    "report.sort.cards": "Cards",
    "report.sort.per_organisation": "Per organisation",
    "report.sort.counts_caption": "Number of cards per motive",
    "report.sort.per_organisation_caption": "Cards per organisation and motive",
    "workshop.check.no_categories": "a sort step needs at least one category",
    "workshop.check.too_many_categories": "a sort step may have at most 9 categories",
    "workshop.check.key_char": "a key is one digit or lowercase letter: 0–9 or a–z",
    "workshop.check.key_used": "key '{key}' is already used by category '{category}'",
}
