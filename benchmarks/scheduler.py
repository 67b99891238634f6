"""Meeting scheduler at scale: rebuild time and memory, and a simulated week with and without a restart.

Run: .venv/bin/python benchmarks/scheduler.py [--series 10000] [--groups 1000]

1. Generates series weekly meetings across groups (each group has a facilitator, five members, and three RSVPs
   per series; time zones from Sydney to Los Angeles) straight into a fresh database.
2. Rebuild, in a child process so its memory is its own: extend every series' horizon (materialize 28 days of
   occurrences) and recompute every timeline. Baseline in the same child: loading the series and expanding
   their rules with no database writes, and the process's memory before the rebuild.
3. A simulated week, twice, on copies of the database: without a restart, and with the process restarted in the
   middle of the week. The clock is controllable: it jumps to each due time, then runs in real time while the
   pass works, so a step that waits behind others is late by exactly that wait. A facilitator checks in to
   nine meetings in ten; the tenth is called off. Every outbox item is "delivered" to a recorder that counts
   a message sent twice (same recipient, same content) as a duplicate.

The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.domain.meetings.model import Series
from bot.domain.meetings.recurrence import Schedule, localize
from bot.domain.outbox import OutboxItem
from bot.domain.roles import Actor
from bot.services import Services, open_services
from bot.settings import Settings

GUILD = 1
START = datetime(2026, 3, 1, 0, 0, tzinfo=UTC)  # "now" when the bot starts; meetings begin on Monday 2 March
WEEK_END = START + timedelta(days=8)
RESTART_AT = START + timedelta(days=4, hours=12)
ZONES = ("Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "America/Los_Angeles",
         "Europe/Berlin", "UTC")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MEASURED = {"reminder", "opening", "close", "no_show"}


class SimClock:
    """Jumps to a given instant, then advances in real time until the next jump."""

    def __init__(self, start: datetime) -> None:
        self.base = start
        self.anchor = time.perf_counter()

    def now(self) -> datetime:
        return self.base + timedelta(seconds=time.perf_counter() - self.anchor)

    def jump(self, instant: datetime) -> None:
        if instant > self.now():
            self.base, self.anchor = instant, time.perf_counter()


def settings_for(path: Path) -> Settings:
    return Settings(_env_file=None, database_path=path)  # type: ignore[call-arg]


# ---- 1. data ---------------------------------------------------------------------------------------------
async def generate(path: Path, n_series: int, n_groups: int) -> None:
    services = await open_services(settings_for(path))  # applies the migrations
    await services.db.close()
    con = sqlite3.connect(path)
    now = START.isoformat(timespec="seconds")
    per_group = max(1, n_series // n_groups)
    with con:
        con.execute("INSERT INTO agreement_versions VALUES (?, 1, 'agreement', 1, ?)", (GUILD, now))
        for g in range(1, n_groups + 1):
            con.execute(
                "INSERT INTO groups (id, guild_id, name, name_key, condition, audience, description, mode, status,"
                " role_id, channel_id, created_by, created_at) VALUES (?, ?, ?, ?, 'c', 'both', 'd', 'meeting_only',"
                " 'active', ?, ?, 1, ?)", (g, GUILD, f"Group {g}", f"group {g}", 1_000_000 + g, 2_000_000 + g, now))
            facilitator = 5_000_000 + g
            con.execute("INSERT INTO facilitators (guild_id, user_id, status, updated_by, updated_at)"
                        " VALUES (?, ?, 'certified', 1, ?)", (GUILD, facilitator, now))
            con.execute("INSERT INTO agreement_acceptances VALUES (?, ?, 1, ?)", (GUILD, facilitator, now))
            con.execute("INSERT INTO facilitator_assignments (group_id, user_id, guild_id, assigned_by, assigned_at)"
                        " VALUES (?, ?, ?, 1, ?)", (g, facilitator, GUILD, now))
            members = [6_000_000 + g * 10 + k for k in range(5)]
            for k, member in enumerate(members):
                con.execute("INSERT INTO group_members VALUES (?, ?, ?)", (g, member, now))
                con.execute("INSERT INTO member_prefs (guild_id, user_id, reminder_offsets, reminder_via)"
                            " VALUES (?, ?, ?, ?)", (GUILD, member, "1440,60,15" if k % 2 else "1440,15",
                                                     "channel" if k == 4 else "dm"))
            for j in range(per_group):
                series_id = (g - 1) * per_group + j + 1
                if series_id > n_series:
                    break
                day = j % 7
                hour = 9 + (j * 3) % 12
                minute = 30 if g % 2 else 0
                local = datetime(2026, 3, 2 + day, hour, minute)
                con.execute(
                    "INSERT INTO meeting_series (id, guild_id, group_id, kind, title, time_zone, dtstart_local,"
                    " duration_min, rrule, lead_id, created_by, created_at) VALUES (?, ?, ?, 'meeting', ?, ?, ?,"
                    " 60, ?, ?, 1, ?)",
                    (series_id, GUILD, g, f"Meeting {series_id}", ZONES[g % len(ZONES)],
                     local.isoformat(timespec="minutes"), f"FREQ=WEEKLY;BYDAY={DAYS[day]}", facilitator, now))
                con.execute("INSERT INTO series_facilitators VALUES (?, ?)", (series_id, facilitator))
                for member in members[j % 2: j % 2 + 3]:
                    con.execute("INSERT INTO series_subscriptions VALUES (?, ?, ?)", (series_id, member, now))
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


# ---- 2. rebuild, in a child process -------------------------------------------------------------------
def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


async def rebuild_child(path: Path) -> dict[str, float]:
    services = await open_services(settings_for(path), SimClock(START))
    base_rss = rss_mb()
    # Baseline: the irreducible part, reading every series and expanding 28 days of its rule, no writes.
    t0 = time.perf_counter()
    rows = await services.db.fetch_all("SELECT * FROM meeting_series WHERE status = 'active'")
    expanded = 0
    for row in rows:
        series = Series.from_row(row)
        rule = Schedule(series.time_zone, series.dtstart_local, series.duration, series.rrule)
        expanded += len(rule.between(localize(series.dtstart_local, rule.tz), START + timedelta(days=28)))
    expand_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    await services.meetings.extend_horizons()  # every job: 28 days of occurrences for every series...
    await services.timeline.rebuild()  # ...and each one's next step
    rebuild_s = time.perf_counter() - t0
    occurrences = await services.db.fetch_value("SELECT COUNT(*) FROM meeting_occurrences")
    await services.db.close()
    return {"rebuild_s": rebuild_s, "expand_only_s": expand_s, "peak_rss_mb": rss_mb(), "base_rss_mb": base_rss,
            "occurrences": occurrences, "expanded": expanded}


# ---- 3. a simulated week --------------------------------------------------------------------------------
class Recorder:
    """Stands in for Discord. A duplicate is an outbox item delivered twice, or the same text sent to the same
    place twice within an hour (which is what a reminder repeated after a restart would look like)."""

    WINDOW = timedelta(hours=1)

    def __init__(self, clock: SimClock) -> None:
        self.clock = clock
        self.deliveries: Counter[int] = Counter()
        self.last_sent: dict[tuple[str, ...], datetime] = {}
        self.repeats = 0

    def register(self, services: Services) -> None:
        for kind in ("dm", "group_post", "meeting_opening", "feedback_prompt", "leader_alert", "room_sync",
                     "event_sync", "cover_ask", "agreement_prompt"):
            services.outbox.register(kind, self._handler(kind))

    def _handler(self, kind: str) -> Any:
        async def deliver(item: OutboxItem) -> dict[str, Any] | None:
            if kind in ("room_sync", "event_sync"):
                return None  # state syncs, idempotent by design: not messages
            self.deliveries[item.id] += 1
            p = item.payload
            where = str(p.get("user_id") or p.get("channel_id") or "")
            identity = (kind, where, str(p.get("text") or p.get("occurrence_id")))
            now = self.clock.now()
            if identity in self.last_sent and now - self.last_sent[identity] < self.WINDOW:
                self.repeats += 1
            self.last_sent[identity] = now
            return None

        return deliver

    @property
    def messages(self) -> int:
        return sum(self.deliveries.values())

    @property
    def duplicates(self) -> int:
        return self.repeats + sum(n - 1 for n in self.deliveries.values() if n > 1)


async def simulate(path: Path, restart: bool) -> dict[str, Any]:
    clock = SimClock(START)
    recorder = Recorder(clock)
    services = await open_services(settings_for(path), clock)
    recorder.register(services)
    await services.meetings.extend_horizons()
    await services.timeline.rebuild()
    rows = await services.db.fetch_all(
        "SELECT id, starts_at, facilitator_id FROM meeting_occurrences WHERE starts_at < ?",
        (WEEK_END.isoformat(timespec="seconds"),))
    checkins = [(datetime.fromisoformat(r["starts_at"]) + timedelta(minutes=2), r["id"], r["facilitator_id"])
                for r in rows if r["id"] % 10]
    heapq.heapify(checkins)
    lateness: list[float] = []
    kinds: Counter[str] = Counter()
    restarted_rebuild_s = None
    horizon: asyncio.Task[int] | None = None
    while True:
        wake = await services.timeline.next_wake()
        candidates = [t for t in (wake, checkins[0][0] if checkins else None) if t is not None]
        if not candidates or min(candidates) >= WEEK_END:
            break
        target = min(candidates)
        if restart and restarted_rebuild_s is None and target >= RESTART_AT:
            clock.jump(RESTART_AT)
            await services.db.close()  # the process stops in the middle of the week...
            t0 = time.perf_counter()
            services = await open_services(settings_for(path), clock)  # ...and starts again, as PeerBot does:
            recorder.register(services)
            await services.timeline.rebuild()  # timelines first, so due steps resume at once,
            await services.timeline.reconcile_rooms()
            restarted_rebuild_s = time.perf_counter() - t0
            horizon = asyncio.create_task(services.meetings.extend_horizons())  # then horizons, alongside
            continue
        clock.jump(target)
        while checkins and checkins[0][0] <= clock.now():
            _, occurrence_id, facilitator = heapq.heappop(checkins)
            await services.timeline.check_in(Actor(GUILD, facilitator), occurrence_id)
        for fired in await services.timeline.run_due():
            kinds[fired.action] += 1
            if fired.action in MEASURED:
                lateness.append((fired.fired_at - fired.due_at).total_seconds())
        while await services.outbox.run_due(limit=500):
            pass
    if horizon is not None:
        await horizon
    await services.db.close()
    on_time = sum(1 for late in lateness if late <= 1.0)
    return {"on_time_share": round(on_time / max(len(lateness), 1), 4), "duplicates": recorder.duplicates,
            "steps": len(lateness), "max_late_s": round(max(lateness, default=0.0), 3),
            "p99_late_s": round(sorted(lateness)[int(len(lateness) * 0.99)] if lateness else 0.0, 3),
            "actions": dict(kinds), "messages": recorder.messages,
            "rebuild_after_restart_s": round(restarted_rebuild_s, 3) if restarted_rebuild_s else None}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--series", type=int, default=10_000)
    parser.add_argument("--groups", type=int, default=1_000)
    parser.add_argument("--rebuild-child", type=Path)
    args = parser.parse_args()
    if args.rebuild_child:
        print(json.dumps(asyncio.run(rebuild_child(args.rebuild_child))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "generated.db"
        t0 = time.perf_counter()
        asyncio.run(generate(source, args.series, args.groups))
        print(f"generated {args.series} series in {args.groups} groups in {time.perf_counter() - t0:.1f} s",
              flush=True)
        copy = Path(tmp) / "rebuild.db"
        shutil.copy(source, copy)
        child = subprocess.run([sys.executable, __file__, "--rebuild-child", str(copy)], check=True,
                               capture_output=True, text=True)
        rebuilt = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"rebuild: {rebuilt}", flush=True)
        runs = {}
        for restart in (False, True):
            copy = Path(tmp) / f"week-{restart}.db"
            shutil.copy(source, copy)
            t0 = time.perf_counter()
            runs[restart] = asyncio.run(simulate(copy, restart))
            print(f"week (restart={restart}) in {time.perf_counter() - t0:.0f} s: {runs[restart]}", flush=True)
    result = {
        "series": args.series,
        "groups": args.groups,
        "occurrences_materialized": rebuilt["occurrences"],
        "rebuild_s": round(rebuilt["rebuild_s"], 3),
        "rebuild_vs_expand_only": round(rebuilt["rebuild_s"] / rebuilt["expand_only_s"], 2),
        "peak_rss_mb": round(rebuilt["peak_rss_mb"], 1),
        "peak_rss_vs_before_rebuild": round(rebuilt["peak_rss_mb"] / rebuilt["base_rss_mb"], 2),
        "on_time_share": runs[False]["on_time_share"],
        "duplicates": runs[False]["duplicates"],
        "steps_measured": runs[False]["steps"],
        "p99_late_s": runs[False]["p99_late_s"],
        "on_time_share_after_restart": runs[True]["on_time_share"],
        "duplicates_after_restart": runs[True]["duplicates"],
        "messages_ratio_restart_vs_not": round(runs[True]["messages"] / max(runs[False]["messages"], 1), 4),
        "rebuild_after_restart_s": runs[True]["rebuild_after_restart_s"],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
