-- Issue 12: the menu as restaurants sell it (options, notes, allergens, languages, hours).
-- Order lines as stores upload them: the chosen options (JSON, as the edge sent them) and
-- the guest's note; order_item_options repeats the options one row each for reports.
ALTER TABLE order_items ADD COLUMN options TEXT NOT NULL DEFAULT '[]';
ALTER TABLE order_items ADD COLUMN note TEXT NOT NULL DEFAULT '';

CREATE TABLE order_item_options (
    store_id {{BIGINT}} NOT NULL,
    order_id {{BIGINT}} NOT NULL,
    line INTEGER NOT NULL,
    position INTEGER NOT NULL,
    option_id {{BIGINT}} NOT NULL,
    group_name TEXT NOT NULL,
    name TEXT NOT NULL,
    price_delta {{BIGINT}} NOT NULL,
    PRIMARY KEY (store_id, order_id, line, position)
);

-- HQ's working menus gain the common model's fields. Translations, hours, allergens and
-- tags are the model's own JSON (common/menu writes and strictly reads them).
ALTER TABLE menu_categories ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
ALTER TABLE menu_categories ADD COLUMN available_hours TEXT NOT NULL DEFAULT '[]';
ALTER TABLE menu_items ADD COLUMN allergens TEXT NOT NULL DEFAULT '[]';
ALTER TABLE menu_items ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE menu_items ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
ALTER TABLE menu_items ADD COLUMN available_hours TEXT NOT NULL DEFAULT '[]';

-- Option groups are the store's and shared between its items (one "맵기" for every stew).
CREATE TABLE menu_option_groups (
    id {{ID}},
    store_id {{BIGINT}} NOT NULL REFERENCES stores(id),
    name TEXT NOT NULL,
    min_select INTEGER NOT NULL,
    max_select INTEGER NOT NULL,
    translations TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX menu_option_groups_store ON menu_option_groups(store_id);

CREATE TABLE menu_options (
    id {{ID}},
    group_id {{BIGINT}} NOT NULL REFERENCES menu_option_groups(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    price_delta {{BIGINT}} NOT NULL,
    translations TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX menu_options_group ON menu_options(group_id);

CREATE TABLE menu_item_option_groups (
    item_id {{BIGINT}} NOT NULL REFERENCES menu_items(id) ON DELETE CASCADE,
    group_id {{BIGINT}} NOT NULL REFERENCES menu_option_groups(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (item_id, group_id)
);
CREATE INDEX menu_item_option_groups_group ON menu_item_option_groups(group_id);
