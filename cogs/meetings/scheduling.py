"""`/meeting schedule`, `course`, `cancel`, `move`, `hand-over`, `cover`, `agenda` and `stop-series`: planning.

After a change that moves a meeting's timeline, the command re-arms the scheduler's wake-up.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.meetings.recurrence import RecurrenceSpec, Repeat, parse_date
from bot.domain.meetings.schedule import SeriesDraft
from bot.errors import InvalidInput
from cogs._common import actor_of, reply
from cogs.groups import group_names
from cogs.meetings.choices import meeting_choices, occurrence_line, starts_text, zone_choices
from cogs.runtime import PeerBot


class SchedulingCommands(commands.Cog):
    """Part of the `/meeting` group (see cogs/meetings/__init__.py)."""

    bot: PeerBot

    @app_commands.command(name="schedule", description="Schedule a meeting or a series for a group")
    @app_commands.guild_only()
    @app_commands.describe(
        group="The group", title="For example “Tuesday evening meeting”", date="First meeting, YYYY-MM-DD",
        time="Local start time, 24-hour, e.g. 19:00", timezone="IANA zone, e.g. Europe/London",
        duration="Minutes (15–480)", repeat="How it repeats", days="Weekly: days such as “mon, thu”",
        every="Weekly: every N weeks", nth="Monthly: 1–4, or -1 for the last such weekday",
        rrule="An iCalendar RRULE, e.g. FREQ=MONTHLY;BYDAY=1MO", until="Last date, YYYY-MM-DD",
        count="Number of meetings", facilitator="Who runs it (leaders only; defaults to you)",
        co_facilitator="A co-facilitator", agenda="The opening script or agenda")
    @app_commands.autocomplete(group=group_names, timezone=zone_choices)
    @app_commands.choices(repeat=[app_commands.Choice(name=r.value, value=r.value) for r in Repeat])
    async def schedule(self, interaction: discord.Interaction, group: str, title: str, date: str, time: str,
                       timezone: str, duration: app_commands.Range[int, 15, 480] = 60,
                       repeat: app_commands.Choice[str] | None = None, days: str | None = None,
                       every: app_commands.Range[int, 1, 52] = 1, nth: int | None = None,
                       rrule: str | None = None, until: str | None = None,
                       count: app_commands.Range[int, 1, 520] | None = None,
                       facilitator: discord.Member | None = None, co_facilitator: discord.Member | None = None,
                       agenda: str = "") -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        spec = RecurrenceSpec(Repeat(repeat.value) if repeat else Repeat.ONCE, days=days, every=every, nth=nth,
                              rule=rrule, until=parse_date(until) if until else None, count=count)
        draft = SeriesDraft(title=title, day=date, at=time, time_zone=timezone, duration_minutes=duration,
                            recurrence=spec, agenda=agenda, facilitator_id=facilitator.id if facilitator else None,
                            co_facilitator_ids=(co_facilitator.id,) if co_facilitator else ())
        series, upcoming = await self.bot.services.meetings.schedule(actor_of(interaction), group, draft)
        await self.bot.rearm_meetings()
        lines = "\n".join(occurrence_line(o, None) for o in upcoming)
        await reply(interaction, f"Scheduled **{series.title}** for “{group}”. Coming up:\n{lines}")

    @app_commands.command(name="course", description="Schedule a course: weekly sessions with a syllabus")
    @app_commands.guild_only()
    @app_commands.describe(
        group="The group", title="For example “Family-to-family”", date="First session, YYYY-MM-DD",
        time="Local start time, e.g. 18:00", timezone="IANA zone", duration="Minutes per session",
        sessions="Session titles separated by “;” (one session each)", capacity="Enrollment cap (optional)",
        every="Every N weeks", facilitator="Who runs it (leaders only)", co_facilitator="A co-facilitator")
    @app_commands.autocomplete(group=group_names, timezone=zone_choices)
    async def course(self, interaction: discord.Interaction, group: str, title: str, date: str, time: str,
                     timezone: str, sessions: str, duration: app_commands.Range[int, 15, 480] = 90,
                     capacity: app_commands.Range[int, 1, 1000] | None = None,
                     every: app_commands.Range[int, 1, 4] = 1, facilitator: discord.Member | None = None,
                     co_facilitator: discord.Member | None = None) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        titles = tuple(t.strip() for t in sessions.split(";") if t.strip())
        if not titles:
            raise InvalidInput("Please give at least one session title; separate titles with “;”.")
        draft = SeriesDraft(title=title, day=date, at=time, time_zone=timezone, duration_minutes=duration,
                            recurrence=RecurrenceSpec(Repeat.WEEKLY, every=every), syllabus=titles,
                            capacity=capacity, facilitator_id=facilitator.id if facilitator else None,
                            co_facilitator_ids=(co_facilitator.id,) if co_facilitator else ())
        series, upcoming = await self.bot.services.meetings.schedule(actor_of(interaction), group, draft)
        await self.bot.rearm_meetings()
        await reply(interaction, f"Course **{series.title}** is scheduled ({len(titles)} sessions"
                    + (f", up to {capacity} people" if capacity else "") + "). Members enroll with /course enroll.\n"
                    + "\n".join(occurrence_line(o, None) for o in upcoming))


    @app_commands.command(name="cancel", description="Skip one meeting; members are told")
    @app_commands.guild_only()
    @app_commands.autocomplete(meeting=meeting_choices)
    async def cancel(self, interaction: discord.Interaction, meeting: int, note: str | None = None) -> None:
        o = await self.bot.services.meetings.cancel(actor_of(interaction), meeting, note)
        await self.bot.rearm_meetings()
        await reply(interaction, f"**{o.label}** on {starts_text(o)} is cancelled, and members are being told.")

    @app_commands.command(name="move", description="Move one meeting to another date or time (in its own zone)")
    @app_commands.guild_only()
    @app_commands.autocomplete(meeting=meeting_choices)
    @app_commands.describe(date="New date, YYYY-MM-DD", time="New local time, e.g. 19:30")
    async def move(self, interaction: discord.Interaction, meeting: int, date: str, time: str) -> None:
        o = await self.bot.services.meetings.move(actor_of(interaction), meeting, date, time)
        await self.bot.rearm_meetings()
        await reply(interaction, f"**{o.label}** is now {starts_text(o)}. Members who RSVP'd are being told.")

    @app_commands.command(name="hand-over", description="Give a meeting's series to another facilitator (leaders)")
    @app_commands.guild_only()
    @app_commands.autocomplete(meeting=meeting_choices)
    @app_commands.describe(meeting="Any meeting of the series", to="A facilitator assigned to the group")
    async def hand_over(self, interaction: discord.Interaction, meeting: int, to: discord.Member) -> None:
        series = await self.bot.services.meetings.hand_over(actor_of(interaction), meeting, to.id)
        await self.bot.rearm_meetings()
        await reply(interaction, f"**{series.title}** now runs with {to.mention}, who is being told.")

    @app_commands.command(name="cover", description="Ask the group's other facilitators to cover a meeting")
    @app_commands.guild_only()
    @app_commands.autocomplete(meeting=meeting_choices)
    async def cover(self, interaction: discord.Interaction, meeting: int) -> None:
        asked = await self.bot.services.meetings.request_cover(actor_of(interaction), meeting)
        await reply(interaction, f"I've asked {asked} facilitator{'s' if asked != 1 else ''}. "
                    "The first to accept takes the meeting, and I'll tell you who.")

    @app_commands.command(name="agenda", description="Set the opening script or agenda for a meeting's series")
    @app_commands.guild_only()
    @app_commands.autocomplete(meeting=meeting_choices)
    async def agenda(self, interaction: discord.Interaction, meeting: int, text: str) -> None:
        services = self.bot.services
        actor = actor_of(interaction)
        o = await services.meetings.occurrence(actor.guild_id, meeting)
        series = await services.meetings.set_agenda(actor, o.series_id, text)
        await reply(interaction, f"The agenda for **{series.title}** is updated.")

    @app_commands.command(name="stop-series", description="End a series; its future meetings are cancelled")
    @app_commands.guild_only()
    @app_commands.autocomplete(meeting=meeting_choices)
    async def stop_series(self, interaction: discord.Interaction, meeting: int) -> None:
        services = self.bot.services
        actor = actor_of(interaction)
        o = await services.meetings.occurrence(actor.guild_id, meeting)
        cancelled = await services.meetings.end_series(actor, o.series_id)
        await self.bot.rearm_meetings()
        await reply(interaction, f"The series **{o.title}** has ended; {cancelled} upcoming meeting(s) cancelled.")
