"""Rules on a field's value beyond its type, for the agenda and for every step.

The loader (:mod:`samen_tui.workshop.loader`) asks :func:`field_rule` for each value it
read, and :func:`step_rules` for the rules that span a step's own fields (those of
:class:`~samen_tui.workshop.model.Step`, which a kind's ``check`` does not repeat).

This module never imports textual.
"""

from __future__ import annotations

from collections.abc import Callable

from samen_tui.i18n import t
from samen_tui.workshop.model import AgendaItem, Problem, Step

MAX_MINUTES = 600
"""The longest timebox an agenda item or a step may have (ten hours)."""


def _minutes(value: object) -> str | None:
    assert isinstance(value, int)
    if not 1 <= value <= MAX_MINUTES:
        return t("workshop.minutes_range", max=MAX_MINUTES, value=value)
    return None


def _steps(value: object) -> str | None:
    return t("workshop.no_steps") if value == () else None


def _rounds(value: object) -> str | None:
    assert isinstance(value, tuple)
    if not value:
        return t("workshop.rounds_empty")
    for minutes in value:
        if not 1 <= minutes <= MAX_MINUTES:
            return t("workshop.rounds_range", max=MAX_MINUTES, value=minutes)
    return None


_FIELD_RULES: dict[tuple[type, str], Callable[[object], str | None]] = {
    (AgendaItem, "minutes"): _minutes,
    (AgendaItem, "steps"): _steps,
}
_STEP_RULES: dict[str, Callable[[object], str | None]] = {
    "minutes": _minutes,
    "rounds": _rounds,
}


def field_rule(cls: type, name: str) -> Callable[[object], str | None] | None:
    """The rule on field ``name`` of ``cls``, if it has one."""
    rule = _FIELD_RULES.get((cls, name))
    if rule is None and issubclass(cls, Step):
        rule = _STEP_RULES.get(name)
    return rule


def flow_problems(items: tuple[AgendaItem, ...]) -> list[Problem]:
    """Where a step's ``from`` points: an earlier step of a kind that holds cards (and,
    for a sort step's ``category``, one of its categories)."""
    from samen_tui.kinds.flow import SOURCES

    problems: list[Problem] = []
    earlier: dict[str, Step] = {}
    for i, item in enumerate(items):
        for j, step in enumerate(item.steps):
            source = getattr(step, "from_", "")
            here: tuple[str | int, ...] = ("items", i, "steps", j)
            target = earlier.get(source) if source else None
            category = getattr(step, "category", "")
            if not source:  # what only chooses among a from's cards means nothing here
                if category:
                    problems.append(
                        ((*here, "category"), t("workshop.from_needed", key="category"))
                    )
                if getattr(step, "top", 0) and hasattr(step, "from_"):
                    problems.append(((*here, "top"), t("workshop.from_needed", key="top")))
            elif target is not None and category and target.KIND != "sort":
                message = t("workshop.category_needs_sort", step=source, kind=target.KIND)
                problems.append(((*here, "category"), message))
            if source and target is None:
                later = any(s.id == source for it in items for s in it.steps)
                key = "workshop.from_later" if later else "workshop.from_unknown"
                problems.append(((*here, "from"), t(key, step=source)))
            elif target is not None and target.KIND not in SOURCES:
                kinds = ", ".join(SOURCES)
                message = t("workshop.from_kind", step=source, kind=target.KIND, kinds=kinds)
                problems.append(((*here, "from"), message))
            elif target is not None and category and target.KIND == "sort":
                known = [c.id for c in getattr(target, "categories", ())]
                if category not in known:
                    choices = ", ".join(known) or "-"
                    message = t("workshop.from_category", category=category, known=choices)
                    problems.append(((*here, "category"), message))
            earlier[step.id] = step
    return problems


def step_rules(obj: object) -> list[Problem]:
    """The rules across a step's own fields: its rounds fit in its minutes."""
    if not isinstance(obj, Step) or not obj.minutes or not obj.rounds:
        return []
    total = sum(obj.rounds)
    if total > obj.minutes:
        return [(("rounds",), t("workshop.rounds_too_long", total=total, minutes=obj.minutes))]
    return []
