"""Matching programmes and their settings: one row per programme, its settings a validated JSON object.

A server may run several one-to-one programmes (new mothers, support parents, transplant mentors), each with
its own mode, weights and timings. Adding a setting is adding a field with a default to ProgrammeSettings:
stored programmes pick up the default, and no migration is needed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.clock import Clock, to_db
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text, name_key
from bot.errors import Conflict, InvalidInput, NotFound
from bot.storage.db import Database

DEFAULT_BOUNDARIES = (
    "Your supporter shares their own experience: they are a peer, not a clinician, and they don't give medical "
    "advice. What you share here stays between you and the programme team. Either of you can end the match at "
    "any time with /match end, without giving a reason. If you are in crisis, contact emergency services or a "
    "crisis line: peer support is not crisis care."
)


class Mode(StrEnum):
    COORDINATOR = "coordinator"  # a leader sees the top candidates with reasons and approves one
    AUTO = "auto"  # offers go out on their own, best candidate first
    BATCH = "batch"  # requests wait for a whole-pool assignment that a leader previews, then publishes


class SpaceKind(StrEnum):
    CHANNEL = "channel"  # a private channel (leaders and moderators see it through their roles)
    THREAD = "thread"  # a private thread in a parent channel (staff need Manage Threads there to see it)


class Weights(BaseModel):
    """How much each criterion counts. A criterion the seeker left blank drops out of the average."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    condition: float = Field(default=3.0, ge=0, le=10)
    tags: float = Field(default=2.0, ge=0, le=10)
    issues: float = Field(default=3.0, ge=0, le=10)
    role: float = Field(default=1.0, ge=0, le=10)
    age: float = Field(default=1.0, ge=0, le=10)
    culture: float = Field(default=1.0, ge=0, le=10)
    gender: float = Field(default=1.0, ge=0, le=10)
    timezone: float = Field(default=1.0, ge=0, le=10)
    availability: float = Field(default=1.0, ge=0, le=10)


def _day_list(value: list[int]) -> list[int]:
    days = sorted(set(value))
    if any(d < 1 or d > 365 for d in days) or len(days) > 8:
        raise ValueError("give up to 8 days, each from 1 to 365")
    return days


class ProgrammeSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mode: Mode = Mode.COORDINATOR
    weights: Weights = Weights()
    issues_fallback: bool = True  # no supporter shares the condition: shared issues carry the match
    role_track: bool = False  # patients matched with patients, caregivers with caregivers
    review_candidates: int = Field(default=3, ge=1, le=10)
    parallel_offers: int = Field(default=1, ge=1, le=5)  # auto mode: offers out at once; the first to accept wins
    offer_expiry_hours: int = Field(default=48, ge=1, le=336)
    retry_hours: int = Field(default=12, ge=1, le=168)  # auto mode: look for a supporter again
    deadline_alert_hours: int = Field(default=24, ge=1, le=336)  # unmatched this long before "needed by": alert
    first_contact_hours: int = Field(default=48, ge=1, le=336)
    first_contact_alert_hours: int = Field(default=24, ge=1, le=336)  # after the supporter's reminder
    checkin_days: list[int] = Field(default_factory=lambda: [7, 14])
    supporter_reminder_days: list[int] = Field(default_factory=lambda: [21])
    stalled_after_days: int = Field(default=14, ge=1, le=180)
    duration_weeks: int | None = Field(default=None, ge=1, le=104)
    expected_contacts: int = Field(default=4, ge=0, le=100)
    expected_weeks: int = Field(default=8, ge=1, le=52)
    contact_gap_hours: int = Field(default=12, ge=1, le=72)  # posts closer together than this are one contact
    caseload_default: int = Field(default=3, ge=1, le=20)
    over_cap_checkin_days: int = Field(default=14, ge=1, le=180)
    space_kind: SpaceKind = SpaceKind.CHANNEL
    space_parent_id: int | None = None  # a category (channels) or a text channel (threads)
    boundaries: str = Field(default=DEFAULT_BOUNDARIES, min_length=1, max_length=1500)

    @field_validator("checkin_days", "supporter_reminder_days")
    @classmethod
    def _days(cls, value: list[int]) -> list[int]:
        return _day_list(value)

    def hours(self, name: str) -> timedelta:
        return timedelta(hours=int(getattr(self, name)))


@dataclass(frozen=True)
class Programme:
    id: int
    guild_id: int
    name: str
    settings: ProgrammeSettings

    @classmethod
    def from_row(cls, row: Any) -> Programme:
        return cls(row["id"], row["guild_id"], row["name"], ProgrammeSettings.model_validate_json(row["settings"]))


