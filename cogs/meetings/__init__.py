"""`/meeting …` and `/course …`, the buttons on opening posts and DMs, and the meeting outbox handlers.

Each command builds an Actor, calls one service method, and replies; every rule lives in bot/domain/meetings.
The `/meeting` group is one cog assembled from one class per concern (discord.py collects the commands and
listeners of every base class, the last base's first):

  scheduling.py   schedule, course, cancel, move, cover, agenda, stop-series
  running.py      start, end, attendance, and attendance from posts
  rsvps.py        next, calendar, rsvp, unrsvp, timezone, reminders
  courses.py      the `/course` group
  views.py        persistent buttons and the feedback modal
  handlers.py     outbox handlers (posts, alerts, the opening, rooms, access, events, feedback, cover)
  choices.py      autocomplete and how a meeting is written in a reply
"""

from __future__ import annotations

from discord.ext import commands

from cogs.effects import register_handlers
from cogs.meetings.courses import Courses
from cogs.meetings.handlers import MeetingHandlers
from cogs.meetings.rsvps import RsvpCommands
from cogs.meetings.running import RunningCommands
from cogs.meetings.scheduling import SchedulingCommands
from cogs.meetings.views import CoverButton, FeedbackButton, MeetingButton
from cogs.runtime import PeerBot

__all__ = ["Courses", "CoverButton", "FeedbackButton", "MeetingButton", "MeetingHandlers", "Meetings", "setup"]


class Meetings(RunningCommands, RsvpCommands, SchedulingCommands, commands.GroupCog, group_name="meeting",
               description="Group meetings run by facilitators"):
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot
        super().__init__()

    async def cog_load(self) -> None:
        handlers = MeetingHandlers(self.bot)
        register_handlers(self.bot.services.outbox, handlers.all())


async def setup(bot: PeerBot) -> None:
    bot.add_dynamic_items(MeetingButton, CoverButton, FeedbackButton)
    await bot.add_cog(Meetings(bot))
    await bot.add_cog(Courses(bot))
