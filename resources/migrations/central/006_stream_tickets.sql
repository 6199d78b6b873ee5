-- Single-use tickets for event streams (EventSource cannot send an Authorization header):
-- a ticket is taken once (DELETE ... RETURNING) within its few seconds of life, on any
-- instance sharing the database. Only the ticket's SHA-256 is kept.
CREATE TABLE stream_tickets (
    ticket_hash TEXT PRIMARY KEY,
    claims TEXT NOT NULL,
    expires_at {{BIGINT}} NOT NULL
);
