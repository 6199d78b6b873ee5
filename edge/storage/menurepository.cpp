#include "menurepository.h"

#include "database.h"
#include "json.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

const QString itemColumns =
        u"id, category_id, name, description, price, image_path, available, display_order, "
        "translations, available_hours, allergens, tags, stock"_s;

const QString categoryColumns = u"id, name, display_order, station, translations, available_hours"_s;

// The JSON columns are written by this class from the checked model, so reading them back
// cannot fail on input; a column damaged by hand reads as empty rather than failing the menu.
QJsonValue column(const QVariant &value)
{
    const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8());
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

menu::Translations translations(const QVariant &value)
{
    return menu::translationsFromJson(column(value), {}).value_or(menu::Translations());
}

menu::Hours hours(const QVariant &value)
{
    return menu::hoursFromJson(column(value), {}).value_or(menu::Hours());
}

QString text(const menu::Translations &t)
{
    return QString::fromUtf8(json::compact(menu::toJson(t)));
}

QString text(const menu::Hours &h)
{
    return QString::fromUtf8(json::compact(menu::toJson(h)));
}

QString text(const QStringList &codes)
{
    return QString::fromUtf8(json::compact(QJsonArray::fromStringList(codes)));
}

QVariant stockValue(const std::optional<qint64> &stock)
{
    return stock ? QVariant(*stock) : QVariant(QMetaType::fromType<qint64>());
}

MenuCategory readCategory(const QSqlQuery &q)
{
    MenuCategory c{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString()};
    c.translations = translations(q.value(4));
    c.hours = hours(q.value(5));
    return c;
}

QString stationOrDefault(const QString &station)
{
    return station.isEmpty() ? MenuRepository::defaultStation() : station;
}

MenuItem readItem(const QSqlQuery &q)
{
    MenuItem item{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                  q.value(3).toString(),   q.value(4).toLongLong(), q.value(5).toString(),
                  q.value(6).toBool(),     q.value(7).toInt()};
    item.translations = translations(q.value(8));
    item.hours = hours(q.value(9));
    item.allergens = menu::allergensFromJson(column(q.value(10)), {}).value_or(QStringList());
    item.tags = menu::tagsFromJson(column(q.value(11)), {}).value_or(QStringList());
    if (!q.value(12).isNull())
        item.stock = q.value(12).toLongLong();
    return item;
}

Result<int> count(QSqlDatabase &db, const QString &sql, const QVariant &bind = {})
{
    QSqlQuery q = db::prepared(db, sql);
    if (bind.isValid())
        q.addBindValue(bind);
    if (auto ok = db::exec(q, "count"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toInt() : 0;
}

Status execBound(QSqlDatabase &db, const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery q = db::prepared(db, sql);
    for (const QVariant &value : values)
        q.addBindValue(value);
    return db::exec(q, what);
}

} // namespace

Result<QList<MenuCategory>> MenuRepository::categories()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + categoryColumns
                                              + u" FROM menu_categories ORDER BY display_order, id"_s);
    if (auto ok = db::exec(q, "list categories"); !ok)
        return fail(ok.error());
    QList<MenuCategory> out;
    while (q.next())
        out.append(readCategory(q));
    return out;
}

Status MenuRepository::loadGroupIds(QList<MenuItem> &items)
{
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < items.size(); ++i)
        index.insert(items[i].id, i);
    QSqlQuery q = db::prepared(m_db, u"SELECT item_id, group_id FROM menu_item_option_groups "
                                      "ORDER BY item_id, position"_s);
    if (auto ok = db::exec(q, "list item option groups"); !ok)
        return ok;
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toLongLong());
        if (it != index.cend())
            items[*it].optionGroupIds.append(q.value(1).toLongLong());
    }
    return {};
}

Result<QList<MenuItem>> MenuRepository::items()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + itemColumns
                                              + u" FROM menu_items ORDER BY display_order, id"_s);
    if (auto ok = db::exec(q, "list items"); !ok)
        return fail(ok.error());
    QList<MenuItem> out;
    while (q.next())
        out.append(readItem(q));
    if (auto ok = loadGroupIds(out); !ok)
        return fail(ok.error());
    return out;
}

