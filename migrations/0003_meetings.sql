-- Facilitator-run meetings: certification and its agreement, recurring series, occurrences and their
-- timeline, RSVPs and reminder preferences, attendance, anonymous feedback, cover requests, and courses.

-- Where leaders are alerted (no-show, certification expiry). Falls back to the referral queue channel.
ALTER TABLE guild_config ADD COLUMN alerts_channel_id INTEGER;

CREATE TABLE agreement_versions (
    guild_id    INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    created_by  INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, version)
);

CREATE TABLE agreement_acceptances (
    guild_id     INTEGER NOT NULL,
    user_id      INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    accepted_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id, version),
    FOREIGN KEY (guild_id, version) REFERENCES agreement_versions (guild_id, version)
);

CREATE TABLE facilitators (
    guild_id      INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('trainee','certified','suspended','revoked')),
    expires_at    TEXT,                        -- certified only; NULL means no expiry
    reason        TEXT,                        -- for suspended and revoked
    updated_by    INTEGER NOT NULL,
    updated_at    TEXT NOT NULL,
    warned_30_at  TEXT,                        -- expiry warnings sent, so each goes once
    warned_7_at   TEXT,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX facilitators_expiry ON facilitators (status, expires_at);

CREATE TABLE facilitator_history (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    status      TEXT NOT NULL,
    expires_at  TEXT,
    reason      TEXT,
    actor_id    INTEGER NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX facilitator_history_user ON facilitator_history (guild_id, user_id);

-- A member's own time zone and reminder choices. Offsets are minutes before the start.
CREATE TABLE member_prefs (
    guild_id          INTEGER NOT NULL,
    user_id           INTEGER NOT NULL,
    time_zone         TEXT,
    reminder_offsets  TEXT NOT NULL DEFAULT '1440,15',
    reminder_via      TEXT NOT NULL DEFAULT 'dm' CHECK (reminder_via IN ('dm','channel')),
    PRIMARY KEY (guild_id, user_id)
);

CREATE TABLE meeting_series (
    id                  INTEGER PRIMARY KEY,
    guild_id            INTEGER NOT NULL,
    group_id            INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('meeting','course')),
    title               TEXT NOT NULL,
    time_zone           TEXT NOT NULL,             -- IANA name; occurrences are computed in local time
    dtstart_local       TEXT NOT NULL,             -- naive local wall time of the first meeting
    duration_min        INTEGER NOT NULL,
    rrule               TEXT,                      -- NULL for a one-off meeting
    agenda              TEXT NOT NULL DEFAULT '',
    lead_id             INTEGER NOT NULL,
    capacity            INTEGER,                   -- courses: the enrollment cap
    syllabus            TEXT,                      -- courses: JSON list of session titles
    status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended')),
    materialized_until  TEXT,                      -- occurrences exist up to this instant
    created_by          INTEGER NOT NULL,
    created_at          TEXT NOT NULL
);
CREATE INDEX meeting_series_group ON meeting_series (group_id, status);

CREATE TABLE series_facilitators (
    series_id  INTEGER NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    PRIMARY KEY (series_id, user_id)
);
CREATE INDEX series_facilitators_user ON series_facilitators (user_id);

-- One row per meeting. next_action_at is when its timeline next needs a look (a reminder, the opening, the
-- no-show deadline, the close); NULL once it is over. The scheduler only ever wakes at MIN(next_action_at).
CREATE TABLE meeting_occurrences (
    id                INTEGER PRIMARY KEY,
    series_id         INTEGER NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    guild_id          INTEGER NOT NULL,
    group_id          INTEGER NOT NULL,
    seq               INTEGER NOT NULL,           -- 1-based position in the series (a course's session number)
    original_start    TEXT NOT NULL,              -- as the rule produced it; stays put when the meeting moves
    starts_at         TEXT NOT NULL,
    ends_at           TEXT NOT NULL,
    facilitator_id    INTEGER NOT NULL,           -- who runs it (changes when someone covers)
    state             TEXT NOT NULL DEFAULT 'scheduled'
                      CHECK (state IN ('scheduled','awaiting','open','closed','cancelled')),
    cancel_reason     TEXT,                       -- 'skipped', 'no_facilitator', 'missed'
    reminded_through  INTEGER,                    -- smallest reminder offset (minutes) already handled
    awaiting_since    TEXT,                       -- when the opening was posted
    checked_in_by     INTEGER,
    opened_at         TEXT,
    closed_at         TEXT,
    next_action_at    TEXT,
    event_id          INTEGER,                    -- the Discord scheduled event, once published
    event_rev         INTEGER NOT NULL DEFAULT 0, -- bumped whenever the event needs syncing
    UNIQUE (series_id, original_start)
);
CREATE INDEX meeting_occurrences_due ON meeting_occurrences (next_action_at) WHERE next_action_at IS NOT NULL;
CREATE INDEX meeting_occurrences_group ON meeting_occurrences (group_id, starts_at);

CREATE TABLE meeting_rsvps (
    occurrence_id  INTEGER NOT NULL REFERENCES meeting_occurrences(id) ON DELETE CASCADE,
    user_id        INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    PRIMARY KEY (occurrence_id, user_id)
);
CREATE INDEX meeting_rsvps_user ON meeting_rsvps (user_id);

-- "Every meeting of this series": counts as an RSVP to each occurrence.
CREATE TABLE series_subscriptions (
    series_id   INTEGER NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (series_id, user_id)
);
CREATE INDEX series_subscriptions_user ON series_subscriptions (user_id);

-- Who checked in, who posted while the room was open, who said they would come. Written as it happens;
-- `attended` is settled at close (checked in or posted).
CREATE TABLE meeting_attendance (
    occurrence_id  INTEGER NOT NULL REFERENCES meeting_occurrences(id) ON DELETE CASCADE,
    user_id        INTEGER NOT NULL,
    checked_in_at  TEXT,
    posted         INTEGER NOT NULL DEFAULT 0,
    rsvped         INTEGER NOT NULL DEFAULT 0,
    attended       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (occurrence_id, user_id)
);
CREATE INDEX meeting_attendance_user ON meeting_attendance (user_id);

-- Anonymous: no user id. feedback_invites makes sure each attendee answers once; it is not joined to answers.
CREATE TABLE meeting_feedback (
    id             INTEGER PRIMARY KEY,
    occurrence_id  INTEGER NOT NULL REFERENCES meeting_occurrences(id) ON DELETE CASCADE,
    group_id       INTEGER NOT NULL,
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment        TEXT,
    created_on     TEXT NOT NULL                  -- a date only, so the time can't single out an answer
);
CREATE INDEX meeting_feedback_group ON meeting_feedback (group_id);

CREATE TABLE feedback_invites (
    occurrence_id  INTEGER NOT NULL REFERENCES meeting_occurrences(id) ON DELETE CASCADE,
    user_id        INTEGER NOT NULL,
    answered       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (occurrence_id, user_id)
);

CREATE TABLE cover_requests (
    id             INTEGER PRIMARY KEY,
    occurrence_id  INTEGER NOT NULL REFERENCES meeting_occurrences(id) ON DELETE CASCADE,
    requested_by   INTEGER NOT NULL,
    requested_at   TEXT NOT NULL,
    taken_by       INTEGER,
    taken_at       TEXT
);
CREATE INDEX cover_requests_occurrence ON cover_requests (occurrence_id);

CREATE TABLE course_enrollments (
    series_id    INTEGER NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('enrolled','waitlisted')),
    enrolled_at  TEXT NOT NULL,
    PRIMARY KEY (series_id, user_id)
);
CREATE INDEX course_enrollments_user ON course_enrollments (user_id);
