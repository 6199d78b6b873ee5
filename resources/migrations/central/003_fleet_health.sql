-- Fleet observability: per-store health time series, alerts and their notifications.

-- One point per health snapshot (resolution 60) and hourly roll-ups (resolution 3600).
-- data: JSON {name: value}; `samples` counts the snapshots an hourly point averages.
CREATE TABLE health_points (
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    resolution INTEGER NOT NULL,
    at {{BIGINT}} NOT NULL,
    samples INTEGER NOT NULL DEFAULT 1,
    data TEXT NOT NULL,
    PRIMARY KEY (store_id, resolution, at)
);
CREATE INDEX health_points_age ON health_points(resolution, at);

-- The newest snapshot of each store: the fleet page, alert rules and central's /metrics.
CREATE TABLE store_health (
    store_id {{BIGINT}} PRIMARY KEY REFERENCES stores(id),
    at {{BIGINT}} NOT NULL,
    data TEXT NOT NULL,
    snapshots_received {{BIGINT}} NOT NULL DEFAULT 0,
    snapshots_dropped {{BIGINT}} NOT NULL DEFAULT 0
);

-- Per organization: alert thresholds (JSON over the defaults) and the webhook.
CREATE TABLE alert_settings (
    org_id {{BIGINT}} PRIMARY KEY REFERENCES organizations(id),
    rules TEXT NOT NULL,
    webhook_url TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

CREATE TABLE alerts (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations(id),
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    rule TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    severity TEXT NOT NULL CHECK (severity IN ('critical', 'warning')),
    state TEXT NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
    message TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL DEFAULT 0,
    opened_at TEXT NOT NULL,
    acknowledged_at TEXT,
    acknowledged_by {{BIGINT}} REFERENCES hq_users(id),
    resolved_at TEXT
);
-- At most one unresolved alert per (store, rule, subject), whichever instance opens it.
CREATE UNIQUE INDEX alerts_active ON alerts(store_id, rule, subject) WHERE state <> 'resolved';
CREATE INDEX alerts_org_state ON alerts(org_id, state);

CREATE TABLE alert_history (
    id {{ID}},
    alert_id {{BIGINT}} NOT NULL REFERENCES alerts(id),
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alert_history_alert ON alert_history(alert_id);

-- Webhook deliveries (an outbox): retried with backoff until the receiver answers 2xx.
CREATE TABLE alert_notifications (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations(id),
    alert_id {{BIGINT}} NOT NULL REFERENCES alerts(id),
    url TEXT NOT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at {{BIGINT}} NOT NULL,
    claimed_until {{BIGINT}} NOT NULL DEFAULT 0,
    delivered_at TEXT,
    failed_at TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX alert_notifications_due ON alert_notifications(next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