Result<std::optional<MenuCategory>> MenuRepository::category(qint64 id)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + categoryColumns + u" FROM menu_categories WHERE id = ?"_s);
    q.addBindValue(id);
    if (auto ok = db::exec(q, "read category"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<MenuCategory>();
    return std::optional(readCategory(q));
}

Result<std::optional<MenuItem>> MenuRepository::item(qint64 id)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + itemColumns + u" FROM menu_items WHERE id = ?"_s);
    q.addBindValue(id);
    if (auto ok = db::exec(q, "read item"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<MenuItem>();
    MenuItem item = readItem(q);
    QSqlQuery links = db::prepared(m_db, u"SELECT group_id FROM menu_item_option_groups WHERE item_id = ? "
                                          "ORDER BY position"_s);
    links.addBindValue(id);
    if (auto ok = db::exec(links, "read item option groups"); !ok)
        return fail(ok.error());
    while (links.next())
        item.optionGroupIds.append(links.value(0).toLongLong());
    return std::optional(item);
}

Result<int> MenuRepository::categoryCount()
{
    return count(m_db, u"SELECT COUNT(*) FROM menu_categories"_s);
}

Result<int> MenuRepository::itemCount()
{
    return count(m_db, u"SELECT COUNT(*) FROM menu_items"_s);
}

Result<int> MenuRepository::itemCountInCategory(qint64 categoryId)
{
    return count(m_db, u"SELECT COUNT(*) FROM menu_items WHERE category_id = ?"_s, categoryId);
}

Result<qint64> MenuRepository::insertCategory(const MenuCategory &category)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO menu_categories (name, display_order, station, translations, "
                                      "available_hours) VALUES (?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : QVariantList{category.name, category.displayOrder, stationOrDefault(category.station),
                                          text(category.translations), text(category.hours)})
        q.addBindValue(v);
    if (auto ok = db::exec(q, "insert category"); !ok)
        return fail(ok.error());
    return q.lastInsertId().toLongLong();
}

Status MenuRepository::updateCategory(const MenuCategory &category)
{
    return execBound(m_db, u"UPDATE menu_categories SET name = ?, display_order = ?, station = ?, translations = ?, "
                           "available_hours = ? WHERE id = ?"_s,
                     {category.name, category.displayOrder, stationOrDefault(category.station),
                      text(category.translations), text(category.hours), category.id},
                     "update category");
}

Status MenuRepository::deleteCategory(qint64 id)
{
    return execBound(m_db, u"DELETE FROM menu_categories WHERE id = ?"_s, {id}, "delete category");
}

Status MenuRepository::setCategoryOrder(qint64 id, int displayOrder)
{
    return execBound(m_db, u"UPDATE menu_categories SET display_order = ? WHERE id = ?"_s, {displayOrder, id},
                     "set category order");
}

Status MenuRepository::setItemOrder(qint64 id, int displayOrder)
{
    return execBound(m_db, u"UPDATE menu_items SET display_order = ? WHERE id = ?"_s, {displayOrder, id},
                     "set item order");
}

Status MenuRepository::setItemGroups(qint64 itemId, const QList<qint64> &groupIds)
{
    if (auto ok = execBound(m_db, u"DELETE FROM menu_item_option_groups WHERE item_id = ?"_s, {itemId},
                            "clear item option groups");
        !ok)
        return ok;
    for (qsizetype i = 0; i < groupIds.size(); ++i) {
        if (auto ok = execBound(m_db, u"INSERT INTO menu_item_option_groups (item_id, group_id, position) "
                                      "VALUES (?, ?, ?)"_s,
                                {itemId, groupIds.at(i), int(i)}, "link item option group");
            !ok)
            return ok;
    }
    return {};
}

