"""actions: every action of the session in one list (wie / wat / wanneer / status).

The list holds the actions agreed in the conversation steps and the ones added
here; new actions go into this step's record. Type wie, wat and wanneer (a date:
``5-12-2026`` or ``2026-12-05``) and press Enter to add. In the table: Enter
edits an action (wherever it was made), space marks it done (or open again),
Delete removes it.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.widgets import Label

from samen_tui.i18n import t
from samen_tui.kinds.actions.record import Action, ActionsRecord, held_list
from samen_tui.tui.steps.base import StepView
from samen_tui.tui.widgets.forms import ActionList, EntryList


class ActionsView(StepView):
    HELP = "help.step.actions"

    def depends(self) -> object:
        """Every action of the session is listed here, wherever it was captured."""
        from samen_tui.session.codec import encode

        actions = tuple((step_id, repr(encode(a))) for step_id, a in self.session.all_actions())
        return (super().depends(), actions)

    DEFAULT_CSS = """
    ActionsView #actions-summary { color: $text-muted; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        if text := self.intro():
            yield text
        yield ActionList(
            self,
            source=self.session.all_actions,
            target=self._own_actions,
            where=self._actions_of,
            origin_label=self._origin,
            id="actions",
        )
        yield Label("", id="actions-summary")

    def on_mount(self) -> None:
        self.show_summary()

    def _own_actions(self) -> list[Action]:
        record = self.record
        assert isinstance(record, ActionsRecord)
        return record.actions

    def _actions_of(self, step_id: str) -> list[Action]:
        held = held_list(self.session.records.get(step_id))  # any record that holds actions
        return held if held is not None else []

    def _origin(self, step_id: str, action: Action) -> str:
        if action.origin:
            origin = Path(action.origin).stem  # the earlier session's file, without .toml
            return t("actions.taken_over", origin=origin)
        if step_id == self.step.id:
            return t("actions.here")
        step = self.capture.workshop.step(step_id)
        return step.title if step is not None else step_id

    def show_summary(self) -> None:
        actions = [a for _sid, a in self.session.all_actions()]
        done = sum(1 for a in actions if a.status == "done")
        label = self.query_one("#actions-summary", Label)
        if actions:
            key = "actions.summary.one" if len(actions) == 1 else "actions.summary"
            label.update(t(key, n=len(actions), open=len(actions) - done, done=done))
        else:
            label.update("")

    def focus_first(self) -> None:
        try:
            self.query_one(ActionList).focus_first()
        except NoMatches:
            self.call_after_refresh(self.focus_first)

    @on(EntryList.Changed)
    def _changed(self, event: EntryList.Changed) -> None:
        event.stop()
        self.show_summary()


VIEW = ActionsView
