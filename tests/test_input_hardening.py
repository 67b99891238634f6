"""Hardening against hostile or odd input: concurrent flags, impossible dates and rules, odd Unicode, huge ids,
evidence that grows without bound. Each case gets a kind sentence and changes nothing."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest

from bot.domain.group import Audience, GroupDraft
from bot.domain.meetings.recurrence import RecurrenceSpec, Repeat
from bot.domain.referral import MAX_EVIDENCE, ReferReason, compact_evidence
from bot.domain.risk import RiskScreener
from bot.domain.text import clean_text
from bot.errors import Conflict, InvalidInput, NotFound, RateLimited
from bot.services import Services
from tests.conftest import ADMIN, GUILD, LEADER, PEER_ROLE, FakeProvisioner, actor
from tests.db_helpers import row_counts
from tests.meeting_helpers import FAC, GROUP, certify, make_group, weekly_draft

SCREEN = RiskScreener()


async def test_simultaneous_flags_cannot_pass_the_hourly_limit(services: Services) -> None:
    flagger = actor(8)
    limit = services.settings.flags_per_hour

    async def flag(n: int) -> object:
        return await services.referrals.flag(flagger, 7, 50, 3000 + n, "url", "you are all idiots", None,
                                             SCREEN.screen("you are all idiots"))

    results = await asyncio.gather(*(flag(n) for n in range(12)), return_exceptions=True)
    refused = [r for r in results if isinstance(r, RateLimited)]
    assert len(results) - len(refused) == limit and len(refused) == 12 - limit
    assert await services.db.fetch_value(
        "SELECT COUNT(*) FROM referrals WHERE guild_id = ? AND flagger_id = 8", (GUILD,)) == limit


# ---- defect 10: each of these used to end in the generic apology; now a sentence, and nothing saved ----------
@pytest.fixture
async def scheduling(services: Services) -> Services:
    await make_group(services)
    await certify(services, FAC.user_id)
    return services


@pytest.mark.parametrize(("changes", "sentence"), [
    ({"day": "9999-12-31"}, "too far ahead"),
    ({"day": "9999-12-31", "recurrence": RecurrenceSpec()}, "too far ahead"),
    ({"recurrence": RecurrenceSpec(Repeat.RRULE, rule="FREQ=WEEKLY;INTERVAL=-1")}, "INTERVAL"),
    ({"recurrence": RecurrenceSpec(Repeat.RRULE, rule="FREQ=WEEKLY;INTERVAL=0")}, "INTERVAL"),
    ({"recurrence": RecurrenceSpec(Repeat.RRULE, rule="FREQ=WEEKLY;COUNT=99999999")}, "between 1 and 520"),
    ({"recurrence": RecurrenceSpec(Repeat.RRULE, rule="FREQ=DAILY;COUNT=0")}, "between 1 and 520"),
])
async def test_impossible_schedules_get_a_sentence_and_save_nothing(
    scheduling: Services, changes: dict[str, Any], sentence: str
) -> None:
    before = await row_counts(scheduling.db)
    with pytest.raises(InvalidInput, match=sentence):
        await scheduling.meetings.schedule(FAC, GROUP, weekly_draft(**changes))
    assert await row_counts(scheduling.db) == before


async def test_moving_a_meeting_to_9999_gets_a_sentence(scheduling: Services) -> None:
    _, upcoming = await scheduling.meetings.schedule(FAC, GROUP, weekly_draft())
    before = await row_counts(scheduling.db)
    with pytest.raises(InvalidInput, match="too far ahead"):
        await scheduling.meetings.move(FAC, upcoming[0].id, "9999-12-31", "19:00")
    assert await row_counts(scheduling.db) == before


async def test_a_lone_surrogate_in_a_group_name_is_handled(services: Services) -> None:
    created = await services.groups.create(ADMIN, GroupDraft(name="Carers\ud800 circle", condition="Caring",
                                                             audience=Audience.CAREGIVERS, description="d"),
                                           FakeProvisioner())
    assert created.name == "Carers circle"
    found = await services.groups.get(GUILD, "carers\ud800 circle")  # the same name, as typed again
    assert found.id == created.id
    with pytest.raises(NotFound) as refused:
        await services.groups.get(GUILD, "No such\udfff group")
    refused.value.message.encode("utf-8")  # the reply can be sent


@pytest.mark.parametrize("huge", [2**63, 2**64, -(2**63) - 1])
async def test_ids_beyond_64_bits_get_a_sentence(scheduling: Services, huge: int) -> None:
    before = await row_counts(scheduling.db)
    with pytest.raises(InvalidInput, match="too large"):
        await scheduling.referrals.act(LEADER, huge, "claim")
    with pytest.raises(InvalidInput, match="too large"):
        await scheduling.meetings.cancel(FAC, huge)
    with pytest.raises(InvalidInput, match="too large"):
        await scheduling.referrals.refer(actor(6, PEER_ROLE), huge, ReferReason.CRISIS, None, 50)
    assert await row_counts(scheduling.db) == before


async def test_a_flagged_message_with_a_lone_surrogate_is_still_stored(services: Services) -> None:
    text = "i want to die \ud83d tonight"
    referral = await services.referrals.flag(actor(8), 7, 50, 4000, "url", text, None, SCREEN.screen(text))
    assert referral.content == "i want to die \ufffd tonight"


# ---- zero-width joiners: kept in what people see, ignored when comparing ----------------------------------------
async def test_joiners_stay_in_names_and_are_ignored_for_matching(services: Services) -> None:
    flag = "Pride 🏳️\u200d🌈 group"
    persian = "گروه می\u200cخواهم"  # the ZWNJ shapes the word
    made = await services.groups.create(ADMIN, GroupDraft(name=flag, condition="x", audience=Audience.BOTH,
                                                          description="d"), FakeProvisioner())
    assert made.name == flag
    assert (await services.groups.create(ADMIN, GroupDraft(name=persian, condition="x", audience=Audience.BOTH,
                                                           description="d"), FakeProvisioner())).name == persian
    assert (await services.groups.get(GUILD, "pride 🏳️🌈 group")).id == made.id
    with pytest.raises(Conflict):  # a joiner slipped in does not make a new name
        await services.groups.create(ADMIN, GroupDraft(name="Pri\u200dde 🏳️\u200d🌈 group", condition="x",
                                                       audience=Audience.BOTH, description="d"), FakeProvisioner())
    assert clean_text("a\u200bb\u202ec", field="name", max_len=10) == "abc"  # other invisibles still go
    with pytest.raises(InvalidInput, match="empty"):
        clean_text("\u200d\u200c", field="name", max_len=10)


# ---- evidence: capped, overlapping spans merged ---------------------------------------------------------------
def test_overlapping_evidence_is_merged_and_capped() -> None:
    evidence = [{"start": 3, "end": 13, "text": "gna end it", "reason": "suicidal ideation"},
                {"start": 3, "end": 13, "text": "gna end it", "reason": "plan or intent"},
                {"start": 10, "end": 19, "text": "it 2nite", "reason": "timeframe"},
                {"start": 30, "end": 35, "text": "x", "reason": "a"}]
    text = "im gna end it 2nite" + " " * 11 + "die!!"
    assert compact_evidence(evidence, text) == [
        {"start": 3, "end": 19, "text": "gna end it 2nite", "reason": "suicidal ideation; plan or intent; timeframe"},
        {"start": 30, "end": 35, "text": "die!!", "reason": "a"}]


async def test_a_message_dense_with_matches_stores_bounded_evidence(services: Services) -> None:
    text = " ".join(["im gna end it 2nite, i want 2 die, ur all better off w/o me"] * 60)[:4000]
    screening = SCREEN.screen(text)
    assert len(screening.evidence) > 100
    referral = await services.referrals.flag(actor(8), 7, 50, 5000, "url", text, None, screening)
    assert len(referral.evidence) == MAX_EVIDENCE
    stored = await services.db.fetch_value("SELECT evidence FROM referrals WHERE id = ?", (referral.id,))
    assert len(stored) < 4000
    spans = [(e["start"], e["end"]) for e in referral.evidence]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert all(text[e["start"]:e["end"]] == e["text"] for e in referral.evidence)


# ---- found by the fuzz suite ---------------------------------------------------------------------------------
async def test_setup_referrals_without_a_country_keeps_the_country(services: Services) -> None:
    """The command passes country=None when the option is left empty; that raised a TypeError."""
    await services.referrals.configure(ADMIN, country="gb")
    config = await services.referrals.configure(ADMIN, country=None, screening_enabled=False)
    assert (config.country, config.screening_enabled) == ("GB", False)
    with pytest.raises(InvalidInput, match="two-letter"):
        await services.referrals.configure(ADMIN, country="ßx")


def test_a_refusal_quoting_a_lone_surrogate_can_be_sent() -> None:
    with pytest.raises(InvalidInput) as refused:
        from bot.domain.meetings.recurrence import zone
        zone("Europe/\ud800")
    assert "\ufffd" in refused.value.message
    refused.value.message.encode("utf-8")
