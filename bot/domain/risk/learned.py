"""The learned stage: a message's embedding read by a head trained on the labelled cases, beside the rules.

How a message is read (after the rules and their second look):
1. The cascade's cheap first stage (hashed words and character trigrams, one dot product) says whether the model
   could add anything. A message the rules already call a crisis, or an English one that the first stage scores
   below its threshold, is not embedded. Most everyday chat stops here.
2. The embedder (embedder.py) turns the message into a vector. Its language is the nearest of six language centres
   (the mean vector of the training cases in each language); a message in another language is moved by the
   difference between its language's centre and English's, since e5 places each language's texts around their own
   centre and the head learned mostly from English.
3. The head gives four probabilities (none, concern, urgent, crisis): the mean of a logistic regression and of the
   labels of the nearest training cases.
4. The model's tier comes from thresholds stored beside the weights, chosen on the exact engine that ships: for
   English on holdouts A..K only, where a message in which the rules found no sign needs a higher probability
   (`unsigned`); for the other languages, which the rules cannot read, on the language tuning set
   (tests/data/chat_tuning_lang.tsv).
5. The tier is the higher of the rules' and the model's. A tier the model raised names its probability and the
   nearest training cases ("reads like: ...") as evidence.

The head is two files built by `python -m bot.domain.risk.train` (scikit-learn, the `train` extra): head.json (the
weights, thresholds, the engine's name, a hash of the training cases, and a small guard sample) and head_cases.npz
(the training cases' vectors as int8, their tiers and texts, the language centres, and the first stage's weights).
At run time all of it is numpy arithmetic.
"""

from __future__ import annotations

import json
import logging
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from bot.domain.risk.embedder import Embedder, Vectors
from bot.domain.risk.model import Category, Evidence, Screening, Tier

log = logging.getLogger(__name__)
HEAD = Path(__file__).with_name("head.json")
CASES = Path(__file__).with_name("head_cases.npz")
BUCKETS = 1 << 15  # the first stage's hashed features
# What the model reads of a long message: its first and last 300 characters (about 80 tokens each). The rules read
# all of it; the model's cost grows with every token, and risk in a long post is most often at its start or end.
MODEL_CHARS = 600
_GAP = " … "


# Function words of English that are not words in Spanish, French, German, Portuguese or Italian, and theirs that
# are not English words. A message counts as English (for the cascade) only when it has more of the first kind: a
# foreign message taken for English could be skipped, an English one taken for foreign only costs an embedding.
_ENGLISH = frozenset((
    "i'm", "im", "i've", "i'll", "i'd", "my", "you", "your", "you're", "it", "it's", "the", "and", "but", "of", "for",
    "with", "at", "is", "are", "be", "been", "have", "has", "had", "don't", "can't", "not", "just", "this", "that",
    "she", "they", "we", "what", "when", "will", "would", "about", "from", "if", "get", "like", "feel", "know", "i",
    "want", "myself", "there", "there's", "haven't", "dont", "didn't", "keep", "wish", "today", "tonight", "days",
    "night", "again", "anymore", "everything", "anyone", "them", "she's", "he's", "could", "can", "going", "got",
))
_FOREIGN = frozenset((
    # es
    "que", "el", "la", "los", "las", "y", "de", "del", "en", "mi", "por", "para", "con", "es", "está", "estoy",
    "pero", "muy", "ya", "lo", "le", "se", "un", "una", "yo", "tengo", "hoy", "más",
    # fr
    "je", "j'ai", "les", "et", "est", "pas", "mon", "mes", "une", "des", "du", "pour", "avec", "suis", "c'est",
    "il", "elle", "qui", "ne", "au", "ça",
    # de
    "ich", "und", "nicht", "der", "die", "das", "ist", "mit", "mein", "meine", "ein", "eine", "mir", "mich", "auf",
    "sich", "zu", "hab", "habe", "wie", "auch", "noch", "seit", "nur",
    # pt
    "não", "eu", "os", "um", "uma", "meu", "minha", "é", "da", "em", "na", "já", "muito", "mas", "você",
    # it
    "che", "non", "di", "e", "sono", "per", "ho", "della", "mia", "mio", "è", "gli", "ci", "anche", "più",
))


def english(text: str) -> bool:
    """Does a message of three words or more use more English function words than Spanish, French, German,
    Portuguese or Italian ones? (Shorter ones count as English: there is too little to tell.)"""
    words = [word.strip(".,!?;:\"()…¿¡") for word in text.lower().replace("’", "'").split()]
    if len(words) < 3:
        return True
    ours = sum(word in _ENGLISH for word in words)
    theirs = sum(word in _FOREIGN for word in words)
    return ours > theirs


def model_text(text: str) -> str:
    """The part of a message that the model reads (the same in training and in the bot)."""
    if len(text) <= MODEL_CHARS:
        return text
    half = (MODEL_CHARS - len(_GAP)) // 2
    return text[:half] + _GAP + text[-half:]


