"""The conduct screener: folding for matching, each rule on the hand-written cases, layered settings, and the rule
that matters most: distress is never actioned, on the project's risk cases and on the shared sets."""

from __future__ import annotations

from functools import cache

import pytest

from bot.domain.conduct.distress import DISTRESS_FAMILIES, DistressGate
from bot.domain.conduct.model import Action, MessageContext, Screened
from bot.domain.conduct.normalise import fold
from bot.domain.conduct.screener import MAX_EVIDENCE, ConductScreener
from bot.domain.conduct.settings import ResolvedSettings, RuleSettings, describe_ladder, parse_ladder
from bot.domain.risk import RiskScreener, Screening, Tier
from bot.domain.risk.stages import build as build_risk
from tests.conduct_data import conduct_cases, project_texts, shared_distress

SCREENER = ConductScreener()
GATE = DistressGate(RiskScreener())


def actioned(text: str, *, reply: bool = False, author: int = 0) -> set[str]:
    """The rules conduct would act on: what the screener finds, unless the distress gate stops it."""
    screened = SCREENER.screen(text, MessageContext(text=text, reply_to_other=reply, author_id=author))
    if not screened or GATE.why_not_act(text) is not None:
        return set()
    return {m.rule for m in screened.matches}


# ---- folding ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("typed", "word"), [
    ("you 1diot", "idiot"), ("i d i o t", "idiot"), ("i.d.i.o.t", "idiot"), ("st00pid", "stoopid"),
    ("b!tch", "bitch"), ("stuuuupid", "stupid"), ("ｉｄｉｏｔ", "idiot"), ("іdіоt", "idiot"),
    ("i\u200bd\u200bi\u200bo\u200bt", "idiot"), ("ÏDÏÖT", "idiot"), ("k y s", "kys"), ("ɪᴅɪᴏᴛ", "idiot"),
    ("ι∂ισт", "idiot"), ("𝐢𝐝𝐢𝐨𝐭", "idiot"),
])
def test_tricks_are_undone_for_matching_and_evidence_points_at_what_was_typed(typed: str, word: str) -> None:
    folded = fold(typed)
    start = folded.words.index(word)
    begin, end = folded.from_words(start, start + len(word))
    assert folded.original == typed  # the text people see is never changed
    assert word in fold(typed[begin:end]).words
    assert typed[:begin].strip() in ("", "you")


def test_ordinary_words_are_left_alone() -> None:
    for text in ("u r a star", "call 0 7 7 0 0", "see you at 7pm", "covid19 jab", "b12 and iron", "idiot!"):
        assert fold(text).plain == text.lower()
    assert fold("idiot!").words == "idiot!"


def test_evidence_spans_match_the_original_text() -> None:
    text = "Honestly ＹＯＵ аrе a st00pid i d i o t!!"
    (match,) = SCREENER.screen(text).matches
    assert match.rule == "insult"
    for evidence in match.evidence:
        assert text[evidence.start:evidence.end] == evidence.text
    assert {e.text for e in match.evidence} == {"st00pid", "i d i o t"}


def test_link_evidence_leaves_out_the_punctuation_around_it() -> None:
    for text, link in (("[survey](https://forms.example/KK12)", "https://forms.example/KK12"),
                       ("see (www.shop.example/p/x).", "www.shop.example/p/x"),
                       ("read en.wikipedia.org/wiki/Grief_(mood), it helped", "en.wikipedia.org/wiki/Grief_(mood)"),
                       ("**https://shop.example/y**!", "https://shop.example/y")):
        (match,) = SCREENER.screen(text).matches
        assert [e.text for e in match.evidence] == [link]


def test_over_long_and_odd_input_is_screened_without_error() -> None:
    for text in ("", " ", "\u200b" * 5000, "a" * 100_000, "🙂" * 3000, "\x00\x01", "<@1>" * 2000):
        SCREENER.screen(text)


def test_a_message_of_hundreds_of_matches_keeps_a_bounded_record() -> None:
    """One clause of 4,000 characters with hundreds of matches (benchmarks/conduct.py times these): each match
    reads a bounded stretch around it, and a case keeps at most MAX_EVIDENCE spans per rule."""
    for text, rule in (("you idiot " * 400, "insult"), ("call me on 07700 900123 " * 160, "contact_details"),
                       ("www.cheapmeds.biz " * 200, "link")):
        (match,) = ConductScreener().screen(text).matches
        assert match.rule == rule and len(match.evidence) == MAX_EVIDENCE
    assert not SCREENER.screen("1d10t " * 660).matches and not SCREENER.screen("14 elm road " * 330).matches
    # the clause is still read: a reported insult far into a long message stays reported
    assert not SCREENER.screen("a " * 1500 + "and then my ex called me a useless idiot").matches


# ---- the rules, on the hand-written cases ----------------------------------------------------------------
@pytest.mark.parametrize(("expected", "reply", "text"), conduct_cases(),
                         ids=[text[:40] for _, _, text in conduct_cases()])
