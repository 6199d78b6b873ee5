#include "centralmenurepository.h"

#include "database.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {

Status run(QSqlDatabase &db, const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery q = db::prepared(db, sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return db::exec(q, what);
}


// Translations, hours, allergens and tags are kept as the common model's JSON; it wrote
// them, so they read back (anything else reads as empty rather than failing a menu).
QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}
QJsonValue parsed(const QVariant &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toString().toUtf8());
    return doc.isArray() ? QJsonValue(doc.array()) : doc.isObject() ? QJsonValue(doc.object()) : QJsonValue();
}
menu::Translations translationsOf(const QVariant &text, bool withDescription = true)
{
    return menu::translationsFromJson(parsed(text), u"translations"_s, withDescription).value_or(menu::Translations());
}
menu::Hours hoursOf(const QVariant &text)
{
    return menu::hoursFromJson(parsed(text), u"available_hours"_s).value_or(menu::Hours());
}
QStringList stringsOf(const QVariant &text)
{
    QStringList out;
    for (const QJsonValue &v : parsed(text).toArray())
        out.append(v.toString());
    return out;
}

const QString categoryColumns = u"id, name, display_order, translations, available_hours"_s;

MenuCategory readCategory(const QSqlQuery &q)
{
    MenuCategory c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.displayOrder = q.value(2).toInt();
    c.translations = translationsOf(q.value(3));
    c.hours = hoursOf(q.value(4));
    return c;
}

const QString itemColumns = u"id, store_id, category_id, name, description, price, image_url, display_order, "
                            "allergens, tags, translations, available_hours"_s;

CentralItem readItem(const QSqlQuery &q)
{
    CentralItem i{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(),
                  q.value(4).toString(),   q.value(5).toLongLong(), q.value(6).toString(),   q.value(7).toInt()};
    i.allergens = stringsOf(q.value(8));
    i.tags = stringsOf(q.value(9));
    i.translations = translationsOf(q.value(10));
    i.hours = hoursOf(q.value(11));
    return i;
}

Result<QHash<qint64, QList<qint64>>> itemGroups(QSqlDatabase &db, qint64 storeId, qint64 itemId)
{
    QSqlQuery q = db::prepared(db, u"SELECT l.item_id, l.group_id FROM menu_item_option_groups l "
                                   "JOIN menu_items i ON i.id = l.item_id WHERE i.store_id = ? AND (? = 0 OR i.id = ?) "
                                   "ORDER BY l.item_id, l.position"_s);
    for (const QVariant &v : QVariantList{storeId, itemId, itemId})
        q.addBindValue(v);
    if (auto ok = db::exec(q, "item option groups"); !ok)
        return fail(ok.error());
    QHash<qint64, QList<qint64>> out;
    while (q.next())
        out[q.value(0).toLongLong()].append(q.value(1).toLongLong());
    return out;
}

QVariantList itemValues(const CentralItem &i)
{
    return {i.categoryId, i.name, db::text(i.description), i.price, db::text(i.imageUrl), i.displayOrder,
            jsonText(QJsonArray::fromStringList(i.allergens)), jsonText(QJsonArray::fromStringList(i.tags)),
            jsonText(menu::toJson(i.translations)), jsonText(menu::toJson(i.hours))};
}

Status insertOptions(QSqlDatabase &db, qint64 groupId, menu::OptionGroup &group, bool keepIds)
{
    for (qsizetype k = 0; k < group.options.size(); ++k) {
        menu::Option &o = group.options[k];
        if (keepIds) {
            if (auto ok = run(db, u"INSERT INTO menu_options (id, group_id, position, name, price_delta, translations) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"_s,
                              {o.id, groupId, int(k), o.name, o.priceDelta, jsonText(menu::toJson(o.translations))},
                              "restore option");
                !ok)
                return ok;
            continue;
        }
        auto id = db::insertReturningId(db, u"INSERT INTO menu_options (group_id, position, name, price_delta, translations) "
                                            "VALUES (?, ?, ?, ?, ?)"_s,
                                        {groupId, int(k), o.name, o.priceDelta, jsonText(menu::toJson(o.translations))},
                                        "insert option");
        if (!id)
            return fail(id.error());
        o.id = *id;
    }
    return {};
}

} // namespace

menu::Item toMenuItem(const CentralItem &c)
{
    menu::Item item;
    item.id = c.id;
    item.categoryId = c.categoryId;
    item.name = c.name;
    item.description = c.description;
    item.price = c.price;
    item.imagePath = c.imageUrl;
    item.displayOrder = c.displayOrder;
    item.optionGroupIds = c.optionGroupIds;
    item.allergens = c.allergens;
    item.tags = c.tags;
    item.translations = c.translations;
    item.hours = c.hours;
    return item;
}

