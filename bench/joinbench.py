"""9. Phones joining while the trainer works (``bench/run.py --only join``, #18).

The trainer's app runs in this process (headless, 120x40, a fresh session of the
default workshop) with its join server on 127.0.0.1, and walks the agenda with the
keypress walk of ``keys.py`` (pagedown, then keys typed in each exercise, idle
``DWELL`` between), timing every key as that section does. Meanwhile a process of its
own (``python bench/joinbench.py --phones URL``, so their load is not on the app's
loop) runs ``PHONES`` simulated phones, each with its own cookies: it opens the join
page, joins under its own name and then, until it has made ``EACH`` contributions,
loads the current step's page and sends what the page offers (a card with a category,
a rating of an item it has not rated yet, a brainstorm idea or a dot within its
budget, an answer), ``PACE`` seconds apart. A contribution refused because the trainer
moved on (409) is not counted and is tried again on the new step; on a step without a
form the phone waits. The walk goes round the agenda again until every phone is done.

Then the session is saved and read back, and every contribution the server accepted
(303) is looked for in the file: the text of a card, idea or answer, the phone's
rating of the item, its dots. The line::

    join: lost L of N contributions from D devices; server p95 X ms; keypress p95 Y ms

``lost``: accepted but not in the file (and any phone that could not finish);
``server p95``: the 95th percentile of the time the server took for a POST (from its
middleware's start to the answer: the checks, the change through the walk screen's
capture with its undo snapshot); the table adds the round trip as the phones see it
(loopback, which adds the wait for the app's busy loop and the phones' own process);
``keypress p95``: the walk's keys, measured as in section 2.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keys

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (str(BENCH), str(ROOT)):
    if folder not in sys.path:
        sys.path.insert(0, folder)

COUNTS = {"full": (30, 20), "quick": (30, 6), "smoke": (4, 3)}
"""(phones, contributions each) per mode."""
PACE = 2.0
PACES = {"smoke": 0.2}
"""The phones' pace by mode, where it is not :data:`PACE` (the smoke run checks that
the section runs, not how the app fares at a person's pace)."""
"""Seconds a phone waits after each contribution, on average (1 to 3: a person taps a
rating in a second and types a card in several), and before looking again."""
MAX_ROUNDS = 12
LINES: list[str] = []
"""The ``join: ...`` lines measured in this process, for ``bench/run.py`` to print."""
TARGETS = (0, 0.100, 0.050)
"""lost, server p95 (s), keypress p95 (s)."""


# --------------------------------------------------------------------------- the phones


def field(page: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]*)"', page)


async def phone(number: int, url: str, each: int, deadline: float) -> dict[str, Any]:
    from aiohttp import ClientSession, CookieJar

    made: list[dict[str, Any]] = []
    seconds: list[float] = []
    rng = random.Random(number)
    name = f"Telefoon {number:02d}"
    rated: set[str] = set()
    dots = 0
    async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as http:
        page = await (await http.get(url)).text()
        csrf = field(page, "csrf")[0]
        response = await http.post(
            url + "join", data={"csrf": csrf, "name": name}, allow_redirects=False
        )
        assert response.status == 303, response.status
        while len(made) < each and time.monotonic() < deadline:
            page = await (await http.get(url + "step")).text()
            step = re.search(r'data-step="([^"]*)"', page)
            data: dict[str, str] = {"csrf": csrf, "step": step[1] if step else ""}
            text = f"{name} bijdrage {len(made) + 1}"
            record: dict[str, Any] = {"name": name}
            if 'action="' + url_path(url) + 'card"' in page:
                data |= {"text": text, "category": rng.choice(field(page, "category"))}
                route, record["text"] = "card", text
            elif 'action="' + url_path(url) + 'rate"' in page:
                items = [i for i in field(page, "item") if i not in rated]
                if not items:
                    await asyncio.sleep(PACE)
                    continue
                value = str(rng.randint(1, 5))
                data |= {"item": items[0], "value": value}
                route, record["rating"] = "rate", (items[0], int(value))
            elif 'action="' + url_path(url) + 'idea"' in page:
                ideas = field(page, "idea")
                if ideas and dots < 3 and 'value="1" aria-label' in page and rng.random() < 0.5:
                    idea = rng.choice(ideas)
                    data |= {"idea": idea, "delta": "1"}
                    route, record["dot"] = "vote", idea
                else:
                    data |= {"prompt": rng.choice(field(page, "prompt")), "text": text}
                    route, record["text"] = "idea", text
            elif 'action="' + url_path(url) + 'answer"' in page:
                data |= {"question": rng.choice(field(page, "question")), "text": text}
                route, record["text"] = "answer", text
            else:
                await asyncio.sleep(PACE)  # a step without a form: wait for the next
                continue
            start = time.perf_counter()
            response = await http.post(url + route, data=data, allow_redirects=False)
            took = time.perf_counter() - start
            if response.status == 303:
                seconds.append(took)
                made.append(record)
                if "rating" in record:
                    rated.add(record["rating"][0])
                if "dot" in record:
                    dots += 1
            elif response.status != 409:  # 409: the trainer moved on; try the new step
                raise RuntimeError(f"{name}: {route} answered {response.status}")
            await asyncio.sleep(PACE * (0.5 + rng.random()))
    return {"made": made, "seconds": seconds}


