"""A phone at an open sort step is offered the categories of this session: those added
and renamed in the app, not those merged away; a card sent from a page loaded before a
merge goes where that category's cards went (it was in no column the trainer saw)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("aiohttp")
pytest.importorskip("segno")

from samen_tui import paths
from samen_tui.kinds.sort.record import Added, SortRecord
from samen_tui.session.model import Participant, Session
from samen_tui.workshop.catalog import resolve_workshop
from tests.join.helpers import FakeHost, Phone, serving

EXAMPLE = paths.PACKAGE_WORKSHOPS / "examples" / "design-thinking.toml"


def host_at_the_affinity_sort() -> FakeHost:
    host = FakeHost()
    host.workshop = resolve_workshop(str(EXAMPLE), [])
    host.session = Session(
        workshop=host.workshop.id,
        title="Proef",
        current="affinity",
        steps=host.workshop.step_ids(),
        participants=[Participant(id="p1", name="Anna")],
    )
    return host


async def test_a_phone_sees_the_sessions_categories_and_merges_hold() -> None:
    host = host_at_the_affinity_sort()
    step = host.workshop.step("affinity")
    assert step is not None
    first, second = (c.id for c in step.categories[:2])  # type: ignore[attr-defined]
    record = SortRecord(
        added=[Added(id="c-nieuw", title="Nieuw thema")],
        titles={second: "Hernoemd"},
    )
    host.session.records["affinity"] = record
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        _status, page = await phone.get("step")
        offered = re.findall(r'name="category" value="([^"]+)"', page)
        assert "c-nieuw" in offered and first in offered
        assert "Nieuw thema" in page and "Hernoemd" in page
        # the trainer merges the first category into the second (F5) while the page is open
        record.merged[first] = second
        status, _ = await phone.post(
            "card", {"step": "affinity", "text": "Van de telefoon", "category": first}
        )
        assert status == 303
        [card] = [c for c in record.cards if c.text == "Van de telefoon"]
        assert card.category == second
        _status, page = await phone.get("step")
        assert first not in re.findall(r'name="category" value="([^"]+)"', page)
