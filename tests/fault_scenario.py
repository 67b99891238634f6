"""A programme's busy afternoon and evening, driven through peerbot's real services, outbox handlers and discord.py
over the fake Discord (tests/fakediscord.py), with faults; then counted: what was lost, duplicated or stuck.

Used by the fault suite (tests/test_fault_suite.py), the kill suite's worker (tests/kill_worker.py) and
benchmarks/faults.py. Time is a FakeClock moved by the driver from one due moment to the next, so hours take
seconds; Discord's nonce memory follows the same clock.

What happens: groups are created and members join them (roles); facilitators are certified (the agreement DM),
assigned and given meetings (events, reminders, the opening, rooms opening and closing, a cover request, a
no-show); members post risky messages (screened, flagged, referred by a leader), leaders claim some referrals
late (escalations); the queue channel is refused for a quarter of the time and healed; a member leaves, a group
is archived and one deleted; then Discord stops failing and everything due is delivered. Every Discord call may
fail (`Faults`).

The driver can be killed at any moment and resumed by a new process over the same files: its timed actions are
fixed by the seed, what it has done is read back from the database (claims, check-ins) or kept in `driver.json`
(the clock, the next action), and every action is safe to repeat.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.clock import from_db
from bot.domain.facilitator import CertStatus
from bot.domain.group import Audience, GroupDraft, GroupMode
from bot.domain.meetings.recurrence import RecurrenceSpec, Repeat
from bot.domain.meetings.schedule import SeriesDraft
from bot.domain.referral import ReferReason
from bot.domain.risk import RiskScreener
from bot.domain.roles import Actor, PeerRole
from bot.errors import DomainError
from bot.services import Services, open_services
from bot.settings import Settings
from cogs.runtime import PeerBot
from tests.conftest import FakeClock
from tests.fakediscord import FakeDiscord, Faults

GUILD = 1000
ADMIN_ROLE, LEADER_ROLE, MOD_ROLE, PEER_ROLE, ONCALL_ROLE = 1, 2, 3, 5, 20
QUEUE_CHANNEL, ALERTS_CHANNEL, CATEGORY = 100, 101, 299
LEADERS = (30, 31)
FACILITATORS = (40, 41, 42, 43)
DM_BASE = 7_000_000

CRISIS = ["I have the pills saved up and tonight is the night", "goodbye everyone, I can't do this anymore",
          "I'm going to take all my pills tonight"]
URGENT = ["honestly I just want to die", "I keep cutting again", "i want to die"]
CONCERN = ["I'm completely burnt out and nobody helps", "everything feels hopeless lately"]
METHOD = "I've been researching how many pills it would take to die"


def admin() -> Actor:
    return Actor(GUILD, 1, frozenset({ADMIN_ROLE}))


def leader(user_id: int = LEADERS[0]) -> Actor:
    return Actor(GUILD, user_id, frozenset({LEADER_ROLE, ONCALL_ROLE}))


def member(user_id: int) -> Actor:
    return Actor(GUILD, user_id)


class Provisioner:
    """Hands out the fake server's pre-made channels and roles to /group create."""

    def __init__(self, groups: int) -> None:
        self.channels = [300 + i for i in range(groups)]
        self.roles = [400 + i for i in range(groups)]

    async def ensure_category(self, guild_id: int, category_id: int | None) -> int:
        return CATEGORY

    async def create_role(self, guild_id: int, name: str) -> int:
        return self.roles.pop(0)

    async def create_text_channel(self, guild_id: int, name: str, topic: str, **_: object) -> int:
        return self.channels.pop(0)

    async def create_voice_channel(self, guild_id: int, name: str, **_: object) -> int:
        raise AssertionError("no voice channels in the scenario")

    async def delete_channel(self, guild_id: int, channel_id: int) -> None:
        return None

    async def delete_role(self, guild_id: int, role_id: int) -> None:
        return None


@dataclass
class Report:
    effects: int = 0  # outbox items: every Discord effect peerbot decided on
    referrals: int = 0  # stored; one per risky message or /refer driven (a driver that skipped one would show)
    drivers: int = 0  # referrals, group joins and meeting steps driven
    lost: int = 0
    duplicated: int = 0
    stuck: int = 0
    refused_403: int = 0  # 403s Discord answered (injected ones and refusals that followed from them)
    dms_closed: int = 0  # items that failed because the member closed their DMs (their choice)
    fallbacks: int = 0  # refused items that reached another route (alerts channel, DMs, a private thread)
    unhandled_403: int = 0  # refused items that reached no fallback, or whose refusal no admin was told of
    injected: dict[str, int] = field(default_factory=dict)
    nonce_dedupes: int = 0
    history_reads: int = 0
    details: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "details"}


