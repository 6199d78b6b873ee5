-- Token revocation (issue 11). Every token carries its principal's generation; a revoking
-- change (password, role, disable, removal) bumps it, and auth_state.version, which the
-- daemon polls to learn of changes the CLI made in another process.
ALTER TABLE tables ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tables ADD COLUMN removed_at TEXT;
ALTER TABLE staff ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 1;
ALTER TABLE staff ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;

-- Single tokens revoked before their expiry (logout), kept until they expire.
CREATE TABLE revoked_tokens (
    jti TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
);

CREATE TABLE auth_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO auth_state (id, version) VALUES (1, 1);
