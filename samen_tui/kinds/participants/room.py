"""participants in the room: who is here, by organisation. Never the trainer's notes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from samen_tui.i18n import plural, t
from samen_tui.room.shown import Shown
from samen_tui.session.codec import encode
from samen_tui.session.model import Participant, Session
from samen_tui.session.stats import no_organisation_label
from samen_tui.tui.room.view import Columns, RoomView, counted


def by_organisation(session: Session) -> dict[str, list[Participant]]:
    """The participants with a name, per organisation, in the order they were listed
    (those without an organisation last)."""
    groups: dict[str, list[Participant]] = {}
    loose: list[Participant] = []
    for person in session.participants:
        if not person.name.strip():
            continue
        org = person.organisation.strip()
        if org:
            groups.setdefault(org, []).append(person)
        else:
            loose.append(person)
    if loose:
        groups[no_organisation_label()] = loose
    return groups


class ParticipantsRoom(RoomView):
    """Who is here: a column per organisation, names with their roles."""

    def key(self, shown: Shown) -> object:
        return encode(shown.session.participants)

    def compose(self) -> ComposeResult:
        groups = by_organisation(self.shown.session)
        if not groups:
            yield from self.intro()
            yield self.note(t("room.participants.none"))
            return
        count = sum(len(people) for people in groups.values())
        real = len(groups) - (no_organisation_label() in groups)
        if real:
            orgs = plural("report.participants.orgs", real)
            summary = plural("report.participants.count_orgs", count, orgs=orgs)
        else:
            summary = plural("report.participants.count", count)
        yield Static(summary, classes="room-hint", markup=False)
        columns = []
        for org, people in groups.items():
            heading = counted(org, len(people))
            names = []
            for person in people:
                line = Text(person.name.strip())
                if person.role.strip():
                    line.append(f" · {person.role.strip()}", style="dim")
                names.append(line)
            columns.append(
                Vertical(
                    Static(heading, classes="room-heading"),
                    self.lines(names),
                    classes="room-column",
                )
            )
        yield Columns(*columns, classes="room-columns")


ROOM = ParticipantsRoom
