-- Menu pictures uploaded at HQ, decoded and re-encoded (never stored as sent), addressed by
-- the SHA-256 of the full-size JPEG. In the database, not on disk: central instances are
-- stateless and share one database. Served at /images/{hash}.jpg and /images/{hash}-thumb.jpg.
CREATE TABLE images (
    hash TEXT PRIMARY KEY,
    full_jpeg {{BLOB}} NOT NULL,
    thumb_jpeg {{BLOB}} NOT NULL,
    created_at TEXT NOT NULL
);
