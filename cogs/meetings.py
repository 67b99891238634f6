"""`/meeting …` and `/course …`, the buttons on opening posts and DMs, and the meeting outbox handlers.

Each command builds an Actor, calls one service method, and replies; every rule lives in bot/domain/meetings.
After a change that moves a meeting's timeline, the command re-arms the scheduler's wake-up.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any, ClassVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.meetings.course import Enrollment
from bot.domain.meetings.model import Occurrence
from bot.domain.meetings.recurrence import RecurrenceSpec, Repeat, parse_date, zone_suggestions
from bot.domain.meetings.rsvp import offset_label
from bot.domain.meetings.schedule import SeriesDraft, fmt_local
from bot.domain.outbox import DeliveryError, OutboxItem
from bot.domain.roles import Actor, PeerRole
from bot.errors import InvalidInput, NotFound
from cogs._common import NO_MENTIONS, actor_of, bot_of, kind_message, reply
from cogs.effects import register_handlers
from cogs.groups import group_names
from cogs.runtime import PeerBot

log = logging.getLogger(__name__)

REMINDER_CHOICES = {"24h": 1440, "3h": 180, "1h": 60, "15m": 15}
CONDUCT_REMINDER = ("A reminder of our code of conduct: what is shared here stays here, we speak from our own "
                    "experience, and we don't give medical advice.")


# ---- choosing a meeting ------------------------------------------------------------------------------
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


# ---- persistent buttons --------------------------------------------------------------------------------
class MeetingButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                    template=r"peerbot:meeting:(?P<action>checkin|here):(?P<id>\d+)"):
    """On the opening post: facilitators check in (which opens the room); members say they're here."""

    LABELS: ClassVar[dict[str, tuple[str, discord.ButtonStyle]]] = {
        "checkin": ("Check in as facilitator", discord.ButtonStyle.success),
        "here": ("I'm here", discord.ButtonStyle.secondary),
    }

    def __init__(self, action: str, occurrence_id: int) -> None:
        label, style = self.LABELS[action]
        super().__init__(discord.ui.Button(label=label, style=style,
                                           custom_id=f"peerbot:meeting:{action}:{occurrence_id}"))
        self.action = action
        self.occurrence_id = occurrence_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> MeetingButton:
        return cls(match["action"], int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = bot_of(interaction)
        try:
            actor = actor_of(interaction)
            if self.action == "checkin":
                o = await bot.services.timeline.check_in(actor, self.occurrence_id)
                await bot.rearm_meetings()
                await reply(interaction, f"You're checked in and the room for **{o.label}** is open. Thank you.")
            else:
                await bot.services.timeline.here(actor, self.occurrence_id)
                await reply(interaction, "Welcome. You're marked as here.")
        except Exception as error:
            await reply(interaction, kind_message(error))


def opening_view(occurrence_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(MeetingButton("checkin", occurrence_id))
    view.add_item(MeetingButton("here", occurrence_id))
    return view


class CoverButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                  template=r"peerbot:cover:(?P<g>\d+):(?P<id>\d+)"):
    """In a DM to the group's other facilitators: the first to press it takes the meeting."""

    def __init__(self, guild_id: int, request_id: int) -> None:
        super().__init__(discord.ui.Button(label="I'll cover it", style=discord.ButtonStyle.primary,
                                           custom_id=f"peerbot:cover:{guild_id}:{request_id}"))
        self.guild_id = guild_id
        self.request_id = request_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> CoverButton:
        return cls(int(match["g"]), int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        # Pressed in a DM, so there is no member object: certification, checked in the core, is what counts.
        actor = Actor(guild_id=self.guild_id, user_id=interaction.user.id)
        try:
            o = await bot_of(interaction).services.meetings.take_cover(actor, self.request_id)
        except Exception as error:
            await reply(interaction, kind_message(error))
            return
        await reply(interaction, f"Thank you: **{o.label}** on {starts_text(o)} is yours now.")


class FeedbackModal(discord.ui.Modal, title="How was the meeting?"):
    rating: discord.ui.TextInput[FeedbackModal] = discord.ui.TextInput(
        label="From 1 (not good) to 5 (very good)", min_length=1, max_length=1, placeholder="5")
    comment: discord.ui.TextInput[FeedbackModal] = discord.ui.TextInput(
        label="Anything else? (optional, anonymous)", style=discord.TextStyle.paragraph, required=False,
        max_length=1000)

    def __init__(self, occurrence_id: int) -> None:
        super().__init__()
        self.occurrence_id = occurrence_id

    async def on_submit(self, interaction: discord.Interaction) -> None:
        if not self.rating.value.strip().isdigit():
            raise InvalidInput("Please give the rating as a number from 1 to 5.")
        await bot_of(interaction).services.timeline.submit_feedback(
            interaction.user.id, self.occurrence_id, int(self.rating.value), self.comment.value)
        await reply(interaction, "Thank you. Your answer is stored without your name.")

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:  # type: ignore[override]
        await reply(interaction, kind_message(error))


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"peerbot:feedback:(?P<id>\d+)"):
    def __init__(self, occurrence_id: int) -> None:
        super().__init__(discord.ui.Button(label="Give feedback", style=discord.ButtonStyle.primary,
                                           custom_id=f"peerbot:feedback:{occurrence_id}"))
        self.occurrence_id = occurrence_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> FeedbackButton:
        return cls(int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(FeedbackModal(self.occurrence_id))


def single_button_view(item: discord.ui.Item[Any]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(item)
    return view


# ---- commands --------------------------------------------------------------------------------------------
class Meetings(commands.GroupCog, group_name="meeting", description="Group meetings run by facilitators"):
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot
        super().__init__()

    async def cog_load(self) -> None:
        handlers = MeetingHandlers(self.bot)
        register_handlers(self.bot.services.outbox, handlers.all())

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Attendance: who posted while a meeting was open. Only the fact is kept, never the words."""
        if message.author.bot or message.guild is None:
            return
        await self.bot.services.timeline.note_post(message.channel.id, message.author.id)

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


class Courses(commands.GroupCog, group_name="course", description="Courses with a syllabus and enrollment"):
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="enroll", description="Enroll in a course (or join its waitlist)")
    @app_commands.guild_only()
    @app_commands.autocomplete(course=course_choices)
    async def enroll(self, interaction: discord.Interaction, course: int) -> None:
        result = await self.bot.services.courses.enroll(actor_of(interaction), course)
        if result.state is Enrollment.ENROLLED:
            await reply(interaction, "You're enrolled. Each session counts as your RSVP, so reminders will come.")
        else:
            await reply(interaction, f"The course is full, so you're on the waitlist (number {result.position}). "
                        "I'll message you if a place opens before the first session.")

    @app_commands.command(name="withdraw", description="Leave a course or its waitlist")
    @app_commands.guild_only()
    @app_commands.autocomplete(course=course_choices)
    async def withdraw(self, interaction: discord.Interaction, course: int) -> None:
        await self.bot.services.courses.withdraw(actor_of(interaction), course)
        await reply(interaction, "Done: you've left the course.")

    @app_commands.command(name="progress", description="Attendance and completion (yours, or everyone's for staff)")
    @app_commands.guild_only()
    @app_commands.autocomplete(course=course_choices)
    async def progress(self, interaction: discord.Interaction, course: int) -> None:
        rows = await self.bot.services.courses.progress(actor_of(interaction), course)
        lines = [f"<@{p.user_id}> · {p.attended} of {p.held} held sessions ({p.total} planned)"
                 + ("" if p.completed is None else (" · completed" if p.completed else " · not completed"))
                 for p in rows]
        await reply(interaction, "\n".join(lines)[:1900] or "Nobody is enrolled yet.")


# ---- outbox handlers -----------------------------------------------------------------------------------------
class MeetingHandlers:
    """Each is idempotent and reads the current row, so a late or repeated delivery does the right thing."""

    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot

    def all(self) -> dict[str, Any]:
        return {"group_post": self.group_post, "leader_alert": self.leader_alert,
                "meeting_opening": self.opening, "room_sync": self.room_sync, "event_sync": self.event_sync,
                "feedback_prompt": self.feedback_prompt, "cover_ask": self.cover_ask,
                "facilitator_access": self.facilitator_access, "delete_event": self.delete_event}

    def _text_channel(self, channel_id: int | None) -> discord.TextChannel:
        channel = self.bot.get_channel(channel_id) if channel_id else None
        if not isinstance(channel, discord.TextChannel):
            raise DeliveryError(f"channel {channel_id} not found", permanent=True)
        return channel

    async def group_post(self, item: OutboxItem) -> dict[str, Any] | None:
        channel = self._text_channel(int(item.payload["channel_id"]))
        mentions = discord.AllowedMentions(everyone=False, roles=False,
                                           users=[discord.Object(u) for u in item.payload.get("mention_ids", [])])
        sent = await channel.send(item.payload["text"], allowed_mentions=mentions)
        return {"message_id": sent.id}

    async def leader_alert(self, item: OutboxItem) -> dict[str, Any] | None:
        channel_id = await self.bot.services.alerts.channel_for(item.guild_id)
        if channel_id is None:
            raise DeliveryError("no alerts channel (/setup alerts) or referral queue is set")  # retried once set
        sent = await self._text_channel(channel_id).send(item.payload["text"], allowed_mentions=NO_MENTIONS)
        return {"message_id": sent.id}

    async def opening(self, item: OutboxItem) -> dict[str, Any] | None:
        found = await self.bot.services.timeline.opening(int(item.payload["occurrence_id"]))
        if found is None:
            return {"skipped": "meeting deleted"}
        o, agenda = found
        channel = self._text_channel(o.channel_id)
        footer = f"Meeting #{o.id}"
        if item.attempts:  # a previous attempt may have posted before the process stopped
            async for sent in channel.history(limit=30):
                if sent.author == self.bot.user and any(e.footer.text == footer for e in sent.embeds):
                    return {"message_id": sent.id, "found": True}
        embed = discord.Embed(title=o.label, description=(agenda or "Welcome, everyone.")[:4000])
        embed.add_field(name="Code of conduct", value=CONDUCT_REMINDER, inline=False)
        embed.add_field(name="Facilitator", value=f"<@{o.facilitator_id}>" if o.facilitator_id else "to be confirmed")
        embed.set_footer(text=footer)
        opened = "The room is open." if o.state.value == "open" else \
            "The room opens when a facilitator checks in."
        sent = await channel.send(f"**{o.label}** is starting. {opened}", embed=embed,
                                  view=opening_view(o.id), allowed_mentions=NO_MENTIONS)
        return {"message_id": sent.id}

    async def room_sync(self, item: OutboxItem) -> dict[str, Any] | None:
        state = await self.bot.services.timeline.room_state(int(item.payload["group_id"]))
        if state is None or not state.meeting_only:
            return {"skipped": "not a meeting-only group"}
        guild = self.bot.get_guild(item.guild_id)
        channel = guild.get_channel(state.channel_id) if guild and state.channel_id else None
        role = guild.get_role(state.role_id) if guild and state.role_id else None
        if guild is None:
            raise DeliveryError("guild not available yet")
        if not isinstance(channel, discord.TextChannel) or role is None:
            return {"skipped": "channel or role gone"}
        await channel.set_permissions(role, view_channel=True, read_message_history=True,
                                      send_messages=state.open, reason="peerbot meeting room")
        voice = guild.get_channel(state.voice_channel_id) if state.voice_channel_id else None
        if isinstance(voice, discord.VoiceChannel):
            await voice.set_permissions(role, view_channel=True, connect=state.open, reason="peerbot meeting room")
        return {"open": state.open}

    async def facilitator_access(self, item: OutboxItem) -> dict[str, Any] | None:
        """A member overwrite on the group's channels: facilitators see and post there without joining."""
        state = await self.bot.services.timeline.room_state(int(item.payload["group_id"]))
        guild = self.bot.get_guild(item.guild_id)
        if guild is None:
            raise DeliveryError("guild not available yet")
        if state is None:
            return {"skipped": "group gone or archived"}
        user_id = int(item.payload["user_id"])
        try:
            who = guild.get_member(user_id) or await guild.fetch_member(user_id)
        except discord.NotFound:
            return {"skipped": "no longer in the server"}
        grant = bool(item.payload["grant"])
        for channel_id in (state.channel_id, state.voice_channel_id):
            channel = guild.get_channel(channel_id) if channel_id else None
            if isinstance(channel, discord.TextChannel):
                overwrite = discord.PermissionOverwrite(view_channel=True, send_messages=True,
                                                        read_message_history=True) if grant else None
                await channel.set_permissions(who, overwrite=overwrite, reason="peerbot facilitator access")
            elif isinstance(channel, discord.VoiceChannel):
                overwrite = discord.PermissionOverwrite(view_channel=True, connect=True, speak=True,
                                                        mute_members=True) if grant else None
                await channel.set_permissions(who, overwrite=overwrite, reason="peerbot facilitator access")
        return {"granted": grant}

    async def event_sync(self, item: OutboxItem) -> dict[str, Any] | None:
        timeline = self.bot.services.timeline
        spec = await timeline.event_spec(int(item.payload["occurrence_id"]))
        guild = self.bot.get_guild(item.guild_id)
        if spec is None:
            return {"skipped": "meeting deleted"}
        if guild is None:
            raise DeliveryError("guild not available yet")
        o: Occurrence = spec["occurrence"]
        status: str = spec["status"]
        event = guild.get_scheduled_event(o.event_id) if o.event_id else None
        if event is None and o.event_id:
            try:
                event = await guild.fetch_scheduled_event(o.event_id)
            except discord.NotFound:
                event = None
        if status == "cancelled":
            if event is not None and event.status is discord.EventStatus.scheduled:
                await event.cancel(reason="peerbot: meeting cancelled")
            return {"status": status}
        if status == "scheduled":
            if o.starts_at <= self.bot.services.clock.now():
                return {"skipped": "already started"}
            voice = guild.get_channel(spec["voice_channel_id"]) if spec["voice_channel_id"] else None
            fields: dict[str, Any] = {"name": o.label[:100], "start_time": o.starts_at, "end_time": o.ends_at,
                                      "description": f"{o.group_name}. {spec['agenda']}"[:1000]}
            if event is not None:
                await event.edit(**fields, reason="peerbot: meeting changed")
                return {"event_id": event.id}
            if isinstance(voice, discord.VoiceChannel):
                # Tied to the group's voice channel: only people who can see that channel see the event.
                created = await guild.create_scheduled_event(**fields, channel=voice,
                                                             privacy_level=discord.PrivacyLevel.guild_only)
            else:
                channel = guild.get_channel(o.channel_id) if o.channel_id else None
                created = await guild.create_scheduled_event(
                    **fields, entity_type=discord.EntityType.external,
                    location=f"#{channel.name}" if channel else o.group_name[:100],
                    privacy_level=discord.PrivacyLevel.guild_only)
            await timeline.record_event(o.id, created.id)
            return {"event_id": created.id}
        if event is None:
            return {"skipped": "no event"}
        if status == "active" and event.status is discord.EventStatus.scheduled:
            await event.start(reason="peerbot: the room is open")
        elif status == "completed" and event.status is discord.EventStatus.active:
            await event.end(reason="peerbot: the meeting ended")
        elif status == "completed" and event.status is discord.EventStatus.scheduled:
            await event.cancel(reason="peerbot: the meeting ended without starting")
        return {"status": status}

    async def delete_event(self, item: OutboxItem) -> dict[str, Any] | None:
        """The group was deleted: its upcoming meetings' events leave the Events tab too."""
        guild = self.bot.get_guild(item.guild_id)
        if guild is None:
            raise DeliveryError("guild not available yet")
        try:
            event = guild.get_scheduled_event(int(item.payload["event_id"])) or await guild.fetch_scheduled_event(
                int(item.payload["event_id"]))
        except discord.NotFound:
            return {"skipped": "already gone"}
        await event.delete(reason="peerbot: the group was deleted")
        return None

    async def feedback_prompt(self, item: OutboxItem) -> dict[str, Any] | None:
        found = await self.bot.services.timeline.opening(int(item.payload["occurrence_id"]))
        if found is None:
            return {"skipped": "meeting deleted"}
        o, _ = found
        user_id = int(item.payload["user_id"])
        user = self.bot.get_user(user_id) or await self.bot.fetch_user(user_id)
        sent = await user.send(
            f"Thank you for coming to **{o.label}** ({o.group_name}). Would you tell us how it was? It takes a "
            "moment, it's anonymous, and it helps the facilitators.", view=single_button_view(FeedbackButton(o.id)),
            allowed_mentions=NO_MENTIONS)
        return {"message_id": sent.id}

    async def cover_ask(self, item: OutboxItem) -> dict[str, Any] | None:
        services = self.bot.services
        waiting = await services.meetings.cover_request(int(item.payload["request_id"]))
        if waiting is None:
            return {"skipped": "no longer needed"}
        occurrence_id, requested_by = waiting
        o = await services.meetings.occurrence(item.guild_id, occurrence_id)
        user_id = int(item.payload["user_id"])
        user = self.bot.get_user(user_id) or await self.bot.fetch_user(user_id)
        sent = await user.send(
            f"<@{requested_by}> can't make **{o.label}** ({o.group_name}) on {starts_text(o)}. Could you cover it?",
            view=single_button_view(CoverButton(item.guild_id, int(item.payload["request_id"]))),
            allowed_mentions=NO_MENTIONS)
        return {"message_id": sent.id}


async def setup(bot: PeerBot) -> None:
    bot.add_dynamic_items(MeetingButton, CoverButton, FeedbackButton)
    await bot.add_cog(Meetings(bot))
    await bot.add_cog(Courses(bot))
