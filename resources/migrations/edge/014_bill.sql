-- Issue 13: the bill, payments, corrections, moves and merges, day close. Money is integer
-- won. Who did what is kept as the actor JSON of Principal::actor() (events carry the same).

-- Who placed the order (the bill's line origins). Orders so far came from their table.
ALTER TABLE orders ADD COLUMN actor TEXT;
UPDATE orders SET actor = json_object('kind', 'table', 'table_id', table_id, 'table_number', table_number);

-- A voided line stays on the bill with who voided it, why and when.
ALTER TABLE order_items ADD COLUMN voided_at TEXT;
ALTER TABLE order_items ADD COLUMN void_reason TEXT;
ALTER TABLE order_items ADD COLUMN voided_by TEXT;

-- How a visit ended: paid (due reached 0), closed, forced (with a reason), merged into another.
ALTER TABLE table_sessions ADD COLUMN close_kind TEXT;
ALTER TABLE table_sessions ADD COLUMN close_reason TEXT;
ALTER TABLE table_sessions ADD COLUMN closed_by TEXT;
ALTER TABLE table_sessions ADD COLUMN merged_into INTEGER REFERENCES table_sessions(id);

CREATE TABLE discounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES table_sessions(id),
    kind TEXT NOT NULL CHECK (kind IN ('amount', 'percent')),
    value INTEGER NOT NULL CHECK (value > 0),
    reason TEXT NOT NULL,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX discounts_session ON discounts(session_id, id);

-- Recorded, not processed: the store's card terminal charges, the edge records. Idempotent by
-- client_payment_id (request_hash: the request's method and amount).
CREATE TABLE payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_payment_id TEXT NOT NULL UNIQUE,
    request_hash TEXT NOT NULL,
    session_id INTEGER NOT NULL REFERENCES table_sessions(id),
    table_id INTEGER NOT NULL REFERENCES tables(id),
    method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'other')),
    amount INTEGER NOT NULL CHECK (amount > 0),
    closed_visit INTEGER NOT NULL DEFAULT 0,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX payments_session ON payments(session_id, id);

-- Closed business days and their Z report, frozen at the close.
CREATE TABLE business_days (
    business_date TEXT PRIMARY KEY,
    closed_at TEXT NOT NULL,
    closed_by TEXT NOT NULL,
    forced_reason TEXT,
    report TEXT NOT NULL
);
