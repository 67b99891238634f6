"""The composition root for `peerbot run`: the bot class, its background loops, and start-up recovery."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime

import aiohttp
import discord
from discord.ext import commands

from bot.domain.intake import Waiting
from bot.scheduling.scheduler import JobScheduler
from bot.services import Services, open_services
from bot.settings import Settings
from cogs._common import on_app_command_error
from cogs.delivery import ExactlyOnce
from cogs.effects import DiscordGroupProvisioner, OutboxHandlers, register_handlers

log = logging.getLogger(__name__)

EXTENSIONS = ("cogs.setup", "cogs.conduct", "cogs.groups", "cogs.privacy", "cogs.referrals", "cogs.facilitators",
              "cogs.meetings", "cogs.screening", "cogs.language", "cogs.matching")
MEETINGS_WAKE = "meetings:wake"
OUTBOX_IDLE_SECONDS = 30.0
SHUTDOWN_GRACE_SECONDS = 20.0  # how long a shutdown waits for the Discord call in flight to finish
RATE_LIMIT_WAIT_SECONDS = 30.0  # a longer 429 is handed back to the outbox, which retries after it


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
            max_ratelimit_timeout=RATE_LIMIT_WAIT_SECONDS,
        )
        self.services = services
        self.exactly_once = ExactlyOnce(self)
        # Set by the referrals cog: tells leaders about referrals kept while the database is locked.
        self.on_referrals_waiting: Callable[[list[Waiting]], Awaitable[None]] | None = None
        self.scheduler = JobScheduler()
        self.provisioner = DiscordGroupProvisioner(self)
        self._outbox_wake = asyncio.Event()
        self._outbox_task: asyncio.Task[None] | None = None

    async def install(self) -> None:
        """Everything that needs no network: error handler, outbox handlers, cogs."""
        self.tree.error(on_app_command_error)
        self.exactly_once.install()
        self.add_listener(self.exactly_once.on_message, "on_message")
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
        outbox = self.services.outbox
        while not self.is_closed() and not outbox.stopping:
            self._outbox_wake.clear()
            delay = OUTBOX_IDLE_SECONDS
            try:
                await self.delivery_pass()
                next_due = await outbox.next_due_at()
                if next_due is not None:
                    delay = min(max((next_due - datetime.now(UTC)).total_seconds(), 0.2), OUTBOX_IDLE_SECONDS)
            except Exception:
                log.exception("outbox pass failed; trying again shortly")
                delay = 2.0
            if self.services.intake.waiting():
                delay = min(delay, 2.0)  # referrals kept while the database was locked: try again soon
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._outbox_wake.wait(), timeout=delay)

    async def delivery_pass(self) -> None:
        """Store referrals kept while the database was locked (telling leaders about any that wait too long),
        then deliver what is due."""
        intake = self.services.intake
        if intake.waiting():
            await intake.drain()
            stalled = intake.stalled()
            if stalled and self.on_referrals_waiting is not None:
                await self.on_referrals_waiting(stalled)
        await self.services.outbox.run_due()

    async def close(self) -> None:
        """Stop the timers, let the Discord call in flight finish (bounded), then disconnect."""
        self.scheduler.shutdown()
        self.services.outbox.stop()
        self._outbox_wake.set()
        if self._outbox_task:
            try:
                await asyncio.wait_for(asyncio.shield(self._outbox_task), timeout=SHUTDOWN_GRACE_SECONDS)
            except TimeoutError:
                log.warning("a Discord call was still running after %.0f s; stopping anyway", SHUTDOWN_GRACE_SECONDS)
                self._outbox_task.cancel()
            except Exception:
                log.exception("the outbox loop ended with an error")
        await super().close()


async def run_bot(settings: Settings) -> int:
    services = await open_services(settings)
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False  # peerbot never joins a voice call
    bot = PeerBot(services)
    assert settings.token is not None
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):  # a service manager's stop: finish the send in flight first
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, lambda: asyncio.ensure_future(bot.close()))
    try:
        async with bot:
            try:
                with _quiet("discord"):  # the first network call: if it fails, one sentence says so
                    await bot.login(settings.token.get_secret_value().strip())
            except (aiohttp.ClientError, OSError, TimeoutError) as error:
                print(f"peerbot: could not reach Discord ({_reason(error)}). Check this machine's network "
                      "connection (and any proxy or firewall), then run peerbot again.", file=sys.stderr)
                return 3
            except discord.DiscordServerError:
                print("peerbot: Discord is not answering properly just now (a server error); please try again in "
                      "a few minutes.", file=sys.stderr)
                return 3
            await bot.connect()
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



@contextlib.contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Below warnings, a logger says nothing for the duration."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(max(level, logging.WARNING))
    try:
        yield
    finally:
        logger.setLevel(level)


def _reason(error: BaseException) -> str:
    cause = error.__cause__ or error.__context__ or error
    text = str(cause) or type(cause).__name__
    return text.split(" [", 1)[0][:120]
