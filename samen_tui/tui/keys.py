"""Key labels: a binding's description and tooltip are catalog keys, translated when drawn.

Bindings are declared once, on the class, with ``description="key.…"`` and
``tooltip="tip.…"``; whatever shows them (the key bar, F1's help) calls
:func:`label`, so a screen speaks the language that is current when it is drawn,
without rewriting Textual's binding tables.

A widget whose keys mean something of its own (a sort step's category keys, a rate
step's score keys: one static binding per possible key, named after the category or
the score it has in this step) offers ``binding_label(binding) -> str | None``;
:func:`describe` asks it first. Such a widget may also offer
``binding_display(binding) -> str | None`` for the key as shown: a scale without
labels shows its eleven score keys as one hint, "0–10 Score" (the first key shown as
the range, the others labelled ``""``, which :func:`shown` leaves out). And
``binding_group(binding) -> str | None`` puts keys together under one word where the
key bar lacks the room for each one's own: a sort step's "1/2/3 Motief" instead of
three motives, of which only the first had room for its name.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.binding import Binding

from samen_tui.i18n import t


@runtime_checkable
class LabelsBindings(Protocol):
    """A node that names some of its bindings itself."""

    def binding_label(self, binding: Binding) -> str | None:
        """The words for ``binding`` on this node, or None for its description."""
        ...


PREFIXES = ("key.", "tip.")


def label(text: str) -> str:
    """The text of a binding's description or tooltip in the current language."""
    return t(text) if text.startswith(PREFIXES) else text


def _own(node: object, method: str, binding: Binding) -> str | None:
    """What ``node``'s own ``method`` (``binding_display``, ``binding_tooltip``) says
    of ``binding``; None where it has no such method or says nothing."""
    own = getattr(node, method, None)
    text = own(binding) if callable(own) else None
    return text if isinstance(text, str) else None


def display(node: object, binding: Binding, default: str) -> str:
    """The key of ``binding`` as shown: the node's own (``binding_display``), else
    ``default`` (what the app shows for it)."""
    own = _own(node, "binding_display", binding)
    return default if own is None else own


def explain(node: object, binding: Binding) -> str:
    """A binding's tooltip where it is explained (F1): the node's own words for it
    (``binding_tooltip``), else its tooltip in the current language."""
    own = _own(node, "binding_tooltip", binding)
    if own is not None:
        return own
    return label(binding.tooltip) if binding.tooltip else ""


def group(node: object, binding: Binding) -> str:
    """The word that ``binding`` shares with the other keys of its group on the key
    bar when there is no room for each key's own (``binding_group``); "" for none."""
    return _own(node, "binding_group", binding) or ""


def shown(description: str) -> bool:
    """Whether a hint with this description is shown at all (a key that another key's
    hint stands for has the empty description)."""
    return description != ""


def describe(node: object, binding: Binding) -> str:
    """What a binding of ``node`` is called where it is shown: the node's own words
    for it (``binding_label``), else its description in the current language."""
    if isinstance(node, LabelsBindings):
        own = node.binding_label(binding)
        if own is not None:
            return own
    return label(binding.description)
