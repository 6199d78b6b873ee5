#include "orderrepository.h"

#include "database.h"
#include "json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QHash>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {
const QString orderColumns =
        u"id, number, business_date, session_id, table_id, table_number, status, total, note, "
        "client_order_id, created_at, updated_at, preparing_at, completed_at, canceled_at, request_hash, "
        "kitchen_acked_at, served_at"_s;
}

OrderRepository::OrderRepository(QSqlDatabase db)
    : m_db(std::move(db)),
      m_nextNumber(db::prepared(m_db, u"INSERT INTO business_day_counters (business_date, last_number) "
                                       "VALUES (?, 1) ON CONFLICT (business_date) DO UPDATE SET "
                                       "last_number = last_number + 1 RETURNING last_number"_s)),
      m_insertOrder(db::prepared(m_db, u"INSERT INTO orders (id, client_order_id, request_hash, business_date, "
                                        "number, session_id, table_id, table_number, status, note, total, "
                                        "created_at, updated_at, actor) VALUES ((SELECT MAX(COALESCE((SELECT MAX(id) "
                                        "FROM orders), 0), (SELECT order_id_floor FROM store WHERE id = 1)) + 1), "
                                        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s)),
      m_insertLine(db::prepared(m_db, u"INSERT INTO order_items (order_id, menu_item_id, name, unit_price, "
                                       "quantity, line_total, station, options, note, base_price) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s)),
      m_byClientId(db::prepared(m_db, u"SELECT "_s + orderColumns
                                              + u" FROM orders WHERE client_order_id = ?"_s)),
      m_activeCount(db::prepared(m_db, u"SELECT COUNT(*) FROM orders WHERE status IN ('pending', 'preparing')"_s))
{
}

Result<QList<StoredOrder>> OrderRepository::readOrders(QSqlQuery &q)
{
    QList<Order> orders;
    QStringList hashes;
    while (q.next()) {
        Order o;
        o.id = q.value(0).toLongLong();
        o.number = q.value(1).toInt();
        o.businessDate = q.value(2).toString();
        o.sessionId = q.value(3).toLongLong();
        o.tableId = q.value(4).toLongLong();
        o.tableNumber = q.value(5).toInt();
        o.status = parseOrderStatus(q.value(6).toString()).value_or(OrderStatus::Pending);
        o.total = q.value(7).toLongLong();
        o.note = q.value(8).toString();
        o.clientOrderId = q.value(9).toString();
        o.createdAt = parseTimestamp(q.value(10).toString());
        o.updatedAt = parseTimestamp(q.value(11).toString());
        o.preparingAt = parseTimestamp(q.value(12).toString());
        o.completedAt = parseTimestamp(q.value(13).toString());
        o.canceledAt = parseTimestamp(q.value(14).toString());
        o.kitchenAckedAt = parseTimestamp(q.value(16).toString());
        o.servedAt = parseTimestamp(q.value(17).toString());
        orders.append(std::move(o));
        hashes.append(q.value(15).toString());
    }
    if (auto ok = loadLines(orders); !ok)
        return fail(ok.error());
    QList<StoredOrder> out;
    out.reserve(orders.size());
    for (qsizetype i = 0; i < orders.size(); ++i)
        out.append({std::move(orders[i]), hashes.at(i)});
    return out;
}

Status OrderRepository::loadLines(QList<Order> &orders)
{
    if (orders.isEmpty())
        return {};
    QHash<qint64, qsizetype> index;
    QString ids;
    for (qsizetype i = 0; i < orders.size(); ++i) {
        index.insert(orders[i].id, i);
        if (!ids.isEmpty())
            ids += u',';
        ids += QString::number(orders[i].id); // integers from our own rows, not input
    }
    QSqlQuery q = db::prepared(m_db, u"SELECT order_id, menu_item_id, name, unit_price, quantity, "
                                      "line_total, station, options, note, base_price, id, done_at, voided_at "
                                      "FROM order_items WHERE order_id IN ("_s
                                              + ids + u") ORDER BY id"_s);
    if (auto ok = db::exec(q, "read order lines"); !ok)
        return ok;
    while (q.next()) {
        OrderLine line{q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toLongLong(),
                       q.value(4).toInt(), q.value(5).toLongLong(), q.value(6).toString()};
        // Most lines have no options: skip the JSON parse for "[]".
        const QString options = q.value(7).toString();
        if (options.size() > 2)
            line.options = menu::pricedOptionsFromJson(QJsonDocument::fromJson(options.toUtf8()).array(), {})
                                   .value_or(QList<menu::PricedOption>());
        line.note = q.value(8).toString();
        if (!q.value(9).isNull())
            line.basePrice = q.value(9).toLongLong();
        line.id = q.value(10).toLongLong();
        line.doneAt = parseTimestamp(q.value(11).toString());
        line.voided = !q.value(12).isNull();
        orders[index.value(q.value(0).toLongLong())].items.append(std::move(line));
    }
    return {};
}

Result<std::optional<StoredOrder>> OrderRepository::byClientOrderId(const QString &clientOrderId)
{
    m_byClientId.addBindValue(clientOrderId);
    if (auto ok = db::exec(m_byClientId, "find order by client id"); !ok)
        return fail(ok.error());
    auto read = readOrders(m_byClientId);
    m_byClientId.finish();
    if (!read)
        return fail(read.error());
    if (read->isEmpty())
        return std::optional<StoredOrder>();
    return std::optional(read->first());
}

Result<std::optional<Order>> OrderRepository::byId(qint64 id)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + orderColumns + u" FROM orders WHERE id = ?"_s);
    q.addBindValue(id);
    if (auto ok = db::exec(q, "read order"); !ok)
        return fail(ok.error());
    auto orders = readOrders(q);
    if (!orders)
        return fail(orders.error());
    if (orders->isEmpty())
        return std::optional<Order>();
    return std::optional(orders->first().order);
}

