"""Default crisis lines by country. Admins must verify them for their own community (the README says so)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CrisisResources:
    emergency: str
    lines: tuple[str, ...]


DEFAULTS: dict[str, CrisisResources] = {
    "US": CrisisResources("911", ("988 Suicide & Crisis Lifeline: call or text 988",)),
    "CA": CrisisResources("911", ("9-8-8 Suicide Crisis Helpline: call or text 988",)),
    "GB": CrisisResources("999", ("Samaritans: call 116 123, free, any time", "Shout: text SHOUT to 85258")),
    "IE": CrisisResources("112 or 999", ("Samaritans: call 116 123, free, any time", "Text 50808")),
    "AU": CrisisResources("000", ("Lifeline: call 13 11 14 or text 0477 13 11 14",)),
    "NZ": CrisisResources("111", ("Need to talk? Call or text 1737",)),
}
FALLBACK = CrisisResources("your local emergency number", ("findahelpline.com lists free crisis lines worldwide",))


def resources_for(country: str) -> CrisisResources:
    return DEFAULTS.get(country.upper(), FALLBACK)


def support_message(country: str) -> str:
    """The private note an author gets after an urgent or crisis screening: caring, brief, no lecture."""
    found = resources_for(country)
    lines = "\n".join(f"• {line}" for line in found.lines)
    return (
        "Hi, it's the peerbot helper for this community. Something you shared stood out, and we wanted to check in. "
        "You're not in trouble, and nobody in the group has been told.\n\n"
        "If you might act on thoughts of ending your life, or you're in danger right now, "
        f"please call {found.emergency}. "
        f"You can also talk to someone any time:\n{lines}\n\n"
        "Someone from the programme team will reach out to you soon."
    )
