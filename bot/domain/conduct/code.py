"""The code of conduct: versioned text per server, and each member's acceptance of a version.

Members accept the current version before joining any group, and again after a new version is published.
"""

from __future__ import annotations

from bot.domain.roles import PeerRole
from bot.domain.versioned import TextVersion, VersionedText
from bot.errors import DomainError, NotFound

ConductVersion = TextVersion


class ConductAcceptanceNeeded(DomainError):
    """Raised when a member must accept the current code first; the adapter shows the text and a button."""

    def __init__(self, current: ConductVersion, had_accepted_older: bool) -> None:
        lead = (
            "The code of conduct has changed since you last accepted it."
            if had_accepted_older
            else "Before you join a group, please read and accept the code of conduct."
        )
        super().__init__(lead)
        self.current = current


class ConductService(VersionedText):
    area = "conduct"
    versions_table = "conduct_versions"
    acceptances_table = "conduct_acceptances"
    noun = "code of conduct"
    show_command = "/conduct show"
    publisher = PeerRole.ADMIN

    async def require_current(self, guild_id: int, user_id: int) -> None:
        current = await self.current(guild_id)
        if current is None:
            raise NotFound(
                "Groups open once this server has a code of conduct. An admin can publish one with /conduct set."
            )
        accepted = await self.accepted_version(guild_id, user_id)
        if accepted != current.version:
            raise ConductAcceptanceNeeded(current, had_accepted_older=accepted is not None)
