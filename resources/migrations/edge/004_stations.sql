-- Kitchen stations: each category is prepared at one station (kitchen, bar, dessert...), and
-- each order line keeps the station its item had when it was ordered, so moving a category
-- later does not move orders already on a screen.
ALTER TABLE menu_categories ADD COLUMN station TEXT NOT NULL DEFAULT 'kitchen';
ALTER TABLE order_items ADD COLUMN station TEXT NOT NULL DEFAULT 'kitchen';
CREATE INDEX order_items_station ON order_items(station, order_id);
