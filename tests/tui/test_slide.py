"""Workshop Markdown drawn as one widget: what a facilitator can write shows as meant."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.segment import Segment

from samen_tui import paths
from samen_tui.tui.widgets.slide import SlideText, render_markdown

pytestmark = pytest.mark.fresh_cache  # tests of the caches start with none

TEXT = """\
# Samen Ouder Worden

*Werkwijze:* heet iedereen **welkom** en vertel kort wie je bent.
Een tweede regel van dezelfde alinea.

## Wat gaan we doen?

- Welkom en introductie, met een lange regel die op een smal scherm moet doorlopen onder
  de tekst en niet onder het bolletje
- Waarom zou je samenwerken?
  - genest punt
1. eerste
2. tweede

> Een citaat

`code` en [een link](https://example.org) en ~~weg~~

```
letterlijk [b]niet vet[/b]
```

---

| Wie | Wat |
|-----|-----|
| Anna | [b]koffie[/] \\ |
"""


def lines(width: int = 60) -> list[str]:
    console = Console(width=width, record=True, color_system=None, legacy_windows=False)
    console.print(render_markdown(TEXT))
    return console.export_text().splitlines()


def styled(word: str) -> list[Segment]:
    console = Console(width=80, color_system="truecolor")
    segments = list(console.render(render_markdown(TEXT)))
    return [s for s in segments if word in s.text]


def test_blocks_show_as_on_a_slide() -> None:
    out = lines()
    text = "\n".join(out)
    assert out[0].strip() == "Samen Ouder Worden" and out[0].startswith(" ")  # centred
    # a soft line break is a space, blocks are separated by a blank line
    assert "wie je bent. Een tweede regel" in "\n".join(lines(120))
    assert "" in out
    # bullets with a hanging indent: the wrapped part starts under the text
    first = next(i for i, line in enumerate(out) if line.startswith("• Welkom"))
    assert out[first + 1].startswith("  ") and not out[first + 1].startswith("  •")
    assert any(line.strip() == "• genest punt" for line in out)
    assert any(line.startswith("1. eerste") for line in out)
    assert any(line.startswith("2. tweede") for line in out)
    assert any(line.startswith("▌ Een citaat") for line in out)
    assert "code en een link en weg" in text
    assert "letterlijk [b]niet vet[/b]" in text  # code as written
    assert any(set(line.strip()) == {"─"} for line in out)  # the rule
    row = next(line for line in out if "Anna" in line)
    assert "[b]koffie[/] \\" in row  # markup characters in a table cell stay text
    assert "Wie" in text and "Wat" in text


def test_inline_styles() -> None:
    (welkom,) = styled("welkom")
    assert welkom.style is not None and welkom.style.bold
    werkwijze = styled("Werkwijze:")[0]
    assert werkwijze.style is not None and werkwijze.style.italic
    link = styled("een link")[0]
    assert link.style is not None and link.style.link == "https://example.org"
    gone = styled("weg")[0]
    assert gone.style is not None and gone.style.strike


async def test_a_slide_is_one_widget() -> None:
    from textual.app import App, ComposeResult

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield SlideText(TEXT)

    app = One()
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        slide = app.query_one(SlideText)
        assert not slide.children
        painted = "\n".join(
            "".join(s.text for s in slide.render_line(y)) for y in range(slide.size.height)
        )
        assert "Samen Ouder Worden" in painted and "[b]koffie[/]" in painted


# --------------------------------------------------------------------------- start-up cache

RENDER_ALL = """
import json, sys
from pathlib import Path
from rich.console import Console
from samen_tui import paths, startcache
from samen_tui.tui.widgets.slide import render_markdown
from samen_tui.workshop.loader import load_workshop

rendered = {}
for path in sorted(paths.PACKAGE_WORKSHOPS.glob("*.toml")):
    for item in load_workshop(path).items:
        for step in item.steps:
            if step.text:
                console = Console(width=80, record=True, color_system="truecolor")
                console.print(render_markdown(step.text))
                rendered[step.text] = console.export_text(styles=True)
startcache.flush()
print(json.dumps({"markdown_it": "markdown_it" in sys.modules, "rendered": rendered}))
"""


def unlinked(export: str) -> str:
    """Rich's export with the links' ids (random numbers) taken out."""
    return re.sub(r"\x1b]8;id=\d+;", "\x1b]8;;", export)


def run_python(code: str, **env: str) -> str:
    """What ``code`` prints, run by a new Python in the repository (with ``env``)."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
        env=dict(os.environ, PYTHONPATH=str(root), **env),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def render_all(cache: Path) -> tuple[bool, dict[str, str]]:
    """Every step text of the bundled workshops rendered in a new process; whether it
    imported markdown-it."""
    import json

    out = run_python(RENDER_ALL, SAMEN_CACHE=str(cache))
    result = json.loads(out.strip().splitlines()[-1])
    rendered = {text: unlinked(export) for text, export in result["rendered"].items()}
    return result["markdown_it"], rendered


def test_a_warm_cache_renders_the_same_without_markdown_it(tmp_path: Path) -> None:
    cold_imported, cold = render_all(tmp_path / "cache")
    assert cold_imported  # parsed: nothing was cached yet
    assert len(cold) > 20  # both workshops' texts, Dutch and English
    warm_imported, warm = render_all(tmp_path / "cache")
    assert not warm_imported
    assert warm == cold  # text and styles, text for text
    other_imported, _ = render_all(tmp_path / "another")
    assert other_imported


def test_cached_tokens_render_as_parsed_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    from samen_tui import startcache
    from samen_tui.tui.widgets import slide

    def export() -> str:
        console = Console(width=80, record=True, color_system="truecolor")
        console.print(render_markdown(TEXT))
        return unlinked(console.export_text(styles=True))

    startcache.reset()
    parsed = export()
    assert "https://example.org" in parsed and "\x1b[1mwelkom" in parsed
    assert startcache.get(startcache.SLIDES, TEXT) is not None
    assert startcache.flush()
    startcache.reset()  # as a new process: from the file

    def no_parser() -> Any:
        raise AssertionError("parsed with a warm cache")

    monkeypatch.setattr(slide, "parser", no_parser)
    assert export() == parsed


def test_cached_tokens_of_another_markdown_it_are_not_used() -> None:
    from samen_tui import startcache
    from samen_tui.tui.widgets import slide

    startcache.reset()
    render_markdown(TEXT)
    stamp = slide._installed_markdown_it()
    assert startcache.get(startcache.META, slide._MARKDOWN_IT) == stamp
    # tokens that draw nothing, as if the cache had them: used while the stamp holds
    startcache.put(startcache.SLIDES, TEXT, ())
    assert plain(render_markdown(TEXT)) == ""
    # made by another markdown-it (the folder changed since): parsed again
    folder, mtime = stamp
    startcache.put(startcache.META, slide._MARKDOWN_IT, (folder, mtime - 1))
    assert not slide._cache_is_current()
    assert "Samen Ouder Worden" in plain(render_markdown(TEXT))
    assert slide._cache_is_current()
    assert startcache.get(startcache.SLIDES, TEXT) not in (None, ())


def plain(renderable: Any) -> str:
    console = Console(width=80, record=True, color_system=None)
    console.print(renderable)
    return console.export_text().strip()


async def test_a_first_start_leaves_its_slides_for_the_next(
    sessions: Path, samen_dirs: Any
) -> None:
    """Written a second after the first paint, and again on exit (with what was parsed
    meanwhile: the next step's view is built ahead)."""
    from samen_tui import startcache
    from samen_tui.workshop.catalog import resolve_workshop
    from tests.tui.conftest import make_app

    startcache.reset()
    workshop = resolve_workshop("samen-ouder-worden", paths.workshop_dirs())
    first = workshop.items[0].steps[0].text
    assert first
    file = samen_dirs.cache / startcache.NAME
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(1.3)
        assert file.is_file()  # a second after the first paint
        startcache.put(startcache.SLIDES, "# later", ())
    startcache.reset()  # as the next start: only what is in the file
    assert startcache.get(startcache.SLIDES, "# later") == ()  # written on exit
    assert startcache.get(startcache.SLIDES, first) is not None
    assert startcache.get(startcache.TOML, hashlib.sha256(workshop_bytes()).hexdigest())


def workshop_bytes() -> bytes:
    return (paths.PACKAGE_WORKSHOPS / "samen-ouder-worden.toml").read_bytes()


IMPORT_THE_WALK = """
import importlib, pkgutil, sys
import samen_tui.kinds
import samen_tui.tui.app, samen_tui.tui.screens.dialogs, samen_tui.tui.screens.start
import samen_tui.tui.screens.walk
for kind in pkgutil.iter_modules(samen_tui.kinds.__path__):
    if kind.ispkg:
        importlib.import_module(f"samen_tui.kinds.{kind.name}.view")
print(sorted({m.split(".")[0] for m in sys.modules} & {"markdown_it", "pygments"}))
"""


def test_the_walk_and_its_dialogs_do_not_import_markdown_it() -> None:
    """markdown-it (and the pygments Textual's Markdown widget brings) is imported only
    to parse a slide not in the start-up cache or to show a step's help (F1): the
    help dialog imported Textual's Markdown with the dialogs, 35 ms of CPU at the
    first step built after the start."""
    assert run_python(IMPORT_THE_WALK).strip() == "[]"
