"""The `/conduct` group, conduct's listeners and buttons, and its outbox handlers, as one cog assembled from one
class per concern (discord.py collects the commands and listeners of every base class):

  code.py         show, set: the versioned code, its accept buttons, the prompt for a new version
  moderation.py   warn, case, pardon, false-positive, stats, settings, rule, meeting
  listener.py     every message in a screened space; AutoMod actions; the timed pass
  automod.py      /setup automod's sync, and what AutoMod's actions become
  views.py        the member's notice with Appeal, the mod-log buttons
  handlers.py     outbox handlers: hide, notice, timeout, mod log, prompts, meeting removal
"""

from __future__ import annotations

from discord.ext import commands

from cogs.conduct.code import (
    AcceptConductButton,
    AcceptConductInDm,
    CodeCommands,
    VersionedTextModal,
    accept_view,
    conduct_embed,
    versioned_embed,
)
from cogs.conduct.handlers import ConductHandlers
from cogs.conduct.listener import ConductListener
from cogs.conduct.moderation import ModerationCommands
from cogs.conduct.views import AppealButton, ModButton
from cogs.effects import register_handlers
from cogs.runtime import PeerBot

__all__ = ["Conduct", "VersionedTextModal", "accept_view", "conduct_embed", "setup", "versioned_embed"]


class Conduct(ModerationCommands, CodeCommands, ConductListener, commands.GroupCog, group_name="conduct",
              description="The code of conduct, and upholding it"):
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot
        super().__init__()

    async def cog_load(self) -> None:
        register_handlers(self.bot.services.outbox, ConductHandlers(self.bot).all())
        # Rebuilt from the database at start-up: the first pass finds whatever came due while peerbot was down.
        self.bot.scheduler.at("conduct:start", self.bot.services.clock.now(), self.timed_pass)
        self.bot.scheduler.every("conduct:sweep", 60, self.timed_pass)


async def setup(bot: PeerBot) -> None:
    bot.add_dynamic_items(AcceptConductButton, AcceptConductInDm, AppealButton, ModButton)
    await bot.add_cog(Conduct(bot))