def url_path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


async def phones(url: str, count: int, each: int, limit: float) -> dict[str, Any]:
    deadline = time.monotonic() + limit
    results = await asyncio.gather(*(phone(n, url, each, deadline) for n in range(count)))
    return {
        "made": [m for r in results for m in r["made"]],
        "seconds": [s for r in results for s in r["seconds"]],
        "done": sum(len(r["made"]) >= each for r in results),
    }


# --------------------------------------------------------------------------- the trainer


@dataclass
class Outcome:
    asked: int
    devices: int
    lost: int
    server_p95: float
    round_trip_p95: float
    keys_p95: float
    keys_alone_p95: float
    keys: int
    rounds: int

    def line(self) -> str:
        return (
            f"join: lost {self.lost} of {self.asked} contributions from {self.devices}"
            f" devices; server p95 {self.server_p95 * 1000:.0f} ms;"
            f" keypress p95 {self.keys_p95 * 1000:.0f} ms"
        )


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(1, min(len(ordered), math.ceil(q / 100 * len(ordered)))) - 1]


def missing(data: dict[str, Any], made: list[dict[str, Any]]) -> int:
    """How many of the accepted contributions ``made`` the saved session lacks."""
    ids = {p["name"]: p["id"] for p in data.get("participants", [])}
    records = data.get("records", {})
    texts: set[str] = set()
    ratings: dict[tuple[str, str], int] = {}
    dots: dict[str, int] = {}
    for record in records.values():
        for key in ("cards", "ideas", "answers"):
            texts.update(entry.get("text", "") for entry in record.get(key, []))
        for item, rating in record.get("ratings", {}).items():
            for who, value in rating.get("by", {}).items():
                ratings[who, item] = value
        for idea in record.get("ideas", []):
            for who, count in idea.get("votes", {}).items():
                dots[who] = dots.get(who, 0) + count
    lost = 0
    spent: dict[str, int] = {}
    for entry in made:
        who = ids.get(entry["name"], "?")
        if "text" in entry:
            lost += entry["text"] not in texts
        elif "rating" in entry:
            item, value = entry["rating"]
            lost += ratings.get((who, item)) != value
        elif "dot" in entry:
            spent[who] = spent.get(who, 0) + 1
    lost += sum(max(count - dots.get(who, 0), 0) for who, count in spent.items())
    return lost