def cheap_features(text: str) -> list[int]:
    """The first stage's features: each lower-cased word, and each character trigram inside a word (with its
    edges), hashed into BUCKETS. Trigrams carry the stem of a word across languages and misspellings."""
    buckets = []
    for word in text.lower().split():
        word = word.strip(".,!?;:\"'()[]…")
        if not word:
            continue
        buckets.append(zlib.crc32(word.encode("utf-8", "surrogatepass")) % BUCKETS)
        padded = f"<{word}>"
        buckets.extend(zlib.crc32(padded[i:i + 3].encode("utf-8", "surrogatepass")) % BUCKETS
                       for i in range(len(padded) - 2))
    return buckets


@dataclass(frozen=True)
class Thresholds:
    concern: float  # P(concern or worse) for a concern
    urgent: float  # P(urgent or crisis) for urgent, when the rules found a sign
    crisis: float  # P(crisis) for a crisis, when the rules found a sign
    urgent_unsigned: float  # the same when the rules found none
    crisis_unsigned: float
    cascade: float  # the first stage's score below which the model is not run
    urgent_foreign: float = 1.0  # for a message in another language (the rules read English only)
    crisis_foreign: float = 1.0


class Head:
    """The trained head: numpy arithmetic over an embedding. Loaded once; read-only after that."""

    def __init__(self, meta: dict[str, Any], cases: Any) -> None:
        self.engine: str = meta["engine"]
        self.cases_sha256: dict[str, str] = meta["cases_sha256"]
        self.thresholds = Thresholds(**meta["thresholds"])
        self.neighbours: int = meta["knn"]["k"]
        self.temperature: float = meta["knn"]["temperature"]
        self.coef = np.asarray(meta["coef"], dtype=np.float32)  # (4, dim)
        self.intercept = np.asarray(meta["intercept"], dtype=np.float32)
        self.guard: list[dict[str, Any]] = meta.get("guard", [])
        vectors = cases["vectors"].astype(np.float32)
        self.vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        self.tiers: NDArray[np.int8] = cases["tiers"]
        blob = bytes(cases["texts"].tobytes())
        ends = cases["text_ends"]
        starts = np.concatenate([[0], ends[:-1]])
        self._texts = blob
        self._spans = list(zip(starts.tolist(), ends.tolist(), strict=True))
        self.cheap = cases["cheap"].astype(np.float32)
        self.cheap_bias = float(meta["cheap_bias"])
        # the language centres, English first (a head without them reads every message as English)
        self.languages: list[str] = meta.get("languages", ["en"])
        dim = self.coef.shape[1]
        self.centres = cases["centres"].astype(np.float32) if "centres" in cases else np.zeros((1, dim), np.float32)
        # The nearest cases are compared in fewer dimensions: the training vectors' principal axes, found when the
        # head was trained (the cases' vectors are stored already projected). Without it, in all of them.
        self.basis = cases["basis"].astype(np.float32) if "basis" in cases else np.eye(dim, dtype=np.float32)
        self._unit_centres = self.centres / np.maximum(np.linalg.norm(self.centres, axis=1, keepdims=True), 1e-9)

    @classmethod
    def load(cls, head: Path = HEAD, cases: Path = CASES) -> Head:
        with np.load(cases) as data:
            return cls(json.loads(head.read_text(encoding="utf-8")), dict(data))

    def text(self, index: int) -> str:
        start, end = self._spans[index]
        return self._texts[start:end].decode("utf-8")

    def cheap_score(self, text: str) -> float:
        """The first stage: log-odds that the message shows any risk, from words and trigrams alone."""
        features = cheap_features(text)
        if not features:
            return self.cheap_bias
        return self.cheap_bias + float(self.cheap[features].sum()) / float(np.sqrt(len(features)))

    def language(self, vectors: Vectors) -> list[str]:
        """Each vector's language: the nearest language centre."""
        if len(self.languages) == 1:
            return self.languages * len(vectors)
        nearest = np.argmax(vectors.astype(np.float32) @ self._unit_centres.T, axis=1)
        return [self.languages[int(i)] for i in nearest]

    def align(self, vectors: Vectors, languages: list[str]) -> Vectors:
        """Moves each vector in another language by the difference between English's centre and its language's."""
        rows = [self.languages.index(language) for language in languages]
        moved = vectors.astype(np.float32) - self.centres[rows] + self.centres[0]
        found: Vectors = moved / np.linalg.norm(moved, axis=1, keepdims=True)
        return found

    def read(self, vectors: Vectors) -> tuple[NDArray[np.float64], list[str], Vectors]:
        """The probabilities (below), each message's language, and the aligned vectors."""
        languages = self.language(vectors)
        aligned = self.align(vectors, languages)
        return self.probabilities(aligned), languages, aligned

    def probabilities(self, vectors: Vectors) -> NDArray[np.float64]:
        """(n, 4) for aligned vectors: none, concern, urgent, crisis. The mean of the logistic regression and of the
        nearest cases' labels, each weighted by exp(temperature * cosine)."""
        logits = vectors.astype(np.float64) @ self.coef.T.astype(np.float64) + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        regression = np.exp(logits)
        regression /= regression.sum(axis=1, keepdims=True)
        nearest, similarity = self._nearest(vectors, self.neighbours)
        weights = np.exp(self.temperature * (similarity - similarity[:, :1]))
        weights /= weights.sum(axis=1, keepdims=True)
        votes = np.zeros_like(regression)
        for tier in range(4):
            votes[:, tier] = (weights * (self.tiers[nearest] == tier)).sum(axis=1)
        found: NDArray[np.float64] = (regression + votes) / 2
        return found

    def project(self, vectors: Vectors) -> Vectors:
        """Aligned vectors in the nearest cases' dimensions, of unit length."""
        projected = vectors.astype(np.float32) @ self.basis
        found: Vectors = projected / np.maximum(np.linalg.norm(projected, axis=1, keepdims=True), 1e-9)
        return found

    def _nearest(self, vectors: Vectors, k: int) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        similarity = self.project(vectors) @ self.vectors.T
        k = min(k, similarity.shape[1])
        part = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(similarity, part, axis=1), axis=1, kind="stable")
        nearest = np.take_along_axis(part, order, axis=1)
        return nearest, np.take_along_axis(similarity, nearest, axis=1).astype(np.float64)

    def nearest_cases(self, vector: Vectors, at_least: Tier, count: int = 3) -> list[tuple[str, Tier]]:
        """The training cases at `at_least` or above that read most like the message."""
        similarity = self.vectors @ self.project(vector[None, :])[0]
        similarity[self.tiers < int(at_least)] = -np.inf
        best = np.argsort(-similarity, kind="stable")[:count]
        return [(self.text(int(i)), Tier(int(self.tiers[i]))) for i in best if np.isfinite(similarity[i])]

    def tier(self, probabilities: NDArray[np.float64], signed: bool, foreign: bool = False) -> tuple[Tier, float]:
        """The model's tier for one message's probabilities, and the probability that placed it there. `signed`:
        the rules found a sign; `foreign`: the message is not in English, so the rules could not read it."""
        t = self.thresholds
        crisis = float(probabilities[3])
        urgent = crisis + float(probabilities[2])
        concern = urgent + float(probabilities[1])
        if foreign:
            at_crisis, at_urgent = t.crisis_foreign, t.urgent_foreign
        else:
            at_crisis, at_urgent = (t.crisis, t.urgent) if signed else (t.crisis_unsigned, t.urgent_unsigned)
        if crisis >= at_crisis:
            return Tier.CRISIS, crisis
        if urgent >= at_urgent:
            return Tier.URGENT, urgent
        if concern >= t.concern:
            return Tier.CONCERN, concern
        return Tier.NONE, 1 - concern


