"""Recurrence in named zones: DST, gaps, and every kind of bad schedule input."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.domain.meetings.recurrence import (
    RecurrenceSpec,
    Repeat,
    build_schedule,
    overlaps,
    parse_date,
    parse_time,
    zone,
    zone_suggestions,
)
from bot.errors import InvalidInput

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def weekly(**kwargs: object) -> RecurrenceSpec:
    return RecurrenceSpec(Repeat.WEEKLY, **kwargs)  # type: ignore[arg-type]


def test_london_meeting_stays_at_local_time_across_dst() -> None:
    schedule = build_schedule("Europe/London", date(2026, 3, 17), time(19, 0), 60, weekly(), now=NOW)
    starts = [s for _, s in schedule.between(NOW, NOW + timedelta(days=30))]
    assert starts[:2] == [datetime(2026, 3, 17, 19, tzinfo=UTC), datetime(2026, 3, 24, 19, tzinfo=UTC)]
    # Clocks go forward on 29 March: 19:00 BST is 18:00 UTC.
    assert starts[2] == datetime(2026, 3, 31, 18, tzinfo=UTC)
    local = {s.astimezone(zone("Europe/London")).time() for s in starts}
    assert local == {time(19, 0)}


def test_weekly_days_every_other_week_and_monthly_nth_weekday() -> None:
    both = build_schedule("America/New_York", date(2026, 3, 2), time(18, 30), 90,
                          weekly(days="mon, thu", every=2), now=NOW)
    days = [local.date() for local, _ in both.between(NOW, NOW + timedelta(days=21))]
    assert days == [date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 16), date(2026, 3, 19)]
    monthly = build_schedule("Asia/Kolkata", date(2026, 3, 10), time(10, 0), 60,
                             RecurrenceSpec(Repeat.MONTHLY), now=NOW)  # the 2nd Tuesday
    days = [local.date() for local, _ in monthly.between(NOW, NOW + timedelta(days=100))]
    assert days == [date(2026, 3, 10), date(2026, 4, 14), date(2026, 5, 12), date(2026, 6, 9)]


def test_rrule_count_and_until() -> None:
    ruled = build_schedule("UTC", date(2026, 3, 3), time(9, 0), 30,
                           RecurrenceSpec(Repeat.RRULE, rule="RRULE:FREQ=WEEKLY;BYDAY=TU", count=3), now=NOW)
    assert len(ruled.between(NOW, NOW + timedelta(days=365))) == 3
    until = build_schedule("UTC", date(2026, 3, 3), time(9, 0), 30, weekly(until=date(2026, 3, 17)), now=NOW)
    assert len(until.between(NOW, NOW + timedelta(days=365))) == 3


def test_later_occurrence_in_a_gap_moves_forward() -> None:
    schedule = build_schedule("Europe/London", date(2026, 3, 22), time(1, 30), 30, weekly(), now=NOW)
    second = schedule.between(NOW, NOW + timedelta(days=30))[1][1]
    assert second.astimezone(zone("Europe/London")).time() == time(2, 30)


@pytest.mark.parametrize(
    ("tz", "day", "at", "spec", "message"),
    [
        ("Mars/Olympus", date(2026, 3, 10), time(19), RecurrenceSpec(), "don't know the time zone"),
        ("+02:00", date(2026, 3, 10), time(19), RecurrenceSpec(), "don't know the time zone"),
        ("Europe/London", date(2026, 3, 29), time(1, 30), RecurrenceSpec(), "doesn't exist"),
        ("UTC", date(2026, 3, 1), time(19), RecurrenceSpec(), "already passed"),
        ("UTC", date(2026, 3, 10), time(19), RecurrenceSpec(Repeat.RRULE, rule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
         "gives no meetings"),
        ("UTC", date(2026, 3, 10), time(0), RecurrenceSpec(Repeat.RRULE, rule="FREQ=HOURLY"), "in a single day"),
        ("UTC", date(2026, 3, 10), time(0), RecurrenceSpec(Repeat.RRULE, rule="FREQ=MINUTELY"), "every minute"),
        ("UTC", date(2026, 3, 10), time(0), RecurrenceSpec(Repeat.RRULE, rule="FREQ=FORTNIGHTLY"), "couldn't read"),
        ("UTC", date(2026, 3, 10), time(0), RecurrenceSpec(Repeat.RRULE, rule="DTSTART:20260101\nFREQ=DAILY"),
         "without DTSTART"),
        ("UTC", date(2026, 3, 10), time(19), weekly(days="mon, funday"), "isn't a weekday"),
        ("UTC", date(2026, 3, 10), time(19), weekly(until=date(2026, 3, 1)), "before the first meeting"),
        ("UTC", date(2026, 3, 10), time(19), weekly(count=5, until=date(2026, 5, 1)), "not both"),
        ("UTC", date(2026, 3, 10), time(19), weekly(days="wed"), "doesn't fit the rule"),
        ("UTC", date(2026, 3, 10), time(19), RecurrenceSpec(Repeat.RRULE, rule="FREQ=WEEKLY;COUNT=4", count=3),
         "already says when it ends"),
        ("UTC", date(2026, 3, 10), time(19), RecurrenceSpec(Repeat.RRULE, rule="FREQ=WEEKLY;UNTIL=20260401T000000Z"),
         "couldn't read"),
    ],
)
def test_bad_schedules_are_refused_kindly(tz: str, day: date, at: time, spec: RecurrenceSpec, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        build_schedule(tz, day, at, 60, spec, now=NOW)


def test_duration_limits_and_back_to_back_rule() -> None:
    with pytest.raises(InvalidInput, match="between 15 minutes"):
        build_schedule("UTC", date(2026, 3, 10), time(19), 5, RecurrenceSpec(), now=NOW)
    with pytest.raises(InvalidInput, match="run into the next"):
        build_schedule("UTC", date(2026, 3, 10), time(9), 180,
                       RecurrenceSpec(Repeat.RRULE, rule="FREQ=DAILY;BYHOUR=9,11"), now=NOW)


def test_parsing_dates_times_and_zone_suggestions() -> None:
    assert parse_time("7.30") == time(7, 30)
    with pytest.raises(InvalidInput, match="24-hour"):
        parse_time("25:00")
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        parse_date("31/02/2026")
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        parse_date("2026-02-30")
    assert "Europe/London" in zone_suggestions("london")


def test_overlap_sweep() -> None:
    t = datetime(2026, 3, 10, 19, tzinfo=UTC)
    hour = timedelta(hours=1)
    assert overlaps([(t, t + hour)], [(t + hour, t + 2 * hour)]) is None
    assert overlaps([(t, t + hour)], [(t + hour / 2, t + 2 * hour)]) is not None
    assert overlaps([(t + 5 * hour, t + 6 * hour)], [(t, t + 10 * hour)]) is not None