Result<QList<Order>> OrderRepository::list(const OrderFilter &filter)
{
    QString sql = u"SELECT "_s + orderColumns + u" FROM orders WHERE 1 = 1"_s;
    QVariantList binds;
    if (!filter.statuses.isEmpty()) {
        QStringList marks;
        bool onlyActive = true;
        for (OrderStatus status : filter.statuses) {
            marks.append(u"?"_s);
            binds.append(orderStatusName(status));
            onlyActive = onlyActive && (status == OrderStatus::Pending || status == OrderStatus::Preparing);
        }
        // The staff screens' poll asks for active orders. SQLite uses the partial index
        // orders_active only when the query contains the index's own WHERE term, word for word;
        // without it, it walks every order ever taken in created_at order (135 ms on a year
        // of orders, on the event loop; docs/PERFORMANCE.md, "Orders while a backup runs").
        if (onlyActive)
            sql += u" AND status IN ('pending', 'preparing')"_s;
        sql += u" AND status IN ("_s + marks.join(u',') + u')';
    }
    if (filter.sessionId > 0) {
        sql += u" AND session_id = ?"_s;
        binds.append(filter.sessionId);
    }
    if (!filter.stations.isEmpty()) {
        QStringList marks;
        for (const QString &station : filter.stations) {
            marks.append(u"?"_s);
            binds.append(station);
        }
        sql += u" AND id IN (SELECT order_id FROM order_items WHERE station IN ("_s + marks.join(u',')
                + u"))"_s;
    }
    if (filter.from.isValid()) {
        sql += u" AND created_at >= ?"_s;
        binds.append(timestampText(filter.from));
    }
    if (filter.to.isValid()) {
        sql += u" AND created_at < ?"_s;
        binds.append(timestampText(filter.to));
    }
    sql += u" ORDER BY created_at, id LIMIT ? OFFSET ?"_s;
    binds.append(filter.limit);
    binds.append(filter.offset);
    QSqlQuery q = db::prepared(m_db, sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (auto ok = db::exec(q, "list orders"); !ok)
        return fail(ok.error());
    auto stored = readOrders(q);
    if (!stored)
        return fail(stored.error());
    QList<Order> orders;
    orders.reserve(stored->size());
    for (StoredOrder &s : *stored)
        orders.append(std::move(s.order));
    return orders;
}

Result<int> OrderRepository::activeCount()
{
    if (auto ok = db::exec(m_activeCount, "count active orders"); !ok)
        return fail(ok.error());
    const int count = m_activeCount.next() ? m_activeCount.value(0).toInt() : 0;
    m_activeCount.finish();
    return count;
}

Status OrderRepository::insert(Order &order, const QString &requestHash, const QJsonObject &actor)
{
    m_nextNumber.addBindValue(order.businessDate);
    if (auto ok = db::exec(m_nextNumber, "allocate order number"); !ok)
        return ok;
    if (!m_nextNumber.next())
        return fail(Error::internal());
    order.number = m_nextNumber.value(0).toInt();
    m_nextNumber.finish();

    const QString created = timestampText(order.createdAt);
    for (const QVariant &v : QVariantList{order.clientOrderId, requestHash, order.businessDate, order.number,
                                          order.sessionId, order.tableId, order.tableNumber,
                                          orderStatusName(order.status), db::text(order.note), order.total,
                                          created, created,
                                          actor.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(json::compact(actor)))})
        m_insertOrder.addBindValue(v);
    if (auto ok = db::exec(m_insertOrder, "insert order"); !ok)
        return ok;
    order.id = m_insertOrder.lastInsertId().toLongLong();
    for (OrderLine &line : order.items) {
        for (const QVariant &v : QVariantList{order.id, line.menuItemId, line.name, line.unitPrice,
                                              line.quantity, line.lineTotal, db::text(line.station),
                                              line.options.isEmpty() ? u"[]"_s
                                                                     : QString::fromUtf8(json::compact(menu::toJson(line.options))),
                                              db::text(line.note),
                                              line.basePrice ? QVariant(*line.basePrice) : QVariant(QMetaType::fromType<qint64>())})
            m_insertLine.addBindValue(v);
        if (auto ok = db::exec(m_insertLine, "insert order line"); !ok)
            return ok;
        line.id = m_insertLine.lastInsertId().toLongLong();
    }
    return {};
}

