"""The brainstorm step in the verslag: ideas per prompt, ranked by votes.

This module never imports textual.
"""

from __future__ import annotations

from samen_tui.i18n import t
from samen_tui.kinds import flow
from samen_tui.kinds.brainstorm.model import BrainstormStep, Prompt, Voting
from samen_tui.kinds.brainstorm.record import BrainstormRecord
from samen_tui.kinds.brainstorm.stats import ranked, ranks
from samen_tui.report.blocks import BarChart, Block, Bullets, ChartBar, Heading, Table
from samen_tui.report.helpers import as_record, as_step, card_who, current_workshop, notes
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import Step


def section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """Ideas per prompt, ranked by votes when the step has voting (a table and its
    bars); the trainer's notes in the version with them. With ``from``, the prompts
    are the earlier step's cards as they are now (see :mod:`samen_tui.kinds.flow`)."""
    brainstorm = flow.resolve(as_step(step, BrainstormStep), session, current_workshop())
    record = as_record(rec, BrainstormRecord)
    if record is None or (not record.ideas and not notes(record.notes)):
        return []
    prompts = list(brainstorm.prompts)
    known = {p.id for p in prompts}
    for idea in record.ideas:
        if idea.prompt not in known:
            prompts.append(Prompt(id=idea.prompt, title=idea.prompt or t("report.other")))
            known.add(idea.prompt)
    voted = brainstorm.voting is not None or any(idea.votes for idea in record.ideas)
    blocks: list[Block] = []
    for prompt in prompts:
        ideas = ranked(brainstorm, record, prompt.id)
        if not ideas:
            continue
        blocks.append(Heading(prompt.title, level=4))
        if voted:
            blocks.append(
                Table(
                    (
                        t("report.brainstorm.rank"),
                        brainstorm.words.get("report_idea"),
                        t("report.brainstorm.votes"),
                        t("report.brainstorm.who"),
                    ),
                    tuple(
                        (str(rank), idea.text, str(idea.total_votes), card_who(session, idea.who))
                        for rank, idea in zip(ranks(ideas), ideas, strict=True)
                    ),
                    align="rlrl",
                    caption=brainstorm.words.get("report_caption", prompt=prompt.title),
                )
            )
            blocks.append(
                BarChart(
                    t("report.brainstorm.chart", prompt=prompt.title),
                    tuple(
                        ChartBar(idea.text, float(idea.total_votes), str(idea.total_votes))
                        for idea in ideas
                    ),
                )
            )
        else:
            blocks.append(
                Bullets(
                    tuple(
                        t("report.said_by", text=idea.text, who=card_who(session, idea.who))
                        for idea in ideas
                    )
                )
            )
    if brainstorm.overall and voted and len(prompts) > 1:
        blocks.extend(_overall(brainstorm, record, {p.id: p.title for p in prompts}))
    blocks.extend(notes(record.notes))
    return blocks


def _overall(step: BrainstormStep, record: BrainstormRecord, titles: dict[str, str]) -> list[Block]:
    """Every idea of every prompt in one ranking (``overall = true``)."""
    ideas = ranked(step, record)
    return [
        Heading(t("report.brainstorm.overall"), level=4),
        Table(
            (
                t("report.brainstorm.rank"),
                step.words.get("report_idea"),
                t("report.brainstorm.prompt"),
                t("report.brainstorm.votes"),
            ),
            tuple(
                (str(rank), idea.text, titles.get(idea.prompt, idea.prompt), str(idea.total_votes))
                for rank, idea in zip(ranks(ideas), ideas, strict=True)
            ),
            align="rllr",
            caption=t("report.brainstorm.overall_caption"),
        ),
    ]


def stand_in(step_id: str, rec: Record) -> Step:
    """A step with the prompts the ideas name (titled by their ids, or by the text a
    prompt taken from an earlier step had); voted if any idea has dots."""
    assert isinstance(rec, BrainstormRecord)
    return BrainstormStep(
        id=step_id,
        title=step_id,
        prompts=tuple(
            Prompt(id=p, title=rec.prompts.get(p) or p or t("report.other"))
            for p in dict.fromkeys(i.prompt for i in rec.ideas)
        ),
        voting=Voting() if any(i.votes for i in rec.ideas) else None,
    )
