"""Shared set-up for meeting tests: a meeting-only group, certified facilitators, members, and outbox reading."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from bot.domain.facilitator import CertStatus
from bot.domain.group import Audience, GroupDraft, GroupMode
from bot.domain.meetings.recurrence import RecurrenceSpec, Repeat
from bot.domain.meetings.schedule import SeriesDraft
from bot.services import Services
from tests.conftest import ADMIN, GUILD, LEADER, FakeProvisioner, accept_conduct, actor

GROUP = "Recovery (NA/AA)"
FAC, FAC2, FAC3 = actor(20), actor(21), actor(22)
MEMBER, MEMBER2, MEMBER3 = actor(30), actor(31), actor(32)


async def make_group(services: Services, name: str = GROUP, mode: GroupMode = GroupMode.MEETING_ONLY) -> int:
    group = await services.groups.create(
        ADMIN, GroupDraft(name=name, condition="Addiction recovery", audience=Audience.BOTH,
                          description="Twelve-step meetings.", mode=mode), FakeProvisioner())
    return group.id


async def certify(services: Services, *user_ids: int, expires: date | None = None,
                  groups: tuple[str, ...] = (GROUP,)) -> None:
    """Certify (with the agreement accepted) and assign to each of `groups` that exists."""
    if await services.agreement.current(GUILD) is None:
        await services.agreement.publish(LEADER, "Confidentiality. No medical advice. Boundaries. When to refer.")
    current = await services.agreement.current(GUILD)
    assert current is not None
    for user_id in user_ids:
        await services.facilitators.set_status(LEADER, user_id, CertStatus.CERTIFIED, expires=expires)
        await services.agreement.accept(GUILD, user_id, current.version)
        for name in groups:
            if await services.db.fetch_value("SELECT 1 FROM groups WHERE name = ?", (name,)):
                await services.assignments.assign(LEADER, user_id, name)


async def join(services: Services, *user_ids: int, group: str = GROUP) -> None:
    await accept_conduct(services, *user_ids)
    for user_id in user_ids:
        await services.groups.join(actor(user_id), group)


def weekly_draft(**changes: Any) -> SeriesDraft:
    base: dict[str, Any] = dict(title="Tuesday evening meeting", day="2026-03-10", at="19:00",
                                time_zone="Europe/London", duration_minutes=60,
                                recurrence=RecurrenceSpec(Repeat.WEEKLY), agenda="Serenity prayer; readings; shares")
    base.update(changes)
    return SeriesDraft(**base)


async def outbox(services: Services, kind: str | None = None, prefix: str | None = None) -> list[dict[str, Any]]:
    rows = await services.db.fetch_all("SELECT kind, payload, dedupe_key FROM outbox ORDER BY id")
    found = [{"kind": r["kind"], "key": r["dedupe_key"], **json.loads(r["payload"])} for r in rows]
    return [f for f in found if (kind is None or f["kind"] == kind) and (prefix is None or f["key"].startswith(prefix))]


async def count(services: Services, table: str, where: str = "1") -> int:
    return int(await services.db.fetch_value(f"SELECT COUNT(*) FROM {table} WHERE {where}"))
