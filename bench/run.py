"""samen-tui benchmark: what the trainer feels, as ratios to a bare Textual app.

    .venv/bin/python bench/run.py                 # full: about 10-20 minutes
    .venv/bin/python bench/run.py --quick         # fewer runs, no 10,000-session review
    .venv/bin/python bench/run.py --smoke         # tiny counts, for the test suite
    .venv/bin/python bench/run.py --write-readme  # also put the table in README.md

Every figure is measured in one run beside ``bench/bare_app.py`` (Header, Footer, one
OptionList of 20 items), started the same way and interleaved with it, and given as
a ratio of medians or as a percentile; see ``bench/README.md`` for each figure. The
start and the keypress figures are measured twice, interleaved: with the tuning on
(``samen_tui/tui/tuning``) and off (``SAMEN_SAFE=1``, stock Textual), side by side.
Progress goes to stderr, the Markdown table to stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from joinbench import LINES, join_section  # noqa: E402
from keys import KeyStats  # noqa: E402
from ptyrun import PtyRun, time_to_marker  # noqa: E402
from roombench import room_section  # noqa: E402
from sortbench import sort_section  # noqa: E402

README = ROOT / "README.md"
BEGIN, END = "<!-- bench-table -->", "<!-- /bench-table -->"

AGENDA_MARKER = "Inspiratie nodig?"
"""Title of the last agenda step: painted only when the agenda panel is."""
EMPTY_REVIEW_MARKER = "Nog geen sessies"
"""Status line of the review of an empty folder, once it is read."""
START_EMPTY_MARKER = "Geen onafgeronde sessies."
"""Start screen of an empty folder, once listed (fallback baseline, see review_section)."""


def review_marker(n: int) -> str:
    """Status line of the review once ``n`` sessions are in the table."""
    return f"{n} sessies · gesorteerd op"


# --------------------------------------------------------------------------- modes


@dataclass(frozen=True)
class Mode:
    name: str
    start_runs: int
    key_rounds: int
    key_steps: int | None
    """Walk only the first steps (smoke); None: every step."""
    key_dwell: float
    """Idle seconds after arriving at a step and after typing in it (see keys.DWELL)."""
    saves: int
    sizes: tuple[int, ...]
    review_runs: int
    slow_config: float
    """Stop repeating a review configuration once its runs took this many seconds."""
    timeout: float
    """Seconds one app may take to paint before the run counts as failed."""


MODES = {
    "full": Mode("full", 10, 6, None, 1.0, 50, (100, 1_000, 10_000), 10, 90.0, 300.0),
    "quick": Mode("quick", 4, 2, None, 1.0, 20, (100, 1_000), 4, 45.0, 180.0),
    "smoke": Mode("smoke", 1, 1, 3, 0.1, 5, (20,), 1, 30.0, 90.0),
}
TARGET_SIZE = 10_000


# --------------------------------------------------------------------------- helpers


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def sec(seconds: float) -> str:
    return f"{seconds:.2f} s"


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


def load_fixture() -> ModuleType:
    """``tests/fixtures/sessions.py`` by path (``tests/fixtures`` is not a package)."""
    path = ROOT / "tests" / "fixtures" / "sessions.py"
    spec = importlib.util.spec_from_file_location("samen_bench_fixture_sessions", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def header_line(mode: Mode, options: str = "") -> str:
    from importlib.metadata import version

    load = ""
    with contextlib.suppress(OSError):
        load = f" · load average {os.getloadavg()[0]:.1f} at start"
    return (
        f"Measured {dt.datetime.now():%Y-%m-%d %H:%M} · {platform.platform()} · "
        f"{cpu_model()} · {os.cpu_count()} cores · Python {platform.python_version()} · "
        f"Textual {version('textual')} · `bench/run.py"
        f"{'' if mode.name == 'full' else ' --' + mode.name}{options}`{load}"
    )


@dataclass
class Row:
    figure: str
    value: str
    """With the tuning on (as ``samen`` runs)."""
    target: str = "—"
    result: str = "—"
    """``pass``, ``FAIL``, ``skipped`` or ``—`` (no target): of ``value``."""
    off: str = "—"
    """The same figure with the tuning off (``SAMEN_SAFE=1``), where it is measured."""


COLUMNS = ("figure", "tuning on", "tuning off (`SAMEN_SAFE=1`)", "target", "result")


def verdict(ok: bool) -> str:
    return "pass" if ok else "**FAIL**"


@dataclass
class Report:
    header: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)

    def markdown(self) -> str:
        lines = [
            self.header,
            "",
            "| " + " | ".join(COLUMNS) + " |",
            "|" + "---|" * len(COLUMNS),
        ]
        for row in self.rows:
            cells = (row.figure, row.value, row.off, row.target, row.result)
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        if self.notes:
            lines.append("")
            lines += [f"- {note}" for note in self.notes]
        return "\n".join(lines) + "\n"


class Env:
    """Temporary folders and the environment of the apps started on a pty: settings,
    cache and XDG folders of their own, so nothing of the user's is read or changed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cwd = root / "cwd"
        self.cwd.mkdir()
        self._serial = 0
        base = {k: v for k, v in os.environ.items() if not k.startswith("SAMEN_")}
        for name in ("DATA", "CONFIG", "CACHE", "STATE"):
            base[f"XDG_{name}_HOME"] = str(root / "xdg" / name.lower())
        base["SAMEN_CONFIG"] = str(root / "config")
        self.base = base

    def folder(self, prefix: str) -> Path:
        self._serial += 1
        path = self.root / f"{prefix}-{self._serial}"
        path.mkdir(parents=True)
        return path

    def env(self, cache: Path | None = None, safe: bool = False) -> dict[str, str]:
        """The environment of an app: its own cache folder (a new one if None), and the
        tuning off if ``safe``."""
        env = dict(self.base)
        env["SAMEN_CACHE"] = str(cache if cache is not None else self.folder("cache"))
        if safe:
            env["SAMEN_SAFE"] = "1"
        return env

    def run(
        self,
        argv: list[str],
        marker: str,
        cache: Path | None,
        timeout: float,
        linger: float = 0.0,
        safe: bool = False,
    ) -> PtyRun:
        return time_to_marker(
            argv,
            marker,
            env=self.env(cache, safe),
            cwd=str(self.cwd),
            timeout=timeout,
            linger=linger,
        )


