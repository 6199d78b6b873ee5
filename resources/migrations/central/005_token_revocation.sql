-- HQ token revocation (issue 11). Every HQ token carries its user's generation; a password
-- change, role change or disable bumps it, and hq_auth_state.version, which every
-- instance polls to learn of changes made by the CLI or by another instance.
ALTER TABLE hq_users ADD COLUMN token_generation {{BIGINT}} NOT NULL DEFAULT 1;
ALTER TABLE hq_users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;

-- Single HQ tokens revoked before their expiry (logout), kept until they expire.
CREATE TABLE hq_revoked_tokens (
    jti TEXT PRIMARY KEY,
    expires_at {{BIGINT}} NOT NULL
);

CREATE TABLE hq_auth_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version {{BIGINT}} NOT NULL
);
INSERT INTO hq_auth_state (id, version) VALUES (1, 1);
