"""`/group create|list|join|leave|archive|delete`."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.conduct.code import ConductAcceptanceNeeded
from bot.domain.group import Audience, GroupDraft, GroupMode, JoinOutcome, JoinResult
from bot.domain.roles import PeerRole
from cogs._common import actor_of, bot_of, kind_message, reply
from cogs.conduct import accept_view, conduct_embed

AUDIENCE_LABELS = {Audience.PATIENTS: "patients", Audience.CAREGIVERS: "family caregivers",
                   Audience.BOTH: "patients and caregivers"}


async def group_names(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    if interaction.guild_id is None:
        return []
    groups = await bot_of(interaction).services.groups.list(interaction.guild_id)
    needle = current.casefold()
    return [app_commands.Choice(name=g.name, value=g.name) for g in groups if needle in g.name.casefold()][:25]


class OwnerOnlyView(discord.ui.View):
    """An ephemeral offer that only the person it was made to can use."""

    def __init__(self, owner_id: int, timeout: float = 300) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return interaction.user.id == self.owner_id

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any], /) -> None:
        await reply(interaction, kind_message(error))


class WaitlistOffer(OwnerOnlyView):
    def __init__(self, owner_id: int, group_name: str) -> None:
        super().__init__(owner_id)
        self.group_name = group_name

    @discord.ui.button(label="Join the waitlist", style=discord.ButtonStyle.primary)
    async def join_waitlist(self, interaction: discord.Interaction, _: discord.ui.Button[Any]) -> None:
        result = await bot_of(interaction).services.groups.join_waitlist(actor_of(interaction), self.group_name)
        self.stop()
        await reply(interaction, describe_join(result))


class ConfirmDelete(OwnerOnlyView):
    def __init__(self, owner_id: int, group_name: str) -> None:
        super().__init__(owner_id, timeout=60)
        self.group_name = group_name

    @discord.ui.button(label="Delete the group and its channel forever", style=discord.ButtonStyle.danger)
    async def confirm(self, interaction: discord.Interaction, _: discord.ui.Button[Any]) -> None:
        group = await bot_of(interaction).services.groups.delete(actor_of(interaction), self.group_name)
        self.stop()
        await reply(interaction, f"“{group.name}” is deleted; its channel and role are being removed.")

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: discord.Interaction, _: discord.ui.Button[Any]) -> None:
        self.stop()
        await reply(interaction, "Nothing was deleted.")


def describe_join(result: JoinResult) -> str:
    name = result.group.name
    return {
        JoinOutcome.JOINED: f"Welcome to “{name}”. The group's channel will appear for you in a moment.",
        JoinOutcome.ALREADY_MEMBER: f"You're already a member of “{name}”.",
        JoinOutcome.FULL: f"“{name}” is full right now.",
        JoinOutcome.WAITLISTED: f"You're on the waitlist for “{name}” (number {result.position}). "
                                "I'll message you when a seat opens.",
        JoinOutcome.ALREADY_WAITLISTED: f"You're already on the waitlist for “{name}” "
                                        f"(number {result.position}).",
    }[result.outcome]


class Groups(commands.GroupCog, group_name="group", description="Peer-support groups"):
    @app_commands.command(name="create", description="Create a private peer-support group (admins)")
    @app_commands.guild_only()
    @app_commands.describe(
        name="For example “Breast cancer – family caregivers”", condition="The health condition it is about",
        audience="Who the group is for", description="A sentence or two that members see in /group list",
        capacity="Most members at once (leave empty for no cap)",
        mode="Always open, or open to posts only during facilitated meetings",
        voice="Also create a voice channel",
    )
    async def create(
        self, interaction: discord.Interaction, name: str, condition: str, audience: Audience, description: str,
        capacity: app_commands.Range[int, 1, 1000] | None = None, mode: GroupMode = GroupMode.ALWAYS_OPEN,
        voice: bool = False,
    ) -> None:
        bot = bot_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        group = await bot.services.groups.create(
            actor_of(interaction),
            GroupDraft(name=name, condition=condition, audience=audience, description=description,
                       capacity=capacity, mode=mode, with_voice=voice),
            bot.provisioner,
        )
        await reply(interaction, f"Created “{group.name}” with its private channel <#{group.channel_id}>.")

    @app_commands.command(name="list", description="See the groups you can join")
    @app_commands.guild_only()
    async def list_(self, interaction: discord.Interaction) -> None:
        groups = await bot_of(interaction).services.groups.list(actor_of(interaction).guild_id)
        if not groups:
            await reply(interaction, "There are no groups here yet.")
            return
        embed = discord.Embed(title="Peer-support groups")
        for group in groups[:25]:
            seats = f"{group.member_count}/{group.capacity}" if group.capacity else f"{group.member_count}"
            meetings = " · meets at set times" if group.mode is GroupMode.MEETING_ONLY else ""
            embed.add_field(
                name=group.name[:256],
                value=f"For {AUDIENCE_LABELS[group.audience]} · {seats} members{meetings}\n{group.description}"[:1024],
                inline=False,
            )
        if len(groups) > 25:
            embed.set_footer(text=f"Showing 25 of {len(groups)}; type a name in /group join to find the rest.")
        await reply(interaction, embed=embed)

    @app_commands.command(name="join", description="Join a group")
    @app_commands.guild_only()
    @app_commands.autocomplete(name=group_names)
    async def join(self, interaction: discord.Interaction, name: str) -> None:
        services = bot_of(interaction).services
        actor = actor_of(interaction)
        # Answer within Discord's 3 s even when the database is busy (it waits up to 5 s for a lock).
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            result = await services.groups.join(actor, name)
        except ConductAcceptanceNeeded as needed:
            await reply(interaction, f"{needed.message} Then run /group join again.",
                        embed=conduct_embed(needed.current), view=accept_view(needed.current))
            return
        if result.outcome is JoinOutcome.FULL:
            await reply(interaction, f"{describe_join(result)} Would you like a place on the waitlist?",
                        view=WaitlistOffer(actor.user_id, result.group.name))
            return
        await reply(interaction, describe_join(result))

    @app_commands.command(name="leave", description="Leave a group (or its waitlist)")
    @app_commands.guild_only()
    @app_commands.autocomplete(name=group_names)
    async def leave(self, interaction: discord.Interaction, name: str) -> None:
        group = await bot_of(interaction).services.groups.leave(actor_of(interaction), name)
        await reply(interaction, f"You've left “{group.name}”. You're welcome back any time.")

    @app_commands.command(name="archive", description="Hide a group and keep its history (admins)")
    @app_commands.guild_only()
    @app_commands.autocomplete(name=group_names)
    async def archive(self, interaction: discord.Interaction, name: str) -> None:
        group = await bot_of(interaction).services.groups.archive(actor_of(interaction), name)
        await reply(interaction, f"“{group.name}” is archived: hidden from members, history kept for staff.")

    @app_commands.command(name="delete", description="Delete a group, its channel and role forever (admins)")
    @app_commands.guild_only()
    @app_commands.autocomplete(name=group_names)
    async def delete(self, interaction: discord.Interaction, name: str) -> None:
        services = bot_of(interaction).services
        actor = actor_of(interaction)
        group = await services.groups.get(actor.guild_id, name)
        await services.roles.require(actor, PeerRole.ADMIN)
        await reply(
            interaction,
            f"This deletes “{group.name}”, its channel with all messages, and its role. It can't be undone; "
            "/group archive keeps the history instead. Are you sure?",
            view=ConfirmDelete(actor.user_id, group.name),
        )


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Groups())