def test_conduct_case(expected: set[str], reply: bool, text: str) -> None:
    assert actioned(text, reply=reply, author=hash(text)) == expected


def test_every_shipped_rule_has_cases_both_ways() -> None:
    cases = conduct_cases()
    hit = set().union(*(expected for expected, _, _ in cases))
    assert hit >= {"insult", "threat", "slur", "contact_details", "solicitation", "link", "medical_advice"}
    assert sum(1 for expected, _, _ in cases if not expected) >= 80


def test_flooding_repeats_and_bursts() -> None:
    screener = ConductScreener()

    def say(text: str, at: float, author: int = 7) -> set[str]:
        ctx = MessageContext(text=text, author_id=author, channel_id=1, at=at)
        return {m.rule for m in screener.screen(text, ctx).matches}

    assert say("anyone there?", 0) == set()
    assert say("anyone there?", 10) == set()
    assert say("anyone   THERE?", 20) == {"flooding"}  # the same words, however typed
    assert say("anyone there?", 20, author=8) == set()  # someone else
    burst = [say(f"message {n}", 100 + n) for n in range(8)]
    assert burst[-1] == {"flooding"} and not any(burst[:-1])
    assert say("later", 500) == set()


def test_mention_spam() -> None:
    text = " ".join(f"<@{n}>" for n in range(1, 7)) + " look at this"
    assert {m.rule for m in SCREENER.screen(text).matches} == {"mention_spam"}
    assert not SCREENER.screen("<@1> <@2> thanks both!").matches
    ctx = MessageContext(text="hi all", mentions=9)
    assert {m.rule for m in SCREENER.screen("hi all", ctx).matches} == {"mention_spam"}


# ---- layered settings ------------------------------------------------------------------------------------
def test_settings_layers_inherit_and_override() -> None:
    shipped = SCREENER.by_name["link"].defaults
    server = RuleSettings(allow=("example.org",), bypass_roles=frozenset({5}))
    group = RuleSettings(enabled=False, allow=("charity.example",))
    resolved = group.over(server.over(shipped))
    assert resolved.enabled is False and resolved.bypass_roles == {5}
    assert {"example.org", "charity.example"} <= set(resolved.allow)
    assert resolved.ladder == shipped.ladder  # not overridden: inherited


def test_validations_scope_bypass_and_allow_list() -> None:
    text = "look at https://example.org/page"
    base = SCREENER.by_name["link"].defaults
    ctx = MessageContext(text=text, channel_id=10, role_ids=frozenset({5}), space="match")
    cases = {
        "disabled": RuleSettings(enabled=False),
        "not screened in match spaces": RuleSettings(spaces=frozenset({"group"})),
        "outside the rule's channels": RuleSettings(channels=frozenset({11})),
        "channel exempt": RuleSettings(exempt_channels=frozenset({10})),
        "author holds a bypass role": RuleSettings(bypass_roles=frozenset({5})),
    }
    for reason, layer in cases.items():
        screened = SCREENER.screen(text, ctx, {"link": layer.over(base)})
        assert not screened.matches and screened.skipped == {"link": reason}
    assert SCREENER.screen(text, ctx).matches
    assert not SCREENER.screen(text, ctx, {"link": RuleSettings(allow=("example.org",)).over(base)}).matches


def test_a_server_can_allow_its_own_helpline_number() -> None:
    text = "ring Jo on 0300 555 0199, she runs our peer mentoring"
    assert {m.rule for m in SCREENER.screen(text).matches} == {"contact_details"}
    allow = RuleSettings(allow=("0300 555 0199",)).over(SCREENER.by_name["contact_details"].defaults)
    assert not SCREENER.screen(text, settings={"contact_details": allow}).matches


def test_ladders_parse_and_repeat_their_last_step() -> None:
    ladder = parse_ladder("nudge; hide+warn; hide + warn + escalate")
    assert ladder == ((Action.NUDGE,), (Action.HIDE, Action.WARN), (Action.HIDE, Action.WARN, Action.ESCALATE))
    assert describe_ladder(ladder) == "nudge; hide+warn; hide+warn+escalate"
    settings = ResolvedSettings(ladder=ladder)
    assert settings.step(1) == (Action.NUDGE,) and settings.step(9) == ladder[-1]
    with pytest.raises(ValueError, match="not a list of actions"):
        parse_ladder("nudge; ban")
    with pytest.raises(ValueError):
        RuleSettings(allow=tuple(str(n) for n in range(101)))


# ---- distress is never actioned --------------------------------------------------------------------------
def test_no_distress_message_in_the_project_cases_is_actioned() -> None:
    rows = project_texts()
    distress = [(source, text) for source, tier, text in rows if tier != "none"]
    assert len(distress) > 3000
    acted = [(source, text) for n, (source, text) in enumerate(distress) if actioned(text, author=n)]
    assert acted == []