def samen(*args: str) -> list[str]:
    return [sys.executable, "-m", "samen_tui", *args]


BARE = [sys.executable, str(BENCH / "bare_app.py")]


def interleaved(count: int, names: Sequence[str]) -> Iterator[tuple[int, str]]:
    """ABAB...: every run goes through all names, the order rotated each time."""
    for number in range(count):
        shift = number % len(names)
        for name in [*names[shift:], *names[:shift]]:
            yield number, name


@dataclass
class Samples:
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    failed: str = ""
    """Why a run did not paint (the last text on its screen); no more runs after it."""
    stopped: str = ""

    def add(self, run: PtyRun, timeout: float) -> None:
        if run.seconds is None:
            self.failed = f"no paint within {timeout:.0f} s; screen: …{run.tail[-160:]}"
            return
        self.seconds.append(run.seconds)
        self.cpu.append(run.cpu_seconds)
        self.rss_kib.append(run.max_rss_kib)

    @property
    def ok(self) -> bool:
        return bool(self.seconds) and not self.failed

    def wall(self) -> float:
        return median(self.seconds)


# --------------------------------------------------------------------------- 1. start


START_CACHE = "start.marshal"
"""The start-up cache file (``samen_tui.startcache``) in a cache folder."""
START_LINGER = 2.5
"""Seconds the warm-up start stays after painting: the app writes its start-up cache
one second after its first paint (or when it exits; the bench kills it instead)."""


