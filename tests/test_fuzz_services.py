"""Hypothesis over the inputs of every service method a person can reach (tests/service_table.py).

For each method, Hypothesis draws hostile arguments: odd Unicode (lone surrogates, joiners, bidi overrides,
NUL), over-long text, impossible dates and rules, unknown zones, ids that are negative, missing or beyond 64
bits, and every role. Two properties must hold on a populated server (tests/world.py):
- the only exceptions are the DomainError family, which carry a sentence for the person;
- a refused call changes nothing: every row of every table is the same before and after.

CI runs the `ci` profile (a few dozen examples a method). For a long run:
`.venv/bin/pytest tests/test_fuzz_services.py --hypothesis-profile=long`.
"""

from __future__ import annotations

import asyncio
import shutil
import string
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.conduct.enforcement import Incoming
from bot.domain.conduct.model import Action
from bot.domain.facilitator import CertStatus
from bot.domain.group import Audience, GroupDraft, GroupMode
from bot.domain.matching.profile import ProfileDraft, Role, Side
from bot.domain.matching.programme import Mode, Programme, ProgrammeSettings
from bot.domain.matching.request import Intake
from bot.domain.matching.taxonomy import Kind
from bot.domain.meetings.recurrence import RecurrenceSpec, Repeat
from bot.domain.meetings.schedule import SeriesDraft
from bot.domain.referral import TRANSITIONS, ReferReason
from bot.domain.risk import RiskScreener
from bot.domain.roles import Actor, PeerRole
from bot.errors import DomainError
from bot.services import Services
from tests.conftest import (
    ADMIN,
    ADMIN_ROLE,
    GUILD,
    LEADER_ROLE,
    MOD_ROLE,
    PEER_ROLE,
    FakeProvisioner,
)
from tests.db_helpers import fingerprint
from tests.meeting_helpers import FAC, FAC2, GROUP, MEMBER, MEMBER2
from tests.service_table import COMMANDS, READS
from tests.world import FULL, PEER, PROGRAMME, SEEKER3, SPACE, build_template, open_world

SCREEN = RiskScreener()

# ---- strategies ------------------------------------------------------------------------------------------
ODD = ["\ud800", "\udfff", "\u200d", "\u200c", "\u200b", "\u202e", "\ufeff", "\x00", "\n", "🏳️\u200d🌈", "İ",
       "ß", "<@30>", "@everyone", "'; DROP TABLE groups; --", "%", "\\"]
texts = st.one_of(
    st.lists(st.one_of(st.characters(), st.sampled_from(ODD)), max_size=40).map("".join),
    st.builds(lambda piece, size: (piece * size)[:size],  # long: a drawn piece repeated (cheap to generate)
              st.lists(st.sampled_from([*string.printable, *ODD]), min_size=1, max_size=12).map("".join),
              st.integers(290, 4100)),
    st.sampled_from(["", " ", "\u200d\u200d", GROUP, FULL, "recovery (na/aa)", "RECOVERY  (NA/AA)"]),
)
big_ints = st.sampled_from([0, -1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30])
ids = st.one_of(st.integers(1, 8), big_ints, st.integers(-(2**70), 2**70))
users = st.one_of(st.sampled_from([FAC.user_id, FAC2.user_id, MEMBER.user_id, MEMBER2.user_id, PEER, 2, 1]), ids)
opt_texts = st.one_of(st.none(), texts)
day_texts = st.one_of(st.dates(date(1, 1, 1), date(9999, 12, 31)).map(str), texts,
                      st.sampled_from(["9999-12-31", "0001-01-01", "2026-02-30", "2026-03-10", "2026-03-29"]))
time_texts = st.one_of(st.times().map(lambda t: t.strftime("%H:%M")), texts,
                       st.sampled_from(["19:00", "24:00", "01:30", "7.30", "19h00", "-1:00"]))
zones = st.one_of(st.sampled_from(["Europe/London", "UTC", "Asia/Kolkata", "America/St_Johns", "+02:00",
                                   "Etc/GMT+14", "europe/london", "Europe/../etc"]), texts)
