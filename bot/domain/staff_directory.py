"""Who the programme leaders and on-call members are, as far as peerbot can know without the privileged member
list: each is recorded when they use peerbot (any command or button) while holding a leader or on-call role, and
dropped when they are seen without one. Used to DM them when a referral can't reach the queue channel, and at
every escalation."""

from __future__ import annotations

import json
import time
from typing import Any

from bot.clock import Clock, to_db
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.storage.db import Database

REMEMBER_ROLES_SECONDS = 60.0


class StaffDirectory:
    area = "staff_directory"

    def __init__(self, db: Database, clock: Clock, roles: RoleService) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self._roles: dict[int, tuple[set[int], float]] = {}  # guild -> (leader and on-call role ids, until)

    async def staff_roles(self, guild_id: int) -> set[int]:
        """The Discord roles whose holders are told: the leader roles and the on-call role."""
        found = self._roles.get(guild_id)
        if found is not None and found[1] > time.monotonic():
            return found[0]
        leaders = (await self.roles.repo.mapping(guild_id)).get(PeerRole.LEADER, set())
        oncall = await self.db.fetch_value("SELECT oncall_role_id FROM referral_config WHERE guild_id = ?",
                                           (guild_id,))
        ids = set(leaders) | ({int(oncall)} if oncall else set())
        self._roles[guild_id] = (ids, time.monotonic() + REMEMBER_ROLES_SECONDS)
        return ids

    async def seen(self, actor: Actor) -> None:
        """Note the person behind an interaction: recorded if they hold a staff role, dropped if no longer."""
        held = actor.role_ids & await self.staff_roles(actor.guild_id)
        if held:
            await self.db.execute(
                "INSERT INTO staff_contacts (guild_id, user_id, role_ids, seen_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, user_id) DO UPDATE SET role_ids = excluded.role_ids,"
                " seen_at = excluded.seen_at WHERE role_ids != excluded.role_ids",
                (actor.guild_id, actor.user_id, json.dumps(sorted(held)), to_db(self.clock.now())))
        elif await self.db.fetch_value("SELECT 1 FROM staff_contacts WHERE guild_id = ? AND user_id = ?",
                                       (actor.guild_id, actor.user_id)):
            await self.delete_member(actor.guild_id, actor.user_id)

    async def contacts(self, guild_id: int) -> set[int]:
        """Members last seen holding a role that is still a leader or on-call role."""
        current = await self.staff_roles(guild_id)
        rows = await self.db.fetch_all("SELECT user_id, role_ids FROM staff_contacts WHERE guild_id = ?",
                                       (guild_id,))
        return {int(r["user_id"]) for r in rows if set(json.loads(r["role_ids"])) & current}

    async def export_member(self, guild_id: int, user_id: int) -> dict[str, Any]:
        row = await self.db.fetch_one("SELECT role_ids, seen_at FROM staff_contacts WHERE guild_id = ? AND"
                                      " user_id = ?", (guild_id, user_id))
        return {"staff_roles": json.loads(row["role_ids"]), "seen_at": row["seen_at"]} if row else {}

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        return await self.db.execute("DELETE FROM staff_contacts WHERE guild_id = ? AND user_id = ?",
                                     (guild_id, user_id))