def start_section(mode: Mode, env: Env, report: Report) -> None:
    names = ("warm", "cold", "warm-off", "cold-off", "bare")
    log(
        f"1. start to painted agenda: {mode.start_runs} runs each of samen with a warm "
        "and a cold cache, with the tuning on and off, interleaved with the bare app"
    )
    warm_cache = env.folder("start-cache")

    def start(cache: Path | None, linger: float = 0.0, safe: bool = False) -> PtyRun:
        argv = samen("--sessions", str(env.folder("start")), "run", "samen-ouder-worden")
        return env.run(argv, AGENDA_MARKER, cache, mode.timeout, linger, safe)

    # A trainer's laptop keeps its cache between starts: one start (not timed) fills
    # the folder every warm run shares; a cold run gets a new, empty one. With the
    # tuning off, the same folder (what it keeps is the same, but the stylesheets).
    warm_up = start(warm_cache, START_LINGER)
    filled = (warm_cache / START_CACHE).is_file()
    log(f"  warm-up run: {warm_up.seconds}, cache {'filled' if filled else 'NOT filled'}")
    if not filled:
        report.notes.append(
            f"The warm-up start left no {START_CACHE} in its cache folder: "
            "the warm-cache start figure is of an empty cache."
        )
    runs = {name: Samples() for name in names}
    for number, name in interleaved(mode.start_runs, names):
        if runs[name].failed:
            continue
        if name == "bare":
            from bare_app import LAST_ITEM

            result = env.run(BARE, LAST_ITEM, None, mode.timeout)
        else:
            cache = warm_cache if name.startswith("warm") else None
            result = start(cache, safe=name.endswith("-off"))
        runs[name].add(result, mode.timeout)
        log(f"  run {number + 1} {name}: {result.seconds if result.seconds is not None else '—'}")
    bare = runs["bare"]
    report.raw["start"] = {k: asdict(v) for k, v in runs.items()}

    def value(a: Samples) -> str:
        if not (a.ok and bare.ok):
            return a.failed or bare.failed
        r = ratio(a.wall(), bare.wall())
        cpu = ratio(median(a.cpu), median(bare.cpu))
        return f"{sec(a.wall())} vs bare {sec(bare.wall())} = **{r:.2f}x** (CPU {cpu:.2f}x)"

    for name, figure, target in (
        ("warm", "1. start → painted agenda (`samen run`), warm cache", "≤ 1.3x"),
        ("cold", "1. start → painted agenda, cold cache (first start after install)", "—"),
    ):
        a = runs[name]
        outcome = "—"
        if not (a.ok and bare.ok):
            outcome = "**FAIL**"
        elif target != "—":
            outcome = verdict(ratio(a.wall(), bare.wall()) <= 1.3)
        report.rows.append(
            Row(
                f"{figure}, median of {len(a.seconds)}",
                value(a),
                target,
                outcome,
                off=value(runs[f"{name}-off"]),
            )
        )


# --------------------------------------------------------------------------- 2. keys


def walks(mode: Mode, full: Path, folder: Path) -> dict[str, KeyStats]:
    """The keypress walks with the tuning on and off, each walk (and its bare-app run)
    in a process of its own (``bench/keys.py``), interleaved: on, off, off, on, ..."""
    from keys import KeyStats, merge

    stats = {"on": KeyStats(), "off": KeyStats()}
    for number, name in interleaved(mode.key_rounds, tuple(stats)):
        out = folder / f"keys-{name}-{number}.json"
        env = {k: v for k, v in os.environ.items() if k != "SAMEN_SAFE"}
        if name == "off":
            env["SAMEN_SAFE"] = "1"
        argv = [sys.executable, str(BENCH / "keys.py"), "--full-session", str(full)]
        argv += ["--first", str(number), "--dwell", str(mode.key_dwell), "--json", str(out)]
        if mode.key_steps is not None:
            argv += ["--max-steps", str(mode.key_steps)]
        log(f"  tuning {name}:")
        subprocess.run(argv, env=env, cwd=str(ROOT), check=True)
        merge(stats[name], KeyStats(**json.loads(out.read_text(encoding="utf-8"))))
    return stats