Result<QList<MenuCategory>> CentralMenuRepository::categories(qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + categoryColumns + u" FROM menu_categories WHERE store_id = ? "
                                                                      "ORDER BY display_order, id"_s);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "list categories"); !ok)
        return fail(ok.error());
    QList<MenuCategory> out;
    while (q.next())
        out.append(readCategory(q));
    return out;
}

Result<QList<CentralItem>> CentralMenuRepository::items(qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + itemColumns + u" FROM menu_items WHERE store_id = ? "
                                                                  "ORDER BY display_order, id"_s);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "list items"); !ok)
        return fail(ok.error());
    QList<CentralItem> out;
    while (q.next())
        out.append(readItem(q));
    auto groups = itemGroups(m_db, storeId, 0);
    if (!groups)
        return fail(groups.error());
    for (CentralItem &i : out)
        i.optionGroupIds = groups->value(i.id);
    return out;
}

Result<std::optional<MenuCategory>> CentralMenuRepository::category(qint64 storeId, qint64 id)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + categoryColumns
                                          + u" FROM menu_categories WHERE store_id = ? AND id = ?"_s);
    q.addBindValue(storeId);
    q.addBindValue(id);
    if (auto ok = db::exec(q, "read category"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<MenuCategory>();
    return std::optional(readCategory(q));
}

Result<std::optional<CentralItem>> CentralMenuRepository::item(qint64 storeId, qint64 id)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + itemColumns + u" FROM menu_items WHERE store_id = ? AND id = ?"_s);
    q.addBindValue(storeId);
    q.addBindValue(id);
    if (auto ok = db::exec(q, "read item"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<CentralItem>();
    CentralItem item = readItem(q);
    auto groups = itemGroups(m_db, storeId, id);
    if (!groups)
        return fail(groups.error());
    item.optionGroupIds = groups->value(id);
    return std::optional(item);
}

Result<qint64> CentralMenuRepository::insertCategory(qint64 storeId, const MenuCategory &c)
{
    return db::insertReturningId(m_db,
                                 u"INSERT INTO menu_categories (store_id, name, display_order, translations, "
                                 "available_hours) VALUES (?, ?, ?, ?, ?)"_s,
                                 {storeId, c.name, c.displayOrder, jsonText(menu::toJson(c.translations)),
                                  jsonText(menu::toJson(c.hours))},
                                 "insert category");
}

Status CentralMenuRepository::updateCategory(qint64 storeId, const MenuCategory &c)
{
    return run(m_db,
               u"UPDATE menu_categories SET name = ?, display_order = ?, translations = ?, available_hours = ? "
               "WHERE store_id = ? AND id = ?"_s,
               {c.name, c.displayOrder, jsonText(menu::toJson(c.translations)), jsonText(menu::toJson(c.hours)),
                storeId, c.id},
               "update category");
}

Status CentralMenuRepository::deleteCategory(qint64 storeId, qint64 id)
{
    return run(m_db, u"DELETE FROM menu_categories WHERE store_id = ? AND id = ?"_s, {storeId, id}, "delete category");
}

Result<int> CentralMenuRepository::itemCountInCategory(qint64 storeId, qint64 categoryId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT COUNT(*) FROM menu_items WHERE store_id = ? AND category_id = ?"_s);
    q.addBindValue(storeId);
    q.addBindValue(categoryId);
    if (auto ok = db::exec(q, "count items"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<qint64> CentralMenuRepository::insertItem(const CentralItem &i)
{
    auto id = db::insertReturningId(m_db,
                                    u"INSERT INTO menu_items (store_id, category_id, name, description, price, image_url, "
                                    "display_order, allergens, tags, translations, available_hours) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                                    QVariantList{i.storeId} + itemValues(i), "insert item");
    if (!id)
        return id;
    if (auto ok = setItemGroups(*id, i.optionGroupIds); !ok)
        return fail(ok.error());
    return id;
}

Status CentralMenuRepository::updateItem(const CentralItem &i)
{
    if (auto ok = run(m_db,
                      u"UPDATE menu_items SET category_id = ?, name = ?, description = ?, price = ?, image_url = ?, "
                      "display_order = ?, allergens = ?, tags = ?, translations = ?, available_hours = ? "
                      "WHERE store_id = ? AND id = ?"_s,
                      itemValues(i) + QVariantList{i.storeId, i.id}, "update item");
        !ok)
        return ok;
    return setItemGroups(i.id, i.optionGroupIds);
}

Status CentralMenuRepository::deleteItem(qint64 storeId, qint64 id)
{
    if (auto ok = run(m_db, u"DELETE FROM menu_item_option_groups WHERE item_id IN "
                            "(SELECT id FROM menu_items WHERE store_id = ? AND id = ?)"_s,
                      {storeId, id}, "delete item groups");
        !ok)
        return ok;
    return run(m_db, u"DELETE FROM menu_items WHERE store_id = ? AND id = ?"_s, {storeId, id}, "delete item");
}

Status CentralMenuRepository::setItemGroups(qint64 itemId, const QList<qint64> &groupIds)
{
    if (auto ok = run(m_db, u"DELETE FROM menu_item_option_groups WHERE item_id = ?"_s, {itemId}, "clear item groups");
        !ok)
        return ok;
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO menu_item_option_groups (item_id, group_id, position) VALUES (?, ?, ?)"_s);
    for (qsizetype k = 0; k < groupIds.size(); ++k) {
        for (const QVariant &v : QVariantList{itemId, groupIds.at(k), int(k)})
            q.addBindValue(v);
        if (auto ok = db::exec(q, "link item group"); !ok)
            return ok;
    }
    return {};
}

Result<QList<menu::OptionGroup>> CentralMenuRepository::optionGroups(qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, name, min_select, max_select, translations FROM menu_option_groups "
                                      "WHERE store_id = ? ORDER BY id"_s);
    q.addBindValue(storeId);
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
        g.translations = translationsOf(q.value(4), false);
        index.insert(g.id, out.size());
        out.append(g);
    }
    QSqlQuery o = db::prepared(m_db, u"SELECT o.group_id, o.id, o.name, o.price_delta, o.translations FROM menu_options o "
                                      "JOIN menu_option_groups g ON g.id = o.group_id WHERE g.store_id = ? "
                                      "ORDER BY o.group_id, o.position, o.id"_s);
    o.addBindValue(storeId);
    if (auto ok = db::exec(o, "list options"); !ok)
        return fail(ok.error());
    while (o.next()) {
        const auto it = index.constFind(o.value(0).toLongLong());
        if (it == index.cend())
            continue;
        menu::Option option;
        option.id = o.value(1).toLongLong();
        option.name = o.value(2).toString();
        option.priceDelta = o.value(3).toLongLong();
        option.translations = translationsOf(o.value(4), false);
        out[*it].options.append(option);
    }
    return out;
}

Result<std::optional<menu::OptionGroup>> CentralMenuRepository::optionGroup(qint64 storeId, qint64 id)
{
    auto groups = optionGroups(storeId);
    if (!groups)
        return fail(groups.error());
    for (const menu::OptionGroup &g : std::as_const(*groups)) {
        if (g.id == id)
            return std::optional(g);
    }
    return std::optional<menu::OptionGroup>();
}

Result<int> CentralMenuRepository::optionGroupCount(qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT COUNT(*) FROM menu_option_groups WHERE store_id = ?"_s);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "count option groups"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<menu::OptionGroup> CentralMenuRepository::insertOptionGroup(qint64 storeId, const menu::OptionGroup &group)
{
    menu::OptionGroup out = group;
    auto id = db::insertReturningId(m_db,
                                    u"INSERT INTO menu_option_groups (store_id, name, min_select, max_select, translations) "
                                    "VALUES (?, ?, ?, ?, ?)"_s,
                                    {storeId, group.name, group.minSelect, group.maxSelect,
                                     jsonText(menu::toJson(group.translations))},
                                    "insert option group");
    if (!id)
        return fail(id.error());
    out.id = *id;
    if (auto ok = insertOptions(m_db, out.id, out, false); !ok)
        return fail(ok.error());
    return out;
}

Result<menu::OptionGroup> CentralMenuRepository::updateOptionGroup(qint64 storeId, const menu::OptionGroup &group)
{
    if (auto ok = run(m_db,
                      u"UPDATE menu_option_groups SET name = ?, min_select = ?, max_select = ?, translations = ? "
                      "WHERE store_id = ? AND id = ?"_s,
                      {group.name, group.minSelect, group.maxSelect, jsonText(menu::toJson(group.translations)),
                       storeId, group.id},
                      "update option group");
        !ok)
        return fail(ok.error());
    // Kept options keep their ids (orders and reports name them); the rest go.
    QStringList kept;
    for (const menu::Option &o : group.options) {
        if (o.id)
            kept.append(QString::number(o.id));
    }
    if (auto ok = run(m_db, u"DELETE FROM menu_options WHERE group_id = ?"_s
                                + (kept.isEmpty() ? QString() : u" AND id NOT IN (%1)"_s.arg(kept.join(u','))),
                      {group.id}, "remove options");
        !ok)
        return fail(ok.error());
    menu::OptionGroup out = group;
    for (qsizetype k = 0; k < out.options.size(); ++k) {
        menu::Option &o = out.options[k];
        if (o.id) {
            if (auto ok = run(m_db, u"UPDATE menu_options SET position = ?, name = ?, price_delta = ?, translations = ? "
                                    "WHERE group_id = ? AND id = ?"_s,
                              {int(k), o.name, o.priceDelta, jsonText(menu::toJson(o.translations)), group.id, o.id},
                              "update option");
                !ok)
                return fail(ok.error());
            continue;
        }
        auto id = db::insertReturningId(m_db, u"INSERT INTO menu_options (group_id, position, name, price_delta, translations) "
                                              "VALUES (?, ?, ?, ?, ?)"_s,
                                        {group.id, int(k), o.name, o.priceDelta, jsonText(menu::toJson(o.translations))},
                                        "insert option");
        if (!id)
            return fail(id.error());
        o.id = *id;
    }
    return out;
}

Status CentralMenuRepository::deleteOptionGroup(qint64 storeId, qint64 id)
{
    if (auto ok = run(m_db, u"DELETE FROM menu_item_option_groups WHERE group_id IN "
                            "(SELECT id FROM menu_option_groups WHERE store_id = ? AND id = ?)"_s,
                      {storeId, id}, "detach option group");
        !ok)
        return ok;
    if (auto ok = run(m_db, u"DELETE FROM menu_options WHERE group_id IN "
                            "(SELECT id FROM menu_option_groups WHERE store_id = ? AND id = ?)"_s,
                      {storeId, id}, "delete options");
        !ok)
        return ok;
    return run(m_db, u"DELETE FROM menu_option_groups WHERE store_id = ? AND id = ?"_s, {storeId, id},
               "delete option group");
}

Status CentralMenuRepository::replaceWorkingMenu(qint64 storeId, const QList<MenuCategory> &categories,
                                                const QList<CentralItem> &items,
                                                const QList<menu::OptionGroup> &groups)
{
    // Ids come from the store's own earlier version: sequences never hand them out again.
    for (const auto &[sql, what] :
         {std::pair{u"DELETE FROM menu_item_option_groups WHERE item_id IN (SELECT id FROM menu_items WHERE store_id = ?)"_s,
                    "clear item groups"},
          std::pair{u"DELETE FROM menu_options WHERE group_id IN (SELECT id FROM menu_option_groups WHERE store_id = ?)"_s,
                    "clear options"},
          std::pair{u"DELETE FROM menu_option_groups WHERE store_id = ?"_s, "clear option groups"},
          std::pair{u"DELETE FROM menu_items WHERE store_id = ?"_s, "clear items"},
          std::pair{u"DELETE FROM menu_categories WHERE store_id = ?"_s, "clear categories"}}) {
        if (auto ok = run(m_db, sql, {storeId}, what); !ok)
            return ok;
    }
    QSqlQuery category = db::prepared(m_db, u"INSERT INTO menu_categories (id, store_id, name, display_order, "
                                             "translations, available_hours) VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (const MenuCategory &c : categories) {
        for (const QVariant &v : QVariantList{c.id, storeId, c.name, c.displayOrder, jsonText(menu::toJson(c.translations)),
                                              jsonText(menu::toJson(c.hours))})
            category.addBindValue(v);
        if (auto ok = db::exec(category, "restore category"); !ok)
            return ok;
    }
    for (const menu::OptionGroup &g : groups) {
        if (auto ok = run(m_db, u"INSERT INTO menu_option_groups (id, store_id, name, min_select, max_select, translations) "
                                "VALUES (?, ?, ?, ?, ?, ?)"_s,
                          {g.id, storeId, g.name, g.minSelect, g.maxSelect, jsonText(menu::toJson(g.translations))},
                          "restore option group");
            !ok)
            return ok;
        menu::OptionGroup copy = g;
        if (auto ok = insertOptions(m_db, g.id, copy, true); !ok)
            return ok;
    }
    QSqlQuery item = db::prepared(m_db, u"INSERT INTO menu_items (id, store_id, category_id, name, description, "
                                         "price, image_url, display_order, allergens, tags, translations, available_hours) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const CentralItem &i : items) {
        for (const QVariant &v : QVariantList{i.id, storeId} + itemValues(i))
            item.addBindValue(v);
        if (auto ok = db::exec(item, "restore item"); !ok)
            return ok;
        if (auto ok = setItemGroups(i.id, i.optionGroupIds); !ok)
            return ok;
    }
    return {};
}

Result<qint64> CentralMenuRepository::insertVersion(qint64 storeId, const QByteArray &menuJson,
                                                    const QDateTime &publishAt, const QDateTime &now,
                                                    const QString &note)
{
    // Two instances publishing one store's menu at once: the store's row lock (taken by this
    // no-op update, on PostgreSQL and SQLite alike) queues the second transaction until the
    // first commits, and its MAX(version) is read after that (READ COMMITTED reads each
    // statement afresh), so no two publishes number the same version.
    if (auto ok = run(m_db, u"UPDATE stores SET menu_version = menu_version WHERE id = ?"_s, {storeId}, "lock store");
        !ok)
        return fail(ok.error());
    QSqlQuery next = db::prepared(m_db, u"SELECT COALESCE(MAX(version), 0) + 1 FROM menu_versions WHERE store_id = ?"_s);
    next.addBindValue(storeId);
    if (auto ok = db::exec(next, "next menu version"); !ok)
        return fail(ok.error());
    const qint64 version = next.next() ? next.value(0).toLongLong() : 1;
    const bool now_ = publishAt <= now;
    if (auto ok = run(m_db,
                      u"INSERT INTO menu_versions (store_id, version, menu_json, created_at, publish_at, published_at, note) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                      {storeId, version, QString::fromUtf8(menuJson), timestampText(now), timestampText(publishAt),
                       now_ ? QVariant(timestampText(now)) : QVariant(QMetaType::fromType<QString>()), db::text(note)},
                      "insert menu version");
        !ok)
        return fail(ok.error());
    if (now_) {
        if (auto ok = run(m_db, u"UPDATE stores SET menu_version = ? WHERE id = ?"_s, {version, storeId}, "publish");
            !ok)
            return fail(ok.error());
    }
    return version;
}

Result<QList<MenuVersion>> CentralMenuRepository::versions(qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT store_id, version, created_at, publish_at, published_at, note "
                                      "FROM menu_versions WHERE store_id = ? ORDER BY version DESC"_s);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "menu versions"); !ok)
        return fail(ok.error());
    QList<MenuVersion> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toString()});
    return out;
}

