"""`/setup roles`: map the server's own roles onto peerbot's roles."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.roles import PeerRole
from cogs._common import actor_of, bot_of, reply
from cogs.conduct.automod import sync_automod
from cogs.status import status_embed

ROLE_CHOICES = [app_commands.Choice(name=role.label, value=role.value) for role in PeerRole]


class Setup(commands.GroupCog, group_name="setup", description="Configure peerbot for this server"):
    @app_commands.command(name="roles", description="Choose which server roles count as a peerbot role")
    @app_commands.guild_only()
    @app_commands.describe(
        peer_role="The peerbot role to set", role="A server role that holds it",
        second_role="Another server role that also holds it (optional)",
    )
    @app_commands.choices(peer_role=ROLE_CHOICES)
    async def roles(
        self, interaction: discord.Interaction, peer_role: app_commands.Choice[str], role: discord.Role,
        second_role: discord.Role | None = None,
    ) -> None:
        services = bot_of(interaction).services
        chosen = {role.id} | ({second_role.id} if second_role else set())
        await services.roles.set_mapping(actor_of(interaction), PeerRole(peer_role.value), chosen)
        names = ", ".join(r.mention for r in (role, second_role) if r)
        await reply(interaction, f"Done: {names} now count as **{PeerRole(peer_role.value).label}** in peerbot.")

    @app_commands.command(name="alerts", description="Where leaders get alerts: missed meetings, expiring certificates")
    @app_commands.guild_only()
    @app_commands.describe(channel="A private channel programme leaders watch")
    async def alerts(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        await bot_of(interaction).services.alerts.set_channel(actor_of(interaction), channel.id)
        await reply(interaction, f"Leader alerts will go to {channel.mention}.")

    @app_commands.command(name="automod", description="Create or update the Discord AutoMod rules peerbot owns")
    @app_commands.guild_only()
    async def automod(self, interaction: discord.Interaction) -> None:
        assert interaction.guild is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        lines = await sync_automod(bot_of(interaction), interaction.guild, actor_of(interaction))
        await reply(interaction, "Discord's AutoMod now runs these rules for peerbot, even while it is offline:\n"
                    + "\n".join(f"· {line}" for line in lines))


    @app_commands.command(name="status", description="Whether referrals reach people, and what peerbot couldn't do")
    @app_commands.guild_only()
    async def status(self, interaction: discord.Interaction) -> None:
        bot = bot_of(interaction)
        actor = actor_of(interaction)
        await bot.services.roles.require(actor, PeerRole.ADMIN, PeerRole.LEADER)
        await reply(interaction, embed=await status_embed(bot, actor.guild_id))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Setup())
