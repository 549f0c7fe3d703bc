"""The "verslag": what a session captured, as Markdown, HTML (Rich's own export) or CSV.

A report is a list of simple *blocks* (``Heading``, ``Paragraph``, ``Fields``,
``Bullets``, ``Table``, ``Bars``) that render both to Markdown (``to_markdown``)
and to a Rich renderable (``to_rich``); HTML is Rich's ``export_html`` of the
latter. Every step kind has one section function in ``SECTIONS`` that turns a
step and its record into blocks (``[]`` when nothing was captured: the step is
then left out). Participant text is always text: Markdown escapes whatever would
change its meaning, and Rich only ever gets it inside ``rich.text.Text``, never
as a markup string.

A session whose workshop cannot be found still reports everything it captured:
each record is shown with a stand-in step made from the record alone
(``stand_in_step``), with ids where titles are unknown.

This module never imports textual.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Text

from samen_tui.i18n import plural, t
from samen_tui.session import stats
from samen_tui.session.codec import DecodeError, decode
from samen_tui.session.model import (
    GROUP,
    RECORD_CLASSES,
    Action,
    ActionsRecord,
    BrainstormRecord,
    ContentRecord,
    ConversationRecord,
    ParticipantsRecord,
    QuestionsRecord,
    RateRecord,
    Record,
    ReferencesRecord,
    Session,
    SortRecord,
)
from samen_tui.session.store import SessionReadError, load_session
from samen_tui.workshop.catalog import find_workshops
from samen_tui.workshop.loader import WorkshopError, load_workshop
from samen_tui.workshop.model import (
    ActionsStep,
    BrainstormStep,
    Category,
    ContentStep,
    ConversationStep,
    Flow,
    ParticipantsStep,
    Phase,
    Prompt,
    Question,
    QuestionsStep,
    RateItem,
    RateStep,
    ReferencesStep,
    Scale,
    SortStep,
    Step,
    Voting,
    Workshop,
)
from samen_tui.workshop.model import (
    Group as RateGroup,
)

# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2
    """1 for the report's title, 2 for an agenda item, 3 for a step, 4 below that."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""
    """Shown bold before the text."""
    note: bool = False
    """A remark of the report itself (shown in italics), not captured content."""


