-- Erasure: a pending Discord effect the erased member is still owed (a role removal, access withdrawn) keeps
-- their id until it is done; this flag says to delete the item then (Outbox.purge_erased).
ALTER TABLE outbox ADD COLUMN erase_when_done INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_erase_when_done ON outbox (state) WHERE erase_when_done = 1;
