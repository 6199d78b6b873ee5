-- The floor staff role (issue 13): staff.role may now be 'staff' too. SQLite cannot change a
-- CHECK constraint in place, so the table is rebuilt with the same columns and ids (nothing
-- references staff by foreign key; tokens carry the id, which stays).
CREATE TABLE staff_new (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('manager', 'kitchen', 'staff')),
    created_at TEXT NOT NULL,
    token_generation INTEGER NOT NULL DEFAULT 1,
    disabled INTEGER NOT NULL DEFAULT 0
);
INSERT INTO staff_new (id, username, password_hash, role, created_at, token_generation, disabled)
    SELECT id, username, password_hash, role, created_at, token_generation, disabled FROM staff;
DROP TABLE staff;
ALTER TABLE staff_new RENAME TO staff;
