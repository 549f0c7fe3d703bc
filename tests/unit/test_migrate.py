"""A session follows a changed workshop file without losing a record."""

from __future__ import annotations

from dataclasses import replace

from samen_tui.kinds.content.model import ContentStep
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.kinds.sort.model import Category, SortStep
from samen_tui.kinds.sort.record import SortRecord
from samen_tui.session.migrate import diff, reconcile
from samen_tui.session.model import Session
from samen_tui.workshop.model import AgendaItem, Meta, Workshop


def workshop(*steps: ContentStep | SortStep, fingerprint: str = "sha256:a") -> Workshop:
    return Workshop(
        meta=Meta(id="w", title="W"),
        items=(AgendaItem(id="i", title="I", minutes=10, steps=tuple(steps)),),
        fingerprint=fingerprint,
    )


A = ContentStep(id="a", title="A")
B = ContentStep(id="b", title="B")
C = ContentStep(id="c", title="C")


def test_removed_record_is_kept_aside_and_comes_back() -> None:
    old = workshop(A, B, C)
    session = Session(workshop="w", fingerprint=old.fingerprint, steps=old.step_ids(), current="b")
    session.records["b"] = ContentRecord(notes="bewaar mij")
    new = workshop(A, C, fingerprint="sha256:b")
    changes = reconcile(session, new)
    assert changes.removed == ["b"] and changes.kept_aside == ["b"]
    assert changes.fingerprint_changed
    assert "b" not in session.records
    assert session.removed_steps["b"] == {"kind": "content", "notes": "bewaar mij"}
    assert session.current == "c", "the trainer lands on the next step that still exists"
    assert session.steps == ["a", "c"] and session.fingerprint == "sha256:b"
    # the step returns: so does its record
    changes = reconcile(session, workshop(A, B, C, fingerprint="sha256:c"))
    assert changes.added == ["B"] and changes.restored == ["b"]
    assert isinstance(session.records["b"], ContentRecord)
    assert session.records["b"].notes == "bewaar mij" and not session.removed_steps


def test_a_step_that_changed_kind_keeps_its_old_record_aside() -> None:
    old = workshop(A)
    session = Session(workshop="w", fingerprint=old.fingerprint, steps=["a"], current="a")
    session.records["a"] = ContentRecord(notes="x")
    sort = SortStep(id="a", title="A", categories=(Category(id="k", title="K"),))
    reconcile(session, workshop(sort, fingerprint="sha256:z"))
    assert "a" not in session.records and session.removed_steps["a"]["kind"] == "content"
    assert isinstance(session.record("a", "sort"), SortRecord)


def test_diff_without_changes() -> None:
    w = workshop(A, B)
    session = Session(workshop="w", fingerprint=w.fingerprint, steps=w.step_ids())
    changes = diff(session, w)
    assert not changes.any and not changes.fingerprint_changed
    changed_text = replace(w, fingerprint="sha256:other")
    changes = diff(session, changed_text)
    assert changes.fingerprint_changed and not changes.any
