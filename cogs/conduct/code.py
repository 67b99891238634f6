"""`/conduct show` and `/conduct set`, the buttons that record a member's acceptance (in the server, or in the
DM that prompts for a new version once its grace period is over), and the modal for publishing a version."""

from __future__ import annotations

import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.conduct.code import ConductVersion
from bot.domain.roles import PeerRole
from bot.domain.versioned import MAX_TEXT_LEN, TextVersion, VersionedText
from cogs._common import NO_MENTIONS, actor_of, bot_of, kind_message, reply


def versioned_embed(noun: str, version: TextVersion) -> discord.Embed:
    """A versioned text (code of conduct, facilitator agreement) as members read it before accepting."""
    embed = discord.Embed(title=f"{noun.capitalize()} (version {version.version})", description=version.text)
    embed.set_footer(text="Pressing “I accept” records this version and the time; nothing else.")
    return embed


def conduct_embed(version: ConductVersion) -> discord.Embed:
    return versioned_embed("code of conduct", version)


class AcceptConductButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"peerbot:conduct:(?P<v>\d+)"):
    """Persistent across restarts: the version lives in the custom id."""

    def __init__(self, version: int) -> None:
        super().__init__(
            discord.ui.Button(label="I accept", style=discord.ButtonStyle.success,
                              custom_id=f"peerbot:conduct:{version}")
        )
        self.version = version

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AcceptConductButton:
        return cls(int(match["v"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            actor = actor_of(interaction)
            await bot_of(interaction).services.conduct.accept(actor.guild_id, actor.user_id, self.version)
        except Exception as error:
            await reply(interaction, kind_message(error))
            return
        await reply(interaction, "Thank you: you've accepted the code of conduct. You can now use /group join.")


def accept_view(version: ConductVersion) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(AcceptConductButton(version.version))
    return view


class AcceptConductInDm(discord.ui.DynamicItem[discord.ui.Button[Any]],
                        template=r"peerbot:conduct-dm:(?P<g>\d+):(?P<v>\d+)"):
    """The same acceptance from a DM, where there is no server to read: the server is in the custom id."""

    def __init__(self, guild_id: int, version: int) -> None:
        super().__init__(discord.ui.Button(label="I accept", style=discord.ButtonStyle.success,
                                           custom_id=f"peerbot:conduct-dm:{guild_id}:{version}"))
        self.guild_id = guild_id
        self.version = version

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AcceptConductInDm:
        return cls(int(match["g"]), int(match["v"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await bot_of(interaction).services.conduct.accept(self.guild_id, interaction.user.id, self.version)
        except Exception as error:
            await reply(interaction, kind_message(error))
            return
        await reply(interaction, "Thank you: you've accepted the new code of conduct.")


async def send_code_prompt(user: discord.abc.Messageable, guild_id: int, version: ConductVersion) -> int:
    """The private prompt after a new version's grace period: the text and an I accept button. Not a sanction."""
    view = discord.ui.View(timeout=None)
    view.add_item(AcceptConductInDm(guild_id, version.version))
    sent = await user.send("The group's code of conduct has a new version. Please read it and press **I accept** "
                           "when you're ready; nothing else changes for you.", embed=conduct_embed(version),
                           view=view, allowed_mentions=NO_MENTIONS)
    return sent.id


class VersionedTextModal(discord.ui.Modal):
    """Edit a versioned text (the code of conduct, the facilitator agreement); each save is a new version."""

    def __init__(self, document: VersionedText, current: str, done: str) -> None:
        super().__init__(title=document.noun.capitalize()[:45])
        self.document = document
        self.done = done
        self.body: discord.ui.TextInput[VersionedTextModal] = discord.ui.TextInput(
            label="The full text (each save is a new version)", style=discord.TextStyle.paragraph,
            default=current[:MAX_TEXT_LEN] or None, max_length=MAX_TEXT_LEN,
        )
        self.add_item(self.body)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        version = await self.document.publish(actor_of(interaction), self.body.value)
        await reply(interaction, f"Published version {version.version}. {self.done}")

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:  # type: ignore[override]
        await reply(interaction, kind_message(error))


class CodeCommands(commands.Cog):
    """Part of the `/conduct` group (see cogs/conduct/__init__.py)."""

    @app_commands.command(name="show", description="Read the current code of conduct")
    @app_commands.guild_only()
    async def show(self, interaction: discord.Interaction) -> None:
        actor = actor_of(interaction)
        conduct = bot_of(interaction).services.conduct
        current = await conduct.current(actor.guild_id)
        if current is None:
            await reply(interaction, "This server hasn't published a code of conduct yet.")
            return
        accepted = await conduct.accepted_version(actor.guild_id, actor.user_id) == current.version
        if accepted:
            await reply(interaction, "You have accepted this version.", embed=conduct_embed(current))
        else:
            await reply(interaction, embed=conduct_embed(current), view=accept_view(current))

    @app_commands.command(name="set", description="Publish a new version of the code of conduct (admins)")
    @app_commands.guild_only()
    async def set_(self, interaction: discord.Interaction) -> None:
        services = bot_of(interaction).services
        actor = actor_of(interaction)
        await services.roles.require(actor, PeerRole.ADMIN)  # checked again when the modal is submitted
        current = await services.conduct.current(actor.guild_id)
        await interaction.response.send_modal(VersionedTextModal(
            services.conduct, current.text if current else "",
            "Members will be asked to accept it before joining another group."))
