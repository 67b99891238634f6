"""Matching under attack (review of issue 14): Discord refusing its effects, restarts mid-way, races, hostile
input, and erasure mid-match. Each test here failed before the fix it names."""

from __future__ import annotations

import pytest

from bot.domain.matching.programme import Mode
from bot.errors import InvalidInput, PermissionDenied
from bot.services import Services
from tests.conftest import LEADER
from tests.matching_helpers import SEEKER, SEEKER2, SUP1, accept_first, ask, make_programme, seeker, supporter


async def test_settings_that_are_not_a_mapping_of_weights_are_refused_kindly(services: Services) -> None:
    programme = await make_programme(services)
    for weights in (None, "condition=3", 3):
        with pytest.raises(InvalidInput, match="weights"):
            await services.matching.programmes.configure(LEADER, programme, {"weights": weights})


async def test_choosing_a_match_or_a_request_is_checked_in_the_service(services: Services) -> None:
    programme = await make_programme(services, mode=Mode.AUTO)
    await supporter(services, programme, SUP1)
    for who in (SEEKER, SEEKER2):
        await seeker(services, programme, who=who)
        await ask(services, programme, who=who)
    await accept_first(services)
    assert [m.id for m, _ in await services.matching.lifecycle.active(SEEKER)] == [1]
    assert await services.matching.lifecycle.active(SEEKER2) == []  # not the other member's match
    assert [m.id for m, _ in await services.matching.lifecycle.active(LEADER)] == [1]
    with pytest.raises(PermissionDenied):
        await services.matching.intake.live_in_guild(SEEKER)
    assert [r.id for r, _ in await services.matching.intake.live_in_guild(LEADER)] == [2]
