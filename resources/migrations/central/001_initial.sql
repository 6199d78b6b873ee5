-- tableorder central schema, version 1 (SQLite and PostgreSQL; see db::migrate for {{...}}).
CREATE TABLE organizations (
    id {{ID}},
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE stores (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    timezone TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    applied_seq {{BIGINT}} NOT NULL DEFAULT 0,
    menu_version {{BIGINT}} NOT NULL DEFAULT 0,
    edge_menu_version {{BIGINT}} NOT NULL DEFAULT 0,
    last_sync_at TEXT,
    edge_version TEXT NOT NULL DEFAULT '',
    backlog {{BIGINT}} NOT NULL DEFAULT 0,
    lag_ms {{BIGINT}} NOT NULL DEFAULT 0,
    edge_last_seq {{BIGINT}} NOT NULL DEFAULT 0,
    sync_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stores_org ON stores(org_id);

CREATE TABLE hq_users (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations(id),
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('hq_admin', 'store_viewer')),
    store_id {{BIGINT}} REFERENCES stores(id),
    created_at TEXT NOT NULL
);

-- Every event a store uploaded, exactly once per (store, seq).
CREATE TABLE store_events (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    seq {{BIGINT}} NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (store_id, seq)
);

-- Orders as projected from the events; the figures HQ's reports add up.
CREATE TABLE orders (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    order_id {{BIGINT}} NOT NULL,
    number INTEGER NOT NULL,
    business_date TEXT NOT NULL,
    table_number INTEGER NOT NULL,
    status TEXT NOT NULL,
    total {{BIGINT}} NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    preparing_at TEXT,
    completed_at TEXT,
    canceled_at TEXT,
    PRIMARY KEY (store_id, order_id)
);
CREATE INDEX orders_store_date ON orders(store_id, business_date);
CREATE INDEX orders_date ON orders(business_date);

CREATE TABLE order_items (
    store_id {{BIGINT}} NOT NULL,
    order_id {{BIGINT}} NOT NULL,
    line INTEGER NOT NULL,
    menu_item_id {{BIGINT}} NOT NULL,
    name TEXT NOT NULL,
    unit_price {{BIGINT}} NOT NULL,
    quantity INTEGER NOT NULL,
    line_total {{BIGINT}} NOT NULL,
    PRIMARY KEY (store_id, order_id, line)
);

-- Events central could not apply: kept and shown to HQ, never dropped silently.
CREATE TABLE dead_letters (
    id {{ID}},
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    seq {{BIGINT}} NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    error TEXT NOT NULL,
    received_at TEXT NOT NULL
);

-- The edge's own daily figures, compared with what central ingested.
CREATE TABLE reconciliation (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    business_date TEXT NOT NULL,
    edge_orders {{BIGINT}} NOT NULL,
    edge_total {{BIGINT}} NOT NULL,
    reported_at TEXT NOT NULL,
    PRIMARY KEY (store_id, business_date)
);

-- HQ's working copy of each store's menu.
CREATE TABLE menu_categories (
    id {{ID}},
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    name TEXT NOT NULL,
    display_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX menu_categories_store ON menu_categories(store_id);

CREATE TABLE menu_items (
    id {{ID}},
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    category_id {{BIGINT}} NOT NULL REFERENCES menu_categories(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    price {{BIGINT}} NOT NULL,
    image_url TEXT NOT NULL DEFAULT '',
    display_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX menu_items_store ON menu_items(store_id);

-- Published menus: every version a store ever got, for rollback. publish_at in the
-- future means scheduled; published_at is set when it went live.
CREATE TABLE menu_versions (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    version {{BIGINT}} NOT NULL,
    menu_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    publish_at TEXT NOT NULL,
    published_at TEXT,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (store_id, version)
);
