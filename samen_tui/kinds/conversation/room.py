"""conversation in the room: before a flow is chosen, the conversation types and
their chains; then the flow's chain of phases with the phase the group is in lit,
its question and what was said there, the mandates, the decisions and the actions
(wie / wat / wanneer).

The session does not keep which phase the trainer is in: the room takes the last
phase of the flow in which something was captured (the first, before anything
was)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.kinds.conversation.model import ConversationStep, Flow, Phase
from samen_tui.kinds.conversation.record import ConversationRecord
from samen_tui.report.helpers import action_who, fmt_day
from samen_tui.room.shown import Shown
from samen_tui.session.codec import encode
from samen_tui.session.model import Session
from samen_tui.tui.room.view import Columns, RoomView, bullets


def chosen_flow(step: ConversationStep, record: ConversationRecord | None) -> Flow | None:
    if record is None or not record.flow:
        return None
    return next((flow for flow in step.flows if flow.id == record.flow), None)


def has_content(phase: Phase, record: ConversationRecord) -> bool:
    """Whether anything was captured in a phase."""
    if record.notes.get(phase.id, "").strip():
        return True
    if phase.capture == "mandates":
        return bool(record.mandates)
    if phase.capture == "decisions":
        return bool(record.decisions or record.actions)
    return False


def current_phase(flow: Flow, record: ConversationRecord) -> Phase | None:
    """The phase the group is in, as far as the session tells (see the module doc)."""
    found = [phase for phase in flow.phases if has_content(phase, record)]
    if found:
        return found[-1]
    return flow.phases[0] if flow.phases else None


def chain(titles: list[str], lit: int = -1) -> Content:
    """Steps joined by arrows, the one at ``lit`` highlighted."""
    parts: list[tuple[str, str] | str] = []
    for index, title in enumerate(titles):
        if index:
            parts.append((" → ", "$text-muted"))
        parts.append((f" {title} ", "bold reverse $accent") if index == lit else (title, ""))
    return Content.assemble(*parts)


def actions_table(session: Session, record: ConversationRecord) -> Static:
    """The step's actions: wie / wat / wanneer."""
    table = Table(box=None, padding=(0, 2, 0, 0), expand=True, header_style="bold")
    table.add_column(t("report.action.who"), ratio=1)
    table.add_column(t("report.action.what"), ratio=2)
    table.add_column(t("report.action.when"), no_wrap=True)
    for action in record.actions:
        table.add_row(
            Text(action_who(session, action.who)), Text(action.what), fmt_day(action.when)
        )
    return Static(table, classes="room-lines")


class ConversationRoom(RoomView):
    """See the module doc."""

    DEFAULT_CSS = """
    ConversationRoom .room-chain { height: auto; margin-bottom: 1; }
    ConversationRoom .room-part { height: auto; margin-top: 1; }
    """

    def key(self, shown: Shown) -> object:
        record = shown.record
        return (
            encode(record) if record is not None else None,
            encode(shown.session.participants),
        )

    def compose(self) -> ComposeResult:
        step = self.step
        assert isinstance(step, ConversationStep)
        record = self.shown.record
        rec = record if isinstance(record, ConversationRecord) else None
        flow = chosen_flow(step, rec)
        if flow is None or rec is None:
            yield from self.intro()
            yield from self._types(step)
            return
        phase = current_phase(flow, rec)
        titles = [p.title for p in flow.phases]
        lit = flow.phases.index(phase) if phase is not None else -1
        yield Static(Content(flow.title), classes="room-hint")
        yield Static(chain(titles, lit), classes="room-chain")
        if phase is not None:
            if phase.question.strip():
                yield Static(Content(phase.question), classes="room-heading")
            said = rec.notes.get(phase.id, "").strip()
            if said:  # what the group said in this phase (the group's, in every verslag)
                yield Static(said, classes="room-lines", markup=False)
        if rec.mandates:
            lines = []
            for mandate in rec.mandates:
                line = Text(mandate.partner or "?", style="bold")
                if mandate.take_back:
                    line.append(f": {mandate.take_back}")
                holder = action_who(self.shown.session, mandate.holder)
                extra = " · ".join(x for x in (holder, fmt_day(mandate.by)) if x)
                if extra:
                    line.append(f" ({extra})", style="dim")
                lines.append(line)
            yield Vertical(
                Static(t("report.conversation.mandates"), classes="room-heading"),
                bullets(lines),
                classes="room-part",
            )
        if rec.decisions:
            yield Vertical(
                Static(t("report.conversation.decisions"), classes="room-heading"),
                bullets(d.text for d in rec.decisions),
                classes="room-part",
            )
        if rec.actions:
            yield Vertical(
                Static(t("room.conversation.actions"), classes="room-heading"),
                actions_table(self.shown.session, rec),
                classes="room-part",
            )

    def _types(self, step: ConversationStep) -> ComposeResult:
        """The conversation types: each one's question, chain and outcome."""
        columns = []
        for kind in step.types:
            parts = [Static(kind.title, classes="room-heading", markup=False)]
            if kind.question.strip():
                parts.append(Static(kind.question, classes="room-hint", markup=False))
            titles = list(kind.chain)
            if kind.outcome.strip():
                titles.append(kind.outcome)
            parts.append(Static(chain(titles), classes="room-lines"))
            columns.append(Vertical(*parts, classes="room-column"))
        if columns:
            yield Columns(*columns, classes="room-columns")
        if step.flows:
            flows = " · ".join(
                f"{flow.title} ({', '.join(p.title for p in flow.phases)})" for flow in step.flows
            )
            yield self.note(t("room.conversation.flows", flows=flows), "room-part")


ROOM = ConversationRoom
