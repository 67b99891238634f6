"""Every public method of every service in `Services`, classified once, for the fuzz and permission suites.

- COMMANDS: reached by a person (a slash command, a button, a modal, a message they post) and changing state.
  The permissions suite (tests/test_permissions.py) runs each against every role; the fuzz suite
  (tests/test_fuzz_services.py) throws hostile input at each.
- READS: reached by a person, changing nothing (or only the audit log of who looked). Fuzzed.
- INTERNAL: not reachable by a person: periodic passes, outbox handlers' helpers, other services' helpers,
  reads the adapters make with ids Discord gives them, and the privacy hooks PrivacyService calls.

`test_every_public_service_method_is_classified` fails when a service gains a public method that is in none
of the three, so a new command can't slip past both suites. To add one, see docs/architecture.md ("How to add
one: a command").
"""

from __future__ import annotations

import dataclasses
import inspect

from bot.services import Services

COMMANDS = {
    "roles.set_mapping", "alerts.set_channel", "referrals.configure",
    "conduct.publish", "conduct.accept", "agreement.publish", "agreement.accept",
    "groups.create", "groups.archive", "groups.delete", "groups.join", "groups.join_waitlist", "groups.leave",
    "privacy.delete",
    "referrals.flag", "referrals.refer", "referrals.act", "referrals.from_screening",
    "facilitators.set_status", "assignments.assign", "assignments.unassign",
    "meetings.schedule", "meetings.cancel", "meetings.move", "meetings.set_agenda", "meetings.end_series",
    "meetings.request_cover", "meetings.take_cover", "meetings.hand_over",
    "timeline.check_in", "timeline.end", "timeline.here", "timeline.submit_feedback", "timeline.note_post",
    "rsvps.rsvp", "rsvps.cancel_rsvp", "rsvps.set_time_zone", "rsvps.set_reminders",
    "courses.enroll", "courses.withdraw",
    "languages.choose", "languages.clear",
    "conduct_policy.configure", "conduct_policy.set_layer", "enforcement.warn", "enforcement.in_meeting",
    "enforcement.on_message", "enforcement.on_edit", "enforcement.automod_blocked", "conduct_cases.pardon",
    "conduct_cases.mark_false_positive", "conduct_cases.resolve", "conduct_cases.appeal",
    "conduct_cases.decide_appeal",
    "intake.flag", "intake.from_screening",  # referrals.flag and from_screening, kept while the database is busy
    # matching (services.matching.<service>.<method>)
    "matching.programmes.create", "matching.programmes.configure", "matching.taxonomy.add",
    "matching.taxonomy.remove", "matching.profiles.save", "matching.profiles.remove", "matching.intake.submit",
    "matching.intake.withdraw", "matching.matchmaker.accept", "matching.matchmaker.decline",
    "matching.matchmaker.approve", "matching.matchmaker.release", "matching.supporters.approve",
    "matching.supporters.revoke", "matching.supporters.set_cap", "matching.supporters.set_duty",
    "matching.spaces.reopen", "matching.lifecycle.spoken", "matching.lifecycle.answer_checkin",
    "matching.lifecycle.end", "matching.lifecycle.rematch", "matching.lifecycle.rate",
    "matching.lifecycle.note_post", "matching.batches.preview", "matching.batches.publish",
}

READS = {
    "privacy.export", "referrals.view", "facilitators.history", "assignments.history", "timeline.attendance",
    "courses.progress", "groups.get", "groups.list", "meetings.upcoming", "meetings.recent", "meetings.occurrence",
    "rsvps.prefs", "courses.active", "conduct.current", "agreement.current", "facilitators.list",
    "referrals.config", "timeline.open_in_channel", "languages.get", "conduct_cases.history",
    "conduct_cases.stats", "conduct_policy.config", "conduct_policy.layer", "outbox.failures",
    "matching.programmes.list", "matching.programmes.resolve", "matching.taxonomy.labels",
    "matching.taxonomy.suggest", "matching.profiles.mine", "matching.intake.live", "matching.intake.queue",
    "matching.intake.live_in_guild", "matching.matchmaker.review", "matching.supporters.load",
    "matching.lifecycle.mine", "matching.lifecycle.active", "matching.lifecycle.overview",
    "matching.lifecycle.outcomes",
}

