"""Messages of the session store: saving, reading, listing and locking session files."""

from __future__ import annotations

NL: dict[str, str] = {
    # saving
    "session.save_error": (
        "De sessie kon niet worden opgeslagen in {path}: {reason}. "
        "Er gaat niets verloren: de gegevens blijven in het geheugen tot ze ergens "
        "anders kunnen worden opgeslagen."
    ),
    "session.save_refused_newer": (
        "daar staat een sessiebestand van een nieuwere versie van samen (schema {found}); "
        "dat wordt niet overschreven"
    ),
    "session.save_refused_unreadable": (
        "daar staat een bestand dat geen leesbare sessie is ({reason}); dat wordt niet overschreven"
    ),
    "session.save_refused_symlink": (
        "dat is een symbolische koppeling (symlink); die wordt niet overschreven"
    ),
    "session.save_refused_not_regular": "dat is geen gewoon bestand; het wordt niet overschreven",
    # reading
    "session.read_error": "{path} kan niet worden gelezen: {reason}",
    "session.read_error_text": "De sessietekst kan niet worden gelezen: {reason}",
    "session.reason.too_big": "het bestand is te groot ({size}; de grens is {limit})",
    "session.save_too_big": "de sessie is te groot ({size}; de grens is {limit})",
    "session.reason.not_utf8": (
        "het bestand is geen UTF-8-tekst (ongeldige byte op regel {line}, kolom {col})"
    ),
    "session.reason.toml": "TOML-fout op regel {line}, kolom {col}: {detail}",
    "session.reason.toml_nopos": "TOML-fout: {detail}",
    "session.reason.toml_end": (
        "TOML-fout aan het eind van het bestand (is het afgebroken?): {detail}"
    ),
    "session.reason.too_deep": "het bestand is te diep genest om te kunnen lezen",
    "session.reason.empty": "het bestand is leeg",
    "session.reason.format": "geen geldige sessie: {detail}",
    "session.reason.newer": (
        "gemaakt door een nieuwere versie van samen (schema {found}; deze versie kent "
        "schema {known}); werk samen-tui bij om het te openen"
    ),
    "session.reason.directory": "dat is een map, geen sessiebestand",
    "session.reason.symlink_outside": (
        "dat is een symbolische koppeling (symlink) naar een bestand buiten de sessiemap"
    ),
    "session.reason.symlink_broken": (
        "dat is een symbolische koppeling (symlink) die nergens naar verwijst"
    ),
    "session.reason.not_regular": "dat is geen gewoon bestand",
    "session.reason.folder_unreadable": "de sessiemap kan niet worden gelezen: {reason}",
    # operating system reasons
    "session.os.no_space": "de schijf is vol",
    "session.os.quota": "de schijfruimte (quotum) is op",
    "session.os.read_only": "de schijf of map is alleen-lezen",
    "session.os.permission": "geen toestemming (controleer de rechten van map en bestand)",
    "session.os.missing": "de map of het bestand bestaat niet (meer)",
    "session.os.is_directory": "dat is een map",
    "session.os.name_too_long": "de bestandsnaam is te lang",
    "session.os.io": "de schijf gaf een lees- of schrijffout",
    "session.os.busy": "het bestand is in gebruik door een ander programma",
    "session.os.other": "systeemfout: {error}",
    "session.os.not_a_directory": "een deel van het pad is geen map",
    # locking
    "session.lock.held": (
        "Deze sessie is al geopend in een ander venster van samen (proces {pid} op {host}, "
        "sinds {started}). Je ziet haar nu alleen-lezen."
    ),
    "session.lock.held_unknown": (
        "Deze sessie is al geopend in een ander venster van samen. Je ziet haar nu alleen-lezen."
    ),
    "session.lock.unknown": "onbekend",
}

EN: dict[str, str] = {
    "session.save_error": (
        "The session could not be saved to {path}: {reason}. "
        "Nothing is lost: the data stays in memory until it can be saved elsewhere."
    ),
    "session.save_refused_newer": (
        "a session file from a newer version of samen is there (schema {found}); "
        "it is not overwritten"
    ),
    "session.save_refused_unreadable": (
        "a file that is not a readable session is there ({reason}); it is not overwritten"
    ),
    "session.save_refused_symlink": "that is a symbolic link; it is not overwritten",
    "session.save_refused_not_regular": "that is not a regular file; it is not overwritten",
    "session.read_error": "{path} cannot be read: {reason}",
    "session.read_error_text": "The session text cannot be read: {reason}",
    "session.reason.too_big": "the file is too big ({size}; the limit is {limit})",
    "session.save_too_big": "the session is too big ({size}; the limit is {limit})",
    "session.reason.not_utf8": (
        "the file is not UTF-8 text (invalid byte at line {line}, column {col})"
    ),
    "session.reason.toml": "TOML error at line {line}, column {col}: {detail}",
    "session.reason.toml_nopos": "TOML error: {detail}",
    "session.reason.toml_end": "TOML error at the end of the file (was it cut off?): {detail}",
    "session.reason.too_deep": "the file is nested too deeply to be read",
    "session.reason.empty": "the file is empty",
    "session.reason.format": "not a valid session: {detail}",
    "session.reason.newer": (
        "made by a newer version of samen (schema {found}; this version knows schema "
        "{known}); update samen-tui to open it"
    ),
    "session.reason.directory": "that is a folder, not a session file",
    "session.reason.symlink_outside": (
        "that is a symbolic link to a file outside the sessions folder"
    ),
    "session.reason.symlink_broken": "that is a symbolic link that points nowhere",
    "session.reason.not_regular": "that is not a regular file",
    "session.reason.folder_unreadable": "the sessions folder cannot be read: {reason}",
    "session.os.no_space": "the disk is full",
    "session.os.quota": "the disk quota is used up",
    "session.os.read_only": "the disk or folder is read-only",
    "session.os.permission": "permission denied (check the rights of folder and file)",
    "session.os.missing": "the folder or file does not exist (any more)",
    "session.os.is_directory": "that is a folder",
    "session.os.name_too_long": "the file name is too long",
    "session.os.io": "the disk reported a read or write error",
    "session.os.busy": "the file is in use by another program",
    "session.os.other": "system error: {error}",
    "session.os.not_a_directory": "part of the path is not a folder",
    "session.lock.held": (
        "This session is already open in another samen window (process {pid} on {host}, "
        "since {started}). You see it read-only."
    ),
    "session.lock.held_unknown": (
        "This session is already open in another samen window. You see it read-only."
    ),
    "session.lock.unknown": "unknown",
}
