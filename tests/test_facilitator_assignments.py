"""Facilitators schedule and run meetings only in the groups a leader assigned them to (issue 13, defect 2)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.domain.facilitator import CertStatus
from bot.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from bot.services import Services
from bot.storage.db import Database
from bot.storage.migrations import load_migrations, migrate
from tests.conftest import GUILD, LEADER, FakeClock, actor
from tests.db_helpers import row_counts
from tests.meeting_helpers import FAC, FAC2, FAC3, GROUP, certify, make_group, outbox, weekly_draft

PRIVATE = "Private carers"
FIRST = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)


async def two_groups(services: Services) -> None:
    await make_group(services)
    await make_group(services, PRIVATE)
    await certify(services, FAC.user_id, FAC2.user_id)  # assigned to GROUP only


async def test_a_facilitator_cannot_schedule_in_a_group_they_are_not_assigned_to(services: Services) -> None:
    await two_groups(services)
    before = await row_counts(services.db)
    with pytest.raises(PermissionDenied, match=f"You aren't assigned to “{PRIVATE}”"):
        await services.meetings.schedule(FAC, PRIVATE, weekly_draft())
    assert await row_counts(services.db) == before  # no series, and no channel access queued
    assert not await outbox(services, "facilitator_access")


async def test_a_leader_schedules_only_for_an_assigned_facilitator(services: Services) -> None:
    await two_groups(services)
    with pytest.raises(PermissionDenied, match=f"That facilitator isn't assigned to “{PRIVATE}”"):
        await services.meetings.schedule(LEADER, PRIVATE, weekly_draft(facilitator_id=FAC.user_id))
    await certify(services, FAC3.user_id, groups=())
    with pytest.raises(PermissionDenied, match="isn't assigned"):  # co-facilitators too
        await services.meetings.schedule(LEADER, GROUP, weekly_draft(facilitator_id=FAC.user_id,
                                                                     co_facilitator_ids=(FAC3.user_id,)))
    await services.assignments.assign(LEADER, FAC.user_id, PRIVATE, "covers the carers' evenings")
    series, _ = await services.meetings.schedule(LEADER, PRIVATE, weekly_draft(facilitator_id=FAC.user_id))
    assert series.lead_id == FAC.user_id


async def test_assigning_is_for_leaders_with_a_history_of_who_when_and_why(
    services: Services, clock: FakeClock
) -> None:
    await two_groups(services)
    with pytest.raises(PermissionDenied, match="programme leader"):
        await services.assignments.assign(FAC, FAC.user_id, PRIVATE)
    with pytest.raises(NotFound, match="on record"):
        await services.assignments.assign(LEADER, 77, PRIVATE)
    await services.facilitators.set_status(LEADER, FAC3.user_id, CertStatus.TRAINEE)
    await services.assignments.assign(LEADER, FAC3.user_id, PRIVATE)  # a trainee may be assigned ahead
    with pytest.raises(Conflict, match="already assigned"):
        await services.assignments.assign(LEADER, FAC3.user_id, PRIVATE)
    clock.advance(days=1)
    with pytest.raises(InvalidInput, match="reason"):
        await services.assignments.unassign(LEADER, FAC3.user_id, PRIVATE, " ")
    await services.assignments.unassign(LEADER, FAC3.user_id, PRIVATE, "moving to the evening group")
    history = await services.assignments.history(actor(FAC3.user_id), FAC3.user_id)  # their own: allowed
    assert [(h["action"], h["group_name"], h["reason"], h["actor_id"], h["at"][:10]) for h in history] == [
        ("assigned", PRIVATE, None, LEADER.user_id, "2026-03-02"),
        ("unassigned", PRIVATE, "moving to the evening group", LEADER.user_id, "2026-03-03")]
    with pytest.raises(PermissionDenied):
        await services.assignments.history(FAC, FAC3.user_id)
    listed = {f.user_id: f.groups for f in await services.facilitators.list(GUILD)}
    assert listed == {FAC.user_id: (GROUP,), FAC2.user_id: (GROUP,), FAC3.user_id: ()}


async def test_unassigning_removes_access_and_hands_series_to_a_co_facilitator(services: Services) -> None:
    await two_groups(services)
    await certify(services, FAC3.user_id)
    series, upcoming = await services.meetings.schedule(FAC, GROUP, weekly_draft(co_facilitator_ids=(FAC2.user_id,)))
    _, solo_upcoming = await services.meetings.schedule(FAC, GROUP, weekly_draft(day="2026-03-12", title="Thu"))
    result = await services.assignments.unassign(LEADER, FAC.user_id, GROUP, "left the programme")

    revoked = [a for a in await outbox(services, "facilitator_access") if not a["grant"]]
    assert [(a["user_id"], a["group_id"]) for a in revoked] == [(FAC.user_id, 1)]
    assert result.handed_over == {series.title: FAC2.user_id}
    assert result.uncovered == {"Thu": len(solo_upcoming)}
    moved = await services.meetings.occurrence(GUILD, upcoming[0].id)
    assert moved.facilitator_id == FAC2.user_id
    alert = (await outbox(services, "leader_alert"))[-1]["text"]
    assert "left the programme" in alert and "/meeting hand-over" in alert

    # The series with nobody stays on the calendar, but the unassigned facilitator can't run it.
    still = await services.meetings.occurrence(GUILD, solo_upcoming[0].id)
    assert still.state.value == "scheduled"
    services.clock.current = still.starts_at  # type: ignore[attr-defined]
    with pytest.raises(PermissionDenied, match="assigned"):
        await services.timeline.check_in(FAC, still.id)
    with pytest.raises(PermissionDenied, match="programme leader"):
        await services.meetings.hand_over(FAC2, still.id, FAC3.user_id)
    handed = await services.meetings.hand_over(LEADER, still.id, FAC3.user_id)
    assert handed.lead_id == FAC3.user_id
    opened = await services.timeline.check_in(FAC3, still.id)
    assert opened.state.value == "open"


async def test_a_meeting_taken_as_cover_goes_back_to_the_series_lead(services: Services) -> None:
    await make_group(services)
    await certify(services, FAC.user_id, FAC2.user_id)
    _, upcoming = await services.meetings.schedule(FAC, GROUP, weekly_draft())
    await services.meetings.request_cover(FAC, upcoming[0].id)
    request_id = (await outbox(services, "cover_ask"))[0]["request_id"]
    await services.meetings.take_cover(FAC2, request_id)
    result = await services.assignments.unassign(LEADER, FAC2.user_id, GROUP, "on leave")
    assert (await services.meetings.occurrence(GUILD, upcoming[0].id)).facilitator_id == FAC.user_id
    assert result.uncovered == {} and result.handed_over == {}
    with pytest.raises(PermissionDenied, match="assigned"):
        await services.meetings.take_cover(FAC2, request_id)


async def test_the_migration_assigns_whoever_already_facilitates(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = await Database.open(path)
    step = next(m.version for m in load_migrations() if m.name.endswith("facilitator_assignments.sql"))
    await migrate(db, target=step - 1)
    now = "2026-03-02T12:00:00+00:00"
    for sql in (
        "INSERT INTO groups (id, guild_id, name, name_key, condition, audience, description, mode, status,"
        f" created_by, created_at) VALUES (1, {GUILD}, 'G', 'g', 'c', 'both', 'd', 'meeting_only', 'active', 1,"
        f" '{now}')",
        "INSERT INTO meeting_series (id, guild_id, group_id, kind, title, time_zone, dtstart_local, duration_min,"
        f" lead_id, created_by, created_at) VALUES (1, {GUILD}, 1, 'meeting', 'T', 'UTC', '2026-03-10T19:00', 60,"
        f" 20, 2, '{now}')",
        "INSERT INTO series_facilitators VALUES (1, 20)",
        "INSERT INTO meeting_occurrences (series_id, guild_id, group_id, seq, original_start, starts_at, ends_at,"
        f" facilitator_id) VALUES (1, {GUILD}, 1, 1, '{now}', '{now}', '{now}', 21)",
    ):
        await db.execute(sql)
    await migrate(db)
    await db.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT user_id, assigned_by FROM facilitator_assignments ORDER BY user_id").fetchall() \
            == [(20, 0), (21, 0)]
        assert conn.execute("SELECT COUNT(*) FROM assignment_history WHERE action = 'assigned'").fetchone() == (2,)


async def test_assign_and_history_commands(services: Services) -> None:
    from cogs.runtime import PeerBot
    from tests import helpers
    from tests.conftest import LEADER_ROLE

    bot = PeerBot(services)
    await bot.install()
    await two_groups(services)
    guild = helpers.guild(GUILD)
    leader = helpers.interaction(bot, helpers.member(LEADER.user_id, LEADER_ROLE), guild)
    await helpers.invoke(bot, "facilitator assign", leader, member=helpers.member(FAC.user_id), group=PRIVATE,
                         reason="evening cover")
    assert helpers.last_reply(leader)["content"] == f"<@{FAC.user_id}> is now a facilitator of “{PRIVATE}”."
    await helpers.invoke(bot, "facilitator unassign", leader, member=helpers.member(FAC.user_id), group=PRIVATE,
                         reason="back to days")
    await helpers.invoke(bot, "facilitator history", leader, member=helpers.member(FAC.user_id))
    lines = helpers.last_reply(leader)["content"].splitlines()
    assert lines[0].endswith(f"certified · by <@{LEADER.user_id}>")
    assert f"assigned to “{GROUP}” · by <@{LEADER.user_id}>" in lines[1]
    assert lines[2].endswith(f"assigned to “{PRIVATE}” · evening cover · by <@{LEADER.user_id}>")
    assert lines[3].endswith(f"unassigned from “{PRIVATE}” · back to days · by <@{LEADER.user_id}>")


async def test_an_unassignment_at_the_same_moment_is_not_overtaken(services: Services) -> None:
    import asyncio

    await make_group(services)
    await certify(services, FAC.user_id)
    results = await asyncio.gather(services.meetings.schedule(FAC, GROUP, weekly_draft()),
                                   services.assignments.unassign(LEADER, FAC.user_id, GROUP, "moving on"),
                                   return_exceptions=True)
    scheduled = not isinstance(results[0], BaseException)
    series = await services.db.fetch_value("SELECT COUNT(*) FROM series_facilitators WHERE user_id = ?",
                                           (FAC.user_id,))
    assert series == 0  # either refused, or scheduled first and then released by the unassignment
    grants = [a for a in await outbox(services, "facilitator_access") if a["grant"]]
    revokes = [a for a in await outbox(services, "facilitator_access") if not a["grant"]]
    assert len(revokes) == 1 and len(grants) == int(scheduled)
    assert not isinstance(results[1], BaseException)