def keys_section(mode: Mode, env: Env, report: Report) -> None:
    from fullsession import write_full_session

    log(
        f"2. keypress → repaint: {mode.key_rounds} walks each with the tuning on and off, "
        "each followed by the bare app"
    )
    full = write_full_session(env.folder("full-session"))
    both = walks(mode, full, env.folder("keys"))
    stats, off = both["on"], both["off"]
    report.raw["keys"] = asdict(stats)
    report.raw["keys_off"] = asdict(off)

    def p95(a: KeyStats) -> str:
        high, bare = percentile(a.samen, 95), percentile(a.bare, 95)
        return f"**{ms(high)}** (bare app p95 {ms(bare)}, {ratio(high, bare):.1f}x)"

    def med(a: KeyStats) -> str:
        mid, bare = median(a.samen), median(a.bare)
        kinds = ", ".join(
            f"{kind} {ms(median(values))} / {ms(percentile(values, 95))}"
            for kind, values in sorted(a.samen_by_kind.items())
        )
        return (
            f"{ms(mid)} vs bare {ms(bare)} = {ratio(mid, bare):.1f}x; median / p95 by key: {kinds}"
        )

    report.rows.append(
        Row(
            f"2. keypress → repaint, walk of every step, p95 of {len(stats.samen)} keys",
            p95(stats),
            "< 50 ms",
            verdict(percentile(stats.samen, 95) < 0.050),
            off=p95(off),
        )
    )
    report.rows.append(Row("2. keypress → repaint, median", med(stats), off=med(off)))
    snapshot = median(stats.snapshot_seconds) if stats.snapshot_seconds else 0.0
    report.rows.append(
        Row(
            "3. autosave never on the keypress path",
            f"{stats.saves_ui_thread} saves (`save_data`) on the UI thread while "
            f"{len(stats.samen)} keys were handled; {stats.saves_writer_thread} on the "
            f"writer thread. (Undo snapshots, `Session.to_dict` on the UI thread: "
            f"{stats.snapshots_ui} during the keys, median {ms(snapshot)})",
            "0 on the UI thread",
            verdict(stats.saves_ui_thread == 0 and stats.saves_writer_thread > 0),
            off=f"{off.saves_ui_thread} on the UI thread, {off.saves_writer_thread} on the "
            "writer thread",
        )
    )
    slow: dict[str, list[float]] = {}
    for seconds, where in stats.slowest(len(stats.samen)):
        if seconds >= 0.050:
            slow.setdefault(where, []).append(seconds)
    if slow:
        report.notes.append(
            f"Tuning on: {sum(map(len, slow.values()))} of {len(stats.samen)} keys took "
            "50 ms or more: "
            + "; ".join(
                f"{where} ×{len(times)} (max {ms(max(times))})"
                for where, times in sorted(slow.items(), key=lambda kv: -max(kv[1]))
            )
        )
    over = [seconds for seconds in off.samen if seconds >= 0.050]
    report.notes.append(
        f"Tuning off (`SAMEN_SAFE=1`): {len(over)} of {len(off.samen)} keys took 50 ms or "
        f"more{f' (max {ms(max(over))})' if over else ''}."
    )
    if stats.no_paint_keys:
        quiet = sorted(set(stats.no_paint_keys))
        report.notes.append(
            f"{len(stats.no_paint_keys)} timed keys painted nothing (timed until handled): "
            + "; ".join(quiet[:6])
            + (f"; … ({len(quiet)} kinds)" if len(quiet) > 6 else "")
        )


# --------------------------------------------------------------------------- 3. autosave


def autosave_section(mode: Mode, env: Env, report: Report) -> None:
    from fullsession import time_autosave

    log(f"3. autosave of a full session: {mode.saves} saves")
    times = time_autosave(mode.saves, str(env.root))
    report.raw["autosave"] = asdict(times)
    save, to_dict, raw = median(times.save), median(times.to_dict), median(times.raw_write)
    report.rows.append(
        Row(
            f"3. autosave: `save_session` of a full session ({times.size / 1024:.0f} KiB), "
            f"median of {len(times.save)}",
            f"**{ms(save)}** (a bare write+fsync+rename of the same bytes: {ms(raw)}) "
            "— writer thread",
            "< 10 ms",
            verdict(save < 0.010),
        )
    )
    report.rows.append(
        Row(
            "3. autosave: `Session.to_dict()` of the same session, median — UI thread",
            f"**{ms(to_dict)}**",
            "< 10 ms",
            verdict(to_dict < 0.010),
        )
    )


