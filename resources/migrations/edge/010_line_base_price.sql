-- Issue 12, HQ's exact price check: each order line keeps the item's price when it was
-- priced (before options), so that central can check unit_price = max(0, base + Σ deltas)
-- to the won. NULL on lines from before this migration: they sync without it and central
-- checks them as it did (unit_price at least Σ deltas).
ALTER TABLE order_items ADD COLUMN base_price INTEGER CHECK (base_price IS NULL OR base_price >= 0);
