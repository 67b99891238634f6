"""Referrals on Discord: automatic screening, the "Flag for professional review" menu, /refer, the private
queue with its buttons, escalation pings, and the private note to the author."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.channel_health import QUEUE
from bot.domain.crisis_resources import LANGUAGES, note_language, resources_for
from bot.domain.referral import Referral, ReferReason
from cogs._common import actor_of, bot_of, kind_message, reply
from cogs.effects import register_handlers
from cogs.status import queue_warning

if TYPE_CHECKING:
    from cogs.runtime import PeerBot

log = logging.getLogger(__name__)
TIER_COLOURS = {"crisis": discord.Colour.red(), "urgent": discord.Colour.orange(),
                "concern": discord.Colour.gold()}
ACTIONS = {"claim": "Claim", "contacted": "Contacted member", "resolve": "Resolved",
           "false_alarm": "False alarm", "close": "Close"}


def referral_card(referral: Referral) -> discord.Embed:
    """The queue card: tier, categories, evidence, the message, its context, and a jump link."""
    embed = discord.Embed(
        title=f"{referral.tier.label.upper()} · referral #{referral.id} · {referral.state.replace('_', ' ')}",
        colour=TIER_COLOURS[referral.tier.label],
        timestamp=referral.created_at,
    )
    embed.add_field(name="About", value=f"<@{referral.subject_id}>" if referral.subject_id else "(erased)")
    embed.add_field(name="Source", value=referral.source)
    if referral.categories:
        embed.add_field(name="Categories", value=", ".join(c.replace("_", " ") for c in referral.categories),
                        inline=False)
    if referral.evidence:
        lines = [f"“{e['text'][:80]}”: {e['reason']}" for e in referral.evidence[:6]]
        embed.add_field(name="Why", value="\n".join(lines)[:1024], inline=False)
    if referral.content:
        embed.add_field(name="Message", value=referral.content[:1024], inline=False)
    if referral.context:
        context = "\n".join(f"{c.get('author', '?')}: {c['text'][:120]}" if c.get("text") else c.get("author", "?")
                            for c in referral.context)
        embed.add_field(name="Just before", value=context[:1024], inline=False)
    if referral.reason:
        embed.add_field(name="Reason given", value=referral.reason[:1024], inline=False)
    if referral.repeat_flags >= 3:
        embed.add_field(name="Note", value=f"This flagger has flagged this member {referral.repeat_flags} times in "
                        "30 days; concern reports can be used to harass.", inline=False)
    if referral.claimed_by:
        embed.add_field(name="Claimed by", value=f"<@{referral.claimed_by}>")
    if referral.jump_url:
        embed.add_field(name="Jump", value=f"[to the message]({referral.jump_url})")
    embed.set_footer(text=f"Referral #{referral.id}")
    return embed


class ReferralButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                     template=r"peerbot:ref:(?P<action>[a-z_]+):(?P<id>\d+)"):
    def __init__(self, action: str, referral_id: int) -> None:
        style = discord.ButtonStyle.danger if action == "false_alarm" else discord.ButtonStyle.primary
        super().__init__(discord.ui.Button(label=ACTIONS[action], style=style,
                                           custom_id=f"peerbot:ref:{action}:{referral_id}"))
        self.action = action
        self.referral_id = referral_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> ReferralButton:
        return cls(match["action"], int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            referral = await bot_of(interaction).services.referrals.act(actor_of(interaction), self.referral_id,
                                                                        self.action)
        except Exception as error:
            await reply(interaction, kind_message(error))
            return
        await reply(interaction, f"Referral #{referral.id} is now {referral.state.replace('_', ' ')}.")


def card_view(referral: Referral) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    actions = {"open": ["claim", "false_alarm"], "claimed": ["contacted", "resolve", "false_alarm"],
               "contacted": ["resolve", "false_alarm"], "referred_on": ["close"], "resolved": ["close"]}
    for action in actions.get(referral.state, []):
        view.add_item(ReferralButton(action, referral.id))
    return view


class FlagModal(discord.ui.Modal, title="Flag for professional review"):
    reason: discord.ui.TextInput[FlagModal] = discord.ui.TextInput(
        label="What worries you? (optional)", style=discord.TextStyle.paragraph, required=False, max_length=500)

    def __init__(self, message: discord.Message) -> None:
        super().__init__()
        self.message = message

    async def on_submit(self, interaction: discord.Interaction) -> None:
        services = bot_of(interaction).services
        # Kept in the spool and stored later if the database is locked right now (bot/domain/intake.py).
        await services.intake.flag(
            actor_of(interaction), self.message.author.id, self.message.channel.id, self.message.id,
            self.message.jump_url, self.message.content, self.reason.value or None,
            await services.screening.screen(self.message.content),
        )
        await reply(interaction, "Thank you. A member of the programme team will look at this. The person "
                    "won't be told who flagged it.")

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:  # type: ignore[override]
        await reply(interaction, kind_message(error))


async def flag_message(interaction: discord.Interaction, message: discord.Message) -> None:
    actor_of(interaction)  # guild-only
    await interaction.response.send_modal(FlagModal(message))


class Referrals(commands.Cog):
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name="Flag for professional review", callback=flag_message)
        self.menu.guild_only = True

    async def cog_load(self) -> None:
        from cogs.referral_delivery import ReferralDelivery  # it renders cards with this module's functions

        self.bot.tree.add_command(self.menu)
        self.delivery = ReferralDelivery(self.bot)
        register_handlers(self.bot.services.outbox, self.delivery.handlers())
        self.bot.on_referrals_waiting = self.delivery.tell_about_waiting
        self.bot.scheduler.every("referrals:queue-health", 300, self.recheck_failing_queues)

    async def recheck_failing_queues(self) -> None:
        for guild_id, _ in await self.bot.services.health.failing():
            await self.delivery.recheck_queue(guild_id)

    @commands.Cog.listener()
    async def on_guild_channel_update(self, before: discord.abc.GuildChannel, after: discord.abc.GuildChannel) -> None:
        """An admin may have given peerbot back its permissions in the queue channel."""
        health = await self.bot.services.health.get(after.guild.id, QUEUE)
        if health is not None and not health.ok:
            await self.delivery.recheck_queue(after.guild.id)

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """Learn who the leaders and on-call members are, to DM them when the queue can't be used."""
        if interaction.guild is None or not isinstance(interaction.user, discord.Member):
            return
        try:
            await self.bot.services.staff.seen(actor_of(interaction))
        except Exception:
            log.warning("could not note staff member %s", interaction.user.id, exc_info=True)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    # ---- /refer --------------------------------------------------------------------------------------
    @app_commands.command(name="refer", description="Refer a member you support to the programme's professionals")
    @app_commands.guild_only()
    @app_commands.describe(member="Who you are worried about", reason="What kind of help they need",
                           note="Anything the professional should know (optional)")
    async def refer(self, interaction: discord.Interaction, member: discord.Member, reason: ReferReason,
                    note: str | None = None) -> None:
        referral = await self.bot.services.referrals.refer(actor_of(interaction), member.id, reason, note,
                                                           interaction.channel_id)
        await reply(interaction, f"Thank you. Referral #{referral.id} is with the programme team.")

    @app_commands.command(name="referral", description="Open a referral, or move it on (programme leaders)")
    @app_commands.guild_only()
    @app_commands.describe(number="The referral number", step="What happened (leave empty just to view it)",
                           note="Where they were referred on to, or a note")
    @app_commands.choices(step=[app_commands.Choice(name=label, value=key) for key, label in
                                {**ACTIONS, "referred_on": "Referred on"}.items()])
    async def referral(self, interaction: discord.Interaction, number: int,
                       step: app_commands.Choice[str] | None = None, note: str | None = None) -> None:
        services = self.bot.services
        actor = actor_of(interaction)
        if step is not None:
            await services.referrals.act(actor, number, step.value, note)
        referral, events = await services.referrals.view(actor, number)
        history = "\n".join(f"{e['at'][:16]} · {e['action']}" + (f" by <@{e['actor_id']}>" if e['actor_id'] else "")
                            for e in events[-10:])
        await reply(interaction, history or None, embed=referral_card(referral), view=card_view(referral))

    @app_commands.command(name="setup-referrals", description="Choose the referral queue and crisis resources")
    @app_commands.guild_only()
    @app_commands.describe(queue="A private channel only professionals and leaders can see",
                           oncall="The role pinged when a referral is not claimed in time",
                           country="Two-letter code for the crisis lines (US, CA, GB, IE, AU, NZ, ES, MX, FR, DE, AT, "
                                   "CH, IT, PT, BR)",
                           hide_methods="Hide messages that describe a method in detail (kept for professionals)",
                           screening="Screen group messages automatically",
                           language="The language of the private note to a member (default: the country's)")
    @app_commands.choices(language=[app_commands.Choice(name=name, value=code) for code, name in LANGUAGES.items()])
    async def setup_referrals(self, interaction: discord.Interaction, queue: discord.TextChannel | None = None,
                              oncall: discord.Role | None = None, country: str | None = None,
                              hide_methods: bool | None = None, screening: bool | None = None,
                              language: app_commands.Choice[str] | None = None) -> None:
        config = await self.bot.services.referrals.configure(
            actor_of(interaction), queue_channel_id=queue.id if queue else None,
            oncall_role_id=oncall.id if oncall else None, country=country, hide_method_messages=hide_methods,
            screening_enabled=screening, language=language.value if language else None,
        )
        lines = resources_for(config.country)
        intent = self.bot.intents.message_content
        await self.delivery.recheck_queue(actor_of(interaction).guild_id)  # a new or fixed queue: heal
        warning = await queue_warning(self.bot, actor_of(interaction).guild_id)
        extra: dict[str, Any] = {"embed": discord.Embed(colour=discord.Colour.red(), description=f"🔴 {warning}")} \
            if warning else {}
        await reply(interaction, (
            f"Queue: {f'<#{config.queue_channel_id}>' if config.queue_channel_id else 'not set'} · on call: "
            f"{f'<@&{config.oncall_role_id}>' if config.oncall_role_id else 'not set'} · crisis lines for "
            f"{config.country}"
            + (f", last checked {lines.verified}" if lines.verified else " (none known: a world-wide list is given)")
            + " (please check they are right for your community) · note to members in "
            f"{LANGUAGES[note_language(config.country, config.language)]} · automatic screening: "
            f"{'on' if config.screening_enabled and intent else 'off'}"
            + ("" if intent else " (the Message Content intent is off, so only manual flags work)")
            + f"\n{self.bot.services.screener_setup.describe()}"), **extra)


async def setup(bot: PeerBot) -> None:
    bot.add_dynamic_items(ReferralButton)
    await bot.add_cog(Referrals(bot))
