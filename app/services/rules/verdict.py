"""Value types of the rules module: what a caller passes in and what it gets back.

They are plain frozen dataclasses and string enums so a verdict can be compared, hashed,
logged and turned into JSON by the HTTP layer without this package knowing about pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    """Phase of a demonstration: I forbids any direction, II allows peer best practices."""

    ONE = "I"
    TWO = "II"


class Intent(StrEnum):
    """What the liaison *says* the message is. Never trusted to let a text through."""

    VERIFICATION = "verification"
    LOGISTICS = "logistics"
    BEST_PRACTICE = "best_practice"


class Category(StrEnum):
    """What the text *is*, as found by the detector."""

    ADVICE = "advice"
    BEST_PRACTICE = "best_practice"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Reason:
    """One finding: which rule fired, on which exact part of the original text, and why."""

    rule_id: str
    category: Category
    span: str
    start: int
    end: int
    explanation: str


@dataclass(frozen=True)
class Verdict:
    """The decision on one liaison message."""

    allowed: bool
    category: Category
    reasons: tuple[Reason, ...]
    language: str
    language_supported: bool
    phase: Phase
    declared_intent: Intent | None


_PHASE_ALIASES: dict[str, Phase] = {
    "i": Phase.ONE,
    "1": Phase.ONE,
    "one": Phase.ONE,
    "phase i": Phase.ONE,
    "ii": Phase.TWO,
    "2": Phase.TWO,
    "two": Phase.TWO,
    "phase ii": Phase.TWO,
}


def parse_phase(phase: Phase | str) -> Phase:
    """Accept the enum or a forgiving string ("I", "ii", "2"); raise ValueError otherwise."""
    if isinstance(phase, Phase):
        return phase
    key = str(phase).strip().casefold()
    if key not in _PHASE_ALIASES:
        raise ValueError(f"unknown phase {phase!r}: expected 'I' or 'II'")
    return _PHASE_ALIASES[key]


def parse_intent(intent: Intent | str | None) -> Intent | None:
    """Accept the enum, its value in any case, or None; raise ValueError otherwise."""
    if intent is None or isinstance(intent, Intent):
        return intent
    key = str(intent).strip().casefold().replace("-", "_").replace(" ", "_")
    try:
        return Intent(key)
    except ValueError:
        raise ValueError(f"unknown intent {intent!r}") from None
