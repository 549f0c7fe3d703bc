"""Interface strings of the brainstorm step (cards per prompt, dot voting)."""

NL: dict[str, str] = {
    "key.brainstorm.merge": "Samenvoegen",
    "tip.brainstorm.merge": "m op een kaartje, dan m op een ander: één kaartje, de stippen samen",
    "brainstorm.merge_marked": "Kies het kaartje om mee samen te voegen en druk m",
    "brainstorm.merged": "Samengevoegd: {text}",
    "brainstorm.overall": "Over alle vragen: {top}",
    "report.brainstorm.overall": "Over alle vragen",
    "report.brainstorm.prompt": "Vraag",
    "report.brainstorm.overall_caption": "Alle ideeën op volgorde van stemmen",
    "key.brainstorm.add_dot": "Stip",
    "key.brainstorm.remove_dot": "Stip terug",
    "key.brainstorm.next_voter": "Stemmer",
    "key.brainstorm.ranked": "Ranglijst",
    "key.brainstorm.cancel": "Stoppen met wijzigen",
    "tip.brainstorm.add_dot": "Een stip van de stemmer op het gekozen kaartje",
    "tip.brainstorm.remove_dot": "Een stip van de stemmer van het gekozen kaartje halen",
    "tip.brainstorm.next_voter": "De volgende deelnemer stemt",
    "tip.brainstorm.ranked": "Kaartjes op volgorde van stemmen tonen, of zoals ingevoerd",
    "tip.brainstorm.cancel": "Het kaartje niet wijzigen",
    "brainstorm.from": "Van:",
    "brainstorm.voter": "Stemmer:",
    "brainstorm.the_group": "de groep",
    "brainstorm.new_card": "Nieuw kaartje (Enter)",
    "brainstorm.no_cards": "Nog geen kaartjes.",
    "brainstorm.count": "{n} kaartjes",
    "brainstorm.count.one": "1 kaartje",
    "brainstorm.editing": "wijzigen (Esc)",
    "brainstorm.edit_cancelled": "Wijzigen gestopt; het kaartje is niet veranderd.",
    "brainstorm.empty_card": "Typ eerst de tekst van het kaartje.",
    "brainstorm.removed": "Kaartje verwijderd: {text}",
    "brainstorm.votes_left": "nog {left}/{budget} stippen",
    "brainstorm.votes_none_left": "alle {budget} stippen op",
    "brainstorm.budget_used": "{voter} heeft alle {budget} stippen al verdeeld. Haal eerst"
    " een stip weg (-) om hem ergens anders te zetten.",
    "brainstorm.no_dot_here": "{voter} heeft geen stip op dit kaartje.",
    "brainstorm.now_voting": "Nu stemt: {voter}",
    "brainstorm.ranked_note": "Op volgorde van stemmen (r: zoals ingevoerd)",
    "help.step.brainstorm": "**Brainstorm met stippen.** Elke vraag is een kolom. Typ in"
    " het veld van een kolom en druk Enter: het kaartje komt erbij, van de groep of van wie"
    " je bij *Van* kiest (shift+tab; daarna staat *Van* weer op de groep).\n\n"
    "In de lijst van een kolom:\n\n"
    "- **Enter** wijzigt het kaartje, **Delete** verwijdert het, **Esc** stopt met wijzigen\n"
    "- **+** of **spatie**: een stip van de stemmer op het kaartje; **-** haalt hem terug\n"
    "- **v**: de volgende stemmer (of kies bij *Stemmer*); iedere stemmer heeft een vast"
    " aantal stippen\n"
    "- **r**: de kaartjes op volgorde van stemmen (en terug)\n\n"
    "Tab gaat naar de volgende kolom. **ctrl+z** draait de laatste wijziging terug.",
    "report.brainstorm.rank": "Plaats",
    "report.brainstorm.idea": "Idee",
    "report.brainstorm.votes": "Stemmen",
    "report.brainstorm.who": "Van",
    "report.brainstorm.caption": "{prompt}: de ideeën op volgorde van stemmen",
    "report.brainstorm.chart": "Stemmen per idee: {prompt}",
    "workshop.check.budget_low": "het stembudget moet minstens 1 zijn",
    "workshop.check.budget_high": "het stembudget mag hoogstens 99 zijn",
    "workshop.check.no_prompts": "een brainstorm-stap heeft minstens één prompt nodig",
    "workshop.check.prompts_and_from": (
        "een brainstorm met from krijgt zijn vragen van die stap: laat prompts weg (of from)"
    ),
    "brainstorm.none_from": "Nog geen vragen: ze komen uit '{step}'. Kaartjes daar, dan hier.",
    "brainstorm.prompt_dropped": "Niet meer bij wat '{step}' nu doorgeeft; de ideeën blijven.",
}

