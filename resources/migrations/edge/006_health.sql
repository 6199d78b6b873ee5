-- Fleet observability: the edge's health snapshots (protobuf HealthSnapshot) waiting for
-- central. Bounded by the daemon (oldest dropped first, counted in sync_state); ids never
-- repeat (AUTOINCREMENT), so central's acknowledgement "up to id N" stays unambiguous.
CREATE TABLE health_queue (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_at TEXT NOT NULL,
    snapshot BLOB NOT NULL
);