Status OrderRepository::updateStatus(const Order &order)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE orders SET status = ?, updated_at = ?, preparing_at = ?, "
                                      "completed_at = ?, canceled_at = ?, served_at = ? WHERE id = ?"_s);
    auto text = [](const QDateTime &t) { return t.isValid() ? QVariant(timestampText(t)) : QVariant(); };
    for (const QVariant &v : QVariantList{orderStatusName(order.status), timestampText(order.updatedAt),
                                          text(order.preparingAt), text(order.completedAt),
                                          text(order.canceledAt), text(order.servedAt), order.id})
        q.addBindValue(v);
    return db::exec(q, "update order status");
}

Status OrderRepository::setLinesDone(const QList<qint64> &lineIds, const QDateTime &at,
                                     const QJsonObject &actor)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE order_items SET done_at = ?, done_by = ? WHERE id = ?"_s);
    const QVariant when = at.isValid() ? QVariant(timestampText(at)) : QVariant();
    const QVariant by = at.isValid() && !actor.isEmpty() ? QVariant(QString::fromUtf8(json::compact(actor))) : QVariant();
    for (qint64 id : lineIds) {
        q.addBindValue(when);
        q.addBindValue(by);
        q.addBindValue(id);
        if (auto ok = db::exec(q, "mark order line done"); !ok)
            return ok;
    }
    return {};
}

Result<QList<LineTime>> OrderRepository::lineTimes(const QString &fromDate, const QString &toDate)
{
    // By business day (the index orders(business_date, number) of the UNIQUE constraint).
    QSqlQuery q = db::prepared(m_db, u"SELECT o.business_date, o.created_at, i.done_at, i.menu_item_id, i.name, "
                                      "i.station FROM orders o JOIN order_items i ON i.order_id = o.id "
                                      "WHERE o.business_date >= ? AND o.business_date <= ? "
                                      "AND i.done_at IS NOT NULL AND i.voided_at IS NULL "
                                      "AND o.status IN ('completed', 'served') ORDER BY o.id, i.id"_s);
    q.addBindValue(fromDate);
    q.addBindValue(toDate);
    if (auto ok = db::exec(q, "read line done times"); !ok)
        return fail(ok.error());
    QList<LineTime> out;
    while (q.next())
        out.append({q.value(0).toString(), parseTimestamp(q.value(1).toString()),
                    parseTimestamp(q.value(2).toString()), q.value(3).toLongLong(), q.value(4).toString(),
                    q.value(5).toString()});
    return out;
}

Result<bool> OrderRepository::markAcknowledged(qint64 id, const QDateTime &at)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE orders SET kitchen_acked_at = ? WHERE id = ? AND kitchen_acked_at IS NULL"_s);
    q.addBindValue(timestampText(at));
    q.addBindValue(id);
    if (auto ok = db::exec(q, "acknowledge order"); !ok)
        return fail(ok.error());
    return q.numRowsAffected() > 0;
}

Result<QList<std::pair<qint64, QDateTime>>> OrderRepository::unacknowledged()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, created_at FROM orders "
                                      "WHERE kitchen_acked_at IS NULL AND status = 'pending' ORDER BY id"_s);
    if (auto ok = db::exec(q, "list unacknowledged orders"); !ok)
        return fail(ok.error());
    QList<std::pair<qint64, QDateTime>> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), parseTimestamp(q.value(1).toString())});
    return out;
}

} // namespace tableorder::edge
