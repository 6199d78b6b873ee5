-- Event log: every change gets a store-wide, strictly increasing seq, written in the same
-- transaction as the change. Screens resume from it; central sync uploads it (the outbox).
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    table_id INTEGER,
    data TEXT NOT NULL,
    schema_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX events_table ON events(table_id, seq);

-- When a kitchen screen first showed the order (delivery receipt).
ALTER TABLE orders ADD COLUMN kitchen_acked_at TEXT;
CREATE INDEX orders_unacknowledged ON orders(created_at) WHERE kitchen_acked_at IS NULL AND status = 'pending';
