"""`/meeting next`, `calendar`, `rsvp`, `unrsvp`, `timezone` and `reminders`: what a member sees and chooses."""

from __future__ import annotations

import io

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.meetings.rsvp import offset_label
from bot.domain.roles import PeerRole
from bot.errors import InvalidInput, NotFound
from cogs._common import actor_of, reply
from cogs.groups import group_names
from cogs.meetings.choices import meeting_choices, occurrence_line, zone_choices
from cogs.runtime import PeerBot

REMINDER_CHOICES = {"24h": 1440, "3h": 180, "1h": 60, "15m": 15}


class RsvpCommands(commands.Cog):
    """Part of the `/meeting` group (see cogs/meetings/__init__.py)."""

    bot: PeerBot

    @app_commands.command(name="next", description="The next meetings of your groups, in your time zone")
    @app_commands.guild_only()
    @app_commands.autocomplete(group=group_names)
    async def next_(self, interaction: discord.Interaction, group: str | None = None) -> None:
        services = self.bot.services
        actor = actor_of(interaction)
        group_id = (await services.groups.get(actor.guild_id, group)).id if group else None
        found = await services.meetings.upcoming(actor.guild_id, group_id=group_id,
                                                 user_id=None if group else actor.user_id, limit=10,
                                                 include_cancelled=True)
        prefs = await services.rsvps.prefs(actor.guild_id, actor.user_id)
        if not found:
            await reply(interaction, "No meetings are scheduled yet" + (f" for “{group}”." if group else
                                                                          " in your groups."))
            return
        note = "" if prefs.time_zone else "\nTimes are in each group's zone; set yours with /meeting timezone."
        await reply(interaction, "\n".join(occurrence_line(o, prefs.time_zone) for o in found) + note)

    @app_commands.command(name="calendar", description="Download a group's meetings as a calendar file (.ics)")
    @app_commands.guild_only()
    @app_commands.autocomplete(group=group_names)
    async def calendar(self, interaction: discord.Interaction, group: str) -> None:
        services = self.bot.services
        actor = actor_of(interaction)
        found = await services.groups.get(actor.guild_id, group)
        if not (await services.groups.is_member(found.id, actor.user_id)
                or await services.roles.has(actor, PeerRole.LEADER, PeerRole.FACILITATOR)):
            raise NotFound(f"The calendar is for members of “{found.name}”. /group join adds you.")
        ics = await services.meetings.calendar(found.id, found.name)
        await reply(interaction, f"Here is the calendar for “{found.name}”. Open it with your calendar app.",
                    file=discord.File(io.BytesIO(ics), filename="meetings.ics"))

    @app_commands.command(name="rsvp", description="Say you'll come, so you get reminders")
    @app_commands.guild_only()
    @app_commands.describe(meeting="Which meeting", every_week="RSVP to every meeting of this series")
    @app_commands.autocomplete(meeting=meeting_choices)
    async def rsvp(self, interaction: discord.Interaction, meeting: int, every_week: bool = False) -> None:
        actor = actor_of(interaction)
        services = self.bot.services
        await services.rsvps.rsvp(actor, meeting, whole_series=every_week)
        prefs = await services.rsvps.prefs(actor.guild_id, actor.user_id)
        reminders = ", ".join(offset_label(m) for m in prefs.offsets) or "no reminders"
        via = "DM" if prefs.via == "dm" else "a mention in the group channel"
        await reply(interaction, f"See you there. Reminders: {reminders} before, by {via} "
                    "(change with /meeting reminders).")

    @app_commands.command(name="unrsvp", description="Take back an RSVP")
    @app_commands.guild_only()
    @app_commands.autocomplete(meeting=meeting_choices)
    async def unrsvp(self, interaction: discord.Interaction, meeting: int) -> None:
        await self.bot.services.rsvps.cancel_rsvp(actor_of(interaction), meeting)
        await reply(interaction, "Done: you won't get reminders for it.")

    @app_commands.command(name="timezone", description="Set your own time zone for meeting times")
    @app_commands.guild_only()
    @app_commands.autocomplete(zone=zone_choices)
    async def timezone(self, interaction: discord.Interaction, zone: str) -> None:
        actor = actor_of(interaction)
        prefs = await self.bot.services.rsvps.set_time_zone(actor.guild_id, actor.user_id, zone)
        await reply(interaction, f"Meeting times will show in {prefs.time_zone}.")

    @app_commands.command(name="reminders", description="Choose when and how you get meeting reminders")
    @app_commands.guild_only()
    @app_commands.describe(when="Any of 24h, 3h, 1h, 15m separated by commas, or “none”",
                           via="By DM, or as a mention in the group channel")
    @app_commands.choices(via=[app_commands.Choice(name="DM", value="dm"),
                               app_commands.Choice(name="mention in the group channel", value="channel")])
    async def reminders(self, interaction: discord.Interaction, when: str,
                        via: app_commands.Choice[str] | None = None) -> None:
        actor = actor_of(interaction)
        words = [w.strip().lower() for w in when.split(",") if w.strip()]
        if words == ["none"]:
            words = []
        unknown = [w for w in words if w not in REMINDER_CHOICES]
        if unknown:
            raise InvalidInput("Reminders can be " + ", ".join(REMINDER_CHOICES) + " (or “none”).")
        current = await self.bot.services.rsvps.prefs(actor.guild_id, actor.user_id)
        prefs = await self.bot.services.rsvps.set_reminders(
            actor.guild_id, actor.user_id, [REMINDER_CHOICES[w] for w in words], via.value if via else current.via)
        chosen = ", ".join(offset_label(m) for m in prefs.offsets) or "none"
        await reply(interaction, f"Reminders: {chosen}, by {'DM' if prefs.via == 'dm' else 'channel mention'}.")
