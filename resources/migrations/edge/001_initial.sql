-- tableorder edge schema, version 1.
CREATE TABLE store (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    currency TEXT NOT NULL DEFAULT 'KRW',
    timezone TEXT NOT NULL DEFAULT 'Asia/Seoul',
    business_day_cutoff_hour INTEGER NOT NULL DEFAULT 4 CHECK (business_day_cutoff_hour BETWEEN 0 AND 23),
    menu_version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO store (id, name) VALUES (1, 'tableorder store');

CREATE TABLE tables (
    id INTEGER PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 9999),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE table_sessions (
    id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL REFERENCES tables(id),
    opened_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE UNIQUE INDEX table_sessions_one_open ON table_sessions(table_id) WHERE closed_at IS NULL;

CREATE TABLE menu_categories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    display_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE menu_items (
    id INTEGER PRIMARY KEY,
    category_id INTEGER NOT NULL REFERENCES menu_categories(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    price INTEGER NOT NULL CHECK (price >= 0),
    image_path TEXT NOT NULL DEFAULT '',
    available INTEGER NOT NULL DEFAULT 1,
    display_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX menu_items_category ON menu_items(category_id, display_order);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    client_order_id TEXT NOT NULL UNIQUE,
    request_hash TEXT NOT NULL,
    business_date TEXT NOT NULL,
    number INTEGER NOT NULL,
    session_id INTEGER NOT NULL REFERENCES table_sessions(id),
    table_id INTEGER NOT NULL REFERENCES tables(id),
    table_number INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'preparing', 'completed', 'canceled')),
    note TEXT NOT NULL DEFAULT '',
    total INTEGER NOT NULL CHECK (total >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    preparing_at TEXT,
    completed_at TEXT,
    canceled_at TEXT,
    UNIQUE (business_date, number)
);
CREATE INDEX orders_active ON orders(status, created_at) WHERE status IN ('pending', 'preparing');
CREATE INDEX orders_session ON orders(session_id, created_at);
CREATE INDEX orders_created ON orders(created_at);

CREATE TABLE order_items (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    menu_item_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    line_total INTEGER NOT NULL
);
CREATE INDEX order_items_order ON order_items(order_id);

-- Orders of closed sessions, kept as the manager saw them when the table was freed.
CREATE TABLE order_history (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id),
    session_id INTEGER NOT NULL,
    table_id INTEGER NOT NULL,
    table_number INTEGER NOT NULL,
    number INTEGER NOT NULL,
    business_date TEXT NOT NULL,
    status TEXT NOT NULL,
    total INTEGER NOT NULL,
    note TEXT NOT NULL,
    items_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    session_opened_at TEXT NOT NULL,
    session_closed_at TEXT NOT NULL
);
CREATE INDEX order_history_table_date ON order_history(table_id, created_at DESC);

CREATE TABLE business_day_counters (
    business_date TEXT PRIMARY KEY,
    last_number INTEGER NOT NULL
);

CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('manager', 'kitchen')),
    created_at TEXT NOT NULL
);
