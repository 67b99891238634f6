"""Who may do what: peerbot roles mapped onto a server's own Discord roles.

Every command names the peerbot roles it allows and calls `RoleService.require` on the server side; a hidden
button is never the check. A server administrator (or owner) always counts as a peerbot admin, and a peerbot
admin may do anything a staff role may.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.errors import InvalidInput, PermissionDenied
from bot.storage.db import Database


class PeerRole(StrEnum):
    ADMIN = "admin"
    MODERATOR = "moderator"
    LEADER = "leader"
    FACILITATOR = "facilitator"
    PEER_SUPPORTER = "peer_supporter"

    @property
    def label(self) -> str:
        return {
            "admin": "admin",
            "moderator": "moderator",
            "leader": "programme leader",
            "facilitator": "facilitator",
            "peer_supporter": "peer supporter",
        }[self.value]


@dataclass(frozen=True)
class Actor:
    """The person behind a command, as the adapter saw them in this server."""

    guild_id: int
    user_id: int
    role_ids: frozenset[int] = frozenset()
    is_server_admin: bool = False


class RoleRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def mapping(self, guild_id: int) -> dict[PeerRole, set[int]]:
        rows = await self.db.fetch_all(
            "SELECT peer_role, discord_role_id FROM role_mappings WHERE guild_id = ?", (guild_id,)
        )
        result: dict[PeerRole, set[int]] = {}
        for row in rows:
            result.setdefault(PeerRole(row["peer_role"]), set()).add(int(row["discord_role_id"]))
        return result

    async def replace(self, guild_id: int, peer_role: PeerRole, role_ids: set[int]) -> None:
        async with self.db.transaction():
            await self.db.execute(
                "DELETE FROM role_mappings WHERE guild_id = ? AND peer_role = ?", (guild_id, peer_role.value)
            )
            for role_id in sorted(role_ids):
                await self.db.execute(
                    "INSERT INTO role_mappings (guild_id, peer_role, discord_role_id) VALUES (?, ?, ?)",
                    (guild_id, peer_role.value, role_id),
                )

    async def has_any(self, guild_id: int) -> bool:
        return bool(await self.db.fetch_value("SELECT 1 FROM role_mappings WHERE guild_id = ? LIMIT 1", (guild_id,)))


class RoleService:
    def __init__(self, repo: RoleRepository, bootstrap: dict[str, int] | None = None) -> None:
        self.repo = repo
        self.bootstrap = {PeerRole(k): v for k, v in (bootstrap or {}).items()}

    async def roles_of(self, actor: Actor) -> set[PeerRole]:
        mapping = await self.repo.mapping(actor.guild_id)
        if not mapping and self.bootstrap:
            mapping = {role: {role_id} for role, role_id in self.bootstrap.items()}
        held = {role for role, ids in mapping.items() if ids & actor.role_ids}
        if actor.is_server_admin:
            held.add(PeerRole.ADMIN)
        return held

    async def has(self, actor: Actor, *allowed: PeerRole) -> bool:
        held = await self.roles_of(actor)
        return PeerRole.ADMIN in held or bool(held & set(allowed))

    async def require(self, actor: Actor, *allowed: PeerRole) -> None:
        if await self.has(actor, *allowed):
            return
        names = " or ".join(role.label for role in (allowed or (PeerRole.ADMIN,)))
        raise PermissionDenied(
            f"Only a {names} can do this. If you think you should have that role, please ask a server admin."
        )

    async def staff_role_ids(self, guild_id: int) -> set[int]:
        """Discord roles that can see every group: admins, moderators and programme leaders."""
        mapping = await self.repo.mapping(guild_id)
        if not mapping and self.bootstrap:
            mapping = {role: {role_id} for role, role_id in self.bootstrap.items()}
        staff = (PeerRole.ADMIN, PeerRole.MODERATOR, PeerRole.LEADER)
        return {role_id for role in staff for role_id in mapping.get(role, set())}

    async def set_mapping(self, actor: Actor, peer_role: PeerRole, role_ids: set[int]) -> None:
        await self.require(actor, PeerRole.ADMIN)
        if actor.guild_id in role_ids:
            raise InvalidInput("@everyone can't be a peerbot role; please pick a specific role.")
        await self.repo.replace(actor.guild_id, peer_role, role_ids)
