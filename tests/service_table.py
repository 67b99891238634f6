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
    "enforcement.on_message", "enforcement.automod_blocked", "conduct_cases.pardon",
    "conduct_cases.mark_false_positive", "conduct_cases.resolve", "conduct_cases.appeal",
    "conduct_cases.decide_appeal",
    "intake.flag", "intake.from_screening",  # referrals.flag and from_screening, kept while the database is busy
}

READS = {
    "privacy.export", "referrals.view", "facilitators.history", "assignments.history", "timeline.attendance",
    "courses.progress", "groups.get", "groups.list", "meetings.upcoming", "meetings.recent", "meetings.occurrence",
    "rsvps.prefs", "courses.active", "conduct.current", "agreement.current", "facilitators.list",
    "referrals.config", "timeline.open_in_channel", "languages.get", "conduct_cases.history",
    "conduct_cases.stats", "conduct_policy.config", "conduct_policy.layer", "outbox.failures",
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
    "conduct_cases.open", "conduct_cases.get", "conduct_cases.in_guild", "conduct_cases.events",
    "conduct_cases.offences", "conduct_cases.note", "conduct_cases.queue_modlog", "conduct_cases.queue_notice",
    "conduct_cases.effect_done", "conduct_cases.effect_failed", "conduct_cases.forget_content",
    "conduct_cases.timeout", "conduct_policy.resolved", "conduct_automod.ids", "conduct_automod.kind_of",
    "conduct_automod.record",
    # the screening worker: an in-memory queue in front of referrals.from_screening (which is fuzzed)
    "screening.submit", "screening.screen", "screening.flush", "screening.drain", "screening.stop",
    "screening.catch_up_points", "intake.drain",
    # what one delivery attempt already did on Discord, written and read by the outbox handlers
    "outbox.record_step", "outbox.step_result",
    # which channels are peer-support spaces (screening and conduct ask it of every flagged message)
    "spaces.space_of",
    # delivery: the queue channel's health, the staff to reach when it fails, each member's private thread
    "health.failed", "health.failing", "health.get", "health.worked", "referrals.repost_missing_cards",
    "staff.contacts", "staff.seen", "staff.staff_roles", "threads.forget", "threads.get", "threads.remember",
}


def public_methods() -> set[str]:
    """"service.method" for every public coroutine method of every service object in Services. Privacy hooks
    (export_member, delete_member) are reached only through PrivacyService, which is classified itself."""
    found: set[str] = set()
    for field in dataclasses.fields(Services):
        cls = inspect.get_annotations(Services, eval_str=True)[field.name]
        for name, _ in inspect.getmembers(cls, inspect.iscoroutinefunction):
            if not name.startswith("_") and name not in ("export_member", "delete_member"):
                found.add(f"{field.name}.{name}")
    return found
