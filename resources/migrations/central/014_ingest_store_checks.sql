-- Issue 15: sync's two busiest tables no longer re-check their store row by row on PostgreSQL.
-- A foreign key runs a lookup of the store row for every inserted event and order (a third of
-- each row's insert time in a 4,000-row group); the group already holds each of its stores'
-- rows locked (SELECT ... FOR UPDATE) before it writes, only sync writes these tables, and
-- stores are never deleted. SQLite keeps its checks (in-process, cheap).
{{POSTGRESQL}} ALTER TABLE store_events DROP CONSTRAINT IF EXISTS store_events_store_id_fkey;
{{POSTGRESQL}} ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_store_id_fkey;
