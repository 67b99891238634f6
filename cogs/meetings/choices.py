"""Choosing a meeting, a course or a zone (autocomplete), and how a meeting is written in a reply."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.domain.meetings.model import Occurrence
from bot.domain.meetings.recurrence import zone_suggestions
from bot.domain.meetings.schedule import fmt_local
from bot.domain.roles import PeerRole
from cogs._common import actor_of, bot_of


async def meeting_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
    """Upcoming meetings the caller can see: all of them for leaders, their groups' for everyone else."""
    if interaction.guild_id is None or not isinstance(interaction.user, discord.Member):
        return []
    services = bot_of(interaction).services
    actor = actor_of(interaction)
    leader = await services.roles.has(actor, PeerRole.LEADER)
    found = await services.meetings.upcoming(actor.guild_id, user_id=None if leader else actor.user_id, limit=50)
    needle = current.casefold()
    choices = []
    for o in found:
        label = f"{fmt_local(o.starts_at, o.time_zone)} · {o.label} · {o.group_name}"
        if needle in label.casefold():
            choices.append(app_commands.Choice(name=label[:100], value=o.id))
    return choices[:25]


async def recent_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
    """Meetings that ended lately: all for leaders, the ones they ran for facilitators."""
    if interaction.guild_id is None or not isinstance(interaction.user, discord.Member):
        return []
    services = bot_of(interaction).services
    actor = actor_of(interaction)
    leader = await services.roles.has(actor, PeerRole.LEADER)
    found = await services.meetings.recent(actor.guild_id, user_id=None if leader else actor.user_id)
    labels = [(f"{fmt_local(o.starts_at, o.time_zone)} · {o.label} · {o.group_name}", o.id) for o in found]
    return [app_commands.Choice(name=label[:100], value=oid) for label, oid in labels
            if current.casefold() in label.casefold()][:25]


async def course_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
    if interaction.guild_id is None:
        return []
    found = await bot_of(interaction).services.courses.active(interaction.guild_id)
    return [app_commands.Choice(name=f"{title} · {group}"[:100], value=sid) for sid, title, group in found
            if current.casefold() in title.casefold()][:25]


async def zone_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=z, value=z) for z in zone_suggestions(current)]


def starts_text(o: Occurrence, tz_name: str | None = None) -> str:
    """A meeting's time in the reader's zone (or the meeting's), plus Discord's own relative stamp."""
    return f"{fmt_local(o.starts_at, tz_name or o.time_zone)} (<t:{int(o.starts_at.timestamp())}:R>)"


def occurrence_line(o: Occurrence, tz_name: str | None) -> str:
    state = "" if o.state.value == "scheduled" else f" · {o.state.value}"
    return f"`#{o.id}` **{o.label}** · {o.group_name} · {starts_text(o, tz_name)}{state}"
