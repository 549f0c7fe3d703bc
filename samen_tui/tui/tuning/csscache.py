"""The parsed stylesheets, kept between starts as plain data (Textual 8.2.8).

Textual parses every stylesheet it meets (``app.tcss`` and the ``DEFAULT_CSS`` of each
widget class: about twenty different ones at the first paint of the walk screen, and
Textual asks for them a hundred times) with a tokenizer written in Python: 17-24 ms of
every start, the same work each time. What it parses depends only on the text, where
it was read from, and the theme's variables (which are put in while parsing). Textual
keeps the results in ``Stylesheet._parse_cache`` (a private name: hence here, in
``tuning``) for the life of the app; :func:`load` fills that cache from a file before
anything is parsed, and :func:`save` writes it back when it holds something new (the
app does once, a second after its first paint: what the start needs. A whole run
meets twice as many stylesheets, and loading them all took longer than parsing those
of a start).

The file (``paths.cache_dir() / "css.marshal"``, read and written through
:mod:`samen_tui.cachefile`: the user's own private file, its checksum checked before
anything is unmarshalled) holds plain data only: ``{"key": KEY, "sheets": [(cache
key, rules), ...]}``, where KEY names this module's format, the Python version, the
Textual installed (its folder and the times its CSS modules were written) and the
theme's variables (a file with another key is not used), and ``rules`` are the
parsed rule sets written out as tuples of strings and numbers (:func:`encode`).
:func:`decode` builds them again with the constructors of Textual's own classes
(``RuleSet``, ``SelectorSet``, ``Selector``, ``Styles``, ``Color``, ``Scalar``,
``Spacing``, ``Transition``, a layout by its name): the file names no function and no
class of its own choosing. A stylesheet holding anything else (a rule value of a
type not known here) is not kept and is parsed at every start. Anything wrong with
the file (missing, not the user's own, damaged, another key, data not from
:func:`encode`) is an empty cache; a folder that cannot be written is no cache.
Neither ever raises.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import sys
from typing import Any, cast

import textual
from textual.cache import LRUCache
from textual.color import Color
from textual.css.model import CombinatorType, RuleSet, Selector, SelectorSet, SelectorType
from textual.css.scalar import Scalar, ScalarOffset, Unit
from textual.css.styles import Styles
from textual.css.stylesheet import Stylesheet
from textual.css.transition import Transition
from textual.geometry import Spacing
from textual.layout import Layout
from textual.layouts.factory import LAYOUT_MAP, get_layout

from samen_tui import cachefile

VERSION = 2
"""Of this file's format; bump it when what is kept changes meaning."""

NAME = "css.marshal"

ROOM = 1024
"""Parsed stylesheets Textual's cache holds here: it holds 64, and a run that visits
every screen and step kind can meet more; what falls out is not written for the next
start."""

COLOR, SCALAR, OFFSET, SPACING, TRANSITION, LAYOUT, TUPLE, LIST, DICT = "csopTltLd"
"""The tags of the values :func:`encode_value` writes as lists ``[tag, ...]``."""

_PRIMITIVES = (str, int, float, bool, type(None))
_STYLES_STATE = {"node", "_rules", "_updates", "important", "get_rule", "has_rule"}
"""What a parsed ``Styles`` holds in Textual 8.2.8: anything else is not kept."""


class NotPlain(ValueError):
    """A value :func:`encode` does not know, or data :func:`decode` refuses."""


def cache_file() -> str:
    return os.path.join(cachefile.folder(), NAME)


@functools.cache
def _textual() -> str:
    """Which Textual this is: where it is installed and when its CSS modules were
    written (``textual.__version__`` reads the package's metadata: 20 ms)."""
    folder = os.path.dirname(textual.__file__ or "")
    stamps = [
        os.stat(os.path.join(folder, "css", name)).st_mtime_ns
        for name in ("parse.py", "model.py", "styles.py", "stylesheet.py")
    ]
    return f"{folder}|{stamps}"


def _key(stylesheet: Stylesheet) -> str:
    """One line (a hash) naming all that the parsed rules depend on besides the text."""
    variables = sorted(stylesheet._variables.items())
    named = f"{VERSION}|{sys.version}|{_textual()}|{variables!r}"
    return hashlib.sha256(named.encode("utf-8")).hexdigest()


