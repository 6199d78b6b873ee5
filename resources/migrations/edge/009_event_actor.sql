-- Who caused an event: {kind: "table", table_id, table_number} or {kind: "staff", staff_id,
-- name, role}; NULL for the daemon's own events (alerts, hours boundaries). The audit log
-- and the bill's line origins read it.
ALTER TABLE events ADD COLUMN actor TEXT;