Result<qint64> MenuRepository::insertItem(const MenuItem &item)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO menu_items (category_id, name, description, price, "
                                      "image_path, available, display_order, translations, available_hours, "
                                      "allergens, tags, stock) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : QVariantList{item.categoryId, item.name, db::text(item.description), item.price,
                                          db::text(item.imagePath), item.available, item.displayOrder,
                                          text(item.translations), text(item.hours), text(item.allergens),
                                          text(item.tags), stockValue(item.stock)})
        q.addBindValue(v);
    if (auto ok = db::exec(q, "insert item"); !ok)
        return fail(ok.error());
    const qint64 id = q.lastInsertId().toLongLong();
    if (auto ok = setItemGroups(id, item.optionGroupIds); !ok)
        return fail(ok.error());
    return id;
}

Status MenuRepository::updateItem(const MenuItem &item)
{
    if (auto ok = execBound(m_db,
                            u"UPDATE menu_items SET category_id = ?, name = ?, description = ?, price = ?, "
                            "available = ?, display_order = ?, translations = ?, available_hours = ?, "
                            "allergens = ?, tags = ?, stock = ? WHERE id = ?"_s,
                            {item.categoryId, item.name, db::text(item.description), item.price, item.available,
                             item.displayOrder, text(item.translations), text(item.hours), text(item.allergens),
                             text(item.tags), stockValue(item.stock), item.id},
                            "update item");
        !ok)
        return ok;
    return setItemGroups(item.id, item.optionGroupIds);
}

Status MenuRepository::deleteItem(qint64 id)
{
    if (auto ok = execBound(m_db, u"DELETE FROM menu_item_option_groups WHERE item_id = ?"_s, {id},
                            "unlink item option groups");
        !ok)
        return ok;
    return execBound(m_db, u"DELETE FROM menu_items WHERE id = ?"_s, {id}, "delete item");
}

Status MenuRepository::setAvailable(qint64 id, bool available)
{
    return execBound(m_db, u"UPDATE menu_items SET available = ? WHERE id = ?"_s, {available, id},
                     "set availability");
}

Status MenuRepository::setImage(qint64 id, const QString &imagePath)
{
    return execBound(m_db, u"UPDATE menu_items SET image_path = ? WHERE id = ?"_s, {imagePath, id},
                     "set image");
}

Status MenuRepository::setStock(qint64 id, std::optional<qint64> stock)
{
    return execBound(m_db, u"UPDATE menu_items SET stock = ? WHERE id = ?"_s, {stockValue(stock), id}, "set stock");
}

Result<bool> MenuRepository::takeStock(qint64 id, qint64 quantity)
{
    // One statement decides and takes: no read-then-write window, and the CHECK on the
    // column refuses a negative count whatever happens above.
    QSqlQuery q = db::prepared(m_db, u"UPDATE menu_items SET stock = stock - ? "
                                      "WHERE id = ? AND stock IS NOT NULL AND stock >= ?"_s);
    q.addBindValue(quantity);
    q.addBindValue(id);
    q.addBindValue(quantity);
    if (auto ok = db::exec(q, "take stock"); !ok)
        return fail(ok.error());
    if (q.numRowsAffected() > 0)
        return true;
    auto left = stock(id);
    if (!left)
        return fail(left.error());
    return !left->has_value();
}

Result<std::optional<qint64>> MenuRepository::stock(qint64 id)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT stock FROM menu_items WHERE id = ?"_s);
    q.addBindValue(id);
    if (auto ok = db::exec(q, "read stock"); !ok)
        return fail(ok.error());
    if (!q.next() || q.value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Result<QList<menu::OptionGroup>> MenuRepository::groups()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, name, min_select, max_select, translations "
                                      "FROM menu_option_groups ORDER BY id"_s);
    if (auto ok = db::exec(q, "list option groups"); !ok)
        return fail(ok.error());
    QList<menu::OptionGroup> out;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        menu::OptionGroup g;
        g.id = q.value(0).toLongLong();
        g.name = q.value(1).toString();
        g.minSelect = q.value(2).toInt();
        g.maxSelect = q.value(3).toInt();
        g.translations = translations(q.value(4));
        index.insert(g.id, out.size());
        out.append(g);
    }
    QSqlQuery o = db::prepared(m_db, u"SELECT id, group_id, name, price_delta, available, translations "
                                      "FROM menu_options ORDER BY group_id, position, id"_s);
    if (auto ok = db::exec(o, "list options"); !ok)
        return fail(ok.error());
    while (o.next()) {
        const auto it = index.constFind(o.value(1).toLongLong());
        if (it == index.cend())
            continue;
        out[*it].options.append({o.value(0).toLongLong(), o.value(2).toString(), o.value(3).toLongLong(),
                                 o.value(4).toBool(), translations(o.value(5))});
    }
    return out;
}