rules = st.one_of(
    texts,
    st.sampled_from(["FREQ=WEEKLY;INTERVAL=-1", "FREQ=WEEKLY;COUNT=99999999", "FREQ=DAILY;BYHOUR=1,2,3,4",
                     "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=MINUTELY", "RRULE:FREQ=WEEKLY;BYDAY=TU",
                     "FREQ=WEEKLY;UNTIL=99991231T000000", "FREQ=MONTHLY;BYDAY=+5TU",
                     "FREQ=WEEKLY;INTERVAL=99999999999"]),
    st.builds(lambda f, i, c: f"FREQ={f};INTERVAL={i}" + (f";COUNT={c}" if c is not None else ""),
              st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY"]), st.integers(-3, 10**6),
              st.one_of(st.none(), st.integers(-3, 10**8))),
)
ROLE_IDS = {"admin": ADMIN_ROLE, "leader": LEADER_ROLE, "moderator": MOD_ROLE, "peer": PEER_ROLE}
actors = st.builds(
    lambda guild, user, roles, server_admin: Actor(guild_id=guild, user_id=user, role_ids=frozenset(roles),
                                                   is_server_admin=server_admin),
    st.sampled_from([GUILD, GUILD, GUILD, 77]), users, st.sets(st.sampled_from(list(ROLE_IDS.values()))),
    st.booleans())
staff = st.one_of(st.just(ADMIN), actors)  # mostly past the role check, so the input is what is tested
recurrences = st.builds(
    RecurrenceSpec, st.sampled_from(list(Repeat)), days=opt_texts, every=st.integers(-2, 60),
    nth=st.one_of(st.none(), st.integers(-3, 6)), rule=st.one_of(st.none(), rules),
    until=st.one_of(st.none(), st.dates()), count=st.one_of(st.none(), st.integers(-1, 10**6)))
drafts = st.builds(
    SeriesDraft, title=texts, day=day_texts, at=time_texts, time_zone=zones, duration_minutes=st.integers(-10, 10**6),
    recurrence=recurrences, agenda=texts, facilitator_id=st.one_of(st.none(), users),
    co_facilitator_ids=st.lists(users, max_size=3).map(tuple),
    syllabus=st.one_of(st.just(()), st.lists(st.one_of(texts, st.just("Session")), max_size=5).map(tuple),
                       st.integers(0, 60).map(lambda n: tuple(f"Session {i}" for i in range(n)))),
    capacity=st.one_of(st.none(), st.integers(-2, 10**6)))
group_drafts = st.builds(
    GroupDraft, name=texts, condition=texts, audience=st.sampled_from(list(Audience)), description=texts,
    capacity=st.one_of(st.none(), st.integers(-2, 10**5), big_ints), mode=st.sampled_from(list(GroupMode)),
    with_voice=st.booleans())
rule_names = st.one_of(st.sampled_from(["insult", "threat", "link", "flooding", "medical_advice"]), texts)
contexts = st.one_of(st.none(), st.lists(st.fixed_dictionaries(
    {"author_id": users, "author": texts, "text": texts}), max_size=8))


# matching
PEER_ACTOR = Actor(GUILD, PEER, frozenset({PEER_ROLE}))  # the approved supporter, matched with MEMBER
pair = st.one_of(st.sampled_from([PEER_ACTOR, MEMBER]), actors)
kinds = st.sampled_from(list(Kind))
sides = st.sampled_from(list(Side))
programme_names = st.one_of(st.just(PROGRAMME), st.none(), texts)
lists = st.one_of(st.none(), texts, st.sampled_from(["rejection, other: grief", "living donor", "weekday evenings",
                                                      "culture=must", "age=nice, gender=must", "condition, culture"]))
