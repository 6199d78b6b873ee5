-- Issue 16: the guest relay. What each store's edge last reported when its relay connected
-- (where phones on the store's Wi-Fi reach it, for the STORE_OFFLINE answer), and which
-- central instance holds its connection now (empty: none).
CREATE TABLE store_relay (
    store_id {{BIGINT}} PRIMARY KEY REFERENCES stores(id),
    lan_url TEXT NOT NULL DEFAULT '',
    wifi_ssid TEXT NOT NULL DEFAULT '',
    instance TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL
);
