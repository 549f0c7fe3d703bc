"""The conversation step: the conversation types and the phased flows (BOB, BARB).
Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from samen_tui.i18n import t
from samen_tui.values import FrozenValues
from samen_tui.workshop.model import Problem, Step, Words


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ConversationType(FrozenValues):
    id: str
    title: str
    question: str
    chain: tuple[str, ...]
    outcome: str


PhaseCapture = Literal["notes", "mandates", "decisions"]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Phase(FrozenValues):
    id: str
    title: str
    question: str
    capture: PhaseCapture = "notes"
    """What the trainer captures here besides notes: ``mandates`` (per partner: what
    to take back, who holds the mandate, by when) or ``decisions`` (decisions and
    actions wie/wat/wanneer)."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Flow(FrozenValues):
    id: str
    title: str
    description: str = ""
    phases: tuple[Phase, ...]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ConversationWords(Words):
    """The words of a conversation step's screen and verslag (empty: the default workshop's)."""

    CATALOG: ClassVar[dict[str, str]] = {
        "types": "conversation.types",
        "flow": "conversation.flow",
        "choose_flow": "conversation.choose_flow",
        "report_flow": "report.conversation.flow",
    }
    types: str = ""
    """Above the conversation types: "Gesprekstypen: stappen (→) en uitkomst (⇒)"."""
    flow: str = ""
    """Above the flows: "Gespreksvorm (kies samen)"."""
    choose_flow: str = ""
    """Before a flow is chosen."""
    report_flow: str = ""
    """The verslag's label of the flow chosen: "Gespreksvorm:"."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ConversationStep(Step):
    """The conversation types and the phased flows (BOB, BARB) the group can choose."""

    KIND: ClassVar[str] = "conversation"
    words: ConversationWords = field(default_factory=ConversationWords)
    types: tuple[ConversationType, ...] = ()
    flows: tuple[Flow, ...]

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.flows:
            problems.append((("flows",), t("workshop.check.no_flows")))
        for index, flow in enumerate(self.flows):
            if not flow.phases:
                problems.append((("flows", index, "phases"), t("workshop.check.no_phases")))
            seen: set[str] = set()
            for p_index, phase in enumerate(flow.phases):
                if phase.id in seen:
                    problems.append(
                        (
                            ("flows", index, "phases", p_index, "id"),
                            t("workshop.check.duplicate_phase", phase=phase.id, flow=flow.id),
                        )
                    )
                seen.add(phase.id)
        for index, ctype in enumerate(self.types):
            if not ctype.chain:
                problems.append((("types", index, "chain"), t("workshop.check.empty_chain")))
        return problems


STEP = ConversationStep

DUTCH_KEYS = {
    "vraag": "question",
    "fasen": "phases",
    "fases": "phases",
    "uitkomst": "outcome",
    "keten": "chain",
    "soorten": "types",
}
