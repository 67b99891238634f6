-- Screening off the event loop: how far each group channel has been screened (a position, never content), so that
-- messages that arrived while the bot was down, or were waiting when it stopped, are screened at start-up.
CREATE TABLE screening_watermarks (
    channel_id   INTEGER PRIMARY KEY,
    guild_id     INTEGER NOT NULL,
    message_id   INTEGER NOT NULL,              -- the last message screened in this channel
    updated_at   TEXT NOT NULL
);

-- Languages: the server's language for the private note to an author (NULL: English), and a member's own choice.
ALTER TABLE referral_config ADD COLUMN language TEXT;

CREATE TABLE member_language (
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    language    TEXT NOT NULL,                  -- en, es, fr, de, pt, it
    country     TEXT,                           -- two letters, for the crisis lines; NULL: the server's
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
