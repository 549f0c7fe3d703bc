"""A participant in a real browser (#18 Must show): headless Chromium at a phone's
width joins the trainer's app, adds a motive card, rates an ingredient and spends a
dot; all three are in the saved session file. The page follows the trainer's step by
itself (its script) within 2 s. Skipped without Chromium; slow (a browser start)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("aiohttp")
pytest.importorskip("segno")

from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from tests.join.cdp import CHROMIUM, chromium
from tests.tui.conftest import saved
from tests.tui.test_join import joined

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium installed"),
]

FOLLOW = 2.0
"""Seconds within which the page shows the trainer's new step."""
SHOTS = os.environ.get("SAMEN_JOIN_SHOTS", "")
"""A folder to keep the page's screenshots in (to look at them), if set."""


async def test_join_card_rating_and_dot_from_a_browser(sessions: Path, tmp_path: Path) -> None:
    async with joined(sessions) as (app, _pilot, screen):
        info = screen.joining.info()
        assert info is not None
        screen.go_to("motieven")
        shots = Path(SHOTS) if SHOTS else tmp_path

        async with chromium(tmp_path / "profile") as page:
            # join by the short code, as someone who typed the address
            await page.goto(info.short_url)
            await page.eval(f"document.getElementById('code').value = '{info.code}'")
            await page.eval("document.querySelector('form button').click()")
            await page.wait_for("document.getElementById('name')")
            await page.screenshot(shots / "join-1-name.png")
            await page.eval("document.getElementById('name').value = 'Fatima'")
            await page.eval("document.getElementById('name').form.querySelector('button').click()")
            await page.wait_for("document.body.dataset.step === 'motieven'")

            # the motive map: a card under the second category
            await page.eval("document.getElementById('card-text').value = 'Samen <sterker>'")
            await page.eval("document.querySelectorAll('input[name=category]')[1].click()")
            await page.screenshot(shots / "join-2-sort.png")
            await page.eval("document.querySelector('form button[type=submit]').click()")
            await page.wait_for("location.search === '?ok=1'")

            # the trainer moves on: the page follows by itself
            screen.go_to("ingredienten")
            took = await page.wait_for("document.body.dataset.step === 'ingredienten'", 5)
            assert took <= FOLLOW + 0.5
            await page.eval("document.querySelector('.scale button[value=\"4\"]').click()")
            await page.wait_for("document.querySelector('.scale button[aria-pressed=true]')")
            await page.screenshot(shots / "join-3-rate.png")

            # the brainstorm, with one idea already there: spend a dot
            record = screen.session.record("wat-helpt", "brainstorm")
            assert isinstance(record, BrainstormRecord)
            step = screen.workshop.step("wat-helpt")
            prompt = step.prompts[0].id  # type: ignore[union-attr]
            record.ideas.append(Idea(id="i-kort", prompt=prompt, text="Korte lijnen"))
            screen.go_to("wat-helpt")
            await page.wait_for("document.body.dataset.step === 'wat-helpt'", 5)
            await page.eval("document.querySelector('form.vote button[value=\"1\"]').click()")
            await page.wait_for(
                "document.querySelector('.mine') && "
                "document.querySelector('.mine').textContent === '●'"
            )
            await page.screenshot(shots / "join-4-dots.png")
            width = await page.eval("document.documentElement.scrollWidth")
            assert width <= 360, "the page scrolls sideways on a 360 px phone"

        data = saved(app)
        fatima = next(p for p in data["participants"] if p["name"] == "Fatima")
        [card] = data["records"]["motieven"]["cards"]
        assert card["text"] == "Samen <sterker>" and card["who"] == fatima["id"]
        ratings = data["records"]["ingredienten"]["ratings"]
        assert [r["by"] for r in ratings.values()] == [{fatima["id"]: 4}]
        [idea] = data["records"]["wat-helpt"]["ideas"]
        assert idea["votes"] == {fatima["id"]: 1}
