"""Matching in the core: profiles and bad input, scoring and its constraints, offers, safety, races, the match
timeline on a fake clock, restarts, batches and privacy. Real SQLite in tmp_path throughout."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from bot.domain.matching.batch import assign, greedy, total
from bot.domain.matching.explain import for_leaders, for_pair, reasons
from bot.domain.matching.pool import CandidatePool, PoolEntry
from bot.domain.matching.profile import AGE_BANDS as AGE_BANDS_FOR_TEST
from bot.domain.matching.profile import Profile, Role, Side, Strength
from bot.domain.matching.programme import Mode, ProgrammeSettings, parse_days, parse_weights
from bot.domain.matching.scoring import FORBIDDEN, Seeker, rank, score_matrix, score_row
from bot.domain.matching.taxonomy import Kind
from bot.domain.referral import ReferReason
from bot.domain.roles import PeerRole
from bot.domain.spaces import Space
from bot.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from bot.services import Services, open_services
from bot.settings import Settings
from tests.conftest import ADMIN, GUILD, LEADER, LEADER_ROLE, MODERATOR, PEER_ROLE, FakeClock, actor
from tests.matching_helpers import (
    SEEKER,
    SEEKER2,
    SEEKER3,
    SUP1,
    SUP2,
    SUP3,
    accept_first,
    ask,
    draft,
    intake,
    make_programme,
    match_row,
    open_space,
    pending_offers,
    seeker,
    supporter,
)
from tests.meeting_helpers import count, outbox

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
AUTO = {"mode": Mode.AUTO}


# ---- taxonomy, profiles, settings: bad input changes nothing -------------------------------------------
async def test_taxonomy_is_curated_by_leaders_and_own_words_are_allowed(services: Services) -> None:
    with pytest.raises(PermissionDenied):
        await services.matching.taxonomy.add(SEEKER, Kind.ISSUE, "feeding")
    programme = await make_programme(services)
    assert await services.matching.taxonomy.suggest(GUILD, Kind.ISSUE, "ret") == ["returning to work", "other: ret"]
    with pytest.raises(InvalidInput, match="Did you mean “rejection”"):
        await services.matching.profiles.save(SEEKER, programme, Side.SEEKER, draft(issues="rejectoin"))
    profile = await services.matching.profiles.save(
        SEEKER, programme, Side.SEEKER, draft(issues="Rejection, other:  grandparents raising kids"))
    assert profile.issues == ("rejection", "other: grandparents raising kids")
    shown = await services.matching.profiles.mine(SEEKER)
    assert shown[0][1] == "seeker" and "issues: rejection, other: grandparents raising kids" in shown[0][2].lines()


@pytest.mark.parametrize(("fields", "message"), [
    ({"languages": " , "}, "at least one language"),
    ({"languages": "English, 1234"}, "doesn't look like a language"),
    ({"role": "doctor"}, "isn't one of the roles"),
    ({"age_band": "40"}, "isn't one of the age bands"),
    ({"time_zone": "Mars/Olympus"}, "time zone"),
    ({"preferences": "culture=must"}, "give your own too"),
    ({"preferences": "height=must"}, "field=must"),
    ({"tags": ", ".join(f"other: t{i}" for i in range(11))}, "at most 10"),
    ({"condition": "x" * 300}, "200 or fewer"),
    ({"condition": "\u200b\u200b"}, "can't be empty"),
    ({"show": "password"}, "fields that can be shown"),
    ({"culture": "y" * 61}, "60 or fewer"),
])
async def test_bad_profiles_are_refused_kindly_and_save_nothing(services: Services, fields: dict[str, str],
                                                                message: str) -> None:
    programme = await make_programme(services)
    with pytest.raises(InvalidInput, match=message):
        await services.matching.profiles.save(SEEKER, programme, Side.SEEKER, draft(**fields))
    assert await count(services, "match_profiles") == 0


async def test_programme_settings_are_validated_with_a_sentence(services: Services) -> None:
    with pytest.raises(PermissionDenied):
        await services.matching.programmes.create(SEEKER, "New mothers")
    with pytest.raises(InvalidInput, match="checkin_days"):
        await services.matching.programmes.create(LEADER, "New mothers", {"checkin_days": [0]})
    with pytest.raises(InvalidInput, match="mode"):
        await services.matching.programmes.create(LEADER, "New mothers", {"mode": "sometimes"})
    programme = await services.matching.programmes.create(LEADER, "New mothers", {"duration_weeks": 12})
    with pytest.raises(Conflict):
        await services.matching.programmes.create(LEADER, "new MOTHERS")
    with pytest.raises(InvalidInput, match=r"weights\.nonsense"):
        await services.matching.programmes.configure(LEADER, programme, {"weights": {"nonsense": 1}})
    with pytest.raises(InvalidInput, match="name=number"):
        parse_weights("condition=lots")
    with pytest.raises(InvalidInput, match="whole numbers"):
        parse_days("7, fortnight")
    changed = await services.matching.programmes.configure(
        LEADER, programme, {"weights": parse_weights("issues=5"), "checkin_days": parse_days("14, 7, 7")})
    assert changed.settings.weights.issues == 5 and changed.settings.weights.condition == 3
    assert changed.settings.checkin_days == [7, 14] and changed.settings.duration_weeks == 12
    assert (await services.matching.programmes.resolve(GUILD, None)).settings == changed.settings


async def test_intake_fields_are_checked(services: Services) -> None:
    for changes, message in (({"challenges": "   "}, "can't be empty"), ({"why_now": "z" * 1001}, "1000 or fewer"),
                             ({"needed_by": "next tuesday"}, "YYYY-MM-DD"),
                             ({"needed_by": "2025-01-01"}, "between today")):
        with pytest.raises(InvalidInput, match=message):
            intake(**changes)
    programme = await make_programme(services, **AUTO)
    with pytest.raises(NotFound, match="/match profile"):
        await ask(services, programme)
    await seeker(services, programme)
    await ask(services, programme)
    with pytest.raises(Conflict, match="already have a request"):
        await ask(services, programme)
    assert await count(services, "match_requests") == 1


# ---- scoring -------------------------------------------------------------------------------------------
def prof(role: Role = Role.PATIENT, languages: tuple[str, ...] = ("English",), **fields: object) -> Profile:
    return Profile(role=role, languages=languages, **fields)  # type: ignore[arg-type]


def pool_of(*entries: tuple[int, Profile] | PoolEntry) -> CandidatePool:
    built = [e if isinstance(e, PoolEntry) else PoolEntry(e[0], e[1], 3) for e in entries]
    return CandidatePool(built, NOW)


def test_hard_constraints_remove_candidates() -> None:
    me = Seeker(1, prof(condition="Kidney transplant", gender="woman",
                        preferences={"gender": Strength.NICE}), Role.PATIENT, frozenset({6}))
    pool = pool_of(
        (1, prof(condition="Kidney transplant")),  # the seeker themselves
        (2, prof(languages=("Spanish",), condition="Kidney transplant")),  # no shared language
        PoolEntry(3, prof(condition="Kidney transplant"), 0),  # no room left
        PoolEntry(4, prof(condition="Kidney transplant"), 3, eligible=False),  # off duty or at risk
        (5, prof(condition="Kidney transplant", gender="man", preferences={"gender": Strength.MUST})),
        (6, prof(condition="Kidney transplant")),  # declined before
        (7, prof(languages=("spanish", "ENGLISH"), condition="kidney transplant")),
    )
    ranking = rank(me, pool, ProgrammeSettings(), k=5)
    assert [c.user_id for c in ranking.candidates] == [7] and ranking.considered == 1
    row, _ = score_row(me, pool, ProgrammeSettings())
    assert list(row[:6]) == [FORBIDDEN] * 6 and row[6] > 0


def test_musts_role_track_and_the_issues_fallback() -> None:
    picky = Seeker(1, prof(condition="Breast cancer", culture="Somali", preferences={"culture": Strength.MUST}),
                   Role.PATIENT)
    pool = pool_of((2, prof(condition="Breast cancer", culture="somali")), (3, prof(condition="Breast cancer")))
    assert [c.user_id for c in rank(picky, pool, ProgrammeSettings()).candidates] == [2]

    carer = Seeker(1, prof(condition="Breast cancer"), Role.CAREGIVER)
    mixed = pool_of((2, prof(condition="Breast cancer")), (3, prof(Role.CAREGIVER, condition="Breast cancer")))
    tracked = ProgrammeSettings(role_track=True)
    assert [c.user_id for c in rank(carer, mixed, tracked).candidates] == [3]
    assert [c.user_id for c in rank(carer, mixed, ProgrammeSettings()).candidates] == [3, 2]  # role still weighs

    rare = Seeker(1, prof(condition="Rare metabolic disorder", issues=("feeding", "school")), Role.CAREGIVER)
    others = pool_of((2, prof(condition="Down syndrome", issues=("feeding",))), (3, prof(condition="Down syndrome")))
    ranking = rank(rare, others, ProgrammeSettings())
    assert [c.user_id for c in ranking.candidates] == [2] and ranking.fallback
    assert rank(rare, others, ProgrammeSettings(issues_fallback=False)).candidates == []
    why = reasons(rare.profile, rare.role, others.entries[0].profile, fallback=True, now=NOW)
    assert why[0].text.startswith("nobody available shares this condition") and why[1].text == \
        "both talk about feeding"


def test_weights_decide_between_candidates_and_explanations_respect_what_each_shows() -> None:
    me = Seeker(1, prof(condition="Kidney transplant", tags=("living donor",), issues=("rejection",),
                        time_zone="Europe/London", age_band="35-44", show=("condition", "issues", "time_zone")),
                Role.PATIENT)
    pool = pool_of((2, prof(condition="Kidney transplant", tags=("living donor",), time_zone="Asia/Tokyo")),
                   (3, prof(condition="Kidney transplant", issues=("rejection",), time_zone="America/New_York",
                            age_band="35-44")))
    tags_first = ProgrammeSettings.model_validate({"weights": {"tags": 10, "issues": 1}})
    issues_first = ProgrammeSettings.model_validate({"weights": {"tags": 1, "issues": 10}})
    assert rank(me, pool, tags_first).candidates[0].user_id == 2
    best = rank(me, pool, issues_first).candidates[0]
    assert best.user_id == 3 and best.parts["issues"] == 1.0 and best.parts["timezone"] == pytest.approx(0.583, 0.01)
    stored = [r.as_pair() for r in reasons(me.profile, me.role, pool.entries[1].profile, fallback=False, now=NOW)]
    assert for_leaders(stored) == ("same condition (Kidney transplant); both talk about rejection; both patients; "
                                   "same age band; both speak English; 5 h apart")
    # The seeker kept their age band and role private, and the supporter shows the defaults.
    assert for_pair(stored, me.profile.show, pool.entries[1].profile.show) == \
        "same condition (Kidney transplant); both talk about rejection; 5 h apart"


def test_batch_assignment_is_optimal_and_beats_greedy() -> None:
    # Greedy takes the single best pair (0, 0) and strands request 1; the optimum pairs both.
    scores = np.array([[0.9, 0.8], [0.85, FORBIDDEN]])
    assert sorted(p[:2] for p in greedy(scores, np.array([1, 1]))) == [(0, 0)]
    best = assign(scores, np.array([1, 1]))
    assert sorted(p[:2] for p in best) == [(0, 1), (1, 0)] and total(best) == pytest.approx(1.65)
    # Capacity: one supporter with room for two takes both; nothing is assigned to a forbidden pair.
    assert sorted(p[:2] for p in assign(np.array([[0.5, FORBIDDEN], [0.4, FORBIDDEN]]), np.array([2, 5]))) == \
        [(0, 0), (1, 0)]
    assert assign(np.full((2, 2), FORBIDDEN), np.array([1, 1])) == []
    # An allowed pair that scores 0 is still better than leaving someone out.
    assert len(assign(np.array([[0.0], [FORBIDDEN]]), np.array([1]))) == 1


# ---- offers: automatic, declined, expired, nobody available ---------------------------------------------
async def test_auto_offers_move_on_after_a_decline_and_an_expiry(services: Services, clock: FakeClock) -> None:
    programme = await make_programme(services, **AUTO, offer_expiry_hours=24)
    await supporter(services, programme, SUP1, issues="rejection")
    await supporter(services, programme, SUP2)
    await seeker(services, programme, issues="rejection")
    request_id = await ask(services, programme)
    assert await pending_offers(services) == [(1, SUP1.user_id)]
    text = await services.matching.matchmaker.offer_text(1)
    assert text is not None and "<@" not in text and "scared of rejection" in text
    with pytest.raises(NotFound):
        await services.matching.matchmaker.accept(SUP2, 1)  # not their offer
    await services.matching.matchmaker.decline(SUP1, 1)
    assert await pending_offers(services) == [(2, SUP2.user_id)]
    clock.advance(hours=25)
    fired = await services.matching.timeline.run_due()
    assert [(f.kind, f.action) for f in fired if f.kind == "offer"] == [("offer", "expired")]
    assert await pending_offers(services) == []  # both were tried; they are not offered again
    row = await services.db.fetch_one("SELECT state, queued_at FROM match_requests WHERE id = ?", (request_id,))
    assert row is not None and row["state"] == "waiting" and row["queued_at"] == "2026-03-02T12:00:00+00:00"
    assert [o["key"] for o in await outbox(services, "leader_alert")] == ["alert:match:nobody:1:0"]
    # A new supporter is approved: the queue is tried again at once.
    await supporter(services, programme, SUP3)
    assert await pending_offers(services) == [(3, SUP3.user_id)]
    with pytest.raises(Conflict, match="declined"):
        await services.matching.matchmaker.accept(SUP1, 1)


async def test_nobody_available_retries_on_the_timeline(services: Services, clock: FakeClock) -> None:
    programme = await make_programme(services, **AUTO, retry_hours=6)
    await seeker(services, programme)
    await ask(services, programme)
    assert await services.matching.timeline.next_wake() == NOW + timedelta(hours=6)
    await services.matching.supporters.approve(LEADER, programme, SUP1.user_id, "Training", "2026-01-01")
    await services.matching.profiles.save(SUP1, programme, Side.SUPPORTER, draft(condition="Kidney transplant"))
    clock.advance(hours=6)
    fired = await services.matching.timeline.run_due()
    assert ("request", "offered") in [(f.kind, f.action) for f in fired]
    assert await pending_offers(services) == [(1, SUP1.user_id)]


async def test_coordinator_reviews_candidates_with_reasons_and_approves_one(services: Services) -> None:
    programme = await make_programme(services)
    await supporter(services, programme, SUP1, issues="rejection, sleep")
    await supporter(services, programme, SUP2, languages="French")
    await seeker(services, programme, issues="rejection")
    request_id = await ask(services, programme)
    assert await pending_offers(services) == []
    assert [o["key"] for o in await outbox(services, "leader_alert")] == ["alert:match:review:1:0:0"]
    with pytest.raises(PermissionDenied):
        await services.matching.matchmaker.review(SUP1, request_id)
    review = await services.matching.matchmaker.review(LEADER, request_id)
    assert [c.candidate.user_id for c in review.candidates] == [SUP1.user_id]
    assert review.candidates[0].why.startswith("same condition (Kidney transplant); both talk about rejection")
    with pytest.raises(Conflict, match="breaks a rule"):
        await services.matching.matchmaker.approve(LEADER, request_id, SUP2.user_id)
    with pytest.raises(Conflict, match="isn't an approved supporter"):
        await services.matching.matchmaker.approve(LEADER, request_id, SEEKER2.user_id)
    await services.matching.matchmaker.approve(LEADER, request_id, SUP1.user_id)
    assert await pending_offers(services) == [(1, SUP1.user_id)]
    await services.matching.matchmaker.decline(SUP1, 1)
    assert [o["key"] for o in await outbox(services, "leader_alert")][-1] == "alert:match:review:1:0:1"


# ---- safety constraints -----------------------------------------------------------------------------------
async def test_a_seeker_at_risk_goes_to_a_leader_first(services: Services) -> None:
    programme = await make_programme(services, **AUTO)
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    referral = await services.referrals.refer(actor(9, PEER_ROLE), SEEKER.user_id, ReferReason.CRISIS, None, None)
    submitted = await services.matching.intake.submit(SEEKER, programme, Role.PATIENT,
                                                      intake())
    assert submitted.outcome == "held" and "check in with you" in submitted.next_steps
    assert await pending_offers(services) == []
    alerts = await outbox(services, "leader_alert")
    assert "peer support is not crisis care" in alerts[0]["text"]
    with pytest.raises(Conflict, match="still has an open"):
        await services.matching.matchmaker.release(LEADER, submitted.request.id)
    for step in ("claim", "contacted", "resolve"):
        await services.referrals.act(LEADER, referral.id, step)
    assert await services.matching.matchmaker.release(LEADER, submitted.request.id) == "offered"


async def test_a_supporter_with_an_open_referral_gets_no_offers(services: Services) -> None:
    programme = await make_programme(services, **AUTO)
    await supporter(services, programme, SUP1)
    await supporter(services, programme, SUP2)
    await services.referrals.refer(actor(9, PEER_ROLE), SUP1.user_id, ReferReason.ABUSE, None, None)
    await seeker(services, programme)
    await ask(services, programme)
    assert await pending_offers(services) == [(1, SUP2.user_id)]
    await services.referrals.refer(actor(9, PEER_ROLE), SUP2.user_id, ReferReason.MEDICAL, None, None)
    with pytest.raises(Conflict, match="moved on"):
        await services.matching.matchmaker.accept(SUP2, 1)
    assert await count(services, "matches") == 0


# ---- races and faults ---------------------------------------------------------------------------------------
async def test_two_supporters_accepting_at_once_make_exactly_one_match(services: Services) -> None:
    programme = await make_programme(services, **AUTO, parallel_offers=2)
    await supporter(services, programme, SUP1)
    await supporter(services, programme, SUP2)
    await seeker(services, programme)
    await ask(services, programme)
    offers = await pending_offers(services)
    assert len(offers) == 2
    results = await asyncio.gather(*(services.matching.matchmaker.accept(actor(uid), oid) for oid, uid in offers),
                                   return_exceptions=True)
    assert sorted(type(r).__name__ for r in results) == ["Conflict", "int"]
    assert "Another supporter accepted" in str(next(r for r in results if isinstance(r, Conflict)))
    assert await count(services, "matches") == 1
    assert await count(services, "match_offers", "state = 'accepted'") == 1
    assert await count(services, "match_offers", "state = 'withdrawn'") == 1
    assert await count(services, "outbox", "kind = 'match_space_open'") == 1


async def test_a_stale_offer_at_capacity_is_refused_and_moves_on(services: Services) -> None:
    programme = await make_programme(services, **AUTO)
    await supporter(services, programme, SUP1, cap=2)
    for who in (SEEKER, SEEKER2):
        await seeker(services, programme, who=who)
        await ask(services, programme, who=who)
    assert await pending_offers(services) == [(1, SUP1.user_id), (2, SUP1.user_id)]
    await seeker(services, programme, who=SEEKER3)
    await ask(services, programme, who=SEEKER3)
    assert await pending_offers(services, 3) == []  # pending offers hold places: no third offer at a cap of 2
    await services.matching.matchmaker.accept(SUP1, 1)
    await services.matching.supporters.set_cap(SUP1, programme, 1)  # then the supporter lowers their cap
    with pytest.raises(Conflict, match="caseload cap"):
        await services.matching.matchmaker.accept(SUP1, 2)
    assert await count(services, "matches") == 1
    assert await services.db.fetch_value("SELECT withdrawn_reason FROM match_offers WHERE id = 2") == "at_capacity"
    await supporter(services, programme, SUP2, cap=1)
    assert [uid for _, uid in await pending_offers(services)] == [SUP2.user_id]  # the queue moves on, in order
    assert await services.db.fetch_value("SELECT request_id FROM match_offers WHERE state = 'pending'") == 2


async def test_going_off_duty_mid_offer_moves_the_offer_on_and_tells_matches(services: Services) -> None:
    programme = await make_programme(services, **AUTO)
    await supporter(services, programme, SUP1)
    await supporter(services, programme, SUP2, issues="sleep")
    await seeker(services, programme, who=SEEKER2, issues="sleep")
    await ask(services, programme, who=SEEKER2)  # offered to SUP2 (shares an issue)
    match_id = await accept_first(services)
    await seeker(services, programme)
    await ask(services, programme)
    assert await pending_offers(services) == [(2, SUP1.user_id)]
    with pytest.raises(PermissionDenied):
        await services.matching.supporters.set_duty(SEEKER, False)
    await services.matching.supporters.set_duty(SUP1, False)
    assert await pending_offers(services) == [(3, SUP2.user_id)]
    with pytest.raises(Conflict, match="went off duty"):
        await services.matching.matchmaker.accept(SUP1, 2)
    await services.matching.supporters.set_duty(SUP2, False)
    told = [o for o in await outbox(services, "match_dm") if o["user_id"] == SEEKER2.user_id and "break" in o["text"]]
    assert told and told[0]["buttons"] == [{"kind": "rematch", "match": match_id, "reason": "supporter_off_duty"}]
    load = await services.matching.supporters.load(MODERATOR, programme)
    assert [(x.user_id, x.on_duty, x.live) for x in load] == [(SUP2.user_id, False, 1), (SUP1.user_id, False, 0)]
    await services.matching.lifecycle.rematch(SEEKER2, match_id, "supporter_off_duty")
    assert (await match_row(services, match_id))["end_reason"] == "supporter_off_duty"


async def test_a_seeker_who_leaves_the_server_closes_everything_kindly(services: Services) -> None:
    programme = await make_programme(services, **AUTO)
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    await ask(services, programme)
    match_id = await accept_first(services)
    await open_space(services, match_id)
    assert await services.matching.lifecycle.member_left(GUILD, SEEKER.user_id) >= 1
    row = await match_row(services, match_id)
    assert (row["state"], row["end_reason"]) == ("ended", "seeker_left")
    assert await services.db.fetch_value("SELECT challenges FROM match_requests") is None
    texts = [o["text"] for o in await outbox(services, "match_dm") if o["user_id"] == SUP1.user_id]
    assert any("has left the server" in t for t in texts)
    assert await count(services, "outbox", "kind = 'match_space_archive'") == 1
    assert await services.spaces.space_of(7000 + match_id) is None


async def test_a_match_space_deleted_by_hand_is_noticed_and_can_be_reopened(services: Services) -> None:
    programme = await make_programme(services, **AUTO)
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    await ask(services, programme)
    match_id = await accept_first(services)
    space_id = await open_space(services, match_id)
    assert await services.spaces.space_of(space_id) == Space("match")  # screening covers it
    assert await services.spaces.space_of(123) is None
    assert await services.matching.spaces.missing(space_id) == match_id
    assert await services.matching.spaces.missing(space_id) is None  # a second delete event changes nothing
    row = await match_row(services, match_id)
    assert (row["state"], row["space_state"]) == ("active", "missing")
    assert any("was deleted" in o["text"] for o in await outbox(services, "leader_alert"))
    with pytest.raises(PermissionDenied):
        await services.matching.spaces.reopen(SUP1, match_id)
    await services.matching.spaces.reopen(LEADER, match_id)
    assert await services.matching.spaces.spec(match_id, 1) is None  # the old request for a space is stale
    spec = await services.matching.spaces.spec(match_id, 2)
    assert spec is not None and spec.seeker_id == SEEKER.user_id and spec.staff_role_ids == {1, 2, 3}
    assert await services.matching.spaces.record(match_id, 2, 9100)
    assert await services.spaces.space_of(9100) is not None


# ---- the life of a match -----------------------------------------------------------------------------------
async def matched(services: Services, **settings: object) -> tuple[int, int]:
    programme = await make_programme(services, **AUTO, **settings)
    await supporter(services, programme, SUP1)
    await supporter(services, programme, SUP2)
    await seeker(services, programme)
    await ask(services, programme)
    match_id = await accept_first(services)
    return match_id, await open_space(services, match_id)


async def test_first_contact_reminder_then_coordinator_alert(services: Services, clock: FakeClock) -> None:
    match_id, space = await matched(services)
    assert await services.matching.lifecycle.note_post(space, SEEKER.user_id)  # the seeker's post is contact
    assert (await match_row(services, match_id))["first_contact_at"] is None  # but not the supporter's first
    clock.advance(hours=48)
    assert [f.action for f in await services.matching.timeline.run_due()] == ["first_contact_reminder"]
    assert [f.action for f in await services.matching.timeline.run_due()] == []  # nothing twice
    clock.advance(hours=24)
    assert [f.action for f in await services.matching.timeline.run_due()] == ["first_contact_alert"]
    assert any("no first contact 72 hours" in o["text"] for o in await outbox(services, "leader_alert"))
    await services.matching.lifecycle.spoken(SUP1, match_id)
    row = await match_row(services, match_id)
    assert row["first_contact_on_time"] == 0 and row["first_contact_at"] is not None


async def test_contacts_are_counted_from_posts_with_a_gap_and_from_we_have_spoken(services: Services,
                                                                                 clock: FakeClock) -> None:
    match_id, space = await matched(services)
    clock.advance(hours=3)
    assert await services.matching.lifecycle.note_post(space, SUP1.user_id)
    assert (await match_row(services, match_id))["first_contact_on_time"] == 1
    clock.advance(hours=1)
    await services.matching.lifecycle.note_post(space, SEEKER.user_id)  # the same conversation
    assert not await services.matching.lifecycle.note_post(space, LEADER.user_id)  # staff posts don't count
    assert not await services.matching.lifecycle.note_post(4242, SUP1.user_id)
    clock.advance(hours=20)
    await services.matching.lifecycle.note_post(space, SEEKER.user_id)
    await services.matching.lifecycle.spoken(SEEKER, match_id)
    with pytest.raises(NotFound):
        await services.matching.lifecycle.spoken(SUP2, match_id)
    kinds = [r["kind"] for r in await services.db.fetch_all("SELECT kind FROM match_contacts ORDER BY id")]
    assert kinds == ["post", "post", "spoken"]
    programme = await services.matching.programmes.resolve(GUILD, None)
    summary = (await services.matching.lifecycle.overview(LEADER, programme))[0]
    assert (summary.contacts_in_window, summary.expected, summary.first_contact) == (3, 4, "on time")


async def test_checkins_reminder_stall_and_rematch_in_place(services: Services, clock: FakeClock) -> None:
    match_id, _ = await matched(services, checkin_days=[7, 14], supporter_reminder_days=[21],
                                stalled_after_days=10)
    await services.matching.lifecycle.spoken(SUP1, match_id)
    clock.advance(days=7)
    assert [f.action for f in await services.matching.timeline.run_due()] == ["checkin"]
    checkins = [o for o in await outbox(services, "match_dm") if o["buttons"]]
    assert {o["user_id"] for o in checkins} == {SEEKER.user_id, SUP1.user_id}
    assert checkins[0]["buttons"] == [{"kind": "checkin", "match": match_id, "round": 1}]
    assert await services.matching.lifecycle.answer_checkin(SUP1, match_id, 1, happened=True, good_fit=True) == \
        "thanks"
    with pytest.raises(Conflict, match="already answered"):
        await services.matching.lifecycle.answer_checkin(SUP1, match_id, 1, happened=True, good_fit=True)
    assert await services.matching.lifecycle.answer_checkin(SEEKER, match_id, 1, happened=True,
                                                            good_fit=False) == "rematch"
    clock.advance(days=3)  # ten days without contact
    actions = [f.action for f in await services.matching.timeline.run_due()]
    assert actions == ["stalled"]
    stalled = [o for o in await outbox(services, "match_dm") if o["key"].startswith("mdm:stalled")]
    assert stalled[0]["buttons"] == [{"kind": "rematch", "match": match_id, "reason": "stalled"}]
    clock.advance(days=4)
    assert [f.action for f in await services.matching.timeline.run_due()] == ["checkin"]
    clock.advance(days=7)
    assert [f.action for f in await services.matching.timeline.run_due()] == ["supporter_reminder"]
    with pytest.raises(Conflict, match="Only the member being supported"):
        await services.matching.lifecycle.rematch(SUP1, match_id, "stalled")
    await services.matching.lifecycle.rematch(SEEKER, match_id, "stalled")
    request = await services.db.fetch_one("SELECT * FROM match_requests")
    assert request is not None and request["state"] == "offered" and request["rematches"] == 1
    assert request["queued_at"] == "2026-03-02T12:00:00+00:00"  # the seeker keeps their place
    assert await pending_offers(services) == [(2, SUP2.user_id)]  # never the same supporter again
    events = await services.db.fetch_all("SELECT kind, reason FROM match_events WHERE kind IN ('rematch','stalled')")
    assert [(e["kind"], e["reason"]) for e in events] == [("stalled", "no_contact"), ("rematch", "stalled")]
    assert any("matched with someone new" in o["text"] for o in await outbox(services, "match_dm")
               if o["user_id"] == SUP1.user_id)


async def test_time_limited_match_ends_with_closing_ratings_and_archive(services: Services,
                                                                        clock: FakeClock) -> None:
    match_id, space = await matched(services, duration_weeks=2, checkin_days=[21], stalled_after_days=60)
    await services.matching.lifecycle.spoken(SUP1, match_id)
    with pytest.raises(Conflict, match="when a match ends"):
        await services.matching.lifecycle.rate(SEEKER, match_id, 5, None)
    clock.advance(weeks=2)
    assert [f.action for f in await services.matching.timeline.run_due()] == ["end"]
    row = await match_row(services, match_id)
    assert (row["state"], row["end_reason"], row["next_action_at"]) == ("ended", "completed", None)
    assert any("planned end" in o["text"] for o in await outbox(services, "match_post"))
    assert await count(services, "outbox", "kind = 'match_space_archive'") == 1
    rating_prompts = [o for o in await outbox(services, "match_dm") if o["buttons"] == [{"kind": "rating",
                                                                                           "match": match_id}]]
    assert len(rating_prompts) == 2
    await services.matching.lifecycle.rate(SEEKER, match_id, 5, "She understood.")
    await services.matching.lifecycle.rate(SUP1, match_id, 4, None)
    with pytest.raises(Conflict, match="already rated"):
        await services.matching.lifecycle.rate(SEEKER, match_id, 1, None)
    with pytest.raises(InvalidInput):
        await services.matching.lifecycle.rate(SEEKER, match_id, 6, None)
    assert await services.spaces.space_of(space) is None
    request = await services.db.fetch_one("SELECT state, closed_reason, challenges FROM match_requests")
    assert request is not None and tuple(request) == ("closed", "completed", None)
    programme = await services.matching.programmes.resolve(GUILD, None)
    report = await services.matching.lifecycle.outcomes(LEADER, programme)
    assert report["matches"] == 1 and report["ratings"] == {"seeker": {"count": 1, "mean": 5.0},
                                                            "supporter": {"count": 1, "mean": 4.0}}


async def test_either_side_can_end_early_and_the_other_is_told_kindly(services: Services) -> None:
    match_id, _ = await matched(services)
    with pytest.raises(PermissionDenied):
        await services.matching.lifecycle.end(SEEKER2, match_id)
    await services.matching.lifecycle.end(SUP1, match_id)
    seeker_texts = [o["text"] for o in await outbox(services, "match_dm") if o["user_id"] == SEEKER.user_id]
    assert any("isn't anything you did" in t for t in seeker_texts)
    assert await pending_offers(services) == [(2, SUP2.user_id)]  # back in the queue, in place
    second = await accept_first(services)
    await services.matching.lifecycle.end(SEEKER, second)
    texts = [o["text"] for o in await outbox(services, "match_dm") if o["user_id"] == SUP2.user_id]
    assert any("didn't need to give a reason" in t for t in texts)
    with pytest.raises(Conflict, match="already ended"):
        await services.matching.lifecycle.end(SEEKER, second)
    assert await services.db.fetch_value("SELECT state FROM match_requests") == "closed"


async def test_every_step_survives_a_restart(settings: Settings, clock: FakeClock) -> None:
    first = await open_services(settings, clock)
    await first.roles.repo.replace(GUILD, PeerRole.LEADER, {LEADER_ROLE})
    await matched(first, checkin_days=[7])
    clock.advance(hours=47)
    await first.matching.timeline.run_due()
    await first.db.close()
    clock.advance(days=10)  # down over the first-contact deadline and the check-in
    second = await open_services(settings, clock)
    assert await second.matching.timeline.rebuild() == NOW + timedelta(hours=48)
    actions = [f.action for f in await second.matching.timeline.run_due()]
    assert actions == ["first_contact_reminder", "first_contact_alert", "checkin"]
    assert [f.action for f in await second.matching.timeline.run_due()] == []
    await second.matching.timeline.rebuild()
    assert [f.action for f in await second.matching.timeline.run_due()] == []
    assert await count(second, "outbox", "dedupe_key LIKE 'mdm:checkin:%'") == 2
    await second.db.close()


async def test_supporters_over_their_cap_for_weeks_get_a_gentle_check_in(services: Services,
                                                                          clock: FakeClock) -> None:
    programme = await make_programme(services, **AUTO, over_cap_checkin_days=14)
    await supporter(services, programme, SUP1, cap=2)
    for who in (SEEKER, SEEKER2):
        await seeker(services, programme, who=who)
        await ask(services, programme, who=who)
        await accept_first(services)
    await services.matching.supporters.set_cap(SUP1, programme, 1)
    with pytest.raises(PermissionDenied):
        await services.matching.supporters.set_cap(SUP1, programme, 5, user_id=SUP2.user_id)
    clock.advance(days=14)
    fired = await services.matching.timeline.run_due()
    assert ("supporter", "over_cap_checkin") in [(f.kind, f.action) for f in fired]
    assert any("gentle check-in" in o["text"] for o in await outbox(services, "match_dm"))
    assert await services.matching.timeline.run_due() == []


# ---- batches --------------------------------------------------------------------------------------------------
async def test_batch_preview_then_publish_checks_every_pair_again(services: Services) -> None:
    programme = await make_programme(services, mode=Mode.BATCH)
    await supporter(services, programme, SUP1, cap=1, issues="rejection, sleep")
    await supporter(services, programme, SUP2, cap=1, languages="English, French")
    for who, fields in ((SEEKER, {"issues": "rejection, sleep"}), (SEEKER2, {"languages": "French"}),
                        (SEEKER3, {})):
        await seeker(services, programme, who=who, **fields)
        assert (await services.matching.intake.submit(
            who, programme, Role.PATIENT, intake())
        ).outcome == "batch"
    with pytest.raises(PermissionDenied):
        await services.matching.batches.preview(SUP1, programme)
    preview = await services.matching.batches.preview(LEADER, programme)
    assert sorted(p[:2] for p in preview.pairs) == [(1, SUP1.user_id), (2, SUP2.user_id)]
    assert preview.total >= preview.greedy_total and preview.waiting == 3
    await services.matching.intake.withdraw(SEEKER2, programme)  # the preview is now stale for request 2
    sent, skipped = await services.matching.batches.publish(LEADER, preview.id)
    assert sent == 1 and skipped == ["request #2: no longer waiting"]
    assert await pending_offers(services) == [(1, SUP1.user_id)]
    with pytest.raises(Conflict, match="already published"):
        await services.matching.batches.publish(LEADER, preview.id)


# ---- privacy --------------------------------------------------------------------------------------------------
async def test_export_shows_what_was_given_and_delete_leaves_nothing_that_names_the_member(
        services: Services) -> None:
    match_id, _ = await matched(services, checkin_days=[1])
    export = await services.privacy.export(SEEKER, SEEKER.user_id)
    data = export["matching"]
    assert data["profiles"][0]["data"]["condition"] == "Kidney transplant"
    assert data["requests"][0]["challenges"].startswith("My son")
    assert data["matches"][0]["side"] == "seeker" and "supporter_id" not in data["matches"][0]
    supporter_export = (await services.privacy.export(SUP1, SUP1.user_id))["matching"]
    assert supporter_export["supporter"][0]["training"] == "Peer mentor training"
    await services.privacy.delete(SEEKER, SEEKER.user_id)
    row = await match_row(services, match_id)
    assert (row["state"], row["end_reason"], row["seeker_id"], row["reasons"]) == ("ended", "erased", None, "[]")
    for table, column in (("match_profiles", "user_id"), ("match_requests", "seeker_id"),
                          ("match_exclusions", "seeker_id"), ("matches", "seeker_id")):
        assert await count(services, table, f"{column} = {SEEKER.user_id}") == 0
    assert await services.db.fetch_value("SELECT challenges FROM match_requests") is None
    supporter_texts = [o["text"] for o in await outbox(services, "match_dm") if o["user_id"] == SUP1.user_id]
    assert any("has left the programme" in t for t in supporter_texts)
    await services.privacy.delete(ADMIN, SUP1.user_id)
    for table, column in (("match_supporters", "user_id"), ("match_offers", "supporter_id"),
                          ("matches", "supporter_id")):
        assert await count(services, table, f"{column} = {SUP1.user_id}") == 0
    assert json.loads(await services.db.fetch_value("SELECT reasons FROM match_offers WHERE id = 1")) == []


def test_online_ranking_and_the_batch_matrix_agree_on_random_pools() -> None:
    """rank() scores only the plausible rows of one seeker; score_matrix() scores every pair of many. Both must
    allow exactly the same supporters, with the same scores and the same fallback."""
    import random

    rnd = random.Random(3)
    conditions = ["Kidney transplant", "Breast cancer", "Down syndrome", "Rare metabolic disorder"]

    def random_profile(rare: float = 0.0) -> Profile:
        culture = rnd.choice([None, "Somali", "Punjabi"])
        preferences = {"culture": rnd.choice([Strength.MUST, Strength.NICE])} if culture and rnd.random() < 0.4 \
            else {}
        return prof(rnd.choice(list(Role)), tuple(rnd.sample(["English", "Spanish", "Polish"], rnd.randint(1, 2))),
                    condition=conditions[3] if rnd.random() < rare else rnd.choice([*conditions[:3], None]),
                    tags=tuple(rnd.sample(["living donor", "stage 2", "survivor"], rnd.randint(0, 2))),
                    issues=tuple(rnd.sample(["rejection", "feeding", "sleep", "school"], rnd.randint(0, 3))),
                    age_band=rnd.choice([None, *AGE_BANDS_FOR_TEST]), culture=culture, preferences=preferences,
                    time_zone=rnd.choice([None, "Europe/London", "Asia/Tokyo"]),
                    availability=tuple(rnd.sample(["weekday evenings", "weekend mornings"], rnd.randint(0, 2))))

    pool = CandidatePool([PoolEntry(100 + i, random_profile(), rnd.randint(0, 2), rnd.random() > 0.1)
                          for i in range(300)], NOW)
    seekers = [Seeker(1 + i, random_profile(rare=0.2), rnd.choice(list(Role)),
                      frozenset(rnd.sample(range(100, 400), 20))) for i in range(40)]
    seen = fell_back = 0
    for settings in (ProgrammeSettings(), ProgrammeSettings(issues_fallback=False, role_track=True)):
        matrix, fallbacks = score_matrix(seekers, pool, settings)
        for row, one in enumerate(seekers):
            ranking = rank(one, pool, settings, k=len(pool))
            online = {c.user_id: c.score for c in ranking.candidates}
            batch = {int(pool.user_ids[i]): round(float(matrix[row, i]), 4) for i in np.flatnonzero(
                (matrix[row] > FORBIDDEN) & (pool.capacity > 0))}
            assert online == batch and ranking.fallback == bool(fallbacks[row])
            seen += len(online)
            fell_back += ranking.fallback and bool(online)
    assert seen > 500 and fell_back > 0  # the comparison is not vacuous


async def test_screening_reads_the_match_space(services: Services) -> None:
    from bot.domain.screening import Incoming

    async def no_context() -> list[dict[str, object]]:
        return []

    match_id, space = await matched(services)
    services.screening.start()
    await services.screening.submit(Incoming(GUILD, space, 10, SEEKER.user_id, "url", "honestly I just want to die",
                                             no_context))
    await services.screening.drain()
    await services.screening.stop()
    row = await services.db.fetch_one("SELECT subject_id, channel_id, tier FROM referrals")
    assert row is not None and tuple(row) == (SEEKER.user_id, space, "urgent")
    assert (await match_row(services, match_id))["state"] == "active"  # the match goes on; a leader now knows


def test_ties_go_to_the_supporter_with_more_room_then_the_longest_approved() -> None:
    me = Seeker(1, prof(condition="Kidney transplant"), Role.PATIENT)
    same = prof(condition="Kidney transplant")
    pool = pool_of(*(PoolEntry(100 + i, same, room) for i, room in enumerate((1, 2, 3, 2, 3, 1, 1))))
    assert [c.user_id for c in rank(me, pool, ProgrammeSettings(), k=1).candidates] == [102]
    assert [c.user_id for c in rank(me, pool, ProgrammeSettings(), k=3).candidates] == [102, 104, 101]
