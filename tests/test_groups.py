from __future__ import annotations

import pytest

from bot.domain.conduct.code import ConductAcceptanceNeeded
from bot.domain.group import Audience, GroupDraft, GroupMode, JoinOutcome, ProvisioningError
from bot.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from bot.services import Services
from tests.conftest import ADMIN, GUILD, FakeClock, FakeProvisioner, accept_conduct, actor

DRAFT = GroupDraft(name="Breast cancer – family caregivers", condition="Breast cancer",
                   audience=Audience.CAREGIVERS, description="For partners, parents and friends.")


async def count(services: Services, table: str) -> int:
    return int(await services.db.fetch_value(f"SELECT COUNT(*) FROM {table}"))


async def test_admin_creates_group_with_channel_and_role(services: Services) -> None:
    provisioner = FakeProvisioner()
    group = await services.groups.create(ADMIN, DRAFT, provisioner)
    assert group.status == "active"
    assert group.role_id in provisioner.made("role")
    assert group.channel_id in provisioner.made("text")
    assert group.voice_channel_id is None
    listed = await services.groups.list(GUILD)
    assert [g.name for g in listed] == ["Breast cancer – family caregivers"]


async def test_voice_channel_and_shared_category(services: Services) -> None:
    provisioner = FakeProvisioner()
    await services.groups.create(ADMIN, GroupDraft(**{**DRAFT.__dict__, "with_voice": True}), provisioner)
    await services.groups.create(ADMIN, GroupDraft(**{**DRAFT.__dict__, "name": "New mothers"}), provisioner)
    assert len(provisioner.made("category")) == 1
    assert len(provisioner.made("voice")) == 1


async def test_members_cannot_create_groups(services: Services) -> None:
    with pytest.raises(PermissionDenied, match="admin"):
        await services.groups.create(actor(42), DRAFT, FakeProvisioner())
    assert await count(services, "groups") == 0


@pytest.mark.parametrize(
    ("name", "message"),
    [("x" * 81, "80 or fewer"), ("   ", "can't be empty"), ("\u200b\u202e", "can't be empty"), ("–––", "letter")],
)
async def test_bad_names_are_refused_and_nothing_is_made(services: Services, name: str, message: str) -> None:
    provisioner = FakeProvisioner()
    with pytest.raises(InvalidInput, match=message):
        await services.groups.create(ADMIN, GroupDraft(**{**DRAFT.__dict__, "name": name}), provisioner)
    assert provisioner.calls == []
    assert await count(services, "groups") == 0


async def test_duplicate_name_ignores_case_and_width(services: Services) -> None:
    await services.groups.create(ADMIN, GroupDraft(**{**DRAFT.__dict__, "name": "New Mothers"}), FakeProvisioner())
    provisioner = FakeProvisioner()
    with pytest.raises(Conflict, match="already a group"):
        await services.groups.create(ADMIN, GroupDraft(**{**DRAFT.__dict__, "name": "ｎｅｗ  mothers"}), provisioner)
    assert provisioner.calls == []


@pytest.mark.parametrize("failing_step", ["role", "text", "voice"])
async def test_failure_midway_leaves_nothing_half_made(services: Services, failing_step: str) -> None:
    provisioner = FakeProvisioner(fail_on=failing_step)
    with pytest.raises(ProvisioningError):
        await services.groups.create(ADMIN, GroupDraft(**{**DRAFT.__dict__, "with_voice": True}), provisioner)
    assert await count(services, "groups") == 0
    assert provisioner.made("role") == provisioner.made("text") == provisioner.made("voice") == []


async def test_failed_cleanup_is_recorded_for_retry(services: Services) -> None:
    provisioner = FakeProvisioner(fail_on="text", fail_cleanup=True)
    with pytest.raises(ProvisioningError):
        await services.groups.create(ADMIN, DRAFT, provisioner)
    assert await count(services, "groups") == 0
    role_id = provisioner.made("role")[0]
    assert await services.outbox.state_of(f"delete_role:{role_id}") == "pending"


async def test_interrupted_creation_is_undone_at_start_up(services: Services) -> None:
    provisioner = FakeProvisioner()
    role_id = await provisioner.create_role(GUILD, "x")
    await services.db.execute(
        "INSERT INTO groups (guild_id, name, name_key, condition, audience, description, mode, status, role_id,"
        " created_by, created_at) VALUES (?, 'X', 'x', 'c', 'both', 'd', 'always_open', 'provisioning', ?, 1, 't')",
        (GUILD, role_id),
    )
    assert await services.groups.recover_unfinished(provisioner) == 1
    assert await count(services, "groups") == 0
    assert provisioner.made("role") == []


