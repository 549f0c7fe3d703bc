"""conversation: the three conversation types, and the flow the group chooses (BOB, BARB).

The types are shown with their chain of steps and their outcome. The group
chooses a flow (arrows and Enter in *Gespreksvorm*); then each phase of the flow
has notes, and:

* a phase with ``capture = "mandates"`` (achterbanraadpleging): per partner what
  they take back to their organisation, who holds the mandate, and by when;
* a phase with ``capture = "decisions"`` (besluitvorming): the decisions, and the
  actions as wie / wat / wanneer (a real date). Key a on a decision makes it an
  action (its ``source`` is the decision's id), listed under it and at the actions.

Every form row is submitted with Enter; in a table Enter edits, Delete removes.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Label, RadioButton, RadioSet, Static, TextArea

from samen_tui.i18n import t
from samen_tui.kinds.actions.record import Action
from samen_tui.kinds.conversation.model import ConversationStep, Flow, Phase
from samen_tui.kinds.conversation.record import ConversationRecord, Decision, Mandate
from samen_tui.session.model import new_id
from samen_tui.tui.steps.base import StepView
from samen_tui.tui.widgets.forms import (
    ActionList,
    Column,
    EntryList,
    EntryTable,
    Field,
    FormRow,
    format_date,
    name_suggestions,
    who_from_text,
    who_label,
)


def _record(view: StepView) -> ConversationRecord:
    record = view.record
    assert isinstance(record, ConversationRecord)
    return record


class MandateList(EntryList):
    """Achterbanraadpleging: per partner what to take back, who holds the mandate, by when."""

    what = "conversation.mandate"

    def fields(self) -> list[Field]:
        orgs = sorted({p.organisation for p in self.session.participants if p.organisation})
        return [
            Field(
                "partner",
                t("conversation.partner"),
                required=True,
                width="1fr",
                suggestions=tuple(orgs),
            ),
            Field("take_back", t("conversation.take_back"), width="2fr"),
            Field(
                "holder",
                t("conversation.holder"),
                width="1fr",
                suggestions=tuple(name_suggestions(self.session)),
                line=1,
            ),
            Field("by", t("conversation.by"), kind="date", width="1fr", line=1),
        ]

    def columns(self) -> list[Column]:
        return [
            Column(t("conversation.partner"), 14),
            Column(t("conversation.take_back")),
            Column(t("conversation.holder.short"), 12),
            Column(t("conversation.by.short"), 10),
        ]

    def _find(self, key: str) -> Mandate | None:
        return next((m for m in _record(self.view).mandates if m.id == key), None)

    def rows(self) -> list[tuple[str, tuple[Text, ...]]]:
        return [
            (
                m.id,
                (
                    Text(m.partner),
                    Text(m.take_back),
                    Text(who_label(self.session, m.holder, group="")),
                    Text(format_date(m.by)),
                ),
            )
            for m in _record(self.view).mandates
        ]

    def values_of(self, key: str) -> dict[str, str] | None:
        m = self._find(key)
        if m is None:
            return None
        return {
            "partner": m.partner,
            "take_back": m.take_back,
            "holder": who_label(self.session, m.holder, group=""),
            "by": format_date(m.by),
        }

    def save(self, key: str | None, values: dict[str, Any]) -> None:
        holder = who_from_text(self.session, values["holder"])
        m = self._find(key) if key is not None else None
        if m is None:
            m = Mandate(id=new_id("m"))
            _record(self.view).mandates.append(m)
        m.partner, m.take_back, m.holder, m.by = (
            values["partner"],
            values["take_back"],
            holder,
            values["by"],
        )

    def delete(self, key: str) -> str:
        m = self._find(key)
        if m is None:
            return ""
        _record(self.view).mandates.remove(m)
        return m.partner


class DecisionTable(EntryTable):
    """The decisions: as every entry table, and a makes the decision an action."""

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding(
            "a",
            "to_action",
            "key.forms.to_action",
            show=False,
            id="conversation.decision.to_action",
            tooltip="tip.forms.to_action",
        ),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_action":
            return not self.owner.read_only
        return super().check_action(action, parameters)

    def action_to_action(self) -> None:
        owner = self.owner
        assert isinstance(owner, DecisionList)
        owner.to_action()


class DecisionList(EntryList):
    """Besluitvorming: what the group decided; a decision becomes an action with a."""

    what = "conversation.decision"

    def compose(self) -> ComposeResult:
        if not self.read_only:
            yield FormRow(self.fields())
        yield DecisionTable()
        yield Label(t("forms.empty"), classes="entry-empty")

    def to_action(self) -> None:
        """The selected decision becomes an action of this step (once), shown in the
        action lists of the view at once."""
        key = self.table.selected_key()
        decision = self._find(key) if key is not None else None
        if decision is None or self.read_only:
            return
        self.view.make_action(decision.text, decision.id)
        for actions in self.view.query(ActionList):
            actions.fill()
            actions.changed()

    def fields(self) -> list[Field]:
        return [Field("text", t("conversation.decision.new"), required=True)]

    def columns(self) -> list[Column]:
        return [Column("#", 3), Column(t("conversation.decision.column"))]

    def _find(self, key: str) -> Decision | None:
        return next((d for d in _record(self.view).decisions if d.id == key), None)

    def rows(self) -> list[tuple[str, tuple[Text, ...]]]:
        return [
            (d.id, (Text(f"{n}.", style="bold"), Text(d.text)))
            for n, d in enumerate(_record(self.view).decisions, start=1)
        ]

    def values_of(self, key: str) -> dict[str, str] | None:
        d = self._find(key)
        return None if d is None else {"text": d.text}

    def save(self, key: str | None, values: dict[str, Any]) -> None:
        d = self._find(key) if key is not None else None
        if d is None:
            _record(self.view).decisions.append(Decision(id=new_id("d"), text=values["text"]))
        else:
            d.text = values["text"]

    def delete(self, key: str) -> str:
        d = self._find(key)
        if d is None:
            return ""
        _record(self.view).decisions.remove(d)
        return d.text


class PhaseBlock(Vertical):
    """One phase of the chosen flow: its question, notes and what it captures."""

    def __init__(self, phase: Phase, number: int, view: ConversationView) -> None:
        super().__init__(id=f"phase-{phase.id}", classes="phase-block")
        self.phase = phase
        self.number = number
        self.step_view = view

    def _title_text(self) -> Text:
        phase = self.phase
        return Text.assemble(
            (f"{self.number}. {phase.title}", "bold"),
            (f" — {phase.question}" if phase.question else "", "italic"),
        )

    def set_number(self, number: int) -> None:
        """Its place in the flow now chosen (a phase can be in more than one)."""
        if number != self.number:
            self.number = number
            title: Label | None = getattr(self, "_title", None)
            if title is not None:  # else it is composed with it
                title.update(self._title_text())

    def compose(self) -> ComposeResult:
        view = self.step_view
        phase = self.phase
        self._title = Label(self._title_text(), classes="phase-title")
        yield self._title
        notes = _record(view).notes.get(phase.id, "")
        if view.read_only:
            if notes:
                yield Static(notes, markup=False, classes="notes-text")
        else:
            yield TextArea(notes, id=f"notes-{phase.id}", classes="phase-notes", soft_wrap=True)
        if phase.capture == "mandates":
            yield Label(t("conversation.mandates"), classes="capture-title")
            yield MandateList(view, id=f"mandates-{phase.id}")
        elif phase.capture == "decisions":
            yield Label(t("conversation.decisions"), classes="capture-title")
            yield DecisionList(view, id=f"decisions-{phase.id}")
            yield Label(t("conversation.actions"), classes="capture-title")
            yield ActionList(
                view,
                source=view.own_actions,
                target=lambda: _record(view).actions,
                where=lambda _sid: _record(view).actions,
                id=f"actions-{phase.id}",
            )


class ConversationView(StepView):
    HELP = "help.step.conversation"

    DEFAULT_CSS = """
    ConversationView .conv-type { width: 1fr; }
    ConversationView .conv-label { text-style: bold; margin-top: 1; }
    ConversationView #flow-choice { width: 1fr; height: auto; }
    ConversationView #flow-choice RadioButton { width: 1fr; }
    ConversationView .flow-hint { color: $text-muted; }
    ConversationView #phases { height: auto; }
    ConversationView .phase-block { height: auto; margin-top: 1; }
    ConversationView .phase-title { width: 1fr; color: $text-accent; }
    ConversationView .phase-notes { height: 6; min-height: 4; }
    ConversationView .capture-title { text-style: bold; margin-top: 1; }
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        assert isinstance(self.step, ConversationStep)
        self.conversation: ConversationStep = self.step
        self._blocks: list[PhaseBlock] | None = None
        """The phases of every flow, built with the view (see :meth:`_all_phases`);
        None when they are built for the chosen flow only."""

    @property
    def flow(self) -> Flow | None:
        chosen = _record(self).flow
        return next((f for f in self.conversation.flows if f.id == chosen), None)

    def own_actions(self) -> list[tuple[str, Action]]:
        return [(self.step.id, a) for a in _record(self).actions]

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        if text := self.intro():
            yield text
        if self.conversation.types:
            yield Label(self.conversation.words.get("types"), classes="conv-label")
            for ctype in self.conversation.types:
                line = Text()
                line.append(ctype.title, style="bold")
                line.append(f" — {ctype.question}\n", style="italic")
                line.append("  " + " → ".join(ctype.chain) + "\n")
                line.append("  ⇒ ")
                line.append(ctype.outcome, style="bold")
                yield Static(line, classes="conv-type")
        yield Label(self.conversation.words.get("flow"), classes="conv-label")
        flow = self.flow
        if self.read_only:
            yield Label(
                self._flow_text(flow) if flow is not None else Text(t("conversation.no_flow")),
                id="flow-chosen",
            )
        else:
            with RadioSet(id="flow-choice"):
                for f in self.conversation.flows:
                    yield RadioButton(self._flow_text(f), value=flow is f, id=f"flow-{f.id}")
        with Vertical(id="phases"):
            yield from self._phases()

    def _flow_text(self, flow: Flow) -> Text:
        text = Text(flow.title, style="bold")
        if flow.description:
            text.append(f"  {flow.description}")
        return text

    def _phases(self) -> list[Widget]:
        flow = self.flow
        every = None if self.read_only else self._all_phases()
        if every is not None:
            # every phase of every flow, those of other flows hidden: choosing a flow
            # shows and hides them (building them then took 150 ms after the Enter)
            self._hint = Label(self.conversation.words.get("choose_flow"), classes="flow-hint")
            self._blocks = [PhaseBlock(phase, 0, self) for phase in every]
            self._show_flow(flow)
            return [self._hint, *self._blocks]
        self._blocks = None
        if flow is None:
            if self.read_only:
                return []
            return [Label(self.conversation.words.get("choose_flow"), classes="flow-hint")]
        return [
            PhaseBlock(phase, number, self) for number, phase in enumerate(flow.phases, start=1)
        ]

    def _all_phases(self) -> list[Phase] | None:
        """Every phase of every flow once, in an order each flow keeps; None when two
        flows have different phases of one id, or put phases in orders that clash."""
        order: list[Phase] = []
        for flow in self.conversation.flows:
            after = 0  # this flow's next phase goes at or after this place
            for phase in flow.phases:
                found = next((i for i, p in enumerate(order) if p.id == phase.id), None)
                if found is None:
                    order.insert(after, phase)
                    after += 1
                elif order[found] != phase or found < after:
                    return None
                else:
                    after = found + 1
        return order

    def _show_flow(self, flow: Flow | None) -> None:
        """Show the phases of ``flow`` (numbered in its order), hide the others."""
        if self._blocks is None:
            return
        ids = [phase.id for phase in flow.phases] if flow is not None else []
        for block in self._blocks:
            shown = block.phase.id in ids
            if shown:
                block.set_number(ids.index(block.phase.id) + 1)
            block.display = shown
        self._hint.display = flow is None

    def focus_first(self) -> None:
        if self.read_only:
            return
        try:
            flow = self.flow
            if flow is None:
                self.query_one("#flow-choice", RadioSet).focus()
            elif self._blocks is not None and flow.phases:
                self.query_one(f"#notes-{flow.phases[0].id}", TextArea).focus()
            else:
                self.query(".phase-notes").first(TextArea).focus()
        except NoMatches:
            self.call_after_refresh(self.focus_first)

    # ------------------------------------------------------------------ capture

    @on(RadioSet.Changed, "#flow-choice")
    async def flow_chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        flow_id = (event.pressed.id or "").removeprefix("flow-")
        record = _record(self)
        if flow_id == record.flow:
            return
        with self.capture.change():
            record.flow = flow_id
        if self._blocks is not None:
            self._show_flow(self.flow)
        else:
            phases = self.query_one("#phases", Vertical)
            await phases.remove_children()
            await phases.mount_all(self._phases())
        self.notify(
            t("conversation.flow_chosen", flow=self.flow.title if self.flow else ""),
            markup=False,
            timeout=3,
        )

    @on(TextArea.Changed, ".phase-notes")
    def notes_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        phase_id = (event.text_area.id or "").removeprefix("notes-")
        record = _record(self)
        text = event.text_area.text
        if text == record.notes.get(phase_id, ""):
            return
        self.capture.typing(f"{self.step.id}:notes:{phase_id}")
        if text:
            record.notes[phase_id] = text
        else:
            record.notes.pop(phase_id, None)


VIEW = ConversationView
