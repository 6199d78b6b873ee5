-- Kitchen printers (issue 14): network ESC/POS printers, each station's mode, and the print
-- queue. A job holds the very bytes it prints (rendered when it was queued), so a job that
-- survives a restart prints the same ticket.
CREATE TABLE printers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    host TEXT NOT NULL,
    port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    paper_mm INTEGER NOT NULL CHECK (paper_mm IN (58, 80)),
    encoding TEXT NOT NULL CHECK (encoding IN ('cp949', 'utf-8')),
    stations TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'unknown',
    status_at TEXT,
    created_at TEXT NOT NULL,
    -- When the printer took its current stations: the catch-up after a restart queues only
    -- orders placed since (not every active order of a station it was just given).
    stations_since TEXT NOT NULL DEFAULT ''
);
-- A station without a row is in 'screen' mode (the behaviour before printers existed).
CREATE TABLE station_modes (
    station TEXT PRIMARY KEY,
    mode TEXT NOT NULL CHECK (mode IN ('screen', 'printer', 'both', 'fallback')),
    fallback_seconds INTEGER NOT NULL DEFAULT 15 CHECK (fallback_seconds BETWEEN 1 AND 3600),
    -- When the station took a printing mode (printer/both count as one): the catch-up after a
    -- restart queues only orders placed since.
    since TEXT NOT NULL DEFAULT ''
);
-- kind: order (printer/both mode), fallback (no screen showed it in time), reprint, test.
-- An order prints once per station and printer (the partial unique index); reprints are
-- new rows.
CREATE TABLE print_jobs (
    id INTEGER PRIMARY KEY,
    printer_id INTEGER NOT NULL,
    order_id INTEGER,
    station TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('order', 'fallback', 'reprint', 'test')),
    payload BLOB NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'printed', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    order_created_at TEXT,
    created_at TEXT NOT NULL,
    printed_at TEXT
);
CREATE UNIQUE INDEX print_jobs_once ON print_jobs(order_id, station, printer_id) WHERE kind IN ('order', 'fallback');
CREATE INDEX print_jobs_queue ON print_jobs(status, printer_id, id);
