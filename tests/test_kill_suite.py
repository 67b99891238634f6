"""The kill suite (issue 13), CI's share: a worker process over a real SQLite file, killed with SIGKILL at four
random moments (mid-transaction, mid-send, just after Discord did the work) and restarted until it is done.
Nothing is lost, nothing is sent twice, nothing is left pending, and both files pass `PRAGMA integrity_check`.
benchmarks/faults.py runs it with more than twenty kills, some of them from outside at a random time."""

from __future__ import annotations

from pathlib import Path

from tests.kill_worker import Sizes, kill_suite


def test_a_worker_killed_at_random_moments_loses_and_repeats_nothing(tmp_path: Path) -> None:
    report = kill_suite(tmp_path, kills=4, sizes=Sizes(), spacing=1000)
    print(report)
    assert report.kills == 4 and report.effects >= 150 and report.referrals == Sizes().referrals
    assert (report.lost, report.duplicated, report.stuck) == (0, 0, 0), report.details
    assert report.integrity_ok
