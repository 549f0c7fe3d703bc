"""7. Opening a sort step with 100 / 1,000 / 5,000 cards (``bench/run.py --only sort``).

#21 item 11: opening the motive map took ~1 s with 100 cards, ~19 s with 1,000 and
~140 s with 3,000. The figure: ``samen resume FILE`` of a session whose current step
is the default workshop's sort step (``motieven``), holding N cards spread over its
three categories (every third from a participant), started on a 120x40 pty
(``ptyrun``) until the first card of the first column is painted (the cards are put
on the board after the step is composed: the step's own texts are painted first).
The runs of the sizes are interleaved; all share one warm cache folder, filled by
one untimed start first. Shown: the median of each size and its ratio to the
100-card median; target: 5,000 cards at most 5x.

This module is imported by ``bench/run.py`` and uses nothing of it but what it is
handed (the mode, the environment, a function that adds a row).
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SIZES = {"full": (100, 1_000, 5_000), "quick": (100, 1_000, 5_000), "smoke": (20, 200)}
TARGET = 5.0
"""The largest size may take at most this many times the 100-card time."""
STEP = "motieven"
FIRST = "Eerste kaartje"
"""The text of the first card of the first column: painted once the board is."""


def write_session(folder: Path, cards: int) -> Path:
    """A session of the default workshop on its sort step, with ``cards`` cards."""
    from samen_tui import paths
    from samen_tui.kinds.sort.record import Card, SortRecord
    from samen_tui.session.model import Participant, Session
    from samen_tui.session.store import save_session
    from samen_tui.workshop.catalog import resolve_workshop

    workshop = resolve_workshop("samen-ouder-worden", [("package", paths.PACKAGE_WORKSHOPS)])
    step = next(s for _item, s in workshop.steps() if s.id == STEP)
    categories = [c.id for c in step.categories]  # type: ignore[attr-defined]
    people = [
        Participant(id=f"p{n}", name=f"Deelnemer {n}", organisation=f"Organisatie {n % 4}")
        for n in range(12)
    ]
    record = SortRecord(
        cards=[
            Card(
                id=f"k{n}",
                text=FIRST if n == 0 else f"Kaartje {n}: " + "reden " * (1 + n % 9),
                category=categories[n % len(categories)],
                who=people[n % 12].id if n % 3 == 0 else "",
            )
            for n in range(cards)
        ]
    )
    session = Session(
        workshop=workshop.id,
        fingerprint=workshop.fingerprint,
        title=f"Sorteerstap met {cards} kaartjes",
        started=dt.datetime(2026, 11, 28, 9, 30).astimezone(),
        current=STEP,
        steps=workshop.step_ids(),
        participants=people,
        records={STEP: record},
    )
    path = folder / f"sorteer-{cards}.toml"
    save_session(session, path)
    return path


def _interleaved(count: int, names: Sequence[int]) -> list[tuple[int, int]]:
    out = []
    for number in range(count):
        shift = number % len(names)
        out += [(number, name) for name in [*names[shift:], *names[:shift]]]
    return out


def sort_section(mode: Any, env: Any, add_row: Callable[[str, str, str, str], None]) -> None:
    """Measure and add the row (``mode``, ``env``: bench/run.py's ``Mode`` and ``Env``)."""
    sizes = SIZES.get(mode.name, SIZES["full"])
    runs = mode.start_runs
    log = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    log(f"7. sort step opened with {', '.join(map(str, sizes))} cards: {runs} runs each")
    files = {n: write_session(env.folder(f"sort-{n}"), n) for n in sizes}
    cache = env.folder("sort-cache")

    def resume(n: int, linger: float = 0.0) -> Any:
        argv = [sys.executable, "-m", "samen_tui", "--sessions", str(files[n].parent)]
        return env.run([*argv, "resume", str(files[n])], FIRST, cache, mode.timeout, linger)

    # fills the cache (written a second after the first paint): every timed start is warm
    resume(sizes[0], linger=2.5)
    seconds: dict[int, list[float]] = {n: [] for n in sizes}
    failed = ""
    for number, n in _interleaved(runs, sizes):
        result = resume(n)
        if result.seconds is None:
            failed = f"{n} cards: no paint within {mode.timeout:.0f} s; …{result.tail[-120:]}"
            log(f"  run {number + 1}, {n} cards: FAILED")
            break
        seconds[n].append(result.seconds)
        log(f"  run {number + 1}, {n} cards: {result.seconds:.2f} s")
    figure = f"7. sort step opened (`samen resume` on it), {' / '.join(f'{n:,}' for n in sizes)}"
    target = f"{sizes[-1]:,} ≤ {TARGET:g}x"
    if failed:
        add_row(figure + " cards", failed, target, "**FAIL**")
        return
    medians = {n: statistics.median(seconds[n]) for n in sizes}
    base = medians[sizes[0]]
    ratios = {n: medians[n] / base for n in sizes}
    value = (
        " / ".join(f"{medians[n]:.2f} s" for n in sizes)
        + " = **"
        + " / ".join(f"{ratios[n]:.2f}x" for n in sizes)
        + f"** of {sizes[0]:,} cards"
    )
    ok = ratios[sizes[-1]] <= TARGET
    add_row(f"{figure} cards, median of {runs}", value, target, "pass" if ok else "**FAIL**")
