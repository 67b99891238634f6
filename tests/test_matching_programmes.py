"""The four programme shapes, each configured and run end to end on a fake clock."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.matching.profile import Role
from bot.domain.matching.programme import Mode
from bot.services import Services
from tests.conftest import LEADER, FakeClock, actor
from tests.matching_helpers import (
    SEEKER,
    SEEKER2,
    SEEKER3,
    SUP1,
    SUP2,
    SUP3,
    SUP4,
    accept_first,
    ask,
    make_programme,
    match_row,
    open_space,
    pending_offers,
    seeker,
    supporter,
)
from tests.meeting_helpers import count, outbox


async def actions(services: Services, clock: FakeClock, **delta: float) -> list[str]:
    clock.advance(**delta)
    return [f.action for f in await services.matching.timeline.run_due()]


async def test_new_mothers_twelve_weeks_matched_before_discharge(services: Services, clock: FakeClock) -> None:
    programme = await make_programme(services, "New mothers", mode=Mode.AUTO, duration_weeks=12,
                                     first_contact_hours=48, checkin_days=[7, 28], supporter_reminder_days=[],
                                     stalled_after_days=21, offer_expiry_hours=12, deadline_alert_hours=24)
    await supporter(services, programme, SUP1, condition="Postnatal depression", age_band="25-34",
                    availability="weekday evenings")
    await seeker(services, programme, condition="Postnatal depression", age_band="25-34",
                 availability="weekday evenings, weekend mornings")
    request_id = await ask(services, programme, needed_by="2026-03-05", challenges="Low mood since the birth.",
                           why_now="I go home on Thursday.")
    match_id = await accept_first(services, request_id)  # accepted on the ward, before discharge
    assert (await match_row(services, match_id))["ends_at"] == "2026-05-25T12:00:00+00:00"
    space = await open_space(services, match_id)
    welcome = (await outbox(services, "match_post"))[0]["text"]
    assert "runs for 12 weeks" in welcome and "not covered" in welcome and "within 48 hours" in welcome
    clock.advance(hours=30)
    await services.matching.lifecycle.note_post(space, SUP1.user_id)
    assert (await match_row(services, match_id))["first_contact_on_time"] == 1
    # A second mother leaves hospital before anyone is free: leaders hear a day before.
    await seeker(services, programme, who=SEEKER2, condition="Postnatal depression")
    await services.matching.supporters.set_cap(LEADER, programme, 1, user_id=SUP1.user_id)
    await ask(services, programme, who=SEEKER2, needed_by="2026-03-06")
    assert "deadline_alert" in await actions(services, clock, hours=30)  # 5 March 00:00: a day before
    assert any("needs support by 2026-03-06" in o["text"] for o in await outbox(services, "leader_alert"))
    seen: list[str] = []
    for _ in range(12):
        await services.matching.lifecycle.note_post(space, SEEKER.user_id)
        seen += await actions(services, clock, weeks=1)
    assert seen.count("checkin") == 2 and seen[-1] == "end" and "stalled" not in seen
    row = await match_row(services, match_id)
    assert (row["state"], row["end_reason"]) == ("ended", "completed")
    assert await count(services, "outbox", "kind = 'match_space_archive'") == 1
    assert await count(services, "outbox", "dedupe_key LIKE 'mdm:rate:%'") == 2


async def test_parent_to_parent_issues_fallback_checkin_reminder_and_rematch(services: Services,
                                                                             clock: FakeClock) -> None:
    programme = await make_programme(services, "Parent to parent", mode=Mode.AUTO, issues_fallback=True,
                                     checkin_days=[7, 14], supporter_reminder_days=[21], expected_contacts=4,
                                     expected_weeks=8)
    await supporter(services, programme, SUP1, role="caregiver", condition="Down syndrome", issues="feeding, school")
    await supporter(services, programme, SUP2, role="caregiver", condition="Type 1 diabetes", issues="feeding")
    await supporter(services, programme, SUP3, role="caregiver", condition="Down syndrome", issues="benefits")
    await seeker(services, programme, role="caregiver", condition="Rare metabolic disorder",
                 issues="feeding, school")
    await ask(services, programme, role=Role.CAREGIVER)
    offer_id, supporter_id = (await pending_offers(services))[0]
    assert supporter_id == SUP1.user_id  # nobody shares the condition: two shared issues beat one
    text = await services.matching.matchmaker.offer_text(offer_id)
    assert text is not None and "nobody available shares this condition" in text
    first = await accept_first(services)
    await open_space(services, first)
    await services.matching.lifecycle.spoken(SUP1, first)
    assert await actions(services, clock, days=7) == ["checkin"]
    assert await services.matching.lifecycle.answer_checkin(SEEKER, first, 1, happened=True,
                                                            good_fit=False) == "rematch"
    await services.matching.lifecycle.rematch(SEEKER, first, "not_a_good_fit")
    assert await pending_offers(services) == [(2, SUP2.user_id)]  # SUP3 shares no issue, so is never offered
    second = await accept_first(services)
    await open_space(services, second)
    await services.matching.lifecycle.spoken(SUP2, second)
    steps: list[str] = []
    for _ in range(3):
        steps += await actions(services, clock, days=7)
        await services.matching.lifecycle.spoken(SEEKER, second)
    assert steps == ["checkin", "checkin", "supporter_reminder"]
    reminder = next(o for o in await outbox(services, "match_dm") if o["key"].startswith("mdm:reminder"))
    assert reminder["user_id"] == SUP2.user_id and "about 4 in the first 8 weeks" in reminder["text"]
    request = await services.db.fetch_one("SELECT rematches, state FROM match_requests")
    assert request is not None and tuple(request) == (1, "matched")
    assert await services.db.fetch_value("SELECT reason FROM match_events WHERE kind = 'rematch'") == \
        "not_a_good_fit"


async def test_transplant_condition_issues_culture_and_a_caregiver_track(services: Services) -> None:
    programme = await make_programme(services, "Transplant mentors", mode=Mode.COORDINATOR, role_track=True,
                                     weights={"culture": 3})
    await supporter(services, programme, SUP1, condition="Kidney transplant", tags="living donor",
                    issues="rejection", culture="Punjabi", languages="English, Punjabi")
    await supporter(services, programme, SUP2, condition="Kidney transplant", tags="living donor",
                    issues="rejection, returning to work")
    await supporter(services, programme, SUP3, role="caregiver", condition="Kidney transplant", issues="sleep")
    await supporter(services, programme, SUP4, condition="Liver transplant", culture="Punjabi")
    await seeker(services, programme, condition="Kidney transplant", tags="living donor", issues="rejection",
                 culture="punjabi", preferences="culture=nice", show="condition, tags, issues, culture")
    await seeker(services, programme, who=SEEKER2, role="caregiver", condition="Kidney transplant",
                 issues="sleep")
    patient = await ask(services, programme)
    carer = await ask(services, programme, who=SEEKER2, role=Role.CAREGIVER)
    review = await services.matching.matchmaker.review(LEADER, patient)
    assert [c.candidate.user_id for c in review.candidates] == [SUP1.user_id, SUP2.user_id]
    assert "same cultural background (punjabi)" in review.candidates[0].why
    carer_review = await services.matching.matchmaker.review(LEADER, carer)
    assert [c.candidate.user_id for c in carer_review.candidates] == [SUP3.user_id]  # the caregiver track
    await services.matching.matchmaker.approve(LEADER, patient, SUP1.user_id)
    await services.matching.matchmaker.approve(LEADER, carer, SUP3.user_id)
    for offer_id, supporter_id in await pending_offers(services):
        await services.matching.matchmaker.accept(actor(supporter_id), offer_id)
    rows = await services.db.fetch_all("SELECT seeker_id, supporter_id, via FROM matches ORDER BY id")
    assert [tuple(r) for r in rows] == [(SEEKER.user_id, SUP1.user_id, "coordinator"),
                                       (SEEKER2.user_id, SUP3.user_id, "coordinator")]
    await open_space(services, 1)
    welcome = (await outbox(services, "match_post"))[0]["text"]
    # The supporter shows the defaults (not culture), so the pair sees only what both agreed to show.
    assert "same condition (Kidney transplant)" in welcome and "punjabi" not in welcome.casefold()


async def test_cancer_survivors_for_the_newly_diagnosed_and_caregivers_in_a_batch(services: Services,
                                                                                  clock: FakeClock) -> None:
    programme = await make_programme(services, "Cancer survivors", mode=Mode.BATCH, role_track=True)
    survivors = [(SUP1, "patient", "stage 2, survivor", 2), (SUP2, "patient", "survivor", 1),
                 (SUP3, "caregiver", "survivor", 1)]
    for who, role, tags, cap in survivors:
        await supporter(services, programme, who, cap=cap, role=role, condition="Breast cancer", tags=tags,
                        issues="fear of recurrence, returning to work")
    newly = [(SEEKER, "patient", "stage 2, newly diagnosed"), (SEEKER2, "patient", "newly diagnosed"),
             (SEEKER3, "caregiver", "newly diagnosed"), (actor(43), "patient", "newly diagnosed")]
    for who, role, tags in newly:
        await seeker(services, programme, who=who, role=role, condition="Breast cancer", tags=tags,
                     issues="fear of recurrence")
        assert await ask(services, programme, who=who, role=Role(role))
    assert await pending_offers(services) == []  # nothing goes out before a leader has seen the preview
    preview = await services.matching.batches.preview(LEADER, programme)
    assigned = {request: supporter for request, supporter, _ in preview.pairs}
    assert assigned == {1: SUP1.user_id, 2: SUP1.user_id, 3: SUP3.user_id, 4: SUP2.user_id} or \
        assigned == {1: SUP1.user_id, 2: SUP2.user_id, 3: SUP3.user_id, 4: SUP1.user_id}
    assert preview.total >= preview.greedy_total
    sent, skipped = await services.matching.batches.publish(LEADER, preview.id)
    assert (sent, skipped) == (4, [])
    for offer_id, supporter_id in await pending_offers(services):
        await services.matching.matchmaker.accept(actor(supporter_id), offer_id)
    assert await count(services, "matches") == 4
    clock.advance(hours=50)
    assert (await services.matching.timeline.run_due())
    assert await services.matching.timeline.next_wake() == clock.now() + timedelta(hours=22)
