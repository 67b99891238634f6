"""“Why you were matched”: the reasons behind a pairing, each tied to the profile field it reveals.

Leaders see every reason. The pair sees a reason only when both of them agreed to show its field, so a
seeker who kept their age band private never learns from an explanation that the supporter is in the same one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.matching.pool import utc_offset_minutes
from bot.domain.matching.profile import AGE_BANDS, Profile, Role
from bot.domain.text import name_key

FALLBACK = "nobody available shares this condition, so shared issues carried the match"


@dataclass(frozen=True)
class Reason:
    field: str | None  # None: about the process, shown to both
    text: str

    def as_pair(self) -> list[str | None]:
        return [self.field, self.text]


def _common(mine: tuple[str, ...], theirs: tuple[str, ...]) -> list[str]:
    keys = {name_key(t) for t in theirs}
    return [m for m in mine if name_key(m) in keys]


def _apart(seeker: Profile, supporter: Profile, now: datetime) -> str | None:
    a = utc_offset_minutes(seeker.time_zone, now)
    b = utc_offset_minutes(supporter.time_zone, now)
    if a is None or b is None:
        return None
    hours = abs(a - b) / 60
    if hours == 0:
        return "same time zone"
    return f"{hours:g} h apart"


def reasons(seeker: Profile, role: Role, supporter: Profile, *, fallback: bool, now: datetime) -> list[Reason]:
    found: list[Reason] = []
    if fallback:
        found.append(Reason(None, FALLBACK))
    if seeker.condition and supporter.condition and name_key(seeker.condition) == name_key(supporter.condition):
        found.append(Reason("condition", f"same condition ({seeker.condition})"))
    if tags := _common(seeker.tags, supporter.tags):
        found.append(Reason("tags", f"same sub-type, treatment or stage ({', '.join(tags)})"))
    if issues := _common(seeker.issues, supporter.issues):
        found.append(Reason("issues", f"both talk about {', '.join(issues)}"))
    if role is supporter.role:
        found.append(Reason("role", "both patients" if role is Role.PATIENT else "both caregivers"))
    if seeker.age_band and supporter.age_band:
        gap = abs(AGE_BANDS.index(seeker.age_band) - AGE_BANDS.index(supporter.age_band))
        if gap <= 1:
            found.append(Reason("age_band", "same age band" if gap == 0 else "close in age"))
    if seeker.wants("culture") and seeker.culture and supporter.culture and \
            name_key(seeker.culture) == name_key(supporter.culture):
        found.append(Reason("culture", f"same cultural background ({seeker.culture})"))
    if seeker.wants("gender") and seeker.gender and supporter.gender and \
            name_key(seeker.gender) == name_key(supporter.gender):
        found.append(Reason("gender", "same gender"))
    if languages := _common(seeker.languages, supporter.languages):
        found.append(Reason("languages", f"both speak {', '.join(languages)}"))
    if apart := _apart(seeker, supporter, now):
        found.append(Reason("time_zone", apart))
    if windows := _common(seeker.availability, supporter.availability):
        found.append(Reason("availability", f"both free {', '.join(windows)}"))
    return found


def for_pair(stored: list[list[str | None]], seeker_show: tuple[str, ...], supporter_show: tuple[str, ...]
             ) -> str:
    """The reasons both people agreed to show, as one line."""
    agreed = set(seeker_show) & set(supporter_show)
    shown = [str(text) for field, text in stored if field is None or field in agreed]
    return "; ".join(shown) or "you both chose this programme"


def for_leaders(stored: list[list[str | None]]) -> str:
    return "; ".join(str(text) for _, text in stored) or "no shared details"
