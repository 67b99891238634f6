-- Referrals: flagged messages for professional review, their history, and each server's queue settings.

CREATE TABLE referral_config (
    guild_id              INTEGER PRIMARY KEY,
    queue_channel_id      INTEGER,
    oncall_role_id        INTEGER,
    country               TEXT NOT NULL DEFAULT 'US',
    hide_method_messages  INTEGER NOT NULL DEFAULT 0,
    screening_enabled     INTEGER NOT NULL DEFAULT 1,
    updated_at            TEXT NOT NULL
);

CREATE TABLE referrals (
    id                  INTEGER PRIMARY KEY,
    guild_id            INTEGER NOT NULL,
    source              TEXT NOT NULL CHECK (source IN ('screening','flag','refer')),
    tier                TEXT NOT NULL CHECK (tier IN ('concern','urgent','crisis')),
    categories          TEXT NOT NULL,             -- JSON list
    evidence            TEXT NOT NULL,             -- JSON list of {start, end, text, reason}
    reason              TEXT,                      -- the flagger's or peer supporter's reason
    subject_id          INTEGER,                   -- the member it is about; NULL once they erase their data
    flagger_id          INTEGER,                   -- never shown to the subject
    channel_id          INTEGER,
    message_id          INTEGER,
    jump_url            TEXT,
    content             TEXT,                      -- the flagged message; purged after retention
    context             TEXT,                      -- JSON list of nearby messages; purged with content
    state               TEXT NOT NULL DEFAULT 'open'
                        CHECK (state IN ('open','claimed','contacted','referred_on','resolved','closed')),
    outcome             TEXT,                      -- where referred on, or 'false_alarm'
    claimed_by          INTEGER,
    created_at          TEXT NOT NULL,
    ack_due_at          TEXT NOT NULL,
    next_escalation_at  TEXT,
    escalations         INTEGER NOT NULL DEFAULT 0,
    queue_message_id    INTEGER,
    closed_at           TEXT,
    content_purged_at   TEXT
);
-- One automatic referral per message; manual flags of an already-referred message join it.
CREATE UNIQUE INDEX referrals_message ON referrals (guild_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX referrals_escalation ON referrals (state, next_escalation_at);
CREATE INDEX referrals_flagger ON referrals (guild_id, flagger_id, created_at);

CREATE TABLE referral_events (
    id           INTEGER PRIMARY KEY,
    referral_id  INTEGER NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
    actor_id     INTEGER,                          -- NULL for the bot itself
    action       TEXT NOT NULL,
    at           TEXT NOT NULL,
    detail       TEXT
);
CREATE INDEX referral_events_referral ON referral_events (referral_id);
