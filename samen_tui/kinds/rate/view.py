"""rate: items in groups, each rated on the workshop's scale (the ingredient checklist).

Every ingredient is one row: its title, the score of whoever rates now (the group,
or a participant when the step allows it), and the mean and spread of its scores
(``samen_tui.session.stats``). Each cluster has a bar with its mean on the scale;
the ``step.weakest`` weakest ingredients are marked as where the conversation
starts. When the view is tall enough every cluster is shown at once; otherwise
one cluster per tab (switched on resize; the focused ingredient and the rater
stay).

The rows and their keys are in :mod:`~samen_tui.kinds.rate.view_rows`, what they
draw in :mod:`~samen_tui.kinds.rate.draw`; the "who" picker is the sort step's.

Keys on a row: ↑/↓ other ingredient (on into the next cluster), a number key
scores it, x/Delete clears the score, Enter/n edits the note (Enter or Esc is
done), ←/→ or F4 chooses who rates; g shows or hides the radar of a step with
``chart = "radar"`` (:mod:`~samen_tui.kinds.rate.view_radar`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, TabbedContent, TabPane

from samen_tui.i18n import t
from samen_tui.kinds import flow
from samen_tui.kinds.participants import anonymous
from samen_tui.kinds.rate.draw import bar_text, number, score_text, score_width, weakest_text
from samen_tui.kinds.rate.model import Group, RateItem, RateStep
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.kinds.rate.stats import ItemStat, group_means, item_ratings, weakest
from samen_tui.kinds.rate.view_radar import RadarCell, place, show, toggle
from samen_tui.kinds.rate.view_rows import Cell, ClusterHead, IngredientRow, NoteInput, RaterBar
from samen_tui.kinds.sort.view_who import WhoPicker
from samen_tui.session.model import GROUP
from samen_tui.session.stats import who_label
from samen_tui.tui.steps.base import Capture, StepView
from samen_tui.tui.steps.memory import StepMemory

# --------------------------------------------------------------------------- state


@dataclass
class RateState:
    rater: str = GROUP
    """Whose score the number keys set: the group or a participant id."""
    current: str = ""
    """The ingredient that has (or last had) the focus."""
    radar: bool | None = None
    """The radar (``chart = "radar"``) on or off by **g**; None: where there is room."""


_STATES = StepMemory(RateState)


# --------------------------------------------------------------------------- the view


class RateView(StepView):
    HELP = "help.step.rate"

    DEFAULT_CSS = """
    RateView { overflow-y: hidden; padding: 0; }
    RateView #rate-scroll { height: 1fr; padding: 0 1; }
    RateView .rate-line { height: 1; width: 1fr; }
    RateView #rate-rater { color: $text-muted; padding-left: 1; }
    RateView #rate-rater .rate-line--title { color: $text; }
    RateView .rate-cluster { height: auto; margin-bottom: 1; }
    RateView .rate-head { background: $primary 30%; padding-left: 1; }
    RateView .rate-head .rate-line--title { text-style: bold; }
    RateView .rate-row { height: auto; padding-left: 1; }
    RateView .rate-row:hover { background: $boost; }
    RateView .rate-row:focus { background: $accent 30%; }
    RateView .rate-row.-weakest { padding-left: 0; border-left: outer $warning; }
    RateView .rate-row.-weakest .rate-line--title { text-style: bold; color: $text-warning; }
    RateView .rate-note { color: $text-muted; text-style: italic; padding-left: 2; height: auto; }
    RateView .rate-note.-empty { display: none; }
    RateView TabbedContent { height: auto; }
    RateView TabPane { padding: 0; }
    RateView #rate-panel { height: auto; max-height: 8; padding: 0 1; background: $panel; }
    RateView #rate-weakest { height: auto; }
    RateView #rate-detail { height: auto; color: $text-muted; }
    RateView #rate-note-input { display: none; }
    RateView.-noting #rate-note-input { display: block; }
    RateView.-radar-only .rate-cluster, RateView.-radar-only #rate-tabs,
    RateView.-radar-only #rate-detail { display: none; }
    """

    BINDINGS = [
        Binding("f4", "who", "key.rate.who", id="rate.who", tooltip="tip.rate.who"),
        Binding("g", "chart", "key.rate.chart", id="rate.chart", tooltip="tip.rate.chart"),
    ]

    def __init__(self, step: RateStep, capture: Capture, *, id: str | None = None) -> None:
        # items from an earlier step (``from``): what that step holds now
        super().__init__(flow.resolve(step, capture.session, capture.workshop), capture, id=id)
        self.state = _STATES.of(capture, step.id)
        self._focus_tries = 0
        self._note_opened = 0
        self.wide: bool | None = None
        """All clusters at once (True) or one per tab (False); None before the first layout."""
        # held, not queried (a query walks the ~60 widgets of the view, and a score
        # key ran five of them): set by each compose
        self._rows: list[IngredientRow] = []
        self._heads: list[ClusterHead] = []
        self._rater_bar: RaterBar | None = None
        self._weakest_cell: Cell | None = None
        self._detail_cell: Cell | None = None
        self.radar_cell: RadarCell | None = None
        self.gone = False
        """Being removed (unmounted): a show asked for before must not run."""
        self.typed: tuple[str, str, float] = ("", "", 0.0)
        """The item, the first digit and when, of a score that may get a second digit."""

    # ------------------------------------------------------------------ model

    @property
    def rate_step(self) -> RateStep:
        assert isinstance(self.step, RateStep)
        return self.step

    @property
    def rate_record(self) -> RateRecord:
        record = self.record
        assert isinstance(record, RateRecord)
        return record

    def ordered_items(self) -> list[RateItem]:
        """The items in display order: cluster by cluster."""
        step = self.rate_step
        return [item for group in step.groups for item in step.items_of(group.id)]

    def depends(self) -> object:
        """The participants, and with ``from`` the cards the items come from."""
        step = self.rate_step
        if not step.from_:
            return super().depends()
        cards = flow.cards_from(
            self.session, self.capture.workshop, step.from_, step.top, step.category
        )
        return (super().depends(), tuple(cards))

    def has_item(self, item_id: str) -> bool:
        return any(item.id == item_id for item in self.rate_step.items)

    def raters(self) -> list[str]:
        if not self.rate_step.per_participant:
            return [GROUP]
        if self.rate_step.anonymous:
            used = (pid for rating in self.rate_record.ratings.values() for pid in rating.by)
            return [GROUP, *anonymous.slots(used)]
        return [GROUP, *(p.id for p in self.session.participants)]

    def who(self, rater: str) -> str:
        """The name shown for a rater: a participant's, the group's, or "Anoniem 2"."""
        return anonymous.label(rater) or who_label(self.session, rater)

    @property
    def can_switch_rater(self) -> bool:
        return len(self.raters()) > 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "who":
            return self.can_switch_rater
        return self.rate_step.radar if action == "chart" else True

    # ------------------------------------------------------------------ layout

    def _rows_needed(self) -> int:
        """Rows to show every cluster at once (the intro may scroll away): the rater
        line, each cluster's head, items and gap, and the panel below."""
        step = self.rate_step
        clusters = sum(1 + len(step.items_of(g.id)) + 1 for g in step.groups)
        return 1 + clusters + 4

    def _want_wide(self, height: int) -> bool:
        return height >= self._rows_needed()

    def compose(self) -> ComposeResult:
        if self.state.rater not in self.raters():
            self.state.rater = GROUP
        if self.wide is None:
            height = self.size.height or max(self.app.size.height - 5, 1)
            self.wide = self._want_wide(height)
        step = self.rate_step
        cols = score_width(step.scale)
        self._rows = []
        self._heads = []
        self._rater_bar = RaterBar(cols, id="rate-rater")
        self._weakest_cell = Cell(id="rate-weakest")
        self._detail_cell = Cell(id="rate-detail")
        with VerticalScroll(id="rate-scroll"):
            if text := self.intro():
                yield text
            yield self._rater_bar
            if self.wide:
                for group in step.groups:
                    yield self._cluster(group, cols)
            else:
                current = self._group_of(self.state.current) or (
                    step.groups[0].id if step.groups else ""
                )
                initial = f"rate-tab-{self._group_index(current)}"
                with TabbedContent(id="rate-tabs", initial=initial):
                    for index, group in enumerate(step.groups):
                        with TabPane(Content(group.title), id=f"rate-tab-{index}"):
                            yield self._cluster(group, cols)
            self.radar_cell = RadarCell(id="rate-radar") if step.radar else None
            if self.radar_cell is not None:
                yield self.radar_cell
        with Vertical(id="rate-panel"):
            yield self._weakest_cell
            yield self._detail_cell
            if not self.read_only:
                yield NoteInput(
                    id="rate-note-input", max_length=1000, compact=True, select_on_focus=False
                )

    def _cluster(self, group: Group, cols: int) -> Vertical:
        step = self.rate_step
        head = ClusterHead(group, cols)
        rows = [IngredientRow(item, step, cols, self.read_only) for item in step.items_of(group.id)]
        self._heads.append(head)
        self._rows += rows
        return Vertical(head, *rows, classes="rate-cluster")

    def _group_of(self, item_id: str) -> str:
        for item in self.rate_step.items:
            if item.id == item_id:
                return item.group
        return ""

    def _group_index(self, group_id: str) -> int:
        for index, group in enumerate(self.rate_step.groups):
            if group.id == group_id:
                return index
        return 0

    def on_mount(self) -> None:
        self.call_after_refresh(self.show_data)

    def on_unmount(self) -> None:
        self.gone = True

    def on_resize(self, event: events.Resize) -> None:
        wide = self._want_wide(event.size.height)
        if wide != self.wide:
            self.wide = wide
            self.rebuild()
        else:
            place(self)

    def rebuild(self) -> None:
        """Compose the view anew (all clusters at once, or one per tab), keeping the
        focus in it if it was."""
        focused = self.screen.focused
        had_focus = focused is not None and self in focused.ancestors
        self.refresh(recompose=True)
        self.call_after_refresh(self._after_rebuild, had_focus)

    def _after_rebuild(self, had_focus: bool) -> None:
        self.show_data()
        focused = self.screen.focused
        if had_focus and (focused is None or self not in focused.ancestors):
            self.focus_first()

    def reload(self) -> None:
        self.rebuild()

    def record_changed(self) -> None:
        """A phone added to the record (#18): shown without composing anew."""
        self.show_data()

    def focus_first(self) -> None:
        if not any(row.is_attached for row in self._rows) and self._focus_tries < 20:
            self._focus_tries += 1  # not composed yet: once more after the next refresh
            self.call_after_refresh(self.focus_first)
            return
        self._focus_tries = 0
        if self.radar_cell is not None and self.has_class("-radar-only"):
            self.screen.set_focus(self.radar_cell)
            return
        item_id = self._item_to_focus()
        if item_id:
            self.focus_item(item_id)

    def _item_to_focus(self) -> str:
        """The ingredient the focus goes to when the view is shown: the last one the
        trainer was on, or the first."""
        if self.has_item(self.state.current):
            return self.state.current
        items = self.ordered_items()
        return items[0].id if items else ""

    # ------------------------------------------------------------------ showing

    def _row(self, item_id: str) -> IngredientRow | None:
        for row in self._rows:
            if row.item.id == item_id:
                return row if row.is_attached else None
        return None

    def show_data(self) -> None:
        """Show the record: every row, the cluster bars, the weakest, the detail."""
        detail = self._detail_cell
        if self.gone or not self.is_attached or detail is None or not detail.is_attached:
            return
        step = self.rate_step
        record = self.rate_record
        stats = {s.item.id: s for s in item_ratings(step, record)}
        weak = [s.item.id for s in weakest(step, record)]
        means = group_means(step, record)
        cols = score_width(step.scale)
        for row in self._rows:
            stat = stats[row.item.id]
            value = stat.group if self.state.rater == GROUP else stat.by.get(self.state.rater)
            title = Text(no_wrap=True, overflow="ellipsis")
            if row.item.id in weak:
                title.append(f"{weak.index(row.item.id) + 1}. ")
            title.append(row.item.title)
            row.line.show(
                title,
                score_text(step.scale, value),
                number(stat.mean) if stat.mean is not None else t("rate.none"),
                str(stat.spread) if stat.spread is not None and stat.n > 1 else "",
            )
            row.set_class(row.item.id in weak, "-weakest")
            note = row.note
            if note.show(Text(stat.note) if stat.note else "", layout=True):
                note.set_class(not stat.note, "-empty")
        for head in self._heads:
            mean = means.get(head.group.id) if step.totals else None
            head.show(
                Text(head.group.title),
                bar_text(step.scale, mean, cols - 2) if step.totals else "",
                (number(mean) if mean is not None else t("rate.none")) if step.totals else "",
                "",
            )
        self._show_rater()
        self._show_weakest(weak, stats)
        self._show_detail()
        show(self, list(stats.values()), weak)

    def _show_rater(self) -> None:
        bar = self._rater_bar
        if bar is None:
            return
        if self.can_switch_rater:
            title = Text(
                t("rate.rater", name=self.who(self.state.rater)),
                no_wrap=True,
                overflow="ellipsis",
            )
            title.append(t("rate.rater_keys"), style="dim")
        else:
            title = Text(t("rate.rater_fixed"), no_wrap=True, overflow="ellipsis")
        bar.show(title, t("rate.col.score"), t("rate.col.mean"), t("rate.col.spread"))

    def _show_weakest(self, weak: list[str], stats: dict[str, ItemStat]) -> None:
        cell = self._weakest_cell
        if cell is not None and self.rate_step.weakest <= 0:
            cell.display = False
        elif cell is not None:
            cell.show(weakest_text(self.rate_step, weak, stats), layout=True)

    def _show_detail(self) -> None:
        # before the view is shown (built ahead): the item the focus will go to, so
        # that the detail, its height and the layout stay as they are when it is shown
        detail = self._detail_cell
        if detail is None or not detail.is_attached:  # being recomposed or removed
            return
        item_id = self._item_to_focus()
        stat = next(
            (s for s in item_ratings(self.rate_step, self.rate_record) if s.item.id == item_id),
            None,
        )
        if stat is None:
            detail.show("", layout=True)
            return
        out = Text()
        out.append(stat.item.title, style="bold")
        if stat.item.description:
            out.append(f" — {stat.item.description}")
        out.append("\n")
        out.append(t("rate.detail_scores") + " ")
        parts: list[tuple[str, int]] = []
        if stat.group is not None:
            parts.append((who_label(self.session, GROUP), stat.group))
        parts.extend((self.who(pid), value) for pid, value in stat.by.items())
        if not parts:
            out.append(t("rate.detail_none"))
        for index, (name, value) in enumerate(parts):
            out.append(" · " if index else "")
            out.append(name)
            out.append(f" {value}", style="bold")
        if stat.mean is not None:
            out.append("  —  ")
            if stat.n > 1:
                out.append(
                    t(
                        "rate.detail_stats",
                        mean=number(stat.mean),
                        spread=stat.spread or 0,
                        n=stat.n,
                    )
                )
            else:
                out.append(t("rate.detail_stats_one", mean=number(stat.mean)))
            if stat.from_participants and stat.group is not None:
                out.append(t("rate.detail_from"), style="dim")
        detail.show(out, layout=True)

    # ------------------------------------------------------------------ focus

    def focused_item(self, item_id: str) -> None:
        if item_id != self.state.current:
            self.state.current = item_id
            self._show_detail()

    def focus_item(self, item_id: str) -> None:
        """Focus an ingredient's row (its tab comes along: the pane follows the focus)."""
        row = self._row(item_id)
        if row is None or not row.is_attached:
            return
        self.state.current = item_id
        if not self.wide:
            tabs = self.query_one("#rate-tabs", TabbedContent)
            tabs.active = f"rate-tab-{self._group_index(row.item.group)}"
        self.screen.set_focus(row)
        self._show_detail()

    def move_cursor(self, item_id: str, delta: int) -> None:
        ids = [item.id for item in self.ordered_items()]
        if item_id not in ids:
            return
        index = ids.index(item_id) + delta
        if 0 <= index < len(ids):
            self.focus_item(ids[index])

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A tab chosen (click, keys): put the focus on an ingredient in it."""
        event.stop()
        pane = event.pane
        if pane is None:
            return
        rows = list(pane.query(IngredientRow))
        if not rows:
            return
        focused = self.screen.focused
        if focused in rows or isinstance(focused, NoteInput):
            return
        target = next((r for r in rows if r.item.id == self.state.current), rows[0])
        self.focus_item(target.item.id)

    # ------------------------------------------------------------------ changes

    def _rating(self, item_id: str) -> Rating:
        return self.rate_record.ratings.setdefault(item_id, Rating())

    def _tidy(self, item_id: str) -> None:
        rating = self.rate_record.ratings.get(item_id)
        if rating is not None and rating.group is None and not rating.by and not rating.note:
            del self.rate_record.ratings[item_id]

    def rate(self, item_id: str, value: int) -> None:
        if self.read_only:
            return
        rating = self.rate_record.ratings.get(item_id)
        current = None
        if rating is not None:
            current = rating.group if self.state.rater == GROUP else rating.by.get(self.state.rater)
        if current == value:
            return
        with self.capture.change():
            rating = self._rating(item_id)
            if self.state.rater == GROUP:
                rating.group = value
            else:
                rating.by[self.state.rater] = value
        self.show_data()

    def clear(self, item_id: str) -> None:
        if self.read_only:
            return
        rating = self.rate_record.ratings.get(item_id)
        if rating is None:
            return
        rater = self.state.rater
        if (rater == GROUP and rating.group is None) or (rater != GROUP and rater not in rating.by):
            return
        with self.capture.change():
            if rater == GROUP:
                rating.group = None
            else:
                del rating.by[rater]
            self._tidy(item_id)
        self.show_data()

    def cycle_rater(self, delta: int) -> None:
        raters = self.raters()
        if len(raters) < 2:
            return
        index = raters.index(self.state.rater) if self.state.rater in raters else 0
        self.state.rater = raters[(index + delta) % len(raters)]
        self.show_data()

    def action_chart(self) -> None:
        toggle(self)

    def action_who(self) -> None:
        if not self.can_switch_rater:
            return
        if self.rate_step.anonymous:  # nobody to pick by name: the next number
            self.cycle_rater(1)
            return
        participants = list(self.session.participants)

        def chosen(who: str | None) -> None:
            if who is not None:
                self.state.rater = who
                self.show_data()
            self.call_after_refresh(self.focus_first)

        self.app.push_screen(WhoPicker(t("who.title.rate"), participants, self.state.rater), chosen)

    # ------------------------------------------------------------------ notes

    def edit_note(self, item_id: str) -> None:
        if self.read_only:
            return
        row = self._row(item_id)
        if row is None:
            return
        field = self.query_one("#rate-note-input", NoteInput)
        rating = self.rate_record.ratings.get(item_id)
        field.item_id = item_id
        self._note_opened += 1
        field.value = rating.note if rating is not None else ""
        field.placeholder = self.rate_step.words.get("note", item=row.item.title)
        field.cursor_position = len(field.value)
        self.add_class("-noting")
        self.screen.set_focus(field)

    @on(Input.Changed, "#rate-note-input")
    def _note_typed(self, event: Input.Changed) -> None:
        event.stop()
        self._apply_note()

    def _apply_note(self) -> None:
        """Put what the note field holds into the record (one undo step per burst)."""
        field = self.query_one("#rate-note-input", NoteInput)
        item_id = field.item_id
        if not item_id or self.read_only:
            return
        rating = self.rate_record.ratings.get(item_id)
        if (rating.note if rating is not None else "") == field.value:
            return
        # one undo step per opening of the note (and per burst of typing in it)
        self.capture.typing(f"{self.step.id}:note:{item_id}:{self._note_opened}")
        self._rating(item_id).note = field.value
        self._tidy(item_id)
        self.show_data()

    def note_done(self) -> None:
        self._apply_note()
        field = self.query_one("#rate-note-input", NoteInput)
        item_id = field.item_id
        field.item_id = ""
        self.remove_class("-noting")
        if item_id:
            self.focus_item(item_id)


VIEW = RateView
