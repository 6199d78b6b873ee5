#include "reportrepository.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace tableorder::central {

Result<QList<ReportOrder>> ReportRepository::orders(qint64 orgId, qint64 storeId, const QString &fromDate,
                                                    const QString &toDate)
{
    QSqlQuery q = db::prepared(m_db, uR"(
        SELECT o.store_id, s.name, s.timezone, o.business_date, o.total, o.created_at, o.completed_at
        FROM orders o JOIN stores s ON s.id = o.store_id
        WHERE s.org_id = ? AND (? = 0 OR o.store_id = ?) AND o.business_date >= ? AND o.business_date <= ?
          AND o.status != 'canceled'
        ORDER BY o.store_id, o.created_at)"_s);
    for (const QVariant &v : QVariantList{orgId, storeId, storeId, fromDate, toDate})
        q.addBindValue(v);
    if (auto ok = db::exec(q, "report orders"); !ok)
        return fail(ok.error());
    QList<ReportOrder> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toLongLong(), parseTimestamp(q.value(5).toString()),
                    parseTimestamp(q.value(6).toString())});
    return out;
}

Result<QList<ItemTotal>> ReportRepository::items(qint64 orgId, qint64 storeId, const QString &fromDate,
                                                 const QString &toDate)
{
    QSqlQuery q = db::prepared(m_db, uR"(
        SELECT i.name, COUNT(DISTINCT i.store_id || ':' || i.order_id), SUM(i.quantity), SUM(i.line_total)
        FROM order_items i
        JOIN orders o ON o.store_id = i.store_id AND o.order_id = i.order_id
        JOIN stores s ON s.id = o.store_id
        WHERE s.org_id = ? AND (? = 0 OR o.store_id = ?) AND o.business_date >= ? AND o.business_date <= ?
          AND o.status != 'canceled'
        GROUP BY i.name ORDER BY SUM(i.line_total) DESC, i.name)"_s);
    for (const QVariant &v : QVariantList{orgId, storeId, storeId, fromDate, toDate})
        q.addBindValue(v);
    if (auto ok = db::exec(q, "report items"); !ok)
        return fail(ok.error());
    QList<ItemTotal> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    return out;
}

Result<QList<OptionTotal>> ReportRepository::options(qint64 orgId, qint64 storeId, const QString &fromDate,
                                                     const QString &toDate)
{
    // An option is named by its id with the group and option names the store copied at order
    // time: a renamed option shows as a row of its own, as it read on the receipts.
    QSqlQuery q = db::prepared(m_db, uR"(
        SELECT p.option_id, p.group_name, p.name, COUNT(DISTINCT p.store_id || ':' || p.order_id),
               SUM(i.quantity), SUM(p.price_delta * i.quantity), SUM(i.line_total)
        FROM order_item_options p
        JOIN order_items i ON i.store_id = p.store_id AND i.order_id = p.order_id AND i.line = p.line
        JOIN orders o ON o.store_id = p.store_id AND o.order_id = p.order_id
        JOIN stores s ON s.id = o.store_id
        WHERE s.org_id = ? AND (? = 0 OR o.store_id = ?) AND o.business_date >= ? AND o.business_date <= ?
          AND o.status != 'canceled'
        GROUP BY p.option_id, p.group_name, p.name
        ORDER BY SUM(i.quantity) DESC, p.group_name, p.name, p.option_id)"_s);
    for (const QVariant &v : QVariantList{orgId, storeId, storeId, fromDate, toDate})
        q.addBindValue(v);
    if (auto ok = db::exec(q, "report options"); !ok)
        return fail(ok.error());
    QList<OptionTotal> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                    q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toLongLong()});
    return out;
}

Result<QList<KitchenLine>> ReportRepository::kitchenLines(qint64 orgId, qint64 storeId, const QString &fromDate,
                                                         const QString &toDate)
{
    // The store's own report counts lines of completed and served orders only: a line done
    // on an order still cooking, or canceled since, is not a dish that went out.
    QSqlQuery q = db::prepared(m_db, uR"(
        SELECT t.store_id, s.name, s.timezone, t.business_date, t.order_created_at, t.done_at, t.menu_item_id,
               t.name, t.station
        FROM store_line_times t
        JOIN orders o ON o.store_id = t.store_id AND o.order_id = t.order_id
        JOIN stores s ON s.id = t.store_id
        WHERE s.org_id = ? AND (? = 0 OR t.store_id = ?) AND t.business_date >= ? AND t.business_date <= ?
          AND o.status IN ('completed', 'served')
        ORDER BY t.store_id, t.order_id, t.line_id)"_s);
    for (const QVariant &v : QVariantList{orgId, storeId, storeId, fromDate, toDate})
        q.addBindValue(v);
    if (auto ok = db::exec(q, "report kitchen times"); !ok)
        return fail(ok.error());
    QList<KitchenLine> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    parseTimestamp(q.value(4).toString()), parseTimestamp(q.value(5).toString()),
                    q.value(6).toLongLong(), q.value(7).toString(), q.value(8).toString()});
    return out;
}

} // namespace tableorder::central
