"""The state a step's view keeps per capture and step (rate, sort and brainstorm share
it: ``samen_tui.tui.steps.memory``)."""

from __future__ import annotations

import gc
from dataclasses import dataclass

from samen_tui.tui.steps.memory import StepMemory


@dataclass
class Choice:
    who: str = "group"


class Capture:
    """Stands in for a screen's capture: only its identity matters here."""


def test_the_same_step_of_the_same_capture_keeps_its_state() -> None:
    memory = StepMemory(Choice)
    capture = Capture()
    first = memory.of(capture, "a")
    first.who = "p1"
    assert memory.of(capture, "a") is first
    assert memory.of(capture, "a").who == "p1"


def test_each_step_and_each_capture_has_its_own() -> None:
    memory = StepMemory(Choice)
    one, other = Capture(), Capture()
    memory.of(one, "a").who = "p1"
    assert memory.of(one, "b").who == "group"
    assert memory.of(other, "a").who == "group"
    assert memory.of(one, "b") is not memory.of(one, "a")


def test_two_memories_do_not_share() -> None:
    first, second = StepMemory(Choice), StepMemory(Choice)
    capture = Capture()
    first.of(capture, "a").who = "p1"
    assert second.of(capture, "a").who == "group"


def test_the_state_goes_with_its_capture() -> None:
    memory = StepMemory(Choice)
    capture = Capture()
    memory.of(capture, "a")
    assert len(memory._kept) == 1
    del capture
    gc.collect()
    assert len(memory._kept) == 0


def test_a_capture_that_cannot_be_weakly_referenced_gets_a_new_state_each_time() -> None:
    memory = StepMemory(Choice)
    capture = object()  # no __weakref__
    first = memory.of(capture, "a")
    first.who = "p1"
    again = memory.of(capture, "a")
    assert again is not first
    assert again.who == "group"


def test_the_factory_runs_once_per_step() -> None:
    made: list[Choice] = []

    def new() -> Choice:
        made.append(Choice())
        return made[-1]

    memory = StepMemory(new)
    capture = Capture()
    for _ in range(3):
        memory.of(capture, "a")
    memory.of(capture, "b")
    assert len(made) == 2