@dataclass(frozen=True)
class Fields:
    """Label: value lines."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: str = ""
    """One letter per column, ``l`` or ``r`` (default ``l``)."""

    def justify(self, column: int) -> Literal["left", "right"]:
        return "right" if self.align[column : column + 1] == "r" else "left"


@dataclass(frozen=True)
class BarRow:
    label: str
    value: float | None
    text: str
    """The value as shown (formatted), or why there is none."""


@dataclass(frozen=True)
class Bars:
    """Horizontal bars on one scale from ``low`` to ``high``."""

    rows: tuple[BarRow, ...]
    low: float
    high: float


Block = Heading | Paragraph | Fields | Bullets | Table | Bars

BAR_WIDTH = 20


def bar_string(value: float | None, low: float, high: float, width: int = BAR_WIDTH) -> str:
    """``████████░░░░`` for ``value`` on ``low..high``; all light when ``None``."""
    if value is None or high <= low:
        return "░" * width
    fraction = min(max((value - low) / (high - low), 0.0), 1.0)
    filled = round(fraction * width)
    return "█" * filled + "░" * (width - filled)


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~$])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^([-+=])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def md_escape_line(line: str, *, block_start: bool = True) -> str:
    """One line of text, escaped so Markdown shows it as it is. ``block_start``:
    the line starts a block (a paragraph or a list item), where ``- ``, ``+ ``,
    ``1. `` and ``===`` would also mean something."""
    line = _MD_SPECIAL.sub(r"\\\1", line.strip())
    line = _MD_ENTITY.sub(r"\\&", line)
    if block_start:
        line = _MD_LINE_START.sub(r"\\\1", line)
        line = _MD_ORDERED.sub(r"\1\\\2", line)
    return line


def md_inline(text: str, *, block_start: bool = True) -> str:
    """Text on one line (line breaks become spaces), escaped."""
    return md_escape_line(
        " ".join(part.strip() for part in text.splitlines() if part.strip()),
        block_start=block_start,
    )


def md_text(text: str) -> str:
    """Text that may span lines: each line escaped, line breaks kept (hard breaks)."""
    lines = [md_escape_line(line) for line in text.strip().splitlines()]
    return "\\\n".join(line for line in lines if line)


def _md_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {md_inline(block.text, block_start=False)}"
    if isinstance(block, Paragraph):
        body = md_text(block.text)
        if block.note:
            body = f"_{body}_"
        return f"**{md_inline(block.label)}** {body}" if block.label else body
    if isinstance(block, Fields):
        return "\n".join(f"- **{md_inline(k)}:** {md_inline(v)}" for k, v in block.pairs)
    if isinstance(block, Bullets):
        return "\n".join(f"- {md_inline(item)}" for item in block.items)
    if isinstance(block, Table):
        head = "| " + " | ".join(md_inline(h, block_start=False) for h in block.headers) + " |"
        rule = (
            "| "
            + " | ".join(
                "---:" if block.justify(i) == "right" else "---" for i in range(len(block.headers))
            )
            + " |"
        )
        rows = [
            "| " + " | ".join(md_inline(cell, block_start=False) for cell in row) + " |"
            for row in block.rows
        ]
        return "\n".join([head, rule, *rows])
    if isinstance(block, Bars):
        return "\n".join(
            f"- {md_inline(row.label)}: {bar_string(row.value, block.low, block.high)}"
            f" {md_inline(row.text)}"
            for row in block.rows
        )
    raise TypeError(f"not a report block: {block!r}")  # pragma: no cover


def to_markdown(blocks: Iterable[Block]) -> str:
    """The blocks as Markdown, one blank line between blocks, ending in a newline."""
    return "\n\n".join(_md_block(block) for block in blocks) + "\n"


# --------------------------------------------------------------------------- rich


def _grid(*justify: str) -> RichTable:
    grid = RichTable.grid(padding=(0, 1))
    for j in justify:
        grid.add_column(justify="right" if j == "r" else "left", no_wrap=j == "n")
    return grid


def _rich_block(block: Block) -> RenderableType:
    if isinstance(block, Heading):
        if block.level <= 1:
            return Panel(Text(block.text, style="bold", justify="center"), box=box.DOUBLE)
        if block.level == 2:
            return Rule(Text(block.text, style="bold"), align="left", style="cyan")
        if block.level == 3:
            return Text(block.text, style="bold underline")
        return Text(block.text, style="bold")
    if isinstance(block, Paragraph):
        text = Text(block.text.strip(), style="italic dim" if block.note else "")
        if block.label:
            return Text.assemble(Text(block.label, style="bold"), " ", text)
        return text
    if isinstance(block, Fields):
        grid = _grid("n", "l")
        for label, value in block.pairs:
            grid.add_row(Text(f"{label}:", style="bold"), Text(value))
        return grid
    if isinstance(block, Bullets):
        grid = _grid("n", "l")
        for item in block.items:
            grid.add_row(Text("•"), Text(item))
        return grid
    if isinstance(block, Table):
        table = RichTable(box=box.SIMPLE_HEAD, header_style="bold", show_edge=False)
        for index, header in enumerate(block.headers):
            table.add_column(Text(header), justify=block.justify(index))
        for row in block.rows:
            table.add_row(*(Text(cell) for cell in row))
        return table
    if isinstance(block, Bars):
        grid = _grid("l", "n", "l")
        for bar_row in block.rows:
            bar = bar_string(bar_row.value, block.low, block.high)
            filled = len(bar.rstrip("░"))
            grid.add_row(
                Text(bar_row.label),
                Text.assemble(Text(bar[:filled], style="cyan"), Text(bar[filled:], style="dim")),
                Text(bar_row.text),
            )
        return grid
    raise TypeError(f"not a report block: {block!r}")  # pragma: no cover


def to_rich(blocks: Iterable[Block]) -> Group:
    """The blocks as one Rich renderable (a blank line between blocks)."""
    parts: list[RenderableType] = []
    for block in blocks:
        if parts:
            parts.append(Text(""))
        parts.append(_rich_block(block))
    return Group(*parts)


# --------------------------------------------------------------------------- formatting


def fmt_number(value: float | None, digits: int = 1) -> str:
    """A number with the decimal sign of the language (``3,5`` in Dutch)."""
    if value is None:
        return t("report.none")
    return f"{value:.{digits}f}".replace(".", t("report.decimal"))


def fmt_date(value: dt.date | None) -> str:
    """``12 maart 2025`` (the language's month names)."""
    if value is None:
        return ""
    return t(
        "report.date_format", day=value.day, month=t(f"report.month.{value.month}"), year=value.year
    )


def fmt_when(value: dt.date | None) -> str:
    """A deadline: the ISO date (unambiguous and sortable)."""
    return value.isoformat() if value is not None else ""


def action_who(session: Session, who: str) -> str:
    """The name of whoever does an action: a participant id resolves to the name,
    anything else is the text as typed."""
    participant = session.participant(who) if who else None
    return participant.name if participant is not None else who


def card_who(session: Session, who: str) -> str:
    """Who said a card or answer: the participant's name, or the group."""
    return session.who_name(who, group=stats.group_label())


def status_label(action: Action) -> str:
    return t(f"report.status.{action.status}")


_workshop: ContextVar[Workshop | None] = ContextVar("samen_report_workshop", default=None)


@contextmanager
def using_workshop(workshop: Workshop | None) -> Iterator[None]:
    """Let sections name other steps by their title (the action list's "from")."""
    token = _workshop.set(workshop)
    try:
        yield
    finally:
        _workshop.reset(token)


def step_title(step_id: str) -> str:
    workshop = _workshop.get()
    step = workshop.step(step_id) if workshop is not None else None
    return step.title if step is not None else step_id


# --------------------------------------------------------------------------- sections

Section = Callable[[Step, Record | None, Session], list[Block]]
S = TypeVar("S", bound=Step)
R = TypeVar("R", bound=Record)


def _as(step: Step, cls: type[S]) -> S:
    if not isinstance(step, cls):
        raise TypeError(f"step {step.id!r} is a {step.KIND!r} step, not {cls.KIND!r}")
    return step


def _rec(rec: Record | None, cls: type[R]) -> R | None:
    return rec if isinstance(rec, cls) else None


def _notes(text: str) -> list[Block]:
    return [Paragraph(text, label=t("report.notes"))] if text.strip() else []


def content_section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """A slide: only the trainer's notes, if any."""
    _as(step, ContentStep)
    record = _rec(rec, ContentRecord)
    return _notes(record.notes) if record is not None else []


def participants_section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """Who was there in one line (the table is at the top of the report) and notes."""
    _as(step, ParticipantsStep)
    record = _rec(rec, ParticipantsRecord)
    blocks: list[Block] = []
    if session.participants:
        orgs = {p.organisation.strip() for p in session.participants if p.organisation.strip()}
        blocks.append(
            Paragraph(
                plural("report.participants.count", len(session.participants), orgs=len(orgs))
            )
        )
    if record is not None:
        blocks.extend(_notes(record.notes))
    return blocks


def sort_section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """The motive map: counts per category, the cards per category with who said
    them, and the counts per organisation."""
    sort = _as(step, SortStep)
    record = _rec(rec, SortRecord)
    if record is None or (not record.cards and not record.notes.strip()):
        return []
    titles = {c.id: c.title for c in sort.categories}
    counts = stats.category_counts(sort, record)
    blocks: list[Block] = []
    if record.cards:
        blocks.append(
            Table(
                (t("report.sort.category"), t("report.sort.cards")),
                tuple((titles.get(cid, cid), str(n)) for cid, n in counts.items()),
                align="lr",
            )
        )
        for cid, n in counts.items():
            if not n:
                continue
            blocks.append(Heading(f"{titles.get(cid, cid)} ({n})", level=4))
            blocks.append(
                Bullets(
                    tuple(
                        t("report.said_by", text=card.text, who=card_who(session, card.who))
                        for card in record.cards
                        if card.category == cid
                    )
                )
            )
        by_org = stats.organisation_counts(session, record, sort)
        columns = [cid for cid, n in counts.items() if n]
        blocks.append(Heading(t("report.sort.per_organisation"), level=4))
        blocks.append(
            Table(
                (
                    t("report.organisation"),
                    *(titles.get(cid, cid) for cid in columns),
                    t("report.total"),
                ),
                tuple(
                    (org, *(str(row.get(cid, 0)) for cid in columns), str(sum(row.values())))
                    for org, row in by_org.items()
                ),
                align="l" + "r" * (len(columns) + 1),
            )
        )
    blocks.extend(_notes(record.notes))
    return blocks


def rate_section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """Ratings per cluster: a bar per cluster with its mean, the items with mean
    and spread, the weakest items marked and listed."""
    rate = _as(step, RateStep)
    record = _rec(rec, RateRecord)
    if record is None:
        return []
    item_stats = stats.item_ratings(rate, record)
    if not any(s.rated or s.note.strip() for s in item_stats) and not record.notes.strip():
        return []
    low, high = rate.scale.min, rate.scale.max
    means = stats.group_means(rate, record)
    weak = stats.weakest(rate, record)
    weak_ids = {s.item.id for s in weak}
    blocks: list[Block] = [
        Paragraph(
            t(
                "report.rate.scale",
                low=low,
                high=high,
                low_label=rate.scale.label(low),
                high_label=rate.scale.label(high),
            ),
            note=True,
        ),
        Bars(
            tuple(
                BarRow(
                    group.title,
                    means[group.id],
                    fmt_number(means[group.id])
                    if means[group.id] is not None
                    else t("report.rate.unrated"),
                )
                for group in rate.groups
            ),
            low,
            high,
        ),
    ]
    headers = (
        t("report.rate.item"),
        t("report.rate.mean"),
        t("report.rate.spread"),
        t("report.rate.n"),
        t("report.rate.note"),
        "",
    )
    for group in rate.groups:
        rows = []
        for s in item_stats:
            if s.item.group != group.id:
                continue
            rows.append(
                (
                    s.item.title,
                    fmt_number(s.mean),
                    str(s.spread) if s.spread is not None else t("report.none"),
                    str(s.n),
                    s.note.strip(),
                    t("report.rate.weak_mark") if s.item.id in weak_ids else "",
                )
            )
        blocks.append(Heading(f"{group.title} ({fmt_number(means[group.id])})", level=4))
        blocks.append(Table(headers, tuple(rows), align="lrrrll"))
    if weak:
        blocks.append(Paragraph(t("report.rate.weakest"), label=""))
        blocks.append(
            Bullets(
                tuple(
                    t(
                        "report.rate.weak_item",
                        title=s.item.title,
                        mean=fmt_number(s.mean),
                        spread=s.spread,
                    )
                    for s in weak
                )
            )
        )
    blocks.extend(_notes(record.notes))
    return blocks


def brainstorm_section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """Ideas per prompt, ranked by votes when the step has voting."""
    brainstorm = _as(step, BrainstormStep)
    record = _rec(rec, BrainstormRecord)
    if record is None or (not record.ideas and not record.notes.strip()):
        return []
    prompts = list(brainstorm.prompts)
    known = {p.id for p in prompts}
    for idea in record.ideas:
        if idea.prompt not in known:
            prompts.append(Prompt(id=idea.prompt, title=idea.prompt or t("report.other")))
            known.add(idea.prompt)
    voted = brainstorm.voting is not None or any(idea.votes for idea in record.ideas)
    blocks: list[Block] = []
    for prompt in prompts:
        ideas = stats.ranked(brainstorm, record, prompt.id)
        if not ideas:
            continue
        blocks.append(Heading(prompt.title, level=4))
        if voted:
            blocks.append(
                Table(
                    (
                        t("report.brainstorm.rank"),
                        t("report.brainstorm.idea"),
                        t("report.brainstorm.votes"),
                        t("report.brainstorm.who"),
                    ),
                    tuple(
                        (str(rank), idea.text, str(idea.total_votes), card_who(session, idea.who))
                        for rank, idea in zip(stats.ranks(ideas), ideas, strict=True)
                    ),
                    align="rlrl",
                )
            )
        else:
            blocks.append(
                Bullets(
                    tuple(
                        t("report.said_by", text=idea.text, who=card_who(session, idea.who))
                        for idea in ideas
                    )
                )
            )
    blocks.extend(_notes(record.notes))
    return blocks


def conversation_section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """The chosen flow, the notes per phase, mandates and decisions (the actions
    are in the action list)."""
    conversation = _as(step, ConversationStep)
    record = _rec(rec, ConversationRecord)
    if record is None or record.is_empty():
        return []
    blocks: list[Block] = []
    flow = next((f for f in conversation.flows if f.id == record.flow), None)
    if record.flow:
        chosen = flow.title if flow is not None else record.flow
        if flow is not None and flow.phases:
            chosen += " (" + ", ".join(p.title for p in flow.phases) + ")"
        blocks.append(Paragraph(chosen, label=t("report.conversation.flow")))
    phases: list[Phase] = list(flow.phases) if flow is not None else []
    for other in conversation.flows:
        phases.extend(p for p in other.phases if p.id not in {q.id for q in phases})
    titles = {p.id: p.title for p in phases}
    order = [p.id for p in phases]
    for phase_id in sorted(
        (k for k, v in record.notes.items() if v.strip()),
        key=lambda k: order.index(k) if k in order else len(order),
    ):
        blocks.append(Heading(titles.get(phase_id, phase_id), level=4))
        blocks.append(Paragraph(record.notes[phase_id]))
    if record.mandates:
        blocks.append(Heading(t("report.conversation.mandates"), level=4))
        blocks.append(
            Table(
                (
                    t("report.mandate.partner"),
                    t("report.mandate.take_back"),
                    t("report.mandate.holder"),
                    t("report.mandate.by"),
                ),
                tuple(
                    (m.partner, m.take_back, action_who(session, m.holder), fmt_when(m.by))
                    for m in record.mandates
                ),
            )
        )
    if record.decisions:
        blocks.append(Heading(t("report.conversation.decisions"), level=4))
        blocks.append(Bullets(tuple(d.text for d in record.decisions)))
    if record.actions:
        count = plural("report.conversation.actions", len(record.actions))
        blocks.append(Paragraph(count, note=True))
    return blocks


def questions_section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """Each question with its answers (and who gave them, when attributed)."""
    questions = _as(step, QuestionsStep)
    record = _rec(rec, QuestionsRecord)
    if record is None or not record.answers:
        return []
    asked = list(questions.questions)
    known = {q.id for q in asked}
    extra = [a for a in record.answers if a.question not in known]
    blocks: list[Block] = []
    for question in asked:
        answers = [a for a in record.answers if a.question == question.id and a.text.strip()]
        if not answers:
            continue
        blocks.append(Heading(question.text, level=4))
        blocks.append(
            Bullets(
                tuple(
                    t("report.said_by", text=a.text, who=card_who(session, a.who))
                    if questions.attributed and a.who != GROUP
                    else a.text
                    for a in answers
                )
            )
        )
    if extra:
        blocks.append(Heading(t("report.other"), level=4))
        blocks.append(
            Bullets(
                tuple(
                    t("report.said_by", text=a.text, who=card_who(session, a.who))
                    if a.who != GROUP
                    else a.text
                    for a in extra
                )
            )
        )
    return blocks


def action_rows(session: Session) -> list[tuple[str, Action]]:
    """Every action of the session with the id of its step, by date (undated last);
    actions with the same date keep their order."""
    actions = session.all_actions()
    return sorted(actions, key=lambda sa: (sa[1].when is None, sa[1].when or dt.date.min))


def action_list(session: Session) -> list[Block]:
    """The action list: wie / wat / wanneer / status / from where."""
    rows = action_rows(session)
    if not rows:
        return []
    return [
        Table(
            (
                t("report.action.who"),
                t("report.action.what"),
                t("report.action.when"),
                t("report.action.status"),
                t("report.action.from"),
            ),
            tuple(
                (
                    action_who(session, a.who),
                    a.what,
                    fmt_when(a.when),
                    status_label(a),
                    t("report.action.taken_over", origin=a.origin)
                    if a.origin
                    else step_title(step_id),
                )
                for step_id, a in rows
            ),
        )
    ]


def actions_section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """Every action across the session (not only this step's)."""
    _as(step, ActionsStep)
    return action_list(session)


def references_section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """The references from the workshop (to take home) and any notes."""
    references = _as(step, ReferencesStep)
    record = _rec(rec, ReferencesRecord)
    blocks: list[Block] = []
    if references.references:
        blocks.append(
            Bullets(
                tuple(
                    " — ".join(part for part in (r.title, r.url, r.note) if part)
                    for r in references.references
                )
            )
        )
    if record is not None:
        blocks.extend(_notes(record.notes))
    return blocks


SECTIONS: dict[str, Section] = {
    "content": content_section,
    "participants": participants_section,
    "sort": sort_section,
    "rate": rate_section,
    "brainstorm": brainstorm_section,
    "conversation": conversation_section,
    "questions": questions_section,
    "actions": actions_section,
    "references": references_section,
}
"""The report section of every step kind (see ``samen_tui.kinds``)."""


# --------------------------------------------------------------------------- stand-ins


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def stand_in_step(step_id: str, rec: Record) -> Step:
    """A step made from a record alone, so a record whose step is unknown (no
    workshop, or a step since removed from it) still goes through its section.
    Titles are the ids the record holds."""
    title = step_id
    if isinstance(rec, SortRecord):
        return SortStep(
            id=step_id,
            title=title,
            categories=tuple(
                Category(id=c, title=c or t("report.other"))
                for c in _unique(card.category for card in rec.cards)
            ),
        )
    if isinstance(rec, RateRecord):
        return RateStep(
            id=step_id,
            title=title,
            groups=(RateGroup(id="", title=t("report.rate.items")),),
            items=tuple(RateItem(id=k, title=k, group="") for k in rec.ratings),
            scale=_stand_in_scale(rec),
        )
    if isinstance(rec, BrainstormRecord):
        return BrainstormStep(
            id=step_id,
            title=title,
            prompts=tuple(
                Prompt(id=p, title=p or t("report.other"))
                for p in _unique(i.prompt for i in rec.ideas)
            ),
            voting=Voting() if any(i.votes for i in rec.ideas) else None,
        )
    if isinstance(rec, ConversationRecord):
        phases = tuple(Phase(id=k, title=k, question="") for k in rec.notes)
        flows = (Flow(id=rec.flow, title=rec.flow, phases=phases),) if rec.flow else ()
        return ConversationStep(id=step_id, title=title, flows=flows)
    if isinstance(rec, QuestionsRecord):
        return QuestionsStep(
            id=step_id,
            title=title,
            questions=tuple(
                Question(id=q, text=q) for q in _unique(a.question for a in rec.answers) if q
            ),
        )
    if isinstance(rec, ReferencesRecord):
        return ReferencesStep(id=step_id, title=title, references=())
    if isinstance(rec, ParticipantsRecord):
        return ParticipantsStep(id=step_id, title=title)
    if isinstance(rec, ActionsRecord):
        return ActionsStep(id=step_id, title=title)
    return ContentStep(id=step_id, title=title)


def _stand_in_scale(rec: RateRecord) -> Scale:
    """The default scale, widened to hold every value the record has."""
    values = [
        v
        for rating in rec.ratings.values()
        for v in ([rating.group] if rating.group is not None else []) + list(rating.by.values())
    ]
    default = Scale()
    low = min([default.min, *values])
    high = max([default.max, *values])
    if (low, high) == (default.min, default.max):
        return default
    return Scale(min=low, max=high, labels=())


def _decode_removed(raw: dict[str, Any]) -> Record | None:
    kind = raw.get("kind")
    cls = RECORD_CLASSES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        return None
    try:
        return decode(cls, raw)
    except DecodeError:
        return None


# --------------------------------------------------------------------------- the report


def _header(workshop: Workshop | None, session: Session) -> list[Block]:
    title = session.title.strip() or (workshop.title if workshop else "") or session.workshop
    pairs: list[tuple[str, str]] = []
    pairs.append(
        (t("report.workshop"), workshop.title if workshop is not None else session.workshop)
    )
    if session.started is not None:
        pairs.append((t("report.date"), fmt_date(session.started.date())))
        times = session.started.strftime("%H:%M")
        if session.ended is not None:
            times += "–" + session.ended.strftime("%H:%M")
        pairs.append((t("report.time"), times))
    if session.place.strip():
        pairs.append((t("report.place"), session.place.strip()))
    if session.trainer.strip():
        pairs.append((t("report.trainer"), session.trainer.strip()))
    blocks: list[Block] = [Heading(t("report.title", title=title), level=1), Fields(tuple(pairs))]
    if workshop is None:
        blocks.append(Paragraph(t("report.no_workshop", id=session.workshop), note=True))
    elif (
        session.fingerprint and workshop.fingerprint and session.fingerprint != workshop.fingerprint
    ):
        blocks.append(Paragraph(t("report.workshop_changed"), note=True))
    blocks.append(Heading(t("report.participants"), level=2))
    if session.participants:
        blocks.append(
            Table(
                (t("report.participant.name"), t("report.organisation"), t("report.role")),
                tuple((p.name, p.organisation, p.role) for p in session.participants),
            )
        )
    else:
        blocks.append(Paragraph(t("report.nothing"), note=True))
    return blocks


def _section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    section = SECTIONS.get(step.KIND)
    if section is None:  # pragma: no cover - every kind is registered (tests check)
        return []
    if rec is not None and rec.KIND != step.KIND:
        rec = None
    return section(step, rec, session)


def _minutes(seconds: int) -> int:
    return (seconds + 30) // 60


def report_blocks(workshop: Workshop | None, session: Session) -> list[Block]:
    """The whole verslag as blocks. ``workshop`` ``None``: from the records alone."""
    with using_workshop(workshop):
        blocks = _header(workshop, session)
        shown_actions = False
        used: set[str] = set()
        if workshop is not None:
            for number, item in enumerate(workshop.items, start=1):
                blocks.append(Heading(f"{number}. {item.title}", level=2))
                spent = session.items.get(item.id)
                if spent is not None and spent.seconds > 0:
                    blocks.append(
                        Paragraph(
                            t(
                                "report.item_time",
                                spent=_minutes(spent.seconds),
                                planned=item.minutes,
                            ),
                            note=True,
                        )
                    )
                item_blocks: list[Block] = []
                for step in item.steps:
                    rec = session.records.get(step.id)
                    if rec is not None and rec.KIND == step.KIND:
                        used.add(step.id)
                    content = _section(step, rec, session)
                    if content:
                        shown_actions = shown_actions or isinstance(step, ActionsStep)
                        item_blocks.append(Heading(step.title, level=3))
                        item_blocks.extend(content)
                blocks.extend(item_blocks or [Paragraph(t("report.nothing"), note=True)])
        others: list[tuple[str, Record]] = [
            (step_id, rec)
            for step_id, rec in session.records.items()
            if step_id not in used and not isinstance(rec, ActionsRecord)
        ]
        for step_id, raw in session.removed_steps.items():
            decoded = _decode_removed(raw)
            if decoded is not None and not isinstance(decoded, ActionsRecord):
                others.append((step_id, decoded))
        other_blocks: list[Block] = []
        for step_id, rec in others:
            content = _section(stand_in_step(step_id, rec), rec, session)
            if content:
                other_blocks.append(Heading(step_id, level=3))
                other_blocks.extend(content)
        if other_blocks:
            blocks.append(Heading(t("report.other_records"), level=2))
            if workshop is not None:
                blocks.append(Paragraph(t("report.other_records.note"), note=True))
            blocks.extend(other_blocks)
        if not shown_actions and session.all_actions():
            blocks.append(Heading(t("report.actions"), level=2))
            blocks.extend(action_list(session))
    return blocks


def report_markdown(workshop: Workshop | None, session: Session) -> str:
    """The verslag as Markdown."""
    return to_markdown(report_blocks(workshop, session))


def render_html(blocks: Sequence[Block], width: int = 100) -> str:
    """Blocks to HTML through Rich's own export."""
    console = Console(record=True, width=width, file=io.StringIO(), color_system="truecolor")
    console.print(to_rich(blocks))
    return console.export_html()


def report_html(workshop: Workshop | None, session: Session) -> str:
    """The verslag as HTML (Rich's ``export_html``)."""
    return render_html(report_blocks(workshop, session))


def report_csv(session: Session, workshop: Workshop | None = None) -> str:
    """The actions as CSV: wie, wat, wanneer (ISO date), status, stap, herkomst;
    a header row in the language (Dutch by default). ``stap`` is the step's title
    when ``workshop`` is given, else its id; ``herkomst`` the session an action was
    taken over from."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            t("report.csv.who"),
            t("report.csv.what"),
            t("report.csv.when"),
            t("report.csv.status"),
            t("report.csv.step"),
            t("report.csv.origin"),
        ]
    )
    with using_workshop(workshop):
        for step_id, action in action_rows(session):
            writer.writerow(
                [
                    action_who(session, action.who),
                    action.what,
                    fmt_when(action.when),
                    status_label(action),
                    step_title(step_id),
                    action.origin,
                ]
            )
    return out.getvalue()


# --------------------------------------------------------------------------- export

FORMATS = {"md": "md", "markdown": "md", "html": "html", "csv": "csv"}


class ExportError(ValueError):
    """A session that cannot be exported (unreadable file, unknown format)."""


def _format(fmt: str) -> str:
    kind = FORMATS.get(fmt.lower().lstrip("."))
    if kind is None:
        raise ExportError(t("report.export.format", fmt=fmt, formats="md, html, csv"))
    return kind


def render(workshop: Workshop | None, session: Session, fmt: str) -> str:
    """The verslag as ``md`` or ``html``, or the actions as ``csv``; an unknown
    format is an :class:`ExportError`."""
    kind = _format(fmt)
    if kind == "md":
        return report_markdown(workshop, session)
    if kind == "html":
        return report_html(workshop, session)
    return report_csv(session, workshop)


def load_session_file(path: Path) -> Session:
    """Read a session file through the store; a problem is an :class:`ExportError`."""
    try:
        return load_session(path)
    except SessionReadError as exc:
        raise ExportError(str(exc)) from None
    except (OSError, ValueError) as exc:
        raise ExportError(t("report.export.unreadable", path=str(path), reason=str(exc))) from None


def _dirs(workshop_dirs: Iterable[Path | tuple[str, Path]]) -> list[tuple[str, Path]]:
    return [d if isinstance(d, tuple) else (str(d), Path(d)) for d in workshop_dirs]


def find_workshop(
    workshop_id: str, workshop_dirs: Iterable[Path | tuple[str, Path]]
) -> Workshop | None:
    """The workshop with this id in the folders, as the app finds it (first folder
    wins, see ``samen_tui.workshop.catalog``); ``None`` when there is none or its
    file does not load (``samen check`` explains why)."""
    if not workshop_id:
        return None
    for entry in find_workshops(_dirs(workshop_dirs)):
        if entry.id == workshop_id:
            try:
                workshop = load_workshop(entry.path)
            except WorkshopError:
                return None
            return workshop if workshop.id == workshop_id else None
    return None


def export_session(
    session_path: Path,
    fmt: str,
    out_path: Path | None = None,
    workshop_dirs: Iterable[Path | tuple[str, Path]] = (),
    *,
    workshop: Workshop | None = None,
) -> str | Path:
    """Export a session file as ``md``, ``html`` or ``csv``.

    The workshop is ``workshop`` when given, else looked up by the session's
    workshop id in ``workshop_dirs`` (``paths.workshop_dirs()`` fits); without it
    the report is made from the records alone, with a note. Returns the text, or
    ``out_path`` after writing the text there."""
    _format(fmt)  # an unknown format is refused before anything is read
    session = load_session_file(session_path)
    if workshop is None or workshop.id != session.workshop:
        workshop = find_workshop(session.workshop, workshop_dirs)
    text = render(workshop, session, fmt)
    if out_path is None:
        return text
    try:
        out_path.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise ExportError(
            t("report.export.write", path=str(out_path), reason=exc.strerror or str(exc))
        ) from None
    return out_path
