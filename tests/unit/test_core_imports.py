"""The core (workshop files, sessions, the report, the room's reading of a session, and
every part of a step kind but its views) never imports textual: it must work without
a UI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import importlib, json, pkgutil, sys
imported = []
CORE = (
    "samen_tui.workshop",
    "samen_tui.session",
    "samen_tui.report",
    "samen_tui.kinds",
    "samen_tui.paths",
    "samen_tui.i18n",
    "samen_tui.room",
)
for name in CORE:
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(getattr(package, "__path__", []), name + "."):
        last = info.name.rpartition(".")[2]
        if last.startswith("view") or (name == "samen_tui.kinds" and last == "room"):
            continue  # a kind's views (the trainer's, the room's) are the TUI's
        importlib.import_module(info.name)
        imported.append(info.name)
# and what the registries load
from samen_tui import i18n, kinds
from samen_tui.report.build import report_markdown
from samen_tui.workshop.scaffold import scaffold_workshop
kinds.step_classes(), kinds.record_classes(), i18n.catalog("nl"), scaffold_workshop("x")
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"imported": imported, "leaked": leaked}))
"""


def test_core_modules_do_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # the walk really reached the modules (the session store among them)
    for module in (
        "samen_tui.session.model",
        "samen_tui.session.store",
        "samen_tui.session.lock",
        "samen_tui.session.index",
        "samen_tui.workshop.model",
        "samen_tui.report.build",
        "samen_tui.report.rich",
        "samen_tui.report.export",
        "samen_tui.room.follow",
        "samen_tui.room.finding",
        "samen_tui.room.clock",
        "samen_tui.room.shown",
        "samen_tui.room.status",
    ):
        assert module in report["imported"]
    for kind in ("content", "sort", "rate", "conversation", "actions"):
        for part in ("model", "record", "report", "scaffold", "texts"):
            assert f"samen_tui.kinds.{kind}.{part}" in report["imported"]
    assert not any(".view" in module for module in report["imported"])
    assert not any(
        module.startswith("samen_tui.kinds.") and module.endswith(".room")
        for module in report["imported"]
    )
    assert report["leaked"] == [], f"textual imported by the core: {report['leaked']}"
