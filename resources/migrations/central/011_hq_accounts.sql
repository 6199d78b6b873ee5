-- Issue 17: HQ accounts managed from the dashboard. Roles: hq_admin (the whole
-- organisation), store_manager and store_viewer (each for a set of stores, in
-- hq_user_stores). The role CHECK of 001 is widened: SQLite cannot alter a constraint, so it
-- rebuilds the table; PostgreSQL replaces the constraint (statements marked SQLITE or POSTGRESQL
-- statements run on that dialect only, see db::migrate).
{{SQLITE}} CREATE TABLE hq_users_v17 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organizations(id),
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('hq_admin', 'store_manager', 'store_viewer')),
    store_id INTEGER REFERENCES stores(id),
    created_at TEXT NOT NULL,
    token_generation INTEGER NOT NULL DEFAULT 1,
    disabled INTEGER NOT NULL DEFAULT 0
);
{{SQLITE}} INSERT INTO hq_users_v17 (id, org_id, username, password_hash, role, store_id, created_at, token_generation, disabled)
    SELECT id, org_id, username, password_hash, role, store_id, created_at, token_generation, disabled FROM hq_users;
{{SQLITE}} DROP TABLE hq_users;
{{SQLITE}} ALTER TABLE hq_users_v17 RENAME TO hq_users;
{{POSTGRESQL}} ALTER TABLE hq_users DROP CONSTRAINT hq_users_role_check;
{{POSTGRESQL}} ALTER TABLE hq_users ADD CONSTRAINT hq_users_role_check CHECK (role IN ('hq_admin', 'store_manager', 'store_viewer'));

-- The stores a store_manager or store_viewer may see (hq_users.store_id stays the first
-- of them, for older binaries reading the table).
CREATE TABLE hq_user_stores (
    user_id {{BIGINT}} NOT NULL REFERENCES hq_users(id),
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    PRIMARY KEY (user_id, store_id)
);
INSERT INTO hq_user_stores (user_id, store_id) SELECT id, store_id FROM hq_users WHERE store_id IS NOT NULL;

-- One-time invitations (a new account, or a password reset): only the SHA-256 of the token
-- is kept; accepting sets the password and deletes the row. An invited account has an empty
-- password_hash, which no login matches.
CREATE TABLE hq_invitations (
    token_hash TEXT PRIMARY KEY,
    user_id {{BIGINT}} NOT NULL UNIQUE REFERENCES hq_users(id),
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Who did what at HQ: account and store-setting changes, with the acting HQ user. Never a
-- password or token.
CREATE TABLE hq_audit (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations(id),
    at TEXT NOT NULL,
    actor_user_id {{BIGINT}} NOT NULL,
    actor_username TEXT NOT NULL,
    action TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id {{BIGINT}} NOT NULL,
    target_name TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX hq_audit_org_at ON hq_audit(org_id, at);