def test_ordinary_messages_in_the_project_cases_are_rarely_actioned() -> None:
    ordinary = [text for _, tier, text in project_texts() if tier == "none"]
    acted = [text for n, text in enumerate(ordinary) if actioned(text, author=n)]
    assert len(acted) / len(ordinary) < 0.01, acted


GATE_CASES = (
    "my dad called me a worthless idiot and I want to die", "I relapsed last night, I'm such an idiot",
    "I'm going to kill myself, fuck you all", "call me on 07700 900123 before I do something stupid to myself, I "
    "can't cope", "you're worthless", "no one cares about you",
    # distress in look-alike letters, beside an insult in plain ones
    "you idiot, I ᴡᴀɴᴛ ᴛᴏ ᴅɪᴇ", "you idiot, і wаnt to kіll mysеlf", "y\u200bou idiot, I w\u200bant to d\u200bie",
    # a lash-out at everyone and everything, no one singled out
    "fuck you all. fuck you too", "screw everyone, you're all useless", "fuck my life, you idiots",
)


def test_distress_beside_words_the_rules_read_is_left_to_the_referral_path() -> None:
    for text in GATE_CASES:
        assert GATE.why_not_act(text) is not None, text
        assert actioned(text) == set()


def test_the_distress_families_are_first_person() -> None:
    for abuse in ("I hope you relapse", "kill yourself", "you're worthless and pathetic", "go die", "fuck you, idiot",
                  "fuck you and your advice"):
        assert DISTRESS_FAMILIES.search(fold(abuse).words) is None, abuse


# Labelled per message: the tweet's own intention. The others are labelled per author (sdcnl: the subreddit posted
# in; cssrs_reddit: the user), so a row can be a post that holds no distress at all: a meme, a questionnaire.
MESSAGE_LABELLED = {"twitter_suicidal_intention"}


@cache
def shared_matched() -> tuple[tuple[str, str, Screened], ...]:
    """The shared sets' distress rows that some conduct rule matches (screened once for the tests below)."""
    screener = ConductScreener()
    rows = ((name, text, screener.screen(text, MessageContext(text=text, author_id=n)))
            for n, (name, text) in enumerate(shared_distress()))
    return tuple(row for row in rows if row[2])


def test_shared_distress_sets_are_never_actioned_for_what_they_say() -> None:
    if not shared_distress():
        pytest.skip("the shared sets in ../shared/data/risk are not present")
    matched = shared_matched()
    acted = [(name, text, screened) for name, text, screened in matched if GATE.why_not_act(text) is None]
    assert len(matched) - len(acted) > 100  # the gate is what stands between these rows and an action
    # Conduct may act on a row only for where it links to (the link rule reads no words), and only when nothing
    # in it reads as distress to the risk screener with every rule on. A row labelled per message: never.
    for name, text, screened in acted:
        assert name not in MESSAGE_LABELLED, text
        assert {m.rule for m in screened.matches} == {"link"}, text
        assert RiskScreener().screen_with_every_rule(text).tier is Tier.NONE, text


@pytest.fixture(scope="module")
def model_gate() -> DistressGate:
    setup = build_risk(model=True)
    if setup.model is None:
        pytest.skip(f"the learned risk stage is off here: {setup.why_not}")
    return DistressGate(setup.screener)


def test_with_the_learned_model_on_the_gate_still_holds(model_gate: DistressGate) -> None:
    """Settings.risk_model is on in production (tests/conftest turns it off): the gate must hold there too."""
    texts = [*GATE_CASES, *(text for _, tier, text in project_texts() if tier != "none" and SCREENER.screen(text)),
             *(text for _, text, _ in shared_matched())]
    for text in texts:
        if GATE.why_not_act(text) is not None:
            assert model_gate.why_not_act(text) is not None, text


def test_a_risk_stage_that_raises_the_tier_stops_conduct() -> None:
    """The gate reads the risk screener's final tier, so what a learned stage alone sees is honoured too."""
    text = "you are a useless idiot and I am tired of pretending"

    class Raises:
        def review(self, text: str, first: Screening) -> Screening:
            return Screening(Tier.CONCERN)

    assert actioned(text) == {"insult"}
    assert DistressGate(RiskScreener(Raises())).why_not_act(text) is not None


def test_peerbot_screen_reports_conduct_matches() -> None:
    import io
    import json

    from bot.domain.risk.cli import screen_stream

    sink = io.StringIO()
    screen_stream(io.StringIO("you're a useless 1diot\nI want to die, I'm such an idiot\nsee you thursday\n"), sink)
    insult, distress, ordinary = (json.loads(line) for line in sink.getvalue().splitlines())
    assert [m["rule"] for m in insult["conduct"]] == ["insult"]
    assert {e["text"] for e in insult["conduct"][0]["evidence"]} == {"useless", "1diot"}
    assert distress["tier"] == "urgent" and distress["conduct"] == []
    assert ordinary["conduct"] == []
