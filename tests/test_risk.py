from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.domain.risk import Category, RiskScreener, Screening, Tier, learn, second_look
from bot.domain.risk.cli import screen_stream
from bot.domain.risk.gate import leading
from bot.domain.risk.textspeak import spell_out

CASES = Path(__file__).parent / "data" / "chat_cases.tsv"
SCREENER = RiskScreener()
RULES_ONLY = RiskScreener(second_look=False)


def load_cases() -> list[tuple[str, str]]:
    return learn.read_cases(CASES)


@pytest.mark.parametrize(("tier", "text"), load_cases())
def test_the_rules_put_every_chat_case_in_its_tier(tier: str, text: str) -> None:
    result = RULES_ONLY.screen(text)
    assert result.tier.label == tier, (text, result.evidence, result.discounted)


def test_the_second_look_raises_only_a_few_chat_cases_and_never_a_risk_free_one() -> None:
    """It learned from these cases, and gets a handful wrong (a concern worded like urgent ones): at most one case in
    two hundred, each raised, and none of them risk-free."""
    cases = load_cases()
    changed = [(tier, SCREENER.screen(text).tier) for tier, text in cases if SCREENER.screen(text).tier.label != tier]
    assert len(changed) <= len(cases) // 200, changed
    assert all(Tier[tier.upper()] < found and tier != "none" for tier, found in changed), changed


def test_evidence_points_at_the_original_text() -> None:
    text = "Honestly?? I’M SO TIRED. I don’t want to be alive anymore."
    result = SCREENER.screen(text)
    assert result.tier is Tier.URGENT and result.categories == (Category.SUICIDAL_IDEATION,)
    for evidence in result.evidence:
        assert text[evidence.start:evidence.end] == evidence.text
    assert any("want to be alive" in e.text for e in result.evidence)


@pytest.mark.parametrize("text", [
    "I w\u200bant to d\u200bie tonight",  # zero-width spaces
    "I w\u0430nt t\u043e di\u0435 tonight",  # Cyrillic look-alikes
    "\u026a \u1d21\u1d00\u0274\u1d1b \u1d1b\u1d0f \u1d05\u026a\u1d07 tonight",  # small capitals
    "I \uff57\uff41\uff4e\uff54 \uff54\uff4f \uff44\uff49\uff45 tonight",  # full-width letters
    "I \U0001d430\U0001d41a\U0001d427\U0001d42d \U0001d42d\U0001d428 \U0001d41d\U0001d422\U0001d41e tonight",
])
def test_distress_typed_with_invisible_or_look_alike_characters_is_read_as_plain_letters(text: str) -> None:
    plain = SCREENER.screen("I want to die tonight")
    result = SCREENER.screen(text)
    assert result.tier == plain.tier == Tier.CRISIS
    assert all(text[e.start:e.end] == e.text for e in result.evidence)  # on the characters typed
    assert len(result.evidence) == len(plain.evidence)


def test_accents_alone_do_not_change_a_reading() -> None:
    assert SCREENER.screen("caf\u00e9 with friends, feeling good").tier == Tier.NONE


def test_text_speak_is_read_spelled_out_and_its_evidence_points_at_the_words_typed() -> None:
    text = "Im GNA end it 2nite, sry evry1"
    result = SCREENER.screen(text)
    assert result.tier is Tier.CRISIS
    for evidence in result.evidence:
        assert text[evidence.start:evidence.end] == evidence.text
    assert any(e.text == "2nite" for e in result.evidence)
    assert any("GNA end it" in e.text for e in result.evidence)


@pytest.mark.parametrize(("norm", "spelled"), [
    ("want 2 die", "want to die"),
    ("took 2 pills for my head", None),  # a number stays a number
    ("tkn 2 many pills", "taken too many pills"),
    ("wud b better", "would be better"),
    ("plan b is the bus", None),
    ("ur not alone, ur mum said so", "you're not alone, your mum said so"),
    ("been cuttin agen", "been cutting again"),
    ("part of me wishes i wasn't here", "part of me wish i wasn't here"),
    ("she wishes she could fly", None),
    ("an ordinary message", None),
])
def test_text_speak_is_spelled_out_only_where_it_is_text_speak(norm: str, spelled: str | None) -> None:
    found = spell_out(norm)
    assert (found.text if found else None) == spelled
    if found:
        assert len(found.starts) == len(found.ends) == len(found.text)
        assert found.span(0, len(found.text)) == (0, len(norm))


