#include "ingestrepository.h"

#include "database.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {
QVariant optionalTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(timestampText(t)) : QVariant(QMetaType::fromType<QString>());
}
} // namespace

IngestRepository::IngestRepository(QSqlDatabase db)
    : m_db(std::move(db)),
      m_insertEvent(db::prepared(m_db, u"INSERT INTO store_events (store_id, seq, event_id, type, at, "
                                        "schema_version, data, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (store_id, seq) DO NOTHING"_s)),
      m_insertOrder(db::prepared(m_db, u"INSERT INTO orders (store_id, order_id, number, business_date, "
                                        "table_number, status, total, created_at, updated_at, preparing_at, "
                                        "completed_at, canceled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (store_id, order_id) DO NOTHING"_s)),
      m_insertLine(db::prepared(m_db, u"INSERT INTO order_items (store_id, order_id, line, menu_item_id, name, "
                                       "unit_price, quantity, line_total) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                       "ON CONFLICT (store_id, order_id, line) DO NOTHING"_s)),
      m_updateOrder(db::prepared(m_db, u"UPDATE orders SET status = ?, updated_at = ?, preparing_at = ?, "
                                        "completed_at = ?, canceled_at = ? WHERE store_id = ? AND order_id = ?"_s))
{
}

Result<qint64> IngestRepository::lockAppliedSeq(qint64 storeId)
{
    const bool pg = db::dialectOf(m_db) == db::Dialect::PostgreSQL;
    QSqlQuery q = db::prepared(m_db, pg ? u"SELECT applied_seq FROM stores WHERE id = ? FOR UPDATE"_s
                                        : u"SELECT applied_seq FROM stores WHERE id = ?"_s);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "lock store"); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::notFound(u"store"_s));
    return q.value(0).toLongLong();
}

Status IngestRepository::insertEvent(qint64 storeId, const Event &event, const QString &receivedAt)
{
    for (const QVariant &v : QVariantList{storeId, event.seq, event.id, event.type, timestampText(event.at),
                                          event.schemaVersion,
                                          QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact)),
                                          receivedAt})
        m_insertEvent.addBindValue(v);
    return db::exec(m_insertEvent, "insert store event");
}

Status IngestRepository::insertOrder(qint64 storeId, const Order &order)
{
    for (const QVariant &v : QVariantList{storeId, order.id, order.number, order.businessDate,
                                          order.tableNumber, orderStatusName(order.status), order.total,
                                          timestampText(order.createdAt), timestampText(order.updatedAt),
                                          optionalTime(order.preparingAt), optionalTime(order.completedAt),
                                          optionalTime(order.canceledAt)})
        m_insertOrder.addBindValue(v);
    if (auto ok = db::exec(m_insertOrder, "insert order"); !ok)
        return ok;
    for (qsizetype i = 0; i < order.items.size(); ++i) {
        const OrderLine &line = order.items.at(i);
        for (const QVariant &v : QVariantList{storeId, order.id, int(i + 1), line.menuItemId, line.name,
                                              line.unitPrice, line.quantity, line.lineTotal})
            m_insertLine.addBindValue(v);
        if (auto ok = db::exec(m_insertLine, "insert order line"); !ok)
            return ok;
    }
    return {};
}

Status IngestRepository::updateOrder(qint64 storeId, const Order &order)
{
    if (auto ok = insertOrder(storeId, order); !ok)
        return ok;
    for (const QVariant &v : QVariantList{orderStatusName(order.status), timestampText(order.updatedAt),
                                          optionalTime(order.preparingAt), optionalTime(order.completedAt),
                                          optionalTime(order.canceledAt), storeId, order.id})
        m_updateOrder.addBindValue(v);
    return db::exec(m_updateOrder, "update order");
}

Status IngestRepository::deadLetter(qint64 storeId, const Event &event, const QString &error,
                                    const QString &receivedAt)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO dead_letters (store_id, seq, event_id, type, data, error, "
                                      "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : QVariantList{storeId, event.seq, event.id, event.type,
                                          QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact)),
                                          error, receivedAt})
        q.addBindValue(v);
    return db::exec(q, "insert dead letter");
}

Status IngestRepository::setApplied(qint64 storeId, qint64 appliedSeq, const SyncReport &report,
                                    const QString &at)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE stores SET applied_seq = ?, last_sync_at = ?, backlog = ?, lag_ms = ?, "
                                      "edge_version = ?, edge_menu_version = ?, edge_last_seq = ?, sync_error = '' "
                                      "WHERE id = ?"_s);
    for (const QVariant &v : QVariantList{appliedSeq, at, report.backlog, report.lagMs, db::text(report.edgeVersion),
                                          report.edgeMenuVersion, report.edgeLastSeq, storeId})
        q.addBindValue(v);
    return db::exec(q, "record sync");
}

Status IngestRepository::setSyncError(qint64 storeId, const QString &error)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE stores SET sync_error = ? WHERE id = ?"_s);
    q.addBindValue(error);
    q.addBindValue(storeId);
    return db::exec(q, "record sync error");
}

Status IngestRepository::upsertReconciliation(qint64 storeId, const QString &businessDate, qint64 orders,
                                              Money total, const QString &at)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO reconciliation (store_id, business_date, edge_orders, edge_total, "
                                      "reported_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (store_id, business_date) "
                                      "DO UPDATE SET edge_orders = excluded.edge_orders, edge_total = excluded.edge_total, "
                                      "reported_at = excluded.reported_at"_s);
    for (const QVariant &v : QVariantList{storeId, businessDate, orders, total, at})
        q.addBindValue(v);
    return db::exec(q, "record reconciliation");
}

Result<QList<ReconciliationRow>> IngestRepository::reconciliation(qint64 orgId, qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, uR"(
        SELECT r.store_id, s.name, r.business_date, r.edge_orders, r.edge_total,
               (SELECT COUNT(*) FROM orders o WHERE o.store_id = r.store_id AND o.business_date = r.business_date
                                                  AND o.status != 'canceled'),
               (SELECT COALESCE(SUM(o.total), 0) FROM orders o WHERE o.store_id = r.store_id
                                                  AND o.business_date = r.business_date AND o.status != 'canceled')
        FROM reconciliation r JOIN stores s ON s.id = r.store_id
        WHERE s.org_id = ? AND (? = 0 OR r.store_id = ?)
        ORDER BY r.business_date DESC, r.store_id)"_s);
    q.addBindValue(orgId);
    q.addBindValue(storeId);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "reconciliation"); !ok)
        return fail(ok.error());
    QList<ReconciliationRow> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                    q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toLongLong()});
    return out;
}

Result<QList<DeadLetter>> IngestRepository::deadLetters(qint64 orgId, qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT d.id, d.store_id, d.seq, d.type, d.error, d.received_at "
                                      "FROM dead_letters d JOIN stores s ON s.id = d.store_id "
                                      "WHERE s.org_id = ? AND (? = 0 OR d.store_id = ?) ORDER BY d.id DESC LIMIT 500"_s);
    q.addBindValue(orgId);
    q.addBindValue(storeId);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "dead letters"); !ok)
        return fail(ok.error());
    QList<DeadLetter> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toString()});
    return out;
}

} // namespace tableorder::central
