"""Matching's wake-up: one job at the earliest due step, re-armed after every change, plus a minute sweep."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cogs.runtime import PeerBot

log = logging.getLogger(__name__)
MATCHING_WAKE = "matching:wake"
MATCHING_SWEEP = "matching:sweep"


async def rearm(bot: PeerBot) -> None:
    """Point the wake-up at the earliest step due in any offer, request, match or supporter."""
    wake = await bot.services.matching.timeline.next_wake()
    if wake is not None:
        bot.scheduler.at(MATCHING_WAKE, max(wake, bot.services.clock.now()), matching_pass, bot)


async def matching_pass(bot: PeerBot) -> None:
    try:
        await bot.services.matching.timeline.run_due()
    except Exception:
        log.exception("matching pass failed; the sweep tries again in a minute")
    finally:
        await rearm(bot)


async def start(bot: PeerBot) -> None:
    """At start-up, once the posts made while away are counted (cogs/matching/__init__.py `on_ready`): rebuild
    every next step from the database, then wake when the first is due."""
    await bot.services.matching.timeline.rebuild()
    bot.scheduler.every(MATCHING_SWEEP, 60, matching_pass, bot)
    await rearm(bot)
