"""/language: a member chooses the language (and country) of any private note peerbot sends them."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.crisis_resources import LANGUAGES
from cogs._common import actor_of, bot_of, reply

_SERVER = "server"


class Language(commands.Cog):
    @app_commands.command(name="language", description="The language of private notes peerbot sends you")
    @app_commands.guild_only()
    @app_commands.describe(language="Your language, or the server's default",
                           country="Two-letter code for the crisis lines you are given (optional), e.g. ES, BR")
    @app_commands.choices(language=[app_commands.Choice(name=name, value=code) for code, name in LANGUAGES.items()]
                          + [app_commands.Choice(name="The server's default", value=_SERVER)])
    async def language(self, interaction: discord.Interaction, language: app_commands.Choice[str],
                       country: str | None = None) -> None:
        services = bot_of(interaction).services
        actor = actor_of(interaction)
        if language.value == _SERVER:
            await services.languages.clear(actor)
            await reply(interaction, "Done: private notes will follow this server's language and country.")
            return
        chosen = await services.languages.choose(actor, language.value, country)
        where = f", with crisis lines for {chosen.country}" if chosen.country else ""
        await reply(interaction, f"Done: private notes from peerbot will be in {LANGUAGES[chosen.language]}{where}. "
                    "/privacy delete erases this choice with the rest of your data.")


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Language())
