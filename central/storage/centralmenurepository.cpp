#include "centralmenurepository.h"

#include "database.h"

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


const QString itemColumns = u"id, store_id, category_id, name, description, price, image_url, display_order"_s;

CentralItem readItem(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(),
            q.value(4).toString(),   q.value(5).toLongLong(), q.value(6).toString(),   q.value(7).toInt()};
}

} // namespace

Result<QList<MenuCategory>> CentralMenuRepository::categories(qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, name, display_order FROM menu_categories WHERE store_id = ? "
                                      "ORDER BY display_order, id"_s);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "list categories"); !ok)
        return fail(ok.error());
    QList<MenuCategory> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt()});
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
    return out;
}

Result<std::optional<MenuCategory>> CentralMenuRepository::category(qint64 storeId, qint64 id)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, name, display_order FROM menu_categories WHERE store_id = ? AND id = ?"_s);
    q.addBindValue(storeId);
    q.addBindValue(id);
    if (auto ok = db::exec(q, "read category"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<MenuCategory>();
    return std::optional(MenuCategory{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt()});
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
    return std::optional(readItem(q));
}

Result<qint64> CentralMenuRepository::insertCategory(qint64 storeId, const MenuCategory &c)
{
    return db::insertReturningId(m_db, u"INSERT INTO menu_categories (store_id, name, display_order) VALUES (?, ?, ?)"_s,
                       {storeId, c.name, c.displayOrder}, "insert category");
}

Status CentralMenuRepository::updateCategory(qint64 storeId, const MenuCategory &c)
{
    return run(m_db, u"UPDATE menu_categories SET name = ?, display_order = ? WHERE store_id = ? AND id = ?"_s,
               {c.name, c.displayOrder, storeId, c.id}, "update category");
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
    return db::insertReturningId(m_db,
                       u"INSERT INTO menu_items (store_id, category_id, name, description, price, image_url, "
                       "display_order) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                       {i.storeId, i.categoryId, i.name, db::text(i.description), i.price, db::text(i.imageUrl),
                        i.displayOrder},
                       "insert item");
}

Status CentralMenuRepository::updateItem(const CentralItem &i)
{
    return run(m_db,
               u"UPDATE menu_items SET category_id = ?, name = ?, description = ?, price = ?, image_url = ?, "
               "display_order = ? WHERE store_id = ? AND id = ?"_s,
               {i.categoryId, i.name, db::text(i.description), i.price, db::text(i.imageUrl), i.displayOrder,
                i.storeId, i.id},
               "update item");
}

Status CentralMenuRepository::deleteItem(qint64 storeId, qint64 id)
{
    return run(m_db, u"DELETE FROM menu_items WHERE store_id = ? AND id = ?"_s, {storeId, id}, "delete item");
}

Status CentralMenuRepository::replaceWorkingMenu(qint64 storeId, const QList<MenuCategory> &categories,
                                                const QList<CentralItem> &items)
{
    // Ids come from the store's own earlier version: sequences never hand them out again.
    if (auto ok = run(m_db, u"DELETE FROM menu_items WHERE store_id = ?"_s, {storeId}, "clear items"); !ok)
        return ok;
    if (auto ok = run(m_db, u"DELETE FROM menu_categories WHERE store_id = ?"_s, {storeId}, "clear categories"); !ok)
        return ok;
    QSqlQuery category = db::prepared(m_db, u"INSERT INTO menu_categories (id, store_id, name, display_order) "
                                             "VALUES (?, ?, ?, ?)"_s);
    for (const MenuCategory &c : categories) {
        for (const QVariant &v : QVariantList{c.id, storeId, c.name, c.displayOrder})
            category.addBindValue(v);
        if (auto ok = db::exec(category, "restore category"); !ok)
            return ok;
    }
    QSqlQuery item = db::prepared(m_db, u"INSERT INTO menu_items (id, store_id, category_id, name, description, "
                                         "price, image_url, display_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const CentralItem &i : items) {
        for (const QVariant &v : QVariantList{i.id, storeId, i.categoryId, i.name, db::text(i.description), i.price,
                                              db::text(i.imageUrl), i.displayOrder})
            item.addBindValue(v);
        if (auto ok = db::exec(item, "restore item"); !ok)
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
