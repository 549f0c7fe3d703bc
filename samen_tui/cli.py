"""The ``samen`` command: the app and its subcommands.

    samen                       start screen (new session, resume, review)
    samen run WORKSHOP          straight into a new session (id or path)
    samen resume [SESSION]      back into a session (default: the newest unfinished)
    samen review                the saved sessions
    samen check FILE...         check workshop files
    samen export SESSION        a verslag (md, html) or the actions (csv, ics)
    samen new ID                a new workshop file with an example of every step kind
    samen dirs                  where everything lives
    samen serve                 the app in a browser (textual-serve, 127.0.0.1)

Textual is imported only by the subcommands that show the app.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
from pathlib import Path
from typing import TextIO

from samen_tui.i18n import set_language, t


def _common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--sessions",
        metavar="DIR",
        default=default,
        help="folder with the session files (default: see `samen dirs`)",
    )
    parser.add_argument(
        "--workshops",
        metavar="DIR",
        default=default,
        help="folder searched first for workshop files",
    )
    parser.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=default,
        help="interface language (default: the workshop's)",
    )


def _join_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--join",
        metavar="lan|HOST:PORT",
        default="",
        help="participants take part from their phones: serve their page on the local"
        " network (lan) or on HOST:PORT; every address (0.0.0.0) only when named (#18)",
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
    parser = argparse.ArgumentParser(
        prog="samen",
        description="Samen Ouder Worden: a workshop companion for the terminal, fully offline.",
    )
    _common(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _common(p, suppress=True)
        return p

    run = add("run", "start a new session of a workshop at its first step")
    run.add_argument("workshop", help="workshop id (see `samen dirs`) or path to a .toml file")
    run.add_argument("--title", default="", help="session title")
    run.add_argument("--place", default="", help="where the session takes place")
    run.add_argument("--trainer", default="", help="who leads it")
    _join_option(run)

    resume = add("resume", "go back into a saved session, on the step where it was left")
    resume.add_argument("session", nargs="?", help="session file (default: newest unfinished)")
    _join_option(resume)

    add("review", "read back, compare and export saved sessions")

    check = add("check", "check workshop files; prints file:line:col: message per problem")
    check.add_argument("files", nargs="+", metavar="FILE")

    export = add(
        "export",
        "write the verslag of a session (md, html) or its actions (csv, ics for a calendar);"
        " the participants' version unless --with-notes",
    )
    export.add_argument("session", help="session file")
    export.add_argument(
        "--format",
        choices=("md", "html", "csv", "ics"),
        default="md",
        help="md or html: the verslag; csv: the actions for a spreadsheet; ics: the"
        " actions with a date for a calendar (default: md)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    export.add_argument(
        "--with-notes",
        action="store_true",
        help="include the trainer's notes (left out of the participants' version)",
    )
    export.add_argument(
        "--delimiter",
        metavar="SEP",
        default="",
        help="the CSV's delimiter: ';' ',' 'tab' or '|' (default: ';' for a Dutch"
        " session, ',' for an English one)",
    )
    export.add_argument(
        "--force", action="store_true", help="overwrite FILE if it exists (never a session)"
    )

    new = add("new", "write a new workshop file with an example of every step kind")
    new.add_argument("id", help="the new workshop's id, e.g. mijn-workshop")
    new.add_argument("--dir", default="workshops", help="folder to write it in")

    add("dirs", "show where workshops, sessions and settings live")

    serve = add("serve", "serve the app in a web browser (textual-serve)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: loopback only)"
    )
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--yes-on-the-network",
        action="store_true",
        help="serve on an address other machines can reach (anyone with the link drives the app)",
    )
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    if args.lang:
        set_language(args.lang)
    command = args.command or "start"
    if command == "check":
        from samen_tui.workshop.check import check_files

        return check_files(args.files, out, sys.stderr)
    if command == "dirs":
        return cmd_dirs(args, out)
    if command == "export":
        return cmd_export(args, out)
    if command == "new":
        return cmd_new(args, out)
    if command == "serve":
        return cmd_serve(args, out)
    return run_app(args, command)


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


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """The report on ``out`` (a terminal gets it without control characters), or in
    the file ``-o`` names: never over a session, its backup or its lock, and over
    another file only with ``--force`` (:mod:`samen_tui.session.targets`)."""
    from samen_tui import paths
    from samen_tui.report.export import export_session
    from samen_tui.session.targets import export_refusal, write_export

    source = Path(args.session)
    target = Path(args.output) if args.output else None
    if target is not None:
        refusal = export_refusal(target, source=source, force=args.force)
        if refusal is not None:  # before anything is read or made
            sys.stderr.write(f"samen export: {refusal}\n")
            return 1
    try:
        text = str(
            export_session(
                source,
                args.format,
                None,
                paths.workshop_dirs(args.workshops),
                with_notes=args.with_notes,
                language=args.lang or "",
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
    from samen_tui.workshop.scaffold import write_scaffold

    try:
        path = write_scaffold(args.id, Path(args.dir))
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
    import shlex

    server = GuardedServer(shlex.join(parts), host=args.host, port=args.port, title="samen")
    out.write(t("serve.address", url=server.url) + "\n")
    out.flush()
    server.serve()
    return 0


def run_app(args: argparse.Namespace, command: str) -> int:
    # Starting allocates a great deal and frees almost nothing: the collector's
    # passes over it are wasted (on this machine a full pass came halfway, 20-25 ms,
    # and the young ones another 25 ms). The app turns it back on once its first
    # screen is painted, with the objects made so far frozen out of every later pass
    # (``SamenApp.on_ready``); ``finally`` in case it never gets that far.
    gc.disable()
    try:
        return _run_app(args, command)
    finally:
        gc.enable()


def _run_app(args: argparse.Namespace, command: str) -> int:
    if command == "review":
        # list the sessions in a helper process while the interface starts (the
        # review takes that listing instead of reading the folder itself)
        from samen_tui import paths
        from samen_tui.config import load_config
        from samen_tui.session.reader import prefetch

        # the interface's language (as SamenApp sets it): unreadable files' reasons
        prefetch(paths.sessions_dir(args.sessions), args.lang or load_config().language or "nl")

    from samen_tui.tui.app import Launch, SamenApp

    launch = Launch(
        mode=command,
        sessions_dir=Path(args.sessions) if args.sessions else None,
        workshops_dir=Path(args.workshops) if args.workshops else None,
        language=args.lang or "",
    )
    if command == "run":
        launch.workshop = args.workshop
        launch.title, launch.place, launch.trainer = args.title, args.place, args.trainer
    elif command == "resume" and args.session:
        launch.session = Path(args.session)
    if getattr(args, "join", ""):
        problem = check_join(args.join)
        if problem is not None:
            sys.stderr.write(f"samen: {problem}\n")
            return 2
        launch.extra["join"] = args.join
    app = SamenApp(launch)
    app.run()
    return app.return_code or 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
