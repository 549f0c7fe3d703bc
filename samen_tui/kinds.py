"""The one place where step kinds are registered.

A kind is four things: the workshop model class (``samen_tui.workshop.model``),
the session record class (``samen_tui.session.model``), the widget that shows
and captures it (``samen_tui.tui.steps.<kind>``, named here as a string so this
module stays free of textual) and its section in the report
(``samen_tui.session.report.SECTIONS``). A test checks that the four agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from samen_tui.session.model import RECORD_CLASSES, Record
from samen_tui.workshop.model import STEP_CLASSES, Step


@dataclass(frozen=True)
class Kind:
    name: str
    step: type[Step]
    record: type[Record]
    widget: str
    """``module:Class`` of the Textual widget."""


def _kind(name: str, widget: str) -> Kind:
    return Kind(name, STEP_CLASSES[name], RECORD_CLASSES[name], widget)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        _kind("content", "samen_tui.tui.steps.content:ContentView"),
        _kind("participants", "samen_tui.tui.steps.participants:ParticipantsView"),
        _kind("sort", "samen_tui.tui.steps.sort:SortView"),
        _kind("rate", "samen_tui.tui.steps.rate:RateView"),
        _kind("brainstorm", "samen_tui.tui.steps.brainstorm:BrainstormView"),
        _kind("conversation", "samen_tui.tui.steps.conversation:ConversationView"),
        _kind("questions", "samen_tui.tui.steps.questions:QuestionsView"),
        _kind("actions", "samen_tui.tui.steps.actions:ActionsView"),
        _kind("references", "samen_tui.tui.steps.references:ReferencesView"),
    )
}