profile_drafts = st.builds(
    ProfileDraft, role=st.one_of(st.sampled_from(["patient", "caregiver", "PATIENT "]), texts),
    languages=st.one_of(st.just("English, Spanish"), texts), condition=st.one_of(st.just("Kidney transplant"),
                                                                                 opt_texts),
    tags=lists, issues=lists, age_band=st.one_of(st.none(), st.sampled_from(["25-34", "65+"]), texts),
    time_zone=st.one_of(st.none(), zones), availability=lists, culture=opt_texts, gender=opt_texts,
    preferences=lists, show=lists)
settings_values = st.one_of(st.integers(-5, 400), big_ints, st.booleans(), texts, st.none(),
                            st.lists(st.one_of(st.integers(-5, 400), big_ints), max_size=10),
                            st.sampled_from([*Mode, "thread", "channel"]),
                            st.dictionaries(st.one_of(st.sampled_from(["condition", "issues", "culture"]), texts),
                                            st.floats(allow_nan=True), max_size=3))
setting_changes = st.dictionaries(st.sampled_from(sorted(ProgrammeSettings.model_fields)), settings_values,
                                  max_size=4)


async def programme_call(s: Services, name: str | None, call: Callable[[Programme], Awaitable[object]]) -> object:
    """Resolve the programme as the adapters do (always in our server: another server's actor must be refused by
    the method itself), then call."""
    return await call(await s.matching.programmes.resolve(GUILD, name))


@dataclass(frozen=True)
class Target:
    args: st.SearchStrategy[tuple[Any, ...]]
    call: Callable[[Services, tuple[Any, ...]], Awaitable[object]]


def target(call: Callable[..., Awaitable[object]], *args: st.SearchStrategy[Any]) -> Target:
    return Target(st.tuples(*args), lambda services, drawn: call(services, *drawn))


def flag(s: Services, who: Actor, author: int, channel: int, message: int, url: str, content: str,
         reason: str | None, context: Any) -> Awaitable[object]:
    return s.referrals.flag(who, author, channel, message, url, content, reason, SCREEN.screen(content), context)


def from_screening(s: Services, author: int, channel: int, message: int, url: str, content: str,
                   context: Any) -> Awaitable[object]:
    return s.referrals.from_screening(GUILD, author, channel, message, url, content, context or [],
                                      SCREEN.screen(content))


