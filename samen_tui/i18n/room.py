"""Strings of the room (``samen room``, the beamer) and of the trainer's controls of it."""

NL: dict[str, str] = {
    # samen room: finding and reading the session
    "room.no_such_session": "geen sessie ‘{name}’ (ook niet in {dir})",
    "room.gone": "Het sessiebestand is er niet meer.",
    "room.unreadable": "Het sessiebestand is nu niet te lezen: {reason}",
    "room.waiting": "Wachten op een sessie…",
    "room.join": "Doe mee op je telefoon: {url}  ·  code {code}",
    "room.unknown_step": "Stap ‘{step}’",
    "room.hidden": "De uitslag is nog verborgen.",
    # the quiet line
    "room.status.newer": "Nieuwe sessie ‘{title}’ begonnen: Enter om die te volgen",
    "room.status.waiting": "De zaal volgt de eerste sessie die begint in {dir}.",
    "room.status.reading": "Het sessiebestand wordt gelezen…",
    "room.status.kept": "{problem} De zaal toont de laatste stand, van {time}.",
    "room.status.ended": "De sessie is afgerond.",
    "room.status.trainer_gone": "De app van de trainer is gestopt; laatste stand van {time}.",
    "room.status.trainer_closed": "De trainer heeft de sessie gesloten; laatste stand van {time}.",
    "room.status.no_workshop": "workshop niet gevonden ({reason})",
    # keys and commands of the room
    "key.room.follow": "Nieuwe sessie volgen",
    "tip.room.follow": "De sessie volgen die net begonnen is",
    "tip.room.help": "Wat de zaal ziet, en de toetsen",
    "room.cmd.follow": "Nieuwe sessie volgen",
    "room.cmd.follow.help": "De zaal volgt de sessie die net begonnen is",
    "room.help": (
        "**De zaalweergave** volgt de sessie van de trainer: de stap waar de trainer is, "
        "groot en rustig, voor de beamer. Zet dit venster op het scherm van de beamer en "
        "vergroot de letters van de terminal (ctrl+plus): de indeling past zich aan.\n\n"
        "De zaal ziet nooit de notities van de trainer. De trainer maakt de zaal leeg "
        "(F6) en laat de uitslag van een stap zien (F7: scores en stemmen blijven "
        "verborgen tot dan). De zaal schrijft niets in de sessie."
    ),
    # the step kinds in the room
    "room.participants.none": "Nog niemand ingeschreven.",
    "room.sort.none": "Nog geen kaartjes.",
    "room.matrix.waiting": "Nog te plaatsen: {n}",
    "room.rate.legend": "▼ de {n} zwakste punten: daar begint het gesprek.",
    "room.rate.weakest": "De {n} zwakste punten",
    "room.brainstorm.none": "Nog geen kaartjes.",
    "room.brainstorm.hidden": "De stemmen zijn nog verborgen.",
    "room.conversation.actions": "Acties",
    "room.conversation.flows": "Gespreksvormen: {flows}",
    "room.actions.none": "Nog geen acties.",
    # the trainer's controls of the room (walk screen)
    "key.room_blank": "Zaal leeg",
    "tip.room_blank": "De zaal (beamer) leeg maken, of de stap weer tonen",
    "key.room_reveal": "Uitslag",
    "tip.room_reveal": "De uitslag van deze stap tonen of verbergen in de zaal",
    "cmd.room_open": "Zaalweergave openen",
    "cmd.room_open.help": "De stap voor de beamer, in een nieuw venster (samen room)",
    "cmd.room_blank": "Zaal leeg maken",
    "cmd.room_unblank": "Zaal weer tonen",
    "cmd.room_blank.help": "De beamer leeg, of weer de stap (F6)",
    "cmd.room_reveal": "Uitslag tonen",
    "cmd.room_hide": "Uitslag verbergen",
    "cmd.room_reveal.help": "Scores of stemmen van deze stap in de zaal tonen of verbergen (F7)",
    "room.control.blank": "De zaal is leeg (F6: weer tonen).",
    "room.control.unblank": "De zaal ziet de stap weer.",
    "room.control.revealed": "De zaal ziet nu de uitslag van ‘{step}’.",
    "room.control.hidden": "De uitslag van ‘{step}’ is weer verborgen voor de zaal.",
    "room.control.nothing_hidden": (
        "‘{step}’ heeft geen uitslag om te verbergen: de zaal ziet alles."
    ),
    "room.control.read_only": "Deze sessie is alleen te lezen: de zaal volgt, maar verandert niet.",
    "room.control.opened": "De zaalweergave is geopend in een nieuw venster.",
    "room.control.paste": (
        "Hier kan geen nieuw venster worden geopend. Open een terminal op het scherm van "
        "de beamer en plak deze opdracht (hij staat ook op het klembord):"
    ),
    "room.control.zoom": "Vergroot daar de letters (ctrl+plus): de zaalweergave past zich aan.",
}

