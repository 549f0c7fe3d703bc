"""Workshop Markdown drawn as one widget: what a facilitator can write shows as meant."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment

from samen_tui.tui.widgets.slide import SlideText, render_markdown

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
