"""Condition-specific peer-support groups: creation with its Discord resources, membership and the waitlist.

A group is a database row plus a private text channel (optionally a voice channel) and a role. Creation never
leaves one without the others: the row is reserved first in state `provisioning`, each Discord resource id is
recorded as soon as it exists, and any failure removes what was made (or queues its removal in the outbox).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

from bot.clock import Clock, from_db, to_db
from bot.domain.conduct.code import ConductService
from bot.domain.erasure import ERASED_ID
from bot.domain.outbox import Outbox
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text, echo, name_key, slug
from bot.errors import Conflict, DomainError, InvalidInput, NotFound
from bot.storage.db import Database

log = logging.getLogger(__name__)

WAITLIST_HOLD = timedelta(hours=48)
MAX_CAPACITY = 1000


class Audience(StrEnum):
    PATIENTS = "patients"
    CAREGIVERS = "caregivers"
    BOTH = "both"


class GroupMode(StrEnum):
    ALWAYS_OPEN = "always_open"
    MEETING_ONLY = "meeting_only"


class Group(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    guild_id: int
    name: str
    condition: str
    audience: Audience
    description: str
    capacity: int | None
    mode: GroupMode
    status: str
    role_id: int | None
    channel_id: int | None
    voice_channel_id: int | None
    member_count: int = 0


@dataclass(frozen=True)
class GroupDraft:
    name: str
    condition: str
    audience: Audience
    description: str
    capacity: int | None = None
    mode: GroupMode = GroupMode.ALWAYS_OPEN
    with_voice: bool = False


class ProvisioningError(DomainError):
    """The adapter could not create or delete a Discord resource; the message says why, kindly."""


class GroupProvisioner(Protocol):
    """The Discord side of a group, provided by the adapter."""

    async def ensure_category(self, guild_id: int, category_id: int | None) -> int: ...
    async def create_role(self, guild_id: int, name: str) -> int: ...
    async def create_text_channel(
        self, guild_id: int, name: str, topic: str, *, category_id: int, member_role_id: int,
        staff_role_ids: set[int], members_can_post: bool,
    ) -> int: ...
    async def create_voice_channel(
        self, guild_id: int, name: str, *, category_id: int, member_role_id: int, staff_role_ids: set[int],
        members_can_join: bool,
    ) -> int: ...
    async def delete_channel(self, guild_id: int, channel_id: int) -> None: ...
    async def delete_role(self, guild_id: int, role_id: int) -> None: ...


class JoinOutcome(StrEnum):
    JOINED = "joined"
    ALREADY_MEMBER = "already_member"
    FULL = "full"  # the adapter offers the waitlist
    WAITLISTED = "waitlisted"
    ALREADY_WAITLISTED = "already_waitlisted"


@dataclass(frozen=True)
class JoinResult:
    outcome: JoinOutcome
    group: Group
    position: int | None = None


_GROUP_COLUMNS = (
    "g.id, g.guild_id, g.name, g.condition, g.audience, g.description, g.capacity, g.mode, g.status,"
    " g.role_id, g.channel_id, g.voice_channel_id,"
    " (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) AS member_count"
)


class GroupService:
    area = "groups"

    def __init__(
        self, db: Database, clock: Clock, roles: RoleService, conduct: ConductService, outbox: Outbox
    ) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.conduct = conduct
        self.outbox = outbox

    # ---- reading -------------------------------------------------------------------------------------
    async def get(self, guild_id: int, name: str) -> Group:
        row = await self.db.fetch_one(
            f"SELECT {_GROUP_COLUMNS} FROM groups g WHERE g.guild_id = ? AND g.name_key = ?"
            " AND g.status != 'provisioning'",
            (guild_id, name_key(name)),
        )
        if row is None:
            raise NotFound(f"I couldn't find a group called “{echo(name)}”. /group list shows the groups here.")
        return Group(**dict(row))

    async def by_channel(self, channel_id: int) -> Group | None:
        row = await self.db.fetch_one(
            f"SELECT {_GROUP_COLUMNS} FROM groups g WHERE g.channel_id = ? AND g.status = 'active'", (channel_id,)
        )
        return Group(**dict(row)) if row else None

    async def list(self, guild_id: int, *, include_archived: bool = False) -> list[Group]:
        rows = await self.db.fetch_all(
            f"SELECT {_GROUP_COLUMNS} FROM groups g WHERE g.guild_id = ?"
            " AND (g.status = 'active' OR (? AND g.status = 'archived')) ORDER BY g.name_key",
            (guild_id, include_archived),
        )
        return [Group(**dict(row)) for row in rows]

    async def is_member(self, group_id: int, user_id: int) -> bool:
        return bool(
            await self.db.fetch_value(
                "SELECT 1 FROM group_members WHERE group_id = ? AND user_id = ?", (group_id, user_id)
            )
        )

    # ---- creating ------------------------------------------------------------------------------------
    def validate(self, draft: GroupDraft) -> GroupDraft:
        name = clean_text(draft.name, field="group name", max_len=80)
        if not any(ch.isalnum() for ch in name):
            raise InvalidInput("A group name needs at least one letter or number.")
        if draft.capacity is not None and not 1 <= draft.capacity <= MAX_CAPACITY:
            raise InvalidInput(f"The size cap must be between 1 and {MAX_CAPACITY}, or left empty for no cap.")
        return GroupDraft(
            name=name,
            condition=clean_text(draft.condition, field="condition", max_len=80),
            audience=draft.audience,
            description=clean_text(draft.description, field="description", max_len=500, multiline=True),
            capacity=draft.capacity,
            mode=draft.mode,
            with_voice=draft.with_voice,
        )

    async def create(self, actor: Actor, draft: GroupDraft, provisioner: GroupProvisioner) -> Group:
        await self.roles.require(actor, PeerRole.ADMIN)
        draft = self.validate(draft)
        guild_id = actor.guild_id
        key = name_key(draft.name)
        async with self.db.transaction():
            if await self.db.fetch_value(
                "SELECT 1 FROM groups WHERE guild_id = ? AND name_key = ?", (guild_id, key)
            ):
                raise Conflict(f"There is already a group called “{draft.name}”. Please choose another name.")
            group_id = await self.db.execute(
                "INSERT INTO groups (guild_id, name, name_key, condition, audience, description, capacity, mode,"
                " status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'provisioning', ?, ?)",
                (guild_id, draft.name, key, draft.condition, draft.audience.value, draft.description,
                 draft.capacity, draft.mode.value, actor.user_id, to_db(self.clock.now())),
            )
        try:
            await self._provision(group_id, guild_id, draft, provisioner)
        except BaseException as error:
            await self._unprovision(group_id, guild_id, provisioner)
            if isinstance(error, DomainError):
                raise
            log.exception("creating group %s failed", group_id)
            raise ProvisioningError(
                "Discord didn't let me finish creating the group, so I undid the parts I had made. "
                "Please try again in a minute."
            ) from error
        return await self.get(guild_id, draft.name)

    async def _provision(
        self, group_id: int, guild_id: int, draft: GroupDraft, provisioner: GroupProvisioner
    ) -> None:
        config = await self.db.fetch_one("SELECT group_category_id FROM guild_config WHERE guild_id = ?", (guild_id,))
        category_id = await provisioner.ensure_category(guild_id, config["group_category_id"] if config else None)
        await self.db.execute(
            "INSERT INTO guild_config (guild_id, group_category_id, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (guild_id) DO UPDATE SET group_category_id = excluded.group_category_id,"
            " updated_at = excluded.updated_at",
            (guild_id, category_id, to_db(self.clock.now())),
        )
        staff = await self.roles.staff_role_ids(guild_id)
        role_id = await provisioner.create_role(guild_id, draft.name)
        await self.db.execute("UPDATE groups SET role_id = ? WHERE id = ?", (role_id, group_id))
        channel_id = await provisioner.create_text_channel(
            guild_id, slug(draft.name), draft.description[:1024], category_id=category_id, member_role_id=role_id,
            staff_role_ids=staff, members_can_post=draft.mode is GroupMode.ALWAYS_OPEN,
        )
        await self.db.execute("UPDATE groups SET channel_id = ? WHERE id = ?", (channel_id, group_id))
        if draft.with_voice:
            voice_id = await provisioner.create_voice_channel(
                guild_id, draft.name[:100], category_id=category_id, member_role_id=role_id, staff_role_ids=staff,
                members_can_join=draft.mode is GroupMode.ALWAYS_OPEN,
            )
            await self.db.execute("UPDATE groups SET voice_channel_id = ? WHERE id = ?", (voice_id, group_id))
        await self.db.execute("UPDATE groups SET status = 'active' WHERE id = ?", (group_id,))

    async def _unprovision(self, group_id: int, guild_id: int, provisioner: GroupProvisioner) -> None:
        """Remove whatever Discord resources a half-made group has, then its row. Failures go to the outbox."""
        row = await self.db.fetch_one(
            "SELECT role_id, channel_id, voice_channel_id FROM groups WHERE id = ?", (group_id,)
        )
        if row is None:
            return
        failed: list[tuple[str, int]] = []
        for column, kind in (("voice_channel_id", "delete_channel"), ("channel_id", "delete_channel"),
                             ("role_id", "delete_role")):
            resource_id = row[column]
            if resource_id is None:
                continue
            try:
                if kind == "delete_role":
                    await provisioner.delete_role(guild_id, resource_id)
                else:
                    await provisioner.delete_channel(guild_id, resource_id)
            except Exception:
                log.warning("cleanup of %s %s failed; queued for retry", kind, resource_id)
                failed.append((kind, resource_id))
        async with self.db.transaction():
            for kind, resource_id in failed:
                await self.outbox.enqueue(guild_id, kind, {"id": resource_id}, dedupe_key=f"{kind}:{resource_id}")
            await self.db.execute("DELETE FROM groups WHERE id = ?", (group_id,))

    async def recover_unfinished(self, provisioner: GroupProvisioner) -> int:
        """At start-up: a group still `provisioning` was interrupted by a crash; undo it."""
        rows = await self.db.fetch_all("SELECT id, guild_id FROM groups WHERE status = 'provisioning'")
        for row in rows:
            await self._unprovision(row["id"], row["guild_id"], provisioner)
        return len(rows)

    # ---- archiving and deleting ----------------------------------------------------------------------
    async def archive(self, actor: Actor, name: str) -> Group:
        await self.roles.require(actor, PeerRole.ADMIN)
        group = await self.get(actor.guild_id, name)
        if group.status == "archived":
            raise Conflict(f"“{group.name}” is already archived.")
        async with self.db.transaction():
            await self.db.execute(
                "UPDATE groups SET status = 'archived', archived_at = ? WHERE id = ?",
                (to_db(self.clock.now()), group.id),
            )
            await self.db.execute("DELETE FROM group_waitlist WHERE group_id = ?", (group.id,))
            await self.outbox.enqueue(
                actor.guild_id, "archive_group",
                {"channel_id": group.channel_id, "voice_channel_id": group.voice_channel_id,
                 "role_id": group.role_id},
                dedupe_key=f"archive_group:{group.id}",
            )
        return group

    async def delete(self, actor: Actor, name: str) -> Group:
        """Destructive: the adapter must have asked for explicit confirmation first."""
        await self.roles.require(actor, PeerRole.ADMIN)
        group = await self.get(actor.guild_id, name)
        async with self.db.transaction():
            for kind, resource_id in (("delete_channel", group.channel_id),
                                      ("delete_channel", group.voice_channel_id),
                                      ("delete_role", group.role_id)):
                if resource_id is not None:
                    await self.outbox.enqueue(
                        actor.guild_id, kind, {"id": resource_id}, dedupe_key=f"{kind}:{resource_id}"
                    )
            # The group's meetings go with it (ON DELETE CASCADE); their Discord events must go too.
            for row in await self.db.fetch_all(
                "SELECT event_id FROM meeting_occurrences WHERE group_id = ? AND event_id IS NOT NULL"
                " AND state IN ('scheduled','awaiting','open')", (group.id,)
            ):
                await self.outbox.enqueue(actor.guild_id, "delete_event", {"event_id": row["event_id"]},
                                          dedupe_key=f"delete_event:{row['event_id']}")
            await self.db.execute("DELETE FROM groups WHERE id = ?", (group.id,))
        return group

    # ---- membership ----------------------------------------------------------------------------------
    async def join(self, actor: Actor, name: str) -> JoinResult:
        group = await self.get(actor.guild_id, name)
        if group.status != "active":
            raise Conflict(f"“{group.name}” is archived and not taking new members.")
        await self.conduct.require_current(actor.guild_id, actor.user_id)
        async with self.db.transaction():
            if await self.is_member(group.id, actor.user_id):
                return JoinResult(JoinOutcome.ALREADY_MEMBER, group)
            await self._expire_invites(group.id)
            invited = await self.db.fetch_value(
                "SELECT 1 FROM group_waitlist WHERE group_id = ? AND user_id = ? AND invited_at IS NOT NULL",
                (group.id, actor.user_id),
            )
            if not invited and group.capacity is not None and await self._seats_taken(group.id) >= group.capacity:
                return JoinResult(JoinOutcome.FULL, group)
            await self.db.execute(
                "INSERT INTO group_members (group_id, user_id, joined_at) VALUES (?, ?, ?)",
                (group.id, actor.user_id, to_db(self.clock.now())),
            )
            await self.db.execute(
                "DELETE FROM group_waitlist WHERE group_id = ? AND user_id = ?", (group.id, actor.user_id)
            )
            await self._enqueue_role(group, actor.user_id, "role_add")
        return JoinResult(JoinOutcome.JOINED, await self.get(actor.guild_id, group.name))

    async def join_waitlist(self, actor: Actor, name: str) -> JoinResult:
        group = await self.get(actor.guild_id, name)
        await self.conduct.require_current(actor.guild_id, actor.user_id)
        async with self.db.transaction():
            if await self.is_member(group.id, actor.user_id):
                return JoinResult(JoinOutcome.ALREADY_MEMBER, group)
            inserted = await self.db.execute(
                "INSERT OR IGNORE INTO group_waitlist (group_id, user_id, queued_at) VALUES (?, ?, ?)",
                (group.id, actor.user_id, to_db(self.clock.now())),
            )
            position = await self._position(group.id, actor.user_id)
            # A seat may have opened between the offer and the click.
            await self._advance_waitlist(group)
        outcome = JoinOutcome.WAITLISTED if inserted else JoinOutcome.ALREADY_WAITLISTED
        return JoinResult(outcome, group, position)

    async def leave(self, actor: Actor, name: str) -> Group:
        group = await self.get(actor.guild_id, name)
        async with self.db.transaction():
            removed = await self.db.execute(
                "DELETE FROM group_members WHERE group_id = ? AND user_id = ?", (group.id, actor.user_id)
            )
            waitlisted = await self.db.execute(
                "DELETE FROM group_waitlist WHERE group_id = ? AND user_id = ?", (group.id, actor.user_id)
            )
            if not removed and not waitlisted:
                raise NotFound(f"You aren't in “{group.name}”, so there's nothing to leave.")
            if removed:
                await self._enqueue_role(group, actor.user_id, "role_remove")
            await self._advance_waitlist(group)
        return group

    async def sweep_waitlists(self) -> None:
        """Periodic: pass on invitations that expired unanswered."""
        rows = await self.db.fetch_all(
            "SELECT DISTINCT group_id FROM group_waitlist WHERE invite_expires_at IS NOT NULL"
            " AND invite_expires_at <= ?",
            (to_db(self.clock.now()),),
        )
        for row in rows:
            group_row = await self.db.fetch_one(f"SELECT {_GROUP_COLUMNS} FROM groups g WHERE g.id = ?", (row[0],))
            if group_row is None:
                continue
            async with self.db.transaction():
                await self._advance_waitlist(Group(**dict(group_row)))

    async def _seats_taken(self, group_id: int) -> int:
        now = to_db(self.clock.now())
        return int(
            await self.db.fetch_value(
                "SELECT (SELECT COUNT(*) FROM group_members WHERE group_id = ?)"
                " + (SELECT COUNT(*) FROM group_waitlist WHERE group_id = ? AND invite_expires_at > ?)",
                (group_id, group_id, now),
            )
        )

    async def _position(self, group_id: int, user_id: int) -> int:
        return int(
            await self.db.fetch_value(
                "SELECT COUNT(*) FROM group_waitlist WHERE group_id = ? AND queued_at <= "
                "(SELECT queued_at FROM group_waitlist WHERE group_id = ? AND user_id = ?)",
                (group_id, group_id, user_id),
            )
        )

    async def _expire_invites(self, group_id: int) -> None:
        expired = await self.db.fetch_all(
            "SELECT user_id FROM group_waitlist WHERE group_id = ? AND invite_expires_at <= ?",
            (group_id, to_db(self.clock.now())),
        )
        for row in expired:
            await self.db.execute(
                "DELETE FROM group_waitlist WHERE group_id = ? AND user_id = ?", (group_id, row["user_id"])
            )

    async def _advance_waitlist(self, group: Group) -> None:
        """Invite the first people in the queue into any free seats. Call inside a transaction."""
        await self._expire_invites(group.id)
        if group.status != "active":
            return
        free = None if group.capacity is None else group.capacity - await self._seats_taken(group.id)
        rows = await self.db.fetch_all(
            "SELECT user_id FROM group_waitlist WHERE group_id = ? AND invited_at IS NULL ORDER BY queued_at, user_id"
            + ("" if free is None else " LIMIT ?"),
            (group.id,) if free is None else (group.id, max(free, 0)),
        )
        now = self.clock.now()
        for row in rows:
            user_id = int(row["user_id"])
            await self.db.execute(
                "UPDATE group_waitlist SET invited_at = ?, invite_expires_at = ? WHERE group_id = ? AND user_id = ?",
                (to_db(now), to_db(now + WAITLIST_HOLD), group.id, user_id),
            )
            await self.outbox.enqueue(
                group.guild_id, "dm",
                {"user_id": user_id,
                 "text": f"A seat has opened in “{group.name}”, and it's yours if you want it. "
                         f"Use /group join within 48 hours to take it."},
                dedupe_key=f"waitlist_invite:{group.id}:{user_id}:{to_db(now)}", subject_id=user_id,
            )

    async def _enqueue_role(self, group: Group, user_id: int, kind: str) -> None:
        if group.role_id is None:
            return
        await self.outbox.enqueue(
            group.guild_id, kind, {"user_id": user_id, "role_id": group.role_id},
            dedupe_key=f"{kind}:{group.id}:{user_id}:{to_db(self.clock.now())}", subject_id=user_id,
        )

    # ---- privacy -------------------------------------------------------------------------------------
    async def export_member(self, guild_id: int, user_id: int) -> dict[str, Any]:
        members = await self.db.fetch_all(
            "SELECT g.name, m.joined_at FROM group_members m JOIN groups g ON g.id = m.group_id"
            " WHERE g.guild_id = ? AND m.user_id = ? ORDER BY g.name_key",
            (guild_id, user_id),
        )
        waiting = await self.db.fetch_all(
            "SELECT g.name, w.queued_at, w.invited_at FROM group_waitlist w JOIN groups g ON g.id = w.group_id"
            " WHERE g.guild_id = ? AND w.user_id = ? ORDER BY g.name_key",
            (guild_id, user_id),
        )
        return {
            "memberships": [{"group": r["name"], "joined_at": from_db(r["joined_at"]).isoformat()} for r in members],
            "waitlists": [dict(r) for r in waiting],
        }

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        rows = await self.db.fetch_all(
            f"SELECT {_GROUP_COLUMNS} FROM group_members m JOIN groups g ON g.id = m.group_id"
            " WHERE g.guild_id = ? AND m.user_id = ?",
            (guild_id, user_id),
        )
        for row in rows:
            await self._enqueue_role(Group(**dict(row)), user_id, "role_remove")
        removed = await self.db.execute(
            "DELETE FROM group_members WHERE user_id = ? AND group_id IN (SELECT id FROM groups WHERE guild_id = ?)",
            (user_id, guild_id),
        )
        removed += await self.db.execute(
            "DELETE FROM group_waitlist WHERE user_id = ? AND group_id IN (SELECT id FROM groups WHERE guild_id = ?)",
            (user_id, guild_id),
        )
        for row in rows:
            await self._advance_waitlist(Group(**dict(row)))
        return removed + await self.db.execute(
            "UPDATE groups SET created_by = ? WHERE guild_id = ? AND created_by = ?", (ERASED_ID, guild_id, user_id))
