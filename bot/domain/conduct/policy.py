"""Each server's conduct policy: the mod-log channel, warning decay and thresholds, the grace period for a new
version of the code, and the layers of rule settings (shipped defaults, then the server, then a group)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, Field

from bot.clock import Clock, to_db
from bot.domain.conduct.screener import ConductScreener
from bot.domain.conduct.settings import ResolvedSettings, RuleSettings
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.errors import InvalidInput
from bot.storage.db import Database

SERVER = 0  # the group_id of a server-wide layer


class ConductConfig(BaseModel):
    guild_id: int
    modlog_channel_id: int | None = None
    screening_enabled: bool = True
    warning_days: int = Field(default=30, ge=1, le=365)
    threshold_count: int = Field(default=3, ge=1, le=20)
    threshold_days: int = Field(default=30, ge=1, le=365)
    timeout_hours: int = Field(default=24, ge=1, le=28 * 24)  # Discord's longest timeout is 28 days
    grace_days: int = Field(default=7, ge=0, le=90)


class PolicyService:
    area = "conduct_policy"

    def __init__(self, db: Database, clock: Clock, roles: RoleService, screener: ConductScreener) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.screener = screener
        self._resolved: dict[tuple[int, int], dict[str, ResolvedSettings]] = {}

    async def config(self, guild_id: int) -> ConductConfig:
        row = await self.db.fetch_one("SELECT * FROM conduct_config WHERE guild_id = ?", (guild_id,))
        if row is None:
            return ConductConfig(guild_id=guild_id)
        data = dict(row)
        data.pop("updated_at")
        return ConductConfig(**data)

    async def configure(self, actor: Actor, **changes: Any) -> ConductConfig:
        await self.roles.require(actor, PeerRole.ADMIN)
        current = (await self.config(actor.guild_id)).model_dump()
        current.update({k: v for k, v in changes.items() if v is not None})
        try:
            updated = ConductConfig(**current)
        except ValueError as error:
            raise InvalidInput(f"That setting is out of range: {_first_error(error)}.") from None
        columns = [k for k in updated.model_dump() if k != "guild_id"]
        await self.db.execute(
            f"INSERT INTO conduct_config (guild_id, {', '.join(columns)}, updated_at)"
            f" VALUES (?, {', '.join('?' for _ in columns)}, ?) ON CONFLICT (guild_id) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in [*columns, "updated_at"]),
            (actor.guild_id, *(getattr(updated, c) for c in columns), to_db(self.clock.now())),
        )
        return updated

    # ---- rule settings, in layers ------------------------------------------------------------------------
    async def layer(self, guild_id: int, group_id: int, rule: str) -> RuleSettings:
        value = await self.db.fetch_value(
            "SELECT settings FROM conduct_rule_settings WHERE guild_id = ? AND group_id = ? AND rule = ?",
            (guild_id, group_id, rule),
        )
        return RuleSettings.model_validate_json(value) if value else RuleSettings()

    async def set_layer(self, actor: Actor, rule: str, group_id: int | None, **changes: Any) -> ResolvedSettings:
        """Override some of a rule's settings for the server (group_id None) or one group. None leaves a field."""
        await self.roles.require(actor, PeerRole.ADMIN)
        if rule not in self.screener.by_name:
            raise InvalidInput(f"There is no rule called “{rule[:40]}”. The rules are: "
                               + ", ".join(self.screener.by_name) + ".")
        layer_id = group_id or SERVER
        current = (await self.layer(actor.guild_id, layer_id, rule)).model_dump(exclude_none=True)
        current.update({k: v for k, v in changes.items() if v is not None})
        try:
            updated = RuleSettings(**current)
        except ValueError as error:
            raise InvalidInput(f"That setting isn't valid: {_first_error(error)}.") from None
        await self.db.execute(
            "INSERT INTO conduct_rule_settings (guild_id, group_id, rule, settings, updated_by, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, group_id, rule) DO UPDATE SET"
            " settings = excluded.settings, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            (actor.guild_id, layer_id, rule, updated.model_dump_json(exclude_none=True), actor.user_id,
             to_db(self.clock.now())),
        )
        self._resolved = {k: v for k, v in self._resolved.items() if k[0] != actor.guild_id}
        return (await self.resolved(actor.guild_id, group_id))[rule]

    async def resolved(self, guild_id: int, group_id: int | None) -> dict[str, ResolvedSettings]:
        """Every rule's settings for one group: shipped defaults, then the server's layer, then the group's.
        Remembered until an admin changes a layer in this server (this process is the only writer)."""
        key = (guild_id, group_id or SERVER)
        cached = self._resolved.get(key)
        if cached is not None:
            return cached
        rows = await self.db.fetch_all(
            "SELECT group_id, rule, settings FROM conduct_rule_settings WHERE guild_id = ? AND group_id IN (?, ?)",
            (guild_id, SERVER, group_id or SERVER),
        )
        layers: dict[tuple[int, str], RuleSettings] = {
            (int(r["group_id"]), str(r["rule"])): RuleSettings(**json.loads(r["settings"])) for r in rows
        }
        resolved = {}
        for name, defaults in self.screener.defaults().items():
            settings = defaults
            for layer_id in dict.fromkeys((SERVER, group_id or SERVER)):
                if (layer_id, name) in layers:
                    settings = layers[layer_id, name].over(settings)
            resolved[name] = settings
        self._resolved[key] = resolved
        return resolved


def _first_error(error: ValueError) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):
        first = errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return str(error)
