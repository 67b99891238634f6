"""Meetings end to end in the core: scheduling rules, the timeline on a fake clock, restarts, cover, courses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from icalendar import Calendar

from bot.domain.group import GroupMode
from bot.domain.meetings.calendar import group_calendar
from bot.domain.meetings.course import Enrollment
from bot.domain.meetings.model import OccurrenceState
from bot.domain.meetings.schedule import SeriesDraft
from bot.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from bot.services import Services, open_services
from bot.settings import Settings
from tests.conftest import GUILD, LEADER, FakeClock, actor
from tests.meeting_helpers import (
    FAC,
    FAC2,
    GROUP,
    MEMBER,
    MEMBER2,
    MEMBER3,
    certify,
    count,
    join,
    make_group,
    outbox,
    weekly_draft,
)

FIRST = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)  # Tuesday 10 March, 19:00 London (GMT)


async def scheduled(services: Services, **changes: object) -> int:
    """A weekly London series by FAC in a meeting-only group; returns the first occurrence id."""
    await make_group(services)
    await certify(services, FAC.user_id, FAC2.user_id)
    _, upcoming = await services.meetings.schedule(FAC, GROUP, weekly_draft(**changes))
    return upcoming[0].id


async def at(services: Services, clock: FakeClock, when: datetime, occurrence_id: int | None = 1) -> list[str]:
    """Move the clock, run the pass, and return what it did for one occurrence (None: for all)."""
    clock.current = when
    fired = await services.timeline.run_due()
    return [f.action for f in fired if occurrence_id is None or f.occurrence_id == occurrence_id]


# ---- scheduling --------------------------------------------------------------------------------------
async def test_series_materializes_four_weeks_in_local_time(services: Services, clock: FakeClock) -> None:
    await scheduled(services)
    upcoming = await services.meetings.upcoming(GUILD, limit=10)
    # The horizon is 28 days from "now" (2 March).
    assert [o.starts_at for o in upcoming] == [FIRST, FIRST + timedelta(days=7), FIRST + timedelta(days=14)]
    clock.advance(days=14)
    assert await services.meetings.extend_horizons() == 2
    assert await services.meetings.extend_horizons() == 0
    later = await services.meetings.upcoming(GUILD, limit=10)
    assert later[-2].starts_at == FIRST + timedelta(days=21, hours=-1)  # BST from 29 March: still 19:00 local


@pytest.mark.parametrize(
    ("who", "changes", "error", "message"),
    [
        (actor(99), {}, PermissionDenied, "not a certified facilitator"),
        (FAC, {"day": "2026-03-01"}, InvalidInput, "already passed"),
        (FAC, {"day": "2026-03-29", "at": "01:30"}, InvalidInput, "doesn't exist"),
        (FAC, {"time_zone": "Europe/Londres"}, InvalidInput, "time zone"),
        (FAC, {"at": "19:30"}, Conflict, "overlap"),
        (FAC, {"facilitator_id": FAC2.user_id}, PermissionDenied, "leader"),
        (FAC, {"title": "\u200b\u200b"}, InvalidInput, "can't be empty"),
        (FAC, {"title": "x" * 101}, InvalidInput, "100 or fewer"),
    ],
)
async def test_bad_schedules_save_nothing(
    services: Services, who: object, changes: dict[str, object], error: type[Exception], message: str
) -> None:
    await scheduled(services)
    before = (await count(services, "meeting_series"), await count(services, "meeting_occurrences"))
    with pytest.raises(error, match=message):
        await services.meetings.schedule(who, GROUP, weekly_draft(**changes))  # type: ignore[arg-type]
    assert (await count(services, "meeting_series"), await count(services, "meeting_occurrences")) == before


async def test_leader_schedules_for_a_facilitator_with_a_co_facilitator(services: Services) -> None:
    await make_group(services)
    await certify(services, FAC.user_id, FAC2.user_id)
    series, _ = await services.meetings.schedule(
        LEADER, GROUP, weekly_draft(facilitator_id=FAC.user_id, co_facilitator_ids=(FAC2.user_id,)))
    assert series.lead_id == FAC.user_id
    with pytest.raises(PermissionDenied, match="That person is not a certified"):
        await services.meetings.schedule(LEADER, GROUP, weekly_draft(day="2026-03-11", facilitator_id=77))


# ---- the timeline ------------------------------------------------------------------------------------
async def test_a_meeting_from_reminders_to_feedback(services: Services, clock: FakeClock) -> None:
    first = await scheduled(services)
    await join(services, MEMBER.user_id, MEMBER2.user_id, MEMBER3.user_id)
    await services.rsvps.rsvp(MEMBER, first)
    await services.rsvps.rsvp(MEMBER2, first)
    await services.rsvps.set_reminders(GUILD, MEMBER2.user_id, [15], "channel")

    assert await at(services, clock, datetime(2026, 3, 3, 19, tzinfo=UTC)) == ["event"]
    assert await at(services, clock, FIRST - timedelta(hours=24)) == ["reminder"]
    dms = await outbox(services, "dm", "dm:remind")
    assert [d["user_id"] for d in dms] == [MEMBER.user_id]
    assert await at(services, clock, FIRST - timedelta(hours=3)) == ["reminder"]  # nobody chose 3 h: no message
    assert await at(services, clock, FIRST - timedelta(hours=1)) == ["reminder"]
    assert await at(services, clock, FIRST - timedelta(minutes=15)) == ["reminder"]
    posts = await outbox(services, "group_post", "post:remind")
    assert posts[0]["mention_ids"] == [MEMBER2.user_id]
    assert len(await outbox(services, "dm", "dm:remind")) == 2

    assert await at(services, clock, FIRST) == ["opening"]
    assert (await services.timeline.room_state(1)).open is False  # type: ignore[union-attr]
    with pytest.raises(PermissionDenied, match="Only a facilitator of this meeting"):
        await services.timeline.check_in(MEMBER, first)
    clock.advance(minutes=3)
    await services.timeline.check_in(FAC, first)
    room = await services.timeline.room_state(1)
    assert room is not None and room.open and room.meeting_only
    await services.timeline.here(MEMBER3, first)
    assert room.channel_id is not None
    await services.timeline.note_post(room.channel_id, MEMBER.user_id)

    assert await at(services, clock, FIRST + timedelta(minutes=69)) == []
    assert await at(services, clock, FIRST + timedelta(minutes=70)) == ["close"]
    assert (await services.timeline.room_state(1)).open is False  # type: ignore[union-attr]
    report = await services.timeline.attendance(FAC, first)
    assert report["checked_in"] == [FAC.user_id, MEMBER3.user_id]
    assert report["posted"] == [MEMBER.user_id]
    assert report["no_show_rsvps"] == [MEMBER2.user_id]
    prompts = await outbox(services, "feedback_prompt")
    assert sorted(p["user_id"] for p in prompts) == [MEMBER.user_id, MEMBER3.user_id]  # not the facilitator
    await services.timeline.submit_feedback(MEMBER.user_id, first, 5, "Felt <@&1> welcome")
    with pytest.raises(Conflict, match="already answered"):
        await services.timeline.submit_feedback(MEMBER.user_id, first, 4, None)
    with pytest.raises(Conflict):
        await services.timeline.submit_feedback(MEMBER2.user_id, first, 4, None)  # didn't attend
    row = await services.db.fetch_one("SELECT * FROM meeting_feedback")
    assert row is not None and "user_id" not in set(row.keys()) and row["rating"] == 5
    assert len(await outbox(services, prefix="post:wrapup")) == 1
    assert len(await outbox(services, "room_sync")) == 2


async def test_nobody_checks_in_so_the_meeting_is_called_off(services: Services, clock: FakeClock) -> None:
    first = await scheduled(services)
    await join(services, MEMBER.user_id)
    await services.rsvps.rsvp(MEMBER, first)
    await at(services, clock, FIRST)
    assert await at(services, clock, FIRST + timedelta(minutes=9)) == []
    assert await at(services, clock, FIRST + timedelta(minutes=10)) == ["no_show"]
    occurrence = await services.meetings.occurrence(GUILD, first)
    assert occurrence.state is OccurrenceState.CANCELLED and occurrence.cancel_reason == "no_facilitator"
    assert len(await outbox(services, "leader_alert")) == 1
    assert len(await outbox(services, prefix="dm:noshow")) == 1
    with pytest.raises(Conflict, match="over or was cancelled"):
        await services.timeline.check_in(FAC, first)


async def test_check_in_rules(services: Services, clock: FakeClock) -> None:
    first = await scheduled(services)
    clock.current = FIRST - timedelta(minutes=20)
    with pytest.raises(Conflict, match="a little early"):
        await services.timeline.check_in(FAC, first)
    clock.current = FIRST - timedelta(minutes=10)
    with pytest.raises(PermissionDenied, match="Only a facilitator of this meeting"):
        await services.timeline.check_in(FAC2, first)  # certified, but not on this meeting
    await services.timeline.check_in(FAC, first)
    assert (await services.meetings.occurrence(GUILD, first)).state is OccurrenceState.OPEN


async def test_restart_in_the_middle_of_a_meeting_loses_and_repeats_nothing(
    services: Services, settings: Settings, clock: FakeClock
) -> None:
    first = await scheduled(services)
    await join(services, MEMBER.user_id)
    await services.rsvps.rsvp(MEMBER, first)
    await at(services, clock, FIRST - timedelta(minutes=15))
    await at(services, clock, FIRST)
    await services.timeline.check_in(FAC, first)
    clock.advance(minutes=20)
    await services.db.close()  # the process stops mid-meeting

    restarted = await open_services(settings, clock)
    try:
        wake = await restarted.timeline.rebuild()
        assert wake == FIRST + timedelta(minutes=70)
        assert await restarted.timeline.reconcile_rooms() == 1
        assert (await restarted.timeline.room_state(1)).open is True  # type: ignore[union-attr]
        assert [f.action for f in await restarted.timeline.run_due()] == []
        clock.current = FIRST + timedelta(minutes=70)
        assert [f.action for f in await restarted.timeline.run_due()] == ["close"]
        assert [f.action for f in await restarted.timeline.run_due()] == []
        assert len(await outbox(restarted, prefix="post:wrapup")) == 1
        assert len(await outbox(restarted, prefix="opening")) == 1
        assert len(await outbox(restarted, prefix="dm:remind")) == 1
    finally:
        await restarted.db.close()


async def test_reminders_missed_while_down_go_once_within_grace_and_are_skipped_after(
    services: Services, clock: FakeClock
) -> None:
    first = await scheduled(services)
    await join(services, MEMBER.user_id)
    await services.rsvps.rsvp(MEMBER, first)
    await at(services, clock, FIRST - timedelta(days=2))
    # Down from 25 h before until 10 minutes before: the 24 h reminder is stale, the 15 min one is not.
    assert await at(services, clock, FIRST - timedelta(minutes=10)) == ["reminder"]
    reminders = await outbox(services, prefix="dm:remind")
    assert len(reminders) == 1 and ":15:" in reminders[0]["key"]
    assert await at(services, clock, FIRST - timedelta(minutes=5)) == []


async def test_bot_down_for_the_whole_meeting(services: Services, clock: FakeClock) -> None:
    first = await scheduled(services)
    actions = await at(services, clock, FIRST + timedelta(hours=3))
    assert actions[-1] == "missed"
    assert (await services.meetings.occurrence(GUILD, first)).cancel_reason == "missed"
    assert len(await outbox(services, prefix="opening")) == 0
    assert len(await outbox(services, "leader_alert")) == 1


# ---- changes to one meeting --------------------------------------------------------------------------
async def test_cancel_and_move_notify_members_and_sync_events(services: Services, clock: FakeClock) -> None:
    first = await scheduled(services)
    await join(services, MEMBER.user_id)
    await services.rsvps.rsvp(MEMBER, first, whole_series=True)
    await at(services, clock, datetime(2026, 3, 4, tzinfo=UTC))  # publishes the first week's event
    with pytest.raises(PermissionDenied):
        await services.meetings.cancel(MEMBER, first)
    cancelled = await services.meetings.cancel(FAC, first, "Snow day.")
    assert cancelled.state is OccurrenceState.CANCELLED
    assert "Snow day." in (await outbox(services, prefix="post:cancel"))[0]["text"]
    assert len(await outbox(services, prefix="dm:cancel")) == 1
    assert len(await outbox(services, "event_sync")) == 2  # published, then cancelled
    with pytest.raises(Conflict):
        await services.meetings.cancel(FAC, first)

    second = (await services.meetings.upcoming(GUILD, limit=1))[0]
    with pytest.raises(InvalidInput, match="doesn't exist"):
        await services.meetings.move(FAC, second.id, "2026-03-29", "01:15")
    moved = await services.meetings.move(LEADER, second.id, "2026-03-18", "18:00")
    assert moved.starts_at == datetime(2026, 3, 18, 18, tzinfo=UTC)
    assert "has moved" in (await outbox(services, prefix="dm:move"))[0]["text"]
    third = (await services.meetings.upcoming(GUILD, limit=2))[1]
    with pytest.raises(Conflict, match="overlap"):
        await services.meetings.move(FAC, third.id, "2026-03-18", "18:30")


async def test_cover_goes_to_the_first_who_accepts(services: Services) -> None:
    await make_group(services)
    await certify(services, FAC.user_id, FAC2.user_id, 22)
    _, upcoming = await services.meetings.schedule(FAC, GROUP, weekly_draft(co_facilitator_ids=(FAC2.user_id,)))
    await services.meetings.schedule(actor(22), GROUP, weekly_draft(day="2026-03-12", title="Thursday"))
    first = upcoming[0].id
    with pytest.raises(PermissionDenied):
        await services.meetings.request_cover(FAC2, first)
    assert await services.meetings.request_cover(FAC, first) == 2
    asks = await outbox(services, "cover_ask")
    assert sorted(a["user_id"] for a in asks) == [FAC2.user_id, 22]
    taken = await services.meetings.take_cover(actor(22), asks[0]["request_id"])
    assert taken.facilitator_id == 22
    with pytest.raises(Conflict, match="already taken"):
        await services.meetings.take_cover(FAC2, asks[0]["request_id"])
    assert "will cover" in (await outbox(services, prefix="dm:cover_taken"))[0]["text"]


async def test_always_open_groups_are_never_locked(services: Services, clock: FakeClock) -> None:
    await make_group(services, "Recovery 24/7", GroupMode.ALWAYS_OPEN)
    await certify(services, FAC.user_id, groups=("Recovery 24/7",))
    _, upcoming = await services.meetings.schedule(FAC, "Recovery 24/7", weekly_draft())
    await at(services, clock, FIRST)
    await services.timeline.check_in(FAC, upcoming[0].id)
    room = await services.timeline.room_state(1)
    assert room is not None and not room.meeting_only


# ---- courses -----------------------------------------------------------------------------------------
async def test_course_cap_waitlist_enrollment_close_and_completion(services: Services, clock: FakeClock) -> None:
    await make_group(services)
    await certify(services, FAC.user_id)
    syllabus = ("Understanding the illness", "Coping skills", "Communication")
    series, sessions = await services.meetings.schedule(FAC, GROUP, SeriesDraft(
        title="Family-to-family", day="2026-03-11", at="18:00", time_zone="America/New_York",
        duration_minutes=90, syllabus=syllabus, capacity=2))
    assert series.kind == "course" and [o.label for o in sessions][1] == "Family-to-family (session 2: Coping skills)"
    await join(services, MEMBER.user_id, MEMBER2.user_id, MEMBER3.user_id)
    assert (await services.courses.enroll(MEMBER, series.id)).state is Enrollment.ENROLLED
    assert (await services.courses.enroll(MEMBER2, series.id)).state is Enrollment.ENROLLED
    waiting = await services.courses.enroll(MEMBER3, series.id)
    assert waiting.state is Enrollment.WAITLISTED and waiting.position == 1
    with pytest.raises(Conflict, match="course"):
        await services.rsvps.rsvp(MEMBER, sessions[0].id)
    await services.courses.withdraw(MEMBER2, series.id)
    assert "now enrolled" in (await outbox(services, prefix="dm:course_promoted"))[0]["text"]

    for session in sessions:
        await at(services, clock, session.starts_at)
        await services.timeline.check_in(FAC, session.id)
        await services.timeline.here(MEMBER, session.id)
        if session.seq == 1:
            await services.timeline.here(MEMBER3, session.id)
        await services.timeline.end(FAC, session.id)
        if session.seq == 1:
            with pytest.raises(Conflict, match="closed when its first session"):
                await services.courses.enroll(MEMBER2, series.id)
    progress = {p.user_id: p for p in await services.courses.progress(LEADER, series.id)}
    assert (progress[MEMBER.user_id].attended, progress[MEMBER.user_id].completed) == (3, True)
    assert (progress[MEMBER3.user_id].attended, progress[MEMBER3.user_id].completed) == (1, False)
    mine = await services.courses.progress(MEMBER3, series.id)
    assert [p.user_id for p in mine] == [MEMBER3.user_id]


# ---- calendar, next, privacy ---------------------------------------------------------------------------
async def test_calendar_file_has_the_rule_its_zone_and_the_exceptions(services: Services, clock: FakeClock) -> None:
    first = await scheduled(services)
    await services.meetings.cancel(FAC, first)
    second = (await services.meetings.upcoming(GUILD, limit=1))[0]
    await services.meetings.move(FAC, second.id, "2026-03-18", "18:00")
    ics = await group_calendar(services.db, 1, GROUP, clock.now())
    cal = Calendar.from_ical(ics)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 2
    assert events[0]["RRULE"]["FREQ"] == ["WEEKLY"]
    assert events[0]["DTSTART"].dt.tzinfo is not None and str(events[0]["DTSTART"].params["TZID"]) == "Europe/London"
    assert events[0]["EXDATE"].dts[0].dt == FIRST
    assert events[1]["RECURRENCE-ID"].dt == FIRST + timedelta(days=7)
    assert [c["TZID"] for c in cal.walk("VTIMEZONE")] == ["Europe/London"]


async def test_next_shows_my_groups_only_and_time_zone_pref(services: Services) -> None:
    await scheduled(services)
    await join(services, MEMBER.user_id)
    assert len(await services.meetings.upcoming(GUILD, user_id=MEMBER.user_id)) == 3
    assert await services.meetings.upcoming(GUILD, user_id=MEMBER2.user_id) == []
    prefs = await services.rsvps.set_time_zone(GUILD, MEMBER.user_id, "Asia/Tokyo")
    assert prefs.time_zone == "Asia/Tokyo"
    with pytest.raises(InvalidInput):
        await services.rsvps.set_time_zone(GUILD, MEMBER.user_id, "Tokyo")
    with pytest.raises(InvalidInput, match="Reminders can be"):
        await services.rsvps.set_reminders(GUILD, MEMBER.user_id, [7], "dm")
    with pytest.raises(NotFound, match="join"):
        await services.rsvps.rsvp(MEMBER2, (await services.meetings.upcoming(GUILD))[0].id)


async def test_privacy_export_and_delete_cover_meetings(services: Services, clock: FakeClock) -> None:
    first = await scheduled(services)
    await join(services, MEMBER.user_id)
    await services.rsvps.rsvp(MEMBER, first)
    await services.rsvps.set_time_zone(GUILD, MEMBER.user_id, "Europe/Dublin")
    await at(services, clock, FIRST)
    await services.timeline.check_in(FAC, first)
    await services.timeline.here(MEMBER, first)
    exported = await services.privacy.export(MEMBER, MEMBER.user_id)
    assert exported["meetings"]["rsvps"][0]["occurrence_id"] == first
    assert exported["meetings"]["preferences"][0]["time_zone"] == "Europe/Dublin"
    await services.privacy.delete(MEMBER, MEMBER.user_id)
    for table in ("meeting_rsvps", "meeting_attendance", "member_prefs"):
        assert await count(services, table, f"user_id = {MEMBER.user_id}") == 0
    facilitator_export = await services.privacy.export(FAC, FAC.user_id)
    assert facilitator_export["facilitators"]["current"]["status"] == "certified"
    await services.privacy.delete(FAC, FAC.user_id)
    assert await count(services, "meeting_occurrences", f"facilitator_id = {FAC.user_id}") == 0
    assert await count(services, "facilitator_history", f"user_id = {FAC.user_id}") == 0



async def test_members_who_left_the_group_get_no_more_reminders(services: Services, clock: FakeClock) -> None:
    first = await scheduled(services)
    await join(services, MEMBER.user_id, MEMBER2.user_id)
    await services.rsvps.rsvp(MEMBER, first, whole_series=True)
    await services.rsvps.rsvp(MEMBER2, first, whole_series=True)
    await services.groups.leave(MEMBER2, GROUP)
    await at(services, clock, FIRST - timedelta(hours=24))
    assert [d["user_id"] for d in await outbox(services, "dm", "dm:remind")] == [MEMBER.user_id]


async def test_an_archived_groups_meetings_stop_quietly(services: Services, clock: FakeClock) -> None:
    from tests.conftest import ADMIN

    first = await scheduled(services)
    await join(services, MEMBER.user_id)
    await services.rsvps.rsvp(MEMBER, first)
    await services.groups.archive(ADMIN, GROUP)
    assert await at(services, clock, FIRST - timedelta(hours=24)) == ["group_archived"]
    assert await outbox(services, "dm") == []
    assert (await services.meetings.occurrence(GUILD, first)).cancel_reason == "group_archived"


async def test_cover_is_only_for_the_groups_own_facilitators(services: Services) -> None:
    await make_group(services)
    await certify(services, FAC.user_id, FAC2.user_id)
    await certify(services, 23, groups=())  # certified, but not assigned to this group
    _, upcoming = await services.meetings.schedule(FAC, GROUP, weekly_draft(co_facilitator_ids=(FAC2.user_id,)))
    await services.meetings.request_cover(FAC, upcoming[0].id)
    request_id = (await outbox(services, "cover_ask"))[0]["request_id"]
    with pytest.raises(PermissionDenied, match="group's own facilitators"):
        await services.meetings.take_cover(actor(23), request_id)


async def test_a_failing_step_does_not_block_other_meetings(services: Services, clock: FakeClock,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    await make_group(services)
    await make_group(services, "Second group")
    await certify(services, FAC.user_id, groups=(GROUP, "Second group"))
    await services.meetings.schedule(FAC, GROUP, weekly_draft())
    await services.meetings.schedule(FAC, "Second group", weekly_draft())
    real_step = services.timeline._step

    async def broken_for_group_one(o: Any, now: datetime) -> tuple[list[str], Any]:
        if o.group_id == 1:
            raise RuntimeError("a bug")
        return await real_step(o, now)

    monkeypatch.setattr(services.timeline, "_step", broken_for_group_one)
    clock.current = FIRST - timedelta(days=7)
    fired = await services.timeline.run_due()
    assert {f.occurrence_id for f in fired} == {4}  # the second group's first meeting still got its step
    due = await services.db.fetch_value("SELECT next_action_at FROM meeting_occurrences WHERE id = 1")
    assert due == "2026-03-03T19:01:00+00:00"
