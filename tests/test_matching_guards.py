"""Matching's guards: every leader-only command refused to everyone else (and to another server's leaders),
and hostile input refused with a sentence, in both cases without changing a single row."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from bot.domain.matching.profile import Role, Side
from bot.domain.matching.programme import Mode, Programme
from bot.domain.matching.request import Intake
from bot.domain.matching.taxonomy import Kind
from bot.domain.roles import Actor
from bot.errors import DomainError, InvalidInput, NotFound, PermissionDenied
from bot.services import Services
from tests.conftest import LEADER_ROLE, MODERATOR, PEER_ROLE, actor
from tests.db_helpers import fingerprint
from tests.matching_helpers import SEEKER, SEEKER2, SUP1, accept_first, ask, draft, make_programme, seeker, supporter

MEMBER = actor(60)
PEER = actor(61, PEER_ROLE)
OTHER_SERVER_LEADER = Actor(guild_id=2000, user_id=2, role_ids=frozenset({LEADER_ROLE}))
Call = Callable[[Services, Programme, Actor], Awaitable[Any]]

LEADER_ONLY: dict[str, Call] = {
    "programme create": lambda s, p, a: s.matching.programmes.create(a, "Another"),
    "settings": lambda s, p, a: s.matching.programmes.configure(a, p, {"mode": Mode.BATCH}),
    "taxonomy add": lambda s, p, a: s.matching.taxonomy.add(a, Kind.ISSUE, "grief"),
    "taxonomy remove": lambda s, p, a: s.matching.taxonomy.remove(a, Kind.ISSUE, "sleep"),
    "approve": lambda s, p, a: s.matching.supporters.approve(a, p, a.user_id, "none", "2026-01-01"),
    "revoke": lambda s, p, a: s.matching.supporters.revoke(a, p, SUP1.user_id),
    "someone else's cap": lambda s, p, a: s.matching.supporters.set_cap(a, p, 9, user_id=SUP1.user_id),
    "someone else's duty": lambda s, p, a: s.matching.supporters.set_duty(a, False, user_id=SUP1.user_id),
    "queue": lambda s, p, a: s.matching.intake.queue(a, p),
    "review": lambda s, p, a: s.matching.matchmaker.review(a, 2),
    "offer": lambda s, p, a: s.matching.matchmaker.approve(a, 2, SUP1.user_id),
    "release": lambda s, p, a: s.matching.matchmaker.release(a, 2),
    "batch": lambda s, p, a: s.matching.batches.preview(a, p),
    "publish": lambda s, p, a: s.matching.batches.publish(a, 1),
    "reopen": lambda s, p, a: s.matching.spaces.reopen(a, 1),
    "matches": lambda s, p, a: s.matching.lifecycle.overview(a, p),
    "report": lambda s, p, a: s.matching.lifecycle.outcomes(a, p),
    "end someone else's match": lambda s, p, a: s.matching.lifecycle.end(a, 1),
}


async def scene(services: Services) -> Programme:
    """A match (#1), a request waiting for review (#2), a batch preview (#1)."""
    programme = await make_programme(services, mode=Mode.AUTO)
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    await ask(services, programme)
    await accept_first(services)
    programme = await services.matching.programmes.configure(actor(2, LEADER_ROLE), programme,
                                                             {"mode": Mode.COORDINATOR})
    await seeker(services, programme, who=SEEKER2)
    await ask(services, programme, who=SEEKER2)
    await services.matching.batches.preview(actor(2, LEADER_ROLE), programme)
    return programme


@pytest.mark.parametrize("name", sorted(LEADER_ONLY))
async def test_leader_only_commands_refuse_everyone_else_and_change_nothing(services: Services, name: str) -> None:
    programme = await scene(services)
    before = await fingerprint(services.db)
    for who in (MEMBER, PEER, SEEKER, SUP1, OTHER_SERVER_LEADER):
        if name == "end someone else's match" and who in (SEEKER, SUP1):
            continue  # they are the pair: ending is theirs to do
        if name in ("someone else's cap", "someone else's duty") and who is SUP1:
            continue  # their own cap and duty are theirs to set
        with pytest.raises((PermissionDenied, NotFound)):
            await LEADER_ONLY[name](services, programme, who)
    if name == "someone else's duty":
        with pytest.raises(PermissionDenied):
            await LEADER_ONLY[name](services, programme, MODERATOR)
    assert await fingerprint(services.db) == before


HOSTILE = ["", "   ", "\u200b\u202e\u2066", "x" * 5000, "'; DROP TABLE matches; --", "\x00\x07\x1b[31m",
           "🙂" * 300, "other:", "other: " + "y" * 200, "<@&1> @everyone", "\ud800"]


@pytest.mark.parametrize("text", HOSTILE)
async def test_hostile_input_is_refused_with_a_sentence_and_changes_nothing(services: Services, text: str) -> None:
    programme = await scene(services)
    leader = actor(2, LEADER_ROLE)
    attempts: list[Callable[[], Awaitable[Any]]] = [
        lambda: services.matching.profiles.save(MEMBER, programme, Side.SEEKER, draft(languages=text)),
        lambda: services.matching.profiles.save(MEMBER, programme, Side.SEEKER, draft(condition=text)),
        lambda: services.matching.profiles.save(MEMBER, programme, Side.SEEKER, draft(tags=text, issues=text)),
        lambda: services.matching.profiles.save(MEMBER, programme, Side.SEEKER, draft(preferences=text)),
        lambda: services.matching.profiles.save(MEMBER, programme, Side.SEEKER, draft(time_zone=text)),
        lambda: services.matching.taxonomy.add(leader, Kind.TAG, text),
        lambda: services.matching.programmes.create(leader, text),
        lambda: services.matching.programmes.configure(leader, programme, {"boundaries": text}),
        lambda: services.matching.supporters.approve(leader, programme, 99, text, text),
        lambda: services.matching.lifecycle.rate(SEEKER, 1, 3, text),
        lambda: services.matching.intake.submit(SEEKER2, programme, Role.PATIENT,
                                                Intake.clean(text, text, text, text, text, today=NOW_DATE)),
    ]
    for attempt in attempts:
        before = await fingerprint(services.db)
        try:
            await attempt()
        except DomainError as refused:
            assert refused.message.strip()
            refused.message.encode("utf-8")
            assert await fingerprint(services.db) == before, refused.message
        except UnicodeEncodeError:
            pytest.fail("a lone surrogate reached the database")


NOW_DATE = __import__("datetime").date(2026, 3, 2)


async def test_the_member_sees_their_words_back_as_given_without_invisible_characters(services: Services) -> None:
    programme = await make_programme(services)
    saved = await services.matching.profiles.save(MEMBER, programme, Side.SEEKER, draft(
        culture="Som\u200bali", gender="\u202ewoman", issues="other: grand\u2066parents"))
    assert (saved.culture, saved.gender, saved.issues) == ("Somali", "woman", ("other: grandparents",))
    with pytest.raises(InvalidInput):
        Intake.clean("\u200b", "fine", today=NOW_DATE)
