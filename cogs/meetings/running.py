"""Running a meeting: `/meeting start`, `end` and `attendance`, and attendance from posts while it is open."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import NotFound
from cogs._common import actor_of, reply
from cogs.meetings.choices import meeting_choices, recent_choices
from cogs.runtime import PeerBot


class RunningCommands(commands.Cog):
    """Part of the `/meeting` group (see cogs/meetings/__init__.py)."""

    bot: PeerBot

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Attendance: who posted while a meeting was open. Only the fact is kept, never the words."""
        if message.author.bot or message.guild is None:
            return
        await self.bot.services.timeline.note_post(message.channel.id, message.author.id)

    async def _meeting_here(self, interaction: discord.Interaction, meeting: int | None) -> int:
        """The meeting named, or else the one running (or about to) in this channel."""
        if meeting is not None:
            return meeting
        actor = actor_of(interaction)
        running = await self.bot.services.timeline.open_in_channel(actor.guild_id, interaction.channel_id or 0)
        if running is not None:
            return running.id
        for o in await self.bot.services.meetings.upcoming(actor.guild_id, user_id=actor.user_id, limit=5):
            if o.channel_id == interaction.channel_id:
                return o.id
        raise NotFound("I couldn't tell which meeting you mean; please choose it in the “meeting” option.")

    @app_commands.command(name="start", description="Check in as facilitator and open the room")
    @app_commands.guild_only()
    @app_commands.autocomplete(meeting=meeting_choices)
    async def start(self, interaction: discord.Interaction, meeting: int | None = None) -> None:
        o = await self.bot.services.timeline.check_in(actor_of(interaction),
                                                      await self._meeting_here(interaction, meeting))
        await self.bot.rearm_meetings()
        await reply(interaction, f"You're checked in and the room for **{o.label}** is open.")

    @app_commands.command(name="end", description="End the meeting and close the room")
    @app_commands.guild_only()
    @app_commands.autocomplete(meeting=meeting_choices)
    async def end(self, interaction: discord.Interaction, meeting: int | None = None) -> None:
        o = await self.bot.services.timeline.end(actor_of(interaction),
                                                 await self._meeting_here(interaction, meeting))
        await reply(interaction, f"**{o.label}** has ended and the room is closed. Thank you for facilitating.")


    @app_commands.command(name="attendance", description="Who came to a meeting (facilitators and leaders)")
    @app_commands.guild_only()
    @app_commands.autocomplete(meeting=recent_choices)
    async def attendance(self, interaction: discord.Interaction, meeting: int) -> None:
        report = await self.bot.services.timeline.attendance(actor_of(interaction), meeting)

        def people(ids: list[int]) -> str:
            return ", ".join(f"<@{i}>" for i in ids) or "nobody"

        mean = report["feedback_mean"]
        await reply(interaction, (
            f"**{report['occurrence'].label}** · {report['attended']} attended\n"
            f"Checked in: {people(report['checked_in'])}\nPosted: {people(report['posted'])}\n"
            f"RSVP'd but didn't come: {people(report['no_show_rsvps'])}\n"
            f"Feedback: {report['feedback_count']} answer(s)" + (f", average {mean:.1f} / 5" if mean else "")))
