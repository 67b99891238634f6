"""Profiles for matching, given with consent: what a seeker or a supporter chose to tell us, and who may see it.

Every field but the role and a language is optional. Each is used only for matching, shown back to the member
(`/match profile-show`), and covered by export and delete. `show` lists the fields the member agrees the other
person may see in “why you were matched”; a reason is shown to the pair only when both agreed to its field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.clock import Clock, to_db
from bot.domain.matching.programme import Programme, same_server
from bot.domain.matching.taxonomy import Kind, TaxonomyService
from bot.domain.meetings.recurrence import zone
from bot.domain.roles import Actor
from bot.domain.text import clean_text, name_key
from bot.errors import Conflict, InvalidInput, NotFound
from bot.storage.db import Database


class Side(StrEnum):
    SEEKER = "seeker"
    SUPPORTER = "supporter"

    @property
    def other(self) -> Side:
        return Side.SUPPORTER if self is Side.SEEKER else Side.SEEKER


class Role(StrEnum):
    PATIENT = "patient"
    CAREGIVER = "caregiver"


class Strength(StrEnum):
    MUST = "must"
    NICE = "nice"


AGE_BANDS = ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")
WINDOWS = ("weekday mornings", "weekday afternoons", "weekday evenings",
           "weekend mornings", "weekend afternoons", "weekend evenings")
PREFERENCE_FIELDS = ("role", "age_band", "culture", "gender")  # "same as mine", each a must or a nice to have
SHOWABLE = ("role", "condition", "tags", "issues", "languages", "age_band", "time_zone", "availability",
            "culture", "gender")
DEFAULT_SHOW = ("role", "condition", "tags", "issues", "languages", "time_zone", "availability")
MAX_ITEMS = 10
MAX_LANGUAGES = 5

# Shown where a member is asked: why each sensitive field is wanted.
WHY = {
    "condition": "to find someone who has been through the same; optional",
    "tags": "sub-type, treatment or stage, for a closer match; optional",
    "issues": "what you'd like to talk about (or, as a supporter, can help with); optional",
    "age_band": "optional; only if you'd like someone near your age",
    "culture": "optional, in your own words; only used if you ask for it in preferences",
    "gender": "optional, in your own words; only used if you ask for it in preferences",
}


class Profile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    role: Role
    languages: tuple[str, ...]
    condition: str | None = None
    tags: tuple[str, ...] = ()
    issues: tuple[str, ...] = ()
    age_band: str | None = None
    time_zone: str | None = None
    availability: tuple[str, ...] = ()
    culture: str | None = None
    gender: str | None = None
    preferences: dict[str, Strength] = {}
    show: tuple[str, ...] = DEFAULT_SHOW

    def wants(self, field: str) -> Strength | None:
        return self.preferences.get(field)

    def value_of(self, field: str) -> Any:
        return getattr(self, field)

    def lines(self) -> list[str]:
        """The profile as the member sees it: exactly what they gave."""
        shown: list[str] = []
        for field in SHOWABLE:
            value = self.value_of(field)
            if value in (None, ()):
                continue
            text = ", ".join(value) if isinstance(value, tuple) else str(value)
            shown.append(f"{field.replace('_', ' ')}: {text}")
        if self.preferences:
            shown.append("preferences: " + ", ".join(f"same {k.replace('_', ' ')} ({v.value})"
                                                     for k, v in self.preferences.items()))
        shown.append("the other person may see: " + ", ".join(f.replace("_", " ") for f in self.show))
        return shown


@dataclass(frozen=True)
class ProfileDraft:
    """What a member typed; every list is comma-separated."""

    role: str
    languages: str
    condition: str | None = None
    tags: str | None = None
    issues: str | None = None
    age_band: str | None = None
    time_zone: str | None = None
    availability: str | None = None
    culture: str | None = None
    gender: str | None = None
    preferences: str | None = None
    show: str | None = None


def split_list(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _choose(value: str, options: tuple[str, ...], what: str) -> str:
    key = name_key(value.strip())
    for option in options:
        if name_key(option) == key:
            return option
    raise InvalidInput(f"“{value.strip()[:40]}” isn't one of the {what}: {', '.join(options)}.")


def parse_preferences(text: str | None) -> dict[str, Strength]:
    """`culture=must, gender=nice`: the same culture is a must, the same gender would be nice."""
    found: dict[str, Strength] = {}
    for part in split_list(text):
        field, _, strength = part.partition("=")
        field = field.strip().casefold().replace(" ", "_")
        field = "age_band" if field == "age" else field
        if field not in PREFERENCE_FIELDS or strength.strip().casefold() not in ("must", "nice"):
            raise InvalidInput("Please write preferences as field=must or field=nice, e.g. “culture=must, "
                               f"gender=nice”. Fields: {', '.join(PREFERENCE_FIELDS)}.")
        found[field] = Strength(strength.strip().casefold())
    return found


class ProfileService:
    def __init__(self, db: Database, clock: Clock, taxonomy: TaxonomyService) -> None:
        self.db = db
        self.clock = clock
        self.taxonomy = taxonomy

    async def build(self, guild_id: int, draft: ProfileDraft) -> Profile:
        """Check every field and turn the draft into a profile, or say kindly what is wrong. Saves nothing."""
        role = Role(_choose(draft.role, tuple(r.value for r in Role), "roles"))
        languages: list[str] = []
        for language in split_list(draft.languages):
            cleaned = clean_text(language, field="language", max_len=30)
            if not all(ch.isalpha() or ch in " -" for ch in cleaned):
                raise InvalidInput(f"“{cleaned}” doesn't look like a language; please write its name, e.g. "
                                   "“English, Spanish”.")
            if name_key(cleaned) not in {name_key(known) for known in languages}:
                languages.append(cleaned)
        if not languages:
            raise InvalidInput("Please give at least one language you can talk in; a match needs a shared one.")
        if len(languages) > MAX_LANGUAGES:
            raise InvalidInput(f"Please give at most {MAX_LANGUAGES} languages.")
        conditions = await self.taxonomy.resolve(guild_id, Kind.CONDITION, [draft.condition or ""])
        tags = await self.taxonomy.resolve(guild_id, Kind.TAG, split_list(draft.tags))
        issues = await self.taxonomy.resolve(guild_id, Kind.ISSUE, split_list(draft.issues))
        if len(tags) > MAX_ITEMS or len(issues) > MAX_ITEMS:
            raise InvalidInput(f"Please choose at most {MAX_ITEMS} tags and {MAX_ITEMS} issues.")
        age = _choose(draft.age_band, AGE_BANDS, "age bands") if draft.age_band and draft.age_band.strip() else None
        tz = zone(draft.time_zone.strip()).key if draft.time_zone and draft.time_zone.strip() else None
        windows = tuple(_choose(w, WINDOWS, "times") for w in split_list(draft.availability))
        culture = clean_text(draft.culture, field="cultural background", max_len=60) \
            if draft.culture and draft.culture.strip() else None
        gender = clean_text(draft.gender, field="gender", max_len=40) if draft.gender and draft.gender.strip() \
            else None
        preferences = parse_preferences(draft.preferences)
        own = {"role": role, "age_band": age, "culture": culture, "gender": gender}
        for field in preferences:
            if own[field] is None:
                raise InvalidInput(f"To ask for the same {field.replace('_', ' ')}, please give your own too.")
        show = tuple(_choose(f.replace(" ", "_"), SHOWABLE, "fields that can be shown")
                     for f in split_list(draft.show)) if draft.show is not None else DEFAULT_SHOW
        return Profile(role=role, languages=tuple(languages), condition=conditions[0] if conditions else None,
                       tags=tuple(tags), issues=tuple(issues), age_band=age, time_zone=tz,
                       availability=tuple(dict.fromkeys(windows)), culture=culture, gender=gender,
                       preferences=preferences, show=tuple(dict.fromkeys(show)))

    async def save(self, actor: Actor, programme: Programme, side: Side, draft: ProfileDraft) -> Profile:
        """Store the profile; giving it is the member's consent to its use for matching in this programme."""
        same_server(actor, programme)
        profile = await self.build(actor.guild_id, draft)
        now = to_db(self.clock.now())
        await self.db.execute(
            "INSERT INTO match_profiles (programme_id, user_id, side, guild_id, data, consent_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (programme_id, user_id, side) DO UPDATE SET"
            " data = excluded.data, consent_at = excluded.consent_at, updated_at = excluded.updated_at",
            (programme.id, actor.user_id, side.value, actor.guild_id, profile.model_dump_json(), now, now),
        )
        return profile

    async def get(self, programme_id: int, user_id: int, side: Side) -> Profile | None:
        data = await self.db.fetch_value(
            "SELECT data FROM match_profiles WHERE programme_id = ? AND user_id = ? AND side = ?",
            (programme_id, user_id, side.value))
        return Profile.model_validate_json(data) if data else None

    async def require(self, programme: Programme, user_id: int, side: Side) -> Profile:
        profile = await self.get(programme.id, user_id, side)
        if profile is None:
            verb = "ask for a match" if side is Side.SEEKER else "take offers"
            raise NotFound(f"To {verb} in {programme.name}, please first tell me a little about yourself with "
                           f"/match profile (side: {side.value}). Every field but role and language is optional.")
        return profile

    async def mine(self, actor: Actor) -> list[tuple[str, str, Profile, str]]:
        """Every profile the member gave in this server: (programme, side, profile, consent date)."""
        rows = await self.db.fetch_all(
            "SELECT p.name, f.side, f.data, f.consent_at FROM match_profiles f JOIN match_programmes p"
            " ON p.id = f.programme_id WHERE f.guild_id = ? AND f.user_id = ? ORDER BY p.name_key, f.side",
            (actor.guild_id, actor.user_id))
        return [(r["name"], r["side"], Profile.model_validate_json(r["data"]), r["consent_at"][:10]) for r in rows]

    async def remove(self, actor: Actor, programme: Programme, side: Side) -> None:
        """Withdraw a profile (and with it, consent). Not while a request or match depends on it."""
        same_server(actor, programme)
        live = await self.db.fetch_value(
            "SELECT 1 FROM match_requests WHERE programme_id = ? AND seeker_id = ? AND state != 'closed'"
            if side is Side.SEEKER else
            "SELECT 1 FROM matches WHERE programme_id = ? AND supporter_id = ? AND state = 'active'",
            (programme.id, actor.user_id))
        if live:
            raise Conflict("Your profile is in use by a request or a match. Withdraw the request or end the match "
                           "first (/match withdraw, /match end); /privacy delete erases everything at once.")
        removed = await self.db.execute(
            "DELETE FROM match_profiles WHERE programme_id = ? AND user_id = ? AND side = ?",
            (programme.id, actor.user_id, side.value))
        if not removed:
            raise NotFound(f"You have no {side.value} profile in {programme.name}.")


def dump(profile: Profile) -> dict[str, Any]:
    return dict(json.loads(profile.model_dump_json()))
