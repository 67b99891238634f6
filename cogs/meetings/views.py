"""Persistent buttons: check in and "I'm here" on the opening post, "I'll cover it" and feedback in DMs.

Their custom ids carry the meeting (or request) id, so they keep working after a restart.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import discord

from bot.domain.roles import Actor
from bot.errors import InvalidInput
from cogs._common import actor_of, bot_of, kind_message, reply
from cogs.meetings.choices import starts_text


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
