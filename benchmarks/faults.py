"""Faults at full size (issue 13): Discord failing, the worker killed, the database locked for a minute.

Run: .venv/bin/python benchmarks/faults.py [--quick] [--lock-seconds 60]

1. The fault suite (tests/fault_scenario.py): 300 referrals, 300 group joins and the evening's meetings through
   peerbot's real services, outbox handlers and discord.py, over a fake Discord that fails 20 % of calls with 429
   (retry_after), 500 and 503 (half of them after the work was done) and 403 (the channel or role then refuses
   for a minute; a member's DMs for good), loses 10 % of the gateway's echoes of our messages, and refuses the
   referral queue for three of the twelve hours. Baseline: the same day with Discord never failing, in the same
   run. Then the same faults with each 403 refusing for five minutes ("hostile"), longer than Discord remembers
   a nonce: reported apart (`hostile_*`), since a send whose answer and echo were both lost, followed by that
   long a refusal of its channel, can end in a second copy (cogs/delivery.py, "the one case left").
2. The kill suite (tests/kill_worker.py): the same kind of day in a worker process over a real SQLite file, with
   Discord failing 10 % of calls, killed with SIGKILL 32 times (24 at random moments among its database writes
   and Discord calls, 8 from outside at a random real time), restarted each time, then run to the end.
   `PRAGMA integrity_check` on both files. Baseline: the same day, never killed.
3. The database locked for 60 s (real time) by another connection, as a backup would: 24 risky messages are
   screened or flagged during the lock, one every 2.25 s, while the runtime's delivery pass runs every 2 s.
   peerbot waits 5 s for the lock on each write, so a few are kept in the spool file and the rest wait their
   turn. Each must be stored exactly once after the lock lifts, and reach the queue; one kept longer than 30 s
   is announced in the alerts channel.

Lost: a referral without a card, a message a done item says it posted that Discord does not have, an item that
failed other than by a member's closed DMs (never on the crisis path), a role a member lacks. Duplicated: one
item's message twice in a place, a referral's card or a meeting's opening twice in a channel, two private threads
for a member, two events for a meeting. Stuck: an item still pending at the end. Each 403 must end in a fallback
(another route, or delivery once the permission is back, with the admins told).

The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conftest import FakeClock
from tests.fakediscord import Faults
from tests.fault_scenario import ALERTS_CHANNEL, GUILD, QUEUE_CHANNEL, Report, Scenario, member
from tests.kill_worker import KillReport, Sizes, kill_suite

CRISIS = "I have the pills saved up and tonight is the night"


async def fault_day(tmp: Path, *, referrals: int, members: int, faults: Faults | None) -> tuple[Report, float]:
    scenario = Scenario(tmp, referrals=referrals, members=members, faults=faults)
    started = time.perf_counter()
    await scenario.start()
    try:
        await scenario.run()
        report = await scenario.report()
    finally:
        await scenario.close()
    return report, time.perf_counter() - started


class Flowing(FakeClock):
    """Real time, from the scenario's noon: the intake's "waiting too long" is measured as it happens."""

    def __init__(self) -> None:
        super().__init__()
        self.since = time.monotonic()

    def now(self) -> datetime:
        return self.current + timedelta(seconds=time.monotonic() - self.since)


async def locked_minute(tmp: Path, *, seconds: float, messages: int = 24) -> dict[str, Any]:
    """Risky messages screened and flagged while another connection holds the write lock."""
    scenario = Scenario(tmp, referrals=0, members=messages, hours=1.0, clock=Flowing())
    await scenario.start()
    services, bot = scenario.services, scenario.bot
    group = (await services.groups.list(GUILD))[0]
    channel = group.channel_id or 0
    authors = scenario.joiners
    screening = scenario.screener.screen(CRISIS)
    peak_waiting = 0
    stop = asyncio.Event()

    async def delivery_loop() -> None:  # the runtime's outbox loop: every 2 s while referrals are waiting
        while not stop.is_set():
            await bot.delivery_pass()
            await asyncio.sleep(2.0)

    async def watch() -> None:  # how many referrals the spool holds at once (the database's thread waits apart)
        nonlocal peak_waiting
        while not stop.is_set():
            peak_waiting = max(peak_waiting, len(services.intake.waiting()))
            await asyncio.sleep(0.1)

    async def refer(n: int) -> None:
        await asyncio.sleep(n * seconds / messages * 0.9)
        message_id = 8_000_000 + n
        url = f"https://discord.com/channels/{GUILD}/{channel}/{message_id}"
        if n % 4 == 3:  # a member's flag
            await services.intake.flag(member(authors[(n + 1) % len(authors)]), authors[n], channel, message_id,
                                       url, CRISIS, "worried about them", screening)
        else:
            await services.intake.from_screening(GUILD, authors[n], channel, message_id, url, CRISIS, [], screening)

    lock = sqlite3.connect(str(scenario.settings.database_path), timeout=0, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # a backup, or another peerbot command, holding the write lock
    loops = [asyncio.create_task(delivery_loop()), asyncio.create_task(watch())]
    started = time.monotonic()
    submitted = asyncio.gather(*(refer(n) for n in range(messages)))
    await asyncio.sleep(seconds)
    lock.execute("ROLLBACK")
    lock.close()
    released = time.monotonic() - started
    await submitted
    for _ in range(60):  # after the lock: until nothing waits and nothing is due
        await bot.delivery_pass()
        await asyncio.sleep(0)
        if not services.intake.waiting() and not await services.db.fetch_value(
                "SELECT COUNT(*) FROM outbox WHERE state = 'pending'"):
            break
    stop.set()
    await asyncio.gather(*loops)
    stored = {int(r["message_id"]): int(r["n"]) for r in await services.db.fetch_all(
        "SELECT message_id, COUNT(*) AS n FROM referrals WHERE message_id >= 8000000 GROUP BY message_id")}
    ids = {int(r["id"]) for r in await services.db.fetch_all("SELECT id FROM referrals")}
    cards = {m["embeds"][0]["footer"]["text"] for m in scenario.fake.messages(QUEUE_CHANNEL) if m["embeds"]}
    told = [m for m in scenario.fake.messages(ALERTS_CHANNEL) if "waiting to reach the referral queue" in
            (m["content"] or "")]
    await scenario.close()
    return {
        "locked_seconds": round(released, 1),
        "locked_60s_referrals": messages,
        "locked_60s_referrals_lost": sum(1 for n in range(messages) if 8_000_000 + n not in stored),
        "locked_60s_referrals_duplicated": sum(n - 1 for n in stored.values()),
        "locked_60s_kept_in_spool_peak": peak_waiting,
        "locked_60s_leaders_told_of_waiting": len(told),  # kept longer than 30 s: the alerts channel is told
        "locked_60s_without_card": sum(1 for i in ids if f"Referral #{i}" not in cards),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller sizes, to try the script")
    parser.add_argument("--lock-seconds", type=float, default=60.0)
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)  # the figures only; the suites' own logs say what each fault did
    referrals, members = (100, 100) if args.quick else (300, 300)
    kill_sizes = Sizes(referrals=40, members=40, hours=6, fault_rate=0.1) if args.quick else \
        Sizes(referrals=100, members=80, hours=8, fault_rate=0.1)
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("faults", "baseline", "hostile", "kills", "kill_baseline", "locked"):
            (root / name).mkdir()

        report, seconds = asyncio.run(fault_day(root / "faults", referrals=referrals, members=members,
                                                faults=Faults(rate=0.2, seed=13)))
        baseline, base_seconds = asyncio.run(fault_day(root / "baseline", referrals=referrals, members=members,
                                                       faults=None))
        hostile, _ = asyncio.run(fault_day(root / "hostile", referrals=referrals, members=members,
                                           faults=Faults(rate=0.2, seed=13, refusal_minutes=5.0)))
        print(f"fault suite: {report.as_dict()}")
        for line in report.details:
            print(f"  {line}")
        print(f"  baseline without faults: {baseline.as_dict()}")
        print(f"  hostile (403s refuse for 5 minutes): {hostile.as_dict()}")
        for line in hostile.details:
            print(f"  {line}")

        started = time.perf_counter()
        killed = kill_suite(root / "kills", kills=24, timed_kills=8, sizes=kill_sizes, spacing=600)
        kill_seconds = time.perf_counter() - started
        started = time.perf_counter()
        unharmed = kill_suite(root / "kill_baseline", kills=0, sizes=kill_sizes)
        unharmed_seconds = time.perf_counter() - started
        print(f"kill suite: {killed}")
        print(f"  baseline never killed: {unharmed}")

        locked = asyncio.run(locked_minute(root / "locked", seconds=args.lock_seconds))
        print(f"locked database: {locked}")

    result = {
        "effects": report.effects + killed.effects,
        "kills": killed.kills,
        "lost": report.lost + killed.lost,
        "duplicated": report.duplicated + killed.duplicated,
        "stuck": report.stuck + killed.stuck,
        "integrity_ok": killed.integrity_ok,
        **locked,
        "fault_effects": report.effects,
        "fault_referrals": report.referrals,
        "fault_drivers": report.drivers,
        "fault_injected": sum(report.injected.values()),
        "fault_injected_by_kind": report.injected,
        "fault_403_answers": report.refused_403,
        "fault_403_unhandled": report.unhandled_403,
        "fault_fallbacks": report.fallbacks,
        "fault_nonce_dedupes": report.nonce_dedupes,
        "fault_history_reads": report.history_reads,
        "fault_seconds": round(seconds, 1),
        "baseline_effects": baseline.effects,
        "baseline_lost_duplicated_stuck": [baseline.lost, baseline.duplicated, baseline.stuck],
        "baseline_seconds": round(base_seconds, 1),
        "fault_time_ratio": round(seconds / base_seconds, 2),
        "fault_effects_ratio": round(report.effects / max(baseline.effects, 1), 2),
        "hostile_effects": hostile.effects,
        "hostile_lost_duplicated_stuck": [hostile.lost, hostile.duplicated, hostile.stuck],
        "hostile_403_answers": hostile.refused_403,
        **_kills(killed, unharmed, kill_seconds, unharmed_seconds),
    }
    print(json.dumps(result))


def _kills(killed: KillReport, unharmed: KillReport, seconds: float, unharmed_seconds: float) -> dict[str, Any]:
    return {"kill_effects": killed.effects, "kill_referrals": killed.referrals, "kill_restarts": killed.restarts,
            "kill_lost_duplicated_stuck": [killed.lost, killed.duplicated, killed.stuck],
            "kill_seconds": round(seconds, 1), "kill_baseline_effects": unharmed.effects,
            "kill_baseline_seconds": round(unharmed_seconds, 1),
            "kill_effects_ratio": round(killed.effects / max(unharmed.effects, 1), 2)}


if __name__ == "__main__":
    main()
