"""Complete erasure and export (issue 13, defect 3).

One member does a bit of everything peerbot records: joins groups and a waitlist, writes messages that are
screened and quoted as context, flags and is flagged, is referred with a note naming them, facilitates, leads,
takes cover, RSVPs with channel reminders, enrolls in a course. After `/privacy delete` and the delivery of
what they were owed, every cell of every table in the SQLite file is read for their id (as an integer, and as
text inside strings and JSON) and for their words. The search reads `sqlite_master`, so a table added later by
any area is covered without changing this test.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.domain.conduct.enforcement import Incoming
from bot.domain.erasure import ERASED_NAME
from bot.domain.facilitator import CertStatus
from bot.domain.group import Audience, GroupDraft
from bot.domain.meetings.recurrence import RecurrenceSpec, Repeat
from bot.domain.outbox import OutboxItem
from bot.domain.referral import ReferReason
from bot.domain.risk import RiskScreener
from bot.services import Services
from bot.settings import Settings
from tests.conftest import ADMIN, GUILD, LEADER, LEADER_ROLE, MOD_ROLE, PEER_ROLE, FakeClock, FakeProvisioner, actor
from tests.db_helpers import find_traces, tables
from tests.meeting_helpers import FAC, FAC2, FAC3, GROUP, MEMBER, certify, join, make_group, weekly_draft

SCREEN = RiskScreener()
V = 412345678901234567  # the member who asks to be erased
VA = actor(V, PEER_ROLE, LEADER_ROLE)  # a peer supporter who is also a programme leader and a facilitator
REFERRER = 512345678901234567
FLAGGER = 612345678901234567
NAME = "Vesper Quill"
SCREENED = "I can't go on anymore, I want to die tonight, xyzzy plover"
QUOTED = "my secret words about quartz lanterns"
NOTE = f"<@{V}> said they stopped eating"
BLOCKED = "you are an idiot, plover xyzzy"
EDITED = "heron marsh"  # words V edited into a message that already had a case


async def deliver_everything(services: Services) -> None:
    """Stand in for Discord: every kind of effect succeeds."""
    async def done(item: OutboxItem) -> dict[str, Any]:
        return {"message_id": 1}

    for (kind,) in await services.db.fetch_all("SELECT DISTINCT kind FROM outbox"):
        services.outbox.register(kind, done)
    while await services.outbox.run_due(limit=500):
        pass


async def everything_about_v(services: Services, clock: FakeClock) -> dict[str, int]:
    """Returns ids of the records that must survive the erasure."""
    await make_group(services)
    await services.groups.create(ADMIN, GroupDraft(name="Full", condition="c", audience=Audience.BOTH,
                                                   description="d", capacity=1), FakeProvisioner())
    await join(services, MEMBER.user_id, V)
    await join(services, MEMBER.user_id, group="Full")
    await services.groups.join_waitlist(VA, "Full")
    await certify(services, FAC.user_id, FAC2.user_id)
    await certify(services, V, expires=date(2026, 3, 25))
    await services.facilitators.set_status(VA, FAC3.user_id, CertStatus.TRAINEE)  # V acting as a leader
    await services.assignments.assign(VA, FAC3.user_id, GROUP, f"chosen by <@{V}>")
    await services.groups.create(actor(V, admin=True), GroupDraft(name="Made by V", condition="c",
                                 audience=Audience.BOTH, description="d"), FakeProvisioner())
    assert await services.facilitators.warn_expiring() == 1  # an alert naming V, and a DM to V

    # V leads a Tuesday series with FAC2; FAC leads Thursdays, and V covers the first; V RSVPs with mentions.
    await services.meetings.schedule(VA, GROUP, weekly_draft(co_facilitator_ids=(FAC2.user_id,)))
    _, thursdays = await services.meetings.schedule(FAC, GROUP, weekly_draft(day="2026-03-12", title="Thursday"))
    await services.meetings.request_cover(FAC, thursdays[0].id)
    request_id = await services.db.fetch_value("SELECT id FROM cover_requests")
    await services.meetings.take_cover(VA, request_id)
    for who in (V, MEMBER.user_id):
        await services.rsvps.set_reminders(GUILD, who, [1440], "channel")
        await services.rsvps.rsvp(actor(who), thursdays[0].id + 1, whole_series=True)
    await services.rsvps.rsvp(VA, thursdays[1].id)
    await services.rsvps.set_time_zone(GUILD, V, "Europe/Dublin")
    _, course = await services.meetings.schedule(FAC, GROUP, weekly_draft(
        day="2026-03-14", title="Course", syllabus=("One", "Two"), recurrence=RecurrenceSpec(Repeat.WEEKLY)))
    await services.courses.enroll(VA, course[0].series_id)

    await matching_about_v(services, clock)  # before the referrals: a member at risk is not matched

    # Referrals: about V (screened, then flagged too), about MEMBER with V's words as context, raised by V.
    about_v = await services.referrals.from_screening(
        GUILD, V, 50, 7001, f"https://discord.com/channels/{GUILD}/50/7001", SCREENED,
        [{"author_id": MEMBER.user_id, "author": "Sam", "text": "how is everyone"}], SCREEN.screen(SCREENED))
    assert about_v is not None
    await services.referrals.flag(actor(FLAGGER), V, 50, 7001, "url", SCREENED, "they seem low",
                                  SCREEN.screen(SCREENED))
    quoting_v = await services.referrals.from_screening(
        GUILD, MEMBER.user_id, 50, 7002, "url2", "i want to die", [
            {"author_id": V, "author": NAME, "text": QUOTED},
            {"author_id": MEMBER.user_id, "author": "Sam", "text": "same here"}], SCREEN.screen("i want to die"))
    assert quoting_v is not None
    flagged_by_v = await services.referrals.flag(VA, MEMBER.user_id, 50, 7003, "url3", "everything is pointless",
                                                 "worried about Sam", SCREEN.screen("everything is pointless"))
    referred = await services.referrals.refer(actor(REFERRER, PEER_ROLE), V, ReferReason.MEDICAL, NOTE, 50)
    await services.referrals.act(VA, quoting_v.id, "claim")
    await services.referrals.act(LEADER, about_v.id, "claim", f"called <@{V}>'s GP")
    await services.referrals.view(VA, quoting_v.id)
    await services.privacy.export(VA, V)
    # Conduct: warned by a moderator (with a reason naming them), appealed; a message AutoMod blocked.
    case = await services.enforcement.warn(actor(8, MOD_ROLE), V, f"<@{V}> was rude in the group")
    await services.conduct_cases.appeal(V, case.id, "I was upset that day, quartz lanterns")
    await services.enforcement.automod_blocked(GUILD, V, "insult", 50, BLOCKED, "idiot")
    await services.languages.choose(VA, "es", "ES")
    await deliver_everything(services)  # some of it is now "done", the rest comes below

    # Tuesday: V runs the meeting; MEMBER comes and leaves feedback naming V.
    clock.current = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)
    await services.timeline.run_due()
    tuesday = (await services.meetings.upcoming(GUILD, limit=1))[0]
    await services.timeline.check_in(VA, tuesday.id)
    await services.timeline.here(MEMBER, tuesday.id)
    await services.timeline.end(VA, tuesday.id)
    await services.timeline.submit_feedback(MEMBER.user_id, tuesday.id, 5, f"thank you <@{V}>")
    await deliver_everything(services)
    # Wednesday: the 24-hour reminders for Thursday are queued, and stay pending: one mentions V and MEMBER.
    clock.current = datetime(2026, 3, 11, 19, 0, tzinfo=UTC)
    await services.timeline.run_due()
    await services.conduct.publish(actor(V, admin=True), "Version two of the code.")
    # Conduct: V breaks a rule in the group (the words kept until given back), is warned by a moderator in words
    # naming them, appeals; and, as an admin, warns MEMBER.
    channel = int(await services.db.fetch_value("SELECT channel_id FROM groups WHERE name = ?", (GROUP,)))
    await services.enforcement.on_message(Incoming(GUILD, channel, 7101, V, f"you absolute moron, {QUOTED}",
                                                   clock.now()))
    warned = await services.enforcement.warn(actor(3, MOD_ROLE), V, f"<@{V}> was rude to Sam")
    await services.conduct_cases.appeal(V, warned.id, f"{NAME} here: I was quoting someone")
    await services.enforcement.warn(actor(V, admin=True), MEMBER.user_id, "rude to Vesper")
    # V's link was nudged; then V edited the message into an insult: the same case, amended with the edited words.
    await services.enforcement.on_message(Incoming(GUILD, channel, 7102, V, "look: www.cheapmeds.biz", clock.now()))
    edited = await services.enforcement.on_edit(Incoming(GUILD, channel, 7102, V,
                                                         f"www.cheapmeds.biz, you moron, {EDITED}", clock.now()))
    assert edited is not None and edited.case is not None
    return {"about_v": about_v.id, "quoting_v": quoting_v.id, "flagged_by_v": flagged_by_v.id,
            "referred": referred.id}


async def matching_about_v(services: Services, clock: FakeClock) -> None:
    """Matching: V leads a programme (its taxonomy, a supporter's approval, a batch), seeks support in another
    (a profile, a request in their words, a match with a space, contacts, a check-in answer, a rating), and
    supports someone there too."""
    from bot.domain.matching.profile import Role, Side
    from bot.domain.matching.programme import Mode
    from bot.domain.matching.taxonomy import Kind
    from tests.matching_helpers import SEEKER, SUP1, draft, intake, make_programme, seeker, supporter

    led = await services.matching.programmes.create(VA, "Led by V", {"mode": Mode.BATCH})
    await services.matching.taxonomy.add(VA, Kind.ISSUE, "quartz lanterns")
    await services.matching.supporters.approve(VA, led, SUP1.user_id, "Mentor course", "2026-01-01")
    programme = await make_programme(services, "Transplant mentors", mode=Mode.AUTO, checkin_days=[1])
    await services.matching.profiles.save(VA, programme, Side.SEEKER, draft(
        condition="Kidney transplant", issues="rejection", culture=NAME, preferences="culture=nice"))
    await supporter(services, programme, SUP1)
    await services.matching.intake.submit(VA, programme, Role.PATIENT, intake(challenges=QUOTED))
    offer_id = await services.db.fetch_value("SELECT id FROM match_offers WHERE state = 'pending'")
    match_id = await services.matching.matchmaker.accept(SUP1, offer_id)
    assert await services.matching.spaces.record(match_id, 1, 8800)
    await services.matching.lifecycle.note_post(8800, V)
    await services.matching.lifecycle.spoken(VA, match_id)
    # V supports SEEKER as well.
    await services.matching.profiles.save(VA, programme, Side.SUPPORTER, draft(condition="Kidney transplant"))
    await services.matching.supporters.approve(LEADER, programme, V, "Mentor course", "2026-01-01")
    await seeker(services, programme, who=SEEKER, issues="rejection")
    await services.matching.intake.submit(SEEKER, programme, Role.PATIENT, intake())
    offer_id = await services.db.fetch_value("SELECT id FROM match_offers WHERE state = 'pending'")
    await services.matching.matchmaker.accept(VA, offer_id)
    clock.advance(days=1)
    await services.matching.timeline.run_due()
    await services.matching.lifecycle.answer_checkin(VA, match_id, 1, happened=True, good_fit=False)
    await services.matching.lifecycle.end(VA, match_id)
    await services.matching.lifecycle.rate(VA, match_id, 4, f"thanks to <@{SUP1.user_id}>")
    await services.matching.batches.preview(VA, led)


async def test_export_has_everything_recorded_about_them_except_who_flagged(
    services: Services, clock: FakeClock
) -> None:
    await everything_about_v(services, clock)
    exported = await services.privacy.export(VA, V)
    text = json.dumps(exported, default=str)
    about = {r["source"]: r for r in exported["referrals"]["about_you"]}
    assert about["screening"]["content"] == SCREENED and about["screening"]["evidence"]
    assert about["screening"]["message_id"] == 7001
    assert "they seem low" in [e["detail"] for e in about["screening"]["events"]]  # a reason about them
    assert about["refer"]["reason"] == f"a medical concern: {NOTE}"  # a note about them
    assert f"called <@{V}>'s GP" in [e["detail"] for e in about["screening"]["events"]]
    assert exported["referrals"]["your_words_in_other_referrals"] == [QUOTED]
    assert exported["facilitator_assignments"]["groups"] == [{"group_name": GROUP,
                                                              "assigned_at": "2026-03-02T12:00:00+00:00"}]
    assert str(FLAGGER) not in text and str(REFERRER) not in text  # never who flagged or referred them
    assert "how is everyone" not in text  # other members' words around theirs are not theirs to take


async def test_after_erasure_no_table_holds_their_id_or_words(
    services: Services, clock: FakeClock, settings: Settings
) -> None:
    kept = await everything_about_v(services, clock)
    assert find_traces(settings.database_path, V, (SCREENED, QUOTED, NAME))  # the search does find them

    await services.privacy.delete(VA, V)
    await deliver_everything(services)  # what they were owed: roles and channel access removed
    await services.outbox.purge_erased()
    traces = find_traces(settings.database_path, V, (SCREENED, QUOTED, NAME, BLOCKED, "xyzzy plover", EDITED))
    assert traces == [], "\n".join(traces)
    assert len(await tables(services.db)) > 20  # the search did read the whole schema

    # What stays for the professionals' record, without them.
    about_v = await services.referrals.get(kept["about_v"])
    assert (about_v.subject_id, about_v.content, about_v.message_id, about_v.jump_url) == (None, None, None, None)
    assert about_v.tier.label == "crisis"
    referred = await services.referrals.get(kept["referred"])
    assert referred.reason == f"a medical concern: {ERASED_NAME} said they stopped eating"
    quoting_v = await services.referrals.get(kept["quoting_v"])
    assert quoting_v.context == [{"author": ERASED_NAME, "text": ""},
                                 {"author_id": MEMBER.user_id, "author": "Sam", "text": "same here"}]
    assert (await services.referrals.get(kept["flagged_by_v"])).reason == "worried about Sam"
    # The Thursday reminder still goes to MEMBER, without V's mention.
    reminder = json.loads(await services.db.fetch_value(
        "SELECT payload FROM outbox WHERE dedupe_key LIKE 'post:remind:%' ORDER BY id DESC LIMIT 1"))
    assert reminder["mention_ids"] == [MEMBER.user_id] and reminder["text"].endswith(f"<@{MEMBER.user_id}>")
    # Conduct keeps anonymous cases for the rules' statistics, and MEMBER's case with the erased moderator as 0.
    cases = await services.db.fetch_all("SELECT member_id, actor_id, rule FROM conduct_cases ORDER BY id")
    assert [tuple(r) for r in cases] == [
        (None, 8, None), (None, None, "insult"), (None, None, "insult"), (None, 3, None), (MEMBER.user_id, 0, None),
        (None, None, "link")]
    # Leaders were told the Tuesday series now runs with the co-facilitator.
    alert = await services.db.fetch_value("SELECT payload FROM outbox WHERE dedupe_key LIKE 'alert:erased:%'")
    assert "has erased their data" in alert and f"<@{FAC2.user_id}>" in alert


async def test_an_owed_effect_keeps_the_id_only_until_it_is_delivered(services: Services, settings: Settings) -> None:
    await make_group(services)
    await join(services, V)
    await services.privacy.delete(actor(V), V)
    pending = await services.db.fetch_all("SELECT kind, erase_when_done FROM outbox WHERE state = 'pending'")
    assert [tuple(r) for r in pending] == [("role_remove", 1)]  # the role_add went unsent: not needed now
    await services.outbox.purge_erased()
    assert find_traces(settings.database_path, V)  # not yet delivered: Discord still needs the id
    await deliver_everything(services)
    await services.outbox.purge_erased()
    assert find_traces(settings.database_path, V) == []


@pytest.mark.parametrize("erased_by", [ADMIN, actor(V)])
async def test_the_erasure_is_logged_without_whose(services: Services, erased_by: Any, settings: Settings) -> None:
    await make_group(services)
    await join(services, V)
    await services.privacy.delete(erased_by, V)
    row = await services.db.fetch_one("SELECT actor_id, subject_id FROM audit_log WHERE action = 'privacy_delete'")
    assert tuple(row) == (ADMIN.user_id if erased_by is ADMIN else 0, None)


def test_the_search_reads_json_and_mentions(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "x.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE future_conduct (a INTEGER, b TEXT)")
        conn.executemany("INSERT INTO future_conduct VALUES (?, ?)", [
            (1, json.dumps({"users": [V]})), (2, f"warned <@!{V}>"), (V, None), (3, f"{V}1 is another id")])
    assert [t.split(" (")[0] for t in find_traces(path, V)] == [
        "future_conduct.b", "future_conduct.b", "future_conduct.a"]


async def test_leaders_other_records_lose_only_the_erased_leader(services: Services) -> None:
    await make_group(services)
    await certify(services, FAC.user_id)
    await services.privacy.delete(LEADER, LEADER.user_id)
    history = await services.facilitators.history(actor(FAC.user_id), FAC.user_id)
    assert history[0]["status"] == "certified" and history[0]["actor_id"] == 0
