-- Calls for staff (직원 호출, issue 13). A call belongs to its table's visit (session) and
-- closes with it; one call per reason per table is open (open or acknowledged) at a time.
-- acknowledged_by / done_by: the staff member's actor JSON (Principal::actor).
CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL REFERENCES tables(id),
    table_number INTEGER NOT NULL,
    session_id INTEGER NOT NULL REFERENCES table_sessions(id),
    reason TEXT NOT NULL CHECK (reason IN ('water', 'cutlery', 'bill', 'other')),
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'done')),
    created_at TEXT NOT NULL,
    acknowledged_at TEXT,
    acknowledged_by TEXT,
    done_at TEXT,
    done_by TEXT,
    overdue_at TEXT
);
CREATE UNIQUE INDEX calls_one_per_reason ON calls(table_id, reason) WHERE status IN ('open', 'acknowledged');
CREATE INDEX calls_status ON calls(status, created_at);
CREATE INDEX calls_session ON calls(session_id);
