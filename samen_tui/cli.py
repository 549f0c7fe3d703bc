"""The ``samen`` command: the app and its subcommands.

    samen                       start screen (new session, resume, review)
    samen run WORKSHOP          straight into a new session (id or path)
    samen resume [SESSION]      back into a session (default: the newest unfinished)
    samen review                the saved sessions
    samen room [SESSION]        the session for the beamer, following the trainer live
    samen check FILE...         check workshop files
    samen export SESSION        a verslag (md, html) or the actions (csv, ics)
    samen new ID                a new workshop file with an example of every step kind
    samen dirs                  where everything lives
    samen serve [--room]        the app (or the room) in a browser (textual-serve, 127.0.0.1)

Textual is imported only by the subcommands that show the app.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from samen_tui.i18n import LANGUAGES, language, set_language, t

if TYPE_CHECKING:
    from samen_tui.config import Config


class _Formatter(argparse.HelpFormatter):
    """argparse's help with its own words in the interface language."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, t("cli.usage") if prefix is None else prefix)


_ARGPARSE_ERRORS = (
    (re.compile(r"the following arguments are required: (.*)", re.S), "cli.err.required"),
    (
        re.compile(r"argument .*?: invalid choice: (.*?) \(choose from (.*)\)", re.S),
        "cli.err.choice",
    ),
    (re.compile(r"unrecognized arguments: (.*)", re.S), "cli.err.unknown"),
    (re.compile(r"argument (.*?): expected one argument", re.S), "cli.err.expected"),
)


class _Parser(argparse.ArgumentParser):
    """An argument parser that speaks the interface language (Dutch by default)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = t("cli.positionals")
        self._optionals.title = t("cli.options")
        self.add_argument("-h", "--help", action="help", help=t("cli.help"))

    def error(self, message: str) -> NoReturn:
        for pattern, key in _ARGPARSE_ERRORS:
            found = pattern.fullmatch(message)
            if found:
                message = t(key, what=found.group(1), choices=found.group(found.re.groups))
                break
        self.print_usage(sys.stderr)
        self.exit(2, t("cli.error", prog=self.prog, message=message) + "\n")


def _common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--sessions", metavar="DIR", default=default, help=t("cli.sessions"))
    parser.add_argument("--workshops", metavar="DIR", default=default, help=t("cli.workshops"))
    parser.add_argument("--lang", choices=LANGUAGES, default=default, help=t("cli.lang"))


def _join_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--join",
        metavar="lan|HOST:PORT",
        default="",
        help=t("cli.join"),
    )


def check_join(value: str) -> str | None:
    """Why ``--join value`` cannot be served (a message), or None. Warns on stderr when
    it means every address of the machine."""
    try:
        from samen_tui.web.join.address import AddressError, parse_join
        from samen_tui.web.join.server import JoinServer  # noqa: F401  (aiohttp is there)
    except ImportError:
        return t("join.missing")
    try:
        address = parse_join(value)
    except AddressError as exc:
        return str(exc)
    if address.everywhere:
        sys.stderr.write(t("join.panel.all_addresses", host=address.bind) + "\n")
    return None


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the current language (:func:`set_language` first)."""
    from samen_tui import __version__

    parser = _Parser(prog="samen", description=t("cli.description"))
    parser.add_argument(
        "--version", action="version", version=f"samen {__version__}", help=t("cli.version")
    )
    _common(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=t("cli.commands"))

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _common(p, suppress=True)
        return p

    run = add("run", t("cli.run"))
    run.add_argument("workshop", help=t("cli.run.workshop"))
    run.add_argument("--title", default="", help=t("cli.run.title"))
    run.add_argument("--place", default="", help=t("cli.run.place"))
    run.add_argument("--trainer", default="", help=t("cli.run.trainer"))
    _join_option(run)

    resume = add("resume", t("cli.resume"))
    resume.add_argument("session", nargs="?", help=t("cli.resume.session", how=t("cli.session")))
    _join_option(resume)

    review = add("review", t("cli.review"))
    review.add_argument("session", nargs="?", help=t("cli.review.session", how=t("cli.session")))

    room = add("room", t("cli.room"))
    room.add_argument("session", nargs="?", help=t("cli.room.session"))

    check = add("check", t("cli.check"))
    check.add_argument("files", nargs="+", metavar="FILE", help=t("cli.check.files"))

    export = add("export", t("cli.export"))
    export.add_argument("session", help=t("cli.session"))
    export.add_argument(
        "--format", choices=("md", "html", "csv", "ics"), default="md", help=t("cli.export.format")
    )
    export.add_argument("-o", "--output", metavar="FILE", help=t("cli.export.output"))
    export.add_argument("--with-notes", action="store_true", help=t("cli.export.notes"))
    export.add_argument("--delimiter", metavar="SEP", default="", help=t("cli.export.delimiter"))
    export.add_argument("--force", action="store_true", help=t("cli.export.force"))

    new = add("new", t("cli.new"))
    new.add_argument("id", help=t("cli.new.id"))
    new.add_argument("--dir", default="workshops", help=t("cli.new.dir"))

    add("dirs", t("cli.dirs"))

    serve = add("serve", t("cli.serve"))
    serve.add_argument("--host", default="127.0.0.1", help=t("cli.serve.host"))
    serve.add_argument("--port", type=int, default=8000, help=t("cli.serve.port"))
    serve.add_argument("--yes-on-the-network", action="store_true", help=t("cli.serve.network"))
    serve.add_argument(
        "--room", nargs="?", const="", default=None, metavar="SESSION", help=t("cli.serve.room")
    )
    return parser


