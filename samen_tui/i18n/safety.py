"""Messages of issue #21 (nothing lost, nobody in): files that are no files, limits,
dates out of range, the lock of a target, exports that would overwrite, ``samen
serve``'s token and address checks."""

from __future__ import annotations

NL: dict[str, str] = {
    # session files
    "session.reason.date_range": "de datum {value} ligt buiten de jaren {low}–{high}",
    "session.reason.too_many": "{count} items, meer dan de {limit} die een lijst mag hebben",
    "session.reason.format_at": "geen geldige sessie: {detail} (regel {line}, kolom {col})",
    "session.cannot_lock": (
        "Deze sessie kan niet worden vergrendeld ({reason}). Je ziet haar alleen-lezen, "
        "zodat er niets verloren gaat."
    ),
    "session.lock.odd_file": (
        "het slotbestand {path} is geen gewoon bestand (een koppeling, map of pijp); "
        "het wordt niet aangeraakt"
    ),
    "session.create_failed": "er is geen vrije bestandsnaam gevonden in {dir}",
    # export targets
    "export.refused_session": (
        "{path} is een sessiebestand (of leest als een); een verslag wordt er nooit overheen "
        "geschreven. Kies een andere naam."
    ),
    "export.refused_lock": "{path} is een slotbestand van samen; kies een andere naam",
    "export.refused_same": "{path} is de sessie zelf; kies een andere naam",
    "export.refused_exists": (
        "{path} bestaat al; gebruik --force om het te overschrijven, of kies een andere naam"
    ),
    "export.refused_kind": "{path} is geen gewoon bestand (een map, pijp of apparaat)",
    # samen serve
    "serve.not_loopback": (
        "Let op: {host} is geen loopback-adres. Iedereen op het netwerk die de link met "
        "het token heeft, kan de app bedienen, alle sessies lezen en bestanden schrijven. "
        "Start met --yes-on-the-network als je dat echt wilt."
    ),
    "serve.on_the_network": (
        "Let op: de app is bereikbaar op het netwerk ({host}). Deel de link alleen met wie "
        "de app mag bedienen."
    ),
}

EN: dict[str, str] = {
    "session.reason.date_range": "the date {value} lies outside the years {low}–{high}",
    "session.reason.too_many": "{count} entries, more than the {limit} a list may hold",
    "session.reason.format_at": "not a valid session: {detail} (line {line}, column {col})",
    "session.cannot_lock": (
        "This session cannot be locked ({reason}). You see it read-only, so that nothing is lost."
    ),
    "session.lock.odd_file": (
        "the lock file {path} is not a regular file (a link, folder or pipe); it is left alone"
    ),
    "session.create_failed": "no free file name was found in {dir}",
    "export.refused_session": (
        "{path} is a session file (or reads as one); a report is never written over it. "
        "Choose another name."
    ),
    "export.refused_lock": "{path} is a lock file of samen; choose another name",
    "export.refused_same": "{path} is the session itself; choose another name",
    "export.refused_exists": (
        "{path} exists already; use --force to overwrite it, or choose another name"
    ),
    "export.refused_kind": "{path} is not a regular file (a folder, pipe or device)",
    "serve.not_loopback": (
        "Careful: {host} is not a loopback address. Anyone on the network who has the link "
        "with the token can drive the app, read every session and write files. "
        "Start with --yes-on-the-network if you really want that."
    ),
    "serve.on_the_network": (
        "Careful: the app can be reached on the network ({host}). Share the link only with "
        "those who may drive the app."
    ),
}
