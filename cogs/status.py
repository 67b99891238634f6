"""What `/setup status` shows: whether referrals can reach people, and what peerbot could not do on Discord.

Red while anything needs an admin: a referral queue channel that can't be used (cards go to the alerts channel and
to leaders by DM meanwhile), referrals waiting for a locked database, actions set aside after repeated failures or
refused for a missing permission, or nobody peerbot could DM about a referral.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.domain.channel_health import QUEUE

if TYPE_CHECKING:
    from cogs.runtime import PeerBot


async def queue_warning(bot: PeerBot, guild_id: int) -> str | None:
    """A sentence when the referral queue can't be used, else None."""
    config = await bot.services.referrals.config(guild_id)
    if not config.queue_channel_id:
        return "No referral queue channel is set: referrals go to the alerts channel and to leaders by DM."
    health = await bot.services.health.get(guild_id, QUEUE)
    if health is not None and not health.ok and health.channel_id in (None, config.queue_channel_id):
        return (f"The referral queue <#{config.queue_channel_id}> can't be used since "
                f"{discord.utils.format_dt(health.since, 'f')}: {health.error}. Until it works again, referrals go "
                "to the alerts channel and to leaders by DM. Give peerbot View Channel, Send Messages and Embed "
                "Links there.")
    return None


async def status_embed(bot: PeerBot, guild_id: int) -> discord.Embed:
    services = bot.services
    problems: list[str] = []
    fine: list[str] = []
    warning = await queue_warning(bot, guild_id)
    if warning:
        problems.append(f"🔴 {warning}")
    else:
        fine.append(f"Referral queue: <#{(await services.referrals.config(guild_id)).queue_channel_id}> works.")
    alerts = await services.alerts.channel_for(guild_id)
    fine.append(f"Alerts go to <#{alerts}>." if alerts else "No alerts channel is set (/setup alerts).")
    waiting = [w for w in services.intake.waiting() if w.guild_id == guild_id]
    if waiting:
        problems.append(f"🔴 {len(waiting)} flagged message(s) are waiting for the database to take them; they "
                        "will be queued as soon as it does.")
    count, failures = await services.outbox.failures(guild_id)
    if count:
        lines = "\n".join(f"· {f.kind.replace('_', ' ')} ({'set aside' if f.why == 'set_aside' else 'refused'}, "
                          f"{discord.utils.format_dt(f.at, 'R')}): {f.error[:120]}" for f in failures)
        problems.append(f"🔴 {count} Discord action(s) failed in the last 7 days:\n{lines}")
    contacts = await services.staff.contacts(guild_id)
    if contacts:
        fine.append(f"{len(contacts)} leader(s) or on-call member(s) can be DM'd about a referral.")
    else:
        problems.append("🔴 peerbot knows no leader or on-call member to DM about a referral: each of them should "
                        "use any peerbot command once (for example /referral) so that peerbot knows them.")
    embed = discord.Embed(title="peerbot status", colour=discord.Colour.red() if problems else discord.Colour.green(),
                          description="\n\n".join(problems + fine)[:4000])
    return embed
