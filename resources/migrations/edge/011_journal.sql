-- Issue 13: a journal nobody can quietly rewrite (docs/design/journal.md). Each event
-- carries hash = SHA-256(previous hash || canonical event), lowercase hex; NULL only for
-- events written before this migration until the daemon's first start hashes them.
ALTER TABLE events ADD COLUMN hash TEXT;

-- The hash the next event chains from. NULL right after this migration: the daemon's
-- start then hashes the existing events in seq order from the genesis value and sets it.
CREATE TABLE journal_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    hash TEXT
);
INSERT INTO journal_head (id, hash) VALUES (1, NULL);

-- Where the chain does not run from the event before: the event at `seq` chains from
-- `prev_hash` (after a restore, the hash central acknowledged; after pruning, the hash of
-- the last pruned event). `journal verify` reads it.
CREATE TABLE journal_anchors (
    seq INTEGER PRIMARY KEY,
    prev_hash TEXT NOT NULL
);
