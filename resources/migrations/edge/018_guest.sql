-- Guests ordering from their phones (issue 16): each table's printed code, the visits staff
-- opened to phones, the store's "a table code alone may order" setting, and the phones'
-- tokens (SHA-256 digests only), each scoped to one visit.
ALTER TABLE tables ADD COLUMN guest_code TEXT;
CREATE UNIQUE INDEX tables_guest_code ON tables(guest_code);
ALTER TABLE table_sessions ADD COLUMN guest_open INTEGER NOT NULL DEFAULT 0;
ALTER TABLE store ADD COLUMN guest_self_open INTEGER NOT NULL DEFAULT 0;
CREATE TABLE guest_tokens (
    id INTEGER PRIMARY KEY,
    digest BLOB NOT NULL UNIQUE,
    table_id INTEGER NOT NULL REFERENCES tables(id),
    -- NULL: not bound yet (the store lets a table code alone order: the first order opens
    -- the visit and binds the token to it).
    session_id INTEGER REFERENCES table_sessions(id),
    admitted_by TEXT NOT NULL CHECK (admitted_by IN ('visit_code', 'staff', 'table_code')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX guest_tokens_expiry ON guest_tokens(expires_at);
