"""`/privacy export` and `/privacy delete`, for oneself or (admins) for another member."""

from __future__ import annotations

import io
import json
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.roles import PeerRole
from cogs._common import actor_of, bot_of, reply
from cogs.groups import OwnerOnlyView


class ConfirmErase(OwnerOnlyView):
    def __init__(self, owner_id: int, target_id: int) -> None:
        super().__init__(owner_id, timeout=120)
        self.target_id = target_id

    @discord.ui.button(label="Yes, erase it", style=discord.ButtonStyle.danger)
    async def confirm(self, interaction: discord.Interaction, _: discord.ui.Button[Any]) -> None:
        counts = await bot_of(interaction).services.privacy.delete(actor_of(interaction), self.target_id)
        self.stop()
        await reply(interaction, f"Erased {sum(counts.values())} record(s). Group roles are being removed.")

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: discord.Interaction, _: discord.ui.Button[Any]) -> None:
        self.stop()
        await reply(interaction, "Nothing was erased.")


class Privacy(commands.GroupCog, group_name="privacy", description="Your data in peerbot"):
    @app_commands.command(name="export", description="Get a copy of everything peerbot stores about you")
    @app_commands.guild_only()
    @app_commands.describe(member="Admins only: export another member's data (e.g. on request by email)")
    async def export(self, interaction: discord.Interaction, member: discord.Member | None = None) -> None:
        actor = actor_of(interaction)
        target = member.id if member else actor.user_id
        data = await bot_of(interaction).services.privacy.export(actor, target)
        payload = io.BytesIO(json.dumps(data, indent=2, ensure_ascii=False, default=str).encode())
        await reply(interaction, "Here is everything peerbot stores about this member in this server.",
                    file=discord.File(payload, filename=f"peerbot-export-{target}.json"))

    @app_commands.command(name="delete", description="Erase everything peerbot stores about you in this server")
    @app_commands.guild_only()
    @app_commands.describe(member="Admins only: erase another member's data")
    async def delete(self, interaction: discord.Interaction, member: discord.Member | None = None) -> None:
        actor = actor_of(interaction)
        target = member.id if member else actor.user_id
        if target != actor.user_id:
            await bot_of(interaction).services.roles.require(actor, PeerRole.ADMIN)
        await reply(
            interaction,
            "This erases your group memberships and waitlist places, your code-of-conduct acceptances and "
            "everything else peerbot keeps about you here, and removes your group roles. Notes the programme's "
            "professionals keep about referrals stay, without your name (/privacy export shows them first). "
            "It can't be undone.",
            view=ConfirmErase(actor.user_id, target),
        )


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Privacy())
