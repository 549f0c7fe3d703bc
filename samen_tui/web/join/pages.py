"""The participants' pages: plain HTML forms that work without JavaScript.

Every text that comes from a participant, the session or the workshop file goes
through :func:`esc` before it meets the markup. The pages link only to the server's
own script and stylesheet (``static/``): no framework, no CDN, no web font.

Plain Python: no textual, no aiohttp.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from html import escape

from samen_tui.i18n import language, t
from samen_tui.kinds.brainstorm.model import BrainstormStep
from samen_tui.kinds.brainstorm.record import BrainstormRecord
from samen_tui.kinds.questions.model import QuestionsStep
from samen_tui.kinds.questions.record import QuestionsRecord
from samen_tui.kinds.rate.model import RateStep
from samen_tui.kinds.rate.record import RateRecord
from samen_tui.kinds.sort.model import SortStep
from samen_tui.kinds.sort.record import SortRecord
from samen_tui.session.model import Participant, Session
from samen_tui.web.join.desk import (
    ANSWER_LIMIT,
    CARD_LIMIT,
    IDEA_LIMIT,
    NAME_LIMIT,
    WRITABLE,
    Desk,
)


def esc(text: object) -> str:
    """Text as HTML text (and attribute values)."""
    return escape(str(text), quote=True)


def document(
    prefix: str, title: str, body: str, *, step: str | None = None, open_: bool = True
) -> str:
    """A whole page. ``step`` and ``open_``: what the script compares with the poll
    (``step`` None: a page that follows nothing)."""
    follow = ""
    if step is not None:
        follow = (
            f' data-step="{esc(step)}" data-open="{"true" if open_ else "false"}"'
            f' data-moved="{esc(t("join.page.moved"))}"'
        )
    return (
        "<!doctype html>\n"
        f'<html lang="{esc(language())}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="same-origin">'
        f"<title>{esc(title)}</title>"
        f'<link rel="stylesheet" href="{esc(prefix)}static/join.css">'
        f'<script src="{esc(prefix)}static/join.js" defer></script>'
        f'</head><body data-poll="{esc(prefix)}poll"{follow}>'
        f"<main>{body}</main></body></html>\n"
    )


@lru_cache(maxsize=64)
def markdown(text: str) -> str:
    """A step's Markdown text as HTML; raw HTML in it is shown as text (and links to
    ``javascript:`` and the like are not made), as markdown-it does with html off.
    Kept per text: every phone loads the same step's page again and again."""
    from markdown_it import MarkdownIt

    html: str = MarkdownIt("commonmark", {"html": False}).render(text)
    return html


def csrf_field(csrf: str) -> str:
    return f'<input type="hidden" name="csrf" value="{esc(csrf)}">'


def notice(text: str, kind: str) -> str:
    if not text:
        return ""
    role = "alert" if kind == "error" else "status"
    return f'<p class="notice {kind}" role="{role}">{esc(text)}</p>'


def text_field(name: str, label: str, limit: int, ident: str) -> str:
    return (
        f'<label for="{esc(ident)}">{esc(label)}</label>'
        f'<input id="{esc(ident)}" name="{esc(name)}" type="text" maxlength="{limit}"'
        ' required autocomplete="off">'
    )


# --------------------------------------------------------------------------- pages


def code_page(error: str = "") -> str:
    """``/``: the short join code, for who typed the address instead of scanning."""
    body = (
        f"<h1>{esc(t('join.page.title'))}</h1>"
        + notice(error, "error")
        + '<form method="post" action="/" class="card">'
        + text_field("code", t("join.page.code"), 16, "code")
        + f'<button type="submit">{esc(t("join.page.go"))}</button></form>'
    )
    return document("/", t("join.page.title"), body)


def join_page(prefix: str, session: Session, csrf: str, error: str = "") -> str:
    """Pick your name from the list, or add it."""
    people = "".join(
        f'<button type="submit" name="participant" value="{esc(p.id)}" class="name">'
        f"{esc(p.name)}"
        + (f" <small>{esc(p.organisation)}</small>" if p.organisation else "")
        + "</button>"
        for p in session.participants
        if p.name
    )
    pick = ""
    if people:
        pick = (
            f'<form method="post" action="{esc(prefix)}join" class="card">'
            f"{csrf_field(csrf)}<h2>{esc(t('join.page.pick'))}</h2>"
            f'<div class="names">{people}</div></form>'
        )
    add = (
        f'<form method="post" action="{esc(prefix)}join" class="card">{csrf_field(csrf)}'
        f"<h2>{esc(t('join.page.add'))}</h2>"
        + text_field("name", t("join.page.name"), NAME_LIMIT, "name")
        + f'<button type="submit">{esc(t("join.page.join"))}</button></form>'
    )
    body = (
        f"<h1>{esc(session.title or t('join.page.title'))}</h1>"
        f"<p>{esc(t('join.page.intro'))}</p>" + notice(error, "error") + pick + add
    )
    return document(prefix, t("join.page.title"), body)


