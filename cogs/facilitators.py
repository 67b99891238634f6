"""`/facilitator set|list|history|assign|unassign|agreement|agreement-set`, and the agreement's accept button
(works in DMs)."""

from __future__ import annotations

import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.facilitator import CertStatus
from bot.domain.meetings.recurrence import parse_date
from bot.domain.outbox import DeliveryError, OutboxItem
from bot.domain.roles import PeerRole
from bot.domain.versioned import TextVersion
from cogs._common import NO_MENTIONS, actor_of, bot_of, kind_message, reply
from cogs.conduct import VersionedTextModal, versioned_embed
from cogs.effects import register_handlers
from cogs.groups import group_names
from cogs.runtime import PeerBot


def agreement_embed(version: TextVersion) -> discord.Embed:
    return versioned_embed("facilitator agreement", version)


class AcceptAgreementButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                            template=r"peerbot:agreement:(?P<g>\d+):(?P<v>\d+)"):
    """Persistent, and usable from a DM: the server and version live in the custom id."""

    def __init__(self, guild_id: int, version: int) -> None:
        super().__init__(discord.ui.Button(label="I accept", style=discord.ButtonStyle.success,
                                           custom_id=f"peerbot:agreement:{guild_id}:{version}"))
        self.guild_id = guild_id
        self.version = version

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> AcceptAgreementButton:
        return cls(int(match["g"]), int(match["v"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await bot_of(interaction).services.agreement.accept(self.guild_id, interaction.user.id, self.version)
        except Exception as error:
            await reply(interaction, kind_message(error))
            return
        await reply(interaction, "Thank you: you've accepted the facilitator agreement.")


def agreement_view(guild_id: int, version: TextVersion) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(AcceptAgreementButton(guild_id, version.version))
    return view


def by(actor_id: int | None) -> str:
    """Who took a step: a mention, or peerbot (0: carried over, or the person was erased)."""
    return f"<@{actor_id}>" if actor_id else "peerbot or an erased member"


STATUS_CHOICES = [app_commands.Choice(name=s.value, value=s.value) for s in CertStatus]


class Facilitators(commands.GroupCog, group_name="facilitator", description="Facilitator certification"):
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot
        super().__init__()

    async def cog_load(self) -> None:
        register_handlers(self.bot.services.outbox, {"agreement_prompt": self.agreement_prompt})

    @app_commands.command(name="set", description="Move a facilitator to trainee, certified, suspended or revoked")
    @app_commands.guild_only()
    @app_commands.describe(member="The facilitator", status="Their new status",
                           expires="Certified until this date (YYYY-MM-DD, optional)",
                           reason="Why (needed for suspended and revoked; kept in their history)")
    @app_commands.choices(status=STATUS_CHOICES)
    async def set_(self, interaction: discord.Interaction, member: discord.Member,
                   status: app_commands.Choice[str], expires: str | None = None, reason: str | None = None) -> None:
        facilitator = await self.bot.services.facilitators.set_status(
            actor_of(interaction), member.id, CertStatus(status.value),
            expires=parse_date(expires) if expires else None, reason=reason)
        now = self.bot.services.clock.now()
        extra = (" They'll get the facilitator agreement to accept by DM before they can run meetings."
                 if facilitator.status is CertStatus.CERTIFIED and not facilitator.agreement_ok else "")
        await reply(interaction, f"{member.mention} is now {facilitator.describe(now)}.{extra}")

    @app_commands.command(name="list", description="Facilitators, their status and their groups")
    @app_commands.guild_only()
    async def list_(self, interaction: discord.Interaction) -> None:
        actor = actor_of(interaction)
        await self.bot.services.roles.require(actor, PeerRole.LEADER, PeerRole.FACILITATOR, PeerRole.MODERATOR)
        now = self.bot.services.clock.now()
        found = await self.bot.services.facilitators.list(actor.guild_id)
        lines = [f"<@{f.user_id}> · {f.describe(now)}" + (f" · {', '.join(f.groups)}" if f.groups else "")
                 for f in found]
        await reply(interaction, "\n".join(lines)[:1900] or "No facilitators are on record yet.")

    @app_commands.command(name="history",
                          description="A facilitator's certification and group history (leaders, or yourself)")
    @app_commands.guild_only()
    async def history(self, interaction: discord.Interaction, member: discord.Member) -> None:
        actor = actor_of(interaction)
        services = self.bot.services
        certification = await services.facilitators.history(actor, member.id)
        assignments = await services.assignments.history(actor, member.id)
        lines = [(r["at"], f"{r['at'][:10]} · {r['status']}"
                  + (f" until {r['expires_at'][:10]}" if r["expires_at"] else "")
                  + (f" · {r['reason']}" if r["reason"] else "") + f" · by {by(r['actor_id'])}")
                 for r in certification]
        lines += [(r["at"], f"{r['at'][:10]} · {r['action']} {'to' if r['action'] == 'assigned' else 'from'} "
                   f"“{r['group_name']}”" + (f" · {r['reason']}" if r["reason"] else "") + f" · by {by(r['actor_id'])}")
                  for r in assignments]
        await reply(interaction, "\n".join(text for _, text in sorted(lines, key=lambda x: x[0]))[:1900]
                    or "No history on record.")

    @app_commands.command(name="assign", description="Let a facilitator schedule and run meetings in a group")
    @app_commands.guild_only()
    @app_commands.describe(member="The facilitator", group="The group", reason="Why (optional; kept in their history)")
    @app_commands.autocomplete(group=group_names)
    async def assign(self, interaction: discord.Interaction, member: discord.Member, group: str,
                     reason: str | None = None) -> None:
        found = await self.bot.services.assignments.assign(actor_of(interaction), member.id, group, reason)
        await reply(interaction, f"{member.mention} is now a facilitator of “{found.name}”.")

    @app_commands.command(name="unassign", description="Stop a facilitator running a group's meetings")
    @app_commands.guild_only()
    @app_commands.describe(member="The facilitator", group="The group", reason="Why (kept in their history)")
    @app_commands.autocomplete(group=group_names)
    async def unassign(self, interaction: discord.Interaction, member: discord.Member, group: str,
                       reason: str) -> None:
        result = await self.bot.services.assignments.unassign(actor_of(interaction), member.id, group, reason)
        lines = [f"{member.mention} no longer facilitates “{result.group.name}”, and their access to its channels "
                 "is being removed."]
        lines += [f"**{title}** now runs with <@{lead}>." for title, lead in result.handed_over.items()]
        lines += [f"**{title}** has nobody to run its {count} upcoming meeting(s): use /meeting hand-over."
                  for title, count in result.uncovered.items()]
        await reply(interaction, "\n".join(lines)[:1900])

    @app_commands.command(name="agreement", description="Read (and accept) the facilitator agreement")
    @app_commands.guild_only()
    async def agreement(self, interaction: discord.Interaction) -> None:
        actor = actor_of(interaction)
        current = await self.bot.services.agreement.current(actor.guild_id)
        if current is None:
            await reply(interaction, "No facilitator agreement has been published yet.")
            return
        if await self.bot.services.agreement.has_accepted_current(actor.guild_id, actor.user_id):
            await reply(interaction, "You have accepted this version.", embed=agreement_embed(current))
        else:
            await reply(interaction, embed=agreement_embed(current), view=agreement_view(actor.guild_id, current))

    @app_commands.command(name="agreement-set", description="Publish a new facilitator agreement (leaders)")
    @app_commands.guild_only()
    async def agreement_set(self, interaction: discord.Interaction) -> None:
        actor = actor_of(interaction)
        await self.bot.services.roles.require(actor, PeerRole.LEADER)  # checked again on submit
        current = await self.bot.services.agreement.current(actor.guild_id)
        await interaction.response.send_modal(VersionedTextModal(
            self.bot.services.agreement, current.text if current else "",
            "Facilitators must accept it before they run their next meeting."))

    async def agreement_prompt(self, item: OutboxItem) -> dict[str, Any] | None:
        current = await self.bot.services.agreement.current(item.guild_id)
        if current is None:
            return {"skipped": "no agreement"}
        user_id = int(item.payload["user_id"])
        user = self.bot.get_user(user_id) or await self.bot.fetch_user(user_id)
        guild = self.bot.get_guild(item.guild_id)
        try:
            sent = await user.send(
                f"You've been certified as a facilitator in {guild.name if guild else 'your peer-support server'}. "
                "Before you run a meeting, please read the facilitator agreement and accept it.",
                embed=agreement_embed(current), view=agreement_view(item.guild_id, current),
                allowed_mentions=NO_MENTIONS)
        except discord.Forbidden as error:
            raise DeliveryError("DMs closed; they can accept with /facilitator agreement", permanent=True,
                                reason="dms_closed") from error
        return {"message_id": sent.id}


async def setup(bot: PeerBot) -> None:
    bot.add_dynamic_items(AcceptAgreementButton)
    await bot.add_cog(Facilitators(bot))
