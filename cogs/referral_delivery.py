"""The referral outbox handlers: the queue card, escalation, the private note to the author, hiding a message;
and the routes around a queue channel that can't be used.

- **The queue card** is posted once (cogs/delivery.py: a step with a nonce; no history is read) and its id stored;
  later changes edit it. When the queue channel is refused (403), gone (404) or not set, the card goes to the
  alerts channel and a short notice (no message content) to each leader and on-call member by DM, the queue's
  failure is recorded (`/setup status` shows it in red), and when the channel works again every open referral
  without a card there gets one.
- **Escalation** pings the on-call role in the queue channel (the alerts channel when the queue can't be used),
  and DMs every leader and on-call member peerbot knows (cogs/alerts.staff_to_tell).
- **The note to the author** goes by DM, else in their private thread (cogs/private_thread.py).
- **A referral kept while the database was locked** (bot/domain/intake.py) is announced to the alerts channel
  directly, since the outbox can't be written then either.
"""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING, Any

import discord

from bot.domain.channel_health import QUEUE
from bot.domain.crisis_resources import support_message
from bot.domain.intake import Waiting
from bot.domain.outbox import DeliveryError, OutboxItem
from bot.domain.referral import Referral
from cogs._common import NO_MENTIONS
from cogs.alerts import staff_to_tell
from cogs.delivery import dm_channel
from cogs.private_thread import post_privately
from cogs.referrals import card_view, referral_card

if TYPE_CHECKING:
    from cogs.runtime import PeerBot

log = logging.getLogger(__name__)
REFUSED = (discord.Forbidden, discord.NotFound)  # the queue channel can't be used: go elsewhere


class QueueUnusable(Exception):
    """The referral queue channel is not set, gone, or refuses peerbot."""


