"""Throughput and latency of risk screening on one core, against a keyword-list baseline in the same run.

Run: .venv/bin/python benchmarks/screening.py
The messages are chat-length: the hand-written chat cases plus the short texts (<= 300 characters) of the
shared sets when present. The baseline is what common safety bots do: one lower-case pass and one regex of
keywords. The last line is one JSON object.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import chat_cases, shared_sets
from bot.domain.risk import RiskScreener

KEYWORDS = re.compile(r"\b(?:suicide|suicidal|kill myself|kms|kys|want to die|self harm|cutting|overdose)\b")
TARGET = 50_000


def corpus() -> list[str]:
    texts = [text for _, text in chat_cases()]
    for _, rows in shared_sets():
        texts += [text for _, text in rows if len(text) <= 300]
    return (texts * (TARGET // len(texts) + 1))[:TARGET]


def timed(func: object, messages: list[str]) -> tuple[float, list[int]]:
    call = func  # a callable taking one message
    latencies = []
    start = time.perf_counter()
    for message in messages:
        t0 = time.perf_counter_ns()
        call(message)  # type: ignore[operator]
        latencies.append(time.perf_counter_ns() - t0)
    return time.perf_counter() - start, sorted(latencies)


def main() -> None:
    messages = corpus()
    screener = RiskScreener()
    for message in messages[:2000]:  # warm the regex caches
        screener.screen(message)
    base_s, _ = timed(lambda m: KEYWORDS.search(m.lower()), messages)
    peer_s, peer_lat = timed(screener.screen, messages)
    p99 = peer_lat[int(len(peer_lat) * 0.99)] / 1e6
    figures = {
        "messages": len(messages),
        "screener_msgs_per_s": round(len(messages) / peer_s),
        "screener_p50_ms": round(peer_lat[len(peer_lat) // 2] / 1e6, 4),
        "screener_p99_ms": round(p99, 4),
        "screener_max_ms": round(peer_lat[-1] / 1e6, 3),
        "baseline_keyword_msgs_per_s": round(len(messages) / base_s),
        "screener_time_over_baseline": round(peer_s / base_s, 1),
        "target_msgs_per_s": 20_000,
        "target_p99_ms": 1.0,
    }
    print(f"risk screener: {figures['screener_msgs_per_s']} msg/s, p99 {figures['screener_p99_ms']} ms; "
          f"keyword baseline: {figures['baseline_keyword_msgs_per_s']} msg/s "
          f"(screener takes {figures['screener_time_over_baseline']}x the baseline's time)")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
