from __future__ import annotations

import pytest

from bot.domain.group import GroupDraft
from bot.domain.roles import PeerRole
from bot.errors import Conflict, InvalidInput, PermissionDenied
from bot.services import Services
from tests.conftest import ADMIN, GUILD, LEADER, FakeClock, FakeProvisioner, accept_conduct, actor
from tests.test_groups import DRAFT


async def test_each_edit_is_a_new_version_and_old_ones_are_kept(services: Services, clock: FakeClock) -> None:
    first = await services.conduct.publish(ADMIN, "  Be kind.\n\nKeep it private.  ")
    clock.advance(days=1)
    second = await services.conduct.publish(ADMIN, "Be kind. No medical advice.")
    assert (first.version, second.version) == (1, 2)
    assert first.text == "Be kind.\n\nKeep it private."
    assert [v.version for v in await services.conduct.versions(GUILD)] == [1, 2]
    assert (await services.conduct.current(GUILD)) == second


async def test_only_admins_publish(services: Services) -> None:
    with pytest.raises(PermissionDenied, match="Only a admin"):
        await services.conduct.publish(LEADER, "text")


async def test_over_long_code_is_refused(services: Services) -> None:
    with pytest.raises(InvalidInput, match="4000"):
        await services.conduct.publish(ADMIN, "x" * 4001)


async def test_accepting_a_stale_version_is_refused(services: Services) -> None:
    await services.conduct.publish(ADMIN, "one")
    await services.conduct.publish(ADMIN, "two")
    with pytest.raises(Conflict, match="newer version"):
        await services.conduct.accept(GUILD, 7, 1)
    await services.conduct.accept(GUILD, 7, 2)
    assert await services.conduct.accepted_version(GUILD, 7) == 2


async def test_server_administrators_count_as_admin(services: Services) -> None:
    owner = actor(99, admin=True)
    assert await services.roles.has(owner, PeerRole.LEADER)
    await services.roles.set_mapping(owner, PeerRole.FACILITATOR, {77})
    assert await services.roles.roles_of(actor(5, 77)) == {PeerRole.FACILITATOR}


async def test_refusal_names_the_needed_role(services: Services) -> None:
    with pytest.raises(PermissionDenied, match="programme leader or moderator"):
        await services.roles.require(actor(5), PeerRole.LEADER, PeerRole.MODERATOR)


async def test_everyone_role_cannot_be_mapped(services: Services) -> None:
    with pytest.raises(InvalidInput, match="everyone"):
        await services.roles.set_mapping(ADMIN, PeerRole.LEADER, {GUILD})


async def test_export_and_delete_cover_every_area(services: Services) -> None:
    await services.groups.create(ADMIN, DRAFT, FakeProvisioner())
    await services.groups.create(ADMIN, GroupDraft(**{**DRAFT.__dict__, "name": "Full", "capacity": 1}),
                                 FakeProvisioner())
    await accept_conduct(services, 7, 8)
    await services.groups.join(actor(7), DRAFT.name)
    await services.groups.join(actor(8), "Full")
    await services.groups.join_waitlist(actor(7), "Full")

    exported = await services.privacy.export(actor(7), 7)
    assert exported["groups"]["memberships"][0]["group"] == DRAFT.name
    assert exported["groups"]["waitlists"][0]["name"] == "Full"
    assert exported["conduct"][0]["version"] == 1

    with pytest.raises(PermissionDenied):
        await services.privacy.delete(actor(8), 7)
    counts = await services.privacy.delete(ADMIN, 7)
    assert counts["groups"] == 2 and counts["conduct"] == 1
    after = await services.privacy.export(actor(7), 7)
    assert after["groups"] == {"memberships": [], "waitlists": []} and after["conduct"] == []
    # The member loses the group role; the erasure is in the audit log, with who did it but not whose data
    # (the earlier export's entry loses the member's id too).
    assert await services.db.fetch_value("SELECT COUNT(*) FROM outbox WHERE kind = 'role_remove'") == 1
    log = await services.audit.entries_for("member", 7)
    assert [e["action"] for e in log] == ["privacy_export"]  # the export made after the erasure
    erased = await services.db.fetch_all("SELECT actor_id, subject_id FROM audit_log WHERE action = 'privacy_delete'")
    assert [tuple(r) for r in erased] == [(ADMIN.user_id, None)]
