-- Issue 14: the order status model. An order line is done when its station finished it; an
-- order whose lines are all done is `completed` ("ready"), and a runner marks it `served`.
--
-- orders.status gains 'served'. SQLite cannot alter a CHECK constraint, and rebuilding
-- orders is not possible here (migrations run in a transaction with foreign keys on, and
-- order_items and order_history reference it): the constraint's text is widened in place, as
-- SQLite's documentation describes for loosening a CHECK. The ALTER TABLE statements below
-- change the schema cookie, so every open connection reads the new text.
PRAGMA writable_schema=ON;
UPDATE sqlite_schema SET sql = replace(sql, '''completed'', ''canceled'')', '''completed'', ''canceled'', ''served'')')
    WHERE type = 'table' AND name = 'orders';
PRAGMA writable_schema=RESET;

-- When and by whom (Principal::actor() JSON) a line was marked done; NULL: not done.
ALTER TABLE order_items ADD COLUMN done_at TEXT;
ALTER TABLE order_items ADD COLUMN done_by TEXT;

-- When a runner marked the order served.
ALTER TABLE orders ADD COLUMN served_at TEXT;
