-- Delivery hardening: an attempt is recorded before Discord is called, each message a handler creates is
-- remembered (by the id Discord gave it) until the item is done, items that keep failing are set aside (dead
-- letters), the referral queue channel's health is kept, and each member has at most one private check-in thread.

ALTER TABLE outbox ADD COLUMN started_at TEXT;               -- when the latest attempt began, before any Discord call
ALTER TABLE outbox ADD COLUMN faults INTEGER NOT NULL DEFAULT 0;  -- failures that were not a Discord outage
ALTER TABLE outbox ADD COLUMN failure TEXT;                  -- why it failed: set_aside (too many faults), forbidden,
                                                             -- dms_closed, not_found

-- What one delivery attempt already did on Discord, keyed by step (e.g. 'msg:<channel id>#0'). A later attempt of
-- the same item looks here before creating anything; rows go when the item is done.
CREATE TABLE outbox_steps (
    item_id  INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
    step     TEXT NOT NULL,
    result   TEXT NOT NULL,                                  -- JSON: the id Discord gave, and where
    at       TEXT NOT NULL,
    PRIMARY KEY (item_id, step)
);

-- Whether a channel peerbot depends on works. Only the referral queue for now.
CREATE TABLE channel_health (
    guild_id    INTEGER NOT NULL,
    purpose     TEXT NOT NULL CHECK (purpose IN ('referral_queue')),
    channel_id  INTEGER,
    ok          INTEGER NOT NULL,
    error       TEXT,                                        -- what Discord said when it stopped working
    since       TEXT NOT NULL,
    PRIMARY KEY (guild_id, purpose)
);

-- The private thread peerbot opened to reach a member whose DMs are closed, reused for every later note.
CREATE TABLE member_threads (
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,                            -- the parent channel
    thread_id   INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);

-- Programme leaders and on-call members, learned from their own use of peerbot (peerbot asks for no member list):
-- whom to DM when a referral can't reach the queue channel, and at every escalation.
CREATE TABLE staff_contacts (
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    role_ids    TEXT NOT NULL,                               -- JSON: their leader / on-call roles when last seen
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
