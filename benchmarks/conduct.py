"""Conduct screening: speed on one core, supportive messages actioned, and distress actioned (which must be 0).

Run: .venv/bin/pip install -e '.[bench]' && .venv/bin/python benchmarks/conduct.py [--messages 50000]

The corpus is the project's own: every chat case and held-out chat set (tests/data/chat_*.tsv; risk-free messages
are the "supportive and ordinary" ones, the rest are distress), plus the hand-written conduct cases
(tests/data/conduct_cases.tsv, violations and hard negatives; written with the rules, so their figures are a
regression check, not an estimate). Speed is the conduct screener alone, every message with its own author and
time so flooding is tracked as in a server; the distress gate runs only for messages with a match, is a separate
stage, and is not in the speed figure, but it is in every actioned count. The baselines, alt-profanity-check and
better-profanity, run in the same process over the same messages. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.domain.conduct.check import ConductCheck
from bot.domain.conduct.model import MessageContext
from bot.domain.conduct.screener import ConductScreener
from bot.domain.risk import RiskScreener
from tests.conduct_data import conduct_cases, project_texts

ROUNDS = 5
HOSTILE = {  # worst cases for the rules' reading around each match; each is cut to Discord's 4,000 characters
    "insults": "you idiot " * 400, "look-alikes": "1d10t " * 660, "not-aimed": "idiot " * 660,
    "numbers": "07700 " * 660, "digits": "0" * 4000, "addresses": "14 elm road " * 330,
    "emails": "a@b.co " * 570, "advice": "stop taking your meds " * 180, "selling": "buy now dm me " * 280,
    "links": "www.x.biz/a " * 330, "zero-width": "i\u200bd\u200bi\u200bo\u200bt " * 360,
    "spaced": "i d i o t " * 400, "mentions": "<@1> " * 800, "laughing": "lol you idiot " * 280,
}
BASELINE_MESSAGES = 1000  # the baselines are slow: their speed is read on the first 1,000 of the same messages


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def timed(func: Callable[[str, int], object], messages: list[str]) -> tuple[float, list[int]]:
    """Messages per second over the whole run, and each message's latency in nanoseconds."""
    latencies = []
    start = time.perf_counter()
    for n, text in enumerate(messages):
        t0 = time.perf_counter_ns()
        func(text, n)
        latencies.append(time.perf_counter_ns() - t0)
    return len(messages) / (time.perf_counter() - start), sorted(latencies)


def calibration_ns() -> float:
    """How slow this machine is right now: nanoseconds for one str.count over 80 characters (about 40 on an idle
    laptop core). Shared machines vary from minute to minute; read the figures beside this and the load."""
    text = "i'm going to bed after my shift, shattered. see you all tomorrow at the meeting x"
    best = min(timeit_once(text) for _ in range(5))
    return round(best, 1)


def timeit_once(text: str) -> float:
    start = time.perf_counter_ns()
    for _ in range(100_000):
        text.count("1")
    return (time.perf_counter_ns() - start) / 100_000


def pct(latencies: list[int], q: float) -> float:
    return round(latencies[min(len(latencies) - 1, int(len(latencies) * q))] / 1e6, 4)


