"""`peerbot screen`: read messages, write one JSON screening per line. No token or database needed."""

from __future__ import annotations

import json
from typing import TextIO

from bot.domain.conduct.check import ConductCheck
from bot.domain.risk.stages import build


def screen_stream(source: TextIO, sink: TextIO, *, jsonl: bool = False) -> int:
    screener = build().screener  # the rules, and the learned stage where it loads
    conduct = ConductCheck(screener)  # code-of-conduct matches, never on a message that shows distress
    status = 0
    for number, line in enumerate(source, start=1):
        text = line.rstrip("\n")
        if jsonl:
            if not text.strip():
                continue
            try:
                record = json.loads(text)
                text = str(record["text"])
            except (ValueError, KeyError, TypeError):
                sink.write(json.dumps({"error": f"line {number} is not JSON with a `text` field"}) + "\n")
                status = 1
                continue
        result = screener.screen(text).as_dict()
        result["conduct"] = [match.as_dict() for match in conduct.check(text)]
        sink.write(json.dumps(result, ensure_ascii=False) + "\n")
    return status
