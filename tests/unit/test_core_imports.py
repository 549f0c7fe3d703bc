"""The core (workshop files, sessions) never imports textual: it must work without a UI."""

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
for name in ("samen_tui.workshop", "samen_tui.session", "samen_tui.paths", "samen_tui.i18n"):
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(getattr(package, "__path__", []), name + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
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
    ):
        assert module in report["imported"]
    assert report["leaked"] == [], f"textual imported by the core: {report['leaked']}"
