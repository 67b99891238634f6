"""`/course enroll`, `withdraw` and `progress`."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.meetings.course import Enrollment
from cogs._common import actor_of, reply
from cogs.meetings.choices import course_choices
from cogs.runtime import PeerBot


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