Result<std::optional<menu::OptionGroup>> MenuRepository::group(qint64 id)
{
    // Few groups (at most 200): reading them all keeps one reader.
    auto all = groups();
    if (!all)
        return fail(all.error());
    for (const menu::OptionGroup &g : *all) {
        if (g.id == id)
            return std::optional(g);
    }
    return std::optional<menu::OptionGroup>();
}

Result<int> MenuRepository::groupCount()
{
    return count(m_db, u"SELECT COUNT(*) FROM menu_option_groups"_s);
}

Status MenuRepository::insertOption(qint64 groupId, int position, menu::Option &option)
{
    QSqlQuery q = db::prepared(m_db, option.id > 0
                                             ? u"INSERT INTO menu_options (group_id, name, price_delta, available, "
                                               "position, translations, id) VALUES (?, ?, ?, ?, ?, ?, ?)"_s
                                             : u"INSERT INTO menu_options (group_id, name, price_delta, available, "
                                               "position, translations) VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : QVariantList{groupId, option.name, option.priceDelta, option.available, position,
                                          text(option.translations)})
        q.addBindValue(v);
    if (option.id > 0)
        q.addBindValue(option.id);
    if (auto ok = db::exec(q, "insert option"); !ok)
        return ok;
    option.id = q.lastInsertId().toLongLong();
    return {};
}

Status MenuRepository::insertGroup(menu::OptionGroup &group)
{
    QSqlQuery q = db::prepared(m_db, group.id > 0
                                             ? u"INSERT INTO menu_option_groups (name, min_select, max_select, "
                                               "translations, id) VALUES (?, ?, ?, ?, ?)"_s
                                             : u"INSERT INTO menu_option_groups (name, min_select, max_select, "
                                               "translations) VALUES (?, ?, ?, ?)"_s);
    for (const QVariant &v : QVariantList{group.name, group.minSelect, group.maxSelect, text(group.translations)})
        q.addBindValue(v);
    if (group.id > 0)
        q.addBindValue(group.id);
    if (auto ok = db::exec(q, "insert option group"); !ok)
        return ok;
    group.id = q.lastInsertId().toLongLong();
    for (qsizetype i = 0; i < group.options.size(); ++i) {
        if (auto ok = insertOption(group.id, int(i), group.options[i]); !ok)
            return ok;
    }
    return {};
}

Status MenuRepository::updateGroup(menu::OptionGroup &group)
{
    if (auto ok = execBound(m_db, u"UPDATE menu_option_groups SET name = ?, min_select = ?, max_select = ?, "
                                  "translations = ? WHERE id = ?"_s,
                            {group.name, group.minSelect, group.maxSelect, text(group.translations), group.id},
                            "update option group");
        !ok)
        return ok;
    QStringList kept;
    for (const menu::Option &option : group.options) {
        if (option.id > 0)
            kept.append(QString::number(option.id)); // integers checked by the caller, not text
    }
    if (auto ok = execBound(m_db, u"DELETE FROM menu_options WHERE group_id = ? AND id NOT IN ("_s
                                          + (kept.isEmpty() ? u"0"_s : kept.join(u',')) + u')',
                            {group.id}, "remove options");
        !ok)
        return ok;
    for (qsizetype i = 0; i < group.options.size(); ++i) {
        menu::Option &option = group.options[i];
        if (option.id == 0) {
            if (auto ok = insertOption(group.id, int(i), option); !ok)
                return ok;
            continue;
        }
        if (auto ok = execBound(m_db, u"UPDATE menu_options SET name = ?, price_delta = ?, available = ?, "
                                      "position = ?, translations = ? WHERE id = ? AND group_id = ?"_s,
                                {option.name, option.priceDelta, option.available, int(i), text(option.translations),
                                 option.id, group.id},
                                "update option");
            !ok)
            return ok;
    }
    return {};
}

