-- Issue 13 at HQ: what the stores record of each visit's money, projected from the synced
-- events (store_events keeps them as they came): payments, voids, discounts, the closed
-- business days with their Z report, and the staff actions for HQ's audit log.
-- business_date of a payment, void or discount: the visit's, i.e. its first order's (as the
-- edge's day report counts it).

-- The visit an order belongs to (0: an order synced before this column).
ALTER TABLE orders ADD COLUMN session_id {{BIGINT}} NOT NULL DEFAULT 0;
CREATE INDEX orders_session ON orders(store_id, session_id);

-- payment.recorded; one row per client_payment_id, so a replayed upload adds nothing.
CREATE TABLE store_payments (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    client_payment_id TEXT NOT NULL,
    payment_id {{BIGINT}} NOT NULL,
    seq {{BIGINT}} NOT NULL,
    session_id {{BIGINT}} NOT NULL,
    business_date TEXT NOT NULL,
    table_number INTEGER NOT NULL,
    method TEXT NOT NULL,
    amount {{BIGINT}} NOT NULL,
    actor TEXT NOT NULL,
    paid_at TEXT NOT NULL,
    PRIMARY KEY (store_id, client_payment_id)
);
CREATE INDEX store_payments_date ON store_payments(store_id, business_date);

-- order.voided: the lines' amount.
CREATE TABLE store_voids (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    seq {{BIGINT}} NOT NULL,
    session_id {{BIGINT}} NOT NULL,
    order_id {{BIGINT}} NOT NULL,
    business_date TEXT NOT NULL,
    amount {{BIGINT}} NOT NULL,
    reason TEXT NOT NULL,
    actor TEXT NOT NULL,
    voided_at TEXT NOT NULL,
    PRIMARY KEY (store_id, seq)
);
CREATE INDEX store_voids_date ON store_voids(store_id, business_date);

-- bill.discount_added: the amount the discount took off.
CREATE TABLE store_discounts (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    seq {{BIGINT}} NOT NULL,
    discount_id {{BIGINT}} NOT NULL,
    session_id {{BIGINT}} NOT NULL,
    business_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    value {{BIGINT}} NOT NULL,
    amount {{BIGINT}} NOT NULL,
    reason TEXT NOT NULL,
    actor TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (store_id, seq)
);
CREATE INDEX store_discounts_date ON store_discounts(store_id, business_date);

-- business_day.closed: the Z report as the store sent it (compact JSON).
CREATE TABLE store_business_days (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    business_date TEXT NOT NULL,
    seq {{BIGINT}} NOT NULL,
    report TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (store_id, business_date)
);

-- Events whose actor is a staff member: HQ's audit log. data without the bill snapshot.
CREATE TABLE store_audit (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    seq {{BIGINT}} NOT NULL,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    staff_id {{BIGINT}} NOT NULL,
    staff_name TEXT NOT NULL,
    staff_role TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (store_id, seq)
);
CREATE INDEX store_audit_at ON store_audit(store_id, at);