TARGETS: dict[str, Target] = {
    "roles.set_mapping": target(lambda s, a, r, ids_: s.roles.set_mapping(a, r, ids_), staff,
                                st.sampled_from(list(PeerRole)), st.sets(ids, max_size=3)),
    "alerts.set_channel": target(lambda s, a, c: s.alerts.set_channel(a, c), staff, ids),
    "referrals.configure": target(
        lambda s, a, q, o, c, h, e: s.referrals.configure(a, queue_channel_id=q, oncall_role_id=o, country=c,
                                                          hide_method_messages=h, screening_enabled=e),
        staff, st.one_of(st.none(), ids), st.one_of(st.none(), ids), opt_texts, st.one_of(st.none(), st.booleans()),
        st.one_of(st.none(), st.booleans())),
    "conduct.publish": target(lambda s, a, t: s.conduct.publish(a, t), staff, texts),
    "conduct.accept": target(lambda s, u, v: s.conduct.accept(GUILD, u, v), users, ids),
    "agreement.publish": target(lambda s, a, t: s.agreement.publish(a, t), staff, texts),
    "agreement.accept": target(lambda s, u, v: s.agreement.accept(GUILD, u, v), users, ids),
    "groups.create": target(lambda s, a, d: s.groups.create(a, d, FakeProvisioner()), staff, group_drafts),
    "groups.archive": target(lambda s, a, n: s.groups.archive(a, n), staff, texts),
    "groups.delete": target(lambda s, a, n: s.groups.delete(a, n), staff, texts),
    "groups.join": target(lambda s, a, n: s.groups.join(a, n), actors, texts),
    "groups.join_waitlist": target(lambda s, a, n: s.groups.join_waitlist(a, n), actors, texts),
    "groups.leave": target(lambda s, a, n: s.groups.leave(a, n), actors, texts),
    "groups.get": target(lambda s, n: s.groups.get(GUILD, n), texts),
    "groups.list": target(lambda s, g: s.groups.list(g, include_archived=True), ids),
    "privacy.delete": target(lambda s, a, u: s.privacy.delete(a, u), staff, users),
    "privacy.export": target(lambda s, a, u: s.privacy.export(a, u), staff, users),
    "referrals.flag": target(flag, actors, users, ids, ids, texts, texts, opt_texts, contexts),
    "referrals.from_screening": target(from_screening, users, ids, ids, texts, texts, contexts),
    "intake.flag": target(lambda s, a, u, c, m, url, text, r: s.intake.flag(a, u, c, m, url, text, r,
                                                                            SCREEN.screen(text)),
                          actors, users, ids, ids, texts, texts, opt_texts),
    "intake.from_screening": target(lambda s, u, c, m, url, text, ctx: s.intake.from_screening(
        GUILD, u, c, m, url, text, ctx or [], SCREEN.screen(text)), users, ids, ids, texts, texts, contexts),
    "outbox.failures": target(lambda s, g, n: s.outbox.failures(g, limit=n), ids, st.integers(-5, 10**6)),
    "referrals.refer": target(lambda s, a, u, r, n, c: s.referrals.refer(a, u, r, n, c), staff, users,
                              st.sampled_from(list(ReferReason)), opt_texts, st.one_of(st.none(), ids)),
    "referrals.act": target(lambda s, a, r, act, d: s.referrals.act(a, r, act, d), staff, ids,
                            st.one_of(st.sampled_from(list(TRANSITIONS)), texts), opt_texts),
    "referrals.view": target(lambda s, a, r: s.referrals.view(a, r), staff, ids),
    "referrals.config": target(lambda s, g: s.referrals.config(g), ids),
    "facilitators.set_status": target(
        lambda s, a, u, st_, e, r: s.facilitators.set_status(a, u, st_, expires=e, reason=r), staff, users,
        st.sampled_from(list(CertStatus)), st.one_of(st.none(), st.dates()), opt_texts),
    "facilitators.history": target(lambda s, a, u: s.facilitators.history(a, u), staff, users),
    "facilitators.list": target(lambda s, g: s.facilitators.list(g), ids),
    "assignments.assign": target(lambda s, a, u, g, r: s.assignments.assign(a, u, g, r), staff, users, texts,
                                 opt_texts),
    "assignments.unassign": target(lambda s, a, u, g, r: s.assignments.unassign(a, u, g, r), staff, users,
                                   texts, texts),
    "assignments.history": target(lambda s, a, u: s.assignments.history(a, u), staff, users),
    "meetings.schedule": target(lambda s, a, g, d: s.meetings.schedule(a, g, d),
                                st.one_of(st.just(FAC), staff), st.one_of(st.just(GROUP), texts), drafts),
    "meetings.cancel": target(lambda s, a, o, n: s.meetings.cancel(a, o, n), st.one_of(st.just(FAC), staff), ids,
                              opt_texts),
    "meetings.move": target(lambda s, a, o, d, t: s.meetings.move(a, o, d, t), st.one_of(st.just(FAC), staff), ids,
                            day_texts, time_texts),
    "meetings.set_agenda": target(lambda s, a, i, t: s.meetings.set_agenda(a, i, t),
                                  st.one_of(st.just(FAC), staff), ids, texts),
    "meetings.end_series": target(lambda s, a, i: s.meetings.end_series(a, i), staff, ids),
    "meetings.request_cover": target(lambda s, a, o: s.meetings.request_cover(a, o),
                                     st.one_of(st.just(FAC), staff), ids),
    "meetings.take_cover": target(lambda s, a, r: s.meetings.take_cover(a, r), st.one_of(st.just(FAC2), staff), ids),
    "meetings.hand_over": target(lambda s, a, o, u: s.meetings.hand_over(a, o, u), staff, ids, users),
    "meetings.upcoming": target(lambda s, g, grp, u, n: s.meetings.upcoming(g, group_id=grp, user_id=u, limit=n),
                                ids, st.one_of(st.none(), ids), st.one_of(st.none(), users), st.integers(-5, 100)),
    "meetings.recent": target(lambda s, g, u, d: s.meetings.recent(g, user_id=u, days=d), ids,
                              st.one_of(st.none(), users), st.integers(-5, 10**4)),
    "meetings.occurrence": target(lambda s, g, o: s.meetings.occurrence(g, o), ids, ids),
    "timeline.check_in": target(lambda s, a, o: s.timeline.check_in(a, o), st.one_of(st.just(FAC), actors), ids),
    "timeline.end": target(lambda s, a, o: s.timeline.end(a, o), st.one_of(st.just(FAC), actors), ids),
    "timeline.here": target(lambda s, a, o: s.timeline.here(a, o), actors, ids),
    "timeline.attendance": target(lambda s, a, o: s.timeline.attendance(a, o), staff, ids),
    "timeline.submit_feedback": target(lambda s, u, o, r, c: s.timeline.submit_feedback(u, o, r, c), users, ids,
                                       st.one_of(st.integers(-3, 8), big_ints), opt_texts),
    "timeline.note_post": target(lambda s, c, u: s.timeline.note_post(c, u), ids, users),
    "timeline.open_in_channel": target(lambda s, g, c: s.timeline.open_in_channel(g, c), ids, ids),
    "rsvps.rsvp": target(lambda s, a, o, w: s.rsvps.rsvp(a, o, whole_series=w), st.one_of(st.just(MEMBER), actors),
                         ids, st.booleans()),
    "rsvps.cancel_rsvp": target(lambda s, a, o: s.rsvps.cancel_rsvp(a, o), st.one_of(st.just(MEMBER), actors), ids),
    "rsvps.set_time_zone": target(lambda s, u, z: s.rsvps.set_time_zone(GUILD, u, z), users, zones),
    "rsvps.set_reminders": target(lambda s, u, o, v: s.rsvps.set_reminders(GUILD, u, o, v), users,
                                  st.lists(st.one_of(st.sampled_from([1440, 180, 60, 15]), ids), max_size=6),
                                  st.one_of(st.sampled_from(["dm", "channel"]), texts)),
    "rsvps.prefs": target(lambda s, g, u: s.rsvps.prefs(g, u), ids, users),
    "courses.enroll": target(lambda s, a, i: s.courses.enroll(a, i), st.one_of(st.just(MEMBER2), actors), ids),
    "courses.withdraw": target(lambda s, a, i: s.courses.withdraw(a, i), st.one_of(st.just(MEMBER2), actors), ids),
    "courses.progress": target(lambda s, a, i: s.courses.progress(a, i), actors, ids),
    "courses.active": target(lambda s, g: s.courses.active(g), ids),
    "conduct.current": target(lambda s, g: s.conduct.current(g), ids),
    "agreement.current": target(lambda s, g: s.agreement.current(g), ids),
    "languages.choose": target(lambda s, a, lang, c: s.languages.choose(a, lang, c), actors,
                               st.one_of(st.sampled_from(["en", "es", "fr", "de", "pt", "it"]), texts), opt_texts),
    "languages.clear": target(lambda s, a: s.languages.clear(a), actors),
    "languages.get": target(lambda s, g, u: s.languages.get(g, u), ids, users),
    "conduct_policy.configure": target(
        lambda s, a, c, d, n, h, g: s.conduct_policy.configure(a, modlog_channel_id=c, warning_days=d,
                                                               threshold_count=n, timeout_hours=h, grace_days=g),
        staff, st.one_of(st.none(), ids), *[st.one_of(st.none(), st.integers(-5, 10**4), big_ints)] * 4),
    "conduct_policy.set_layer": target(
        lambda s, a, r, g, e, ladder, allow, chans: s.conduct_policy.set_layer(
            a, r, g, enabled=e, ladder=ladder, allow=allow, exempt_channels=chans),
        staff, rule_names, st.one_of(st.none(), ids), st.one_of(st.none(), st.booleans()),
        st.one_of(st.none(), st.lists(st.lists(st.sampled_from(list(Action)), max_size=4).map(tuple),
                                      max_size=8).map(tuple)),
        st.one_of(st.none(), st.lists(texts, max_size=4).map(tuple)),
        st.one_of(st.none(), st.frozensets(ids, max_size=3))),
    "conduct_policy.config": target(lambda s, g: s.conduct_policy.config(g), ids),
    "conduct_policy.layer": target(lambda s, g, grp, r: s.conduct_policy.layer(g, grp, r), ids, ids, rule_names),
    "enforcement.warn": target(lambda s, a, u, r, rule: s.enforcement.warn(a, u, r, rule), staff, users, texts,
                               st.one_of(st.none(), rule_names)),
    "enforcement.in_meeting": target(lambda s, a, c, u, act, r: s.enforcement.in_meeting(a, c, u, act, r),
                                     st.one_of(st.just(FAC), staff), ids, users,
                                     st.one_of(st.sampled_from(["nudge", "warn", "remove"]), texts), opt_texts),
    "enforcement.on_message": target(
        lambda s, g, c, m, u, text, mentions: s.enforcement.on_message(
            Incoming(g, c, m, u, text, s.clock.now(), mentions=mentions)),
        st.one_of(st.just(GUILD), ids), ids, ids, users, texts, st.integers(-3, 10**6)),
    "enforcement.on_edit": target(
        lambda s, g, c, m, u, text, mentions: s.enforcement.on_edit(
            Incoming(g, c, m, u, text, s.clock.now(), mentions=mentions)),
        st.one_of(st.just(GUILD), ids), ids, ids, users, texts, st.integers(-3, 10**6)),
    "enforcement.automod_blocked": target(
        lambda s, g, u, r, c, text, m: s.enforcement.automod_blocked(g, u, r, c, text, m),
        st.one_of(st.just(GUILD), ids), users, rule_names, st.one_of(st.none(), ids), texts, opt_texts),
    "conduct_cases.pardon": target(lambda s, a, c, r: s.conduct_cases.pardon(a, c, r), staff, ids, opt_texts),
    "conduct_cases.mark_false_positive": target(lambda s, a, c: s.conduct_cases.mark_false_positive(a, c),
                                                staff, ids),
    "conduct_cases.resolve": target(lambda s, a, c: s.conduct_cases.resolve(a, c), staff, ids),
    "conduct_cases.appeal": target(lambda s, u, c, t: s.conduct_cases.appeal(u, c, t),
                                   st.one_of(st.just(MEMBER.user_id), users), ids, texts),
    "conduct_cases.decide_appeal": target(
        lambda s, a, c, up, n: s.conduct_cases.decide_appeal(a, c, uphold=up, note=n), staff, ids, st.booleans(),
        opt_texts),
    "conduct_cases.history": target(lambda s, a, u, n: s.conduct_cases.history(a, u, n), staff, users,
                                    st.integers(-5, 10**6)),
    "conduct_cases.stats": target(lambda s, a: s.conduct_cases.stats(a), actors),
    # matching: a programme is named as the adapters resolve it (tests/world.py has "Mentors", programme #1)
    "matching.programmes.create": target(lambda s, a, n, c: s.matching.programmes.create(a, n, c), staff, texts,
                                         setting_changes),
    "matching.programmes.configure": target(
        lambda s, a, p, c: programme_call(s, p, lambda prog: s.matching.programmes.configure(a, prog, c)), staff,
        programme_names, setting_changes),
    "matching.programmes.list": target(lambda s, g: s.matching.programmes.list(g), ids),
    "matching.programmes.resolve": target(lambda s, g, n: s.matching.programmes.resolve(g, n), ids, opt_texts),
    "matching.taxonomy.add": target(lambda s, a, k, t: s.matching.taxonomy.add(a, k, t), staff, kinds, texts),
    "matching.taxonomy.remove": target(lambda s, a, k, t: s.matching.taxonomy.remove(a, k, t), staff, kinds,
                                       st.one_of(st.just("rejection"), texts)),
    "matching.taxonomy.labels": target(lambda s, g, k: s.matching.taxonomy.labels(g, k), ids, kinds),
    "matching.taxonomy.suggest": target(lambda s, g, k, t: s.matching.taxonomy.suggest(g, k, t), ids, kinds, texts),
    "matching.profiles.save": target(
        lambda s, a, p, side, d: programme_call(s, p, lambda prog: s.matching.profiles.save(a, prog, side, d)),
        actors, programme_names, sides, profile_drafts),
    "matching.profiles.remove": target(
        lambda s, a, p, side: programme_call(s, p, lambda prog: s.matching.profiles.remove(a, prog, side)),
        st.one_of(st.just(PEER_ACTOR), actors), programme_names, sides),
    "matching.profiles.mine": target(lambda s, a: s.matching.profiles.mine(a), actors),
    "matching.intake.submit": target(
        lambda s, a, p, r, c, w, wants, special, by: programme_call(s, p, lambda prog: s.matching.intake.submit(
            a, prog, r, Intake.clean(c, w, wants, special, by, today=s.clock.now().date()))),
        st.one_of(st.just(MEMBER2), actors), programme_names, st.sampled_from(list(Role)), texts, texts, opt_texts,
        opt_texts, st.one_of(st.none(), day_texts)),
    "matching.intake.withdraw": target(
        lambda s, a, p: programme_call(s, p, lambda prog: s.matching.intake.withdraw(a, prog)),
        st.one_of(st.just(SEEKER3), actors), programme_names),
    "matching.intake.live": target(
        lambda s, a, p: programme_call(s, p, lambda prog: s.matching.intake.live(a, prog)), actors, programme_names),
    "matching.intake.queue": target(
        lambda s, a, p: programme_call(s, p, lambda prog: s.matching.intake.queue(a, prog)), staff, programme_names),
    "matching.intake.live_in_guild": target(lambda s, a: s.matching.intake.live_in_guild(a), actors),
    "matching.matchmaker.accept": target(lambda s, a, o: s.matching.matchmaker.accept(a, o),
                                         st.one_of(st.just(PEER_ACTOR), actors), ids),
    "matching.matchmaker.decline": target(lambda s, a, o: s.matching.matchmaker.decline(a, o),
                                          st.one_of(st.just(PEER_ACTOR), actors), ids),
    "matching.matchmaker.approve": target(lambda s, a, r, u: s.matching.matchmaker.approve(a, r, u), staff, ids,
                                          users),
    "matching.matchmaker.release": target(lambda s, a, r: s.matching.matchmaker.release(a, r), staff, ids),
    "matching.matchmaker.review": target(lambda s, a, r: s.matching.matchmaker.review(a, r), staff, ids),
    "matching.supporters.approve": target(
        lambda s, a, p, u, t, d, c: programme_call(s, p, lambda prog: s.matching.supporters.approve(
            a, prog, u, t, d, c)), staff, programme_names, users, texts, day_texts,
        st.one_of(st.none(), st.integers(-3, 30), big_ints)),
    "matching.supporters.revoke": target(
        lambda s, a, p, u: programme_call(s, p, lambda prog: s.matching.supporters.revoke(a, prog, u)), staff,
        programme_names, users),
    "matching.supporters.set_cap": target(
        lambda s, a, p, c, u: programme_call(s, p, lambda prog: s.matching.supporters.set_cap(a, prog, c, u)),
        st.one_of(st.just(PEER_ACTOR), staff), programme_names, st.one_of(st.integers(-3, 30), big_ints),
        st.one_of(st.none(), users)),
    "matching.supporters.set_duty": target(lambda s, a, on, u: s.matching.supporters.set_duty(a, on, u),
                                           st.one_of(st.just(PEER_ACTOR), staff), st.booleans(),
                                           st.one_of(st.none(), users)),
    "matching.supporters.load": target(
        lambda s, a, p: programme_call(s, p, lambda prog: s.matching.supporters.load(a, prog)), staff,
        programme_names),
    "matching.spaces.reopen": target(lambda s, a, m: s.matching.spaces.reopen(a, m), staff, ids),
    "matching.lifecycle.spoken": target(lambda s, a, m: s.matching.lifecycle.spoken(a, m), pair, ids),
    "matching.lifecycle.answer_checkin": target(
        lambda s, a, m, r, h, g: s.matching.lifecycle.answer_checkin(a, m, r, happened=h, good_fit=g), pair, ids,
        st.one_of(st.integers(-2, 10), big_ints), st.booleans(), st.booleans()),
    "matching.lifecycle.end": target(lambda s, a, m, r: s.matching.lifecycle.end(a, m, rematch=r),
                                     st.one_of(pair, staff), ids, st.booleans()),
    "matching.lifecycle.rematch": target(lambda s, a, m, r: s.matching.lifecycle.rematch(a, m, r), pair, ids,
                                         st.one_of(st.sampled_from(["asked", "stalled", "not_a_good_fit"]), texts)),
    "matching.lifecycle.rate": target(lambda s, a, m, r, c: s.matching.lifecycle.rate(a, m, r, c), pair, ids,
                                      st.one_of(st.integers(-3, 8), big_ints), opt_texts),
    "matching.lifecycle.note_post": target(lambda s, c, u: s.matching.lifecycle.note_post(c, u),
                                           st.one_of(st.just(SPACE), ids), users),
    "matching.lifecycle.mine": target(lambda s, a: s.matching.lifecycle.mine(a), actors),
    "matching.lifecycle.active": target(lambda s, a: s.matching.lifecycle.active(a), actors),
    "matching.lifecycle.overview": target(
        lambda s, a, p: programme_call(s, p, lambda prog: s.matching.lifecycle.overview(a, prog)), staff,
        programme_names),
    "matching.lifecycle.outcomes": target(
        lambda s, a, p: programme_call(s, p, lambda prog: s.matching.lifecycle.outcomes(a, prog)), staff,
        programme_names),
    "matching.batches.preview": target(
        lambda s, a, p: programme_call(s, p, lambda prog: s.matching.batches.preview(a, prog)), staff,
        programme_names),
    "matching.batches.publish": target(lambda s, a, b: s.matching.batches.publish(a, b), staff, ids),
}


