"""`samen new`: the scaffold of a new workshop file."""

from __future__ import annotations

import dataclasses
import re
import tomllib
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from samen_tui import i18n
from samen_tui import kinds as registry
from samen_tui.workshop.loader import WorkshopError, load_workshop, parse_workshop
from samen_tui.workshop.model import AgendaItem, Meta, Step
from samen_tui.workshop.scaffold import scaffold_workshop, write_scaffold


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("nl")
    yield
    i18n.set_language(before)


def steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for item in data["items"] for step in item["steps"]]


def test_the_scaffold_is_toml_with_the_given_id_title_and_language() -> None:
    data = tomllib.loads(scaffold_workshop("mijn-workshop", "Samen sterk", "en"))
    assert data["workshop"]["id"] == "mijn-workshop"
    assert data["workshop"]["title"] == "Samen sterk"
    assert data["workshop"]["language"] == "en"


def test_the_title_defaults_to_the_id_in_words() -> None:
    data = tomllib.loads(scaffold_workshop("buurt_overleg-2"))
    assert data["workshop"]["title"] == "Buurt overleg 2"
    assert data["workshop"]["language"] == "nl"


def test_a_title_with_quotes_backslashes_and_lines_stays_valid_toml() -> None:
    title = 'Een "echte" \\ titel\nover twee regels'
    text = scaffold_workshop("lastig", title)
    assert tomllib.loads(text)["workshop"]["title"] == title
    assert parse_workshop(text, "lastig.toml").title == title


def test_one_example_of_every_step_kind() -> None:
    kinds = [step["kind"] for step in steps(tomllib.loads(scaffold_workshop("alles")))]
    # every kind; rate twice (its items from an earlier step, #20)
    assert sorted(kinds) == sorted([*registry.names(), "rate"])


def _keys(cls: type, data: Any, seen: dict[type, set[str]]) -> None:
    """Record, per model class, which of its fields the example data sets."""
    if not isinstance(data, dict):
        return
    hints = typing.get_type_hints(cls)
    seen.setdefault(cls, set()).update(data)
    for f in dataclasses.fields(cls):
        if f.name.removesuffix("_") not in data:  # the TOML key (`from` for `from_`)
            continue
        hint = hints[f.name]
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is tuple and args and dataclasses.is_dataclass(args[0]):
            for element in data[f.name.removesuffix("_")]:
                _keys(args[0], element, seen)
        else:
            for candidate in (hint, *args):
                if isinstance(candidate, type) and dataclasses.is_dataclass(candidate):
                    _keys(candidate, data[f.name.removesuffix("_")], seen)


def test_every_field_of_every_kind_is_shown() -> None:
    data = tomllib.loads(scaffold_workshop("alles"))
    seen: dict[type, set[str]] = {}
    _keys(Meta, data["workshop"], seen)
    for item in data["items"]:
        _keys(AgendaItem, {k: v for k, v in item.items() if k != "steps"}, seen)
        for step in item["steps"]:
            _keys(registry.step_classes()[step["kind"]], step, seen)
    # a field every step has (its `help`, say) is shown once, in one kind's example
    base_shown = set.union(*(seen.get(c, set()) for c in registry.step_classes().values()))
    base = {f.name for f in dataclasses.fields(Step)} & base_shown
    # the keys that take items from an earlier step are the same in every kind that has
    # them: shown once (in the rate example)
    base |= {"from", "top", "category"} & seen.get(registry.step_classes()["rate"], set())
    for cls in (*registry.step_classes().values(), Meta):
        missing = {f.name.removesuffix("_") for f in dataclasses.fields(cls) if f.init} - seen.get(
            cls, set()
        )
        missing -= base
        assert not missing, f"{cls.__name__}: {sorted(missing)} not in the scaffold"
    # and every part class reached from a step (categories, scale, phases, ...)
    for cls, keys in seen.items():
        missing = {f.name.removesuffix("_") for f in dataclasses.fields(cls) if f.init} - keys
        if cls is AgendaItem:
            missing.discard("steps")
        if issubclass(cls, Step):
            missing -= base
        assert not missing, f"{cls.__name__}: {sorted(missing)} not in the scaffold"
    assert len(seen) >= 20


