-- Facilitators schedule and run meetings only in the groups a programme leader has assigned them to.
-- Each assignment and unassignment is kept in assignment_history: who, when, by whom, why.

CREATE TABLE facilitator_assignments (
    group_id     INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL,
    guild_id     INTEGER NOT NULL,
    assigned_by  INTEGER NOT NULL,             -- 0: carried over by this migration (or the leader was erased)
    assigned_at  TEXT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX facilitator_assignments_user ON facilitator_assignments (guild_id, user_id);

CREATE TABLE assignment_history (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    group_id    INTEGER REFERENCES groups(id) ON DELETE SET NULL,
    group_name  TEXT NOT NULL,                  -- readable after the group is deleted
    action      TEXT NOT NULL CHECK (action IN ('assigned','unassigned')),
    reason      TEXT,
    actor_id    INTEGER NOT NULL,              -- 0: peerbot (this migration), or an erased leader
    at          TEXT NOT NULL
);
CREATE INDEX assignment_history_user ON assignment_history (guild_id, user_id);

-- Whoever already facilitates a group's meetings (a series, or an upcoming meeting taken as cover) keeps
-- doing so: they are assigned to that group.
INSERT OR IGNORE INTO facilitator_assignments (group_id, user_id, guild_id, assigned_by, assigned_at)
SELECT s.group_id, sf.user_id, s.guild_id, 0, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
FROM series_facilitators sf JOIN meeting_series s ON s.id = sf.series_id
WHERE s.status = 'active'
UNION
SELECT o.group_id, o.facilitator_id, o.guild_id, 0, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
FROM meeting_occurrences o
WHERE o.state IN ('scheduled', 'awaiting', 'open') AND o.facilitator_id != 0;

INSERT INTO assignment_history (guild_id, user_id, group_id, group_name, action, reason, actor_id, at)
SELECT a.guild_id, a.user_id, a.group_id, g.name, 'assigned',
       'carried over: already facilitating this group''s meetings', 0, a.assigned_at
FROM facilitator_assignments a JOIN groups g ON g.id = a.group_id
ORDER BY a.group_id, a.user_id;
