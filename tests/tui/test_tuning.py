"""The tuning switch: ``SAMEN_SAFE=1`` (or another Textual than the one the tuning was
written for) leaves the app on stock Textual, with none of ``samen_tui/tui/tuning``
installed; and that app walks a session from start to end.

What the app is made of is decided at import, so each case runs in a fresh Python."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from samen_tui.tui import tuning
from tests.tui.conftest import burst, make_app, tuned, walk_screen

ROOT = Path(__file__).resolve().parents[2]

INSPECT = """
import inspect, json
from textual.reactive import Reactive
from textual.screen import Screen
from samen_tui.tui import tuning
from samen_tui.tui.screens.walk import WalkScreen, walk_screen_class
from samen_tui.tui.widgets.agenda import AgendaPanel
from samen_tui.tui.widgets.forms import CardList

def ours(cls):
    return [k for k in cls.__mro__ if k.__module__.startswith("samen_tui")]

def private(cls):
    "The private methods, properties and reactives the classes of ours define."
    return sorted(
        name
        for klass in ours(cls)
        for name, value in vars(klass).items()
        if name.startswith("_") and not name.startswith("__")
        and (inspect.isfunction(value) or isinstance(value, (property, Reactive)))
    )

walk = walk_screen_class()
print(json.dumps({{
    "enabled": tuning.ENABLED,
    "why": tuning.why_off(),
    "walk_is_stock": walk is WalkScreen,
    "tuning_classes": sorted(
        f"{{k.__module__}}.{{k.__name__}}"
        for cls in (walk, AgendaPanel, CardList)
        for k in ours(cls)
        if k.__module__.startswith("samen_tui.tui.tuning")
    ),
    "private": {{c.__name__: private(c) for c in (walk, AgendaPanel, CardList)}},
    "focused": walk._reactives["focused"] is Screen.__dict__["focused"],
}}))
"""

WALK = """
import asyncio, json, sys, tomllib
sys.path.insert(0, {root!r})
from pathlib import Path
from textual._compositor import Compositor
from samen_tui.tui.app import Launch, SamenApp