async def trainer(
    count: int,
    each: int,
    dwell: float,
    log: Callable[[str], None],
    pace: float = PACE,
    first: int | None = None,
) -> Outcome:
    from samen_tui.tui.app import Launch, SamenApp
    from samen_tui.tui.screens.walk import WalkScreen

    stats = keys.KeyStats()
    baseline = keys.KeyStats()
    with tempfile.TemporaryDirectory(prefix="samen-bench-join-") as tmp:
        launch = Launch(
            mode="run",
            workshop="samen-ouder-worden",
            title="Benchmark",
            sessions_dir=Path(tmp),
            extra={"frozen_clock": True},
        )
        app = SamenApp(launch)
        gc.disable()  # as `samen` starts; the app turns it on, frozen, when ready
        async with app.run_test(size=(120, 40)) as pilot:
            clock = keys.PaintClock(app)
            await keys._settle(pilot)
            screen = app.screen
            assert isinstance(screen, WalkScreen)
            assert await screen.joining.start("127.0.0.1:0")
            info = screen.joining.info()
            assert info is not None and screen.joining.server is not None
            timings: list[float] = []
            screen.joining.server.timings = timings
            await keys._settle(pilot)
            steps = screen.workshop.step_ids()

            async def walk_round(into: Any, done: Callable[[], bool], upto: int | None) -> None:
                screen.go_to(steps[0])
                await keys._settle(pilot)
                for index in range(len(steps) if upto is None else min(upto, len(steps))):
                    if done():
                        return
                    if index:
                        seconds, _painted = await keys.timed_key(pilot, clock, "pagedown")
                        into.add("pagedown", seconds, f"{screen.session.current}: pagedown")
                        await keys._settle(pilot)
                    await asyncio.sleep(dwell)
                    keys._no_blink(app)
                    await keys._settle(pilot)
                    kind, typed = keys._exercise_keys(app)
                    for key in typed:
                        seconds, _painted = await keys.timed_key(pilot, clock, key)
                        into.add(kind, seconds, f"{screen.session.current}: {key!r}")
                    await keys._settle(pilot)
                    await asyncio.sleep(dwell)

            # the same walk without phones first: the keys' baseline in this run
            await walk_round(baseline, lambda: False, first)
            log(f"  walk without phones: {len(baseline.samen)} keys")
            out = Path(tmp) / "phones.json"
            argv = [sys.executable, str(Path(__file__).resolve()), "--phones", info.url]
            argv += ["--count", str(count), "--each", str(each), "--json", str(out)]
            argv += ["--pace", str(pace)]
            process = subprocess.Popen(argv, cwd=str(ROOT))
            rounds = 0
            while process.poll() is None and rounds < MAX_ROUNDS:
                rounds += 1
                await walk_round(stats, lambda: process.poll() is not None, None)
                log(f"  walk round {rounds} with phones: {len(stats.samen)} keys so far")
            while process.poll() is None:
                await asyncio.sleep(0.1)
            for seconds, where in stats.slowest(8):
                log(f"    slow with phones: {seconds * 1000:.0f} ms {where}")
            for seconds, where in baseline.slowest(4):
                log(f"    slow without: {seconds * 1000:.0f} ms {where}")
            assert screen.save_now(), "the session could not be saved"
            data = tomllib.loads(screen.path.read_text(encoding="utf-8"))
            server = screen.joining.server
            devices = len(server.desk.devices) if server is not None else 0
            await screen.joining.stop()
        phones_out = json.loads(out.read_text(encoding="utf-8"))
    made = phones_out["made"]
    asked = count * each
    lost = missing(data, made) + (asked - len(made))
    return Outcome(
        asked=asked,
        devices=devices,
        lost=lost,
        server_p95=percentile(timings, 95),
        round_trip_p95=percentile(phones_out["seconds"], 95),
        keys_p95=percentile(stats.samen, 95),
        keys_alone_p95=percentile(baseline.samen, 95),
        keys=len(stats.samen),
        rounds=rounds,
    )


def join_section(mode: Any, env: Any, add_row: Callable[[str, str, str, str], None]) -> None:
    """Measure, print the line, add the row (``mode``, ``env``: bench/run.py's)."""
    count, each = COUNTS.get(mode.name, COUNTS["full"])
    log = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    log(f"9. {count} phones x {each} contributions while the keypress walk runs")
    pace = PACES.get(mode.name, PACE)
    # the walk without phones: every step, or the first ones (smoke, as section 2)
    outcome = asyncio.run(trainer(count, each, mode.key_dwell, log, pace, mode.key_steps))
    line = outcome.line()
    LINES.append(line)  # bench/run.py prints it after the table
    lost_ok = outcome.lost <= TARGETS[0]
    ok = lost_ok and outcome.server_p95 <= TARGETS[1] and outcome.keys_p95 < TARGETS[2]
    add_row(
        f"9. {count} phones x {each} contributions during the walk ({outcome.keys} keys,"
        f" {outcome.rounds} rounds)",
        line.removeprefix("join: ")
        + f" (round trip as the phones see it: p95 {outcome.round_trip_p95 * 1000:.0f} ms;"
        f" the same walk without phones first: keypress p95"
        f" {outcome.keys_alone_p95 * 1000:.0f} ms)",
        "lost 0, server p95 ≤ 100 ms, keypress p95 < 50 ms",
        "pass" if ok else "**FAIL**",
    )


def main(argv: list[str] | None = None) -> int:
    """The phones' process (see the module doc): the results as JSON."""
    global PACE
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--phones", required=True, metavar="URL")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--each", type=int, default=20)
    parser.add_argument("--limit", type=float, default=600.0, help="seconds at most")
    parser.add_argument("--json", type=Path, required=True)
    parser.add_argument("--pace", type=float, default=PACE, help="seconds between contributions")
    args = parser.parse_args(argv)
    PACE = args.pace
    result = asyncio.run(phones(args.phones, args.count, args.each, args.limit))
    args.json.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