async def test_joining_needs_the_current_code_of_conduct(services: Services) -> None:
    await services.groups.create(ADMIN, DRAFT, FakeProvisioner())
    member = actor(7)
    with pytest.raises(NotFound, match="code of conduct"):
        await services.groups.join(member, DRAFT.name)
    await accept_conduct(services, 7)
    assert (await services.groups.join(member, DRAFT.name)).outcome is JoinOutcome.JOINED
    await services.conduct.publish(ADMIN, "Version two: be kind, keep it private, no medical advice.")
    await services.groups.create(ADMIN, GroupDraft(**{**DRAFT.__dict__, "name": "New mothers"}), FakeProvisioner())
    with pytest.raises(ConductAcceptanceNeeded) as needed:
        await services.groups.join(member, "New mothers")
    assert needed.value.current.version == 2
    assert "changed" in needed.value.message


async def test_join_queues_role_and_is_idempotent(services: Services) -> None:
    group = await services.groups.create(ADMIN, DRAFT, FakeProvisioner())
    await accept_conduct(services, 7)
    assert (await services.groups.join(actor(7), "breast cancer – FAMILY caregivers")).group.member_count == 1
    assert (await services.groups.join(actor(7), DRAFT.name)).outcome is JoinOutcome.ALREADY_MEMBER
    rows = await services.db.fetch_all("SELECT kind, payload FROM outbox WHERE kind = 'role_add'")
    assert len(rows) == 1 and str(group.role_id) in rows[0]["payload"]


async def test_full_group_waitlist_and_invitation(services: Services, clock: FakeClock) -> None:
    await services.groups.create(ADMIN, GroupDraft(**{**DRAFT.__dict__, "capacity": 1}), FakeProvisioner())
    await accept_conduct(services, 7, 8, 9)
    assert (await services.groups.join(actor(7), DRAFT.name)).outcome is JoinOutcome.JOINED
    assert (await services.groups.join(actor(8), DRAFT.name)).outcome is JoinOutcome.FULL
    assert (await services.groups.join_waitlist(actor(8), DRAFT.name)).position == 1
    clock.advance(minutes=1)
    assert (await services.groups.join_waitlist(actor(9), DRAFT.name)).position == 2
    await services.groups.leave(actor(7), DRAFT.name)
    # The seat is held for number 1; number 2 still finds the group full.
    assert (await services.groups.join(actor(9), DRAFT.name)).outcome is JoinOutcome.FULL
    invites = await services.db.fetch_all("SELECT payload FROM outbox WHERE kind = 'dm'")
    assert len(invites) == 1 and '"user_id": 8' in invites[0]["payload"]
    assert (await services.groups.join(actor(8), DRAFT.name)).outcome is JoinOutcome.JOINED


async def test_unanswered_invitation_passes_to_the_next_person(services: Services, clock: FakeClock) -> None:
    await services.groups.create(ADMIN, GroupDraft(**{**DRAFT.__dict__, "capacity": 1}), FakeProvisioner())
    await accept_conduct(services, 7, 8, 9)
    await services.groups.join(actor(7), DRAFT.name)
    await services.groups.join_waitlist(actor(8), DRAFT.name)
    clock.advance(seconds=1)
    await services.groups.join_waitlist(actor(9), DRAFT.name)
    await services.groups.leave(actor(7), DRAFT.name)
    clock.advance(hours=49)
    await services.groups.sweep_waitlists()
    invited = await services.db.fetch_all("SELECT user_id FROM group_waitlist WHERE invited_at IS NOT NULL")
    assert [r[0] for r in invited] == [9]


async def test_leave_when_not_a_member(services: Services) -> None:
    await services.groups.create(ADMIN, DRAFT, FakeProvisioner())
    with pytest.raises(NotFound, match="nothing to leave"):
        await services.groups.leave(actor(7), DRAFT.name)


async def test_unknown_group(services: Services) -> None:
    with pytest.raises(NotFound, match="/group list"):
        await services.groups.join(actor(7), "<@&123> no such group")


async def test_archive_hides_but_keeps_history(services: Services) -> None:
    group = await services.groups.create(ADMIN, GroupDraft(**{**DRAFT.__dict__, "mode": GroupMode.MEETING_ONLY}),
                                         FakeProvisioner())
    await accept_conduct(services, 7)
    await services.groups.join(actor(7), DRAFT.name)
    await services.groups.archive(ADMIN, DRAFT.name)
    assert await services.groups.list(GUILD) == []
    assert [g.status for g in await services.groups.list(GUILD, include_archived=True)] == ["archived"]
    with pytest.raises(Conflict, match="archived"):
        await services.groups.join(actor(7), DRAFT.name)
    assert await services.outbox.state_of(f"archive_group:{group.id}") == "pending"
    assert await count(services, "group_members") == 1


async def test_delete_removes_row_and_queues_discord_cleanup(services: Services) -> None:
    group = await services.groups.create(ADMIN, DRAFT, FakeProvisioner())
    with pytest.raises(PermissionDenied):
        await services.groups.delete(actor(7), DRAFT.name)
    await services.groups.delete(ADMIN, DRAFT.name)
    assert await count(services, "groups") == 0
    assert await services.outbox.state_of(f"delete_channel:{group.channel_id}") == "pending"
    assert await services.outbox.state_of(f"delete_role:{group.role_id}") == "pending"