EN: dict[str, str] = {
    "key.brainstorm.merge": "Merge",
    "tip.brainstorm.merge": "m on a card, then m on another: one card, their dots together",
    "brainstorm.merge_marked": "Choose the card to merge it with and press m",
    "brainstorm.merged": "Merged: {text}",
    "brainstorm.overall": "Across all questions: {top}",
    "report.brainstorm.overall": "Across all questions",
    "report.brainstorm.prompt": "Question",
    "report.brainstorm.overall_caption": "All ideas by votes",
    "key.brainstorm.add_dot": "Dot",
    "key.brainstorm.remove_dot": "Take dot back",
    "key.brainstorm.next_voter": "Voter",
    "key.brainstorm.ranked": "Ranking",
    "key.brainstorm.cancel": "Stop editing",
    "tip.brainstorm.add_dot": "Put one of the voter's dots on the highlighted card",
    "tip.brainstorm.remove_dot": "Take one of the voter's dots off the highlighted card",
    "tip.brainstorm.next_voter": "The next participant votes",
    "tip.brainstorm.ranked": "Show the cards ranked by votes, or as entered",
    "tip.brainstorm.cancel": "Leave the card as it was",
    "brainstorm.from": "From:",
    "brainstorm.voter": "Voter:",
    "brainstorm.the_group": "the group",
    "brainstorm.new_card": "New card (Enter)",
    "brainstorm.no_cards": "No cards yet.",
    "brainstorm.count": "{n} cards",
    "brainstorm.count.one": "1 card",
    "brainstorm.editing": "editing (Esc)",
    "brainstorm.edit_cancelled": "Stopped editing; the card is unchanged.",
    "brainstorm.empty_card": "Type the text of the card first.",
    "brainstorm.removed": "Card removed: {text}",
    "brainstorm.votes_left": "{left}/{budget} dots left",
    "brainstorm.votes_none_left": "all {budget} dots used",
    "brainstorm.budget_used": "{voter} has placed all {budget} dots. Take one back (-)"
    " to put it elsewhere.",
    "brainstorm.no_dot_here": "{voter} has no dot on this card.",
    "brainstorm.now_voting": "Now voting: {voter}",
    "brainstorm.ranked_note": "Ranked by votes (r: as entered)",
    "help.step.brainstorm": "**Brainstorm with dots.** Each question is a column. Type in"
    " a column's field and press Enter: the card is added, from the group or from whoever"
    " you choose at *From* (shift+tab; afterwards *From* is the group again).\n\n"
    "In a column's list:\n\n"
    "- **Enter** edits the card, **Delete** removes it, **Esc** stops editing\n"
    "- **+** or **space**: one of the voter's dots on the card; **-** takes it back\n"
    "- **v**: the next voter (or choose at *Voter*); every voter has a fixed number of"
    " dots\n"
    "- **r**: the cards ranked by votes (and back)\n\n"
    "Tab goes to the next column. **ctrl+z** undoes the last change.",
    "report.brainstorm.rank": "Rank",
    "report.brainstorm.idea": "Idea",
    "report.brainstorm.votes": "Votes",
    "report.brainstorm.who": "By",
    "report.brainstorm.caption": "{prompt}: the ideas by votes",
    "report.brainstorm.chart": "Votes per idea: {prompt}",
    "workshop.check.budget_low": "the vote budget must be at least 1",
    "workshop.check.budget_high": "the vote budget must be at most 99",
    "workshop.check.no_prompts": "a brainstorm step needs at least one prompt",
    "workshop.check.prompts_and_from": (
        "a brainstorm with from takes its questions from that step: leave prompts out (or from)"
    ),
    "brainstorm.none_from": "No questions yet: they come from '{step}'. Cards there, then here.",
    "brainstorm.prompt_dropped": "No longer among what '{step}' passes on; the ideas stay.",
}
