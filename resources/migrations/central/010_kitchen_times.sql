-- Issue 14 at HQ: kitchen times. One row per order line a store marked done
-- (order.lines_done), removed again when the line is recalled (order.recalled). The report
-- counts lines of orders that are completed or served, as the store's own report does.
CREATE TABLE store_line_times (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    line_id {{BIGINT}} NOT NULL,
    order_id {{BIGINT}} NOT NULL,
    business_date TEXT NOT NULL,
    order_created_at TEXT NOT NULL,
    menu_item_id {{BIGINT}} NOT NULL,
    name TEXT NOT NULL,
    station TEXT NOT NULL,
    done_at TEXT NOT NULL,
    PRIMARY KEY (store_id, line_id)
);
CREATE INDEX store_line_times_date ON store_line_times(store_id, business_date);