def asked_language(argv: Sequence[str]) -> str:
    """The ``--lang`` in ``argv`` (before the parser exists: its help speaks it), or ""."""
    for number, word in enumerate(argv):
        if word == "--":
            break
        value = ""
        if word == "--lang" and number + 1 < len(argv):
            value = argv[number + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGUAGES:
            return value
    return ""


def _read_config() -> Config | None:
    """The user's settings, read once per command: the interface language comes from
    them before the parser exists, and the app or the room gets them as they are
    (None: they could not be read; the app then reads them itself, and reports)."""
    from samen_tui.config import load_config

    try:
        return load_config()
    except Exception:  # a broken settings file is the app's to report, not --help's
        return None


def _quiet_pipe() -> None:
    """stdout (and stderr) went away (``samen dirs | head -1``): what is still to be
    written goes nowhere, so that Python's flush at exit finds no broken pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError, AttributeError):
            continue
    os.close(devnull)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """``samen``: every command; a closed pipe ends it quietly (exit 1, no traceback)."""
    try:
        try:
            code = _main(list(sys.argv[1:] if argv is None else argv), out or sys.stdout)
        finally:
            (out or sys.stdout).flush()
    except BrokenPipeError:
        _quiet_pipe()
        return 1
    except SystemExit as stop:  # --help, --version, a usage error: flushed above
        if isinstance(stop.code, int) or stop.code is None:
            return stop.code or 0
        raise
    return code


def _main(argv: list[str], out: TextIO) -> int:
    explicit = asked_language(argv)
    config = _read_config()
    # from here on i18n.language() is the base: --lang, else the settings', else Dutch
    set_language(explicit or (config.language if config is not None else "") or "nl")
    args = build_parser().parse_args(argv)
    command = args.command or "start"
    if command == "check":
        return cmd_check(args, out, explicit)
    if command == "dirs":
        return cmd_dirs(args, out)
    if command == "export":
        return cmd_export(args, out, explicit)
    if command == "new":
        return cmd_new(args, out)
    if command == "serve":
        return cmd_serve(args, out)
    if command == "room":
        return cmd_room(args, config)
    return run_app(args, command, config)


LANGUAGE_HEAD = 64 * 1024
"""Bytes of a workshop file looked at for its ``language`` line."""
_LANGUAGE_LINE = re.compile(rb"""^[ \t]*language[ \t]*=[ \t]*["'](nl|en)["']""", re.M)


def file_language(path: Path) -> str:
    """The ``language`` a workshop file gives (a look at its text: a broken file's
    problems are told in the language its author writes in), or ""."""
    from samen_tui.safefile import open_regular

    try:  # a regular file only: a pipe or a device named as a workshop is never opened
        fd, _info = open_regular(path)
    except OSError:
        return ""
    try:
        head = os.read(fd, LANGUAGE_HEAD)
    except OSError:
        return ""
    finally:
        os.close(fd)
    found = _LANGUAGE_LINE.search(head)
    return found.group(1).decode() if found else ""


def check_target(name: str, dirs: list[tuple[str, Path]]) -> str:
    """What ``samen check NAME`` checks: the file ``NAME``, or, when there is no such
    file and ``NAME`` looks like an id, the file of the workshop with that id."""
    from samen_tui.workshop.catalog import _first_with_id
    from samen_tui.workshop.problems import ID_PATTERN

    if os.path.lexists(name) or name.endswith(".toml") or not ID_PATTERN.fullmatch(name):
        return name
    found = _first_with_id(name, dirs)
    return name if found is None else str(found[0])


def cmd_check(args: argparse.Namespace, out: TextIO, explicit: str) -> int:
    """Each file (or id) checked, its messages in its own language unless ``--lang``."""
    from samen_tui import paths
    from samen_tui.workshop.check import check_files

    dirs = paths.workshop_dirs(args.workshops)
    base = language()  # --lang, else the settings' (set by _main)
    failed = 0
    for name in args.files:
        target = check_target(name, dirs)
        set_language(explicit or file_language(Path(target)) or base)
        failed += check_files([target], out, sys.stderr)
    set_language(base)
    if failed and len(args.files) > 1:
        key = "workshop.check_failed.one" if failed == 1 else "workshop.check_failed.many"
        print(t(key, count=failed, total=len(args.files)), file=sys.stderr)
    return 1 if failed else 0


def cmd_dirs(args: argparse.Namespace, out: TextIO) -> int:
    from samen_tui import paths

    out.write(f"{t('dirs.sessions')}: {paths.sessions_dir(args.sessions)}\n")
    out.write(f"{t('dirs.workshops')}:\n")
    for number, (label, folder) in enumerate(paths.workshop_dirs(args.workshops), start=1):
        there = "" if folder.is_dir() else f"  ({t('dirs.missing')})"
        out.write(f"  {number}. {folder}  [{label}]{there}\n")
    out.write(f"{t('dirs.config')}: {paths.config_file()}\n")
    out.write(f"{t('dirs.cache')}: {paths.cache_dir()}\n")
    return 0


def find_session(reference: str, sessions: str | None, command: str) -> Path | None:
    """The session ``reference`` names (:mod:`samen_tui.session.resolve`), or None
    after the message on stderr."""
    from samen_tui import paths
    from samen_tui.session.resolve import SessionNameError, resolve_session

    try:
        return resolve_session(reference, paths.sessions_dir(sessions))
    except SessionNameError as exc:
        sys.stderr.write(f"samen {command}: {exc}\n")
        return None


def cmd_export(args: argparse.Namespace, out: TextIO, explicit: str = "") -> int:
    """The report on ``out`` (a terminal gets it without control characters), or in
    the file ``-o`` names: never over a session, its backup or its lock, and over
    another file only with ``--force`` (:mod:`samen_tui.session.targets`). Its words,
    and the messages, in the session's language unless ``--lang``."""
    from samen_tui import paths
    from samen_tui.report.export import ExportError, export_session, load_session_file
    from samen_tui.session.model import Session
    from samen_tui.session.targets import export_refusal, write_export

    found = find_session(args.session, args.sessions, "export")
    if found is None:
        return 1
    source = found
    session: Session | None = None
    try:  # read once: for its language here, and for the export below
        session = load_session_file(source)
    except ExportError as exc:
        unreadable = exc  # told after a refused target, as the export would
    if not explicit and session is not None and session.language:
        set_language(session.language)
    target = Path(args.output) if args.output else None
    if target is not None:
        refusal = export_refusal(target, source=source, force=args.force)
        if refusal is not None:  # before anything is made
            sys.stderr.write(f"samen export: {refusal}\n")
            return 1
    if session is None:
        sys.stderr.write(f"samen export: {unreadable}\n")
        return 1
    try:
        text = str(
            export_session(
                source,
                args.format,
                None,
                paths.workshop_dirs(args.workshops),
                session=session,
                with_notes=args.with_notes,
                language=explicit,
                delimiter=args.delimiter,
            )
        )
    except Exception as exc:  # every failure is a message, never a traceback
        sys.stderr.write(f"samen export: {exc}\n")
        return 1
    if target is None:
        out.write(for_terminal(text) if _is_terminal(out) else text)
        return 0
    try:
        write_export(target, text, source=source, force=args.force)
    except FileExistsError as exc:  # refused: something came there meanwhile
        sys.stderr.write(f"samen export: {exc.strerror}\n")
        return 1
    except OSError as exc:
        reason = t("report.export.write", path=str(target), reason=exc.strerror or str(exc))
        sys.stderr.write(f"samen export: {reason}\n")
        return 1
    out.write(t("export.done", path=str(target)) + "\n")
    return 0


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (OSError, ValueError):
        return False


_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL...
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def for_terminal(text: str) -> str:
    """``text`` as a terminal may get it: every control character (but tab and
    newline; a CR of a CRLF goes) shown as a symbol, never acted on: an escape
    sequence in a title cannot clear the screen, set the window title or fill the
    clipboard; nor can a direction override reorder what is shown."""
    return _UNSAFE.sub(_visible, text.replace("\r\n", "\n"))


def cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    """A new workshop file; ``--lang en`` makes it an English workshop."""
    from samen_tui.workshop.scaffold import write_scaffold

    try:
        path = write_scaffold(args.id, Path(args.dir), language=args.lang or "nl")
    except (FileExistsError, ValueError, OSError) as exc:
        sys.stderr.write(f"samen new: {exc}\n")
        return 1
    out.write(t("new.written", path=str(path)) + "\n")
    return 0


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    """The app in a browser: on a loopback address unless ``--yes-on-the-network``,
    every request checked for the token in the printed address, its Host and its
    Origin (:mod:`samen_tui.web.guard`)."""
    from samen_tui.web.guard import is_loopback

    if not is_loopback(args.host):
        if not args.yes_on_the_network:
            sys.stderr.write(t("serve.not_loopback", host=args.host) + "\n")
            return 2
        sys.stderr.write(t("serve.on_the_network", host=args.host) + "\n")
    try:
        from samen_tui.web.serve import GuardedServer
    except ImportError:
        sys.stderr.write(t("serve.missing") + "\n")
        return 1
    parts = [sys.executable, "-m", "samen_tui"]
    for option in ("sessions", "workshops", "lang"):
        value = getattr(args, option, None)
        if value:
            parts += [f"--{option}", str(value)]
    room = getattr(args, "room", None)
    if room is not None:  # the room's view, read-only: the session named, or the newest
        parts += ["room", *([room] if room else [])]
    import shlex

    title = "samen · zaal" if room is not None else "samen"
    server = GuardedServer(shlex.join(parts), host=args.host, port=args.port, title=title)
    out.write(t("serve.address", url=server.url) + "\n")
    out.flush()
    server.serve()
    return 0


def cmd_room(args: argparse.Namespace, config: Config | None = None) -> int:
    """The room's view of a session (``samen room``): the session named, else the
    newest unfinished one (or the first to begin)."""
    from samen_tui import paths
    from samen_tui.room.finding import resolve_session

    folder = paths.sessions_dir(args.sessions)
    path: Path | None = None
    if args.session:
        try:
            path = resolve_session(args.session, folder)
        except LookupError as exc:
            sys.stderr.write(f"samen room: {exc}\n")
            return 1
    from samen_tui.room import yield_to_the_trainer
    from samen_tui.tui.room.app import RoomApp

    yield_to_the_trainer()
    dirs = paths.workshop_dirs(args.workshops)
    app = RoomApp(path, folder, dirs, language=args.lang or "", config=config)
    app.run()
    return app.return_code or 0


def run_app(args: argparse.Namespace, command: str, config: Config | None = None) -> int:
    # Starting allocates a great deal and frees almost nothing: the collector's
    # passes over it are wasted (on this machine a full pass came halfway, 20-25 ms,
    # and the young ones another 25 ms). The app turns it back on once its first
    # screen is painted, with the objects made so far frozen out of every later pass
    # (``SamenApp.on_ready``); ``finally`` in case it never gets that far.
    gc.disable()
    try:
        return _run_app(args, command, config)
    finally:
        gc.enable()


def _run_app(args: argparse.Namespace, command: str, config: Config | None) -> int:
    session: Path | None = None
    if command in ("resume", "review") and args.session:
        session = find_session(args.session, args.sessions, command)
        if session is None:
            return 1
    if command == "run" and not _workshop_found(args):
        return 1

    if command == "review":
        # list the sessions in a helper process while the interface starts (the
        # review takes that listing instead of reading the folder itself)
        from samen_tui import paths
        from samen_tui.session.reader import prefetch

        # the interface's language (as SamenApp sets it): unreadable files' reasons
        prefetch(paths.sessions_dir(args.sessions), args.lang or language())

    from samen_tui.tui.app import Launch, SamenApp

    launch = Launch(
        mode=command,
        sessions_dir=Path(args.sessions) if args.sessions else None,
        workshops_dir=Path(args.workshops) if args.workshops else None,
        language=args.lang or "",
        config=config,
    )
    if command == "run":
        launch.workshop = args.workshop
        launch.title, launch.place, launch.trainer = args.title, args.place, args.trainer
    elif session is not None:
        launch.session = session
    if getattr(args, "join", ""):
        problem = check_join(args.join)
        if problem is not None:
            sys.stderr.write(f"samen: {problem}\n")
            return 2
        launch.extra["join"] = args.join
    app = SamenApp(launch)
    app.run()
    return app.return_code or 0


def _workshop_found(args: argparse.Namespace) -> bool:
    """Whether ``samen run WORKSHOP`` has a workshop to run: the reason on stderr
    before anything is drawn if not."""
    from samen_tui import paths
    from samen_tui.workshop.catalog import resolve_workshop
    from samen_tui.workshop.problems import WorkshopError

    try:
        resolve_workshop(args.workshop, paths.workshop_dirs(args.workshops))
    except (LookupError, ValueError, OSError, WorkshopError) as exc:
        sys.stderr.write(f"samen run: {exc}\n")
        return False
    return True


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
