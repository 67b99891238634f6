"""`/setup automod`: create, and keep in sync, the Discord AutoMod rules peerbot owns (bot/domain/conduct/automod.py
says what they are), within Discord's limits; and, while peerbot runs, what their actions become: a case and the
member's text back for a block, a referral for a crisis alert (one per message, shared with peerbot's own
screening of the same message)."""

from __future__ import annotations

import logging

import discord

from bot.domain.conduct.automod import (
    CASE_RULE,
    KEYWORD_RULES,
    MAX_EXEMPT_ROLES,
    AutoModSpec,
    Kind,
    problems,
    specs,
)
from bot.domain.risk import Category, Evidence, Screening, Tier
from bot.domain.roles import Actor, PeerRole
from bot.errors import DomainError
from cogs.runtime import PeerBot

log = logging.getLogger(__name__)
KEYWORD = discord.AutoModRuleTriggerType.keyword
MENTION_SPAM = discord.AutoModRuleTriggerType.mention_spam


def to_discord(spec: AutoModSpec) -> tuple[discord.AutoModTrigger, list[discord.AutoModRuleAction]]:
    if spec.trigger == "mention_spam":
        trigger = discord.AutoModTrigger(mention_limit=spec.mention_limit, mention_raid_protection=True)
    else:
        trigger = discord.AutoModTrigger(type=KEYWORD, keyword_filter=list(spec.keywords),
                                         regex_patterns=list(spec.regexes), allow_list=list(spec.allow))
    if spec.alert_channel_id is not None:
        actions = [discord.AutoModRuleAction(channel_id=spec.alert_channel_id)]  # alert only: never blocks
    else:
        actions = [discord.AutoModRuleAction(custom_message=spec.block_message)]
    return trigger, actions


async def sync_automod(bot: PeerBot, guild: discord.Guild, actor: Actor) -> list[str]:
    """Create what is missing and bring the rest up to date. Returns one line per rule, for the admin."""
    services = bot.services
    await services.roles.require(actor, PeerRole.ADMIN)
    queue = (await services.referrals.config(guild.id)).queue_channel_id
    wanted = specs(queue)
    for spec in wanted:
        if problems(spec):  # a bug in the shipped rules, never the admin's doing
            raise DomainError(f"peerbot's {spec.kind} rule breaks AutoMod's limits: {problems(spec)}")
    try:
        existing = await guild.fetch_automod_rules()
    except discord.Forbidden:
        raise DomainError("I need the Manage Server permission to manage AutoMod rules. Nothing was changed.") from None
    registry = services.conduct_automod
    stored = await registry.ids(guild.id)
    by_id = {rule.id: rule for rule in existing}
    ours = {kind: by_id[rule_id] for kind, rule_id in stored.items() if rule_id in by_id}
    for rule in existing:  # rules peerbot made before its records were lost: adopt them by name
        for spec in wanted:
            if rule.name == spec.name and spec.kind not in ours:
                ours[spec.kind] = rule
    our_ids = {rule.id for rule in ours.values()}
    others_keyword = sum(1 for r in existing if r.trigger.type == KEYWORD and r.id not in our_ids)
    others_mention = any(r.trigger.type == MENTION_SPAM and r.id not in our_ids for r in existing)
    keyword_slots = KEYWORD_RULES - others_keyword - sum(1 for k, r in ours.items() if r.trigger.type == KEYWORD)
    exempt = [discord.Object(role_id) for role_id in sorted(await services.roles.staff_role_ids(guild.id))]
    lines = []
    for spec in wanted:
        trigger, actions = to_discord(spec)
        roles = exempt[:MAX_EXEMPT_ROLES]
        try:
            if spec.kind in ours:
                await ours[spec.kind].edit(name=spec.name, trigger=trigger, actions=actions, enabled=True,
                                           exempt_roles=roles, reason="peerbot /setup automod")
                await registry.record(guild.id, spec.kind, ours[spec.kind].id)
                lines.append(f"updated: {spec.name}")
                continue
            if spec.trigger == "keyword" and keyword_slots <= 0:
                lines.append(f"not created: {spec.name} (the server already has {KEYWORD_RULES} keyword rules)")
                continue
            if spec.trigger == "mention_spam" and others_mention:
                lines.append(f"not created: {spec.name} (the server already has a mention-spam rule)")
                continue
            rule = await guild.create_automod_rule(
                name=spec.name, event_type=discord.AutoModRuleEventType.message_send, trigger=trigger,
                actions=actions, enabled=True, exempt_roles=roles, reason="peerbot /setup automod")
            keyword_slots -= spec.trigger == "keyword"
            await registry.record(guild.id, spec.kind, rule.id)
            lines.append(f"created: {spec.name}")
        except discord.Forbidden:
            raise DomainError("I need the Manage Server permission to manage AutoMod rules. "
                              f"Done so far: {'; '.join(lines) or 'nothing'}.") from None
        except discord.HTTPException as error:
            lines.append(f"failed: {spec.name} (Discord said {error.status}: {error.text[:100]})")
    if queue is None:
        lines.append("not created: the crisis-words alert, until a referral queue is set with /setup-referrals")
    return lines


