-- Conduct enforcement: each server's settings and rule overrides, cases with their warnings and timeouts,
-- appeals, facilitators' removals from a meeting, and the Discord AutoMod rules peerbot owns.

CREATE TABLE conduct_config (
    guild_id           INTEGER PRIMARY KEY,
    modlog_channel_id  INTEGER,
    screening_enabled  INTEGER NOT NULL DEFAULT 1,
    warning_days       INTEGER NOT NULL DEFAULT 30,   -- each warning expires this long after it was given
    threshold_count    INTEGER NOT NULL DEFAULT 3,    -- this many active warnings ...
    threshold_days     INTEGER NOT NULL DEFAULT 30,   -- ... given within this many days ...
    timeout_hours      INTEGER NOT NULL DEFAULT 24,   -- ... bring a timeout this long
    grace_days         INTEGER NOT NULL DEFAULT 7,    -- to accept a new version of the code before a prompt
    updated_at         TEXT NOT NULL
);

-- One layer of a rule's settings: the whole server (group_id 0) or one group. JSON of the fields overridden.
CREATE TABLE conduct_rule_settings (
    guild_id    INTEGER NOT NULL,
    group_id    INTEGER NOT NULL DEFAULT 0,
    rule        TEXT NOT NULL,
    settings    TEXT NOT NULL,
    updated_by  INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, group_id, rule)
);

CREATE TABLE conduct_cases (
    id              INTEGER PRIMARY KEY,
    guild_id        INTEGER NOT NULL,
    member_id       INTEGER,                       -- NULL once the member erased their data
    source          TEXT NOT NULL CHECK (source IN ('auto','moderator','facilitator','automod')),
    rule            TEXT,                          -- NULL for a moderator's warning that names no rule
    actor_id        INTEGER,                       -- who acted; NULL when peerbot or AutoMod did
    group_id        INTEGER,
    channel_id      INTEGER,
    message_id      INTEGER,
    excerpt         TEXT,                          -- the words acted on, at most 300 characters
    content         TEXT,                          -- a hidden message, kept to give back to its author
    evidence        TEXT NOT NULL DEFAULT '[]',    -- JSON list of {rule, start, end, text, reason}
    reason          TEXT,                          -- a moderator's or facilitator's words
    actions         TEXT NOT NULL,                 -- JSON list of the actions decided
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','pardoned','overturned')),
    false_positive  INTEGER NOT NULL DEFAULT 0,
    escalation      TEXT NOT NULL DEFAULT 'none' CHECK (escalation IN ('none','open','closed')),
    appeal_state    TEXT CHECK (appeal_state IN ('pending','upheld','overturned')),
    appeal_text     TEXT,
    appeal_by       INTEGER,                       -- the moderator who decided the appeal
    version         INTEGER NOT NULL DEFAULT 1,    -- compare-and-set: every change checks and bumps it
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
-- One case per message, whichever listener or event saw it first.
CREATE UNIQUE INDEX conduct_cases_message ON conduct_cases (guild_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX conduct_cases_member ON conduct_cases (guild_id, member_id, created_at);

CREATE TABLE conduct_case_events (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES conduct_cases(id) ON DELETE CASCADE,
    actor_id  INTEGER,
    action    TEXT NOT NULL,
    at        TEXT NOT NULL,
    detail    TEXT
);
CREATE INDEX conduct_case_events_case ON conduct_case_events (case_id);

CREATE TABLE conduct_warnings (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES conduct_cases(id) ON DELETE CASCADE,
    guild_id    INTEGER NOT NULL,
    member_id   INTEGER NOT NULL,
    issued_at   TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active','expired','pardoned'))
);
CREATE INDEX conduct_warnings_due ON conduct_warnings (state, expires_at);
CREATE INDEX conduct_warnings_member ON conduct_warnings (guild_id, member_id, state);

CREATE TABLE conduct_timeouts (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES conduct_cases(id) ON DELETE CASCADE,
    guild_id   INTEGER NOT NULL,
    member_id  INTEGER NOT NULL,
    starts_at  TEXT NOT NULL,
    ends_at    TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active','ended','lifted'))
);
CREATE INDEX conduct_timeouts_due ON conduct_timeouts (state, ends_at);

-- A facilitator removed a member from one meeting; they may come back once it ends.
CREATE TABLE conduct_meeting_removals (
    occurrence_id  INTEGER NOT NULL,
    guild_id       INTEGER NOT NULL,
    member_id      INTEGER NOT NULL,
    channel_id     INTEGER NOT NULL,
    case_id        INTEGER REFERENCES conduct_cases(id) ON DELETE SET NULL,
    ends_at        TEXT NOT NULL,
    state          TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active','restored')),
    PRIMARY KEY (occurrence_id, member_id)
);
CREATE INDEX conduct_meeting_removals_due ON conduct_meeting_removals (state, ends_at);

CREATE TABLE conduct_automod_rules (
    guild_id   INTEGER NOT NULL,
    kind       TEXT NOT NULL,                      -- slurs, contact, mentions, crisis
    rule_id    INTEGER NOT NULL,
    synced_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, kind)
);
CREATE UNIQUE INDEX conduct_automod_rule_id ON conduct_automod_rules (rule_id);
