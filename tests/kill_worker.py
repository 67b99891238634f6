"""The kill suite (issue 13): peerbot's real services, outbox and handlers in a worker process over a real SQLite
file, killed with SIGKILL at random moments and started again until the scenario (tests/fault_scenario.py) is
done; then counted: effects lost or duplicated on the fake Discord, items stuck, and `PRAGMA integrity_check`.

The fake Discord keeps what it was asked to do in its own SQLite file, written before it answers, so its record
survives every kill. A worker kills itself (`kill_after=N`) at the N-th moment that matters: just before or just
after a database write (inside a transaction or between two), just before a Discord call, or just after Discord
did the work and before peerbot heard back. With `kill_within=S` it is killed from outside instead, at a random
moment in the S seconds (real time) after it is ready, wherever it is (benchmarks/faults.py only; the tests need
no real time).

Starting Python and importing peerbot takes seconds, so one helper process (`python -m tests.kill_worker DIR`)
imports once and forks a fresh worker for each run: every worker is its own process, starts from nothing but the
files (as after a crash), and is the one killed. The helper reads one JSON command a line and answers one.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tests.fakediscord import Faults
from tests.fault_scenario import Scenario

RUN_TIMEOUT = 600.0  # seconds: a worker that hangs fails the suite instead of stalling it


@dataclass
class Sizes:
    referrals: int = 24
    members: int = 24
    hours: float = 4.0
    fault_rate: float = 0.05  # Discord failing too (429, 500 and 503, half of the 5xx after the work)


@dataclass
class KillReport:
    effects: int = 0
    referrals: int = 0
    kills: int = 0
    restarts: int = 0
    lost: int = 0
    duplicated: int = 0
    stuck: int = 0
    integrity_ok: bool = False
    details: list[str] = field(default_factory=list)


# ---- the worker ------------------------------------------------------------------------------------------------
class Countdown:
    """Kills this process (SIGKILL: nothing runs after it) when the count reaches zero."""

    def __init__(self, moments: int) -> None:
        self.left = moments

    def tick(self) -> None:
        self.left -= 1
        if self.left == 0:
            os.kill(os.getpid(), signal.SIGKILL)

    def around(self, call: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def ticking(*args: Any, **kwargs: Any) -> Any:
            self.tick()
            result = await call(*args, **kwargs)
            self.tick()
            return result
        return ticking


def arm(scenario: Scenario, countdown: Countdown) -> None:
    """Tick before and after every database write and every Discord call."""
    db: Any = scenario.services.db
    db.execute = countdown.around(db.execute)
    db.execute_many = countdown.around(db.execute_many)
    http: Any = scenario.bot.http
    http.request = countdown.around(http.request)


async def work(directory: Path, run: int, kill_after: int, sizes: Sizes, ready: Callable[[], None]) -> dict[str, Any]:
    faults = Faults(rate=sizes.fault_rate, kinds=("429", "500", "503"), seed=run) if sizes.fault_rate else None
    scenario = Scenario(directory, referrals=sizes.referrals, members=sizes.members, hours=sizes.hours,
                        faults=faults)
    countdown = Countdown(kill_after)
    armed = False

    def arm_now() -> None:
        nonlocal armed
        if kill_after and not armed:
            arm(scenario, countdown)
            armed = True

    # The first run sets the server up, unarmed; later runs are armed from their start-up recovery on.
    await scenario.start(on_restart=arm_now)
    arm_now()
    ready()
    try:
        await scenario.run()
        report = await scenario.report()
    finally:
        await scenario.close()
    return {"effects": report.effects, "referrals": report.referrals, "lost": report.lost,
            "duplicated": report.duplicated, "stuck": report.stuck, "details": report.details}


def _fork_worker(directory: Path, command: dict[str, Any]) -> dict[str, Any]:
    """One run in a fresh child process; how it ended."""
    sizes = Sizes(**command["sizes"])
    result_file = directory / f"run-{command['run']}.json"
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(readable)
        code = 0
        try:
            result = asyncio.run(work(directory, command["run"], command["kill_after"], sizes,
                                      lambda: os.write(writable, b"r")))
            result_file.write_text(json.dumps(result))
        except BaseException:
            result_file.write_text(json.dumps({"error": traceback.format_exc()}))
            code = 1
        os._exit(code)
    os.close(writable)
    if command.get("kill_within") and os.read(readable, 1) == b"r":  # it is ready
        time.sleep(random.Random(command["run"]).uniform(0.0, command["kill_within"]))
        os.kill(pid, signal.SIGKILL)  # from outside, wherever the worker is
    _, status = os.waitpid(pid, 0)
    os.close(readable)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return {"ended": "killed"}
    answer = json.loads(result_file.read_text()) if result_file.exists() else {"error": f"status {status}"}
    return {"ended": "failed" if "error" in answer else "finished", **answer}


def serve(directory: Path) -> None:
    logging.disable(logging.CRITICAL)
    for line in sys.stdin:
        print(json.dumps(_fork_worker(directory, json.loads(line))), flush=True)


# ---- the parent ------------------------------------------------------------------------------------------------
def kill_suite(directory: Path, *, kills: int, sizes: Sizes, seed: int = 13, spacing: int = 1000,
               timed_kills: int = 0, kill_within: float = 0.5) -> KillReport:
    """Kill a worker `kills` times at a random moment among its next `spacing` (self-kills), and `timed_kills`
    times from outside within `kill_within` seconds of its start; then run it once more, unharmed, to finish.
    Counts what the fake Discord got, and checks both SQLite files."""
    rng = random.Random(seed)
    plan = ["self"] * kills + ["timed"] * timed_kills
    rng.shuffle(plan)
    root = Path(__file__).resolve().parent.parent
    helper = subprocess.Popen([sys.executable, "-m", "tests.kill_worker", str(directory)], cwd=root, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              env={**os.environ, "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1"})
    assert helper.stdin is not None and helper.stdout is not None
    report = KillReport()
    try:
        for run, how in enumerate([*plan, "finish"], start=1):
            command = {"run": run, "sizes": asdict(sizes),
                       "kill_after": rng.randint(1, spacing) if how == "self" else 0,
                       "kill_within": kill_within if how == "timed" else 0}
            helper.stdin.write(json.dumps(command) + "\n")
            helper.stdin.flush()
            if not select.select([helper.stdout], [], [], RUN_TIMEOUT)[0]:
                helper.kill()
                raise RuntimeError(f"the worker did not end within {RUN_TIMEOUT} s (run {run})")
            answer = json.loads(helper.stdout.readline())
            if answer["ended"] == "failed":
                raise RuntimeError(f"the worker failed in run {run}:\n{answer['error']}")
            report.kills += answer["ended"] == "killed"
            report.restarts = run - 1
            if how == "finish":
                for key in ("effects", "referrals", "lost", "duplicated", "stuck", "details"):
                    setattr(report, key, answer[key])
    finally:
        helper.stdin.close()
        helper.wait(timeout=RUN_TIMEOUT)
    report.integrity_ok = all(_integrity(directory / name) for name in ("peerbot.db", "discord.db"))
    return report


def _integrity(path: Path) -> bool:
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("PRAGMA integrity_check")] == ["ok"]


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