def error_page(prefix: str, message: str) -> str:
    body = (
        notice(message, "error")
        + f'<p><a href="{esc(prefix)}step">{esc(t("join.page.back"))}</a></p>'
    )
    return document(prefix, t("join.page.title"), body)


def step_page(
    prefix: str,
    desk: Desk,
    who: Participant,
    csrf: str,
    *,
    flash: str = "",
    error: str = "",
) -> str:
    """The current step, as this participant can take part in it."""
    session = desk.session
    step = desk.current_step()
    head = (
        f'<header><p class="who">{esc(t("join.page.you_are", name=who.name))}'
        f' · <a href="{esc(prefix)}?other=1">{esc(t("join.page.other_name"))}</a></p>'
        + (f"<h1>{esc(step.title)}</h1>" if step is not None else "")
        + "</header>"
        + notice(error, "error")
        + notice(flash, "ok")
    )
    if step is None:
        return document(prefix, t("join.page.title"), head, step="")
    intro = f'<div class="text">{markdown(step.text)}</div>' if step.text else ""
    open_ = desk.is_open(step.id)
    if not open_ and step.KIND in WRITABLE:
        intro += notice(t("join.error.closed"), "info")
    form = Forms(prefix, csrf, step.id, open_)
    if isinstance(step, SortStep):
        section = sort_section(form, step, session, who)
    elif isinstance(step, RateStep):
        section = rate_section(form, step, session, desk.voter(step, who))
    elif isinstance(step, BrainstormStep):
        key = desk.voter(step, who)
        section = brainstorm_section(form, step, session, key, desk.votes_left(step, key))
    elif isinstance(step, QuestionsStep):
        section = questions_section(form, step, session, who)
    else:
        section = f'<p class="readonly">{esc(t("join.page.watch"))}</p>'
    return document(
        prefix,
        step.title,
        head + intro + section,
        step=step.id,
        open_=open_,
    )


class Forms:
    """How a step's forms start: where they post, the CSRF token, the step id."""

    def __init__(self, prefix: str, csrf: str, step_id: str, open_: bool) -> None:
        self.prefix = prefix
        self.csrf = csrf
        self.step_id = step_id
        self.open = open_

    def start(self, route: str, classes: str = "card", ident: str = "") -> str:
        attribute = f' id="{esc(ident)}"' if ident else ""
        return (
            f'<form method="post" action="{esc(self.prefix)}{route}" class="{classes}"{attribute}>'
            f'{csrf_field(self.csrf)}<input type="hidden" name="step" value="{esc(self.step_id)}">'
        )


def items_list(texts: Iterable[str], empty: str) -> str:
    rows = "".join(f"<li>{esc(text)}</li>" for text in texts)
    return f"<ul>{rows}</ul>" if rows else f'<p class="muted">{esc(empty)}</p>'


def sort_section(form: Forms, step: SortStep, session: Session, who: Participant) -> str:
    record = session.records.get(step.id)
    cards = record.cards if isinstance(record, SortRecord) else []
    out = ""
    if form.open:
        choices = "".join(
            f'<label class="choice"><input type="radio" name="category" value="{esc(c.id)}"'
            f" required{' checked' if n == 0 else ''}> <span><b>{esc(c.title)}</b>"
            + (f" <small>{esc(', '.join(c.hints))}</small>" if c.hints else "")
            + "</span></label>"
            for n, c in enumerate(step.categories)
        )
        out += (
            form.start("card")
            + text_field("text", t("join.sort.text"), CARD_LIMIT, "card-text")
            + f"<fieldset><legend>{esc(t('join.sort.category'))}</legend>{choices}</fieldset>"
            + f'<button type="submit">{esc(t("join.sort.add"))}</button></form>'
        )
    for category in step.categories:
        mine = [c.text for c in cards if c.category == category.id]
        out += f'<section class="card"><h2>{esc(category.title)} ({len(mine)})</h2>'
        out += items_list(mine, t("join.page.none_yet")) + "</section>"
    return out


