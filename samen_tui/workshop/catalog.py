"""Finding workshops: every ``*.toml`` in the workshop folders, first folder wins.

:func:`find_workshops` runs at start-up, so it is cheap: it reads each file with
tomllib and takes the ``[workshop]`` table's id and title, without validating the
rest (pass ``validate=True`` for that). A file that cannot be read is listed with
its error and never stops the scan. :func:`resolve_workshop` turns what a user
typed (an id, or a path to a file) into a fully validated :class:`Workshop`.

This module never imports textual.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from samen_tui.i18n import t
from samen_tui.workshop import built
from samen_tui.workshop.model import Workshop
from samen_tui.workshop.problems import (
    ID_PATTERN,
    WorkshopError,
    file_problem,
    read_bytes,
    read_file,
)


@dataclass(frozen=True)
class WorkshopEntry:
    """A workshop file found in one of the workshop folders."""

    id: str
    """The ``[workshop]`` id; the file name without ``.toml`` if the file has none."""
    title: str
    """The ``[workshop]`` title; the id if the file has none."""
    path: Path
    source: str
    """Which folder it came from, as :func:`samen_tui.paths.workshop_dirs` labels it."""
    error: str | None = None
    """Why the file cannot be used (``path:line:col: message``), or None."""
    language: str = "nl"
    """The ``[workshop]`` language."""

    @property
    def ok(self) -> bool:
        return self.error is None


def _summary(error: WorkshopError) -> str:
    first, rest = str(error.problems[0]), len(error.problems) - 1
    if rest == 0:
        return first
    if rest == 1:
        return t("workshop.more_problems.one", problem=first)
    return t("workshop.more_problems.many", problem=first, count=rest)


def read_entry(path: Path, source: str, *, validate: bool = False) -> WorkshopEntry:
    """The entry for one file; never raises."""
    try:
        data = read_bytes(path)
    except OSError as exc:
        stem = path.stem
        return WorkshopEntry(stem, stem, path, source, str(file_problem(str(path), exc)))
    return entry_of(data, path, source, validate=validate)


def entry_of(data: bytes, path: Path, source: str, *, validate: bool = False) -> WorkshopEntry:
    """The entry for the bytes of the file at ``path``; never raises."""
    from samen_tui.workshop.loader import read_toml

    fallback = path.stem
    try:
        _text, document = read_toml(data, str(path))
    except WorkshopError as exc:
        return WorkshopEntry(fallback, fallback, path, source, _summary(exc))
    meta = document.get("workshop")
    meta = meta if isinstance(meta, dict) else {}
    ident, title = meta.get("id"), meta.get("title")
    has_id = isinstance(ident, str) and bool(ident)
    ident = ident if isinstance(ident, str) and ident else fallback
    title = title if isinstance(title, str) and title.strip() else ident
    language = meta.get("language")
    language = language if isinstance(language, str) else "nl"
    error: str | None = None
    # Without an id the file is certainly broken: say why, as a full check would.
    if validate or not has_id:
        try:
            build(data, path)
        except WorkshopError as exc:
            error = _summary(exc)
    return WorkshopEntry(ident, title, path, source, error, language)


def find_workshops(dirs: list[tuple[str, Path]], *, validate: bool = False) -> list[WorkshopEntry]:
    """Every workshop in ``dirs`` (label, folder), in folder order, then by file name.

    For an id found in more than one folder only the first is listed: a copy in
    ``./workshops`` overrides the one shipped with the package, even when that
    copy is broken (it is then listed with its error, so the facilitator sees why).
    With ``validate`` every file is fully checked, not just its ``[workshop]`` table.
    """
    entries: list[WorkshopEntry] = []
    seen: set[str] = set()
    for source, path in _toml_files(dirs):
        entry = read_entry(path, source, validate=validate)
        if entry.id not in seen:
            seen.add(entry.id)
            entries.append(entry)
    return entries


def _toml_files(dirs: list[tuple[str, Path]]) -> Iterator[tuple[str, Path]]:
    """(label, file) for every ``*.toml`` file, in folder order, then by file name."""
    for source, folder in dirs:
        try:
            files = sorted(p for p in folder.glob("*.toml") if p.is_file())
        except OSError:
            continue
        for path in files:
            yield source, path


def build(data: bytes, path: Path) -> Workshop:
    """The workshop in ``data``, the bytes of the file at ``path``: built at an earlier
    start (:mod:`samen_tui.workshop.built`) or now, with the loader; raises
    :class:`WorkshopError` for a file with problems."""
    workshop = built.get(data, path)
    if workshop is None:
        from samen_tui.workshop.loader import parse_workshop

        workshop = parse_workshop(data, path)
        built.put(data, path, workshop)
    return workshop


def load(path: Path) -> Workshop:
    """The workshop in the file at ``path`` (see :func:`build`); raises
    :class:`WorkshopError` for a file that cannot be read or has problems."""
    return build(read_file(path), path)


def _first_with_id(
    ident: str, dirs: list[tuple[str, Path]]
) -> tuple[Path, bytes | None, Workshop | None] | None:
    """The file :func:`find_workshops` would list for ``ident``, its bytes (None: it
    cannot be read) and its workshop (None: it has problems), without parsing every
    file: a file can only have that id if its name is the id or its text holds the
    id as a quoted string (an id written with escapes is found through its file name
    only). A candidate is parsed once: the workshop names its id; only a broken one
    is read again for the id its ``[workshop]`` table gives."""
    raw = ident.encode("utf-8")
    needles = (b'"' + raw + b'"', b"'" + raw + b"'")
    for source, path in _toml_files(dirs):
        try:
            data = read_bytes(path)
        except OSError:
            if path.stem == ident:  # listed under its name, with the reason
                return path, None, None
            continue
        if path.stem != ident and not any(needle in data for needle in needles):
            continue
        try:
            workshop = build(data, path)
        except WorkshopError:
            if entry_of(data, path, source).id == ident:
                return path, data, None
            continue
        if workshop.id == ident:
            return path, data, workshop
    return None


def resolve_workshop(id_or_path: str, dirs: list[tuple[str, Path]]) -> Workshop:
    """The workshop a user asked for: a path (if it exists or ends in ``.toml``), else an id.

    Raises :class:`WorkshopError` when the file has problems and :class:`LookupError`
    when there is no such file or id (the message names the ids that do exist).
    """
    if not id_or_path.strip():
        raise LookupError(t("workshop.none_given"))
    candidate = Path(id_or_path).expanduser()
    if candidate.exists() or id_or_path.endswith(".toml"):
        if not candidate.exists():
            raise LookupError(t("workshop.no_such_file", path=id_or_path))
        return load(candidate)
    return _by_id(id_or_path, dirs)


def _by_id(ident: str, dirs: list[tuple[str, Path]], *, ran: bool = False) -> Workshop:
    """The workshop with this id in the folders (see :func:`resolve_workshop`); with
    ``ran``, else where ``samen run PATH`` last ran it from (see :func:`_ran_from`)."""
    found = _first_with_id(ident, dirs)
    if found is None and ran:
        workshop = _ran_from(ident)
        if workshop is not None:
            return workshop
    if found is not None:
        path, data, workshop = found
        if workshop is not None:
            return workshop
        # the reason it cannot be used: unreadable, or its problems
        return load(path) if data is None else build(data, path)
    entries = find_workshops(dirs)
    message = t("workshop.no_such_id", id=ident)
    ids = [entry.id for entry in entries]
    close = difflib.get_close_matches(ident, ids, n=1, cutoff=0.6)
    if close:
        message = t("workshop.did_you_mean", message=message, suggestion=close[0])
    if ids:
        message = t("workshop.available", message=message, ids=", ".join(ids))
    else:
        folders = ", ".join(str(folder) for _label, folder in dirs)
        message = t("workshop.none_found", message=message, dirs=folders)
    raise LookupError(message)


def session_workshop(workshop_id: str, dirs: list[tuple[str, Path]]) -> Workshop:
    """The workshop a session names (its ``workshop`` key): by id only, found in the
    workshop folders as :func:`resolve_workshop` finds an id. A session file is not
    the user's word: a path in it (``/dev/zero``, a pipe, a file elsewhere) is never
    opened. Raises :class:`LookupError` (no id, not an id, no such workshop) and
    :class:`WorkshopError` (its file has problems)."""
    if not workshop_id.strip():
        raise LookupError(t("workshop.no_id"))
    if not ID_PATTERN.fullmatch(workshop_id):
        raise LookupError(t("workshop.session_bad_id", id=repr(workshop_id)))
    return _by_id(workshop_id, dirs, ran=True)


def _ran_from(workshop_id: str) -> Workshop | None:
    """The workshop ``workshop_id`` from the file ``samen run PATH`` last ran it from
    (the user's own config notes it, never a session file), if that file still holds
    a workshop with this id."""
    from samen_tui.config import remembered_workshop

    path = remembered_workshop(workshop_id)
    if path is None:
        return None
    try:
        workshop = load(path)
    except (OSError, WorkshopError):
        return None
    return workshop if workshop.id == workshop_id else None
