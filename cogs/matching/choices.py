"""Autocomplete for matching: programmes, the server's taxonomy (for comma-separated lists, the last item),
times of the week, shown fields, time zones, matches and requests."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

import discord
from discord import app_commands

from bot.domain.matching.profile import SHOWABLE, WINDOWS
from bot.domain.matching.taxonomy import Kind
from bot.domain.meetings.recurrence import zone_suggestions
from bot.domain.roles import PeerRole
from cogs._common import actor_of, bot_of

Choices = list[app_commands.Choice[str]]


def _listed(typed: str, options: list[str]) -> Choices:
    """Suggestions for the last item of a comma-separated list, keeping the items already typed."""
    head, comma, _ = typed.rpartition(",")
    prefix = f"{head.strip()}, " if comma else ""
    found = []
    for option in options:
        value = f"{prefix}{option}"
        if len(value) <= 100:
            found.append(app_commands.Choice(name=value, value=value))
    return found[:25]


def _last(typed: str) -> str:
    return typed.rpartition(",")[2].strip()


async def programme_choices(interaction: discord.Interaction, current: str) -> Choices:
    if interaction.guild_id is None:
        return []
    programmes = await bot_of(interaction).services.matching.programmes.list(interaction.guild_id)
    return [app_commands.Choice(name=p.name, value=p.name) for p in programmes
            if current.casefold() in p.name.casefold()][:25]


def _taxonomy(kind: Kind, many: bool) -> Callable[[discord.Interaction, str], Coroutine[Any, Any, Choices]]:
    async def choices(interaction: discord.Interaction, current: str) -> Choices:
        if interaction.guild_id is None:
            return []
        typed = _last(current) if many else current
        found = await bot_of(interaction).services.matching.taxonomy.suggest(interaction.guild_id, kind, typed)
        if many:
            return _listed(current, found)
        return [app_commands.Choice(name=label[:100], value=label[:100]) for label in found]
    return choices


condition_choices = _taxonomy(Kind.CONDITION, many=False)
tag_choices = _taxonomy(Kind.TAG, many=True)
issue_choices = _taxonomy(Kind.ISSUE, many=True)


async def window_choices(interaction: discord.Interaction, current: str) -> Choices:
    return _listed(current, [w for w in WINDOWS if _last(current).casefold() in w])


async def show_choices(interaction: discord.Interaction, current: str) -> Choices:
    return _listed(current, [f.replace("_", " ") for f in SHOWABLE if _last(current).casefold() in f])


async def zone_choices(interaction: discord.Interaction, current: str) -> Choices:
    return [app_commands.Choice(name=z, value=z) for z in zone_suggestions(current)]


async def match_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
    """Leaders choose among every active match; members among their own."""
    if interaction.guild_id is None or not isinstance(interaction.user, discord.Member):
        return []
    found = await bot_of(interaction).services.matching.lifecycle.active(actor_of(interaction))
    labels = [(f"#{m.id} · {name} · since {m.created_at:%d %b}", m.id) for m, name in found]
    return [app_commands.Choice(name=label[:100], value=mid) for label, mid in labels
            if current.casefold() in label.casefold()][:25]


async def request_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
    """Live requests, for leaders only (the list itself says who is waiting)."""
    if interaction.guild_id is None or not isinstance(interaction.user, discord.Member):
        return []
    services = bot_of(interaction).services
    actor = actor_of(interaction)
    if not await services.roles.has(actor, PeerRole.LEADER):
        return []  # the service refuses too; autocomplete just offers nothing
    found = await services.matching.intake.live_in_guild(actor)
    labels = [(f"#{r.id} · {name} · {r.state.value} · queued {r.queued_at:%d %b}", r.id) for r, name in found]
    return [app_commands.Choice(name=label[:100], value=rid) for label, rid in labels
            if current.casefold() in label.casefold()][:25]