# --------------------------------------------------------------------------- 4-6. review


def fill_cache(cache: Path, folder: Path) -> float:
    """Fill a cache folder as the review screen's worker does (``SessionIndex.default()
    .summaries``, in this process with ``SAMEN_CACHE`` pointing at it); seconds taken."""
    from samen_tui.session.index import SessionIndex

    old = os.environ.get("SAMEN_CACHE")
    os.environ["SAMEN_CACHE"] = str(cache)
    try:
        index = SessionIndex.default()
        start = time.perf_counter()
        index.summaries(folder.resolve())
        index.close()
        return time.perf_counter() - start
    finally:
        if old is None:
            os.environ.pop("SAMEN_CACHE", None)
        else:
            os.environ["SAMEN_CACHE"] = old


def review_section(mode: Mode, env: Env, report: Report) -> None:
    fixture = load_fixture()
    empty = env.folder("empty")
    baseline_argv = samen("--sessions", str(empty), "review")
    baseline_marker, baseline_name = EMPTY_REVIEW_MARKER, "`samen review` of an empty folder"
    probe = env.run(baseline_argv, baseline_marker, None, 6.0 if mode.name == "smoke" else 15.0)
    if probe.seconds is None:
        baseline_argv = samen("--sessions", str(empty))
        baseline_marker, baseline_name = START_EMPTY_MARKER, "start screen of an empty folder"
        report.notes.append(
            f"The review of an empty folder never painted “{EMPTY_REVIEW_MARKER}” "
            f"(screen: …{probe.tail[-120:]}); the review figures are ratios to the "
            "start screen of an empty folder instead."
        )
    log(f"4-6. review; baseline: {baseline_name}")
    results: dict[int, dict[str, Samples]] = {}
    for n in mode.sizes:
        folder = env.folder(f"sessions-{n}")
        began = time.perf_counter()
        fixture.write_sessions(folder, n, seed=0)
        log(f"  {n} sessions written in {time.perf_counter() - began:.1f} s")
        warm_cache = env.folder(f"warm-cache-{n}")
        log(f"  warm cache of {n} filled in {fill_cache(warm_cache, folder):.1f} s")
        runs = {name: Samples() for name in ("empty", "cold", "warm", "bare")}
        spent = dict.fromkeys(runs, 0.0)
        for number, name in interleaved(mode.review_runs, tuple(runs)):
            samples = runs[name]
            if samples.failed or samples.stopped:
                continue
            if spent[name] > mode.slow_config and samples.seconds:
                count = len(samples.seconds)
                samples.stopped = (
                    f"stopped after {count} run{'s' if count != 1 else ''} of "
                    f"{sec(spent[name] / count)} on average"
                )
                continue
            began = time.perf_counter()
            if name == "empty":
                result = env.run(baseline_argv, baseline_marker, None, mode.timeout)
            elif name == "bare":
                from bare_app import LAST_ITEM

                result = env.run(BARE, LAST_ITEM, None, mode.timeout)
            else:
                cache = warm_cache if name == "warm" else env.folder("cold-cache")
                argv = samen("--sessions", str(folder), "review")
                result = env.run(argv, review_marker(n), cache, mode.timeout)
            spent[name] += time.perf_counter() - began
            samples.add(result, mode.timeout)
            shown = f"{result.seconds:.2f} s" if result.seconds is not None else "—"
            log(f"  {n} run {number + 1} {name}: {shown}, {mib(result.max_rss_kib)}")
        results[n] = runs
    report.raw["review"] = {
        str(n): {k: asdict(v) for k, v in r.items()} for n, r in results.items()
    }
    review_rows(mode, report, results, baseline_name)


