"""What a screening says: a tier, the kinds of risk, and the evidence behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any


class Tier(IntEnum):
    """Ordered, so that `max()` takes the most serious. Defined in shared/data/risk/README.md."""

    NONE = 0
    CONCERN = 1  # distress worth a professional's attention; no current suicidal ideation
    URGENT = 2  # current ideation without plan, self-harm, abuse, a third person at risk, a medical red flag
    CRISIS = 3  # ideation with method, plan, intent, means or timeframe; an attempt; goodbyes; an emergency now

    @property
    def label(self) -> str:
        return self.name.lower()


class Category(StrEnum):
    SUICIDAL_IDEATION = "suicidal_ideation"
    SELF_HARM = "self_harm"
    ABUSE_VIOLENCE = "abuse_violence"
    SUBSTANCE_EMERGENCY = "substance_emergency"
    MEDICAL_EMERGENCY = "medical_emergency"
    POSTPARTUM_MOOD = "postpartum_mood"
    THIRD_PERSON = "third_person"
    GENERAL_DISTRESS = "general_distress"


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class Screening:
    tier: Tier
    categories: tuple[Category, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    method_detail: bool = False  # describes a method in detail; the server may hide it from the group
    discounted: tuple[Evidence, ...] = field(default=(), compare=False)  # matches set aside, and why

    def as_dict(self) -> dict[str, Any]:
        return {
            "tier": self.tier.label,
            "categories": [c.value for c in self.categories],
            "evidence": [e.as_dict() for e in self.evidence],
        }
