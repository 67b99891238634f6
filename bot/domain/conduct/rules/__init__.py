"""The rule types peerbot ships. To add one, see docs/architecture.md ("How to add a conduct rule type")."""

from __future__ import annotations

from bot.domain.conduct.rules.base import RuleType
from bot.domain.conduct.rules.contact import ContactDetails
from bot.domain.conduct.rules.flooding import Flooding, FloodWatch, MentionSpam
from bot.domain.conduct.rules.harassment import Insult, Slur, Threat
from bot.domain.conduct.rules.links import UnsolicitedLink
from bot.domain.conduct.rules.medical import MedicalAdvice
from bot.domain.conduct.rules.solicitation import Solicitation


def shipped_rules(watch: FloodWatch | None = None) -> tuple[RuleType, ...]:
    """One instance of each rule type, in the order their matches are reported."""
    return (Threat(), Slur(), Insult(), ContactDetails(), Solicitation(), UnsolicitedLink(), MedicalAdvice(),
            Flooding(watch), MentionSpam())


__all__ = ["RuleType", "shipped_rules"]