def share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--baseline-texts", type=int, default=1000,
                        help="supportive and distress texts the (slow) baselines flag, spread over each set")
    args = parser.parse_args()
    pin_one_core()

    chat = project_texts()
    supportive = [text for _, tier, text in chat if tier == "none"]
    distress = [text for _, tier, text in chat if tier != "none"]
    cases = conduct_cases()
    violations = [text for expected, _, text in cases if expected]
    hard_negatives = [text for expected, _, text in cases if not expected]
    corpus = supportive + distress + violations + hard_negatives
    messages = (corpus * (args.messages // len(corpus) + 1))[:args.messages]

    screener = ConductScreener()

    def conduct(text: str, n: int) -> object:
        return screener.screen(text, MessageContext(text=text, author_id=n + 1, channel_id=1, at=float(n * 60)))

    for n, text in enumerate(messages[:3000]):  # warm the regex caches
        conduct(text, n)
    rounds = []
    for r in range(ROUNDS):
        screener = ConductScreener()  # a fresh flood window each round
        rounds.append(timed(lambda text, n, r=r: conduct(text, n + r * len(messages)), messages))
    rounds.sort(key=lambda found: found[0])
    msgs_per_s, latencies = rounds[len(rounds) // 2]
    # On a shared machine a message is sometimes descheduled mid-screening: that is the scheduler, not the
    # screener. Each distinct message's best of 5 runs shows the screener's own latency.
    best: list[int] = []
    for n, text in enumerate(corpus):
        runs = []
        for k in range(5):
            t0 = time.perf_counter_ns()
            conduct(text, 10**7 + n * 5 + k)
            runs.append(time.perf_counter_ns() - t0)
        best.append(min(runs))
    best.sort()

    # Hostile messages: 4,000 characters of one clause packed with what the rules read. Each message's best of 3.
    hostile = {}
    for name, text in HOSTILE.items():
        runs = []
        for k in range(3):
            t0 = time.perf_counter_ns()
            conduct(text[:4000], 2 * 10**7 + k)
            runs.append(time.perf_counter_ns() - t0)
        hostile[name] = round(min(runs) / 1e6, 2)

    check = ConductCheck(RiskScreener())

    def actioned(texts: list[str]) -> list[str]:
        return [t for n, t in enumerate(texts)
                if check.check(t, MessageContext(text=t, author_id=10**6 + n, channel_id=2, at=float(n * 60)))]

    acted_supportive = actioned(supportive)
    acted_distress = actioned(distress)
    caught = actioned(violations)
    acted_hard = actioned(hard_negatives)

    baselines: dict[str, dict[str, float]] = {}
    sample = messages[:BASELINE_MESSAGES]
    try:
        from profanity_check import predict as apc_predict

        def apc(text: str, _: int = 0) -> bool:
            return bool(apc_predict([text])[0])

        baselines["alt-profanity-check"] = figures(apc, sample, spread(supportive, args.baseline_texts),
                                                   spread(distress, args.baseline_texts))
    except ImportError:
        print("alt-profanity-check is not installed: pip install -e '.[bench]'", file=sys.stderr)
    try:
        from better_profanity import profanity

        profanity.load_censor_words()

        def bp(text: str, _: int = 0) -> bool:
            return bool(profanity.contains_profanity(text))

        baselines["better-profanity"] = figures(bp, sample, spread(supportive, args.baseline_texts),
                                                spread(distress, args.baseline_texts))
    except ImportError:
        print("better-profanity is not installed: pip install -e '.[bench]'", file=sys.stderr)

    result = {
        "machine_ns_per_str_count": calibration_ns(),
        "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "messages": len(messages),
        "rounds": ROUNDS,
        "msgs_per_s": round(msgs_per_s),
        "p50_ms": pct(latencies, 0.5),
        "p99_ms": pct(latencies, 0.99),
        "max_ms": pct(latencies, 1.0),
        "p50_ms_best_of_5": pct(best, 0.5),
        "p99_ms_best_of_5": pct(best, 0.99),
        "baseline": "alt-profanity-check" if "alt-profanity-check" in baselines else next(iter(baselines), None),
        "baseline_msgs_per_s": {name: b["msgs_per_s"] for name, b in baselines.items()},
        "times_faster_than_baseline": {name: round(msgs_per_s / b["msgs_per_s"], 1)
                                       for name, b in baselines.items() if b["msgs_per_s"]},
        "baselines": baselines,
        "hostile_max_ms": max(hostile.values()),
        "hostile_ms": hostile,
        "supportive_messages": len(supportive),
        "supportive_actioned": len(acted_supportive),
        "supportive_fp_rate": share(len(acted_supportive), len(supportive)),
        "distress_messages": len(distress),
        "distress_actioned": len(acted_distress),
        "distress_actioned_rate": share(len(acted_distress), len(distress)),
        "conduct_cases_violations_caught": share(len(caught), len(violations)),
        "conduct_cases_hard_negatives_actioned": share(len(acted_hard), len(hard_negatives)),
        "targets": {"msgs_per_s": 20_000, "p99_ms": 1.0, "supportive_fp_rate": 0.01, "distress_actioned": 0},
    }
    for text in acted_supportive:
        print(f"supportive message actioned: {text[:100]!r}", file=sys.stderr)
    print(f"conduct screener: {result['msgs_per_s']} msg/s, p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms; "
          f"supportive actioned {result['supportive_actioned']}/{len(supportive)}; distress actioned "
          f"{result['distress_actioned']}/{len(distress)}; baselines: "
          + ", ".join(f"{name} {b['msgs_per_s']} msg/s" for name, b in baselines.items()))
    print(json.dumps(result))


def spread(texts: list[str], count: int) -> list[str]:
    return texts[::max(1, len(texts) // count)]


def figures(flags: Callable[[str, int], bool], sample: list[str], supportive: list[str],
            distress: list[str]) -> dict[str, float]:
    msgs_per_s, latencies = timed(flags, sample)
    return {
        "msgs_per_s": round(msgs_per_s),
        "p50_ms": pct(latencies, 0.5),
        "p99_ms": pct(latencies, 0.99),
        "supportive_fp_rate": share(sum(flags(t, 0) for t in supportive), len(supportive)),
        "distress_flagged_rate": share(sum(flags(t, 0) for t in distress), len(distress)),
    }


if __name__ == "__main__":
    main()
