"""Which groups a facilitator serves: assigned and unassigned by a programme leader, with a history.

A certified facilitator schedules and runs meetings only in the groups they are assigned to, and a leader
schedules only for a facilitator assigned to that group. Channel access (a member overwrite on the group's
channels, granted when they are given a meeting there) follows the assignment: unassigning removes it.

Unassigning never cancels a meeting members are counting on:
- the facilitator leaves the group's series and stops running its upcoming meetings;
- a series they led passes to a co-facilitator still assigned to the group, with its upcoming meetings;
- a meeting they had taken as cover goes back to its series' lead, if that lead is still assigned;
- whatever is left has nobody who can run it. The meetings stay on the calendar, leaders are alerted with the
  series and the count, and `/meeting hand-over` gives a series to an assigned facilitator. If nobody takes it
  before a meeting starts, the usual no-show path tells members it is off and alerts leaders again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.clock import Clock, to_db
from bot.domain.alerts import LeaderAlerts
from bot.domain.erasure import ERASED_ID, redact_column
from bot.domain.facilitator import CertStatus, FacilitatorService
from bot.domain.group import Group, GroupService
from bot.domain.meetings.notify import Notifier
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text
from bot.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from bot.storage.db import Database


@dataclass(frozen=True)
class Unassigned:
    group: Group
    handed_over: dict[str, int] = field(default_factory=dict)  # series title → new lead
    uncovered: dict[str, int] = field(default_factory=dict)  # series title → upcoming meetings with nobody


class AssignmentService:
    area = "facilitator_assignments"

    def __init__(self, db: Database, clock: Clock, roles: RoleService, groups: GroupService,
                 facilitators: FacilitatorService, notifier: Notifier, alerts: LeaderAlerts) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.groups = groups
        self.facilitators = facilitators
        self.notifier = notifier
        self.alerts = alerts

    # ---- reading -------------------------------------------------------------------------------------
    async def is_assigned(self, group_id: int, user_id: int) -> bool:
        return bool(await self.db.fetch_value(
            "SELECT 1 FROM facilitator_assignments WHERE group_id = ? AND user_id = ?", (group_id, user_id)))

    async def require_assigned(self, group_id: int, user_id: int, *, you: bool = True) -> None:
        if await self.is_assigned(group_id, user_id):
            return
        name = await self.db.fetch_value("SELECT name FROM groups WHERE id = ?", (group_id,))
        who = "You aren't" if you else "That facilitator isn't"
        raise PermissionDenied(f"{who} assigned to “{name}”. A programme leader assigns facilitators to groups "
                               "with /facilitator assign.")

    async def assigned(self, group_id: int) -> list[int]:
        """The group's assigned facilitators, in the order they were assigned."""
        rows = await self.db.fetch_all(
            "SELECT user_id FROM facilitator_assignments WHERE group_id = ? ORDER BY assigned_at, user_id",
            (group_id,))
        return [int(r["user_id"]) for r in rows]

    async def history(self, actor: Actor, user_id: int) -> list[dict[str, Any]]:
        """Every assignment and unassignment of one facilitator: leaders, or the facilitator themselves."""
        if actor.user_id != user_id:
            await self.roles.require(actor, PeerRole.LEADER)
        rows = await self.db.fetch_all(
            "SELECT group_name, action, reason, actor_id, at FROM assignment_history"
            " WHERE guild_id = ? AND user_id = ? ORDER BY id",
            (actor.guild_id, user_id))
        return [dict(r) for r in rows]

    # ---- changing ------------------------------------------------------------------------------------
    async def assign(self, actor: Actor, user_id: int, group_name: str, reason: str | None = None) -> Group:
        await self.roles.require(actor, PeerRole.LEADER)
        group = await self.groups.get(actor.guild_id, group_name)
        if group.status != "active":
            raise Conflict(f"“{group.name}” is archived, so nobody can be assigned to it.")
        found = await self.facilitators.get(actor.guild_id, user_id)
        if found is None or found.status is CertStatus.REVOKED:
            raise NotFound("Only a facilitator on record (a trainee or certified) can be assigned to a group. "
                           "/facilitator set records them first.")
        reason = clean_text(reason, field="reason", max_len=300) if reason else None
        now = to_db(self.clock.now())
        async with self.db.transaction():
            added = await self.db.execute(
                "INSERT OR IGNORE INTO facilitator_assignments (group_id, user_id, guild_id, assigned_by,"
                " assigned_at) VALUES (?, ?, ?, ?, ?)", (group.id, user_id, actor.guild_id, actor.user_id, now))
            if not added:
                raise Conflict(f"They are already assigned to “{group.name}”.")
            await self._record(actor, user_id, group, "assigned", reason)
        return group

    async def unassign(self, actor: Actor, user_id: int, group_name: str, reason: str) -> Unassigned:
        """End an assignment: access goes, meetings stay (see the module's docstring for who runs them)."""
        await self.roles.require(actor, PeerRole.LEADER)
        group = await self.groups.get(actor.guild_id, group_name)
        if not reason or not reason.strip():
            raise InvalidInput("Please give a reason; it is kept in the facilitator's history.")
        reason = clean_text(reason, field="reason", max_len=300)
        async with self.db.transaction():
            removed = await self.db.execute(
                "DELETE FROM facilitator_assignments WHERE group_id = ? AND user_id = ?", (group.id, user_id))
            if not removed:
                raise NotFound(f"They aren't assigned to “{group.name}”.")
            history_id = await self._record(actor, user_id, group, "unassigned", reason)
            handed, uncovered = await self._release(group.guild_id, group.id, user_id)
            await self.notifier.facilitator_access(actor.guild_id, group.id, user_id, grant=False,
                                                   key=f"unassign:{history_id}")
            await self._alert(actor, group, user_id, reason, handed, uncovered, history_id)
        return Unassigned(group, handed, uncovered)

    async def _record(self, actor: Actor, user_id: int, group: Group, action: str, reason: str | None) -> int:
        return await self.db.execute(
            "INSERT INTO assignment_history (guild_id, user_id, group_id, group_name, action, reason, actor_id, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (actor.guild_id, user_id, group.id, group.name, action, reason, actor.user_id,
             to_db(self.clock.now())))

    async def _release(self, guild_id: int, group_id: int, user_id: int) -> tuple[dict[str, int], dict[str, int]]:
        """Hand the facilitator's part in the group's active series to whoever is still assigned. Call inside
        the unassigning transaction. Returns (series handed over → new lead, series left uncovered → count)."""
        assigned = set(await self.assigned(group_id)) - {user_id}
        handed: dict[str, int] = {}
        uncovered: dict[str, int] = {}
        series_rows = await self.db.fetch_all(
            "SELECT s.id, s.title, s.lead_id FROM meeting_series s WHERE s.group_id = ? AND s.status = 'active'"
            " AND (s.lead_id = ? OR s.id IN (SELECT series_id FROM series_facilitators WHERE user_id = ?)"
            " OR s.id IN (SELECT series_id FROM meeting_occurrences WHERE facilitator_id = ?"
            " AND state = 'scheduled')) ORDER BY s.id",
            (group_id, user_id, user_id, user_id))
        for row in series_rows:
            await self.db.execute("DELETE FROM series_facilitators WHERE series_id = ? AND user_id = ?",
                                  (row["id"], user_id))
            others = [int(r["user_id"]) for r in await self.db.fetch_all(
                "SELECT user_id FROM series_facilitators WHERE series_id = ? ORDER BY rowid", (row["id"],))
                if int(r["user_id"]) in assigned]
            lead = int(row["lead_id"])
            if lead == user_id and others:
                lead = others[0]
                await self.db.execute("UPDATE meeting_series SET lead_id = ? WHERE id = ?", (lead, row["id"]))
                handed[row["title"]] = lead
            runner = lead if lead in assigned else None
            if runner is not None:
                await self.db.execute(
                    "UPDATE meeting_occurrences SET facilitator_id = ? WHERE series_id = ? AND facilitator_id = ?"
                    " AND state = 'scheduled'", (runner, row["id"], user_id))
                if runner != int(row["lead_id"]):
                    await self.notifier.facilitator_access(guild_id, group_id, runner, grant=True,
                                                           key=f"handover:{row['id']}:{runner}")
            else:
                left = int(await self.db.fetch_value(
                    "SELECT COUNT(*) FROM meeting_occurrences WHERE series_id = ? AND facilitator_id = ?"
                    " AND state = 'scheduled'", (row["id"], user_id)))
                if left or lead == user_id:
                    uncovered[row["title"]] = left
        return handed, uncovered

    async def _alert(self, actor: Actor, group: Group, user_id: int, reason: str, handed: dict[str, int],
                     uncovered: dict[str, int], history_id: int) -> None:
        if handed or uncovered:
            await self.alerts.send(group.guild_id, _handover_report(
                f"<@{user_id}> no longer facilitates “{group.name}” (unassigned by <@{actor.user_id}>: {reason}).",
                handed, uncovered), dedupe_key=f"unassign:{history_id}")

    # ---- privacy -------------------------------------------------------------------------------------
    async def export_member(self, guild_id: int, user_id: int) -> dict[str, Any]:
        current = await self.db.fetch_all(
            "SELECT g.name AS group_name, a.assigned_at FROM facilitator_assignments a JOIN groups g"
            " ON g.id = a.group_id WHERE a.guild_id = ? AND a.user_id = ? ORDER BY g.name_key", (guild_id, user_id))
        history = await self.db.fetch_all(
            "SELECT group_name, action, reason, at FROM assignment_history WHERE guild_id = ? AND user_id = ?"
            " ORDER BY id", (guild_id, user_id))
        return {"groups": [dict(r) for r in current], "history": [dict(r) for r in history]}

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        """An erased facilitator is released from every group as if unassigned (access withdrawn, meetings handed
        on, leaders told what is left, without naming them). Their assignments and history go; where they
        assigned someone else, the record stays without them."""
        groups = await self.db.fetch_all(
            "SELECT id, name FROM groups WHERE guild_id = ? AND (id IN (SELECT group_id FROM facilitator_assignments"
            " WHERE user_id = ?) OR id IN (SELECT s.group_id FROM series_facilitators sf JOIN meeting_series s"
            " ON s.id = sf.series_id WHERE sf.user_id = ?)) ORDER BY id", (guild_id, user_id, user_id))
        for group in groups:
            await self.notifier.facilitator_access(guild_id, group["id"], user_id, grant=False, key="erased")
            handed, uncovered = await self._release(guild_id, group["id"], user_id)
            if handed or uncovered:
                await self.alerts.send(guild_id, _handover_report(
                    f"A facilitator of “{group['name']}” has erased their data.", handed, uncovered),
                    dedupe_key=f"erased:{group['id']}:{to_db(self.clock.now())}")
        count = await self.db.execute(
            "DELETE FROM facilitator_assignments WHERE guild_id = ? AND user_id = ?", (guild_id, user_id))
        count += await self.db.execute(
            "DELETE FROM assignment_history WHERE guild_id = ? AND user_id = ?", (guild_id, user_id))
        count += await self.db.execute(
            "UPDATE facilitator_assignments SET assigned_by = ? WHERE guild_id = ? AND assigned_by = ?",
            (ERASED_ID, guild_id, user_id))
        count += await self.db.execute(
            "UPDATE assignment_history SET actor_id = ? WHERE guild_id = ? AND actor_id = ?",
            (ERASED_ID, guild_id, user_id))
        return count + await redact_column(self.db, "assignment_history", "reason", user_id, "guild_id = ?",
                                           (guild_id,))


def _handover_report(opening: str, handed: dict[str, int], uncovered: dict[str, int]) -> str:
    lines = [opening]
    lines += [f"**{title}** now runs with <@{lead}>." for title, lead in handed.items()]
    lines += [f"**{title}** has nobody to run its {count} upcoming meeting(s). Give it to an assigned facilitator "
              "with /meeting hand-over, or end it with /meeting stop-series." for title, count in uncovered.items()]
    return "\n".join(lines)[:1900]
