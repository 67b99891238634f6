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
}

READS = {
    "privacy.export", "referrals.view", "facilitators.history", "assignments.history", "timeline.attendance",
    "courses.progress", "groups.get", "groups.list", "meetings.upcoming", "meetings.recent", "meetings.occurrence",
    "rsvps.prefs", "courses.active", "conduct.current", "agreement.current", "facilitators.list",
    "referrals.config", "timeline.open_in_channel",
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
    "outbox.purge_erased",
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
