-- Edge-to-central sync state: the highest seq central acknowledged, the central menu
-- version applied, and the last sync problem (shown to the manager and in /metrics).
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
