-- An alert's figures as JSON (e.g. {"count":2,"oldest_s":41}), so that the dashboard can say
-- it in the reader's language; message stays the English text for logs and webhooks.
ALTER TABLE alerts ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
