"""participants: who is here (name, organisation, role); add, edit, remove.

Entering the step puts the focus on the name field: type a name, Enter, and the
participant is added (organisation and role are optional, Tab reaches them).
In the list, Enter edits the selected participant and Delete removes it.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Input, Label

from samen_tui.i18n import plural, t
from samen_tui.kinds.participants.model import ParticipantsStep
from samen_tui.session.model import Participant, new_id
from samen_tui.tui.steps.base import StepView
from samen_tui.tui.widgets.inputs import EntryInput


class ParticipantTable(DataTable[Text]):
    BINDINGS = [
        Binding("enter", "edit", t("key.edit"), id="participant.edit"),
        Binding("delete,backspace", "remove", t("key.remove"), id="participant.remove"),
    ]

    def action_edit(self) -> None:
        view = self.query_ancestor(ParticipantsView)
        view.edit_selected()

    def action_remove(self) -> None:
        view = self.query_ancestor(ParticipantsView)
        view.remove_selected()


class ParticipantsView(StepView):
    HELP = "help.step.participants"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.editing: str | None = None

    def compose(self) -> ComposeResult:
        assert isinstance(self.step, ParticipantsStep)
        if text := self.intro():
            yield text
        if not self.read_only:
            with Horizontal(classes="entry-row"):
                yield EntryInput(placeholder=t("participants.name"), id="p-name", max_length=200)
                yield EntryInput(
                    placeholder=t("participants.organisation"),
                    id="p-org",
                    max_length=200,
                    suggester=SuggestFromList(self._organisations(), case_sensitive=False),
                )
                yield EntryInput(
                    placeholder=t("participants.role"),
                    id="p-role",
                    max_length=200,
                    suggester=SuggestFromList(list(self.step.roles), case_sensitive=False),
                )
            yield Label(t("participants.hint"), classes="hint", id="p-hint")
        table: ParticipantTable = ParticipantTable(
            id="p-table", cursor_type="row", zebra_stripes=True
        )
        yield table
        yield Label("", id="p-count", classes="counts")

    def on_mount(self) -> None:
        table = self.query_one(ParticipantTable)
        table.add_columns(
            t("participants.name"), t("participants.organisation"), t("participants.role")
        )
        self._fill()

    def _organisations(self) -> list[str]:
        return sorted({p.organisation for p in self.session.participants if p.organisation})

    def _fill(self) -> None:
        table = self.query_one(ParticipantTable)
        table.clear()
        for p in self.session.participants:
            table.add_row(Text(p.name), Text(p.organisation), Text(p.role), key=p.id)
        orgs = len(self._organisations())
        self.query_one("#p-count", Label).update(
            plural("participants.count", len(self.session.participants))
            + " "
            + plural("participants.orgs", orgs)
        )

    def focus_first(self) -> None:
        if not self.read_only:
            self.query_one("#p-name", Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        fields = [self.query_one(f"#p-{name}", EntryInput) for name in ("name", "org", "role")]
        name_input, org_input, role_input = fields

        def value(field: EntryInput) -> str:
            # the field Enter was pressed in as it was then: letters typed after the
            # Enter may be in it already (they are the start of the next entry)
            return (event.value if field is event.input else field.value).strip()

        name = value(name_input)
        if not name:
            self.notify(t("participants.need_name"), severity="warning")
            if isinstance(event.input, EntryInput):
                event.input.refused()
            name_input.focus()
            return
        org, role = value(org_input), value(role_input)
        with self.capture.change():
            existing = self.session.participant(self.editing) if self.editing else None
            if existing is not None:
                existing.name, existing.organisation, existing.role = name, org, role
            else:
                self.session.participants.append(
                    Participant(id=new_id("p"), name=name, organisation=org, role=role)
                )
        self.editing = None
        for field in fields:
            if field is event.input:
                field.take(event.value)  # keeps what was typed after the Enter
            else:
                field.value = ""
        org_input.suggester = SuggestFromList(self._organisations(), case_sensitive=False)
        self._fill()
        name_input.focus()

    def _selected(self) -> Participant | None:
        table = self.query_one(ParticipantTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.session.participant(key or "")

    def edit_selected(self) -> None:
        p = self._selected()
        if p is None or self.read_only:
            return
        self.editing = p.id
        self.query_one("#p-name", Input).value = p.name
        self.query_one("#p-org", Input).value = p.organisation
        self.query_one("#p-role", Input).value = p.role
        self.query_one("#p-name", Input).focus()

    def remove_selected(self) -> None:
        p = self._selected()
        if p is None or self.read_only:
            return
        with self.capture.change():
            self.session.participants.remove(p)
        self._fill()
        self.notify(t("participants.removed", name=p.name), markup=False)


VIEW = ParticipantsView