_REASON = "reads like {tier} messages (model, p={p:.2f})"
_CLIP = 90


class LearnedStage:
    """The second stage of the screener (screener.SecondStage): may raise the rules' tier, never lowers it."""

    def __init__(self, embedder: Embedder, head: Head) -> None:
        if embedder.name != head.engine:
            raise ValueError(f"the head was trained on {head.engine!r}, not {embedder.name!r}")
        self.embedder = embedder
        self.head = head

    def needed(self, text: str, first: Screening) -> bool:
        """The cascade: is the model worth running? Not when the rules already say crisis, nor when the first
        stage finds nothing worded like risk in an English message in which the rules found no sign either."""
        if first.tier is Tier.CRISIS:
            return False
        if first.tier is not Tier.NONE or not english(text):
            return True
        return self.head.cheap_score(text) >= self.head.thresholds.cascade

    def review(self, text: str, first: Screening) -> Screening:
        if not self.needed(text, first):
            return first
        try:
            vector = self.embedder.embed([model_text(text)])[0]
        except Exception:  # the model failing must never cost the rules' own result
            log.exception("the embedder failed; this message was screened by the rules alone")
            return first
        return self.combine(text, first, vector)

    def combine(self, text: str, first: Screening, vector: Vectors) -> Screening:
        """max(rules, model), with the model's evidence when it raised the tier."""
        found, languages, aligned = self.head.read(vector[None, :])
        tier, p = self.head.tier(found[0], signed=first.tier is not Tier.NONE, foreign=languages[0] != "en")
        if tier <= first.tier:
            return first
        cases = self.head.nearest_cases(aligned[0], max(tier, Tier.CONCERN))
        like = "; ".join(f"“{case[:_CLIP]}{'…' if len(case) > _CLIP else ''}”" for case, _ in cases)
        reason = _REASON.format(tier=tier.label, p=p) + (f"; reads like: {like}" if like else "")
        evidence = Evidence(0, len(text), text, reason)
        categories = first.categories or (Category.GENERAL_DISTRESS,)
        return Screening(tier, categories, (*first.evidence, evidence), first.method_detail, first.discounted)


@cache
def default_head() -> Head:
    return Head.load()
