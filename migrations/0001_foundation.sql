-- Foundation: server configuration, role mapping, groups, the code of conduct, the outbox and the audit log.
-- Instants are ISO-8601 UTC text. Discord snowflakes are INTEGER.

CREATE TABLE guild_config (
    guild_id           INTEGER PRIMARY KEY,
    group_category_id  INTEGER,
    updated_at         TEXT NOT NULL
);

-- A peerbot role (admin, moderator, leader, facilitator, peer_supporter) held by anyone with the Discord role.
CREATE TABLE role_mappings (
    guild_id         INTEGER NOT NULL,
    peer_role        TEXT NOT NULL CHECK (peer_role IN ('admin','moderator','leader','facilitator','peer_supporter')),
    discord_role_id  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, peer_role, discord_role_id)
);

CREATE TABLE groups (
    id                INTEGER PRIMARY KEY,
    guild_id          INTEGER NOT NULL,
    name              TEXT NOT NULL,
    name_key          TEXT NOT NULL,           -- casefolded NFKC name, for uniqueness
    condition         TEXT NOT NULL,
    audience          TEXT NOT NULL CHECK (audience IN ('patients','caregivers','both')),
    description       TEXT NOT NULL,
    capacity          INTEGER CHECK (capacity IS NULL OR capacity > 0),
    mode              TEXT NOT NULL CHECK (mode IN ('always_open','meeting_only')),
    status            TEXT NOT NULL CHECK (status IN ('provisioning','active','archived')),
    role_id           INTEGER,
    channel_id        INTEGER,
    voice_channel_id  INTEGER,
    created_by        INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    archived_at       TEXT
);
CREATE UNIQUE INDEX groups_name_unique ON groups (guild_id, name_key);
CREATE INDEX groups_channel ON groups (channel_id);

CREATE TABLE group_members (
    group_id   INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    joined_at  TEXT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

-- Queue for full groups. An invited entry holds a seat until invite_expires_at.
CREATE TABLE group_waitlist (
    group_id           INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id            INTEGER NOT NULL,
    queued_at          TEXT NOT NULL,
    invited_at         TEXT,
    invite_expires_at  TEXT,
    PRIMARY KEY (group_id, user_id)
);

CREATE TABLE conduct_versions (
    guild_id    INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    created_by  INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, version)
);

CREATE TABLE conduct_acceptances (
    guild_id     INTEGER NOT NULL,
    user_id      INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    accepted_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id, version),
    FOREIGN KEY (guild_id, version) REFERENCES conduct_versions (guild_id, version)
);

-- Discord side effects, recorded in the same transaction as the decision that needs them and performed after
-- commit by the dispatcher, with retries. dedupe_key makes enqueueing idempotent.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    guild_id     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,               -- JSON
    dedupe_key   TEXT NOT NULL UNIQUE,
    subject_id   INTEGER,                     -- the member this is about, for privacy delete
    created_at   TEXT NOT NULL,
    due_at       TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','failed')),
    done_at      TEXT,
    result       TEXT                          -- JSON, e.g. the id of the message that was sent
);
CREATE INDEX outbox_due ON outbox (state, due_at);

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL,
    actor_id      INTEGER NOT NULL,
    action        TEXT NOT NULL,
    subject_type  TEXT NOT NULL,
    subject_id    INTEGER,
    at            TEXT NOT NULL,
    detail        TEXT
);
CREATE INDEX audit_subject ON audit_log (subject_type, subject_id);
