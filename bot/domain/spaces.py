"""The peer-support spaces: where risk screening and conduct read messages, and nowhere else.

A space is a group's channel or a one-to-one match's private space. Each area registers a finder, an object with
`async space_of(channel_id) -> Space | None`, in bot/services.py. Risk screening asks only whether a channel is a
space; conduct also applies the settings of the space's kind ("group" or "match") without knowing anything else
about the area behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.domain.group import GroupService


@dataclass(frozen=True)
class Space:
    kind: str  # "group" or "match"; rule settings can be scoped to either
    group_id: int | None = None  # a group's own rule layer applies when set


class SpaceFinder(Protocol):
    async def space_of(self, channel_id: int) -> Space | None: ...


class GroupSpaces:
    def __init__(self, groups: GroupService) -> None:
        self.groups = groups

    async def space_of(self, channel_id: int) -> Space | None:
        group = await self.groups.by_channel(channel_id)
        return Space("group", group.id) if group else None


class ScreenedSpaces:
    def __init__(self, *finders: SpaceFinder) -> None:
        self.finders = list(finders)

    def register(self, finder: SpaceFinder) -> None:
        self.finders.append(finder)

    async def space_of(self, channel_id: int) -> Space | None:
        for finder in self.finders:
            space = await finder.space_of(channel_id)
            if space is not None:
                return space
        return None
