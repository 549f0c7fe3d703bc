"""What the rate step's view draws, as Rich text: a score as dots, a mean as a bar,
numbers in the language. Never imports textual."""

from __future__ import annotations

from rich.text import Text

from samen_tui.i18n import t
from samen_tui.kinds.rate.model import RateStep, Scale
from samen_tui.kinds.rate.stats import ItemStat

MEAN_WIDTH = 5
SPREAD_WIDTH = 5


def number(value: float) -> str:
    """A mean with one decimal, with the language's decimal mark."""
    return f"{value:.1f}".replace(".", t("rate.decimal"))


SCORE_KEYS = "1234567890"
"""The keys that score: the view binds each once, for every rate step."""


def score_keys(scale: Scale) -> list[tuple[str, int]]:
    """(key, value) for every point of the scale that one key gives: the value itself
    when it is one digit (on a scale up to 10, 0 gives 10 when 0 is not on it; 10 is
    typed as 1 then 0, see :func:`typed_score`), else its position (1–9, then 0 for
    the tenth)."""
    values = list(scale.values)
    if scale.max <= 9:
        return [(str(v), v) for v in values]
    if scale.max == 10:
        keys = [(str(v), v) for v in values if v <= 9]
        return keys if 0 in values else [*keys, ("0", 10)]
    return [(str((i + 1) % 10), v) for i, v in enumerate(values[:10])]


TYPING_WINDOW = 1.5
"""Seconds within which a second digit makes a two-digit score with the first."""


def typed_score(scale: Scale, before: str, key: str) -> int | None:
    """The two-digit score ``before`` and ``key`` make on ``scale`` (the 10 of a
    0–10 scale), or None when they make none."""
    if scale.max < 10 or not before:
        return None
    value = int(before + key)
    return value if scale.min <= value <= scale.max else None


def starts_two_digits(scale: Scale, key: str) -> bool:
    """Whether a digit may be the first of a two-digit score on ``scale``."""
    return scale.max >= 10 and scale.min <= int(key + "0") <= scale.max and key != "0"


def score_width(scale: Scale) -> int:
    points = scale.max - scale.min + 1
    label = max((len(label) for label in scale.labels), default=0)
    return 1 + points + 1 + len(str(scale.max)) + (1 + label if label else 0)


def score_text(scale: Scale, value: int | None) -> Text:
    points = scale.max - scale.min + 1
    out = Text(no_wrap=True, overflow="ellipsis")
    if value is None:
        out.append("·" * points, style="dim")
        out.append(f" {t('rate.none')}", style="dim")
        return out
    filled = max(0, min(points, value - scale.min + 1))
    out.append("●" * filled, style="bold")
    out.append("○" * (points - filled), style="dim")
    out.append(f" {value}", style="bold")
    label = scale.label(value)
    if label and label != str(value):
        out.append(f" {label}")
    return out


def bar_text(scale: Scale, mean: float | None, width: int) -> Text:
    """The mean as a bar on the scale (eighths of a cell)."""
    out = Text(no_wrap=True)
    if mean is None:
        out.append("░" * width, style="dim")
        return out
    # like the dots of a score: the lowest point fills one part, the highest all
    points = scale.max - scale.min + 1
    fraction = max(0.0, min(1.0, (mean - scale.min + 1) / points))
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    out.append("█" * full, style="bold")
    if part:
        out.append(" ▏▎▍▌▋▊▉"[part], style="bold")
    out.append("░" * (width - full - (1 if part else 0)), style="dim")
    return out


def shown_key(content: str | Text) -> object:
    """What ``content`` shows, comparable: rich's Text compares its plain text and
    spans, not its own style."""
    if isinstance(content, Text):
        return (content.plain, str(content.style), content.spans)
    return content


def weakest_text(step: RateStep, weak: list[str], stats: dict[str, ItemStat]) -> Text:
    """The line of the weakest items (``weak``: their ids, the weakest first)."""
    out = Text()
    out.append(step.words.get("weakest"), style="bold")
    if not weak:
        out.append(" " + step.words.get("weakest_none", n=step.weakest), style="dim")
    for rank, item_id in enumerate(weak, start=1):
        stat = stats[item_id]
        out.append(f"  {rank}. ", style="bold")
        out.append(stat.item.title)
        if stat.mean is not None:
            out.append(f" {number(stat.mean)}", style="bold")
        if stat.spread:
            out.append(f" ↕{stat.spread}")
    return out