Status MenuRepository::deleteGroup(qint64 id)
{
    if (auto ok = execBound(m_db, u"DELETE FROM menu_item_option_groups WHERE group_id = ?"_s, {id},
                            "unlink option group");
        !ok)
        return ok;
    if (auto ok = execBound(m_db, u"DELETE FROM menu_options WHERE group_id = ?"_s, {id}, "delete options"); !ok)
        return ok;
    return execBound(m_db, u"DELETE FROM menu_option_groups WHERE id = ?"_s, {id}, "delete option group");
}

Result<std::optional<qint64>> MenuRepository::groupOfOption(qint64 optionId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT group_id FROM menu_options WHERE id = ?"_s);
    q.addBindValue(optionId);
    if (auto ok = db::exec(q, "read option"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Status MenuRepository::setOptionAvailable(qint64 optionId, bool available)
{
    return execBound(m_db, u"UPDATE menu_options SET available = ? WHERE id = ?"_s, {available, optionId},
                     "set option availability");
}

Result<QList<qint64>> MenuRepository::itemsUsingGroup(qint64 groupId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT item_id FROM menu_item_option_groups WHERE group_id = ? "
                                      "ORDER BY item_id"_s);
    q.addBindValue(groupId);
    if (auto ok = db::exec(q, "items of option group"); !ok)
        return fail(ok.error());
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

Status MenuRepository::replaceAll(const QList<MenuCategory> &categories, const QList<MenuItem> &items,
                                  const QList<menu::OptionGroup> &groups)
{
    // Stations are the store's own setting: a category HQ sends without one keeps its station.
    auto before = this->categories();
    if (!before)
        return fail(before.error());
    QHash<qint64, QString> stations;
    for (const MenuCategory &c : *before)
        stations.insert(c.id, c.station);
    for (const QString &table : {u"menu_item_option_groups"_s, u"menu_options"_s, u"menu_option_groups"_s,
                                 u"menu_items"_s, u"menu_categories"_s}) {
        if (auto ok = execBound(m_db, u"DELETE FROM "_s + table, {}, "clear menu"); !ok)
            return ok;
    }
    for (MenuCategory c : categories) {
        c.station = c.station.isEmpty() ? stationOrDefault(stations.value(c.id)) : c.station;
        if (auto ok = execBound(m_db, u"INSERT INTO menu_categories (id, name, display_order, station, "
                                      "translations, available_hours) VALUES (?, ?, ?, ?, ?, ?)"_s,
                                {c.id, c.name, c.displayOrder, c.station, text(c.translations), text(c.hours)},
                                "insert category");
            !ok)
            return ok;
    }
    for (menu::OptionGroup g : groups) {
        if (auto ok = insertGroup(g); !ok)
            return ok;
    }
    for (const MenuItem &i : items) {
        if (auto ok = execBound(m_db,
                                u"INSERT INTO menu_items (id, category_id, name, description, price, image_path, "
                                "available, display_order, translations, available_hours, allergens, tags, stock) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                                {i.id, i.categoryId, i.name, db::text(i.description), i.price,
                                 db::text(i.imagePath), i.available, i.displayOrder, text(i.translations),
                                 text(i.hours), text(i.allergens), text(i.tags), stockValue(i.stock)},
                                "insert item");
            !ok)
            return ok;
        if (auto ok = setItemGroups(i.id, i.optionGroupIds); !ok)
            return ok;
    }
    return {};
}

} // namespace tableorder::edge