async def walk() -> dict:
    app = SamenApp(Launch(mode="run", workshop="samen-ouder-worden", title="Veilig",
                          sessions_dir=Path({sessions!r}), extra={{"frozen_clock": True}}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        steps = screen.workshop.step_ids()
        seen = []
        screen.go_to("wie-is-er")
        for _ in range(50):
            await pilot.pause(0.05)
            if app.focused is not None and app.focused.id == "p-name":
                break
        await pilot.press(*"Anna", "enter")
        await pilot.pause()
        screen.go_to(steps[0])
        await pilot.pause()
        for _ in steps[1:]:
            await pilot.press("pagedown")
            seen.append(screen.session.current)
        compositor = type(screen._compositor) is Compositor
        path = screen.path
        modules = sorted(m for m in sys.modules if m.startswith("samen_tui.tui.tuning."))
        await pilot.press("ctrl+q")
        await pilot.pause(0.5)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {{"seen": seen, "steps": steps, "stock_compositor": compositor,
             "modules": modules, "names": [p["name"] for p in data.get("participants", [])]}}

print(json.dumps(asyncio.run(walk())))
"""


def run_python(code: str, env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def overrides(shown: dict[str, Any]) -> dict[str, list[str]]:
    """Per class, the private names of Textual's classes that classes of ours in its
    MRO define (override)."""
    from textual.screen import Screen
    from textual.widgets import OptionList

    from tests.house.test_house import textual_privates_of

    textual = {"AgendaPanel": OptionList, "CardList": OptionList}
    return {
        name: sorted(set(defined) & textual_privates_of(textual.get(name, Screen)))
        for name, defined in shown["private"].items()
    }


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SAMEN_SAFE", "SAMEN_TUNING_SKIP")}
    env.update(extra)
    return env


@pytest.mark.slow
def test_samen_safe_installs_none_of_the_tuning() -> None:
    shown = run_python(INSPECT.format(root=str(ROOT)), environment(SAMEN_SAFE="1"))
    assert not shown["enabled"] and shown["why"] == "SAMEN_SAFE is set"
    assert shown["walk_is_stock"]
    assert shown["tuning_classes"] == []
    assert overrides(shown) == {"WalkScreen": [], "AgendaPanel": [], "CardList": []}
    assert shown["focused"]  # Textual's own Screen.focused


@tuned
def test_with_the_tuning_on_the_walk_screen_is_tuned() -> None:
    """The counterpart of the test above: the same inspection sees the tuning when it is
    on (so that test can fail)."""
    shown = run_python(INSPECT.format(root=str(ROOT)), environment())
    assert shown["enabled"] and shown["why"] == ""
    assert not shown["walk_is_stock"]
    assert "samen_tui.tui.tuning.frames.FrameTuning" in shown["tuning_classes"]
    assert "samen_tui.tui.tuning.options.GrowingOptions" in shown["tuning_classes"]
    found = overrides(shown)
    assert "_refresh_layout" in found["WalkScreen"]
    assert "_on_resize" in found["CardList"]
    assert not shown["focused"]


def test_another_textual_turns_the_tuning_off() -> None:
    code = textwrap.dedent(
        """
        import importlib.metadata as metadata
        import importlib.util as util
        real, real_spec = metadata.version, util.find_spec
        metadata.version = lambda name: "99.0.0" if name == "textual" else real(name)
        util.find_spec = lambda name, *a: None if name == "textual" else real_spec(name, *a)
        """
    ) + INSPECT.format(root=str(ROOT))
    shown = run_python(code, environment())
    assert not shown["enabled"]
    assert (
        shown["why"]
        == f"Textual 99.0.0 is installed; the tuning was written for {tuning.WRITTEN_FOR}"
    )
    assert shown["walk_is_stock"] and shown["tuning_classes"] == []


def test_the_textual_installed_is_read_from_its_dist_info(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without importlib.metadata (15-20 ms of a start): the version is in the name of
    the ``.dist-info`` folder beside the package."""
    from importlib.machinery import ModuleSpec

    package = tmp_path / "textual"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (tmp_path / "textual-9.9.9.dist-info").mkdir()
    (tmp_path / "textual_serve-1.0.dist-info").mkdir()
    spec = ModuleSpec("textual", None, origin=str(package / "__init__.py"))
    monkeypatch.setattr(tuning, "find_spec", lambda name: spec)
    monkeypatch.delenv("SAMEN_SAFE", raising=False)
    assert tuning._installed_textual() == "9.9.9"
    assert tuning.why_off().startswith("Textual 9.9.9 is installed")


@pytest.mark.parametrize("value", ["1", "yes", "on", "true"])
def test_what_counts_as_safe(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SAMEN_SAFE", value)
    assert tuning.why_off() == "SAMEN_SAFE is set"
    for value in ("", "0", "no", "off", "false"):
        monkeypatch.setenv("SAMEN_SAFE", value)
        assert "SAMEN_SAFE" not in tuning.why_off()


def test_pieces_are_left_out_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tuning, "ENABLED", True)
    monkeypatch.setenv("SAMEN_TUNING_SKIP", "ahead, theme")
    assert not tuning.on("ahead") and not tuning.on("theme") and tuning.on("cards")
    monkeypatch.setattr(tuning, "ENABLED", False)
    assert not tuning.on("cards")
    with pytest.raises(ValueError, match="no tuning piece"):
        tuning.on("agenda")  # measured, and dropped


@pytest.mark.slow
def test_the_app_walks_a_session_on_stock_textual(tmp_path: Path) -> None:
    """With ``SAMEN_SAFE=1``: every step shown by pagedown, a participant typed in and
    saved at ctrl+q, on Textual's own compositor, with no tuning module loaded."""
    sessions = tmp_path / "sessions"
    code = WALK.format(root=str(ROOT), sessions=str(sessions))
    shown = run_python(code, environment(SAMEN_SAFE="1"))
    assert shown["seen"] == shown["steps"][1:]
    assert shown["stock_compositor"]
    assert shown["modules"] == []
    assert shown["names"] == ["Anna"]


async def test_keys_typed_before_ctrl_q_are_saved_from_deep_in_a_form(sessions: Path) -> None:
    """ctrl+q overtakes keys still on their way; the quit waits, in rounds, until they
    are handled and what they set off is done: here the Enter that adds an action
    travels up from its field to the list, five widgets up."""
    from textual import events

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.go_to("afspraken")
        for _ in range(50):
            await pilot.pause(0.05)
            focused = app.focused
            if focused is not None and focused.id == "f-who":
                break
        await pilot.press("tab")
        await burst(pilot, "Bellen")
        path = screen.path
        for key, char in (("enter", "\r"), ("ctrl+q", "\x11")):
            app.post_message(events.Key(key, char))
        await pilot.pause(0.5)
    import tomllib

    text = path.read_text(encoding="utf-8")
    assert "Bellen" in text, text
    assert tomllib.loads(text)
