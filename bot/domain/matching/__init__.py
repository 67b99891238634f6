"""One-to-one peer matching: consented profiles, explainable and safe scoring, supporter capacity, private match
spaces, follow-up, rematch and whole-pool optimisation.

  programme.py   a programme and its settings (mode, weights, timings), validated JSON per programme
  taxonomy.py    the server's conditions, tags and issues; "other: ..." for a member's own words
  profile.py     seeker and supporter profiles, what may be shown, and why each field is asked
  pool.py        the candidate pool as numpy columns
  scoring.py     hard and safety constraints, weighted similarity, the issues fallback; rank and score rows
  explain.py     "why you were matched", each reason tied to the field it reveals
  safety.py      open urgent or crisis referrals, read from the referral queue
  request.py     a request, its intake, and its small timeline
  intake.py      /match request, the queue, withdrawing
  offer.py       offer records
  matchmaker.py  the pool from the database, routing by mode, offers accepted, declined and expired, review
  supporter.py   approval and training, caseload cap, duty, load, the over-cap check-in
  match.py       a match's row and the steps still ahead of it
  space.py       the pair's private space: opened, recorded, deleted by hand, reopened, archived
  lifecycle.py   contacts, check-ins, reminders, stalls, endings, rematches, ratings, members leaving
  timeline.py    every timed step, run when due and rebuilt from the database at start-up
  batch.py       whole-pool assignment with SciPy, previewed before it is published
  notify.py      DMs, posts, spaces and alerts, all as outbox items
  privacy.py     export and delete
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.domain.alerts import LeaderAlerts
from bot.domain.matching.batch import BatchService
from bot.domain.matching.intake import IntakeService
from bot.domain.matching.lifecycle import MatchLifecycle
from bot.domain.matching.match import MatchRecords
from bot.domain.matching.matchmaker import Matchmaker
from bot.domain.matching.notify import MatchNotifier
from bot.domain.matching.offer import OfferBook
from bot.domain.matching.privacy import MatchingPrivacy
from bot.domain.matching.profile import ProfileService
from bot.domain.matching.programme import ProgrammeService
from bot.domain.matching.space import MatchSpaces
from bot.domain.matching.supporter import SupporterService
from bot.domain.matching.taxonomy import TaxonomyService
from bot.domain.matching.timeline import MatchingTimeline
from bot.domain.outbox import Outbox
from bot.domain.roles import RoleService
from bot.storage.db import Database


@dataclass
class Matching:
    programmes: ProgrammeService
    taxonomy: TaxonomyService
    profiles: ProfileService
    matchmaker: Matchmaker
    intake: IntakeService
    supporters: SupporterService
    spaces: MatchSpaces
    lifecycle: MatchLifecycle
    timeline: MatchingTimeline
    batches: BatchService
    privacy: MatchingPrivacy

    @classmethod
    def build(cls, db: Database, clock: Clock, roles: RoleService, outbox: Outbox, alerts: LeaderAlerts) -> Matching:
        notifier = MatchNotifier(outbox, alerts)
        programmes = ProgrammeService(db, clock, roles)
        taxonomy = TaxonomyService(db, clock, roles)
        profiles = ProfileService(db, clock, taxonomy)
        records = MatchRecords(db, clock, notifier)
        matchmaker = Matchmaker(db, clock, roles, programmes, profiles, OfferBook(db, clock), records, notifier)
        supporters = SupporterService(db, clock, roles, programmes, matchmaker, notifier)
        spaces = MatchSpaces(db, clock, roles, programmes, profiles, records, notifier)
        lifecycle = MatchLifecycle(db, clock, roles, programmes, records, matchmaker, spaces, notifier)
        return cls(programmes, taxonomy, profiles, matchmaker, IntakeService(db, clock, roles, profiles, matchmaker),
                   supporters, spaces, lifecycle, MatchingTimeline(db, clock, programmes, matchmaker, lifecycle,
                                                                  supporters),
                   BatchService(db, clock, roles, matchmaker), MatchingPrivacy(db, lifecycle))