def rate_section(form: Forms, step: RateStep, session: Session, key: str) -> str:
    """``key``: whose ratings are this participant's (their id, or an anonymous slot)."""
    record = session.records.get(step.id)
    ratings = record.ratings if isinstance(record, RateRecord) else {}
    if not step.per_participant:
        return f'<p class="readonly">{esc(t("join.error.group_only"))}</p>'
    out = ""
    for group in step.groups:
        out += f"<h2>{esc(group.title)}</h2>"
        for item in step.items_of(group.id):
            mine = ratings[item.id].by.get(key) if key and item.id in ratings else None
            anchor = f"r-{item.id}"
            out += (
                form.start("rate", "card item", anchor)
                if form.open
                else f'<div class="card item" id="{esc(anchor)}">'
            )
            out += f"<h3>{esc(item.title)}</h3>"
            if item.description:
                out += f'<p class="muted">{esc(item.description)}</p>'
            out += f'<input type="hidden" name="item" value="{esc(item.id)}">' if form.open else ""
            buttons = "".join(
                f'<button type="submit" name="value" value="{v}"'
                f' aria-pressed="{"true" if v == mine else "false"}"'
                f"{'' if form.open else ' disabled'}>"
                f"<b>{v}</b> <small>{esc(step.scale.label(v))}</small></button>"
                for v in step.scale.values
            )
            out += f'<div class="scale" role="group" aria-label="{esc(item.title)}">{buttons}</div>'
            out += "</form>" if form.open else "</div>"
    return out


def brainstorm_section(
    form: Forms, step: BrainstormStep, session: Session, key: str, left: int
) -> str:
    """``key``: whose dots are this participant's (their id, or an anonymous slot)."""
    record = session.records.get(step.id)
    ideas = record.ideas if isinstance(record, BrainstormRecord) else []
    voting = step.voting is not None and step.voting.per == "participant"
    out = ""
    if voting and step.voting is not None:
        left_text = t("join.brainstorm.left", left=left, budget=step.voting.budget)
        out += f'<p class="dots">{esc(left_text)}</p>'
    for prompt in step.prompts:
        out += f'<section class="card" id="p-{esc(prompt.id)}"><h2>{esc(prompt.title)}</h2>'
        if prompt.question:
            out += f'<p class="muted">{esc(prompt.question)}</p>'
        if form.open:
            out += (
                form.start("idea", "add")
                + f'<input type="hidden" name="prompt" value="{esc(prompt.id)}">'
                + text_field("text", t("join.brainstorm.text"), IDEA_LIMIT, f"idea-{prompt.id}")
                + f'<button type="submit">{esc(t("join.brainstorm.add"))}</button></form>'
            )
        rows = ""
        for idea in (i for i in ideas if i.prompt == prompt.id):
            mine = idea.votes.get(key, 0) if key else 0
            rows += f'<li id="i-{esc(idea.id)}"><span class="idea">{esc(idea.text)}</span>'
            if voting and form.open:
                rows += (
                    form.start("vote", "vote")
                    + f'<input type="hidden" name="idea" value="{esc(idea.id)}">'
                    + f'<button type="submit" name="delta" value="-1"{"" if mine else " disabled"}'
                    f' aria-label="{esc(t("join.brainstorm.less"))}">−</button>'
                    + f'<span class="mine">{"●" * mine or "○"}</span>'
                    + f'<button type="submit" name="delta" value="1"{"" if left else " disabled"}'
                    f' aria-label="{esc(t("join.brainstorm.more"))}">+</button></form>'
                )
            rows += "</li>"
        out += f'<ul class="ideas">{rows}</ul>' if rows else ""
        out += "</section>"
    return out


def questions_section(form: Forms, step: QuestionsStep, session: Session, who: Participant) -> str:
    record = session.records.get(step.id)
    answers = record.answers if isinstance(record, QuestionsRecord) else []
    out = ""
    for number, question in enumerate(step.questions, start=1):
        out += f'<section class="card" id="q-{esc(question.id)}">'
        out += f"<h2>{number}. {esc(question.text)}</h2>"
        if form.open:
            out += (
                form.start("answer", "add")
                + f'<input type="hidden" name="question" value="{esc(question.id)}">'
                + text_field("text", t("join.questions.text"), ANSWER_LIMIT, f"q-{question.id}")
                + f'<button type="submit">{esc(t("join.questions.add"))}</button></form>'
            )
        out += items_list(
            (a.text for a in answers if a.question == question.id), t("join.page.none_yet")
        )
        out += "</section>"
    return out
