"""Where automatic risk screening reads: the peer-support spaces, and nowhere else.

Those are group channels and the private spaces of one-to-one matches. The referral listener asks `covers`
only after the screener has found something, so the lookups cost nothing on an ordinary message.
"""

from __future__ import annotations

from bot.domain.group import GroupService
from bot.domain.matching.space import MatchSpaces


class ScreenedChannels:
    def __init__(self, groups: GroupService, match_spaces: MatchSpaces) -> None:
        self.groups = groups
        self.match_spaces = match_spaces

    async def covers(self, channel_id: int) -> bool:
        return await self.groups.by_channel(channel_id) is not None or \
            await self.match_spaces.is_match_space(channel_id)
