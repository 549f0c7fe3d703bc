"""What every step widget shares: the step, the session, and how to change it.

A step widget (one per kind, see ``samen_tui.kinds``) gets the step from the
workshop and a :class:`Capture` from the screen. Every change to the session goes
through ``with self.capture.change(): ...`` so it can be undone (ctrl+z) and is
saved within a second. In read-only mode (review, or a session open elsewhere)
the same widget shows the record without inputs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Protocol

from textual.containers import VerticalScroll

from samen_tui.i18n import t
from samen_tui.session.model import Record, Session
from samen_tui.tui.widgets.slide import SlideText
from samen_tui.workshop.model import Step, Workshop


class Capture(Protocol):
    """What a screen offers the step widgets it shows."""

    session: Session
    workshop: Workshop
    read_only: bool

    def change(self) -> contextlib.AbstractContextManager[None]:
        """Wrap a change: snapshot for undo before, autosave after."""
        ...

    def typing(self, key: str) -> None:
        """A text field changed: one undo snapshot per burst of typing in ``key``."""
        ...


class ReadOnlyCapture:
    """A capture that refuses every change (review)."""

    read_only = True

    def __init__(self, session: Session, workshop: Workshop) -> None:
        self.session = session
        self.workshop = workshop

    @contextlib.contextmanager
    def change(self) -> Iterator[None]:
        raise PermissionError("read-only")
        yield  # pragma: no cover

    def typing(self, key: str) -> None:
        raise PermissionError("read-only")


class StepView(VerticalScroll, can_focus=False):
    """Base of the step widgets."""

    HELP = "help.step.content"
    """Catalog key of the help text for this kind (shown by F1)."""
    SHOWS_PARTICIPANTS = True
    """Whether names of participants appear in this view (pickers, lists): if so, it is
    built anew when the participants change."""

    def __init__(self, step: Step, capture: Capture, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="step-view")
        self.step = step
        self.capture = capture
        self.ahead = False
        """Built ahead of its turn: laid out beside the host, out of sight and reach."""
        if capture.read_only:
            self.add_class("read-only")

    def set_ahead(self, ahead: bool) -> None:
        """Lay the view out beside its host, out of sight and out of the focus chain
        (built ahead of its turn), or in its place.

        Inline styles, not a class: a class on the view made Textual match the
        stylesheet against every widget in it again when it was shown, 10-80 ms of
        the key that showed it (the checklist and the conversation most)."""
        if ahead == self.ahead:
            return
        self.ahead = ahead
        self.can_focus_children = not ahead
        if ahead:
            self.styles.position = "absolute"
            self.styles.offset = ("300%", 0)
        else:
            self.styles.clear_rule("position")
            self.styles.clear_rule("offset")
            self.refresh(layout=True)  # clearing a rule asks for no layout of itself

    @property
    def session(self) -> Session:
        return self.capture.session

    @property
    def read_only(self) -> bool:
        return self.capture.read_only

    @property
    def record(self) -> Record:
        return self.session.record(self.step.id, self.step.KIND)

    def make_action(self, text: str, source: str) -> None:
        """Card ``source`` (its ``text``) becomes an action of this step's record (key a
        on a card): once; who and when are filled in at the actions step."""
        from samen_tui.kinds.actions.record import Action, held_list, made_from
        from samen_tui.session.model import new_id

        record = self.record
        held = held_list(record)
        if held is None or self.read_only:
            return
        if made_from(record, source) is not None:
            self.notify(t("actions.made_before", text=text), markup=False)
            return
        with self.capture.change():
            held.append(Action(id=new_id("a"), what=text, source=source))
        self.notify(t("actions.made", text=text), markup=False)

    def help_text(self) -> str:
        """What F1 shows for this step: the file's ``help``, or the kind's."""
        return self.step.help or t(self.HELP)

    def intro(self) -> SlideText | None:
        """The step's Markdown text, if it has any (workshop text: Markdown, never
        Textual markup)."""
        return SlideText(self.step.text, classes="step-text") if self.step.text else None

    def depends(self) -> object:
        """What this view shows besides its own record (which only changes through
        the view itself): a kept view whose ``depends()`` changed is built anew.
        By default the participants, in views that show them."""
        if not self.SHOWS_PARTICIPANTS:
            return None
        return tuple((p.id, p.name, p.organisation, p.role) for p in self.session.participants)

    def focus_first(self) -> None:
        """Put the focus where the trainer starts typing (override per kind)."""

    def reload(self) -> None:
        """The session changed underneath (undo): show the record again."""
        self.refresh(recompose=True)

    def record_changed(self) -> None:
        """Its record (or the participants) changed from outside the view, from a
        participant's phone (#18): show it again, keeping what the trainer is typing
        where the kind can (by default the view is composed anew)."""
        self.reload()
