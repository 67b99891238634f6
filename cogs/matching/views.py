"""Persistent buttons and modals for matching. Custom ids carry the server and the offer, match or batch id,
so every button keeps working after a restart, in a DM or in the match space. The core checks who may press.
"""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.domain.matching.profile import Role
from bot.domain.matching.programme import Programme
from bot.domain.matching.request import Intake
from bot.domain.roles import Actor
from bot.errors import InvalidInput
from cogs._common import actor_of, bot_of, kind_message, reply
from cogs.matching.timing import rearm

Template = re.Match[str]


def _dm_actor(interaction: discord.Interaction, guild_id: int) -> Actor:
    """The presser of a button in a DM: no member object there, so identity is what the core checks."""
    return Actor(guild_id=guild_id, user_id=interaction.user.id)


class OfferButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                  template=r"peerbot:moffer:(?P<g>\d+):(?P<action>accept|decline):(?P<id>\d+)"):
    """On the private offer: the supporter accepts or declines."""

    def __init__(self, guild_id: int, action: str, offer_id: int) -> None:
        label, style = ("Accept", discord.ButtonStyle.success) if action == "accept" else \
            ("Decline", discord.ButtonStyle.secondary)
        super().__init__(discord.ui.Button(label=label, style=style,
                                           custom_id=f"peerbot:moffer:{guild_id}:{action}:{offer_id}"))
        self.guild_id, self.action, self.offer_id = guild_id, action, offer_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Template,
                             /) -> OfferButton:
        return cls(int(match["g"]), match["action"], int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = bot_of(interaction)
        actor = _dm_actor(interaction, self.guild_id)
        try:
            if self.action == "accept":
                await bot.services.matching.matchmaker.accept(actor, self.offer_id)
                text = ("Thank you for accepting. A private space is opening for the two of you; I'll send you the "
                        "link in a moment.")
            else:
                await bot.services.matching.matchmaker.decline(actor, self.offer_id)
                text = "Thank you for letting us know. The request has moved on, and that's completely fine."
            await rearm(bot)
        except Exception as error:
            text = kind_message(error)
        await reply(interaction, text)


def offer_view(guild_id: int, offer_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(OfferButton(guild_id, "accept", offer_id))
    view.add_item(OfferButton(guild_id, "decline", offer_id))
    return view


class SpaceButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                  template=r"peerbot:mspace:(?P<action>spoken|end):(?P<id>\d+)"):
    """On the welcome post in the match space: “We've spoken”, and ending the match (with a confirmation)."""

    def __init__(self, action: str, match_id: int) -> None:
        label, style = ("We've spoken", discord.ButtonStyle.success) if action == "spoken" else \
            ("End this match", discord.ButtonStyle.secondary)
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=f"peerbot:mspace:{action}:{match_id}"))
        self.action, self.match_id = action, match_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Template,
                             /) -> SpaceButton:
        return cls(match["action"], int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = bot_of(interaction)
        try:
            actor = actor_of(interaction)
            if self.action == "spoken":
                await bot.services.matching.lifecycle.spoken(actor, self.match_id)
                await rearm(bot)
                await reply(interaction, "Thank you: that counts as a contact. Nothing about what you said is kept.")
            else:
                await reply(interaction, "End this match? The other person is told kindly, and no reason is asked.",
                            view=EndConfirm(self.match_id))
        except Exception as error:
            await reply(interaction, kind_message(error))


def space_view(match_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(SpaceButton("spoken", match_id))
    view.add_item(SpaceButton("end", match_id))
    return view


class EndConfirm(discord.ui.View):
    """The short-lived confirmation under “End this match” (ephemeral: only the presser sees it)."""

    def __init__(self, match_id: int) -> None:
        super().__init__(timeout=300)
        self.match_id = match_id

    async def _end(self, interaction: discord.Interaction, rematch: bool) -> None:
        bot = bot_of(interaction)
        try:
            await bot.services.matching.lifecycle.end(actor_of(interaction), self.match_id, rematch=rematch)
            await rearm(bot)
            await reply(interaction, "The match has ended. Thank you for the time you gave it."
                        + (" You keep your place in the queue for someone new." if rematch else ""))
        except Exception as error:
            await reply(interaction, kind_message(error))

    @discord.ui.button(label="End the match", style=discord.ButtonStyle.danger)
    async def end(self, interaction: discord.Interaction, button: discord.ui.Button[EndConfirm]) -> None:
        await self._end(interaction, rematch=False)

    @discord.ui.button(label="End, and find me someone else", style=discord.ButtonStyle.primary)
    async def again(self, interaction: discord.Interaction, button: discord.ui.Button[EndConfirm]) -> None:
        await self._end(interaction, rematch=True)


CHECKIN_ANSWERS: dict[str, tuple[str, bool, bool]] = {
    "good": ("Yes, it's going well", True, True),
    "notyet": ("It hasn't happened yet", False, False),
    "notfit": ("It isn't a good fit", True, False),
}


class CheckinButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                    template=r"peerbot:mcheck:(?P<g>\d+):(?P<id>\d+):(?P<round>\d+):(?P<answer>good|notyet|notfit)"):
    """The private check-in at one to two weeks: has it happened, is it a good fit?"""

    def __init__(self, guild_id: int, match_id: int, round_: int, answer: str) -> None:
        label = CHECKIN_ANSWERS[answer][0]
        style = discord.ButtonStyle.success if answer == "good" else discord.ButtonStyle.secondary
        super().__init__(discord.ui.Button(label=label, style=style,
                                           custom_id=f"peerbot:mcheck:{guild_id}:{match_id}:{round_}:{answer}"))
        self.guild_id, self.match_id, self.round, self.answer = guild_id, match_id, round_, answer

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Template,
                             /) -> CheckinButton:
        return cls(int(match["g"]), int(match["id"]), int(match["round"]), match["answer"])

    async def callback(self, interaction: discord.Interaction) -> None:
        _, happened, good_fit = CHECKIN_ANSWERS[self.answer]
        lifecycle = bot_of(interaction).services.matching.lifecycle
        try:
            outcome = await lifecycle.answer_checkin(_dm_actor(interaction, self.guild_id), self.match_id, self.round,
                                                     happened=happened, good_fit=good_fit)
        except Exception as error:
            await reply(interaction, kind_message(error))
            return
        if outcome == "rematch":
            await reply(interaction, "Thank you for telling us; that's what check-ins are for. Would you like to be "
                        "matched with someone else? You'd keep your place in the queue.",
                        view=single(RematchButton(self.guild_id, self.match_id,
                                                  "not_a_good_fit" if happened else "asked")))
        elif outcome == "leaders":
            await reply(interaction, "Thank you for telling us. A programme coordinator will follow up with you.")
        else:
            await reply(interaction, "Thank you, that's good to hear.")


class RematchButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                    template=r"peerbot:mrematch:(?P<g>\d+):(?P<id>\d+):(?P<reason>[a-z_]+)"):
    """For the seeker: end this match and be matched with someone else, keeping their place."""

    def __init__(self, guild_id: int, match_id: int, reason: str) -> None:
        super().__init__(discord.ui.Button(label="Find me someone else", style=discord.ButtonStyle.primary,
                                           custom_id=f"peerbot:mrematch:{guild_id}:{match_id}:{reason}"))
        self.guild_id, self.match_id, self.reason = guild_id, match_id, reason

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Template,
                             /) -> RematchButton:
        return cls(int(match["g"]), int(match["id"]), match["reason"])

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = bot_of(interaction)
        try:
            await bot.services.matching.lifecycle.rematch(_dm_actor(interaction, self.guild_id), self.match_id,
                                                          self.reason)
            await rearm(bot)
        except Exception as error:
            await reply(interaction, kind_message(error))
            return
        await reply(interaction, "Done. You keep your place in the queue, and I'll message you when someone new "
                    "accepts. Your previous supporter is told kindly.")


class RatingModal(discord.ui.Modal, title="How did your match go?"):
    rating: discord.ui.TextInput[RatingModal] = discord.ui.TextInput(
        label="From 1 (not good) to 5 (very good)", min_length=1, max_length=1, placeholder="5")
    comment: discord.ui.TextInput[RatingModal] = discord.ui.TextInput(
        label="Anything else? (optional, private)", style=discord.TextStyle.paragraph, required=False,
        max_length=1000)

    def __init__(self, guild_id: int, match_id: int) -> None:
        super().__init__()
        self.guild_id, self.match_id = guild_id, match_id

    async def on_submit(self, interaction: discord.Interaction) -> None:
        if not self.rating.value.strip().isdigit():
            raise InvalidInput("Please give the rating as a number from 1 to 5.")
        await bot_of(interaction).services.matching.lifecycle.rate(
            _dm_actor(interaction, self.guild_id), self.match_id, int(self.rating.value), self.comment.value)
        await reply(interaction, "Thank you. Only the programme team sees this.")

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:  # type: ignore[override]
        await reply(interaction, kind_message(error))


class RatingButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"peerbot:mrate:(?P<g>\d+):(?P<id>\d+)"):
    def __init__(self, guild_id: int, match_id: int) -> None:
        super().__init__(discord.ui.Button(label="Rate the match", style=discord.ButtonStyle.primary,
                                           custom_id=f"peerbot:mrate:{guild_id}:{match_id}"))
        self.guild_id, self.match_id = guild_id, match_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Template,
                             /) -> RatingButton:
        return cls(int(match["g"]), int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(RatingModal(self.guild_id, self.match_id))


class ReviewButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                   template=r"peerbot:mreview:(?P<req>\d+):(?P<sup>\d+):(?P<n>\d+)"):
    """On a coordinator's review: send the offer to this candidate."""

    def __init__(self, request_id: int, supporter_id: int, n: int) -> None:
        super().__init__(discord.ui.Button(label=f"Offer to #{n}", style=discord.ButtonStyle.primary,
                                           custom_id=f"peerbot:mreview:{request_id}:{supporter_id}:{n}"))
        self.request_id, self.supporter_id, self.n = request_id, supporter_id, n

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Template,
                             /) -> ReviewButton:
        return cls(int(match["req"]), int(match["sup"]), int(match["n"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = bot_of(interaction)
        try:
            await bot.services.matching.matchmaker.approve(actor_of(interaction), self.request_id, self.supporter_id)
            await rearm(bot)
        except Exception as error:
            await reply(interaction, kind_message(error))
            return
        await reply(interaction, f"The offer for request #{self.request_id} is on its way to <@{self.supporter_id}>.")


class PublishButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"peerbot:mbatch:(?P<id>\d+)"):
    """Under a batch preview: send every previewed offer (each checked again)."""

    def __init__(self, batch_id: int) -> None:
        super().__init__(discord.ui.Button(label="Publish these offers", style=discord.ButtonStyle.success,
                                           custom_id=f"peerbot:mbatch:{batch_id}"))
        self.batch_id = batch_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Template,
                             /) -> PublishButton:
        return cls(int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = bot_of(interaction)
        try:
            sent, skipped = await bot.services.matching.batches.publish(actor_of(interaction), self.batch_id)
            await rearm(bot)
        except Exception as error:
            await reply(interaction, kind_message(error))
            return
        note = ("\nSkipped: " + "; ".join(skipped))[:1500] if skipped else ""
        await reply(interaction, f"Sent {sent} offer(s).{note}")


def single(item: discord.ui.Item[Any]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(item)
    return view


def buttons_view(guild_id: int, specs: list[dict[str, Any]]) -> discord.ui.View | None:
    """The buttons an outbox DM asks for (see bot/domain/matching/notify.py `button`)."""
    if not specs:
        return None
    view = discord.ui.View(timeout=None)
    for spec in specs:
        if spec["kind"] == "checkin":
            for answer in CHECKIN_ANSWERS:
                view.add_item(CheckinButton(guild_id, int(spec["match"]), int(spec["round"]), answer))
        elif spec["kind"] == "rating":
            view.add_item(RatingButton(guild_id, int(spec["match"])))
        elif spec["kind"] == "rematch":
            view.add_item(RematchButton(guild_id, int(spec["match"]), str(spec["reason"])))
    return view


PERSISTENT = (OfferButton, SpaceButton, CheckinButton, RematchButton, RatingButton, ReviewButton, PublishButton)


# ---- the intake: a modal, then buttons ------------------------------------------------------------------------
class RequestModal(discord.ui.Modal, title="Ask for a match"):
    challenges: discord.ui.TextInput[RequestModal] = discord.ui.TextInput(
        label="The condition, and what's hard about it", style=discord.TextStyle.paragraph, max_length=1000,
        placeholder="Shown to the supporter you're offered to, without your name.")
    why_now: discord.ui.TextInput[RequestModal] = discord.ui.TextInput(
        label="Why are you looking for support now?", style=discord.TextStyle.paragraph, max_length=1000,
        placeholder="Shown to the supporter, without your name.")
    wants: discord.ui.TextInput[RequestModal] = discord.ui.TextInput(
        label="What would you like in a supporter?", style=discord.TextStyle.paragraph, max_length=1000,
        required=False, placeholder="Optional. Shown to the supporter, without your name.")
    special: discord.ui.TextInput[RequestModal] = discord.ui.TextInput(
        label="Anything special we should know?", style=discord.TextStyle.paragraph, max_length=1000,
        required=False, placeholder="Optional. Only the programme team sees this.")
    needed_by: discord.ui.TextInput[RequestModal] = discord.ui.TextInput(
        label="Need support by a date? (YYYY-MM-DD)", required=False, max_length=10,
        placeholder="Optional, e.g. the day you leave hospital")

    def __init__(self, programme: Programme) -> None:
        super().__init__()
        self.programme = programme

    async def on_submit(self, interaction: discord.Interaction) -> None:
        today = bot_of(interaction).services.clock.now().date()
        intake = Intake.clean(self.challenges.value, self.why_now.value, self.wants.value, self.special.value,
                              self.needed_by.value, today=today)
        await reply(interaction, "Thank you. One last question: who is the support for?",
                    view=WhoView(self.programme, intake))

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:  # type: ignore[override]
        await reply(interaction, kind_message(error))


class WhoView(discord.ui.View):
    """After the intake form: for me, or for someone I care for. Nothing is saved until one is pressed."""

    def __init__(self, programme: Programme, intake: Intake) -> None:
        super().__init__(timeout=900)
        self.programme, self.intake = programme, intake

    async def _submit(self, interaction: discord.Interaction, role: Role) -> None:
        bot = bot_of(interaction)
        try:
            submitted = await bot.services.matching.intake.submit(actor_of(interaction), self.programme, role,
                                                                  self.intake)
            await rearm(bot)
        except Exception as error:
            await reply(interaction, kind_message(error))
            return
        self.stop()
        await reply(interaction, f"Your request is in. {submitted.next_steps}")

    @discord.ui.button(label="For me", style=discord.ButtonStyle.primary)
    async def me(self, interaction: discord.Interaction, button: discord.ui.Button[WhoView]) -> None:
        await self._submit(interaction, Role.PATIENT)

    @discord.ui.button(label="For someone I care for", style=discord.ButtonStyle.primary)
    async def someone(self, interaction: discord.Interaction, button: discord.ui.Button[WhoView]) -> None:
        await self._submit(interaction, Role.CAREGIVER)