def test_third_person_is_attributed() -> None:
    result = SCREENER.screen("My brother told me he took a handful of his pills")
    assert result.tier is Tier.CRISIS
    assert Category.THIRD_PERSON in result.categories


def test_discounted_matches_say_why() -> None:
    result = SCREENER.screen("I'm not suicidal, just want to vent")
    assert result.tier is Tier.NONE
    assert any("negated" in e.reason for e in result.discounted)


def test_detailed_method_is_marked_for_hiding() -> None:
    assert SCREENER.screen("how many mg of it would be a lethal dose for me").method_detail
    assert not SCREENER.screen("i want to die").method_detail


@pytest.mark.parametrize("text", ["", " ", "🙂" * 3000, "a\u0000b", "İİİ want to die", "x" * 100_000])
def test_odd_input_never_raises(text: str) -> None:
    assert isinstance(SCREENER.screen(text), Screening)


def test_second_stage_can_review() -> None:
    class Raise:
        def review(self, text: str, first: Screening) -> Screening:
            return Screening(Tier.CONCERN, (Category.GENERAL_DISTRESS,)) if "meh" in text else first

    assert RiskScreener(Raise()).screen("meh").tier is Tier.CONCERN


def test_screen_command_plain_and_jsonl() -> None:
    out = io.StringIO()
    assert screen_stream(io.StringIO("i want to die\nlovely weather\n"), out) == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["tier"] for line in lines] == ["urgent", "none"]
    assert set(lines[0]) == {"tier", "categories", "evidence", "conduct"}

    out = io.StringIO()
    status = screen_stream(io.StringIO('{"text": "I took all my pills"}\nnot json\n\n'), out, jsonl=True)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert status == 1 and lines[0]["tier"] == "crisis" and "error" in lines[1]


GATE_TEXTS = [
    "my brother keeps hitting me when he's drunk", "I OD'd last night", "thinking about ending it tonight",
    "İstanbul trip was lovely, İ promise", "he said he'd kill himself", "the weekend was fine",
    "gonna unalive myself fr", "she hurt herself again", "I won't need my coat anymore, giving it away",
    # word starts after punctuation, an emoji, a dash; a letter that is not ASCII; curly apostrophes; a match twice
    "(kms)", "😭kms", "—want to die", "ékms tonight", "self-harm again", "i’m gonna kill myself, i’m gonna kill myself",
    "wantwant to die", "my mentee's 15 yo said she's been cutting herself",
]
HOLDOUT_SUFFIXES = ("", "_b", "_c", "_d", "_e", "_f", "_g", "_h", "_i", "_j", "_k", "_l", "_m", "_n", "_o", "_p")
HOLDOUTS = [Path(__file__).parent / "data" / f"chat_holdout{suffix}.tsv" for suffix in HOLDOUT_SUFFIXES]


@pytest.mark.parametrize("text", [text for _, text in load_cases()] + GATE_TEXTS)
def test_the_rule_gate_never_changes_a_result(text: str) -> None:
    assert SCREENER.screen(text) == SCREENER.screen_with_every_rule(text)


@pytest.mark.parametrize(("text", "tier"), [
    ("Never seriously thought about suicide though, things got better", "none"),
    ("I have never once thought about killing myself", "none"),
    ("honestly I think about suicide every day", "urgent"),
    ("I thought about killing myself last night", "urgent"),
])
def test_negation_reaches_past_adverbs_but_not_past_a_plain_statement(text: str, tier: str) -> None:
    assert SCREENER.screen(text).tier.label == tier


def holdout_texts() -> list[str]:
    """Never tuned on: the tests only ask that every flag shows evidence and that no text is also a case."""
    return [text for path in HOLDOUTS for _, text in learn.read_cases(path)]


@pytest.mark.parametrize("text", [text for _, text in load_cases()] + holdout_texts() + GATE_TEXTS)
def test_every_flag_shows_its_evidence(text: str) -> None:
    result = SCREENER.screen(text)
    assert result.tier is Tier.NONE or result.evidence, (text, result)
    for evidence in result.evidence:
        assert text[evidence.start:evidence.end] == evidence.text


