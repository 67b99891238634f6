"""Builds the core once per process: one database, one clock, and the services over them."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock, SystemClock
from bot.domain.alerts import LeaderAlerts
from bot.domain.assignment import AssignmentService
from bot.domain.audit import AuditLog
from bot.domain.channel_health import ChannelHealth
from bot.domain.conduct.automod import AutoModRegistry
from bot.domain.conduct.cases import CaseService
from bot.domain.conduct.code import ConductService
from bot.domain.conduct.distress import DistressGate
from bot.domain.conduct.enforcement import Enforcement
from bot.domain.conduct.policy import PolicyService
from bot.domain.conduct.screener import ConductScreener
from bot.domain.facilitator import FacilitatorAgreement, FacilitatorService
from bot.domain.group import GroupService
from bot.domain.intake import ReferralIntake
from bot.domain.matching import Matching
from bot.domain.meetings.course import CourseService
from bot.domain.meetings.notify import Notifier
from bot.domain.meetings.rsvp import RsvpService
from bot.domain.meetings.schedule import SeriesService
from bot.domain.meetings.timeline import MeetingTimeline
from bot.domain.member_language import MemberLanguageService
from bot.domain.outbox import Outbox
from bot.domain.privacy import PrivacyService
from bot.domain.private_threads import PrivateThreads
from bot.domain.referral import ReferralService
from bot.domain.risk import RiskScreener
from bot.domain.risk.stages import ScreenerSetup
from bot.domain.risk.stages import build as build_screener
from bot.domain.roles import RoleRepository, RoleService
from bot.domain.screening import ScreeningWorker
from bot.domain.spaces import GroupSpaces, ScreenedSpaces
from bot.domain.staff_directory import StaffDirectory
from bot.settings import Settings
from bot.storage.db import Database
from bot.storage.migrations import migrate
from bot.storage.spool import Spool


@dataclass
class Services:
    db: Database
    clock: Clock
    settings: Settings
    roles: RoleService
    audit: AuditLog
    outbox: Outbox
    conduct: ConductService
    groups: GroupService
    privacy: PrivacyService
    referrals: ReferralService
    screener: RiskScreener
    alerts: LeaderAlerts
    agreement: FacilitatorAgreement
    facilitators: FacilitatorService
    meetings: SeriesService
    timeline: MeetingTimeline
    rsvps: RsvpService
    courses: CourseService
    screener_setup: ScreenerSetup
    screening: ScreeningWorker
    languages: MemberLanguageService
    assignments: AssignmentService
    conduct_policy: PolicyService
    conduct_cases: CaseService
    enforcement: Enforcement
    conduct_automod: AutoModRegistry
    intake: ReferralIntake
    matching: Matching
    spaces: ScreenedSpaces
    health: ChannelHealth
    threads: PrivateThreads
    staff: StaffDirectory

    @classmethod
    def build(cls, db: Database, settings: Settings, clock: Clock | None = None,
              screener: ScreenerSetup | None = None) -> Services:
        clock = clock or SystemClock()
        roles = RoleService(RoleRepository(db), settings.bootstrap_roles)
        audit = AuditLog(db, clock)
        # What the database could not take while it was locked waits in a file beside it (bot/storage/spool.py).
        spool = Spool.beside(settings.database_path)
        outbox = Outbox(db, clock, spool)
        conduct = ConductService(db, clock, roles)
        groups = GroupService(db, clock, roles, conduct, outbox)
        referrals = ReferralService(db, clock, roles, audit, outbox, settings)
        alerts = LeaderAlerts(db, clock, roles, outbox)
        agreement = FacilitatorAgreement(db, clock, roles)
        facilitators = FacilitatorService(db, clock, roles, outbox, alerts, agreement)
        notifier = Notifier(db, outbox)
        assignments = AssignmentService(db, clock, roles, groups, facilitators, notifier, alerts)
        meetings = SeriesService(db, clock, roles, groups, facilitators, notifier, assignments)
        timeline = MeetingTimeline(db, clock, meetings, notifier, alerts)
        rsvps = RsvpService(db, clock, meetings)
        courses = CourseService(db, clock, roles, meetings, notifier)
        languages = MemberLanguageService(db, clock)
        matching = Matching.build(db, clock, roles, outbox, alerts)
        # The peer-support spaces screening and conduct read: group channels and match spaces (spaces.py).
        spaces = ScreenedSpaces(GroupSpaces(groups), matching.spaces)
        threads = PrivateThreads(db, clock)
        staff = StaffDirectory(db, clock, roles)
        # The screener is built once per process (the model's weights are memory-mapped and shared)
        screener = screener or build_screener(model=settings.risk_model, second_look=settings.risk_second_look)
        intake = ReferralIntake(referrals, spool, clock)
        screening = ScreeningWorker(screener.screener, spaces, referrals, db, clock, intake=intake)
        # Conduct: rules as data over a pure screener; the distress gate reads the risk screener's tier.
        conduct_screener = ConductScreener()
        conduct_policy = PolicyService(db, clock, roles, conduct_screener)
        conduct_cases = CaseService(db, clock, roles, audit, outbox, conduct_policy)
        enforcement = Enforcement(db, clock, roles, outbox, conduct_policy, conduct_cases, conduct, conduct_screener,
                                  DistressGate(screener.screener), spaces, meetings, timeline)
        privacy = PrivacyService(
            db, clock, roles, audit,
            [conduct, groups, referrals, facilitators, assignments, rsvps, languages, threads, staff, conduct_cases,
             matching.privacy, audit], outbox,
        )
        return cls(db, clock, settings, roles, audit, outbox, conduct, groups, privacy, referrals, screener.screener,
                   alerts, agreement, facilitators, meetings, timeline, rsvps, courses, screener, screening,
                   languages, assignments, conduct_policy, conduct_cases, enforcement,
                   AutoModRegistry(db, clock), intake, matching, spaces, ChannelHealth(db, clock), threads, staff)


async def open_services(settings: Settings, clock: Clock | None = None) -> Services:
    db = await Database.open(settings.database_path)
    try:
        await migrate(db)
    except BaseException:
        await db.close()
        raise
    return Services.build(db, settings, clock)
