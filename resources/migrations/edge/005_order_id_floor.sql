-- New orders are numbered past this id too: after a restore from a backup, central may hold
-- orders (taken before the restore) with ids this database never saw.
ALTER TABLE store ADD COLUMN order_id_floor INTEGER NOT NULL DEFAULT 0;