@pytest.mark.parametrize(("pattern", "leads"), [
    (r"\b(?:want|wanna) to die", {"want", "wanna"}),
    (r"\bkill(?:ed|s)? myself", {"kill"}),
    (r"(?:just )?die", None),  # may begin with "just " or with "die"
    (r"\b(?:i|we) (?:left|right)", {"i", "we"}),
    (r"[a-z]+ing", None),
])
def test_leading_literals_are_what_every_match_begins_with(pattern: str, leads: set[str] | None) -> None:
    assert leading(pattern) == (frozenset(leads) if leads is not None else None)


def test_the_holdout_is_kept_apart_from_the_regression_set() -> None:
    assert not set(holdout_texts()) & {text for _, text in load_cases()}


def test_the_shipped_second_look_weights_are_trained_on_the_current_cases() -> None:
    shipped = json.loads(second_look.WEIGHTS.read_text(encoding="utf-8"))
    assert shipped == json.loads(learn.dumps(learn.train_file(CASES))), (
        "rebuild them: python -m bot.domain.risk.learn tests/data/chat_cases.tsv")


# Each is a concern to the rules alone, worded like the urgent and crisis cases.
RAISED = [
    "i honestly can't cope anymore and i keep thinking everyone would be fine if i just wasnt here",
]


@pytest.mark.parametrize("text", RAISED)
def test_the_second_look_raises_a_concern_and_names_the_words(text: str) -> None:
    first = RULES_ONLY.screen(text)
    second = SCREENER.screen(text)
    assert first.tier is Tier.CONCERN
    assert second.tier > first.tier
    looked = [e for e in second.evidence if "second look" in e.reason]
    assert looked and all(text[e.start:e.end] == e.text for e in looked)
    assert set(first.evidence) < set(second.evidence)  # the rules' own evidence is kept


@pytest.mark.parametrize("text", [
    # no sign the rules know of, and words that do not weigh anywhere near far enough
    "tonight i'm going to take all the kids to the bridge to see the fireworks, goodbye work for a week",
    # a medical sign: the rules decide its tier, not word counts
    "my son has a high fever and a rash that won't go away and he's so sleepy and i'm scared",
    # too short to weigh
    "it's all too much",
])
def test_the_second_look_leaves_what_it_should_not_weigh(text: str) -> None:
    assert SCREENER.screen(text) == RULES_ONLY.screen(text)


def test_the_second_look_never_lowers_a_tier() -> None:
    look = second_look.default()
    urgent = SCREENER.screen("i want to die")
    assert look.review("i want to die", urgent).tier >= urgent.tier
    for _, text in load_cases():
        first = RULES_ONLY.screen(text)
        assert look.review(text, first).tier >= first.tier


def _look(weights: dict[str, float]) -> second_look.SecondLook:
    """A second look with made-up weights, to test what it does apart from what the cases taught it."""
    tiers = {tier: {"bias": -1.0, "weights": weights} for tier in ("urgent", "crisis")}
    return second_look.SecondLook({"tiers": tiers})


def test_the_second_look_raises_a_message_without_a_sign_only_on_content_words_that_weigh_far() -> None:
    look = _look({"lighthouse": 8.0, "keeps saying": 8.0, "keeps": 8.0, "saying": 8.0, "harbour": 1.0})
    text = "i walked out past the old lighthouse again this evening and stood there for a while"
    first = RULES_ONLY.screen(text)
    assert first.tier is Tier.NONE and not first.discounted
    raised = look.review(text, first)
    assert raised.tier is Tier.URGENT and raised.categories == (Category.GENERAL_DISTRESS,)
    assert [e.text for e in raised.evidence] == ["lighthouse"]
    # words people use of their family, however they weigh, are not enough on their own
    puppy = "my son keeps saying he wants a puppy for christmas and i keep saying no"
    assert look.review(puppy, RULES_ONLY.screen(puppy)).tier is Tier.NONE
    # a little weight is not enough either
    harbour = "we walked along the harbour wall this evening and had chips on the bench"
    assert look.review(harbour, RULES_ONLY.screen(harbour)).tier is Tier.NONE


def test_the_second_look_leaves_what_the_rules_set_aside() -> None:
    look = _look({"lighthouse": 8.0})
    text = "two years ago i wanted to die at the lighthouse, and i'm so glad i stayed"
    first = RULES_ONLY.screen(text)
    assert first.tier is Tier.NONE and first.discounted
    assert look.review(text, first) == first