async def on_automod_action(bot: PeerBot, execution: discord.AutoModAction) -> None:
    """An action Discord took under one of peerbot's rules. Other rules are the server's own business."""
    services = bot.services
    kind = await services.conduct_automod.kind_of(execution.guild_id, execution.rule_id)
    if kind is None:
        return
    action = execution.action.type
    if kind is Kind.CRISIS:
        if action is discord.AutoModRuleActionType.send_alert_message:
            await _crisis_referral(bot, execution)
        return
    if action is not discord.AutoModRuleActionType.block_message:
        return  # an alert or a timeout an admin added to one of our rules: Discord has done it, and one case is enough
    # A blocked message has no id: one case for all the reports of one message (a slur and a phone number in it
    # are two rules, two reports)
    if not services.conduct_automod.first_report(execution.guild_id, execution.user_id, execution.channel_id,
                                                 execution.content, "case"):
        return
    await services.enforcement.automod_blocked(
        execution.guild_id, execution.user_id, CASE_RULE[kind], execution.channel_id, execution.content,
        execution.matched_keyword or execution.matched_content)


async def _crisis_referral(bot: PeerBot, execution: discord.AutoModAction) -> None:
    """A crisis word seen by AutoMod becomes a referral: the same one peerbot's own screening of this message
    makes (one per message id), with at least the tier concern when the screener sees less than AutoMod did.
    When another rule blocked the message, it has no id and peerbot never sees it: the referral is AutoMod's
    alone, one for all its reports."""
    services = bot.services
    if execution.message_id is None and not services.conduct_automod.first_report(
            execution.guild_id, execution.user_id, execution.channel_id, execution.content, "referral"):
        return
    # in the screening worker's thread, as for peerbot's own screening: the learned stage takes milliseconds
    screening = await services.screening.screen(execution.content) if execution.content else Screening(Tier.NONE)
    if screening.tier < Tier.CONCERN:
        keyword = execution.matched_keyword or "a crisis word"
        screening = Screening(Tier.CONCERN, (Category.GENERAL_DISTRESS,),
                              (Evidence(0, 0, keyword, f"Discord AutoMod matched the crisis keyword “{keyword}”"),))
    jump = f"https://discord.com/channels/{execution.guild_id}/{execution.channel_id}" + (
        f"/{execution.message_id}" if execution.message_id is not None else "")
    await services.referrals.from_screening(
        execution.guild_id, execution.user_id, execution.channel_id or 0, execution.message_id, jump,
        execution.content, [], screening)
    log.info("AutoMod crisis alert for message %s became a referral (or joined peerbot's own)", execution.message_id)
