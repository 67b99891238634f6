"""The composition root for `peerbot run`: the bot class, its background loops, and start-up recovery."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from datetime import UTC, datetime

import discord
from discord.ext import commands

from bot.scheduling.scheduler import JobScheduler
from bot.services import Services, open_services
from bot.settings import Settings
from cogs._common import on_app_command_error
from cogs.effects import DiscordGroupProvisioner, OutboxHandlers, register_handlers

log = logging.getLogger(__name__)

EXTENSIONS = ("cogs.setup", "cogs.conduct", "cogs.groups", "cogs.privacy", "cogs.referrals", "cogs.facilitators",
              "cogs.meetings", "cogs.screening", "cogs.language", "cogs.matching")
MEETINGS_WAKE = "meetings:wake"
OUTBOX_IDLE_SECONDS = 30.0


def intents_for(settings: Settings) -> discord.Intents:
    intents = discord.Intents.default()  # guilds, guild and DM messages; no privileged member list
    intents.message_content = settings.message_content
    return intents


class PeerBot(commands.Bot):
    def __init__(self, services: Services) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents_for(services.settings),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
        )
        self.services = services
        self.scheduler = JobScheduler()
        self.provisioner = DiscordGroupProvisioner(self)
        self._outbox_wake = asyncio.Event()
        self._outbox_task: asyncio.Task[None] | None = None

    async def install(self) -> None:
        """Everything that needs no network: error handler, outbox handlers, cogs."""
        self.tree.error(on_app_command_error)
        register_handlers(self.services.outbox, OutboxHandlers(self).all())
        self.services.outbox.on_enqueue = self._outbox_wake.set
        for extension in EXTENSIONS:
            await self.load_extension(extension)

    async def setup_hook(self) -> None:
        await self.install()
        await self._sync_commands()
        # Periodic passes: each recomputes what is due from the database, so a restart loses and repeats nothing.
        self.scheduler.every("groups:waitlist-sweep", 600, self.services.groups.sweep_waitlists)
        self.scheduler.every("referrals:escalate", 30, self.services.referrals.escalate_due)
        self.scheduler.every("referrals:retention", 3600, self.services.referrals.purge_expired_content)
        self.scheduler.every("facilitators:expiry", 3600, self.services.facilitators.warn_expiring)
        self.scheduler.every("privacy:erase-delivered", 300, self.services.outbox.purge_erased)
        # Meetings: rebuild every timeline from the database, then wake exactly when the next step is due.
        # The minute sweep is a safety net. Horizons are extended right after start-up, then hourly.
        await self.services.timeline.rebuild()
        await self.services.timeline.reconcile_rooms()
        self.scheduler.every("meetings:sweep", 60, self.meetings_pass)
        self.scheduler.at("meetings:horizon-start", self.services.clock.now(), self.extend_horizons)
        self.scheduler.every("meetings:horizon", 3600, self.extend_horizons)
        self.scheduler.start()
        await self.rearm_meetings()
        self._outbox_task = asyncio.create_task(self._outbox_loop(), name="peerbot-outbox")

    async def meetings_pass(self) -> None:
        """Run every meeting step that is due, then sleep until the next one."""
        try:
            await self.services.timeline.run_due()
        finally:
            await self.rearm_meetings()

    async def extend_horizons(self) -> None:
        if await self.services.meetings.extend_horizons():
            await self.rearm_meetings()

    async def rearm_meetings(self) -> None:
        """Point the wake-up job at the earliest due step. Called after every change to a timeline."""
        wake = await self.services.timeline.next_wake()
        if wake is not None:
            self.scheduler.at(MEETINGS_WAKE, max(wake, self.services.clock.now()), self.meetings_pass)

    async def _sync_commands(self) -> None:
        guild_id = self.services.settings.dev_guild_id
        if guild_id:
            guild = discord.Object(guild_id)
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)
        else:
            await self.tree.sync()

    async def on_ready(self) -> None:
        recovered = await self.services.groups.recover_unfinished(self.provisioner)
        if recovered:
            log.warning("undid %s group(s) whose creation was interrupted", recovered)
        log.info("peerbot is connected as %s to %s server(s)", self.user, len(self.guilds))
        self._outbox_wake.set()

    async def _outbox_loop(self) -> None:
        await self.wait_until_ready()
        while not self.is_closed():
            self._outbox_wake.clear()
            try:
                await self.services.outbox.run_due()
            except Exception:
                log.exception("outbox pass failed; trying again shortly")
            next_due = await self.services.outbox.next_due_at()
            delay = OUTBOX_IDLE_SECONDS
            if next_due is not None:
                delay = min(max((next_due - datetime.now(UTC)).total_seconds(), 0.2), OUTBOX_IDLE_SECONDS)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._outbox_wake.wait(), timeout=delay)

    async def close(self) -> None:
        self.scheduler.shutdown()
        if self._outbox_task:
            self._outbox_task.cancel()
        await super().close()


async def run_bot(settings: Settings) -> int:
    services = await open_services(settings)
    bot = PeerBot(services)
    assert settings.token is not None
    try:
        async with bot:
            await bot.start(settings.token.get_secret_value().strip())
    except discord.LoginFailure:
        print("peerbot: Discord rejected the bot token; copy it again from the developer portal "
              "(Bot > Reset Token) into PEERBOT_TOKEN.", file=sys.stderr)
        return 2
    except discord.PrivilegedIntentsRequired:
        print("peerbot: Discord refused the Message Content intent. Turn it on in the developer portal "
              "(Bot > Privileged Gateway Intents), or set PEERBOT_MESSAGE_CONTENT=false to run without "
              "automatic risk screening.", file=sys.stderr)
        return 2
    finally:
        await services.db.close()
    return 0