def review_rows(
    mode: Mode, report: Report, results: dict[int, dict[str, Samples]], baseline: str
) -> None:
    wall: dict[tuple[int, str], float] = {}
    memory: dict[tuple[int, str], float] = {}
    for n, runs in results.items():
        base, bare = runs["empty"], runs["bare"]
        for kind, limit in (("warm", 1.5), ("cold", 3.0)):
            samples = runs[kind]
            name = f"4. review painted, {n:,} sessions, {kind} cache"
            target = f"≤ {limit}x" if n == TARGET_SIZE else "—"
            if not samples.ok or not base.ok:
                why = samples.failed or base.failed or "no run"
                report.rows.append(Row(name, why, target, "**FAIL**"))
                continue
            r = ratio(samples.wall(), base.wall())
            wall[n, kind] = r
            more = f"; {samples.stopped}" if samples.stopped else ""
            report.rows.append(
                Row(
                    name + f", median of {len(samples.seconds)}",
                    f"{sec(samples.wall())} vs {sec(base.wall())} = **{r:.2f}x** "
                    f"(CPU {ratio(median(samples.cpu), median(base.cpu)):.2f}x){more}",
                    target,
                    verdict(r <= limit) if n == TARGET_SIZE else "—",
                )
            )
        peaks = {
            kind: median(runs[kind].rss_kib) for kind in ("warm", "cold") if runs[kind].rss_kib
        }
        if peaks and bare.rss_kib:
            bare_peak = median(bare.rss_kib)
            for kind, peak in peaks.items():
                memory[n, kind] = ratio(peak, bare_peak)
            worst = max(peaks.values())
            r = ratio(worst, bare_peak)
            text = ", ".join(f"{kind} {mib(v)}" for kind, v in peaks.items())
            report.rows.append(
                Row(
                    f"5. peak memory (RSS), review of {n:,} sessions",
                    f"{text} vs bare {mib(bare_peak)} = **{r:.2f}x** (the larger)",
                    "≤ 1.5x" if n == TARGET_SIZE else "—",
                    verdict(r <= 1.5) if n == TARGET_SIZE else "—",
                )
            )
    sizes = list(results)
    for label, values in (
        ("review painted (ratio to the baseline)", wall),
        ("peak memory (ratio to bare)", memory),
    ):
        parts = []
        for kind in ("warm", "cold"):
            chain = " → ".join(
                f"{values[n, kind]:.2f}x" if (n, kind) in values else "—" for n in sizes
            )
            parts.append(f"{kind} {chain}")
        report.rows.append(
            Row(
                f"6. growth of {label}, " + " → ".join(f"{n:,}" for n in sizes) + " sessions",
                "; ".join(parts),
            )
        )
    if TARGET_SIZE not in sizes:
        report.rows.append(
            Row(
                f"4-6. review with {TARGET_SIZE:,} sessions",
                f"not measured in --{mode.name} (run the full bench)",
                "warm ≤ 1.5x, cold ≤ 3x, memory ≤ 1.5x",
                "skipped",
            )
        )
    report.notes.append(f"Review baseline: {baseline}, started the same way in the same runs.")


# --------------------------------------------------------------------------- main


def write_readme(text: str, readme: Path = README) -> None:
    content = readme.read_text(encoding="utf-8")
    start, end = content.find(BEGIN), content.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{readme}: markers {BEGIN} … {END} not found")
    content = content[: start + len(BEGIN)] + "\n" + text + content[end:]
    readme.write_text(content, encoding="utf-8")


def section(report: Report, name: str, run: Callable[[], Any]) -> Any:
    try:
        return run()
    except Exception as exc:  # one broken part must not hide the others
        import traceback

        traceback.print_exc()
        report.rows.append(Row(name, f"error: {type(exc).__name__}: {exc}", "—", "**FAIL**"))
        return None


SECTIONS = ("start", "keys", "autosave", "review", "sort", "room", "join")
"""The parts ``--only`` can pick (1, 2, 3, 4-6, 7 and 8)."""


