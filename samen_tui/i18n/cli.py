"""The command line: naming a session, ``--help``, ``--version``. Never imports textual."""

NL: dict[str, str] = {
    "resolve.empty": "geef de naam van een sessie",
    "resolve.no_file": "{path}: dat bestand bestaat niet",
    "resolve.not_regular": "{path}: geen gewoon bestand (een map, pipe of apparaat); niet gelezen",
    "resolve.missing": "geen sessie met de naam {name} in {dir}",
    "resolve.ambiguous": "{name} past bij meer dan één sessie; kies er een:",
    "resolve.candidates": "Wel gevonden:",
    "resolve.more": "en nog {n}",
    "cli.usage": "gebruik: ",
    "cli.positionals": "argumenten",
    "cli.options": "opties",
    "cli.commands": "opdrachten",
    "cli.error": "{prog}: fout: {message}",
    "cli.err.required": "dit ontbreekt: {what}",
    "cli.err.choice": "ongeldige keuze: {what} (kies uit {choices})",
    "cli.err.unknown": "onbekende argumenten: {what}",
    "cli.err.expected": "{what} verwacht een waarde",
    "cli.help": "toon deze hulp en stop",
    "cli.version": "toon het versienummer en stop",
    "cli.description": "Samen Ouder Worden: een workshopmaatje voor de terminal, helemaal offline.",
    "cli.sessions": "map met de sessiebestanden (standaard: zie `samen dirs`)",
    "cli.workshops": "map waarin eerst naar workshopbestanden wordt gezocht",
    "cli.lang": "taal van de interface (standaard: die van de workshop)",
    "cli.run": "begin een nieuwe sessie van een workshop bij de eerste stap",
    "cli.run.workshop": "id van de workshop (zie `samen dirs`) of pad naar een .toml-bestand",
    "cli.run.title": "titel van de sessie",
    "cli.run.place": "waar de sessie plaatsvindt",
    "cli.run.trainer": "wie de sessie leidt",
    "cli.resume": "ga terug naar een bewaarde sessie, bij de stap waar ze bleef",
    "cli.session": (
        "de sessie: een pad, een bestandsnaam of naam in de sessiemap, of het begin van een naam"
    ),
    "cli.resume.session": "de sessie (standaard: de nieuwste onafgeronde); {how}",
    "cli.review": "lees bewaarde sessies terug, vergelijk en exporteer ze",
    "cli.review.session": "open meteen deze sessie (alleen lezen); {how}",
    "cli.check": ("controleer workshopbestanden; toont bestand:regel:kolom: melding per probleem"),
    "cli.check.files": "workshopbestand of id van een workshop",
    "cli.export": (
        "schrijf het verslag van een sessie (md, html) of de acties (csv, ics voor een"
        " agenda); de versie voor deelnemers, tenzij --with-notes"
    ),
    "cli.export.format": (
        "md of html: het verslag; csv: de acties voor een spreadsheet; ics: de acties"
        " met een datum voor een agenda (standaard: md)"
    ),
    "cli.export.output": "bestand om te schrijven (standaard: het scherm)",
    "cli.export.notes": "neem de notities van de trainer op (niet in de versie voor deelnemers)",
    "cli.export.delimiter": (
        "scheidingsteken van de CSV: ';' ',' 'tab' of '|' (standaard: ';' voor een"
        " Nederlandse sessie, ',' voor een Engelse)"
    ),
    "cli.export.force": "overschrijf FILE als het bestaat (nooit een sessie)",
    "cli.new": "schrijf een nieuw workshopbestand met een voorbeeld van elke soort stap",
    "cli.new.id": "id van de nieuwe workshop, bijv. mijn-workshop",
    "cli.new.dir": "map om het in te schrijven",
    "cli.dirs": "toon waar workshops, sessies en instellingen staan",
    "cli.join": (
        "deelnemers doen mee vanaf hun telefoon: hun pagina op het lokale netwerk (lan) of"
        " op HOST:POORT; alle adressen (0.0.0.0) alleen als je dat zo noemt"
    ),
    "cli.room": (
        "de sessie voor het scherm van de zaal (een beamer): volgt de app van de trainer,"
        " alleen lezen, nooit de notities van de trainer"
    ),
    "cli.room.session": (
        "sessie: een pad, of een naam in de sessiemap (standaard: de nieuwste niet afgeronde)"
    ),
    "cli.serve.room": "toon de zaalweergave (`samen room`) in plaats van de app",
    "cli.serve": "toon de app in een webbrowser (textual-serve)",
    "cli.serve.host": "adres om op te luisteren (standaard: alleen deze computer)",
    "cli.serve.port": "poort (standaard: 8000)",
    "cli.serve.network": (
        "luister op een adres dat andere computers kunnen bereiken (wie de link heeft,"
        " bedient de app)"
    ),
}

