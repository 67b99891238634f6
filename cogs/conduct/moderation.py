"""Moderators', admins' and facilitators' commands in the `/conduct` group. Each builds an Actor, calls one
service method (which checks the role), and replies privately."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.conduct.settings import describe_ladder, parse_ladder
from bot.errors import InvalidInput
from cogs._common import actor_of, reply
from cogs.conduct.views import describe
from cogs.runtime import PeerBot

RULES = ("threat", "slur", "insult", "contact_details", "solicitation", "link", "medical_advice", "flooding",
         "mention_spam")
RULE_CHOICES = [app_commands.Choice(name=name.replace("_", " "), value=name) for name in RULES]


class ModerationCommands(commands.Cog):
    """Part of the `/conduct` group (see cogs/conduct/__init__.py)."""

    bot: PeerBot

    @app_commands.command(name="warn", description="Give a member a warning (moderators)")
    @app_commands.guild_only()
    @app_commands.describe(member="Who", reason="What it is for; the member reads this", rule="The rule, if one")
    @app_commands.choices(rule=RULE_CHOICES)
    async def warn(self, interaction: discord.Interaction, member: discord.Member, reason: str,
                   rule: app_commands.Choice[str] | None = None) -> None:
        case = await self.bot.services.enforcement.warn(actor_of(interaction), member.id, reason,
                                                        rule.value if rule else None)
        extra = " That is their third active warning, so they are timed out." if len(case.actions) > 1 else ""
        await reply(interaction, f"Case #{case.id}: {member.mention} has been warned and told why.{extra}")

    @app_commands.command(name="case", description="A member's conduct history (moderators)")
    @app_commands.guild_only()
    async def case(self, interaction: discord.Interaction, member: discord.Member) -> None:
        cases, active = await self.bot.services.conduct_cases.history(actor_of(interaction), member.id)
        if not cases:
            await reply(interaction, f"{member.mention} has no conduct cases.")
            return
        lines = [f"{member.mention}: {active} active warning(s)."]
        for case in cases:
            actions = ", ".join(a.value for a in case.actions) or "recorded"
            lines.append(f"#{case.id} · {case.created_at:%Y-%m-%d} · {case.rule or 'no rule'} · {case.source} · "
                         f"{actions} · {describe(case)}" + (f" · “{case.excerpt[:60]}”" if case.excerpt else ""))
        await reply(interaction, "\n".join(lines)[:1990])

    @app_commands.command(name="pardon", description="Pardon a case: its warning stops counting (moderators)")
    @app_commands.guild_only()
    async def pardon(self, interaction: discord.Interaction, case: int, reason: str | None = None) -> None:
        pardoned = await self.bot.services.conduct_cases.pardon(actor_of(interaction), case, reason)
        await reply(interaction, f"Case #{pardoned.id} is pardoned, and the member has been told.")

    @app_commands.command(name="false-positive", description="Mark an automatic action as a mistake (moderators)")
    @app_commands.guild_only()
    async def false_positive(self, interaction: discord.Interaction, case: int) -> None:
        marked = await self.bot.services.conduct_cases.mark_false_positive(actor_of(interaction), case)
        await reply(interaction, f"Case #{marked.id} is marked as a false positive; /conduct stats counts it.")

    @app_commands.command(name="stats", description="Each rule's automatic actions and false positives (moderators)")
    @app_commands.guild_only()
    async def stats(self, interaction: discord.Interaction) -> None:
        rows = await self.bot.services.conduct_cases.stats(actor_of(interaction))
        if not rows:
            await reply(interaction, "No automatic actions yet.")
            return
        lines = [f"{s.rule}: {s.actions} action(s), {s.false_positives} false positive(s) "
                 f"({s.false_positive_share:.0%})" for s in rows]
        await reply(interaction, "\n".join(lines))

    @app_commands.command(name="settings", description="Mod log, warnings, thresholds, grace period (admins)")
    @app_commands.guild_only()
    @app_commands.describe(
        modlog="A private channel where every action is recorded", screening="Screen group messages automatically",
        warning_days="Days before each warning expires", threshold_count="Active warnings that bring a timeout",
        threshold_days="...given within this many days", timeout_hours="How long that timeout lasts",
        grace_days="Days to accept a new version of the code before a private prompt")
    async def settings(self, interaction: discord.Interaction, modlog: discord.TextChannel | None = None,
                       screening: bool | None = None, warning_days: int | None = None,
                       threshold_count: int | None = None, threshold_days: int | None = None,
                       timeout_hours: int | None = None, grace_days: int | None = None) -> None:
        config = await self.bot.services.conduct_policy.configure(
            actor_of(interaction), modlog_channel_id=modlog.id if modlog else None, screening_enabled=screening,
            warning_days=warning_days, threshold_count=threshold_count, threshold_days=threshold_days,
            timeout_hours=timeout_hours, grace_days=grace_days)
        await reply(interaction, (
            f"Mod log: {f'<#{config.modlog_channel_id}>' if config.modlog_channel_id else 'not set'} · screening "
            f"{'on' if config.screening_enabled else 'off'} · warnings expire after {config.warning_days} days · "
            f"{config.threshold_count} active warnings in {config.threshold_days} days bring a "
            f"{config.timeout_hours} h timeout · {config.grace_days} days to accept a new code"))

    @app_commands.command(name="rule", description="Change a rule for the server or one group (admins)")
    @app_commands.guild_only()
    @app_commands.choices(rule=RULE_CHOICES)
    @app_commands.describe(
        group="Only in this group (leave empty for the whole server)", enabled="Turn the rule on or off",
        ladder="What happens at each offence, e.g. 'nudge; hide+warn; hide+warn+escalate'",
        allow="Add to the allow-list: a phrase, domain or number that never counts",
        bypass_role="Members with this role are not screened by this rule",
        exempt_channel="Never screen this channel with this rule")
    async def rule(self, interaction: discord.Interaction, rule: app_commands.Choice[str], group: str | None = None,
                   enabled: bool | None = None, ladder: str | None = None, allow: str | None = None,
                   bypass_role: discord.Role | None = None, exempt_channel: discord.TextChannel | None = None) -> None:
        services = self.bot.services
        actor = actor_of(interaction)
        group_id = (await services.groups.get(actor.guild_id, group)).id if group else None
        layer = await services.conduct_policy.layer(actor.guild_id, group_id or 0, rule.value)
        try:
            steps = parse_ladder(ladder) if ladder else None
        except ValueError as error:
            raise InvalidInput(str(error)) from None
        resolved = await services.conduct_policy.set_layer(
            actor, rule.value, group_id, enabled=enabled, ladder=steps,
            allow=(*(layer.allow or ()), allow) if allow else None,
            bypass_roles=(layer.bypass_roles or frozenset()) | {bypass_role.id} if bypass_role else None,
            exempt_channels=(layer.exempt_channels or frozenset()) | {exempt_channel.id} if exempt_channel else None)
        where = f"in {group}" if group else "server-wide"
        await reply(interaction, (
            f"**{rule.name}** {where}: {'on' if resolved.enabled else 'off'} · "
            f"ladder {describe_ladder(resolved.ladder)}"
            f" · {len(resolved.allow)} allow-list entries · {len(resolved.bypass_roles)} bypass role(s)"))

    @app_commands.command(name="meeting", description="In a meeting you're running: nudge, warn or remove a member")
    @app_commands.guild_only()
    @app_commands.choices(action=[app_commands.Choice(name=n, value=n) for n in ("nudge", "warn", "remove")])
    async def meeting(self, interaction: discord.Interaction, member: discord.Member,
                      action: app_commands.Choice[str], reason: str | None = None) -> None:
        case = await self.bot.services.enforcement.in_meeting(
            actor_of(interaction), interaction.channel_id or 0, member.id, action.value, reason)
        done = {"nudge": "has been sent a private reminder", "warn": "has been warned privately",
                "remove": "is being removed from this meeting; they can come back to the next one"}[action.value]
        await reply(interaction, f"Case #{case.id}: {member.mention} {done}.")