def _room(stylesheet: Stylesheet) -> LRUCache[tuple[Any, ...], Any]:
    """Textual's parse cache, made roomy enough to keep what a run parses."""
    cache = stylesheet._parse_cache
    if cache.maxsize < ROOM:
        cache.grow(ROOM)
    return cache


# --------------------------------------------------------------------------- the data form


def encode_value(value: object) -> object:
    """A rule's value as plain data."""
    kind = type(value)
    if kind in _PRIMITIVES:
        return value
    if kind is Color:
        color = cast(Color, value)
        return [COLOR, color.r, color.g, color.b, color.a, color.ansi, color.auto]
    if kind is Scalar:
        scalar = cast(Scalar, value)
        return [SCALAR, scalar.value, scalar.unit.value, scalar.percent_unit.value]
    if kind is ScalarOffset:
        offset = cast(ScalarOffset, value)
        return [OFFSET, encode_value(offset.x), encode_value(offset.y)]
    if kind is Spacing:
        return [SPACING, *cast(Spacing, value)]
    if kind is Transition:
        return [TRANSITION, *cast(Transition, value)]
    if isinstance(value, Layout) and LAYOUT_MAP.get(value.name) is kind:
        return [LAYOUT, value.name]
    if kind is tuple:
        return [TUPLE, *(encode_value(item) for item in cast(tuple[object, ...], value))]
    if kind is list:
        return [LIST, *(encode_value(item) for item in cast(list[object], value))]
    if kind is dict:
        items = cast(dict[object, object], value).items()
        return [DICT, *((_text(key), encode_value(item)) for key, item in items)]
    raise NotPlain(f"a rule value of type {kind.__qualname__}")


def _number(value: object) -> float:
    if type(value) is int or type(value) is float:
        return value
    raise NotPlain("not a number")


def _text(value: object) -> str:
    if type(value) is not str:
        raise NotPlain("not a text")
    return value


def _list(value: object) -> list[object]:
    if type(value) is not list:
        raise NotPlain("not a list")
    return value


def _tuple(data: object, length: int) -> tuple[object, ...]:
    if type(data) is not tuple or len(data) != length:
        raise NotPlain("not built data")
    return data


def _texts(value: object) -> set[str]:
    texts = set(_list(value))
    if any(type(text) is not str for text in texts):
        raise NotPlain("not texts")
    return texts  # type: ignore[return-value]


def _ints(value: object, length: int) -> tuple[int, int, int]:
    numbers = _tuple(value, length)
    if any(type(n) is not int for n in numbers):
        raise NotPlain("not a tuple of numbers")
    return numbers  # type: ignore[return-value]


def decode_value(data: object) -> object:
    """The rule value :func:`encode_value` made ``data`` of."""
    kind = type(data)
    if kind in _PRIMITIVES:
        return data
    items = _list(data)
    tag = items[0] if items else None
    rest = items[1:]
    if tag == COLOR and len(rest) == 6:
        r, g, b, a, ansi, auto = rest
        if (ansi is not None and type(ansi) is not int) or type(auto) is not bool:
            raise NotPlain("not a colour")
        red, green, blue = (int(_number(n)) for n in (r, g, b))
        return Color(red, green, blue, _number(a), ansi, auto)
    if tag == SCALAR and len(rest) == 3:
        return Scalar(_number(rest[0]), Unit(rest[1]), Unit(rest[2]))
    if tag == OFFSET and len(rest) == 2:
        x, y = (decode_value(item) for item in rest)
        if type(x) is not Scalar or type(y) is not Scalar:
            raise NotPlain("not an offset")
        return ScalarOffset(x, y)
    if tag == SPACING and len(rest) == 4:
        return Spacing(*(int(_number(n)) for n in rest))
    if tag == TRANSITION and len(rest) == 3:
        return Transition(_number(rest[0]), _text(rest[1]), _number(rest[2]))
    if tag == LAYOUT and len(rest) == 1:
        return get_layout(_text(rest[0]))
    if tag == TUPLE:
        return tuple(decode_value(item) for item in rest)
    if tag == LIST:
        return [decode_value(item) for item in rest]
    if tag == DICT:
        pairs = [_tuple(pair, 2) for pair in rest]
        return {_text(key): decode_value(item) for key, item in pairs}
    raise NotPlain(f"not a rule value: {tag!r}")