Result<std::optional<QByteArray>> CentralMenuRepository::versionJson(qint64 storeId, qint64 version)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT menu_json FROM menu_versions WHERE store_id = ? AND version = ?"_s);
    q.addBindValue(storeId);
    q.addBindValue(version);
    if (auto ok = db::exec(q, "menu version"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<QByteArray>();
    return std::optional(q.value(0).toString().toUtf8());
}

Result<QList<std::pair<qint64, qint64>>> CentralMenuRepository::publishDue(const QDateTime &now)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT store_id, version FROM menu_versions WHERE published_at IS NULL "
                                      "AND publish_at <= ? ORDER BY store_id, version"_s);
    q.addBindValue(timestampText(now));
    if (auto ok = db::exec(q, "due menu versions"); !ok)
        return fail(ok.error());
    QList<std::pair<qint64, qint64>> due;
    while (q.next())
        due.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    for (const auto &[store, version] : due) {
        if (auto ok = run(m_db, u"UPDATE menu_versions SET published_at = ? WHERE store_id = ? AND version = ?"_s,
                          {timestampText(now), store, version}, "publish due");
            !ok)
            return fail(ok.error());
        if (auto ok = run(m_db, u"UPDATE stores SET menu_version = ? WHERE id = ? AND menu_version < ?"_s,
                          {version, store, version}, "publish due");
            !ok)
            return fail(ok.error());
    }
    return due;
}

Result<std::pair<qint64, QByteArray>> CentralMenuRepository::published(qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT v.version, v.menu_json FROM menu_versions v JOIN stores s "
                                      "ON s.id = v.store_id AND s.menu_version = v.version WHERE v.store_id = ?"_s);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "published menu"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::pair<qint64, QByteArray>{0, {}};
    return std::pair{q.value(0).toLongLong(), q.value(1).toString().toUtf8()};
}

} // namespace tableorder::central