def sizes_arg(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part.replace("_", "")) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"sizes must be positive: {text!r}")
    return sizes


def byte_compile() -> None:
    """Compile the package to byte-code first, as ``pip install`` does and as Python
    does by itself on a first start. Textual, the bare app's only import, is always
    byte-compiled (it is installed); without this, in an environment that sets
    ``PYTHONDONTWRITEBYTECODE`` (containers, CI), every start of samen would compile
    its own modules again and the start ratio would measure the compiler."""
    import compileall

    compileall.compile_dir(str(ROOT / "samen_tui"), quiet=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    speed = parser.add_mutually_exclusive_group()
    speed.add_argument("--quick", action="store_true", help="fewer runs, no 10,000 sessions")
    speed.add_argument("--smoke", action="store_true", help="tiny counts (the test suite)")
    parser.add_argument("--write-readme", action="store_true", help="put the table in README.md")
    parser.add_argument("--json", metavar="FILE", help="also write every sample as JSON")
    parser.add_argument(
        "--only",
        choices=SECTIONS,
        action="append",
        help="run only this part (repeatable): " + ", ".join(SECTIONS),
    )
    parser.add_argument(
        "--sizes",
        type=sizes_arg,
        help="review sizes instead of the mode's, comma-separated (e.g. 10000)",
    )
    parser.add_argument("--runs", type=int, help="runs per configuration instead of the mode's")
    args = parser.parse_args(argv)
    mode = MODES["smoke" if args.smoke else "quick" if args.quick else "full"]
    if args.sizes:
        mode = replace(mode, sizes=args.sizes)
    if args.runs:
        mode = replace(mode, start_runs=args.runs, key_rounds=args.runs, review_runs=args.runs)
    only = set(args.only or SECTIONS)
    if args.write_readme and only != set(SECTIONS):
        parser.error("--write-readme needs every part (no --only)")
    options = "".join(f" --only {name}" for name in args.only or ())
    options += f" --sizes {','.join(map(str, args.sizes))}" if args.sizes else ""
    options += f" --runs {args.runs}" if args.runs else ""
    report = Report(header_line(mode, options))
    began = time.perf_counter()
    byte_compile()
    with tempfile.TemporaryDirectory(prefix="samen-bench-") as tmp:
        env = Env(Path(tmp))
        # the apps driven in this process (keypress walk) use the same private folders
        os.environ.update({k: v for k, v in env.base.items() if k.startswith(("SAMEN_", "XDG_"))})
        os.environ["SAMEN_CACHE"] = str(env.folder("cache"))
        os.environ.pop("SAMEN_SESSIONS", None)
        os.environ.pop("SAMEN_WORKSHOPS", None)
        if "start" in only:
            section(report, "1. start", lambda: start_section(mode, env, report))
        if "keys" in only:
            section(report, "2. keypress", lambda: keys_section(mode, env, report))
        if "autosave" in only:
            section(report, "3. autosave", lambda: autosave_section(mode, env, report))
        if "review" in only:
            section(report, "4-6. review", lambda: review_section(mode, env, report))
        if "sort" in only:
            add = lambda *cells: report.rows.append(Row(*cells))  # noqa: E731
            section(report, "7. sort step", lambda: sort_section(mode, env, add))
        if "room" in only:
            add = lambda *cells: report.rows.append(Row(*cells))  # noqa: E731
            section(report, "8. the room", lambda: room_section(mode, env, add))
        if "join" in only:
            add = lambda *cells: report.rows.append(Row(*cells))  # noqa: E731
            section(report, "9. phones", lambda: join_section(mode, env, add))
    log(f"done in {time.perf_counter() - began:.0f} s")
    text = report.markdown()
    print(text, end="")
    for line in LINES:  # section 8's line, exactly as the issue asks (#18)
        print(line)
    if args.json:
        Path(args.json).write_text(json.dumps(report.raw, indent=1, default=str))
    if args.write_readme:
        write_readme(text)
        log(f"table written to {README}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