EN: dict[str, str] = {
    "resolve.empty": "give the name of a session",
    "resolve.no_file": "{path}: that file does not exist",
    "resolve.not_regular": "{path}: not a regular file (a folder, pipe or device); not read",
    "resolve.missing": "no session named {name} in {dir}",
    "resolve.ambiguous": "{name} fits more than one session; choose one:",
    "resolve.candidates": "Found instead:",
    "resolve.more": "and {n} more",
    "cli.usage": "usage: ",
    "cli.positionals": "arguments",
    "cli.options": "options",
    "cli.commands": "commands",
    "cli.error": "{prog}: error: {message}",
    "cli.err.required": "missing: {what}",
    "cli.err.choice": "invalid choice: {what} (choose from {choices})",
    "cli.err.unknown": "unrecognised arguments: {what}",
    "cli.err.expected": "{what} expects a value",
    "cli.help": "show this help and stop",
    "cli.version": "show the version number and stop",
    "cli.description": "Samen Ouder Worden: a workshop companion for the terminal, fully offline.",
    "cli.sessions": "folder with the session files (default: see `samen dirs`)",
    "cli.workshops": "folder searched first for workshop files",
    "cli.lang": "interface language (default: the workshop's)",
    "cli.run": "start a new session of a workshop at its first step",
    "cli.run.workshop": "workshop id (see `samen dirs`) or path to a .toml file",
    "cli.run.title": "session title",
    "cli.run.place": "where the session takes place",
    "cli.run.trainer": "who leads it",
    "cli.resume": "go back into a saved session, on the step where it was left",
    "cli.session": (
        "the session: a path, a file name or name in the sessions folder, or the"
        " beginning of a name"
    ),
    "cli.resume.session": "the session (default: the newest unfinished); {how}",
    "cli.review": "read back, compare and export saved sessions",
    "cli.review.session": "open this session at once (read-only); {how}",
    "cli.check": "check workshop files; prints file:line:col: message per problem",
    "cli.check.files": "workshop file or a workshop's id",
    "cli.export": (
        "write the verslag of a session (md, html) or its actions (csv, ics for a"
        " calendar); the participants' version unless --with-notes"
    ),
    "cli.export.format": (
        "md or html: the verslag; csv: the actions for a spreadsheet; ics: the actions"
        " with a date for a calendar (default: md)"
    ),
    "cli.export.output": "file to write (default: the screen)",
    "cli.export.notes": "include the trainer's notes (left out of the participants' version)",
    "cli.export.delimiter": (
        "the CSV's delimiter: ';' ',' 'tab' or '|' (default: ';' for a Dutch session,"
        " ',' for an English one)"
    ),
    "cli.export.force": "overwrite FILE if it exists (never a session)",
    "cli.new": "write a new workshop file with an example of every step kind",
    "cli.new.id": "the new workshop's id, e.g. my-workshop",
    "cli.new.dir": "folder to write it in",
    "cli.dirs": "show where workshops, sessions and settings live",
    "cli.join": (
        "participants take part from their phones: serve their page on the local network"
        " (lan) or on HOST:PORT; every address (0.0.0.0) only when named"
    ),
    "cli.room": (
        "the session for the room's screen (a beamer): follows the trainer's app live,"
        " read-only, never the trainer's notes"
    ),
    "cli.room.session": (
        "session: a path, or a name in the sessions folder (default: the newest unfinished)"
    ),
    "cli.serve.room": "serve the room's view (`samen room`) instead of the app",
    "cli.serve": "serve the app in a web browser (textual-serve)",
    "cli.serve.host": "address to listen on (default: loopback only)",
    "cli.serve.port": "port (default: 8000)",
    "cli.serve.network": (
        "serve on an address other machines can reach (anyone with the link drives the app)"
    ),
}
