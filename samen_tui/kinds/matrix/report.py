"""The matrix step in the verslag: per quadrant its items, and a table of the scores.
Never imports textual."""

from __future__ import annotations

from samen_tui.i18n import t
from samen_tui.kinds import flow
from samen_tui.kinds.matrix.model import Axis, MatrixItem, MatrixStep
from samen_tui.kinds.matrix.record import MatrixRecord
from samen_tui.report.blocks import Block, Bullets, Heading, Table
from samen_tui.report.helpers import as_record, as_step, current_workshop, notes
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import Step


def section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    matrix = flow.resolve(as_step(step, MatrixStep), session, current_workshop())
    record = as_record(rec, MatrixRecord)
    if record is None or (not record.points and not notes(record.notes)):
        return []
    rows = []
    placed: dict[str, list[str]] = {}
    for item in matrix.items:
        point = record.points.get(item.id)
        x = point.x if point is not None else None
        y = point.y if point is not None else None
        quadrant = matrix.quadrant(x, y)
        if quadrant:
            placed.setdefault(quadrant, []).append(item.title)
        rows.append(
            (
                item.title,
                str(x) if x is not None else t("report.none"),
                str(y) if y is not None else t("report.none"),
                quadrant,
            )
        )
    blocks: list[Block] = []
    for quadrant, titles in placed.items():
        blocks.append(Heading(f"{quadrant} ({len(titles)})", level=4))
        blocks.append(Bullets(tuple(titles)))
    blocks.append(
        Table(
            (t("report.matrix.item"), matrix.x.title, matrix.y.title, t("report.matrix.quadrant")),
            tuple(rows),
            align="lrrl",
            caption=t("report.matrix.caption", x=matrix.x.title, y=matrix.y.title),
            row_headers=True,
        )
    )
    blocks.extend(notes(record.notes))
    return blocks


def stand_in(step_id: str, rec: Record) -> Step:
    assert isinstance(rec, MatrixRecord)
    values = [v for p in rec.points.values() for v in (p.x, p.y) if v is not None]
    high = max([5, *values])
    return MatrixStep(
        id=step_id,
        title=step_id,
        x=Axis(title="x", min=min([1, *values]), max=min(high, 9)),
        y=Axis(title="y", min=min([1, *values]), max=min(high, 9)),
        items=tuple(MatrixItem(id=k, title=k) for k in rec.points),
    )
