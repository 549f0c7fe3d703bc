"""The join server through aiohttp's test client: every route and step kind, and every
bad request refused with a 4xx that changes nothing (#18 Must show)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

pytest.importorskip("aiohttp")
pytest.importorskip("segno")

from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.questions.record import QuestionsRecord
from samen_tui.kinds.rate.record import RateRecord
from samen_tui.kinds.sort.record import SortRecord
from samen_tui.web.join.forms import COOKIE
from tests.join.helpers import Clock, FakeHost, Phone, serving


def snapshot(host: FakeHost) -> dict[str, Any]:
    return host.session.to_dict()


# --------------------------------------------------------------------------- routes


async def test_code_page_and_code_lead_to_the_token_page() -> None:
    async with serving() as (server, test_server), Phone(server, test_server) as phone:
        response = await phone.client.get("/")
        assert response.status == 200
        assert 'name="code"' in await response.text()
        wrong = await phone.client.post("/", data={"code": "AAAAAA"}, allow_redirects=False)
        assert wrong.status == 403
        right = await phone.client.post(
            "/", data={"code": server.code.lower()}, allow_redirects=False
        )
        assert right.status == 303
        assert right.headers["Location"] == server.prefix


async def test_wrong_codes_are_limited_for_everyone() -> None:
    async with serving() as (server, test_server), Phone(server, test_server) as phone:
        for _ in range(10):
            response = await phone.client.post("/", data={"code": "AAAAAA"})
            assert response.status == 403
        response = await phone.client.post("/", data={"code": server.code})
        assert response.status == 429  # even the right one, until the minute is over


async def test_join_page_sets_a_strict_httponly_cookie_and_lists_names() -> None:
    async with serving() as (server, test_server), Phone(server, test_server) as phone:
        response = await phone.client.get(server.prefix)
        text = await response.text()
        assert response.status == 200
        assert "Anna" in text and 'name="csrf"' in text
        cookie = response.headers["Set-Cookie"]
        assert cookie.startswith(COOKIE + "=")
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert f"Path={server.prefix}" in cookie
        assert "Content-Security-Policy" in response.headers


async def test_joining_by_name_adds_a_participant_via_phone() -> None:
    host = FakeHost()
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join(name="  Bram  ")
        names = [(p.name, p.role) for p in host.session.participants]
        assert ("Bram", "via telefoon") in names
        assert host.contributed_steps == [""]
        status, text = await phone.get("step")
        assert status == 200 and "Bram" in text
        # the same name again is the same participant
        async with Phone(server, test_server) as other:
            await other.join(name="bram")
        assert len(host.session.participants) == 2


async def test_step_page_without_joining_goes_to_the_join_page() -> None:
    async with serving() as (server, test_server), Phone(server, test_server) as phone:
        response = await phone.client.get(server.prefix + "step", allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == server.prefix


async def test_poll_follows_the_trainers_step() -> None:
    host = FakeHost()
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        response = await phone.client.get(server.prefix + "poll")
        assert json.loads(await response.text())["step"] == "motieven"
        host.session.current = "ingredienten"
        server.desk.set_open("ingredienten", False)
        state = json.loads(await (await phone.client.get(server.prefix + "poll")).text())
        assert state["step"] == "ingredienten" and state["open"] is False


async def test_static_files_are_served_from_the_package_and_nothing_else() -> None:
    async with serving() as (server, test_server), Phone(server, test_server) as phone:
        for name, kind in (("join.js", "javascript"), ("join.css", "css")):
            response = await phone.client.get(server.prefix + "static/" + name)
            assert response.status == 200 and kind in response.headers["Content-Type"]
        for path in ("static/..%2fserver.py", "static/server.py", "../etc/passwd", "files"):
            response = await phone.client.get(server.prefix + path)
            assert 400 <= response.status < 500


async def test_sort_step_adds_a_card_under_its_category() -> None:
    host = FakeHost("motieven")
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        _status, page = await phone.get("step")
        assert 'value="affectief"' in page or 'name="category"' in page
        category = re.search(r'name="category" value="([^"]+)"', page)
        assert category is not None
        status, _ = await phone.post(
            "card", {"step": "motieven", "text": "Samen <b>sterker</b>", "category": category[1]}
        )
        assert status == 303
        record = host.session.records["motieven"]
        assert isinstance(record, SortRecord)
        [card] = record.cards
        assert (card.text, card.category, card.who) == ("Samen <b>sterker</b>", category[1], "p1")
        assert host.contributed_steps == ["motieven"] and len(host.undo) == 1
        _status, page = await phone.get("step")
        assert "Samen &lt;b&gt;sterker&lt;/b&gt;" in page and "<b>sterker</b>" not in page


async def test_rate_step_keeps_the_participants_own_rating() -> None:
    host = FakeHost("ingredienten")
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        _status, page = await phone.get("step")
        item = re.search(r'name="item" value="([^"]+)"', page)
        assert item is not None
        status, _ = await phone.post(
            "rate", {"step": "ingredienten", "item": item[1], "value": "4"}
        )
        assert status == 303
        record = host.session.records["ingredienten"]
        assert isinstance(record, RateRecord)
        assert record.ratings[item[1]].by == {"p1": 4}
        assert record.ratings[item[1]].group is None
        _status, page = await phone.get("step")
        assert 'value="4" aria-pressed="true"' in page


async def test_brainstorm_step_adds_ideas_and_spends_dots_within_the_budget() -> None:
    host = FakeHost("wat-helpt")
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        _status, page = await phone.get("step")
        prompt = re.search(r'name="prompt" value="([^"]+)"', page)
        assert prompt is not None
        status, _ = await phone.post(
            "idea", {"step": "wat-helpt", "prompt": prompt[1], "text": "Korte lijnen"}
        )
        assert status == 303
        record = host.session.records["wat-helpt"]
        assert isinstance(record, BrainstormRecord)
        [idea] = record.ideas
        for _ in range(3):
            status, _ = await phone.post(
                "vote", {"step": "wat-helpt", "idea": idea.id, "delta": "1"}
            )
            assert status == 303
        assert idea.votes == {"p1": 3}
        before = snapshot(host)
        status, text = await phone.post(
            "vote", {"step": "wat-helpt", "idea": idea.id, "delta": "1"}
        )
        assert status == 409 and "stippen zijn op" in text
        assert snapshot(host) == before
        status, _ = await phone.post("vote", {"step": "wat-helpt", "idea": idea.id, "delta": "-1"})
        assert status == 303 and idea.votes == {"p1": 2}
        _status, page = await phone.get("step")
        assert "nog 1 van 3 stippen" in page


async def test_questions_step_records_an_attributed_answer() -> None:
    host = FakeHost("casus")
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        _status, page = await phone.get("step")
        question = re.search(r'name="question" value="([^"]+)"', page)
        assert question is not None
        status, _ = await phone.post(
            "answer", {"step": "casus", "question": question[1], "text": "Elkaar kennen"}
        )
        assert status == 303
        record = host.session.records["casus"]
        assert isinstance(record, QuestionsRecord)
        [answer] = record.answers
        assert (answer.text, answer.who, answer.question) == ("Elkaar kennen", "p1", question[1])


@pytest.mark.parametrize("step", ["titel", "wie-is-er", "vijf-s", "gesprekken", "afspraken"])
async def test_other_steps_are_read_only(step: str) -> None:
    host = FakeHost(step)
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        status, page = await phone.get("step")
        assert status == 200
        assert "<form" not in page.split("</header>", 1)[1]
        assert "kijk mee op het scherm" in page


async def test_a_closed_step_shows_no_forms_and_refuses_input() -> None:
    host = FakeHost("motieven")
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        server.desk.set_open("motieven", False)
        _status, page = await phone.get("step")
        assert 'action="' + server.prefix + 'card"' not in page
        before = snapshot(host)
        status, _ = await phone.post(
            "card", {"step": "motieven", "text": "x", "category": "affectief"}
        )
        assert status == 409 and snapshot(host) == before


# --------------------------------------------------------------------------- refused


def card(step: str = "motieven", category: str = "") -> dict[str, str]:
    return {"step": step, "text": "Een reden", "category": category}


async def category_of(phone: Phone) -> str:
    _status, page = await phone.get("step")
    found = re.search(r'name="category" value="([^"]+)"', page)
    assert found is not None
    return found[1]


async def test_wrong_or_missing_token_is_refused() -> None:
    host = FakeHost()
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        category = await category_of(phone)
        before = snapshot(host)
        wrong = "/" + "x" * len(server.token) + "/"
        for path in (wrong + "card", "/card", wrong, wrong + "poll", "/poll"):
            response = await phone.client.post(
                path, data={**card(category=category), "csrf": phone.csrf}
            )
            assert response.status in (403, 404), path
            response = await phone.client.get(path)
            assert response.status in (403, 404), path
        assert snapshot(host) == before and host.contributed_steps == []


async def test_another_host_or_origin_is_refused() -> None:
    host = FakeHost()
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        category = await category_of(phone)
        before = snapshot(host)
        for headers in (
            {"Host": f"evil.example:{server.port}"},
            {"Origin": "http://evil.example"},
        ):
            status, _ = await phone.post("card", card(category=category), headers=headers)
            assert status == 403
        assert snapshot(host) == before


async def test_missing_or_wrong_csrf_token_is_refused() -> None:
    host = FakeHost()
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        category = await category_of(phone)
        before = snapshot(host)
        status, _ = await phone.post("card", card(category=category), csrf=False)
        assert status == 403
        status, _ = await phone.post(
            "card", {**card(category=category), "csrf": "0" * 32}, csrf=False
        )
        assert status == 403
        # another device's token is not this device's
        async with Phone(server, test_server) as other:
            await other.join()
            phone.csrf, mine = other.csrf, phone.csrf
            status, _ = await phone.post("card", card(category=category))
            assert status == 403
            phone.csrf = mine
        # no cookie at all (a fresh browser with the page's token copied)
        async with Phone(server, test_server) as bare:
            status, _ = await bare.post(
                "card", {**card(category=category), "csrf": phone.csrf}, csrf=False
            )
            assert status == 403
        assert snapshot(host) == before


async def test_a_body_of_one_mebibyte_is_refused() -> None:
    host = FakeHost()
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        category = await category_of(phone)
        before = snapshot(host)
        big = {**card(category=category), "text": "a" * (1024 * 1024), "csrf": phone.csrf}
        status, _ = await phone.post("card", big, csrf=False)
        assert status == 413
        assert snapshot(host) == before


async def test_invalid_utf8_and_other_bodies_are_refused() -> None:
    host = FakeHost()
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        category = await category_of(phone)
        before = snapshot(host)
        form = "application/x-www-form-urlencoded"
        bodies = [
            (f"csrf={phone.csrf}&step=motieven&category={category}&text=%ff%fe", form),
            (
                f"csrf={phone.csrf}&step=motieven&category={category}&text=\xe9".encode("latin-1"),
                form,
            ),
            (json.dumps({"csrf": phone.csrf}), "application/json"),
            (f"csrf={phone.csrf}&text=a&text=b&step=motieven&category={category}", form),
        ]
        for body, kind in bodies:
            response = await phone.client.post(
                server.prefix + "card",
                data=body,
                headers={"Content-Type": kind},
                allow_redirects=False,
            )
            assert 400 <= response.status < 500, body
        assert snapshot(host) == before


@pytest.mark.parametrize(
    ("route", "fields", "status"),
    [
        ("card", {"step": "motieven", "text": "x", "category": "geen-motief"}, 400),
        ("card", {"step": "motieven", "text": "   ", "category": "@"}, 400),
        ("card", {"step": "motieven", "text": "x" * 501, "category": "@"}, 400),
        ("card", {"step": "casus", "text": "x", "category": "@"}, 409),
        ("rate", {"step": "motieven", "item": "x", "value": "3"}, 400),
        ("idea", {"step": "motieven", "prompt": "x", "text": "y"}, 400),
        ("answer", {"step": "motieven", "question": "x", "text": "y"}, 400),
        ("vote", {"step": "motieven", "idea": "x", "delta": "1"}, 400),
    ],
)
async def test_unknown_category_and_wrong_fields_are_refused(
    route: str, fields: dict[str, str], status: int
) -> None:
    host = FakeHost()
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        category = await category_of(phone)
        before = snapshot(host)
        fields = {k: (category if v == "@" else v) for k, v in fields.items()}
        got, _ = await phone.post(route, fields)
        assert got == status
        assert snapshot(host) == before and host.contributed_steps == [""] * 0


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"item": "geen-ingredient", "value": "3"}, 400),
        ({"item": "@", "value": "9"}, 400),
        ({"item": "@", "value": "0"}, 400),
        ({"item": "@", "value": "drie"}, 400),
        ({"item": "@", "value": "99999"}, 400),
    ],
)
async def test_unknown_item_or_value_off_the_scale_is_refused(
    fields: dict[str, str], status: int
) -> None:
    host = FakeHost("ingredienten")
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        _status, page = await phone.get("step")
        item = re.search(r'name="item" value="([^"]+)"', page)
        assert item is not None
        before = snapshot(host)
        fields = {k: (item[1] if v == "@" else v) for k, v in fields.items()}
        got, _ = await phone.post("rate", {"step": "ingredienten", **fields})
        assert got == status
        assert snapshot(host) == before


async def test_votes_over_the_budget_and_unknown_ideas_are_refused() -> None:
    host = FakeHost("wat-helpt")
    record = host.session.record("wat-helpt", "brainstorm")
    assert isinstance(record, BrainstormRecord)
    prompt = host.workshop.step("wat-helpt").prompts[0].id  # type: ignore[union-attr]
    record.ideas = [Idea(id=f"i{n}", prompt=prompt, text=f"idee {n}") for n in range(4)]
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        for n in range(3):
            status, _ = await phone.post(
                "vote", {"step": "wat-helpt", "idea": f"i{n}", "delta": "1"}
            )
            assert status == 303
        before = snapshot(host)
        for fields, status in (
            ({"idea": "i3", "delta": "1"}, 409),
            ({"idea": "i3", "delta": "-1"}, 409),
            ({"idea": "onbekend", "delta": "1"}, 400),
            ({"idea": "i0", "delta": "2"}, 400),
        ):
            got, _ = await phone.post("vote", {"step": "wat-helpt", **fields})
            assert got == status, fields
        assert snapshot(host) == before


async def test_a_flood_from_one_device_is_limited() -> None:
    host = FakeHost()
    clock = Clock()
    async with (
        serving(host, clock=clock) as (server, test_server),
        Phone(server, test_server) as phone,
    ):
        await phone.join()  # the join counts as one
        category = await category_of(phone)
        for _ in range(29):
            status, _ = await phone.post("card", card(category=category))
            assert status == 303
        before = snapshot(host)
        status, text = await phone.post("card", card(category=category))
        assert status == 429 and "per minuut" in text
        assert snapshot(host) == before
        # another phone is not held up by it
        async with Phone(server, test_server) as other:
            await other.join()
            status, _ = await other.post("card", card(category=category))
            assert status == 303
        clock.now += 61
        status, _ = await phone.post("card", card(category=category))
        assert status == 303


async def test_more_devices_than_the_cap_are_refused() -> None:
    host = FakeHost()
    async with serving(host, cap=3) as (server, test_server):
        for _ in range(3):
            async with Phone(server, test_server) as phone:
                await phone.join()
        before = snapshot(host)
        async with Phone(server, test_server) as late:
            await late.get()
            status, text = await late.post("join", {"name": "Laatkomer"})
            assert status == 403 and "3 telefoons" in text
        assert snapshot(host) == before and len(server.desk.devices) == 3


async def test_a_stale_page_of_an_earlier_step_is_refused() -> None:
    host = FakeHost("motieven")
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        category = await category_of(phone)
        host.session.current = "ingredienten"
        before = snapshot(host)
        status, text = await phone.post("card", card(category=category))
        assert status == 409 and "verder" in text
        assert snapshot(host) == before


async def test_a_device_whose_participant_was_removed_must_join_again() -> None:
    host = FakeHost("motieven")
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        category = await category_of(phone)
        host.session.participants.clear()  # the trainer removed (or undid) them
        status, _ = await phone.post("card", card(category=category))
        assert status == 403
        response = await phone.client.get(server.prefix + "step", allow_redirects=False)
        assert response.status == 303


async def test_pages_speak_the_sessions_language() -> None:
    from samen_tui.i18n import set_language

    set_language("en")
    async with serving() as (server, test_server), Phone(server, test_server) as phone:
        _status, page = await phone.get()
        assert '<html lang="en">' in page and "Who are you?" in page
        await phone.join()
        _status, page = await phone.get("step")
        assert "Which motive does it fit?" in page


def anonymous_host(current: str) -> FakeHost:
    """The default workshop with ``anonymous = true`` on the current step (a copy: the
    workshop the catalog keeps is left as it is)."""
    import copy

    host = FakeHost(current)
    host.workshop = copy.deepcopy(host.workshop)
    object.__setattr__(host.workshop.step(current), "anonymous", True)
    return host


async def test_an_anonymous_step_keeps_no_name_from_a_phone() -> None:
    """#20's ``anonymous = true``: a phone's ratings, ideas, dots and answers are kept
    under a numbered slot or the group, never under the participant's id."""
    host = anonymous_host("ingredienten")
    host.session.records["ingredienten"] = RateRecord()
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        _status, page = await phone.get("step")
        item = re.search(r'name="item" value="([^"]+)"', page)
        assert item is not None
        for value in ("4", "2"):
            status, _ = await phone.post(
                "rate", {"step": "ingredienten", "item": item[1], "value": value}
            )
            assert status == 303
        record = host.session.records["ingredienten"]
        assert isinstance(record, RateRecord)
        assert record.ratings[item[1]].by == {"anon-1": 2}  # one slot, its last choice
        _status, page = await phone.get("step")
        assert 'value="2" aria-pressed="true"' in page
        assert "p1" not in json.dumps(host.session.to_dict()["records"])

    host = anonymous_host("wat-helpt")
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        _status, page = await phone.get("step")
        prompt = re.search(r'name="prompt" value="([^"]+)"', page)
        assert prompt is not None
        await phone.post("idea", {"step": "wat-helpt", "prompt": prompt[1], "text": "Lef"})
        record = host.session.records["wat-helpt"]
        assert isinstance(record, BrainstormRecord)
        [idea] = record.ideas
        assert idea.who == ""
        for _ in range(2):
            await phone.post("vote", {"step": "wat-helpt", "idea": idea.id, "delta": "1"})
        assert idea.votes == {"anon-1": 2}
        _status, page = await phone.get("step")
        assert "nog 1 van 3 stippen" in page

    host = anonymous_host("casus")
    async with serving(host) as (server, test_server), Phone(server, test_server) as phone:
        await phone.join()
        _status, page = await phone.get("step")
        question = re.search(r'name="question" value="([^"]+)"', page)
        assert question is not None
        await phone.post("answer", {"step": "casus", "question": question[1], "text": "Ja"})
        record = host.session.records["casus"]
        assert isinstance(record, QuestionsRecord)
        assert [a.who for a in record.answers] == [""]
