"""Interface strings of the questions step (answers per question)."""

NL: dict[str, str] = {
    "key.questions.cancel": "Stoppen met wijzigen",
    "tip.questions.cancel": "Het antwoord niet wijzigen",
    "questions.new_answer": "Antwoord (Enter voegt toe)",
    "questions.the_group": "de groep",
    "questions.no_answers": "Nog geen antwoorden.",
    "questions.other": "Antwoorden bij vragen die niet meer in de workshop staan",
    "questions.empty_answer": "Typ eerst het antwoord.",
    "questions.editing": "wijzigen (Esc: stoppen)",
    "questions.edit_cancelled": "Wijzigen gestopt; het antwoord is niet veranderd.",
    "questions.removed": "Antwoord verwijderd: {text}",
    "help.step.questions": "**Vragen.** Typ onder een vraag wat de groep antwoordt en druk"
    " Enter. Wie het zei kies je rechts ernaast (Tab; begin te typen om een naam te zoeken);"
    " staat er *de groep*, dan hoort het antwoord bij de hele groep. Na elk antwoord staat"
    " het weer op de groep.\n\n"
    "In de lijst met antwoorden: **Enter** wijzigt, **Delete** verwijdert, **Esc** stopt"
    " met wijzigen. Tab gaat naar de volgende vraag. **ctrl+z** draait de laatste wijziging"
    " terug.",
    "workshop.check.no_questions": "een questions-stap heeft minstens één vraag nodig",
}

EN: dict[str, str] = {
    "key.questions.cancel": "Stop editing",
    "tip.questions.cancel": "Leave the answer as it was",
    "questions.new_answer": "Answer (Enter adds it)",
    "questions.the_group": "the group",
    "questions.no_answers": "No answers yet.",
    "questions.other": "Answers to questions no longer in the workshop",
    "questions.empty_answer": "Type the answer first.",
    "questions.editing": "editing (Esc: stop)",
    "questions.edit_cancelled": "Stopped editing; the answer is unchanged.",
    "questions.removed": "Answer removed: {text}",
    "help.step.questions": "**Questions.** Under a question, type what the group answers"
    " and press Enter. Choose who said it in the field beside it (Tab; start typing to find"
    " a name); *the group* means the whole group. After each answer it is the group again.\n\n"
    "In the list of answers: **Enter** edits, **Delete** removes, **Esc** stops editing."
    " Tab goes to the next question. **ctrl+z** undoes the last change.",
    "workshop.check.no_questions": "a questions step needs at least one question",
}
