-- Issue 12: option groups, translations, allergens, tags, hours and stock on the menu;
-- options and a note on each order line. JSON columns hold what is only ever read and
-- written whole with its row (translations, hours, codes); options are rows because orders
-- and availability changes address them one by one.
ALTER TABLE menu_categories ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
ALTER TABLE menu_categories ADD COLUMN available_hours TEXT NOT NULL DEFAULT '[]';
ALTER TABLE menu_items ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
ALTER TABLE menu_items ADD COLUMN available_hours TEXT NOT NULL DEFAULT '[]';
ALTER TABLE menu_items ADD COLUMN allergens TEXT NOT NULL DEFAULT '[]';
ALTER TABLE menu_items ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
-- NULL: unlimited. The CHECK is the last guard against selling a portion that is not there.
ALTER TABLE menu_items ADD COLUMN stock INTEGER CHECK (stock IS NULL OR stock >= 0);

-- AUTOINCREMENT: an id is never given again after a delete, so a tablet holding an old menu
-- cannot order a removed option and get the one that took its number.
CREATE TABLE menu_option_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    min_select INTEGER NOT NULL CHECK (min_select >= 0),
    max_select INTEGER NOT NULL CHECK (max_select >= 1 AND max_select >= min_select),
    translations TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE menu_options (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES menu_option_groups(id),
    name TEXT NOT NULL,
    price_delta INTEGER NOT NULL,
    available INTEGER NOT NULL DEFAULT 1,
    position INTEGER NOT NULL,
    translations TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX menu_options_group ON menu_options(group_id, position);

CREATE TABLE menu_item_option_groups (
    item_id INTEGER NOT NULL REFERENCES menu_items(id),
    group_id INTEGER NOT NULL REFERENCES menu_option_groups(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (item_id, group_id)
);
CREATE INDEX menu_item_option_groups_group ON menu_item_option_groups(group_id);

ALTER TABLE order_items ADD COLUMN options TEXT NOT NULL DEFAULT '[]';
ALTER TABLE order_items ADD COLUMN note TEXT NOT NULL DEFAULT '';