INTERNAL = {
    # the database itself
    "db.close", "db.execute", "db.execute_many", "db.executescript_in_transaction", "db.fetch_all",
    "db.fetch_one", "db.fetch_value", "db.open",
    # permission checks, called by the methods above
    "roles.has", "roles.require", "roles.roles_of", "roles.staff_role_ids", "conduct.require_current",
    "facilitators.require_active", "meetings.require_manager", "meetings.require_runner",
    "assignments.require_assigned",
    # helpers other services and handlers read with ids they already hold
    "audit.record", "audit.entries_for", "outbox.enqueue", "outbox.run_due", "outbox.next_due_at",
    "outbox.result_of", "outbox.state_of", "conduct.accepted_version", "conduct.has_accepted_current",
    "conduct.versions", "agreement.accepted_version", "agreement.has_accepted_current", "agreement.versions",
    "groups.by_channel", "groups.is_member", "referrals.get", "referrals.set_queue_message", "alerts.send",
    "alerts.channel_for", "facilitators.get", "meetings.series", "meetings.upcoming_of_series",
    "meetings.cover_request", "meetings.calendar", "meetings.facilitator_ids", "timeline.opening",
    "timeline.event_spec", "timeline.record_event", "timeline.room_state", "assignments.assigned",
    "assignments.is_assigned",
    # periodic passes and start-up recovery
    "groups.sweep_waitlists", "groups.recover_unfinished", "referrals.escalate_due",
    "referrals.purge_expired_content", "facilitators.warn_expiring", "meetings.extend_horizons",
    "timeline.run_due", "timeline.next_wake", "timeline.rebuild", "timeline.reconcile_rooms",
    "outbox.purge_erased", "conduct_cases.run_due", "conduct_cases.next_due",
    # conduct's own steps: cases opened by enforcement, effects reported back by handlers, the modlog
    "conduct_cases.open", "conduct_cases.amend_for_edit", "conduct_cases.get", "conduct_cases.in_guild",
    "conduct_cases.events",
    "conduct_cases.offences", "conduct_cases.note", "conduct_cases.queue_modlog", "conduct_cases.queue_notice",
    "conduct_cases.effect_done", "conduct_cases.effect_failed", "conduct_cases.forget_content",
    "conduct_cases.timeout", "conduct_policy.resolved", "conduct_automod.ids", "conduct_automod.kind_of",
    "conduct_automod.record",
    # the screening worker: an in-memory queue in front of referrals.from_screening (which is fuzzed)
    "screening.submit", "screening.screen", "screening.flush", "screening.drain", "screening.stop",
    "screening.catch_up_points", "intake.drain",
    # what one delivery attempt already did on Discord, written and read by the outbox handlers
    "outbox.record_step", "outbox.step_result", "outbox.in_doubt",
    # which channels are peer-support spaces (screening and conduct ask it of every flagged message)
    "spaces.space_of",
    # delivery: the queue channel's health, the staff to reach when it fails, each member's private thread
    "health.failed", "health.failing", "health.get", "health.worked", "referrals.repost_missing_cards",
    "staff.contacts", "staff.seen", "staff.staff_roles", "threads.forget", "threads.get", "threads.remember",
    # matching: reads and checks with ids the core already holds, called by the commands above and the handlers
    "matching.programmes.get", "matching.taxonomy.resolve", "matching.profiles.build", "matching.profiles.get",
    "matching.profiles.require", "matching.intake.position", "matching.matchmaker.candidates",
    "matching.matchmaker.check", "matching.matchmaker.make_offer", "matching.matchmaker.offer_text",
    "matching.matchmaker.pool", "matching.matchmaker.unreachable", "matching.matchmaker.seeker",
    "matching.matchmaker.reschedule",
    "matching.matchmaker.route", "matching.matchmaker.route_waiting", "matching.matchmaker.withdraw_for_supporter",
    "matching.lifecycle.finish", "matching.spaces.spec", "matching.spaces.record", "matching.spaces.archived",
    "matching.spaces.target", "matching.spaces.welcome_text", "matching.spaces.refresh", "matching.spaces.match_in",
    "matching.spaces.space_of",
    # matching: Discord's events (a space deleted, a member gone) and the timeline's passes
    "matching.spaces.missing", "matching.lifecycle.member_left", "matching.lifecycle.catch_up_points",
    "matching.matchmaker.expire", "matching.matchmaker.request_due", "matching.lifecycle.advance",
    "matching.supporters.over_cap_due",
    "matching.timeline.run_due", "matching.timeline.next_wake", "matching.timeline.rebuild",
}


def public_methods(owner: type = Services, prefix: str = "") -> set[str]:
    """"service.method" for every public coroutine method of every service object in Services. An aggregate of
    services (a dataclass such as `Matching`) is descended into: its methods are "matching.intake.submit". Privacy
    hooks (export_member, delete_member) are reached only through PrivacyService, which is classified itself."""
    found: set[str] = set()
    annotations = inspect.get_annotations(owner, eval_str=True)
    for field in dataclasses.fields(owner):  # type: ignore[arg-type]
        cls = annotations[field.name]
        if dataclasses.is_dataclass(cls):
            found |= public_methods(cls, f"{prefix}{field.name}.")
            continue
        for name, _ in inspect.getmembers(cls, inspect.iscoroutinefunction):
            if not name.startswith("_") and name not in ("export_member", "delete_member"):
                found.add(f"{prefix}{field.name}.{name}")
    return found
