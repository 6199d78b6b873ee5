-- Issue 13: who caused each event (the audit log) and the store's journal
-- (docs/design/journal.md). actor: compact JSON as the edge sent it, '' for none; hash:
-- the event's journal hash in lowercase hex, '' from an edge older than the journal.
ALTER TABLE store_events ADD COLUMN actor TEXT NOT NULL DEFAULT '';
ALTER TABLE store_events ADD COLUMN hash TEXT NOT NULL DEFAULT '';

-- The journal hash of the store's event at applied_seq: the next event must chain from it.
ALTER TABLE stores ADD COLUMN journal_hash TEXT NOT NULL DEFAULT '';

-- Events that arrived and did not chain: the store's record was changed after it was
-- written. Kept for good (the journal_broken alert reads them); the events themselves are
-- stored as they came.
CREATE TABLE journal_breaks (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    seq {{BIGINT}} NOT NULL,
    reason TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    PRIMARY KEY (store_id, seq)
);
