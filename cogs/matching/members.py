"""Members' side of `/match`: profile, profile-show, request, status, withdraw, end, spoken, duty and cap."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.matching.profile import AGE_BANDS, WHY, ProfileDraft, Role, Side
from cogs._common import actor_of, reply
from cogs.matching.choices import (
    condition_choices,
    issue_choices,
    match_choices,
    programme_choices,
    show_choices,
    tag_choices,
    window_choices,
    zone_choices,
)
from cogs.matching.timing import rearm
from cogs.matching.views import RequestModal
from cogs.runtime import PeerBot

PRIVACY_NOTE = ("Used only to find you a match, and shown to the other person only where you both chose to show "
                "it. /match profile-show shows it any time; /privacy export and /privacy delete cover it.")


class MemberCommands(commands.Cog):
    """Part of the `/match` group (see cogs/matching/__init__.py)."""

    bot: PeerBot

    @app_commands.command(name="profile", description="Tell us about yourself for matching (only role and language "
                                                       "are needed)")
    @app_commands.guild_only()
    @app_commands.describe(
        side="Looking for support, or offering it as a supporter", role="Patient, or caregiver of someone with the "
        "condition", languages="Languages you can talk in, e.g. “English, Spanish” (a match needs one in common)",
        programme="Which programme (if the server has several)", condition=WHY["condition"][:100],
        tags=WHY["tags"][:100], issues=WHY["issues"][:100], age_band=WHY["age_band"][:100],
        time_zone="Optional: your time zone, to find someone awake when you are",
        availability="Optional: when you're usually free, e.g. “weekday evenings”", culture=WHY["culture"][:100],
        gender=WHY["gender"][:100],
        preferences="Optional: e.g. “culture=must, gender=nice” (same as yours: a must, or nice to have)",
        show="What the other person may see about you (default: role, condition, tags, issues, language, time)")
    @app_commands.choices(side=[app_commands.Choice(name=s.value, value=s.value) for s in Side],
                          role=[app_commands.Choice(name=r.value, value=r.value) for r in Role],
                          age_band=[app_commands.Choice(name=a, value=a) for a in AGE_BANDS])
    @app_commands.autocomplete(programme=programme_choices, condition=condition_choices, tags=tag_choices,
                               issues=issue_choices, time_zone=zone_choices, availability=window_choices,
                               show=show_choices)
    async def profile(self, interaction: discord.Interaction, side: app_commands.Choice[str],
                      role: app_commands.Choice[str], languages: str, programme: str | None = None,
                      condition: str | None = None, tags: str | None = None, issues: str | None = None,
                      age_band: app_commands.Choice[str] | None = None, time_zone: str | None = None,
                      availability: str | None = None, culture: str | None = None, gender: str | None = None,
                      preferences: str | None = None, show: str | None = None) -> None:
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        chosen = await matching.programmes.resolve(actor.guild_id, programme)
        draft = ProfileDraft(role=role.value, languages=languages, condition=condition, tags=tags, issues=issues,
                             age_band=age_band.value if age_band else None, time_zone=time_zone,
                             availability=availability, culture=culture, gender=gender, preferences=preferences,
                             show=show)
        saved = await matching.profiles.save(actor, chosen, Side(side.value), draft)
        extra = ""
        if side.value == Side.SUPPORTER.value:
            extra = "\nA programme leader approves supporters (with your training) before any offer comes."
        await reply(interaction, (f"Saved your {side.value} profile for **{chosen.name}**:\n• "
                                  + "\n• ".join(saved.lines()))[:1500] + f"\n{PRIVACY_NOTE}{extra}")

    @app_commands.command(name="profile-show", description="See exactly what you gave for matching")
    @app_commands.guild_only()
    async def profile_show(self, interaction: discord.Interaction) -> None:
        found = await self.bot.services.matching.profiles.mine(actor_of(interaction))
        if not found:
            await reply(interaction, "You haven't given a matching profile here. /match profile starts one.")
            return
        parts = [f"**{name}** · {side} · given on {given}\n• " + "\n• ".join(profile.lines())
                 for name, side, profile, given in found]
        await reply(interaction, ("\n\n".join(parts) + f"\n\n{PRIVACY_NOTE}")[:1990])

    @app_commands.command(name="request", description="Ask for a one-to-one match with a peer supporter")
    @app_commands.guild_only()
    @app_commands.autocomplete(programme=programme_choices)
    async def request(self, interaction: discord.Interaction, programme: str | None = None) -> None:
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        chosen = await matching.programmes.resolve(actor.guild_id, programme)
        await matching.profiles.require(chosen, actor.user_id, Side.SEEKER)  # before the form, not after it
        await interaction.response.send_modal(RequestModal(chosen))

    @app_commands.command(name="status", description="Where your requests and matches are")
    @app_commands.guild_only()
    async def status(self, interaction: discord.Interaction) -> None:
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        lines = []
        for programme in await matching.programmes.list(actor.guild_id):
            request = await matching.intake.live(actor, programme)
            if request is not None and request.state.value != "matched":
                place = await matching.intake.position(request)
                lines.append(f"**{programme.name}**: your request is {request.state.value}, number {place} in the "
                             "queue.")
        for match, side, name in await matching.lifecycle.mine(actor):
            where = f"<#{match.space_id}>" if match.space_id and match.space_state == "open" else \
                "your space is being set up"
            lines.append(f"**{name}**: matched as {side.value} since {match.created_at:%d %b %Y} · {where} · "
                         f"match #{match.id}")
        await reply(interaction, "\n".join(lines) or "You have no requests or matches here. /match request starts "
                    "one.")

    @app_commands.command(name="withdraw", description="Withdraw your request for a match")
    @app_commands.guild_only()
    @app_commands.autocomplete(programme=programme_choices)
    async def withdraw(self, interaction: discord.Interaction, programme: str | None = None) -> None:
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        chosen = await matching.programmes.resolve(actor.guild_id, programme)
        await matching.intake.withdraw(actor, chosen)
        await rearm(self.bot)
        await reply(interaction, "Your request is withdrawn, and what you wrote in it is erased. You're welcome back "
                    "any time.")

    @app_commands.command(name="end", description="End a match, privately and without giving a reason")
    @app_commands.guild_only()
    @app_commands.describe(match="Which match", rematch="Would you like someone else? (you keep your place)")
    @app_commands.autocomplete(match=match_choices)
    async def end(self, interaction: discord.Interaction, match: int, rematch: bool = False) -> None:
        await self.bot.services.matching.lifecycle.end(actor_of(interaction), match, rematch=rematch)
        await rearm(self.bot)
        await reply(interaction, "The match has ended, and the other person is told kindly. Thank you for the time "
                    "you gave it." + (" You keep your place in the queue." if rematch else ""))

    @app_commands.command(name="spoken", description="We've spoken: count a call or a meeting in person")
    @app_commands.guild_only()
    @app_commands.autocomplete(match=match_choices)
    async def spoken(self, interaction: discord.Interaction, match: int) -> None:
        await self.bot.services.matching.lifecycle.spoken(actor_of(interaction), match)
        await rearm(self.bot)
        await reply(interaction, "Thank you: that counts as a contact. Nothing about what you said is kept.")

    @app_commands.command(name="duty", description="Supporters: go on or off duty (off: no offers; leaders see it)")
    @app_commands.guild_only()
    async def duty(self, interaction: discord.Interaction, on: bool) -> None:
        programmes = await self.bot.services.matching.supporters.set_duty(actor_of(interaction), on)
        await rearm(self.bot)
        names = ", ".join(p.name for p in programmes)
        if on:
            await reply(interaction, f"Welcome back: you're on duty in {names}.")
        else:
            await reply(interaction, f"You're off duty in {names}: no new offers, the people you support are told "
                        "kindly, and leaders know. Take care of yourself.")

    @app_commands.command(name="cap", description="Supporters: how many people you can support at once")
    @app_commands.guild_only()
    @app_commands.autocomplete(programme=programme_choices)
    async def cap(self, interaction: discord.Interaction, people: app_commands.Range[int, 1, 20],
                  programme: str | None = None) -> None:
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        chosen = await matching.programmes.resolve(actor.guild_id, programme)
        await matching.supporters.set_cap(actor, chosen, people)
        await rearm(self.bot)
        await reply(interaction, f"Your caseload cap in {chosen.name} is now {people}.")
