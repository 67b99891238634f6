"""Throughput and latency of risk screening on one core: the rules, the model on every message, and the cascade
that ships; then the screening worker end to end.

Run: .venv/bin/python benchmarks/screening.py
The messages are chat-length: the hand-written chat cases plus the short texts (<= 300 characters) of the shared
sets when present (most about suicide, far more than a support server's day); "ordinary" is the texts labelled
risk-free, closer to an ordinary day. The rules run over the whole corpus against a keyword-regex baseline in the
same rounds; the model costs tens of milliseconds a message, so the model and the cascade run over a sample.
Then, through the real listener and worker with a SQLite file: p99 from a flagged message to its stored referral,
the longest event-loop stall during a burst of 1,000 messages, and the process's peak RSS with the model loaded.
The last line is one JSON object.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import chat_cases, shared_sets
from bot.clock import SystemClock
from bot.domain.risk import RiskScreener, Screening
from bot.domain.risk.learned import model_text
from bot.domain.risk.stages import build
from bot.domain.roles import Actor
from bot.services import Services
from bot.settings import Settings
from bot.storage.db import Database
from bot.storage.migrations import migrate

KEYWORDS = re.compile(r"\b(?:suicide|suicidal|kill myself|kms|kys|want to die|self harm|cutting|overdose)\b")
TARGET = 50_000
ROUNDS = 3
MODEL_SAMPLE = 300
CASCADE_SAMPLE = 1_500
BURST = 1_000


def corpus(risk_free_only: bool = False, size: int = TARGET) -> list[str]:
    rows = chat_cases()
    for _, labelled in shared_sets():
        rows += [(tier, text) for tier, text in labelled if len(text) <= 300]
    texts = [text for tier, text in rows if tier == "none" or not risk_free_only]
    random.Random(7).shuffle(texts)
    return (texts * (size // len(texts) + 1))[:size]


def throughput(func: Callable[[str], object], messages: list[str]) -> float:
    start = time.perf_counter()
    for message in messages:
        func(message)
    return len(messages) / (time.perf_counter() - start)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


async def end_to_end(setup: Any, risky: list[str], burst: list[str]) -> dict[str, float]:
    """p99 from a flagged message to its stored referral, and the longest loop stall during a burst."""
    from cogs.screening import Screening as ScreeningCog

    folder = Path(tempfile.mkdtemp())
    db = await Database.open(folder / "bench.db")
    await migrate(db)
    settings = Settings(_env_file=None, database_path=folder / "bench.db")  # type: ignore[call-arg]
    services = Services.build(db, settings, SystemClock(), screener=setup)
    admin = Actor(guild_id=1, user_id=1, is_server_admin=True)
    await services.referrals.configure(admin, country="GB")
    await db.execute("INSERT INTO groups (guild_id, name, name_key, condition, audience, description, mode, status,"
                     " channel_id, created_by, created_at) VALUES (1, 'g', 'g', 'c', 'both', 'd', 'always_open',"
                     " 'active', 50, 1, 'now')")
    cog = ScreeningCog(SimpleNamespace(services=services))  # type: ignore[arg-type]
    await cog.cog_load()
    latencies: list[float] = []
    services.screening.on_stored = lambda m: latencies.append(time.perf_counter() - m.received)
    ids = iter(range(1, 10**9))

    def message(text: str) -> Any:
        async def history(**_: Any) -> Any:
            if False:
                yield None

        return SimpleNamespace(author=SimpleNamespace(bot=False, id=7, display_name="m"),
                               guild=SimpleNamespace(id=1),
                               channel=SimpleNamespace(id=50, history=history), id=next(ids),
                               jump_url="https://discord.com/channels/1/50/1", content=text)

    original = services.screening.submit

    async def stamped(incoming: Any) -> None:
        await original(type(incoming)(**{**incoming.__dict__, "received": time.perf_counter()}))

    services.screening.submit = stamped  # type: ignore[method-assign]
    for text in risky:  # one at a time: the latency of a message that finds the worker free
        await cog.on_message(message(text))
        await services.screening.drain()
    services.screening.on_stored = None  # a burst's latency is its queue's length, not the screener's
    stalls: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            before = time.perf_counter()
            await asyncio.sleep(0.001)
            stalls.append(time.perf_counter() - before - 0.001)

    tick = asyncio.create_task(ticker())
    started = time.perf_counter()
    for text in burst:  # the listener as Discord would call it, as fast as messages come
        await cog.on_message(message(text))
    await services.screening.drain()
    burst_seconds = time.perf_counter() - started
    done.set()
    await tick
    await cog.cog_unload()
    await db.close()
    return {"p50_ms": round(percentile(latencies, 0.5) * 1000, 1),
            "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
            "referrals_timed": len(latencies), "max_loop_stall_ms": round(max(stalls) * 1000, 2),
            "p99_loop_stall_ms": round(percentile(stalls, 0.99) * 1000, 2), "burst_seconds": round(burst_seconds, 1)}


def main() -> None:
    messages = corpus()
    ordinary = corpus(risk_free_only=True)
    setup = build()
    if setup.model is None:
        raise SystemExit(f"the learned stage is not available here: {setup.why_not}")
    stage = setup.model
    rules = RiskScreener()
    cascade = setup.screener

    def model_every(text: str) -> Screening:
        first = rules.screen(text)
        return stage.combine(text[:4000], first, stage.embedder.embed([model_text(text[:4000])])[0])

    for message in messages[:2000]:
        rules.screen(message)
    rule_rounds = []
    for _ in range(ROUNDS):
        base = throughput(lambda m: KEYWORDS.search(m.lower()), messages)
        rule_rounds.append((throughput(rules.screen, messages), base))
    rule_rounds.sort()
    rules_rate, base_rate = rule_rounds[len(rule_rounds) // 2]
    rules_ordinary = throughput(rules.screen, ordinary[:20_000])
    sample, ordinary_sample = messages[:MODEL_SAMPLE], ordinary[:MODEL_SAMPLE]
    model_rate = throughput(model_every, sample)
    model_ordinary = throughput(model_every, ordinary_sample)
    cascade_rate = throughput(cascade.screen, messages[:CASCADE_SAMPLE])
    cascade_ordinary = throughput(cascade.screen, ordinary[:CASCADE_SAMPLE])
    skipped = sum(not stage.needed(t[:4000], rules.screen(t)) for t in ordinary[:CASCADE_SAMPLE]) / CASCADE_SAMPLE
    per_message = []
    for text in sample[:200]:
        t0 = time.perf_counter()
        cascade.screen(text)
        per_message.append(time.perf_counter() - t0)
    risky = [text for tier, text in chat_cases() if tier in ("urgent", "crisis")]
    random.Random(3).shuffle(risky)
    worker = asyncio.run(end_to_end(setup, risky[:200], messages[:BURST]))
    figures = {
        "rules_msgs_per_s": round(rules_rate), "baseline_keyword_msgs_per_s": round(base_rate),
        "rules_ordinary_msgs_per_s": round(rules_ordinary),
        "model_msgs_per_s": round(model_rate, 1), "model_ordinary_msgs_per_s": round(model_ordinary, 1),
        "cascade_msgs_per_s": round(cascade_rate, 1), "cascade_ordinary_msgs_per_s": round(cascade_ordinary, 1),
        "cascade_over_model_ordinary": round(cascade_ordinary / model_ordinary, 2),
        "cascade_ordinary_skipped": round(skipped, 3),
        "screen_p50_ms": round(percentile(per_message, 0.5) * 1000, 1),
        "screen_p99_ms": round(percentile(per_message, 0.99) * 1000, 1),
        "p99_ms": worker["p99_ms"], "p50_ms": worker["p50_ms"], "referrals_timed": worker["referrals_timed"],
        "max_loop_stall_ms": worker["max_loop_stall_ms"], "p99_loop_stall_ms": worker["p99_loop_stall_ms"],
        "burst_messages": BURST, "burst_seconds": worker["burst_seconds"],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "targets": {"cascade_over_model_ordinary": 5, "p99_ms": 200, "max_loop_stall_ms": 10, "peak_rss_mb": 250},
    }
    print(f"rules {figures['rules_msgs_per_s']} msg/s; model on every message {figures['model_msgs_per_s']} msg/s "
          f"({figures['model_ordinary_msgs_per_s']} on ordinary texts); cascade {figures['cascade_msgs_per_s']} msg/s "
          f"({figures['cascade_ordinary_msgs_per_s']} on ordinary texts, skipping the model on "
          f"{100 * skipped:.0f}% of them); message to stored referral p99 {figures['p99_ms']} ms; longest loop stall "
          f"{figures['max_loop_stall_ms']} ms; peak RSS {figures['peak_rss_mb']} MB")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