def encode(rules: list[RuleSet]) -> object:
    """The rule sets of one stylesheet as plain data; :class:`NotPlain` if they hold
    something not known here."""
    sheets = []
    for rule in rules:
        styles = rule.styles
        if rule.errors or styles.node is not None or set(vars(styles)) != _STYLES_STATE:
            raise NotPlain("not a plain rule set")
        selector_sets = [
            (
                [
                    (
                        selector.name,
                        selector.combinator.value,
                        selector.type.value,
                        sorted(selector.pseudo_classes),
                        selector.specificity,
                        selector.advance,
                    )
                    for selector in selector_set.selectors
                ],
                selector_set.specificity,
            )
            for selector_set in rule.selector_set
        ]
        values = {name: encode_value(value) for name, value in styles._rules.items()}
        sheets.append(
            (
                selector_sets,
                values,
                sorted(styles.important),
                rule.is_default_rules,
                rule.tie_breaker,
                sorted(rule.selector_names),
                sorted(rule.pseudo_classes),
            )
        )
    return sheets


def _selector(data: object) -> Selector:
    name, combinator, kind, pseudo, specificity, advance = _tuple(data, 6)
    return Selector(
        _text(name),
        CombinatorType(combinator),
        SelectorType(kind),
        _texts(pseudo) if pseudo else set(),
        _ints(specificity, 3),
        int(_number(advance)),
    )


def decode(data: object) -> list[RuleSet]:
    """The rule sets :func:`encode` made ``data`` of; :class:`NotPlain` (or another
    ``ValueError``) for anything else."""
    rules = []
    for sheet in _list(data):
        selector_sets, values, important, default, tie_breaker, names, pseudo = _tuple(sheet, 7)
        sets = []
        for selector_set in _list(selector_sets):
            selectors, specificity = _tuple(selector_set, 2)
            # (SelectorSet works out the selectors' ``advance`` again, as parsing does)
            sets.append(
                SelectorSet([_selector(item) for item in _list(selectors)], _ints(specificity, 3))
            )
        if type(values) is not dict or type(default) is not bool:
            raise NotPlain("not built data")
        rule_values = {_text(name): decode_value(value) for name, value in values.items()}
        styles = Styles(None, cast(Any, rule_values), important=_texts(important))
        rules.append(
            RuleSet(
                sets,
                styles,
                [],
                default,
                int(_number(tie_breaker)),
                _texts(names),
                _texts(pseudo) if pseudo else set(),
            )
        )
    return rules


# --------------------------------------------------------------------------- the file


def load(stylesheet: Stylesheet) -> int:
    """Fill the stylesheet's parse cache from the file; how many entries came."""
    cache = _room(stylesheet)
    data = cachefile.read(NAME)
    if data is None:
        return 0
    try:
        if sys.version_info >= (3, 13):
            content = marshal.loads(data, allow_code=False)  # type: ignore[call-arg,unused-ignore]
        else:
            content = marshal.loads(data)
        if type(content) is not dict or content.get("key") != _key(stylesheet):
            return 0  # another theme, Python or Textual
        entries = []
        for entry in _list(content.get("sheets")):
            key, rules = _tuple(entry, 2)
            entries.append((_tuple(key, 5), decode(rules)))
    except Exception:  # data not from save: no cache
        return 0
    for key, rules in entries:
        cache.set(key, rules)
    stylesheet._css_cache_known = set(cache.keys())  # type: ignore[attr-defined]
    return len(entries)


def save(stylesheet: Stylesheet) -> bool:
    """Write the stylesheet's parse cache if it holds something the file does not;
    True if it was written."""
    cache = stylesheet._parse_cache
    keys = set(cache.keys())
    if not keys or keys <= getattr(stylesheet, "_css_cache_known", set()):
        return False
    sheets = []
    for key in keys:
        try:
            rules = encode(cache[key])
            marshal.dumps(key)
        except Exception:  # a rule not known here: that stylesheet is parsed each time
            continue
        sheets.append((key, rules))
    try:
        data = marshal.dumps({"key": _key(stylesheet), "sheets": sheets})
    except Exception:
        return False
    if not cachefile.write(NAME, data):  # a folder that cannot be written: no cache
        return False
    stylesheet._css_cache_known = keys  # type: ignore[attr-defined]
    return True
