"""Facilitators: certification by a programme leader, its history, and the facilitator agreement.

Lifecycle: trainee → certified (optionally until a date) → suspended or revoked (with a reason). A suspended
facilitator can be certified again; a revoked one starts again as a trainee. Every change is kept in
`facilitator_history`. Only a facilitator who is certified, not expired, and has accepted the current
agreement may schedule or run meetings (`require_active`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from bot.clock import Clock, from_db, to_db
from bot.domain.alerts import LeaderAlerts
from bot.domain.erasure import ERASED_ID, redact_column
from bot.domain.outbox import Outbox
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text
from bot.domain.versioned import VersionedText
from bot.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from bot.storage.db import Database

EXPIRY_WARNINGS = ((30, "warned_30_at"), (7, "warned_7_at"))


class CertStatus(StrEnum):
    TRAINEE = "trainee"
    CERTIFIED = "certified"
    SUSPENDED = "suspended"
    REVOKED = "revoked"


# status → the statuses a leader may move a facilitator to from there (None: not yet on record)
ALLOWED: dict[CertStatus | None, set[CertStatus]] = {
    None: {CertStatus.TRAINEE, CertStatus.CERTIFIED},
    CertStatus.TRAINEE: {CertStatus.CERTIFIED, CertStatus.REVOKED},
    CertStatus.CERTIFIED: {CertStatus.CERTIFIED, CertStatus.SUSPENDED, CertStatus.REVOKED},
    CertStatus.SUSPENDED: {CertStatus.CERTIFIED, CertStatus.REVOKED},
    CertStatus.REVOKED: {CertStatus.TRAINEE},
}


class FacilitatorAgreement(VersionedText):
    area = "facilitator_agreement"
    versions_table = "agreement_versions"
    acceptances_table = "agreement_acceptances"
    noun = "facilitator agreement"
    show_command = "/facilitator agreement"
    publisher = PeerRole.LEADER


@dataclass(frozen=True)
class Facilitator:
    guild_id: int
    user_id: int
    status: CertStatus
    expires_at: datetime | None
    reason: str | None
    agreement_ok: bool
    groups: tuple[str, ...] = ()

    def active_at(self, now: datetime) -> bool:
        return (self.status is CertStatus.CERTIFIED and self.agreement_ok
                and (self.expires_at is None or self.expires_at > now))

    def describe(self, now: datetime) -> str:
        if self.status is CertStatus.CERTIFIED:
            if self.expires_at is not None and self.expires_at <= now:
                return f"certification expired {self.expires_at:%d %b %Y}"
            text = "certified" + (f" until {self.expires_at:%d %b %Y}" if self.expires_at else "")
            return text if self.agreement_ok else text + " (agreement not yet accepted)"
        return self.status.value


class FacilitatorService:
    area = "facilitators"

    def __init__(self, db: Database, clock: Clock, roles: RoleService, outbox: Outbox, alerts: LeaderAlerts,
                 agreement: FacilitatorAgreement) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.outbox = outbox
        self.alerts = alerts
        self.agreement = agreement

    _SELECT = (
        "SELECT f.*, (SELECT MAX(a.version) FROM agreement_acceptances a WHERE a.guild_id = f.guild_id"
        " AND a.user_id = f.user_id) AS accepted FROM facilitators f"
    )

    @staticmethod
    def _build(row: Any, current_version: int | None, groups: tuple[str, ...] = ()) -> Facilitator:
        return Facilitator(
            guild_id=row["guild_id"], user_id=row["user_id"], status=CertStatus(row["status"]),
            expires_at=from_db(row["expires_at"]) if row["expires_at"] else None, reason=row["reason"],
            agreement_ok=current_version is not None and row["accepted"] == current_version, groups=groups,
        )

    async def get(self, guild_id: int, user_id: int) -> Facilitator | None:
        row = await self.db.fetch_one(f"{self._SELECT} WHERE f.guild_id = ? AND f.user_id = ?", (guild_id, user_id))
        if row is None:
            return None
        current = await self.agreement.current(guild_id)
        return self._build(row, current.version if current else None)

    async def require_active(self, guild_id: int, user_id: int, *, you: bool = True) -> Facilitator:
        """Refuse, with the reason, anyone who may not schedule or run meetings right now."""
        found = await self.get(guild_id, user_id)
        now = self.clock.now()
        who = "You are" if you else "That person is"
        whose = "Your" if you else "Their"
        if found is None:
            raise PermissionDenied(f"{who} not a certified facilitator here. A programme leader can certify "
                                   "facilitators with /facilitator set.")
        if found.status is not CertStatus.CERTIFIED:
            raise PermissionDenied(f"{who} not able to run meetings right now (status: {found.status.value}).")
        if found.expires_at is not None and found.expires_at <= now:
            raise PermissionDenied(f"{whose} facilitator certification expired on {found.expires_at:%d %B %Y}. "
                                   "A programme leader can renew it with /facilitator set.")
        if not found.agreement_ok:
            raise PermissionDenied(f"{who} certified but the current facilitator agreement hasn't been accepted "
                                   "yet. It can be read and accepted with /facilitator agreement.")
        return found

    async def set_status(
        self, actor: Actor, user_id: int, status: CertStatus, *, expires: date | None = None,
        reason: str | None = None,
    ) -> Facilitator:
        await self.roles.require(actor, PeerRole.LEADER)
        now = self.clock.now()
        expires_at = datetime.combine(expires, time(23, 59, 59), UTC) if expires else None
        if expires is not None and status is not CertStatus.CERTIFIED:
            raise InvalidInput("An expiry date only applies when certifying.")
        if expires_at is not None and expires_at <= now:
            raise InvalidInput("The expiry date has already passed. Please choose a date in the future.")
        if status in (CertStatus.SUSPENDED, CertStatus.REVOKED):
            if not reason:
                raise InvalidInput("Please give a reason; it is kept in the facilitator's history.")
            reason = clean_text(reason, field="reason", max_len=300)
        else:
            reason = None
        agreement = await self.agreement.current(actor.guild_id)
        if status is CertStatus.CERTIFIED and agreement is None:
            raise NotFound("Please publish the facilitator agreement first (/facilitator agreement-set); "
                           "facilitators accept it when they are certified.")
        async with self.db.transaction():
            current = await self.get(actor.guild_id, user_id)
            before = current.status if current else None
            if status not in ALLOWED[before]:
                raise Conflict(f"A facilitator who is {before.value if before else 'not on record'} can't be "
                               f"moved to {status.value}. Allowed next: "
                               f"{', '.join(sorted(s.value for s in ALLOWED[before])) or 'nothing'}.")
            await self.db.execute(
                "INSERT INTO facilitators (guild_id, user_id, status, expires_at, reason, updated_by, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, user_id) DO UPDATE SET"
                " status = excluded.status, expires_at = excluded.expires_at, reason = excluded.reason,"
                " updated_by = excluded.updated_by, updated_at = excluded.updated_at,"
                " warned_30_at = NULL, warned_7_at = NULL",
                (actor.guild_id, user_id, status.value, to_db(expires_at) if expires_at else None, reason,
                 actor.user_id, to_db(now)),
            )
            history_id = await self.db.execute(
                "INSERT INTO facilitator_history (guild_id, user_id, status, expires_at, reason, actor_id, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (actor.guild_id, user_id, status.value, to_db(expires_at) if expires_at else None, reason,
                 actor.user_id, to_db(now)),
            )
            if status in (CertStatus.SUSPENDED, CertStatus.REVOKED):
                await self._withdraw_access(actor.guild_id, user_id, history_id)
            if status is CertStatus.CERTIFIED and agreement is not None and not await \
                    self.agreement.has_accepted_current(actor.guild_id, user_id):
                await self.outbox.enqueue(
                    actor.guild_id, "agreement_prompt", {"user_id": user_id, "version": agreement.version},
                    dedupe_key=f"agreement_prompt:{history_id}", subject_id=user_id,
                )
        updated = await self.get(actor.guild_id, user_id)
        assert updated is not None
        return updated

    async def _withdraw_access(self, guild_id: int, user_id: int, history_id: int) -> None:
        """A suspended or revoked facilitator no longer sees the channels of the groups they facilitated
        (unless they are members there, which their group role covers)."""
        rows = await self.db.fetch_all(
            "SELECT DISTINCT s.group_id FROM series_facilitators sf JOIN meeting_series s ON s.id = sf.series_id"
            " WHERE s.guild_id = ? AND sf.user_id = ?",
            (guild_id, user_id),
        )
        for row in rows:
            await self.outbox.enqueue(
                guild_id, "facilitator_access", {"group_id": row["group_id"], "user_id": user_id, "grant": False},
                dedupe_key=f"access:{row['group_id']}:{user_id}:status:{history_id}", subject_id=user_id,
            )

    async def history(self, actor: Actor, user_id: int) -> list[dict[str, Any]]:
        if actor.user_id != user_id:
            await self.roles.require(actor, PeerRole.LEADER)
        rows = await self.db.fetch_all(
            "SELECT status, expires_at, reason, actor_id, at FROM facilitator_history"
            " WHERE guild_id = ? AND user_id = ? ORDER BY id",
            (actor.guild_id, user_id),
        )
        return [dict(row) for row in rows]

    async def list(self, guild_id: int) -> list[Facilitator]:
        rows = await self.db.fetch_all(
            f"{self._SELECT} WHERE f.guild_id = ? ORDER BY f.status, f.user_id", (guild_id,)
        )
        group_rows = await self.db.fetch_all(  # the groups each is assigned to (bot/domain/assignment.py)
            "SELECT a.user_id, g.name FROM facilitator_assignments a JOIN groups g ON g.id = a.group_id"
            " WHERE a.guild_id = ? ORDER BY g.name_key",
            (guild_id,),
        )
        groups: dict[int, list[str]] = {}
        for row in group_rows:
            groups.setdefault(int(row["user_id"]), []).append(row["name"])
        current = await self.agreement.current(guild_id)
        version = current.version if current else None
        return [self._build(row, version, tuple(groups.get(int(row["user_id"]), []))) for row in rows]

    async def warn_expiring(self) -> int:
        """Periodic: tell leaders (and the facilitator) 30 and 7 days before a certification lapses. Once each."""
        now = self.clock.now()
        sent = 0
        for days, column in EXPIRY_WARNINGS:
            rows = await self.db.fetch_all(
                f"SELECT guild_id, user_id, expires_at FROM facilitators WHERE status = 'certified'"
                f" AND expires_at IS NOT NULL AND expires_at > ? AND expires_at <= ? AND {column} IS NULL",
                (to_db(now), to_db(now + timedelta(days=days))),
            )
            for row in rows:
                async with self.db.transaction():
                    claimed = await self.db.execute(
                        f"UPDATE facilitators SET {column} = ? WHERE guild_id = ? AND user_id = ?"
                        f" AND {column} IS NULL",
                        (to_db(now), row["guild_id"], row["user_id"]),
                    )
                    if not claimed:
                        continue
                    expires_at = from_db(row["expires_at"])
                    await self.alerts.send(
                        row["guild_id"],
                        f"A facilitator's certification (<@{row['user_id']}>) expires on {expires_at:%d %B %Y}, "
                        f"in {max((expires_at - now).days, 0)} days. Renew it with /facilitator set.",
                        dedupe_key=f"expiry:{row['guild_id']}:{row['user_id']}:{row['expires_at']}:{days}",
                    )
                    await self.outbox.enqueue(
                        row["guild_id"], "dm",
                        {"user_id": row["user_id"],
                         "text": f"A note from peerbot: your facilitator certification expires on "
                                 f"{expires_at:%d %B %Y}. Please talk to your programme leader about renewing it."},
                        dedupe_key=f"expiry-dm:{row['guild_id']}:{row['user_id']}:{row['expires_at']}:{days}",
                        subject_id=row["user_id"],
                    )
                    sent += 1
        return sent

    async def export_member(self, guild_id: int, user_id: int) -> dict[str, Any]:
        current = await self.db.fetch_one(
            "SELECT status, expires_at, reason, updated_at FROM facilitators WHERE guild_id = ? AND user_id = ?",
            (guild_id, user_id),
        )
        history = await self.db.fetch_all(
            "SELECT status, expires_at, reason, at FROM facilitator_history WHERE guild_id = ? AND user_id = ?"
            " ORDER BY id",
            (guild_id, user_id),
        )
        return {"current": dict(current) if current else None, "history": [dict(r) for r in history],
                "agreement_acceptances": await self.agreement.export_member(guild_id, user_id)}

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        """Their certification and history go; where they certified others, the record stays without them."""
        count = await self.db.execute(
            "DELETE FROM facilitators WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )
        count += await self.db.execute(
            "DELETE FROM facilitator_history WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )
        count += await self.db.execute("UPDATE facilitators SET updated_by = ? WHERE guild_id = ? AND updated_by = ?",
                                       (ERASED_ID, guild_id, user_id))
        count += await self.db.execute(
            "UPDATE facilitator_history SET actor_id = ? WHERE guild_id = ? AND actor_id = ?",
            (ERASED_ID, guild_id, user_id))
        for table in ("facilitators", "facilitator_history"):
            count += await redact_column(self.db, table, "reason", user_id, "guild_id = ?", (guild_id,))
        return count + await self.agreement.delete_member(guild_id, user_id)
