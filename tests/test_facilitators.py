"""Facilitator certification: the lifecycle, its history, the agreement, expiry and its warnings."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.facilitator import CertStatus
from bot.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from bot.services import Services
from tests.conftest import GUILD, LEADER, FakeClock
from tests.meeting_helpers import FAC, GROUP, certify, make_group, outbox, weekly_draft


async def test_certifying_needs_a_published_agreement_then_its_acceptance(services: Services) -> None:
    with pytest.raises(NotFound, match="agreement"):
        await services.facilitators.set_status(LEADER, FAC.user_id, CertStatus.CERTIFIED)
    await services.agreement.publish(LEADER, "Confidentiality. No medical advice.")
    await services.facilitators.set_status(LEADER, FAC.user_id, CertStatus.TRAINEE)
    with pytest.raises(PermissionDenied, match="status: trainee"):
        await services.facilitators.require_active(GUILD, FAC.user_id)
    await services.facilitators.set_status(LEADER, FAC.user_id, CertStatus.CERTIFIED)
    prompts = await outbox(services, "agreement_prompt")
    assert [p["user_id"] for p in prompts] == [FAC.user_id]
    with pytest.raises(PermissionDenied, match="agreement hasn't been accepted"):
        await services.facilitators.require_active(GUILD, FAC.user_id)
    await services.agreement.accept(GUILD, FAC.user_id, 1)
    assert (await services.facilitators.require_active(GUILD, FAC.user_id)).status is CertStatus.CERTIFIED
    # A new version of the agreement must be accepted again.
    await services.agreement.publish(LEADER, "Version two.")
    found = await services.facilitators.get(GUILD, FAC.user_id)
    assert found is not None and not found.active_at(services.clock.now())


async def test_suspend_revoke_and_history(services: Services) -> None:
    await certify(services, FAC.user_id)
    with pytest.raises(InvalidInput, match="reason"):
        await services.facilitators.set_status(LEADER, FAC.user_id, CertStatus.SUSPENDED)
    await services.facilitators.set_status(LEADER, FAC.user_id, CertStatus.SUSPENDED, reason="Taking a break")
    with pytest.raises(PermissionDenied, match="suspended"):
        await services.facilitators.require_active(GUILD, FAC.user_id)
    await services.facilitators.set_status(LEADER, FAC.user_id, CertStatus.REVOKED, reason="Breach of boundaries")
    with pytest.raises(Conflict, match="Allowed next: trainee"):
        await services.facilitators.set_status(LEADER, FAC.user_id, CertStatus.CERTIFIED)
    history = await services.facilitators.history(LEADER, FAC.user_id)
    assert [h["status"] for h in history] == ["certified", "suspended", "revoked"]
    assert history[2]["reason"] == "Breach of boundaries"


async def test_only_leaders_certify(services: Services) -> None:
    await services.agreement.publish(LEADER, "text")
    with pytest.raises(PermissionDenied, match="programme leader"):
        await services.facilitators.set_status(FAC, FAC.user_id, CertStatus.CERTIFIED)


async def test_expiry_blocks_scheduling_and_warns_leaders_once_at_30_and_7_days(
    services: Services, clock: FakeClock
) -> None:
    await make_group(services)
    await certify(services, FAC.user_id, expires=date(2026, 4, 30))
    with pytest.raises(InvalidInput, match="already passed"):
        await services.facilitators.set_status(LEADER, FAC.user_id, CertStatus.CERTIFIED, expires=date(2026, 3, 1))
    assert await services.facilitators.warn_expiring() == 0
    clock.advance(days=30)  # 1 April: 29 days left
    assert await services.facilitators.warn_expiring() == 1
    assert await services.facilitators.warn_expiring() == 0
    clock.advance(days=23)  # 24 April
    assert await services.facilitators.warn_expiring() == 1
    alerts = await outbox(services, "leader_alert")
    assert len(alerts) == 2 and "expires on 30 April 2026" in alerts[0]["text"]
    clock.advance(days=7)  # 1 May: expired
    with pytest.raises(PermissionDenied, match="expired on 30 April 2026"):
        await services.meetings.schedule(FAC, GROUP, weekly_draft(day="2026-05-05"))
    assert await services.db.fetch_value("SELECT COUNT(*) FROM meeting_series") == 0


async def test_list_shows_status_and_groups(services: Services) -> None:
    await make_group(services)
    await certify(services, FAC.user_id)
    await services.meetings.schedule(FAC, GROUP, weekly_draft())
    listed = await services.facilitators.list(GUILD)
    assert [(f.user_id, f.groups) for f in listed] == [(FAC.user_id, (GROUP,))]
