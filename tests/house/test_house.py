"""The house rules of the code (#15): Textual's private names only in ``tui/tuning``,
no module over 600 lines, no import circle between modules, and the core free of
textual. Each rule reads the source, so a change that breaks one fails here."""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import textual

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "samen_tui"
TUNING = PACKAGE / "tui" / "tuning"
MAX_LINES = 600


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        yield name, path


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


# --------------------------------------------------------------------------- private names


@cache
def textual_private_names() -> tuple[dict[tuple[str, str], frozenset[str]], frozenset[str]]:
    """Every private name Textual defines: per class (methods, class attributes and the
    ``self._x`` its methods assign), and all of them together."""
    root = Path(textual.__file__).parent
    per_class: dict[tuple[str, str], frozenset[str]] = {}
    every: set[str] = set()
    for path in root.rglob("*.py"):
        module = "textual." + ".".join(path.relative_to(root).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and is_private(node.name):
                every.add(node.name)
            if not isinstance(node, ast.ClassDef):
                continue
            names: set[str] = set()
            for inner in ast.walk(node):
                if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(inner.name)
                elif isinstance(inner, ast.Attribute) and isinstance(inner.ctx, ast.Store):
                    names.add(inner.attr)
                elif isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store):
                    names.add(inner.id)
            private = frozenset(n for n in names if is_private(n))
            per_class[(module, node.name)] = private
            every |= private
    return per_class, frozenset(every)


def textual_privates_of(cls: type) -> frozenset[str]:
    """The private names a class inherits from Textual (what overriding or using
    them on ``self`` touches)."""
    per_class, _every = textual_private_names()
    names: set[str] = set()
    for klass in cls.__mro__:
        if klass.__module__.split(".")[0] == "textual":
            names |= per_class.get((klass.__module__, klass.__name__), frozenset())
            names |= {a for a in vars(klass) if is_private(a)}
    return frozenset(names)


def private_uses(name: str, path: Path, module: object = None) -> list[str]:
    _per_class, every = textual_private_names()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if module is None:
        module = importlib.import_module(name)
    found: list[str] = []

    def where(node: ast.AST) -> str:
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        return f"{shown}:{getattr(node, 'lineno', 0)}"

    def visit(node: ast.AST, inherited: frozenset[str], scope: object) -> None:
        for child in ast.iter_child_nodes(node):
            names, inner = inherited, scope
            if isinstance(child, ast.ClassDef):
                cls = getattr(scope, child.name, None)
                inner = cls
                names = textual_privates_of(cls) if inspect.isclass(cls) else frozenset()
            if isinstance(child, ast.ImportFrom) and (child.module or "").startswith("textual"):
                parts = (child.module or "").split(".")
                if any(is_private(p) for p in parts) or any(
                    is_private(a.name) for a in child.names
                ):
                    found.append(f"{where(child)}: from {child.module} import ...")
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("textual") and any(
                        is_private(p) for p in alias.name.split(".")
                    ):
                        found.append(f"{where(child)}: import {alias.name}")
            elif isinstance(child, ast.Attribute) and is_private(child.attr):
                on_self = isinstance(child.value, ast.Name) and child.value.id in ("self", "cls")
                if (on_self and child.attr in names) or (not on_self and child.attr in every):
                    found.append(f"{where(child)}: .{child.attr}")
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                child.name in names
            ):
                found.append(f"{where(child)}: def {child.name} (overrides Textual's)")
            visit(child, names, inner)

    visit(tree, frozenset(), module)
    return found


@pytest.mark.slow
def test_no_private_textual_name_outside_tuning() -> None:
    found: list[str] = []
    for name, path in modules():
        if path.is_relative_to(TUNING) or path.name == "__main__.py":
            continue
        found.extend(private_uses(name, path))
    assert not found, "Textual's private names outside samen_tui/tui/tuning/:\n" + "\n".join(found)


SAMPLE = """
from textual._time import get_time
from textual.screen import Screen


class Mine(Screen):
    def _refresh_layout(self, size=None, scroll=False):
        self._dirty_widgets.clear()
        self.app._batch_count
        self._mine = 1
        super()._refresh_layout(size, scroll)


class Plain:
    def _refresh_layout(self):
        self._dirty_widgets = 1
"""


def test_the_detector_finds_a_private_name(tmp_path: Path) -> None:
    """The rule above can fail: it sees a private import, an override, a use on self
    and on another object, and leaves a class of our own (not Textual's) alone."""
    import importlib.util

    path = tmp_path / "sample_module.py"
    path.write_text(SAMPLE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("sample_module", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found = [line.split(": ", 1)[1] for line in private_uses("sample_module", path, module)]
    assert found == [
        "from textual._time import ...",
        "def _refresh_layout (overrides Textual's)",
        "._dirty_widgets",
        "._batch_count",
        "._refresh_layout",
    ]


# --------------------------------------------------------------------------- size


def test_no_module_over_600_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): n
        for _name, path in modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"


# --------------------------------------------------------------------------- circles


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The samen_tui modules a module imports, anywhere in it but under
    ``if TYPE_CHECKING:`` (a lazy import inside a function is still an import)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name in known:
                        out.add(alias.name)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - (child.level - 1)]
                    base = ".".join(parts + ([base] if base else []))
                for alias in child.names:
                    full = f"{base}.{alias.name}"
                    if full in known:
                        out.add(full)
                    elif base in known:
                        out.add(base)
            visit(child)

    visit(tree)
    out.discard(name)
    return out


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return groups


def import_graph() -> dict[str, set[str]]:
    found = dict(modules())
    known = set(found)
    return {name: imports_of(name, path, known) for name, path in found.items()}


def test_no_import_circle() -> None:
    assert circles(import_graph()) == []


def test_the_circle_finder_finds_one() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []
