#include "menurepository.h"

#include "database.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

const QString itemColumns =
        u"id, category_id, name, description, price, image_path, available, display_order"_s;

const QString categoryColumns = u"id, name, display_order, station"_s;

MenuCategory readCategory(const QSqlQuery &q)
{
    return MenuCategory{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                        q.value(3).toString()};
}

QString stationOrDefault(const QString &station)
{
    return station.isEmpty() ? MenuRepository::defaultStation() : station;
}

MenuItem readItem(const QSqlQuery &q)
{
    return MenuItem{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                    q.value(3).toString(),   q.value(4).toLongLong(), q.value(5).toString(),
                    q.value(6).toBool(),     q.value(7).toInt()};
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

Result<QList<MenuItem>> MenuRepository::items()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + itemColumns
                                              + u" FROM menu_items ORDER BY display_order, id"_s);
    if (auto ok = db::exec(q, "list items"); !ok)
        return fail(ok.error());
    QList<MenuItem> out;
    while (q.next())
        out.append(readItem(q));
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
    return std::optional(readItem(q));
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
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO menu_categories (name, display_order, station) "
                                      "VALUES (?, ?, ?)"_s);
    q.addBindValue(category.name);
    q.addBindValue(category.displayOrder);
    q.addBindValue(stationOrDefault(category.station));
    if (auto ok = db::exec(q, "insert category"); !ok)
        return fail(ok.error());
    return q.lastInsertId().toLongLong();
}

Status MenuRepository::updateCategory(const MenuCategory &category)
{
    return execBound(m_db, u"UPDATE menu_categories SET name = ?, display_order = ?, station = ? WHERE id = ?"_s,
                     {category.name, category.displayOrder, stationOrDefault(category.station), category.id},
                     "update category");
}

Status MenuRepository::deleteCategory(qint64 id)
{
    return execBound(m_db, u"DELETE FROM menu_categories WHERE id = ?"_s, {id}, "delete category");
}

Result<qint64> MenuRepository::insertItem(const MenuItem &item)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO menu_items (category_id, name, description, price, "
                                      "image_path, available, display_order) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : QVariantList{item.categoryId, item.name, db::text(item.description), item.price,
                                          db::text(item.imagePath), item.available, item.displayOrder})
        q.addBindValue(v);
    if (auto ok = db::exec(q, "insert item"); !ok)
        return fail(ok.error());
    return q.lastInsertId().toLongLong();
}

Status MenuRepository::updateItem(const MenuItem &item)
{
    return execBound(m_db,
                     u"UPDATE menu_items SET category_id = ?, name = ?, description = ?, price = ?, "
                     "available = ?, display_order = ? WHERE id = ?"_s,
                     {item.categoryId, item.name, db::text(item.description), item.price, item.available,
                      item.displayOrder, item.id},
                     "update item");
}

Status MenuRepository::deleteItem(qint64 id)
{
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

Status MenuRepository::replaceAll(const QList<MenuCategory> &categories, const QList<MenuItem> &items)
{
    // Stations are the store's own setting: a category HQ sends without one keeps its station.
    auto before = this->categories();
    if (!before)
        return fail(before.error());
    QHash<qint64, QString> stations;
    for (const MenuCategory &c : *before)
        stations.insert(c.id, c.station);
    if (auto ok = execBound(m_db, u"DELETE FROM menu_items"_s, {}, "clear items"); !ok)
        return ok;
    if (auto ok = execBound(m_db, u"DELETE FROM menu_categories"_s, {}, "clear categories"); !ok)
        return ok;
    for (const MenuCategory &c : categories) {
        const QString station = c.station.isEmpty() ? stationOrDefault(stations.value(c.id)) : c.station;
        if (auto ok = execBound(m_db, u"INSERT INTO menu_categories (id, name, display_order, station) "
                                      "VALUES (?, ?, ?, ?)"_s,
                                {c.id, c.name, c.displayOrder, station}, "insert category");
            !ok)
            return ok;
    }
    for (const MenuItem &i : items) {
        if (auto ok = execBound(m_db,
                                u"INSERT INTO menu_items (id, category_id, name, description, price, image_path, "
                                "available, display_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                                {i.id, i.categoryId, i.name, db::text(i.description), i.price,
                                 db::text(i.imagePath), i.available, i.displayOrder},
                                "insert item");
            !ok)
            return ok;
    }
    return {};
}

} // namespace tableorder::edge
