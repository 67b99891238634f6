"""Leaders' side of `/match`: programmes and settings, the taxonomy, approving supporters, the queue, review,
offers, holds, batches, load, matches, spaces and the report."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.domain.matching.programme import Mode, ProgrammeService, SpaceKind, parse_days, parse_weights
from bot.domain.matching.taxonomy import Kind
from cogs._common import actor_of, reply
from cogs.matching.choices import match_choices, programme_choices, request_choices
from cogs.matching.timing import rearm
from cogs.matching.views import PublishButton, ReviewButton, single
from cogs.runtime import PeerBot

MODES = [app_commands.Choice(name=m.value, value=m.value) for m in Mode]
SPACES = [app_commands.Choice(name=s.value, value=s.value) for s in SpaceKind]
Parent = discord.TextChannel | discord.CategoryChannel


class LeaderCommands(commands.Cog):
    """Part of the `/match` group (see cogs/matching/__init__.py). Every rule is checked again in the core."""

    bot: PeerBot

    @app_commands.command(name="programme", description="Leaders: start a one-to-one programme")
    @app_commands.guild_only()
    @app_commands.describe(name="e.g. “New mothers”", mode="Coordinator review, automatic offers, or batches",
                           duration_weeks="Matches end after this many weeks (leave empty: open-ended)",
                           space="Private channels (default) or private threads",
                           space_parent="The category for channels, or the channel for threads")
    @app_commands.choices(mode=MODES, space=SPACES)
    async def programme(self, interaction: discord.Interaction, name: str,
                        mode: app_commands.Choice[str] | None = None,
                        duration_weeks: app_commands.Range[int, 1, 104] | None = None,
                        space: app_commands.Choice[str] | None = None, space_parent: Parent | None = None) -> None:
        changes: dict[str, Any] = {"mode": mode.value if mode else None, "duration_weeks": duration_weeks,
                                   "space_kind": space.value if space else None,
                                   "space_parent_id": space_parent.id if space_parent else None}
        created = await self.bot.services.matching.programmes.create(
            actor_of(interaction), name, {k: v for k, v in changes.items() if v is not None})
        await reply(interaction, f"Programme **{created.name}** is ready. Settings: "
                    f"{ProgrammeService.describe(created.settings)}")

    @app_commands.command(name="settings", description="Leaders: change a programme's matching settings")
    @app_commands.guild_only()
    @app_commands.describe(
        weights="e.g. “condition=3, issues=2, culture=1” (0 turns one off)", offer_hours="An offer expires after",
        retry_hours="Automatic mode: look again for a supporter every", first_contact_hours="First contact due within",
        first_contact_alert_hours="Then the coordinator is alerted this long after the reminder",
        checkin_days="Private check-ins on these days, e.g. “7, 14”", reminder_days="Supporter reminders, e.g. “21”",
        stalled_days="No contact for this many days: stalled", duration_weeks="Matches end after (0: open-ended)",
        expected_contacts="Contacts expected in the first weeks", expected_weeks="…within this many weeks",
        contact_gap_hours="Posts closer than this are one contact", issues_fallback="Rare conditions: match on issues",
        role_track="Patients with patients, caregivers with caregivers", parallel_offers="Offers out at once (auto)",
        review_candidates="Candidates a coordinator sees", caseload_default="Default caseload cap",
        deadline_alert_hours="Alert leaders this long before a request's “needed by” date",
        over_cap_days="Check in with a supporter over their cap for this many days",
        boundaries="The boundaries reminder in each welcome post")
    @app_commands.choices(mode=MODES, space=SPACES)
    @app_commands.autocomplete(programme=programme_choices)
    async def settings(self, interaction: discord.Interaction, programme: str,
                       mode: app_commands.Choice[str] | None = None, weights: str | None = None,
                       offer_hours: int | None = None, retry_hours: int | None = None,
                       first_contact_hours: int | None = None, first_contact_alert_hours: int | None = None,
                       checkin_days: str | None = None, reminder_days: str | None = None,
                       stalled_days: int | None = None, duration_weeks: int | None = None,
                       expected_contacts: int | None = None, expected_weeks: int | None = None,
                       contact_gap_hours: int | None = None, issues_fallback: bool | None = None,
                       role_track: bool | None = None, parallel_offers: int | None = None,
                       review_candidates: int | None = None, caseload_default: int | None = None,
                       deadline_alert_hours: int | None = None, over_cap_days: int | None = None,
                       space: app_commands.Choice[str] | None = None, space_parent: Parent | None = None,
                       boundaries: str | None = None) -> None:
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        chosen = await matching.programmes.resolve(actor.guild_id, programme)
        given: dict[str, Any] = {
            "mode": mode.value if mode else None, "weights": parse_weights(weights) if weights else None,
            "offer_expiry_hours": offer_hours, "retry_hours": retry_hours, "first_contact_hours": first_contact_hours,
            "first_contact_alert_hours": first_contact_alert_hours,
            "checkin_days": parse_days(checkin_days) if checkin_days is not None else None,
            "supporter_reminder_days": parse_days(reminder_days) if reminder_days is not None else None,
            "stalled_after_days": stalled_days, "expected_contacts": expected_contacts,
            "expected_weeks": expected_weeks, "contact_gap_hours": contact_gap_hours,
            "issues_fallback": issues_fallback, "role_track": role_track, "parallel_offers": parallel_offers,
            "review_candidates": review_candidates, "caseload_default": caseload_default,
            "deadline_alert_hours": deadline_alert_hours, "over_cap_checkin_days": over_cap_days,
            "space_kind": space.value if space else None, "space_parent_id": space_parent.id if space_parent else None,
            "boundaries": boundaries}
        changes = {k: v for k, v in given.items() if v is not None}
        if duration_weeks is not None:
            changes["duration_weeks"] = duration_weeks or None
        updated = await matching.programmes.configure(actor, chosen, changes)
        await matching.timeline.rebuild(updated.id)  # new timings apply to matches already running
        await rearm(self.bot)
        await reply(interaction, f"**{updated.name}** settings: {ProgrammeService.describe(updated.settings)}")

    @app_commands.command(name="taxonomy", description="Leaders: the server's conditions, tags and issues")
    @app_commands.guild_only()
    @app_commands.choices(action=[app_commands.Choice(name=a, value=a) for a in ("add", "remove", "list")],
                          kind=[app_commands.Choice(name=k.value, value=k.value) for k in Kind])
    async def taxonomy(self, interaction: discord.Interaction, action: app_commands.Choice[str],
                       kind: app_commands.Choice[str], label: str | None = None) -> None:
        taxonomy = self.bot.services.matching.taxonomy
        actor = actor_of(interaction)
        chosen = Kind(kind.value)
        if action.value == "list":
            labels = await taxonomy.labels(actor.guild_id, chosen)
            await reply(interaction, (f"{chosen.value}s: " + ", ".join(labels))[:1990] if labels else
                        f"No {chosen.value}s yet.")
            return
        if not label:
            await reply(interaction, "Please give the label to add or remove.")
            return
        if action.value == "add":
            added = await taxonomy.add(actor, chosen, label)
            await reply(interaction, f"Added the {chosen.value} “{added}”.")
        else:
            await taxonomy.remove(actor, chosen, label)
            await reply(interaction, f"Removed the {chosen.value} “{label[:80]}”. Profiles that use it keep it.")

    @app_commands.command(name="approve", description="Leaders: approve a supporter and record their training")
    @app_commands.guild_only()
    @app_commands.describe(training="What training they completed", trained_on="When, YYYY-MM-DD",
                           cap="Their caseload cap (default: the programme's)", revoke="Withdraw the approval")
    @app_commands.autocomplete(programme=programme_choices)
    async def approve(self, interaction: discord.Interaction, member: discord.Member, training: str,
                      trained_on: str, cap: app_commands.Range[int, 1, 20] | None = None,
                      programme: str | None = None, revoke: bool = False) -> None:
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        chosen = await matching.programmes.resolve(actor.guild_id, programme)
        if revoke:
            await matching.supporters.revoke(actor, chosen, member.id)
            await reply(interaction, f"{member.mention} is no longer an approved supporter in {chosen.name}; their "
                        "pending offers moved on, and their matches carry on until they end.")
        else:
            await matching.supporters.approve(actor, chosen, member.id, training, trained_on, cap)
            await reply(interaction, f"{member.mention} is an approved supporter in {chosen.name}. They need a "
                        "supporter profile (/match profile) before offers come.")
        await rearm(self.bot)

    @app_commands.command(name="queue", description="Leaders: the waitlist, in order")
    @app_commands.guild_only()
    @app_commands.autocomplete(programme=programme_choices)
    async def queue(self, interaction: discord.Interaction, programme: str | None = None) -> None:
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        chosen = await matching.programmes.resolve(actor.guild_id, programme)
        rows = await matching.intake.queue(actor, chosen)
        lines = [f"{place}. request #{r.id} · {r.role.value} · {r.state.value} · queued {r.queued_at:%d %b}"
                 + (f" · needed by {r.needed_by}" if r.needed_by else "") + (f" · rematch {r.rematches}"
                                                                             if r.rematches else "")
                 for r, place in rows]
        await reply(interaction, "\n".join(lines)[:1990] or "Nobody is waiting.")

    @app_commands.command(name="review", description="Leaders: the best candidates for a request, with reasons")
    @app_commands.guild_only()
    @app_commands.autocomplete(request=request_choices)
    async def review(self, interaction: discord.Interaction, request: int) -> None:
        found = await self.bot.services.matching.matchmaker.review(actor_of(interaction), request)
        r = found.request
        embed = discord.Embed(title=f"Request #{r.id} · {found.programme.name}",
                              description=f"{r.role.value} · queued {r.queued_at:%d %b %Y}"
                              + (f" · needed by {r.needed_by}" if r.needed_by else ""))
        for label, text in (("Challenges", r.challenges), ("Why now", r.why_now), ("Wants", r.wants),
                            ("Anything special", r.special)):
            if text:  # the embed's 6,000 characters hold four answers and ten candidates
                embed.add_field(name=label, value=text[:500], inline=False)
        view = discord.ui.View(timeout=None)
        for n, c in enumerate(found.candidates, start=1):
            embed.add_field(name=f"#{n} · score {c.candidate.score:.2f} · load {c.live}/{c.cap}",
                            value=f"<@{c.candidate.user_id}>: {c.why}"[:250], inline=False)
            view.add_item(ReviewButton(r.id, c.candidate.user_id, n))
        if found.fallback:
            embed.set_footer(text="Nobody available shares the condition: these share issues instead.")
        note = None if found.candidates else "No supporter fits every rule right now (/match load shows why)."
        await reply(interaction, note, embed=embed, view=view)

    @app_commands.command(name="offer", description="Leaders: offer a request to a supporter you choose")
    @app_commands.guild_only()
    @app_commands.autocomplete(request=request_choices)
    async def offer(self, interaction: discord.Interaction, request: int, supporter: discord.Member) -> None:
        await self.bot.services.matching.matchmaker.approve(actor_of(interaction), request, supporter.id)
        await rearm(self.bot)
        await reply(interaction, f"The offer for request #{request} is on its way to {supporter.mention}.")

    @app_commands.command(name="release", description="Leaders: put a request on hold back in the queue")
    @app_commands.guild_only()
    @app_commands.autocomplete(request=request_choices)
    async def release(self, interaction: discord.Interaction, request: int) -> None:
        outcome = await self.bot.services.matching.matchmaker.release(actor_of(interaction), request)
        await rearm(self.bot)
        await reply(interaction, f"Request #{request} is back in the queue, in its place ({outcome}).")

    @app_commands.command(name="batch", description="Leaders: match everyone waiting at once (a preview first)")
    @app_commands.guild_only()
    @app_commands.autocomplete(programme=programme_choices)
    async def batch(self, interaction: discord.Interaction, programme: str | None = None) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        chosen = await matching.programmes.resolve(actor.guild_id, programme)
        preview = await matching.batches.preview(actor, chosen)
        lines = [f"request #{rid} → <@{sid}> ({score:.2f})" for rid, sid, score in preview.pairs]
        head = (f"**Preview of batch #{preview.id}** for {chosen.name}: {len(preview.pairs)} of {preview.waiting} "
                f"waiting requests matched, total score {preview.total:.2f} (one by one, best first, would give "
                f"{preview.greedy_total:.2f}). Nothing has been sent.")
        await reply(interaction, (head + "\n" + "\n".join(lines))[:1990],
                    view=single(PublishButton(preview.id)) if preview.pairs else discord.utils.MISSING)

    @app_commands.command(name="load", description="Leaders: every supporter's load, duty and training")
    @app_commands.guild_only()
    @app_commands.autocomplete(programme=programme_choices)
    async def load(self, interaction: discord.Interaction, programme: str | None = None) -> None:
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        chosen = await matching.programmes.resolve(actor.guild_id, programme)
        rows = await matching.supporters.load(actor, chosen)
        lines = [f"<@{x.user_id}> · {x.live}/{x.cap} matches, {x.pending} offer(s) waiting · "
                 f"{'on duty' if x.on_duty else 'OFF DUTY'}"
                 + (f" · over cap since {x.over_cap_since:%d %b}" if x.over_cap_since else "")
                 + f" · {x.training} ({x.trained_on})" for x in rows]
        await reply(interaction, "\n".join(lines)[:1990] or "No approved supporters yet (/match approve).")

    @app_commands.command(name="matches", description="Leaders: active matches, contacts against expectations")
    @app_commands.guild_only()
    @app_commands.autocomplete(programme=programme_choices)
    async def matches(self, interaction: discord.Interaction, programme: str | None = None) -> None:
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        chosen = await matching.programmes.resolve(actor.guild_id, programme)
        rows = await matching.lifecycle.overview(actor, chosen)
        lines = [f"#{s.match.id} · <@{s.match.seeker_id}> with <@{s.match.supporter_id}> · since "
                 f"{s.match.created_at:%d %b} · first contact {s.first_contact} · {s.contacts_in_window}/{s.expected} "
                 f"contacts in {s.window_weeks} weeks" + (" · STALLED" if s.match.stalled_at else "")
                 + (f" · space {s.match.space_state}" if s.match.space_state != "open" else "") for s in rows]
        await reply(interaction, "\n".join(lines)[:1990] or "No active matches.")

    @app_commands.command(name="reopen", description="Leaders: open a new space for a match whose space was deleted")
    @app_commands.guild_only()
    @app_commands.autocomplete(match=match_choices)
    async def reopen(self, interaction: discord.Interaction, match: int) -> None:
        await self.bot.services.matching.spaces.reopen(actor_of(interaction), match)
        await reply(interaction, f"A new space for match #{match} is being opened; both will get the link.")

    @app_commands.command(name="report", description="Leaders: the programme's figures so far (no names)")
    @app_commands.guild_only()
    @app_commands.autocomplete(programme=programme_choices)
    async def report(self, interaction: discord.Interaction, programme: str | None = None) -> None:
        matching = self.bot.services.matching
        actor = actor_of(interaction)
        chosen = await matching.programmes.resolve(actor.guild_id, programme)
        figures = await matching.lifecycle.outcomes(actor, chosen)

        def num(value: Any, fmt: str = ".1f") -> str:
            return "—" if value is None else format(value, fmt)

        rematches = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in figures["rematches"].items()) or "none"
        ratings = ", ".join(f"{side} {r['mean']:.1f} ({r['count']})" for side, r in figures["ratings"].items()) \
            or "none yet"
        await reply(interaction, (
            f"**{chosen.name}**: {figures['matches']} matches · mean time to match "
            f"{num(figures['mean_hours_to_match'])} h · first contact on time "
            f"{num(figures['first_contact_on_time'], '.0%')} · mean contacts {num(figures['mean_contacts'])} · "
            f"check-ins answered {figures['checkins_answered']} · rematches: {rematches} · ratings: {ratings}"))