EN: dict[str, str] = {
    "room.no_such_session": "no session ‘{name}’ (not in {dir} either)",
    "room.gone": "The session file is gone.",
    "room.unreadable": "The session file cannot be read now: {reason}",
    "room.waiting": "Waiting for a session…",
    "room.join": "Join on your phone: {url}  ·  code {code}",
    "room.unknown_step": "Step ‘{step}’",
    "room.hidden": "The results are still hidden.",
    "room.status.newer": "New session ‘{title}’ started: Enter to follow it",
    "room.status.waiting": "The room follows the first session that starts in {dir}.",
    "room.status.reading": "Reading the session file…",
    "room.status.kept": "{problem} The room shows the last state, from {time}.",
    "room.status.ended": "The session has ended.",
    "room.status.trainer_gone": "The trainer's app has stopped; last state from {time}.",
    "room.status.trainer_closed": "The trainer has closed the session; last state from {time}.",
    "room.status.no_workshop": "workshop not found ({reason})",
    "key.room.follow": "Follow new session",
    "tip.room.follow": "Follow the session that has just started",
    "tip.room.help": "What the room sees, and the keys",
    "room.cmd.follow": "Follow new session",
    "room.cmd.follow.help": "The room follows the session that has just started",
    "room.help": (
        "**The room view** follows the trainer's session: the step the trainer is on, "
        "large and calm, for the projector. Put this window on the projector's screen and "
        "zoom the terminal's font (ctrl+plus): the layout follows.\n\n"
        "The room never sees the trainer's notes. The trainer blanks the room (F6) and "
        "reveals a step's results (F7: ratings and votes stay hidden until then). The "
        "room writes nothing to the session."
    ),
    "room.participants.none": "Nobody has signed in yet.",
    "room.sort.none": "No cards yet.",
    "room.matrix.waiting": "Still to place: {n}",
    "room.rate.legend": "▼ the {n} weakest points: where the conversation starts.",
    "room.rate.weakest": "The {n} weakest points",
    "room.brainstorm.none": "No cards yet.",
    "room.brainstorm.hidden": "The votes are still hidden.",
    "room.conversation.actions": "Actions",
    "room.conversation.flows": "Conversation forms: {flows}",
    "room.actions.none": "No actions yet.",
    "key.room_blank": "Blank room",
    "tip.room_blank": "Blank the room (projector), or show the step again",
    "key.room_reveal": "Results",
    "tip.room_reveal": "Show or hide this step's results in the room",
    "cmd.room_open": "Open room view",
    "cmd.room_open.help": "The step for the projector, in a new window (samen room)",
    "cmd.room_blank": "Blank the room",
    "cmd.room_unblank": "Show the room again",
    "cmd.room_blank.help": "The projector blank, or the step again (F6)",
    "cmd.room_reveal": "Show results",
    "cmd.room_hide": "Hide results",
    "cmd.room_reveal.help": "Show or hide this step's ratings or votes in the room (F7)",
    "room.control.blank": "The room is blank (F6: show again).",
    "room.control.unblank": "The room sees the step again.",
    "room.control.revealed": "The room now sees the results of ‘{step}’.",
    "room.control.hidden": "The results of ‘{step}’ are hidden from the room again.",
    "room.control.nothing_hidden": "‘{step}’ has no results to hide: the room sees everything.",
    "room.control.read_only": "This session is read-only: the room follows, but does not change.",
    "room.control.opened": "The room view has opened in a new window.",
    "room.control.paste": (
        "No new window can be opened from here. Open a terminal on the projector's screen "
        "and paste this command (it is on the clipboard too):"
    ),
    "room.control.zoom": "Zoom the font there (ctrl+plus): the room view follows.",
}