def same_server(actor: Actor, programme: Programme) -> None:
    """Every method handed a Programme checks it is the actor's server's: another server's looks like none."""
    if programme.guild_id != actor.guild_id:
        raise NotFound("There is no such programme in this server.")


def validated(base: ProgrammeSettings, changes: dict[str, Any]) -> ProgrammeSettings:
    """The settings with `changes` applied, or a sentence naming the first setting that is wrong."""
    data = base.model_dump()
    data.update(changes)
    try:
        return ProgrammeSettings.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InvalidInput(f"The setting “{where}” is not valid: {first['msg']}.") from error


_PAIR = re.compile(r"^\s*([a-z_]+)\s*[=:]\s*([0-9]+(?:\.[0-9]+)?)\s*$")


def parse_weights(text: str) -> dict[str, float]:
    """`condition=3, issues=2` as a dict; names and numbers are checked when the settings are validated."""
    weights: dict[str, float] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        match = _PAIR.match(part.casefold())
        if match is None:
            raise InvalidInput("Please write weights as name=number, separated by commas, e.g. "
                               "“condition=3, issues=2”. Names: " + ", ".join(Weights.model_fields) + ".")
        weights[match.group(1)] = float(match.group(2))
    return weights


def parse_days(text: str) -> list[int]:
    """`7, 14` as [7, 14]."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    if not all(p.isdigit() for p in parts):
        raise InvalidInput("Please give days as whole numbers separated by commas, e.g. “7, 14”.")
    return [int(p) for p in parts]


class ProgrammeService:
    def __init__(self, db: Database, clock: Clock, roles: RoleService) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles

    async def create(self, actor: Actor, name: str, changes: dict[str, Any] | None = None) -> Programme:
        await self.roles.require(actor, PeerRole.LEADER)
        name = clean_text(name, field="programme name", max_len=80)
        settings = validated(ProgrammeSettings(), changes or {})
        now = to_db(self.clock.now())
        programme_id = await self.db.execute(
            "INSERT OR IGNORE INTO match_programmes (guild_id, name, name_key, settings, created_by, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (actor.guild_id, name, name_key(name), settings.model_dump_json(), actor.user_id, now, now),
        )
        if not programme_id:
            raise Conflict(f"There is already a programme called “{name}”.")
        return Programme(programme_id, actor.guild_id, name, settings)

    async def configure(self, actor: Actor, programme: Programme, changes: dict[str, Any]) -> Programme:
        await self.roles.require(actor, PeerRole.LEADER)
        same_server(actor, programme)
        if isinstance(changes.get("boundaries"), str):
            changes = {**changes, "boundaries": clean_text(changes["boundaries"], field="boundaries reminder",
                                                           max_len=1500, multiline=True)}
        if isinstance(changes.get("weights"), dict):  # anything else is refused by the validation below
            changes = {**changes, "weights": {**programme.settings.weights.model_dump(), **changes["weights"]}}
        settings = validated(programme.settings, changes)
        await self.db.execute(
            "UPDATE match_programmes SET settings = ?, updated_at = ? WHERE id = ?",
            (settings.model_dump_json(), to_db(self.clock.now()), programme.id),
        )
        return Programme(programme.id, programme.guild_id, programme.name, settings)

    async def get(self, programme_id: int) -> Programme:
        row = await self.db.fetch_one("SELECT * FROM match_programmes WHERE id = ?", (programme_id,))
        if row is None:
            raise NotFound("That matching programme no longer exists.")
        return Programme.from_row(row)

    async def list(self, guild_id: int) -> list[Programme]:
        rows = await self.db.fetch_all("SELECT * FROM match_programmes WHERE guild_id = ? ORDER BY name_key",
                                       (guild_id,))
        return [Programme.from_row(r) for r in rows]

    async def resolve(self, guild_id: int, name: str | None) -> Programme:
        """The programme by name; with no name, the server's only programme."""
        programmes = await self.list(guild_id)
        if not programmes:
            raise NotFound("This server has no matching programme yet. A programme leader can create one with "
                           "/match programme.")
        if name is None or not name.strip():
            if len(programmes) == 1:
                return programmes[0]
            raise InvalidInput("Please choose a programme: " + ", ".join(p.name for p in programmes) + ".")
        for programme in programmes:
            if programme.name == name or name_key(programme.name) == name_key(name):
                return programme
        raise NotFound(f"There is no programme called “{name[:80]}”. Programmes here: "
                       + ", ".join(p.name for p in programmes) + ".")

    @staticmethod
    def describe(settings: ProgrammeSettings) -> str:
        """The settings as a leader reads them."""
        data = json.loads(settings.model_dump_json(exclude={"boundaries"}))
        return ", ".join(f"{k}={v}" for k, v in data.items())
