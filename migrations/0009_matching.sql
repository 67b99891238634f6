-- One-to-one peer matching: programmes and their settings, the server's taxonomy, consented profiles, approved
-- supporters, requests (the waitlist), offers, matches with their timeline, contacts, check-ins, ratings,
-- exclusions, events for reports, and batch previews. Instants are ISO-8601 UTC text.

-- A programme (e.g. "New mothers") and its matching settings as JSON, validated by ProgrammeSettings.
CREATE TABLE match_programmes (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    settings    TEXT NOT NULL,
    created_by  INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (guild_id, name_key)
);

-- Conditions, finer tags (sub-type, treatment, stage) and issues that leaders curate for the server.
CREATE TABLE match_taxonomy (
    id        INTEGER PRIMARY KEY,
    guild_id  INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('condition','tag','issue')),
    key       TEXT NOT NULL,               -- casefolded label
    label     TEXT NOT NULL,
    added_by  INTEGER NOT NULL,
    added_at  TEXT NOT NULL,
    UNIQUE (guild_id, kind, key)
);

-- What a member chose to give for matching, as JSON validated by Profile. Used only for matching.
CREATE TABLE match_profiles (
    programme_id  INTEGER NOT NULL REFERENCES match_programmes(id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL,
    side          TEXT NOT NULL CHECK (side IN ('seeker','supporter')),
    guild_id      INTEGER NOT NULL,
    data          TEXT NOT NULL,
    consent_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (programme_id, user_id, side)
);
CREATE INDEX match_profiles_user ON match_profiles (guild_id, user_id);

-- A supporter approved by a programme leader, with their training, caseload cap and duty.
CREATE TABLE match_supporters (
    programme_id      INTEGER NOT NULL REFERENCES match_programmes(id) ON DELETE CASCADE,
    user_id           INTEGER NOT NULL,
    guild_id          INTEGER NOT NULL,
    approved_by       INTEGER NOT NULL,
    approved_at       TEXT NOT NULL,
    training          TEXT NOT NULL,
    trained_on        TEXT NOT NULL,         -- a date
    caseload_cap      INTEGER NOT NULL CHECK (caseload_cap BETWEEN 1 AND 20),
    on_duty           INTEGER NOT NULL DEFAULT 1,
    duty_changed_at   TEXT,
    over_cap_since    TEXT,                  -- carrying more matches than the cap since then
    over_cap_checked  INTEGER NOT NULL DEFAULT 0,
    next_action_at    TEXT,                  -- the gentle check-in when over the cap for weeks
    PRIMARY KEY (programme_id, user_id)
);
CREATE INDEX match_supporters_due ON match_supporters (next_action_at) WHERE next_action_at IS NOT NULL;

-- A request for a match: the waitlist. queued_at is the seeker's place, kept across rematches.
CREATE TABLE match_requests (
    id                INTEGER PRIMARY KEY,
    guild_id          INTEGER NOT NULL,
    programme_id      INTEGER NOT NULL REFERENCES match_programmes(id) ON DELETE CASCADE,
    seeker_id         INTEGER,                -- NULL once the member erased their data
    role              TEXT NOT NULL CHECK (role IN ('patient','caregiver')),
    challenges        TEXT,                   -- the intake in their own words; erased when the request closes
    why_now           TEXT,
    wants             TEXT,
    special           TEXT,
    needed_by         TEXT,                   -- e.g. the day she leaves hospital (a date)
    state             TEXT NOT NULL CHECK (state IN ('waiting','held','offered','matched','closed')),
    queued_at         TEXT NOT NULL,
    spell_started_at  TEXT NOT NULL,          -- this wait began: the request, or the latest rematch
    rematches         INTEGER NOT NULL DEFAULT 0,
    held_reason       TEXT,
    closed_reason     TEXT,
    closed_at         TEXT,
    alerted           TEXT NOT NULL DEFAULT '', -- alerts already sent in this spell (comma-separated codes)
    next_action_at    TEXT,
    created_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX match_requests_live ON match_requests (programme_id, seeker_id) WHERE state != 'closed';
CREATE INDEX match_requests_due ON match_requests (next_action_at) WHERE next_action_at IS NOT NULL;

-- The private offer to a supporter. No identity until they accept.
CREATE TABLE match_offers (
    id              INTEGER PRIMARY KEY,
    guild_id        INTEGER NOT NULL,
    programme_id    INTEGER NOT NULL REFERENCES match_programmes(id) ON DELETE CASCADE,
    request_id      INTEGER NOT NULL REFERENCES match_requests(id) ON DELETE CASCADE,
    supporter_id    INTEGER,
    score           REAL NOT NULL,
    reasons         TEXT NOT NULL,            -- JSON list of [field, text]
    fallback        INTEGER NOT NULL DEFAULT 0,
    via             TEXT NOT NULL CHECK (via IN ('auto','coordinator','batch')),
    proposed_by     INTEGER,
    state           TEXT NOT NULL CHECK (state IN ('pending','accepted','declined','expired','withdrawn')),
    withdrawn_reason TEXT,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    decided_at      TEXT,
    next_action_at  TEXT
);
CREATE UNIQUE INDEX match_offers_pending ON match_offers (request_id, supporter_id) WHERE state = 'pending';
CREATE INDEX match_offers_supporter ON match_offers (programme_id, supporter_id, state);
CREATE INDEX match_offers_due ON match_offers (next_action_at) WHERE next_action_at IS NOT NULL;

-- A match and its timeline. next_action_at is when it next needs a look; NULL once it has ended.
CREATE TABLE matches (
    id                      INTEGER PRIMARY KEY,
    guild_id                INTEGER NOT NULL,
    programme_id            INTEGER NOT NULL REFERENCES match_programmes(id) ON DELETE CASCADE,
    request_id              INTEGER NOT NULL REFERENCES match_requests(id) ON DELETE CASCADE,
    offer_id                INTEGER,
    seeker_id               INTEGER,
    supporter_id            INTEGER,
    state                   TEXT NOT NULL CHECK (state IN ('active','ended')),
    created_at              TEXT NOT NULL,
    waited_seconds          INTEGER NOT NULL,  -- time to match, for reports
    via                     TEXT NOT NULL,
    fallback                INTEGER NOT NULL DEFAULT 0,
    reasons                 TEXT NOT NULL,     -- JSON list of [field, text]
    space_id                INTEGER,
    space_state             TEXT NOT NULL DEFAULT 'pending'
                            CHECK (space_state IN ('pending','open','missing','archived')),
    space_rev               INTEGER NOT NULL DEFAULT 1,
    first_contact_at        TEXT,
    first_contact_on_time   INTEGER,
    first_contact_reminded  INTEGER NOT NULL DEFAULT 0,
    first_contact_alerted   INTEGER NOT NULL DEFAULT 0,
    last_contact_at         TEXT,
    checkins_sent           INTEGER NOT NULL DEFAULT 0,
    reminders_sent          INTEGER NOT NULL DEFAULT 0,
    stalled_at              TEXT,
    ends_at                 TEXT,
    ended_at                TEXT,
    end_reason              TEXT,
    ended_by                TEXT,
    next_action_at          TEXT
);
CREATE INDEX matches_due ON matches (next_action_at) WHERE next_action_at IS NOT NULL;
CREATE INDEX matches_space ON matches (space_id);
CREATE INDEX matches_seeker ON matches (guild_id, seeker_id);
CREATE INDEX matches_supporter ON matches (programme_id, supporter_id, state);

-- Contacts: a post (after a quiet gap) or "We've spoken". Never the words.
CREATE TABLE match_contacts (
    id        INTEGER PRIMARY KEY,
    match_id  INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('post','spoken')),
    side      TEXT NOT NULL CHECK (side IN ('seeker','supporter'))
);
CREATE INDEX match_contacts_match ON match_contacts (match_id, at);

CREATE TABLE match_checkins (
    match_id     INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    round        INTEGER NOT NULL,
    side         TEXT NOT NULL CHECK (side IN ('seeker','supporter')),
    sent_at      TEXT NOT NULL,
    answered_at  TEXT,
    happened     INTEGER,
    good_fit     INTEGER,
    PRIMARY KEY (match_id, round, side)
);

-- A private 1-5 rating and comment from each side when a match ends; never shown to the other side.
CREATE TABLE match_ratings (
    match_id    INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    side        TEXT NOT NULL CHECK (side IN ('seeker','supporter')),
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     TEXT,
    created_on  TEXT NOT NULL,
    PRIMARY KEY (match_id, side)
);

-- Pairs never offered again in a programme: declined, expired, blocked, or matched before.
CREATE TABLE match_exclusions (
    programme_id  INTEGER NOT NULL REFERENCES match_programmes(id) ON DELETE CASCADE,
    seeker_id     INTEGER NOT NULL,
    supporter_id  INTEGER NOT NULL,
    reason        TEXT NOT NULL,
    at            TEXT NOT NULL,
    PRIMARY KEY (programme_id, seeker_id, supporter_id)
);

-- What happened, as codes, for reports: matched, stalled, rematch (with its reason), ended, off duty, ...
CREATE TABLE match_events (
    id            INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL,
    programme_id  INTEGER NOT NULL,
    request_id    INTEGER,
    match_id      INTEGER,
    kind          TEXT NOT NULL,
    reason        TEXT,
    at            TEXT NOT NULL
);
CREATE INDEX match_events_programme ON match_events (programme_id, kind);

-- A whole-pool assignment shown to a leader before anything is sent.
CREATE TABLE match_batches (
    id            INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL,
    programme_id  INTEGER NOT NULL REFERENCES match_programmes(id) ON DELETE CASCADE,
    created_by    INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('preview','published','discarded')),
    pairs         TEXT NOT NULL,              -- JSON list of [request_id, supporter_id, score]
    total_score   REAL NOT NULL,
    greedy_score  REAL NOT NULL,
    waiting       INTEGER NOT NULL,
    published_at  TEXT
);