def test_every_method_a_person_can_reach_is_fuzzed() -> None:
    assert set(TARGETS) == COMMANDS | READS


# ---- the property ----------------------------------------------------------------------------------------
class World:
    """A copy of the populated server for all of one method's examples, on an event loop the test drives."""

    def __init__(self, path: Path) -> None:
        self.runner = asyncio.Runner()
        self.services = self.runner.run(open_world(path))

    def attempt(self, target: Target, drawn: tuple[Any, ...]) -> None:
        before = self.runner.run(fingerprint(self.services.db))
        try:
            self.runner.run(_call(target, self.services, drawn))
        except DomainError as refused:
            assert refused.message.strip(), "a refusal must say why"
            refused.message.encode("utf-8")  # it can be sent
            after = self.runner.run(fingerprint(self.services.db))
            changed = [b[0] for b, a in zip(before, after, strict=True) if b != a]
            assert not changed, f"refused ({refused.message!r}) but changed {changed}"

    def close(self) -> None:
        self.runner.run(self.services.db.close())
        self.runner.close()


async def _call(target: Target, services: Services, drawn: tuple[Any, ...]) -> None:
    await target.call(services, drawn)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The populated server, built once and copied for each method."""
    return build_template(tmp_path_factory.mktemp("fuzz") / "template.db")


@pytest.fixture
def world(template: Path, tmp_path: Path) -> Iterator[World]:
    copy = tmp_path / "fuzz.db"
    shutil.copyfile(template, copy)
    made = World(copy)
    yield made
    made.close()


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_hostile_input_gets_a_sentence_and_changes_nothing_when_refused(world: World, name: str) -> None:
    chosen = TARGETS[name]

    @given(chosen.args)
    def property_(drawn: tuple[Any, ...]) -> None:
        world.attempt(chosen, drawn)

    property_()
