"""Recurrence in a named IANA time zone: validating a schedule and expanding it into instants.

Occurrences are computed in local wall time and only then turned into UTC, so a 19:00 Europe/London meeting
stays at 19:00 across a daylight-saving change. A local time that falls in a spring-forward gap is refused for
the first meeting; a later occurrence that lands in a gap moves forward by the gap (as calendar programs do),
and an ambiguous time in the autumn takes its first (daylight) reading.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from dateutil.rrule import rrule, rrulestr

from bot.errors import InvalidInput

MAX_PER_DAY = 3  # more meetings than this in one local day is a typing mistake, not a programme
MIN_DURATION, MAX_DURATION = 15, 8 * 60
MAX_COUNT = 520  # ten years of weekly meetings
MAX_INTERVAL = 366  # "every N" periods: a year of days is the longest gap that makes sense
CHECK_WINDOW = timedelta(days=366 * 2)
MAX_AHEAD = timedelta(days=366 * 2)  # how far ahead a meeting may be placed (also keeps dates far from year 9999)
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = {name: i for i, names in enumerate(
    (("mon", "monday", "mo"), ("tue", "tues", "tuesday", "tu"), ("wed", "wednesday", "we"),
     ("thu", "thur", "thurs", "thursday", "th"), ("fri", "friday", "fr"), ("sat", "saturday", "sa"),
     ("sun", "sunday", "su"))) for name in names}


class Repeat(StrEnum):
    ONCE = "once"
    WEEKLY = "weekly"
    MONTHLY = "monthly"  # the nth weekday of the month, e.g. the 2nd Tuesday
    RRULE = "rrule"


@dataclass(frozen=True)
class RecurrenceSpec:
    """What a person typed, before validation."""

    repeat: Repeat = Repeat.ONCE
    days: str | None = None  # weekly: "mon, thu"; defaults to the first meeting's weekday
    every: int = 1  # weekly: every N weeks
    nth: int | None = None  # monthly: 1..4 or -1 for the last; defaults to the first meeting's position
    rule: str | None = None  # an RFC 5545 RRULE
    until: date | None = None
    count: int | None = None


def zone(name: str) -> ZoneInfo:
    """An IANA zone by name, with a kind error for anything else (including a fixed offset like "+02:00")."""
    cleaned = (name or "").strip()
    if cleaned in _zone_names() or cleaned == "UTC":
        try:
            return ZoneInfo(cleaned)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    raise InvalidInput(
        f"I don't know the time zone “{cleaned[:60]}”. Please use a place name from the IANA list, "
        "such as Europe/London, America/New_York or Asia/Kolkata."
    )


_ZONES: frozenset[str] | None = None


def _zone_names() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    return _ZONES


def zone_suggestions(prefix: str, limit: int = 25) -> list[str]:
    needle = prefix.strip().casefold().replace(" ", "_")
    names = sorted(_zone_names())
    starts = [n for n in names if n.casefold().startswith(needle)]
    contains = [n for n in names if needle in n.casefold() and n not in starts]
    return (starts + contains)[:limit]


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"“{text[:40]}” isn't a date I can read. Please write it as YYYY-MM-DD, "
                           "for example 2026-03-02.") from None


def parse_time(text: str) -> time:
    match = re.fullmatch(r"\s*(\d{1,2})[:.h](\d{2})\s*", text or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise InvalidInput(f"“{(text or '')[:40]}” isn't a time I can read. Please use the 24-hour clock, "
                           "for example 19:00.")
    return time(int(match[1]), int(match[2]))


def within_reach(local: datetime, now: datetime) -> None:
    """Refuse a meeting further ahead than anyone plans one (9999-12-31 would also overflow date arithmetic)."""
    if local.date() > (now + MAX_AHEAD).date():
        raise InvalidInput(f"That date is too far ahead; please choose one before "
                           f"{(now + MAX_AHEAD).date():%d %B %Y}.")


def localize(local: datetime, tz: ZoneInfo) -> datetime:
    """A naive local time as an aware UTC instant. A time in a gap moves forward by the gap."""
    return local.replace(tzinfo=tz, fold=0).astimezone(UTC)


def exists(local: datetime, tz: ZoneInfo) -> bool:
    return localize(local, tz).astimezone(tz).replace(tzinfo=None) == local


def to_rrule(spec: RecurrenceSpec, dtstart: datetime) -> str | None:
    """The RRULE text (without DTSTART) for a validated spec, or None for a one-off meeting."""
    if spec.until is not None and spec.count is not None:
        raise InvalidInput("Please give an end date or a number of meetings, not both.")
    if spec.count is not None and not 1 <= spec.count <= MAX_COUNT:
        raise InvalidInput(f"The number of meetings must be between 1 and {MAX_COUNT}.")
    if spec.until is not None and spec.until < dtstart.date():
        raise InvalidInput("The end date is before the first meeting.")
    if spec.repeat is Repeat.ONCE:
        return None
    if spec.repeat is Repeat.WEEKLY:
        if not 1 <= spec.every <= 52:
            raise InvalidInput("“Every N weeks” must be between 1 and 52.")
        days = _parse_days(spec.days) if spec.days else [dtstart.weekday()]
        parts = ["FREQ=WEEKLY", f"INTERVAL={spec.every}", "BYDAY=" + ",".join(WEEKDAYS[d] for d in days)]
    elif spec.repeat is Repeat.MONTHLY:
        nth = spec.nth if spec.nth is not None else (dtstart.day - 1) // 7 + 1
        if nth not in (1, 2, 3, 4, -1):
            raise InvalidInput("For a monthly meeting, choose the 1st, 2nd, 3rd, 4th or last (-1) weekday.")
        parts = ["FREQ=MONTHLY", f"BYDAY={nth:+d}{WEEKDAYS[dtstart.weekday()]}"]
    else:
        parts = [_clean_rule(spec.rule or "")]
        if (spec.until is not None or spec.count is not None) and re.search(r"\b(?:COUNT|UNTIL)=", parts[0], re.I):
            raise InvalidInput("That RRULE already says when it ends, so please leave the end date and the "
                               "number of meetings empty.")
    if spec.until is not None:
        parts.append("UNTIL=" + datetime.combine(spec.until, time(23, 59, 59)).strftime("%Y%m%dT%H%M%S"))
    if spec.count is not None:
        parts.append(f"COUNT={spec.count}")
    return ";".join(parts)


def _parse_days(text: str) -> list[int]:
    days: set[int] = set()
    for word in re.split(r"[\s,;/]+", text.strip().casefold()):
        if not word:
            continue
        if word not in _DAY_NAMES:
            raise InvalidInput(f"“{word[:20]}” isn't a weekday I know. Please write days like “mon, thu”.")
        days.add(_DAY_NAMES[word])
    if not days:
        raise InvalidInput("Please name at least one weekday, like “mon, thu”.")
    return sorted(days)


def _clean_rule(text: str) -> str:
    rule = text.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    if not rule or len(rule) > 300 or "\n" in rule or "DTSTART" in rule.upper():
        raise InvalidInput("Please give one RRULE line without DTSTART, for example FREQ=WEEKLY;BYDAY=TU.")
    try:
        parsed = rrulestr(rule, dtstart=datetime(2026, 1, 1))
    except (ValueError, TypeError):
        raise InvalidInput("I couldn't read that RRULE. An example: FREQ=MONTHLY;BYDAY=1MO,3MO.") from None
    if not isinstance(parsed, rrule):
        raise InvalidInput("Please give a single RRULE (not a set of rules).")
    if re.search(r"FREQ=(SECONDLY|MINUTELY)", rule, re.IGNORECASE):
        raise InvalidInput("A meeting can't repeat every minute or second. Please use a daily or weekly rule.")
    parts = dict(part.partition("=")[::2] for part in rule.upper().split(";") if part)
    # dateutil accepts these and then fails or runs away while expanding, so they are checked here.
    if "INTERVAL" in parts and not (parts["INTERVAL"].isdigit() and 1 <= int(parts["INTERVAL"]) <= MAX_INTERVAL):
        raise InvalidInput(f"The RRULE's INTERVAL must be a whole number from 1 to {MAX_INTERVAL}.")
    if "COUNT" in parts and not (parts["COUNT"].isdigit() and 1 <= int(parts["COUNT"]) <= MAX_COUNT):
        raise InvalidInput(f"The RRULE's COUNT (the number of meetings) must be between 1 and {MAX_COUNT}.")
    return rule


@dataclass(frozen=True)
class Schedule:
    """A validated schedule: a local start in a zone, a duration, and an optional RRULE."""

    tz_name: str
    dtstart: datetime  # naive local wall time of the first meeting
    duration: timedelta
    rule: str | None

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.tz_name)

    def _rule(self) -> rrule | None:
        if self.rule is None:
            return None
        parsed = rrulestr(self.rule, dtstart=self.dtstart)
        assert isinstance(parsed, rrule)
        return parsed

    def local_starts(self, after: datetime | None = None) -> Iterator[datetime]:
        """Naive local starts in order, from `after` (naive local, inclusive) or the beginning."""
        rule = self._rule()
        if rule is None:
            if after is None or self.dtstart >= after:
                yield self.dtstart
            return
        if after is None or after <= self.dtstart:
            yield from rule
        else:
            first = rule.after(after, inc=True)
            if first is None:
                return
            yield from rule.xafter(first, inc=True)

    def between(self, start: datetime, end: datetime, limit: int = 2000) -> list[tuple[datetime, datetime]]:
        """(local start, UTC start) for starts in [start, end), both aware UTC."""
        tz = self.tz
        # A day's margin covers any UTC offset; the exact bounds are applied in UTC.
        after = start.astimezone(tz).replace(tzinfo=None) - timedelta(days=1)
        result: list[tuple[datetime, datetime]] = []
        for local in itertools.islice(self.local_starts(after), limit * 2):
            instant = localize(local, tz)
            if instant >= end:
                break
            if instant >= start:
                result.append((local, instant))
                if len(result) >= limit:
                    break
        return result


def build_schedule(
    tz_name: str, day: date, at: time, duration_minutes: int, spec: RecurrenceSpec, *, now: datetime
) -> Schedule:
    """Validate everything a person can get wrong about a schedule; raise a kind InvalidInput on the first."""
    tz = zone(tz_name)
    if not MIN_DURATION <= duration_minutes <= MAX_DURATION:
        raise InvalidInput(f"A meeting lasts between {MIN_DURATION} minutes and {MAX_DURATION // 60} hours.")
    dtstart = datetime.combine(day, at)
    within_reach(dtstart, now)
    if not exists(dtstart, tz):
        raise InvalidInput(
            f"{at:%H:%M} on {day:%d %B %Y} doesn't exist in {tz.key}: the clocks go forward then. "
            "Please pick another time."
        )
    if localize(dtstart, tz) <= now:
        raise InvalidInput("That start time has already passed. Please choose a time in the future.")
    schedule = Schedule(tz.key, dtstart, timedelta(minutes=duration_minutes), to_rrule(spec, dtstart))
    try:
        _check_sane(schedule)
    except (ValueError, OverflowError):  # a rule dateutil parsed but cannot expand
        raise InvalidInput("I couldn't work out the meetings from that rule. Please check it, or use the weekly "
                           "or monthly options.") from None
    return schedule


def _check_sane(schedule: Schedule) -> None:
    if schedule.rule is None:
        return
    rule = schedule._rule()
    assert rule is not None
    horizon = schedule.dtstart + CHECK_WINDOW
    sample = list(itertools.islice(itertools.takewhile(lambda d: d <= horizon, rule), 1000))
    if not sample:
        raise InvalidInput("That RRULE gives no meetings at all in the next two years. Please check it.")
    if sample[0] != schedule.dtstart:
        raise InvalidInput(
            f"The first date you gave ({schedule.dtstart:%a %d %b %Y}) doesn't fit the rule; the rule's first "
            f"meeting would be {sample[0]:%a %d %b %Y}. Please start the series on a day the rule includes."
        )
    busiest = Counter(d.date() for d in sample).most_common(1)[0][1]
    if busiest > MAX_PER_DAY:
        raise InvalidInput(f"That rule gives {busiest} meetings in a single day; the most I allow is "
                           f"{MAX_PER_DAY}. Please check the rule.")
    starts = sorted(sample)
    for earlier, later in itertools.pairwise(starts):
        if later - earlier < schedule.duration:
            raise InvalidInput("With that duration, one meeting would run into the next. "
                               "Please shorten the meeting or space them out.")


Interval = tuple[datetime, datetime]


def overlaps(a: list[Interval], b: list[Interval]) -> Interval | None:
    """The first pair of overlapping (start, end) intervals across two lists, by sweep; None if none."""
    merged = sorted([(s, e, 0) for s, e in a] + [(s, e, 1) for s, e in b])
    latest: dict[int, datetime] = {}
    for start, end, side in merged:
        other = latest.get(1 - side)
        if other is not None and other > start:
            return start, end
        latest[side] = max(latest.get(side, end), end)
    return None