START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
SETTLE = timedelta(hours=3)  # after the faults stop: retries back off up to 10 minutes, so this is plenty
CLAIM_MINUTES = (2, 4, 8, 20, 40)  # how long leaders take to claim a referral (crisis escalates every 5 min)


@dataclass(frozen=True)
class Action:
    at: datetime
    what: str  # 'refer', 'queue refused', 'queue fixed', 'leave', 'archive', 'delete', 'calm'
    n: int = 0


class Progress:
    """The driver's own state, beside the database: the clock and the next action. Written (atomically) before
    the clock moves, so a resumed driver never goes back in time; an action done but not yet recorded here is
    done again, which every action tolerates."""

    def __init__(self, path: Path) -> None:
        self.path = path
        data = json.loads(path.read_text()) if path.exists() else {}
        self.clock = datetime.fromisoformat(data["clock"]) if "clock" in data else START
        self.next = int(data.get("next", 0))
        self.planned = bool(data.get("planned", False))

    def save(self) -> None:
        fresh = self.path.with_suffix(".tmp")
        fresh.write_text(json.dumps({"clock": self.clock.isoformat(), "next": self.next, "planned": self.planned}))
        os.replace(fresh, self.path)


class Scenario:
    def __init__(self, tmp: Path, *, referrals: int = 120, members: int = 60, groups: int = 4,
                 faults: Faults | None = None, seed: int = 7, hours: float = 12.0,
                 clock: FakeClock | None = None) -> None:
        self.tmp = tmp
        self.n_referrals = referrals
        self.n_groups = groups
        self.seed = seed
        self.rng = random.Random(seed)
        self.progress = Progress(tmp / "driver.json")
        self.clock = clock or FakeClock(self.progress.clock)
        self.faults = faults
        self.fake = FakeDiscord(guild_id=GUILD, path=str(tmp / "discord.db"), clock=self.clock.now, faults=faults)
        self.settings = Settings(_env_file=None, database_path=tmp / "peerbot.db",  # type: ignore[call-arg]
                                 risk_model=False)
        self.screener = RiskScreener()
        self.authors = list(range(1000, 1000 + max(10, referrals // 6)))
        self.joiners = list(range(2000, 2000 + members))
        self.end = START + timedelta(hours=hours)
        self.actions = self._timeline(hours)
        self.drivers = 0  # referrals, joins and meeting steps driven by this process
        self.details: list[str] = []
        self._next_health_check = self.clock.now()
        self._refused_checkins: set[int] = set()
        self.services: Services
        self.bot: PeerBot

    def _timeline(self, hours: float) -> list[Action]:
        """Referrals spread over the hours, the queue refused for the second quarter, then the wind-down."""
        actions = [Action(START + timedelta(minutes=self.rng.uniform(1, hours * 60)), "refer", n)
                   for n in range(self.n_referrals)]
        actions += [Action(START + timedelta(hours=hours / 4), "queue refused"),
                    Action(START + timedelta(hours=hours / 2), "queue fixed")]
        actions.sort(key=lambda a: (a.at, a.n))
        actions += [Action(self.end, what) for what in ("leave", "archive", "delete", "calm")]
        return actions

    # ---- setting up ------------------------------------------------------------------------------------
    def _server(self) -> None:
        fake = self.fake
        for channel_id, name in ((QUEUE_CHANNEL, "referrals"), (ALERTS_CHANNEL, "alerts")):
            fake.add_channel(channel_id, name)
        fake.add_channel(CATEGORY, "Peer support groups", kind=4)
        for i in range(self.n_groups):
            fake.add_channel(300 + i, f"group-{i}")
            fake.add_role(400 + i, f"group {i}")
        for role_id, name in ((ADMIN_ROLE, "admins"), (LEADER_ROLE, "leaders"), (ONCALL_ROLE, "on call")):
            fake.add_role(role_id, name)
        for user_id in LEADERS:
            fake.add_member(user_id, LEADER_ROLE, ONCALL_ROLE)
        for user_id in (*FACILITATORS, *self.authors, *self.joiners):
            fake.add_member(user_id)

    async def start(self, *, on_restart: Callable[[], None] | None = None) -> None:
        """Open (or, for a resumed driver, reopen) peerbot over the files; the first time, set the server up.
        `on_restart` runs once peerbot is open again, before its start-up recovery (the kill suite arms there)."""
        self._server()
        self.services = await open_services(self.settings, self.clock)
        await self._boot()
        if self.progress.planned:  # a new process after a kill: what the runtime does at start-up
            if on_restart is not None:
                on_restart()
            await self.services.timeline.rebuild()
            await self.services.timeline.reconcile_rooms()
            if self.progress.next > self._index("calm"):
                self.fake.faults = None
            return
        await self._configure()
        await self.plan()
        self.progress.planned = True
        self.progress.save()

    async def close(self) -> None:
        await self.services.db.close()

    def _index(self, what: str) -> int:
        return next(i for i, a in enumerate(self.actions) if a.what == what)

    async def _configure(self) -> None:
        s = self.services
        for role, ids in ((PeerRole.ADMIN, {ADMIN_ROLE}), (PeerRole.LEADER, {LEADER_ROLE}),
                          (PeerRole.MODERATOR, {MOD_ROLE}), (PeerRole.PEER_SUPPORTER, {PEER_ROLE})):
            await s.roles.repo.replace(GUILD, role, ids)
        await s.referrals.configure(admin(), queue_channel_id=QUEUE_CHANNEL, oncall_role_id=ONCALL_ROLE,
                                    hide_method_messages=True)
        await s.alerts.set_channel(admin(), ALERTS_CHANNEL)
        for user_id in LEADERS:
            await s.staff.seen(leader(user_id))
        await s.conduct.publish(admin(), "Be kind. Keep what is shared here private.")

    async def _boot(self) -> None:
        self.bot = PeerBot(self.services)
        await self.bot._async_setup_hook()
        await self.bot.install()
        self.fake.attach(self.bot)

    async def plan(self) -> None:
        """Groups, members, facilitators and meetings (their effects are delivered as the driver runs)."""
        s = self.services
        names = []
        provisioner = Provisioner(self.n_groups)
        for i in range(self.n_groups):
            mode = GroupMode.MEETING_ONLY if i % 2 else GroupMode.ALWAYS_OPEN
            group = await s.groups.create(admin(), GroupDraft(name=f"Group {i}", condition="Recovery",
                                                              audience=Audience.BOTH, description="d", mode=mode),
                                          provisioner)
            names.append(group.name)
        current = await s.conduct.current(GUILD)
        assert current is not None
        for user_id in (*self.joiners, *self.authors, *FACILITATORS):
            await s.conduct.accept(GUILD, user_id, current.version)
        for user_id in self.joiners:
            await s.groups.join(member(user_id), self.rng.choice(names))
            self.drivers += 1
        for user_id in self.authors:
            await s.groups.join(member(user_id), names[user_id % len(names)])
        await s.agreement.publish(leader(), "Confidentiality. No medical advice. Boundaries. When to refer.")
        agreement = await s.agreement.current(GUILD)
        assert agreement is not None
        for user_id in FACILITATORS:
            await s.facilitators.set_status(leader(), user_id, CertStatus.CERTIFIED)
            await s.agreement.accept(GUILD, user_id, agreement.version)
        for i, name in enumerate(names):
            fac = FACILITATORS[i % len(FACILITATORS)]
            for user_id in (fac, FACILITATORS[(i + 1) % len(FACILITATORS)]):
                await s.assignments.assign(leader(), user_id, name)
            _, occurrences = await s.meetings.schedule(
                member(fac), name, SeriesDraft(title=f"Evening meeting {i}", day="2026-03-02",
                                               at=f"{18 + i % 4}:{15 * (i // 4) % 60:02d}", time_zone="Europe/London",
                                               duration_minutes=60, recurrence=RecurrenceSpec(Repeat.WEEKLY, count=2),
                                               agenda="Welcome; shares",
                                               co_facilitator_ids=(FACILITATORS[(i + 1) % len(FACILITATORS)],)))
            for o in occurrences:
                for user_id in self.joiners[i::len(names)][:5]:
                    if await s.groups.is_member(o.group_id, user_id):
                        if user_id % 2:  # reminded in the group's channel (mentioned there), the rest by DM
                            await s.rsvps.set_reminders(GUILD, user_id, [60], "channel")
                        await s.rsvps.rsvp(member(user_id), o.id)
            if i == 0:
                await s.meetings.request_cover(member(fac), occurrences[0].id)

    # ---- driving -----------------------------------------------------------------------------------------
    async def refer_one(self, n: int) -> None:
        """The n-th risky message (or manual referral); safe to repeat: a message is referred once."""
        s = self.services
        rng = random.Random(self.seed * 100_003 + n)
        author = rng.choice(self.authors)
        group = (await s.groups.list(GUILD))[author % self.n_groups]
        channel = group.channel_id or 0
        message_id = 5_000_000 + n
        kind = n % 10
        if kind == 9:  # /refer by a leader
            note = f"seemed low ({n})"
            if not await s.db.fetch_value("SELECT 1 FROM referrals WHERE reason LIKE ?", (f"%: {note}",)):
                await s.referrals.refer(leader(), author, ReferReason.CRISIS, note, channel)
            return
        text = (METHOD if kind == 8 else rng.choice(CRISIS if kind < 3 else URGENT if kind < 6 else CONCERN))
        url = f"https://discord.com/channels/{GUILD}/{channel}/{message_id}"
        if kind == 8 and all(m["id"] != message_id for m in self.fake.created("member_message", channel)):
            self.fake.member_message(channel, message_id, text)  # the message peerbot will hide
        if kind == 7:  # a peer's flag
            if not await s.db.fetch_value("SELECT 1 FROM referrals WHERE message_id = ?", (message_id,)):
                await s.intake.flag(member(rng.choice(self.joiners)), author, channel, message_id, url, text,
                                    "worried", self.screener.screen(text))
        else:
            await s.intake.from_screening(GUILD, author, channel, message_id, url, text, [],
                                          self.screener.screen(text))

    async def act(self, action: Action) -> None:
        s = self.services
        referrals_cog: Any = self.bot.get_cog("Referrals")
        try:
            if action.what == "refer":
                await self.refer_one(action.n)
                self.drivers += 1
            elif action.what == "queue refused":
                self.fake.refuse("channel", QUEUE_CHANNEL)
            elif action.what == "queue fixed":
                self.fake.heal("channel", QUEUE_CHANNEL)
                await referrals_cog.delivery.recheck_queue(GUILD)
            elif action.what == "leave":
                await s.groups.leave(member(self.joiners[0]), await self._group_of(self.joiners[0]))
            elif action.what == "archive":
                await s.groups.archive(admin(), f"Group {self.n_groups - 1}")
            elif action.what == "delete":
                await s.groups.delete(admin(), f"Group {self.n_groups - 2}")
            elif action.what == "calm":  # Discord stops failing; whatever is due is delivered from now on
                self.fake.faults = None
                await referrals_cog.delivery.recheck_queue(GUILD)
        except DomainError as error:  # done already, before a kill: nothing to do again
            self.details.append(f"{action.what} {action.n}: {error}")

    async def pump(self) -> None:
        """Deliver everything due now, letting gateway echoes arrive between passes."""
        s = self.services
        for _ in range(40):
            await s.intake.drain()
            attempted = await s.outbox.run_due()
            for _ in range(4):
                await asyncio.sleep(0)
            if not attempted:
                break

    async def _claims_due(self) -> list[tuple[datetime, int]]:
        """Open referrals and when a leader claims each (a fixed delay per referral)."""
        rows = await self.services.db.fetch_all("SELECT id, created_at FROM referrals WHERE state = 'open'")
        return [(from_db(r["created_at"]) + timedelta(minutes=CLAIM_MINUTES[r["id"] * 7 % len(CLAIM_MINUTES)]),
                 int(r["id"])) for r in rows]

    async def _checkins_due(self) -> list[tuple[datetime, int, int]]:
        """Meetings not yet opened and when their facilitator checks in (two minutes after the start); one in
        seven is never run (a no-show)."""
        rows = await self.services.db.fetch_all(
            "SELECT id, facilitator_id, starts_at FROM meeting_occurrences WHERE state IN ('scheduled', 'awaiting')"
            " AND id % 7 != 3")
        return [(from_db(r["starts_at"]) + timedelta(minutes=2), int(r["facilitator_id"]), int(r["id"]))
                for r in rows if int(r["id"]) not in self._refused_checkins]

    async def step_to(self, when: datetime) -> None:
        s = self.services
        if when > self.clock.now():
            self.progress.clock = when
            self.progress.save()
            self.clock.current = when
        now = self.clock.now()
        for at, referral_id in await self._claims_due():
            if at <= now:
                await s.referrals.act(leader(LEADERS[referral_id % len(LEADERS)]), referral_id, "claim")
        for at, facilitator, occurrence in await self._checkins_due():
            if at <= now:
                try:
                    await s.timeline.check_in(member(facilitator), occurrence)
                except DomainError as error:  # e.g. called off meanwhile; the scenario goes on
                    self._refused_checkins.add(occurrence)
                    self.details.append(f"check-in {occurrence}: {error}")
        await s.referrals.escalate_due()
        if now >= self._next_health_check:  # the runtime's five-minute job
            self._next_health_check = now + timedelta(minutes=5)
            await self.bot.get_cog("Referrals").recheck_failing_queues()  # type: ignore[union-attr]
        fired = await s.timeline.run_due()
        self.drivers += len(fired)
        await self.pump()

    async def next_moment(self, until: datetime) -> datetime:
        s = self.services
        now = self.clock.now()
        candidates = [until, *(c[0] for c in await self._claims_due()), *(c[0] for c in await self._checkins_due())]
        for found in (await s.outbox.next_due_at(), await s.timeline.next_wake()):
            if found is not None:
                candidates.append(found)
        escalation = await s.db.fetch_value("SELECT MIN(next_escalation_at) FROM referrals WHERE state = 'open'")
        if escalation:
            candidates.append(from_db(escalation))
        return max(min(candidates), now + timedelta(seconds=1))

    async def run(self) -> None:
        """From where the driver stands (noon, or where a killed one stopped) to the end: every action at its
        time, and every due moment between; then three hours for everything to be delivered."""
        settle = self.end + SETTLE
        while self.clock.now() < settle:
            target = await self.next_moment(settle)
            if self.progress.next < len(self.actions) and self.actions[self.progress.next].at <= target:
                action = self.actions[self.progress.next]
                await self.step_to(action.at)
                await self.act(action)
                self.progress.next += 1
                self.progress.save()
                continue
            await self.step_to(target)
        await self.pump()

    async def _group_of(self, user_id: int) -> str:
        for group in await self.services.groups.list(GUILD):
            if await self.services.groups.is_member(group.id, user_id):
                return group.name
        raise AssertionError(user_id)

    # ---- counting -------------------------------------------------------------------------------------
    async def report(self) -> Report:
        s, fake = self.services, self.fake
        report = Report(drivers=self.drivers, injected=dict(Counter(f for f, _, _ in fake.injected)),
                        nonce_dedupes=fake.count("nonce_dedupes"), history_reads=fake.count("history_reads"))
        items = [dict(r) for r in await s.db.fetch_all("SELECT * FROM outbox ORDER BY id")]
        report.effects = len(items)
        report.referrals = int(await s.db.fetch_value("SELECT COUNT(*) FROM referrals"))
        messages = fake.messages()
        ids = {m["id"] for m in messages}
        lost: list[str] = []
        # every referral: a card in the queue once it works (reposted there after the outage), or, closed before
        # that, in the alerts channel
        for row in await s.db.fetch_all("SELECT id, state FROM referrals"):
            where = [m["place"] for m in messages if _footer(m) == f"Referral #{row['id']}"]
            if QUEUE_CHANNEL not in where and (row["state"] != "closed" or ALERTS_CHANNEL not in where):
                lost.append(f"referral #{row['id']}: no card in the queue")
        # every message a done item says it posted is there; nothing failed but a member's closed DMs, or a
        # place that is gone (never on the crisis path)
        for item in items:
            result = json.loads(item["result"] or "{}")
            if item["state"] == "done" and result.get("message_id") not in (None, *ids) \
                    and item["kind"] != "queue_update":
                lost.append(f"{item['kind']} {item['id']}: message {result['message_id']} not on Discord")
            if item["state"] == "failed":
                report.dms_closed += item["failure"] == "dms_closed"  # the member's own choice
                if item["failure"] != "dms_closed" and (item["failure"] != "not_found" or item["kind"] in CRISIS_KINDS):
                    lost.append(f"{item['kind']} {item['id']} failed: {item['failure']} {item['last_error']}")
        # every join: the member has the role, unless they left or the group went
        for item in items:
            if item["kind"] == "role_add" and item["state"] == "done":
                payload = json.loads(item["payload"])
                still = await s.db.fetch_value(
                    "SELECT 1 FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.user_id = ?"
                    " AND g.role_id = ? AND g.status = 'active'", (payload["user_id"], payload["role_id"]))
                if still and payload["role_id"] not in fake.members.get(payload["user_id"], []):
                    lost.append(f"role {payload['role_id']} missing for {payload['user_id']}")
        self._count_refusals(report, items)
        report.lost = len(lost)
        report.details += lost[:20]
        # duplicates: one outbox item's message twice in one place; a referral's card or a meeting's opening
        # twice in one channel; two threads for one member; two events for one meeting
        per_item = Counter((m["item"], m["place"], m.get("content"), json.dumps(m.get("embeds")))
                           for m in messages if m["item"] is not None)
        per_subject = Counter((m["place"], _footer(m)) for m in messages if _footer(m))
        threads = Counter(t["name"] for t in fake.created("thread"))
        events = Counter((e["name"], e["scheduled_start_time"]) for e in fake.created("event"))
        found = {**{f"item {k[0]} in {k[1]}: {str(k[2])[:50]}": n for k, n in per_item.items() if n > 1},
                 **{f"{k[1]} in {k[0]}": n for k, n in per_subject.items() if n > 1},
                 **{f"thread {k}": n for k, n in threads.items() if n > 1},
                 **{f"event {k}": n for k, n in events.items() if n > 1}}
        report.duplicated = sum(n - 1 for n in found.values())
        report.details += [f"duplicate {what} x{n}" for what, n in list(found.items())[:10]]
        report.stuck = sum(1 for item in items if item["state"] == "pending")
        report.details += [f"stuck: {i['kind']} {i['id']} {i['last_error']}" for i in items
                           if i["state"] == "pending"][:10]
        return report


    def _count_refusals(self, report: Report, items: list[dict[str, Any]]) -> None:
        """Each 403 must reach a fallback: the item it refused ends done (by another route, or once the permission
        is back) or, refused by a member's closed DMs, failed as their choice; and a refused channel or role (a
        permission an admin can give back) was reported to the admins, unless the item routes around a refusal
        itself (the crisis kinds)."""
        by_id = {item["id"]: item for item in items}
        told = {i["dedupe_key"].split(":")[2] for i in items
                if i["dedupe_key"].startswith("alert:forbidden:") and i["state"] == "done"}
        refusals = self.fake.forbidden()
        report.refused_403 = len(refusals)
        unhandled: set[str] = set()
        rerouted: set[int] = set()
        for refusal in refusals:
            item = by_id.get(refusal["item"])
            if item is None:
                unhandled.add(f"a 403 outside the outbox in {refusal['place']}")
                continue
            result = json.loads(item["result"] or "{}")
            if "fallback" in result or result.get("via") == "private_thread" or result.get("pinged_in") == "alerts":
                rerouted.add(item["id"])
            if item["state"] == "failed" and item["failure"] == "dms_closed" and refusal["target"] == "dm":
                continue
            if item["state"] != "done":
                unhandled.add(f"{item['kind']} {item['id']} refused, and {item['state']}: {item['last_error']}")
            elif refusal["target"] != "dm" and item["kind"] not in CRISIS_KINDS and item["kind"] not in told:
                unhandled.add(f"{item['kind']} {item['id']} refused in {refusal['place']}; no admin was told")
        report.fallbacks = len(rerouted)
        report.unhandled_403 = len(unhandled)
        report.details += sorted(unhandled)[:10]


CRISIS_KINDS = {"queue_post", "escalate", "leader_alert", "author_support"}  # each routes around a refusal itself


def _footer(message: dict[str, Any]) -> str | None:
    for embed in message.get("embeds") or []:
        text = (embed.get("footer") or {}).get("text")
        if text:
            return str(text)
    return None
