"""A rate step with ``chart = "radar"`` (#20) in the verslag: an inline SVG web of
the means first in its section, every label whole with its value, the weakest marked
(``lower_is_better`` turns them around), participant text escaped, nothing loaded;
in Markdown the tables as before. Without the option a step of three items has no
radar (and the default workshop's verslag stays as it was: tests/golden)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from samen_tui import paths, report
from samen_tui.i18n import set_language
from samen_tui.kinds.rate.model import RateItem, RateStep
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.session.model import Session
from samen_tui.workshop.loader import load_workshop
from samen_tui.workshop.model import Workshop

EXAMPLE = paths.PACKAGE_WORKSHOPS / "examples" / "positieve-gezondheid.toml"
HOSTILE = '<script>alert("x")</script> & Zingeving'
SCORES = {
    "lichaamsfuncties": {"anon-1": 7, "anon-2": 9},
    "mentaal-welbevinden": {"anon-1": 4, "anon-2": 4},
    "zingeving": {"anon-1": 8, "anon-2": 6},
    "kwaliteit-van-leven": {"anon-1": 6, "anon-2": 10},
    "meedoen": {"anon-1": 3, "anon-2": 5},
    "dagelijks-functioneren": {"anon-1": 9, "anon-2": 9},
}


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


def workshop(**changes: object) -> Workshop:
    """The Positieve Gezondheid example, its rate step changed (a hostile title)."""
    ws = load_workshop(EXAMPLE)
    items = []
    for item in ws.items:
        steps = []
        for step in item.steps:
            if isinstance(step, RateStep):
                titled = tuple(
                    dataclasses.replace(i, title=HOSTILE) if i.id == "zingeving" else i
                    for i in step.items
                )
                step = dataclasses.replace(step, **{"items": titled, **changes})
            steps.append(step)
        items.append(dataclasses.replace(item, steps=tuple(steps)))
    return Workshop(meta=ws.meta, items=tuple(items), fingerprint=ws.fingerprint)


def session(ws: Workshop) -> Session:
    return Session(
        workshop=ws.id,
        title="Spinnenweb",
        steps=ws.step_ids(),
        records={
            "dimensies": RateRecord(ratings={k: Rating(by=dict(v)) for k, v in SCORES.items()})
        },
    )


def html_of(ws: Workshop) -> str:
    return report.report_html(ws, session(ws), report.Options())


def radars(html: str) -> list[str]:
    return re.findall(r'<figure class="chart radar">(.*?)</figure>', html, re.S)


def test_the_verslag_has_the_web_with_whole_labels_and_the_weakest_marked() -> None:
    html = html_of(workshop())
    webs = radars(html)
    assert len(webs) == 1
    web = webs[0]
    assert "<title" in web and "Hoe gaat het met je?: alle onderdelen" in web
    # whole labels over two lines, the value under them (bold)
    assert '<tspan x="' in web
    assert ">Dagelijks</tspan>" in web and ">functioneren</tspan>" in web
    assert 'font-weight="bold">9,0</tspan>' in web
    # the weakest in red with their number: meedoen (4, wider spread), then mentaal
    assert ">▼1 4,0</tspan>" in web and ">▼2 4,0</tspan>" in web
    assert web.count('fill="#b3261e" font-weight="bold"') == 2
    # first in the section: before the tables
    assert html.index('class="chart radar"') < html.index("<table", html.index("Hoe gaat het"))
    # nothing loaded, no script: the hostile title is text
    assert "<script" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Zingeving" in web
    assert not re.search(r"\b(?:href|src)=", web)


def test_lower_is_better_turns_the_marks_around_not_the_values() -> None:
    web = radars(html_of(workshop(lower_is_better=True)))[0]
    # the highest means are the weakest now: dagelijks functioneren 9 first
    assert ">▼1 9,0</tspan>" in web and ">▼2 8,0</tspan>" in web
    assert ">▼1 4,0</tspan>" not in web
    assert 'font-weight="bold">4,0</tspan>' in web  # shown as they are


def test_three_items_get_a_web_only_with_the_option() -> None:
    three = workshop()
    step = next(s for _i, s in three.steps() if isinstance(s, RateStep))
    few: tuple[RateItem, ...] = step.items[:3]
    assert len(radars(html_of(workshop(items=few)))) == 1
    assert radars(html_of(workshop(items=few, chart="bars"))) == []
    # six items without the option: the old web, labels shortened and no values
    plain = radars(html_of(workshop(chart="bars")))
    assert len(plain) == 1 and "<tspan" not in plain[0]


def test_markdown_keeps_the_tables() -> None:
    ws = workshop()
    text = report.report_markdown(ws, session(ws), report.Options())
    assert "| Dimensie |" in text and "| Meedoen | 4,0 | 2 | 2 |" in text
    assert "<svg" not in text
