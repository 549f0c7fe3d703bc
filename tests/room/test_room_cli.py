"""``samen room`` and ``samen serve --room`` on the command line."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from samen_tui.cli import build_parser, main


def test_room_takes_a_session_or_none() -> None:
    args = build_parser().parse_args(["room", "--sessions", "/s"])
    assert args.command == "room" and args.session is None and args.sessions == "/s"
    assert build_parser().parse_args(["room", "zeist"]).session == "zeist"


def test_an_unknown_session_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["room", "bestaat-niet", "--sessions", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"samen room: geen sessie ‘bestaat-niet’ (ook niet in {tmp_path})\n"
    )


@pytest.mark.parametrize(
    ("extra", "tail"),
    [([], []), (["--room"], ["room"]), (["--room", "zeist.toml"], ["room", "zeist.toml"])],
)
def test_serve_room_serves_the_room_instead_of_the_app(
    extra: list[str],
    tail: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("textual_serve")
    from samen_tui.web.serve import GuardedServer

    served: list[tuple[str, str]] = []
    monkeypatch.setattr(
        GuardedServer, "serve", lambda self, debug=False: served.append((self.command, self.title))
    )
    assert main(["serve", "--sessions", str(tmp_path), *extra]) == 0
    ((command, title),) = served
    assert shlex.split(command) == [
        sys.executable,
        "-m",
        "samen_tui",
        "--sessions",
        str(tmp_path),
        *tail,
    ]
    assert title == ("samen · zaal" if tail else "samen")
    assert "http://127.0.0.1:8000/" in capsys.readouterr().out