class ReferralDelivery:
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot
        self._alert_channels: dict[int, int] = {}  # guild -> alerts channel, remembered for a locked database

    def handlers(self) -> dict[str, Any]:
        return {"queue_post": self.post_card, "queue_update": self.update_card, "author_support": self.support_author,
                "escalate": self.escalate, "hide_message": self.hide}

    # ---- the queue channel and its health --------------------------------------------------------------
    async def queue_channel(self, guild_id: int) -> discord.TextChannel:
        config = await self.bot.services.referrals.config(guild_id)
        if not config.queue_channel_id:
            raise QueueUnusable("no referral queue channel is set (/setup-referrals)")
        channel = self.bot.get_channel(config.queue_channel_id)
        if not isinstance(channel, discord.TextChannel):
            raise QueueUnusable(f"the referral queue channel ({config.queue_channel_id}) no longer exists")
        return channel

    async def _queue_failed(self, guild_id: int, channel_id: int | None, why: str) -> None:
        if await self.bot.services.health.failed(guild_id, QUEUE, channel_id, why):
            log.error("the referral queue of guild %s can't be used: %s", guild_id, why)

    async def _queue_worked(self, guild_id: int, channel_id: int) -> None:
        if await self.bot.services.health.worked(guild_id, QUEUE, channel_id):
            reposted = await self.bot.services.referrals.repost_missing_cards(guild_id)
            log.info("the referral queue of guild %s works again; %s card(s) to post there", guild_id, reposted)

    async def recheck_queue(self, guild_id: int) -> None:
        """After an admin's change (or periodically while it fails): if Discord's cached permissions say the queue
        works again, the cards it missed are posted, first one: the cache can say yes while Discord still
        refuses, and then each check costs one refused call, not one per card. That card's success records the
        queue as working and posts the rest; with none missing, it is recorded as working at once."""
        try:
            channel = await self.queue_channel(guild_id)
        except QueueUnusable:
            return
        me = channel.guild.me
        allowed = channel.permissions_for(me) if me else discord.Permissions.none()
        if not (allowed.view_channel and allowed.send_messages and allowed.embed_links):
            return
        health = await self.bot.services.health.get(guild_id, QUEUE)
        if health is not None and not health.ok and await self.bot.services.referrals.repost_missing_cards(
                guild_id, limit=1):
            return
        await self._queue_worked(guild_id, channel.id)

    # ---- the queue card --------------------------------------------------------------------------------
    async def post_card(self, item: OutboxItem) -> dict[str, Any] | None:
        referrals = self.bot.services.referrals
        referral = await referrals.get(int(item.payload["referral_id"]))
        try:
            channel = await self.queue_channel(item.guild_id)
            if referral.queue_message_id is not None:  # posted already (a re-post after the queue healed)
                await channel.get_partial_message(referral.queue_message_id).edit(
                    embed=referral_card(referral), view=card_view(referral), allowed_mentions=NO_MENTIONS)
                return {"message_id": referral.queue_message_id}
            sent = await channel.send(embed=referral_card(referral), view=card_view(referral),
                                      allowed_mentions=NO_MENTIONS)
        except (QueueUnusable, *REFUSED) as error:
            queue_id = (await referrals.config(item.guild_id)).queue_channel_id
            await self._queue_failed(item.guild_id, queue_id, _why(error))
            elsewhere = None if item.payload.get("repost") else await self._card_elsewhere(
                item, referral, queue_id, _why(error))  # a re-post: shown elsewhere already
            if await self.bot.services.outbox.in_doubt(item.id):
                # An earlier attempt may have posted the card before Discord refused: try again while Discord
                # still remembers its nonce, or a later re-post would put a second card in the queue.
                raise DeliveryError(f"the queue can't be used ({_why(error)}) and the card may be there",
                                    outage=True) from error
            return elsewhere or {"skipped": f"the queue still can't be used: {_why(error)}"}
        await referrals.set_queue_message(referral.id, sent.id)
        await self._queue_worked(item.guild_id, channel.id)
        return {"message_id": sent.id}

    async def update_card(self, item: OutboxItem) -> dict[str, Any] | None:
        """A change to a referral: edit its card. A card not posted yet shows the latest state when it is."""
        referrals = self.bot.services.referrals
        referral = await referrals.get(int(item.payload["referral_id"]))
        if referral.queue_message_id is None:
            return {"skipped": "no card in the queue yet"}
        try:
            channel = await self.queue_channel(item.guild_id)
            await channel.get_partial_message(referral.queue_message_id).edit(
                embed=referral_card(referral), view=card_view(referral), allowed_mentions=NO_MENTIONS)
        except discord.NotFound:
            return {"skipped": "the card was deleted"}
        except (QueueUnusable, discord.Forbidden) as error:  # retried: the card changes once the queue works
            await self._queue_failed(item.guild_id, None, _why(error))
            raise DeliveryError(f"the queue can't be used: {_why(error)}", reason="forbidden") from error
        return {"message_id": referral.queue_message_id}

    async def _card_elsewhere(self, item: OutboxItem, referral: Referral, queue_id: int | None,
                              why: str) -> dict[str, Any]:
        """The queue can't be used: the card to the alerts channel, and a notice to each leader and on-call
        member by DM. Retried until at least one of them got through."""
        alerts_id = await self.bot.services.alerts.channel_for(item.guild_id)
        alerts = self.bot.get_channel(alerts_id) if alerts_id and alerts_id != queue_id else None
        posted = None
        if isinstance(alerts, discord.TextChannel):
            try:
                sent = await alerts.send(
                    f"The referral queue can't be used ({why}), so this referral is shown here. An admin can fix "
                    "the queue channel; /setup status shows what is wrong.", embed=referral_card(referral),
                    view=card_view(referral), allowed_mentions=NO_MENTIONS)
                posted = sent.id
            except REFUSED as error:
                log.error("the alerts channel of guild %s refused a referral card too: %s", item.guild_id, error)
        guild = self.bot.get_guild(item.guild_id)
        told = await self._dm_staff(item.guild_id, (
            f"Referral #{referral.id} ({referral.tier.label}) in {guild.name if guild else 'your server'} needs "
            f"someone, and the referral queue channel can't be used ({why}). Open it with /referral {referral.id}."))
        if posted is None and not told:  # keep trying for as long as it takes; never set aside
            log.error("referral #%s reached nobody: the queue can't be used (%s), nor the alerts channel or a "
                      "leader's DMs", referral.id, why)
            raise DeliveryError(f"the queue can't be used ({why}) and neither the alerts channel nor any leader "
                                "could be reached", outage=True)
        return {"fallback": {"alerts_message_id": posted, "dms": told}}

    async def _dm_staff(self, guild_id: int, text: str) -> int:
        """DM each leader and on-call member; returns how many got it. Closed DMs are skipped; a Discord outage
        is raised, so that the item is retried (the DMs already sent are not sent again)."""
        told = 0
        for user_id in sorted(await staff_to_tell(self.bot, guild_id)):
            try:
                await (await dm_channel(self.bot, user_id)).send(text, allowed_mentions=NO_MENTIONS)
                told += 1
            except REFUSED:
                log.info("could not DM staff member %s (DMs closed or unknown)", user_id)
        return told

    # ---- escalation ------------------------------------------------------------------------------------
    async def escalate(self, item: OutboxItem) -> dict[str, Any] | None:
        services = self.bot.services
        referral = await services.referrals.get(int(item.payload["referral_id"]))
        if referral.state != "open":
            return {"skipped": "claimed meanwhile"}
        config = await services.referrals.config(item.guild_id)
        ping = f"<@&{config.oncall_role_id}> " if config.oncall_role_id else ""
        text = (f"{ping}Referral #{referral.id} ({referral.tier.label}) has not been claimed "
                f"(reminder {item.payload['count']}). {referral.jump_url or ''}")
        # Only the on-call role is ever pinged, never everyone or any other role.
        oncall_only = discord.AllowedMentions(everyone=False, users=False, replied_user=False,
                                              roles=[discord.Object(config.oncall_role_id)]
                                              if config.oncall_role_id else False)
        where = None
        try:
            channel = await self.queue_channel(item.guild_id)
            await channel.send(text, allowed_mentions=oncall_only)
            where = "queue"
            await self._queue_worked(item.guild_id, channel.id)
        except (QueueUnusable, *REFUSED) as error:
            await self._queue_failed(item.guild_id, config.queue_channel_id, _why(error))
            alerts_id = await services.alerts.channel_for(item.guild_id)
            alerts = self.bot.get_channel(alerts_id) if alerts_id and alerts_id != config.queue_channel_id else None
            if isinstance(alerts, discord.TextChannel):
                try:
                    await alerts.send(text, allowed_mentions=oncall_only)
                    where = "alerts"
                except REFUSED as refused:
                    log.error("the alerts channel of guild %s refused an escalation: %s", item.guild_id, refused)
        guild = self.bot.get_guild(item.guild_id)
        told = await self._dm_staff(item.guild_id, (
            f"Referral #{referral.id} ({referral.tier.label}) in {guild.name if guild else 'your server'} is "
            f"waiting to be claimed (reminder {item.payload['count']}). Open it with /referral {referral.id}."))
        if where is None and not told:  # keep trying for as long as it takes; never set aside
            log.error("escalation of referral #%s reached nobody", referral.id)
            raise DeliveryError("no channel and no leader could be reached for an escalation", outage=True)
        return {"pinged_in": where, "dms": told}

    # ---- the note to the author ------------------------------------------------------------------------
    async def support_author(self, item: OutboxItem) -> dict[str, Any] | None:
        """A private, caring note to the author: DM first, then their private thread; never in the group."""
        text = support_message(str(item.payload.get("country", "US")), item.payload.get("language"))
        user_id = int(item.payload["user_id"])
        try:
            sent = await (await dm_channel(self.bot, user_id)).send(text, allowed_mentions=NO_MENTIONS)
            return {"via": "dm", "message_id": sent.id}
        except discord.Forbidden:
            pass  # DMs closed: their private thread instead
        try:
            thread_id = await post_privately(self.bot, item.guild_id, user_id, item.payload.get("channel_id"), text)
        except discord.Forbidden as error:
            # Only an admin can fix this; until then keep trying, never give up on the note.
            channel = item.payload.get("channel_id")
            await self.bot.services.alerts.send(
                item.guild_id, f"Admins: a member whose DMs are closed needs a private note from peerbot, and "
                f"Discord refused a private thread in <#{channel}> ({_why(error)}). peerbot needs Create Private "
                "Threads and Send Messages in Threads there; it keeps trying.",
                dedupe_key=f"private_thread:{channel}:{self.bot.services.clock.now().date().isoformat()}")
            raise DeliveryError(f"DMs closed and the private thread was refused: {_why(error)}",
                                outage=True) from error
        return {"via": "private_thread", "thread_id": thread_id}

    async def hide(self, item: OutboxItem) -> dict[str, Any] | None:
        channel = self.bot.get_channel(int(item.payload["channel_id"]))
        if not isinstance(channel, discord.TextChannel):
            return {"skipped": "channel gone"}
        try:
            await channel.get_partial_message(int(item.payload["message_id"])).delete()
        except discord.NotFound:
            return {"skipped": "already deleted"}
        await self.bot.services.outbox.enqueue(
            item.guild_id, "dm", {"user_id": item.payload["user_id"], "private_thread_in": channel.id,
                                  "text": "I hid a message you posted because it described a method in detail, "
                                          "which this group's policy keeps out of the channel. You haven't done "
                                          "anything wrong, and the programme team can still read it."},
            dedupe_key=f"hidden_notice:{item.payload['referral_id']}", subject_id=int(item.payload["user_id"]),
        )
        return None

    # ---- referrals kept while the database was locked --------------------------------------------------
    async def tell_about_waiting(self, waiting: list[Waiting]) -> None:
        """Straight to the alerts channel (the outbox can't be written now): a risky message waits to be queued."""
        for found in waiting:
            channel_id = await self._alerts_channel_id(found.guild_id)
            channel = self.bot.get_channel(channel_id) if channel_id else None
            if not isinstance(channel, discord.TextChannel):
                log.error("a %s referral from %s is waiting for the database and no alerts channel is known",
                          found.tier, found.jump_url)
                continue
            text = (f"A {found.tier} message in <#{found.channel_id}> is waiting to reach the referral queue: the "
                    "database is busy (a backup or another peerbot command may be holding it). It will be queued "
                    f"as soon as the database is free; please look at it now. {found.jump_url or ''}")
            nonce = hashlib.blake2b(found.entry_id.encode(), digest_size=12).hexdigest()
            try:
                await channel.send(text, allowed_mentions=NO_MENTIONS, nonce=nonce)
            except discord.HTTPException as error:
                log.error("could not tell the alerts channel about a waiting referral: %s", error)

    async def _alerts_channel_id(self, guild_id: int) -> int | None:
        try:
            found = await self.bot.services.alerts.channel_for(guild_id)
        except Exception:  # the database may refuse reads too: use what was seen last
            return self._alert_channels.get(guild_id)
        if found:
            self._alert_channels[guild_id] = found
        return found


def _why(error: BaseException) -> str:
    if isinstance(error, discord.HTTPException):
        return f"Discord said {error.status}: {error.text or type(error).__name__}"
    return str(error)
