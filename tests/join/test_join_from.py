"""A phone at a step fed by an earlier one (``from``, #20): the brainstorm's columns
are the winning cards of the earlier step, and an idea posted under one is kept."""

from __future__ import annotations

import re

from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.workshop.loader import parse_workshop
from tests.join.helpers import FakeHost, Phone, serving
from tests.unit.test_brainstorm_from import HEAD, HMW, IDEATE

WORKSHOP = HEAD + HMW + IDEATE + 'from = "hmw"\ntop = 1\n'
"""The design-thinking pair of the unit tests: ideation on the winning question."""


async def test_a_phone_adds_an_idea_under_the_winning_question() -> None:
    host = FakeHost("ideate")
    host.workshop = parse_workshop(WORKSHOP, "dt.toml")
    host.session.workshop = host.workshop.id
    host.session.steps = host.workshop.step_ids()
    host.session.records["hmw"] = BrainstormRecord(
        ideas=[
            Idea(id="i1", prompt="p", text="HZW eenzaamheid zien", votes={"groep": 1}),
            Idea(id="i2", prompt="p", text="HZW buren laten helpen", votes={"groep": 2}),
        ]
    )
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        _status, page = await phone.get("step")
        assert re.findall(r'name="prompt" value="([^"]+)"', page) == ["i2"]
        assert "<h2>HZW buren laten helpen</h2>" in page
        status, _ = await phone.post(
            "idea", {"step": "ideate", "prompt": "i2", "text": "Burenbank bij de bakker"}
        )
        assert status == 303
    record = host.session.records["ideate"]
    assert isinstance(record, BrainstormRecord)
    assert [(i.prompt, i.text) for i in record.ideas] == [("i2", "Burenbank bij de bakker")]
    # the column keeps its title should its card go, as when the trainer types the idea
    assert record.prompts == {"i2": "HZW buren laten helpen"}
