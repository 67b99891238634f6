"""The fault suite (issue 13): a fake Discord that fails 20 % of calls with 429, 500, 503 (half of the 5xx after
the work was done) and 403, under twelve simulated hours of referrals, group joins and meetings driven through the
real services and outbox handlers. Nothing may be lost, duplicated or left stuck, and every refused referral
card, escalation or note must reach another route. benchmarks/faults.py runs it bigger, with kills."""

from __future__ import annotations

from pathlib import Path

from tests.fakediscord import Faults
from tests.fault_scenario import Scenario


async def test_a_busy_afternoon_and_evening_with_discord_failing_a_fifth_of_calls(tmp_path: Path) -> None:
    scenario = Scenario(tmp_path, referrals=100, members=170, faults=Faults(rate=0.2, seed=13))
    await scenario.start()
    try:
        await scenario.run()
        report = await scenario.report()
    finally:
        await scenario.close()
    print(report.as_dict())
    assert report.drivers >= 300 and report.referrals == 100
    assert sum(report.injected.values()) >= 100 and set(report.injected) >= {"429", "500-after", "503-before", "403"}
    assert (report.lost, report.duplicated, report.stuck) == (0, 0, 0), report.details
    assert report.unhandled_403 == 0, report.details
    assert report.fallbacks > 0 and report.history_reads == 0
