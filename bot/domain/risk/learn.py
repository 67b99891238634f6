"""Builds second_look.json from the labelled chat cases: `python -m bot.domain.risk.learn tests/data/chat_cases.tsv`."""

from __future__ import annotations

import csv
import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.domain.risk.model import Tier
from bot.domain.risk.second_look import MIN_COUNT, WEIGHTS, words_and_pairs


def train(rows: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Naive-Bayes log-count ratios with add-one smoothing, one model per higher tier. Deterministic."""
    cases = [(Tier[tier.upper()], words_and_pairs(text)) for tier, text in rows]
    tiers: dict[str, dict[str, Any]] = {}
    for tier in (Tier.URGENT, Tier.CRISIS):
        above, below = Counter[str](), Counter[str]()
        n_above = n_below = 0
        for label, found in cases:
            if label >= tier:
                above.update(found)
                n_above += 1
            else:
                below.update(found)
                n_below += 1
        kept = sorted(f for f in above.keys() | below.keys() if above[f] + below[f] >= MIN_COUNT)
        weights = {f: round(math.log((above[f] + 1) / (n_above + 2)) - math.log((below[f] + 1) / (n_below + 2)), 3)
                   for f in kept}
        tiers[tier.label] = {"bias": round(math.log(n_above / n_below), 3), "weights": weights}
    return {"tiers": tiers}


def read_cases(path: Path) -> list[tuple[str, str]]:
    """A labelled chat file (tests/data/*.tsv): a header, then tier and text separated by a tab."""
    with path.open(encoding="utf-8") as handle:
        return [(row["tier"], row["text"]) for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def train_file(cases: Path) -> dict[str, Any]:
    return {"cases_sha256": hashlib.sha256(cases.read_bytes()).hexdigest(), **train(read_cases(cases))}


def dumps(weights: dict[str, Any]) -> str:
    return json.dumps(weights, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    WEIGHTS.write_text(dumps(train_file(Path(sys.argv[1]))), encoding="utf-8")