def test_every_key_is_explained_by_a_dutch_comment_above_it() -> None:
    lines = scaffold_workshop("alles").splitlines()
    first: dict[str, int] = {}
    for index, line in enumerate(lines):
        match = re.match(r"([a-z_]+) = ", line)
        if match:
            first.setdefault(match.group(1), index)
    assert {"id", "kind", "minutes", "hints", "chain", "capture", "labels"} <= set(first)
    unexplained = [key for key, index in first.items() if not lines[index - 1].startswith("#")]
    assert not unexplained, f"no comment above the first {unexplained}"
    comments = "\n".join(line for line in lines if line.startswith("#"))
    for word in ("verplicht", "standaard", "toets", "stippen", "achterban"):
        assert word in comments
    for kind in registry.names():
        assert re.search(rf"^# --- {kind}: ", comments, re.M), kind


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_loader_accepts_the_scaffold(tmp_path: Path, language: str) -> None:
    path = write_scaffold("nieuwe-workshop", tmp_path, language=language)
    workshop = load_workshop(path)
    assert workshop.id == "nieuwe-workshop"
    assert workshop.meta.language == language
    assert {step.KIND for _item, step in workshop.steps()} == set(registry.names())


def test_a_broken_scaffold_would_be_noticed() -> None:
    text = scaffold_workshop("alles").replace('group = "doel"', 'group = "bestaat-niet"')
    with pytest.raises(WorkshopError):
        parse_workshop(text, "alles.toml")


def test_write_scaffold_writes_id_dot_toml_and_makes_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "nieuw" / "workshops"
    path = write_scaffold("buurt", folder)
    assert path == folder / "buurt.toml"
    assert path.read_text(encoding="utf-8") == scaffold_workshop("buurt")


def test_write_scaffold_never_overwrites(tmp_path: Path) -> None:
    path = write_scaffold("buurt", tmp_path)
    path.write_text("# mijn eigen werk\n", encoding="utf-8")
    with pytest.raises(FileExistsError, match="bestaat al"):
        write_scaffold("buurt", tmp_path)
    assert path.read_text(encoding="utf-8") == "# mijn eigen werk\n"


@pytest.mark.parametrize(
    "bad", ["", "Hoofdletters", "met spatie", "-streep", "_laag", "../uit", "a/b", "één", "x.toml"]
)
def test_a_malformed_id_is_refused_in_dutch(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError, match="ongeldige id"):
        write_scaffold(bad, tmp_path)
    with pytest.raises(ValueError, match="ongeldige id"):
        scaffold_workshop(bad)
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="onbekende taal"):
        scaffold_workshop("buurt", language="de")


def _toml_keys(data: Any, prefix: str = "") -> set[str]:
    """Every key of ``data``, dotted by where it is (``items.steps.words.empty``)."""
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            found |= {prefix + key, *_toml_keys(value, f"{prefix}{key}.")}
    elif isinstance(data, list):
        for value in data:
            found |= _toml_keys(value, prefix)
    return found


@pytest.mark.parametrize("kind", registry.names())
def test_the_english_example_shows_every_key_the_dutch_one_does(kind: str) -> None:
    """#20: the options each kind got (minutes, rounds, anonymous, breakouts, open
    categories, words, help, from...) are in `samen new --lang en` too."""
    example = registry.scaffold(kind)
    english = getattr(example, "EXAMPLE_EN", "")
    assert english and getattr(example, "SUMMARY_EN", ""), kind
    assert _toml_keys(tomllib.loads(english)) == _toml_keys(tomllib.loads(example.EXAMPLE))


def test_every_key_of_the_english_file_is_explained_by_an_english_comment() -> None:
    lines = scaffold_workshop("alles", language="en").splitlines()
    first: dict[str, int] = {}
    for index, line in enumerate(lines):
        if match := re.match(r"([a-z_]+) = ", line):
            first.setdefault(match.group(1), index)
    unexplained = [key for key, index in first.items() if not lines[index - 1].startswith("#")]
    assert not unexplained, f"no comment above the first {unexplained}"
    dutch = set(scaffold_workshop("alles").splitlines())
    comments = [line for line in lines if line.startswith("# ") and line[2:3].isalpha()]
    assert [line for line in comments if line in dutch] == [], "a Dutch comment left in"
    joined = "\n".join(comments)
    for words in ("(required)", "default", "F8 starts the next round", "from = "):
        assert words in joined, words


def test_the_brainstorm_example_tells_where_from_goes() -> None:
    for language, words in (("nl", "laat de prompts dan weg"), ("en", "leave the prompts out")):
        example = scaffold_workshop("alles", language=language)
        section = example.split("# --- brainstorm:")[1].split("# --- ")[0]
        assert words in section and 'from = "' in section, language
