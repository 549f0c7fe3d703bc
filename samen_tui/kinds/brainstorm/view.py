"""brainstorm: cards per prompt side by side, dot voting with a budget, a ranked view.

Each prompt is a column: type in its field and press Enter to add a card (said by
whoever "Van" names: the group unless a participant is chosen). In a column's
list: Enter edits the highlighted card, Delete removes it. With voting: choose
the voter ("Stemmer", or ``v`` in a list to go to the next one), then ``+`` (or
space) puts one of their dots on the highlighted card and ``-`` takes one back;
never more than the budget. ``r`` shows the cards ranked by votes (and back).
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Select

from samen_tui.i18n import plural, t
from samen_tui.kinds import flow
from samen_tui.kinds.brainstorm import stats
from samen_tui.kinds.brainstorm.model import BrainstormStep, BrainstormWords, Prompt
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.brainstorm.state import STATES
from samen_tui.kinds.participants import anonymous
from samen_tui.kinds.participants.anonymous import who_options
from samen_tui.session.model import GROUP, new_id
from samen_tui.tui.steps.base import Capture, StepView
from samen_tui.tui.widgets.forms import CardEntry, CardList
from samen_tui.tui.widgets.inputs import EntryInput


class IdeaList(CardList):
    """The cards of one prompt."""

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding(
            "plus,space",
            "add_dot",
            "key.brainstorm.add_dot",
            id="brainstorm.add_dot",
            tooltip="tip.brainstorm.add_dot",
        ),
        Binding(
            "minus",
            "remove_dot",
            "key.brainstorm.remove_dot",
            id="brainstorm.remove_dot",
            tooltip="tip.brainstorm.remove_dot",
        ),
        Binding(
            "v",
            "next_voter",
            "key.brainstorm.next_voter",
            id="brainstorm.next_voter",
            tooltip="tip.brainstorm.next_voter",
        ),
        Binding(
            "m",
            "merge",
            "key.brainstorm.merge",
            id="brainstorm.merge",
            tooltip="tip.brainstorm.merge",
            show=False,
        ),
        Binding(
            "r",
            "toggle_ranked",
            "key.brainstorm.ranked",
            id="brainstorm.ranked",
            tooltip="tip.brainstorm.ranked",
        ),
    ]

    def __init__(self, prompt: Prompt) -> None:
        super().__init__(id=f"ideas-{prompt.id}", classes="idea-list")
        self.prompt = prompt

    @property
    def view(self) -> BrainstormView:
        view = self._view()
        assert isinstance(view, BrainstormView)
        return view

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        view = self.view
        if action in ("add_dot", "remove_dot", "next_voter"):
            return view.voting_enabled
        return super().check_action(action, parameters)

    def action_add_dot(self) -> None:
        if (idea := self.highlighted_id) is not None:
            self.view.add_dot(idea)

    def action_remove_dot(self) -> None:
        if (idea := self.highlighted_id) is not None:
            self.view.remove_dot(idea)

    def action_next_voter(self) -> None:
        self.view.next_voter()

    def action_toggle_ranked(self) -> None:
        self.view.toggle_ranked()

    def action_merge(self) -> None:
        if (idea := self.highlighted_id) is not None and not self.view.read_only:
            self.view.merge(idea)


def update_label(label: Label, text: str) -> None:
    """Show ``text`` unless it is shown already (an update asks for a layout)."""
    if label.content != text:
        label.update(text)


class PromptColumns(HorizontalScroll, can_focus=False):
    """The columns side by side; scrolls sideways when there are more than fit."""


class PromptColumn(CardEntry):
    """One prompt: its question, the field to add a card, the cards."""

    def __init__(self, prompt: Prompt, read_only: bool, words: BrainstormWords) -> None:
        super().__init__(id=f"col-{prompt.id}", classes="prompt-column")
        self.words = words
        self.prompt = prompt
        self.read_only = read_only
        self.border_title = Content(prompt.title)  # the workshop's words, never markup
        self.shown: object = None
        """What the cards show (see ``BrainstormView.show_cards``): a column whose cards
        did not change is left as it is."""

    def compose(self) -> ComposeResult:
        if self.prompt.question:
            yield Label(self.prompt.question, classes="prompt-question", markup=False)
        if not self.read_only:
            yield EntryInput(
                placeholder=self.words.get("placeholder"),
                id=f"new-{self.prompt.id}",
                classes="new-card",
                max_length=300,
            )
        yield IdeaList(self.prompt)
        yield Label(self.words.get("empty"), classes="no-cards")

    @property
    def ideas(self) -> IdeaList:
        return self.query_one(IdeaList)


class BrainstormView(StepView):
    HELP = "help.step.brainstorm"

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding(
            "escape",
            "cancel_edit",
            "key.brainstorm.cancel",
            id="brainstorm.cancel",
            show=False,
            tooltip="tip.brainstorm.cancel",
        ),
    ]

    DEFAULT_CSS = """
    BrainstormView .bs-bar { height: auto; margin-bottom: 0; }
    BrainstormView .bs-bar Label { padding: 0 1 0 0; height: 1; }
    BrainstormView .bs-bar Select { width: 22; margin-right: 1; }
    BrainstormView .bs-bar SelectCurrent Static#label {
        height: 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    BrainstormView #bs-votes-left { padding: 0 1; }
    BrainstormView #bs-votes-left.-used { color: $text-warning; text-style: bold; }
    BrainstormView #bs-columns { height: 1fr; min-height: 12; }
    BrainstormView .prompt-column {
        width: 1fr;
        min-width: 24;
        height: 1fr;
        border: round $primary 40%;
        border-title-color: $text;
        border-title-style: bold;
        padding: 0;
    }
    BrainstormView .prompt-column:focus-within { border: round $primary; }
    BrainstormView .prompt-question { color: $text-muted; padding: 0 1; width: 100%; }
    BrainstormView .new-card { margin: 0; }
    BrainstormView .idea-list { height: 1fr; border: none; padding: 0; }
    BrainstormView .idea-list:focus { border: none; }
    BrainstormView .no-cards { color: $text-muted; padding: 0 1; height: 1fr; }
    BrainstormView .bs-ranked-note { color: $text-muted; }
    """

    def __init__(self, step: BrainstormStep, capture: Capture, *, id: str | None = None) -> None:
        # prompts from an earlier step (``from``): what that step passes on now
        super().__init__(flow.resolve(step, capture.session, capture.workshop), capture, id=id)
        assert isinstance(self.step, BrainstormStep)
        self.brainstorm: BrainstormStep = self.step
        self.state = STATES.of(self.capture, self.step.id)
        self._last_column = ""
        self._last_in_list = False
        if self.state.ranked is None:
            self.state.ranked = self.read_only and self.brainstorm.voting is not None
        voters = self.voters()
        if self.state.voter not in voters:
            self.state.voter = voters[0] if voters else ""
        if self.state.who not in {
            GROUP,
            *self.brainstorm.breakouts,
        } and not self.session.participant(self.state.who):
            self.state.who = GROUP

    # ------------------------------------------------------------------ data

    @property
    def ideas_record(self) -> BrainstormRecord:
        record = self.record
        assert isinstance(record, BrainstormRecord)
        return record

    def depends(self) -> object:
        """The participants, and with ``from`` the cards the prompts come from."""
        step = self.brainstorm
        if not step.from_:
            return super().depends()
        cards = flow.cards_from(
            self.session, self.capture.workshop, step.from_, step.top, step.category
        )
        return (super().depends(), tuple(cards))

    def voters(self) -> list[str]:
        return stats.voters(self.brainstorm, self.session, self.ideas_record)

    @property
    def voting_enabled(self) -> bool:
        return self.brainstorm.voting is not None and not self.read_only

    def voter_name(self, voter: str) -> str:
        if voter == stats.GROUP_VOTER:
            return t("brainstorm.the_group")
        return anonymous.label(voter) or self.session.who_name(voter)

    def idea(self, idea_id: str) -> Idea | None:
        return next((i for i in self.ideas_record.ideas if i.id == idea_id), None)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        if text := self.intro():
            yield text
        if not self.read_only:
            with Horizontal(classes="bs-bar"):
                step = self.brainstorm
                if not step.anonymous or step.breakouts:
                    yield Label(t("brainstorm.from"))
                    people = [(p.id, p.name) for p in self.session.participants]
                    found = who_options(
                        t("brainstorm.the_group"), people, step.breakouts, step.anonymous
                    )
                    yield Select(
                        [(Text(n, no_wrap=True, overflow="ellipsis"), w) for n, w in found],
                        value=self.state.who,
                        allow_blank=False,
                        compact=True,
                        id="bs-who",
                    )
                if self.brainstorm.voting is not None:
                    voters = self.voters()
                    yield Label(t("brainstorm.voter"))
                    if len(voters) > 1 and not self.brainstorm.anonymous:
                        yield Select(
                            [
                                (Text(self.voter_name(v), no_wrap=True, overflow="ellipsis"), v)
                                for v in voters
                            ],
                            value=self.state.voter,
                            allow_blank=False,
                            compact=True,
                            id="bs-voter",
                        )
                    else:
                        yield Label(
                            self.voter_name(self.state.voter), id="bs-voter-name", markup=False
                        )
                    yield Label("", id="bs-votes-left", markup=False)
        yield Label("", id="bs-ranked-note", classes="bs-ranked-note")
        if not self.brainstorm.prompts:  # from an earlier step that holds no cards yet
            source = self.capture.workshop.step(self.brainstorm.from_)
            name = source.title if source is not None else self.brainstorm.from_
            yield Label(t("brainstorm.none_from", step=name), classes="no-cards", markup=False)
        with PromptColumns(id="bs-columns"):
            for prompt in self.brainstorm.prompts:
                yield PromptColumn(prompt, self.read_only, self.brainstorm.words)

    def on_mount(self) -> None:
        self.show_cards()

    def record_changed(self) -> None:
        """A phone added to the record (#18): shown without composing anew."""
        self.show_cards()

    def focus_first(self) -> None:
        """Raises NoMatches while the columns are not composed: the screen tries again
        a little later. Nothing to focus while ``from`` passes no prompts on."""
        if not self.brainstorm.prompts:
            return
        column = self.query_one(PromptColumn)
        target: Widget = column.ideas if self.read_only else column.input
        target.focus()

    def card_text(self, idea: Idea, rank: int | None) -> RenderableType:
        """A card: rank and dots in a narrow column, the text wrapping beside it."""
        prefix = Text()
        if rank is not None:
            prefix.append(f"{rank}. ", style="bold")
        if self.brainstorm.voting is not None or idea.votes:
            total = idea.total_votes
            prefix.append(f"{total}● " if total else "·  ", style="bold" if total else "dim")
        body = Text(idea.text)
        if idea.who != GROUP:
            body.append(f" — {self.session.who_name(idea.who)}", style="dim italic")
        mine = idea.votes.get(self.state.voter, 0) if self.voting_enabled else 0
        if mine:
            body.append(" " + "●" * mine, style="bold green")
        if not prefix:
            return body
        grid = Table.grid()
        grid.add_column(width=len(prefix), no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(prefix, body)
        return grid

    def show_cards(self, select: str | None = None) -> None:
        """Fill every column from the record (ranked or in the order entered).

        Nothing when the view has no children: not composed yet, or being removed
        before its turn came (a view built ahead and dropped while it mounted)."""
        note = next(iter(self.query("#bs-ranked-note").results(Label)), None)
        if note is None:
            return
        record = self.ideas_record
        ranked = bool(self.state.ranked)
        for column in self.query(PromptColumn):
            prompt_id = column.prompt.id
            if ranked:
                ideas = stats.ranked(self.brainstorm, record, prompt_id)
                ranks: list[int | None] = list(stats.ranks(ideas))
            else:
                ideas = [i for i in record.ideas if i.prompt == prompt_id]
                ranks = [None] * len(ideas)
            # a new card changes one column: the others are left as they are (each
            # column filled anew was a layout and a repaint of all three, ~50 ms)
            shown: tuple[object, ...] = (self.state.voter, self.voting_enabled)
            shown += tuple(
                (i.id, i.text, self.session.who_name(i.who), sorted(i.votes.items()), r)
                for i, r in zip(ideas, ranks, strict=True)
            )
            ids = [i.id for i in ideas]
            if shown != column.shown:
                column.shown = shown
                column.ideas.show(
                    ((i.id, self.card_text(i, r)) for i, r in zip(ideas, ranks, strict=True)),
                    select=select if select in ids else None,
                )
            elif select in ids:
                column.ideas.highlighted = ids.index(select)
            column.query_one(".no-cards", Label).display = not ideas
            column.ideas.display = bool(ideas)
            subtitle = plural("brainstorm.count", len(ideas)) if ideas else ""
            if column.border_subtitle != subtitle:
                column.border_subtitle = subtitle
        note.display = ranked
        update_label(note, self._ranked_note() if ranked else "")
        self.show_votes_left()

    def show_votes_left(self) -> None:
        if self.read_only or self.brainstorm.voting is None:
            return
        label = self.query_one("#bs-votes-left", Label)
        left = stats.votes_left(self.brainstorm, self.ideas_record, self.state.voter)
        budget = self.brainstorm.voting.budget
        if left:
            update_label(label, t("brainstorm.votes_left", left=left, budget=budget))
        else:
            update_label(label, t("brainstorm.votes_none_left", budget=budget))
        label.set_class(not left, "-used")

    def _column_of(self, widget: Any) -> PromptColumn:
        node = widget
        while node is not None and not isinstance(node, PromptColumn):
            node = node.parent
        assert isinstance(node, PromptColumn)
        return node

    # ------------------------------------------------------------------ cards

    @on(Input.Submitted, ".new-card")
    def card_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        column = self._column_of(event.input)
        text = event.value.strip()
        if not text:
            self.notify(t("brainstorm.empty_card"), severity="warning")
            if isinstance(event.input, EntryInput):
                event.input.refused()
            return
        who = self.state.who if self.query("#bs-who") else GROUP
        editing = self.idea(column.editing) if column.editing else None
        with self.capture.change():
            if editing is not None:
                editing.text = text
                editing.who = who
                card_id = editing.id
            else:
                card_id = new_id("i")
                self.ideas_record.ideas.append(
                    Idea(id=card_id, prompt=column.prompt.id, text=text, who=who)
                )
            if self.brainstorm.from_:  # the column's title, should its card go
                self.ideas_record.prompts[column.prompt.id] = column.prompt.title
        column.stop_editing(event.value)  # keeps what was typed after the Enter
        self._who_back_to_group()
        self.show_cards(select=card_id)
        column.input.focus()

    def _who_back_to_group(self) -> None:
        """The next card is the group's again unless someone is chosen for it."""
        self.state.who = GROUP
        found = self.query("#bs-who")
        if found:
            found.first(Select).value = GROUP

    def edit_card(self, cards: CardList, card_id: str) -> None:
        idea = self.idea(card_id)
        if idea is None:
            return
        column = self._column_of(cards)
        column.start_editing(idea.id, idea.text, t("brainstorm.editing"))
        found = self.query("#bs-who")
        if found and (
            idea.who in {GROUP, *self.brainstorm.breakouts} or self.session.participant(idea.who)
        ):
            found.first(Select).value = idea.who
        column.input.focus()

    def card_to_action(self, cards: CardList, card_id: str) -> None:
        if (idea := self.idea(card_id)) is not None:
            self.make_action(idea.text, idea.id)

    def remove_card(self, cards: CardList, card_id: str) -> None:
        idea = self.idea(card_id)
        if idea is None:
            return
        with self.capture.change():
            self.ideas_record.ideas.remove(idea)
        column = self._column_of(cards)
        if column.editing == card_id:
            column.stop_editing()
        self.show_cards()
        self.notify(t("brainstorm.removed", text=idea.text), markup=False)
        if not column.ideas.option_count:
            column.input.focus()

    def action_cancel_edit(self) -> None:
        for column in self.query(PromptColumn):
            if column.editing is not None:
                column.stop_editing()
                self.notify(t("brainstorm.edit_cancelled"))

    @on(Select.Changed, "#bs-who")
    def who_changed(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str):
            self.state.who = event.value
        focused = self.screen.focused
        if focused is not None and (focused is event.select or event.select in focused.ancestors):
            self._back_to_column()

    def _back_to_column(self) -> None:
        """Once "Van" or "Stemmer" is chosen, back to the column the trainer was in."""
        column = (
            next((c for c in self.query(PromptColumn) if c.prompt.id == self._last_column), None)
            or self.query(PromptColumn).first()
        )
        if self.read_only:
            return
        if self.voting_enabled and column.ideas.option_count and self._last_in_list:
            column.ideas.focus()
        else:
            column.input.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        node = event.widget
        if isinstance(node, IdeaList):
            self._last_column, self._last_in_list = node.prompt.id, True
        elif isinstance(node, Input) and isinstance(node.parent, PromptColumn):
            self._last_column, self._last_in_list = node.parent.prompt.id, False

    # ------------------------------------------------------------------ votes

    @on(Select.Changed, "#bs-voter")
    def voter_changed(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str) and event.value != self.state.voter:
            self.state.voter = event.value
            self.show_cards()
        focused = self.screen.focused
        if focused is not None and (focused is event.select or event.select in focused.ancestors):
            self._back_to_column()

    def next_voter(self) -> None:
        voters = self.voters()
        if len(voters) < 2:
            return
        index = voters.index(self.state.voter) if self.state.voter in voters else -1
        self.state.voter = voters[(index + 1) % len(voters)]
        if found := self.query("#bs-voter"):
            found.first(Select).value = self.state.voter
        else:  # anonymous: the slots grow as they are used, a label shows the one voting
            self.query_one("#bs-voter-name", Label).update(self.voter_name(self.state.voter))
        self.show_cards()
        self.notify(
            t("brainstorm.now_voting", voter=self.voter_name(self.state.voter)),
            markup=False,
            timeout=2,
        )

    def add_dot(self, idea_id: str) -> None:
        idea = self.idea(idea_id)
        voting = self.brainstorm.voting
        if idea is None or voting is None or self.read_only:
            return
        voter = self.state.voter
        if stats.votes_left(self.brainstorm, self.ideas_record, voter) <= 0:
            self.notify(
                t("brainstorm.budget_used", voter=self.voter_name(voter), budget=voting.budget),
                severity="warning",
                markup=False,
            )
            self.show_votes_left()
            return
        with self.capture.change():
            idea.votes[voter] = idea.votes.get(voter, 0) + 1
        self.show_cards(select=idea_id)

    def remove_dot(self, idea_id: str) -> None:
        idea = self.idea(idea_id)
        if idea is None or self.brainstorm.voting is None or self.read_only:
            return
        voter = self.state.voter
        if idea.votes.get(voter, 0) <= 0:
            self.notify(
                t("brainstorm.no_dot_here", voter=self.voter_name(voter)),
                severity="warning",
                markup=False,
            )
            return
        with self.capture.change():
            idea.votes[voter] -= 1
            if idea.votes[voter] <= 0:
                del idea.votes[voter]
        self.show_cards(select=idea_id)

    def _ranked_note(self) -> str:
        return stats.ranked_note(self.brainstorm, self.ideas_record)

    def merge(self, idea_id: str) -> None:
        """m on a card marks it; m on another card merges the marked one into it."""
        marked = self.state.merging
        if not marked or self.idea(marked) is None:
            self.state.merging = idea_id
            self.notify(t("brainstorm.merge_marked"))
            return
        self.state.merging = ""
        if marked == idea_id:
            return
        with self.capture.change():
            merged = stats.merge(self.ideas_record, idea_id, marked)
        if merged is not None:
            self.show_cards(select=merged.id)
            self.notify(t("brainstorm.merged", text=merged.text), markup=False)

    def toggle_ranked(self) -> None:
        self.state.ranked = not self.state.ranked
        self.show_cards()


VIEW = BrainstormView
