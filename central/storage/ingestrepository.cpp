#include "ingestrepository.h"

#include "database.h"
#include "pgparams.h"

#include <QJsonDocument>

#include <algorithm>
#include <limits>
#include <tuple>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {
QVariant optionalTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(timestampText(t)) : QVariant(QMetaType::fromType<QString>());
}

/// A PostgreSQL array literal of ids, for a Qt statement.
QString idArray(const QList<qint64> &ids)
{
    QStringList out;
    for (qint64 id : ids)
        out.append(QString::number(id));
    return u"{"_s + out.join(u',') + u'}';
}

/// One column's values as a binary array parameter (a text value is a QString or UTF-8 bytes).
pg::Param arrayParam(const QList<QVariantList> &rows, qsizetype column, const QString &type)
{
    using Element = pg::ArrayBuilder::Element;
    const Element element = type == u"text"_s ? Element::Text : type == u"integer"_s ? Element::Integer : Element::BigInt;
    if (element != Element::Text) {
        pg::ArrayBuilder array(element, rows.size());
        for (const QVariantList &row : rows) {
            const QVariant &v = row.at(column);
            if (v.isNull())
                array.appendNull();
            else
                array.append(v.toLongLong());
        }
        return array.take();
    }
    QList<QByteArray> texts;
    texts.reserve(rows.size());
    qsizetype bytes = 0;
    for (const QVariantList &row : rows) {
        const QVariant &v = row.at(column);
        QByteArray text = v.isNull() ? QByteArray()
                                     : v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
        if (!v.isNull() && text.isNull())
            text = QByteArray(""); // an empty text is '', not NULL
        bytes += text.size();
        texts.append(std::move(text));
    }
    pg::ArrayBuilder array(element, rows.size(), bytes);
    for (const QByteArray &text : std::as_const(texts)) {
        if (text.isNull())
            array.appendNull();
        else
            array.append(text);
    }
    return array.take();
}

/// A value as SQLite's driver must get it: UTF-8 bytes are text here, not a blob.
QVariant bindable(const QVariant &v)
{
    return v.typeId() == QMetaType::QByteArray ? QVariant(QString::fromUtf8(v.toByteArray())) : v;
}

/// One array parameter per column, for the statements that unnest them.
QList<pg::Param> arrayParams(const QList<QVariantList> &rows, const QList<BulkInsert::Column> &columns)
{
    QList<pg::Param> params;
    params.reserve(columns.size());
    for (qsizetype c = 0; c < columns.size(); ++c)
        params.append(arrayParam(rows, c, columns.at(c).type));
    return params;
}

/// `$1::bigint[], $2::text[], ...`: the columns' arrays as parameters of unnest().
QString arrayPlaceholders(const QList<BulkInsert::Column> &columns)
{
    QStringList arrays;
    for (qsizetype c = 0; c < columns.size(); ++c)
        arrays.append(u"$%1::%2[]"_s.arg(c + 1).arg(columns.at(c).type));
    return arrays.join(u", "_s);
}

} // namespace

BulkInsert::BulkInsert(QSqlDatabase db, QString table, QList<Column> columns, QString conflict)
    : m_db(std::move(db))
    , m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_conflict(std::move(conflict))
    , m_arrays(db::dialectOf(m_db) == db::Dialect::PostgreSQL)
{
    if (m_arrays) {
        m_arrayStatement = std::make_unique<pg::PreparedStatement>(
            u"INSERT INTO %1 (%2) SELECT * FROM unnest(%3) %4"_s
                .arg(m_table, columnNames(), arrayPlaceholders(m_columns), m_conflict)
                .toUtf8());
    }
}

QString BulkInsert::columnNames() const
{
    QStringList names;
    for (const Column &c : std::as_const(m_columns))
        names.append(c.name);
    return names.join(u", "_s);
}

QSqlQuery &BulkInsert::statement(int rows)
{
    auto it = m_statements.find(rows);
    if (it == m_statements.end()) {
        const QString row = u"("_s + QStringList(m_columns.size(), u"?"_s).join(u", "_s) + u')';
        const QString sql = u"INSERT INTO %1 (%2) VALUES %3 %4"_s.arg(
            m_table, columnNames(), QStringList(rows, row).join(u", "_s), m_conflict);
        it = m_statements.insert(rows, db::prepared(m_db, sql));
    }
    return *it;
}

Status BulkInsert::insert(const QList<QVariantList> &rows, const char *what)
{
    if (rows.isEmpty())
        return {};
    if (m_arrays) {
        return m_arrayStatement->exec(m_db, arrayParams(rows, m_columns), what);
    }
    // Chunks of 64, 32, ..., 1 rows: at most seven statement shapes per table, and far
    // below SQLite's limit on bound values.
    qsizetype done = 0;
    while (done < rows.size()) {
        int chunk = 64;
        while (chunk > rows.size() - done)
            chunk /= 2;
        QSqlQuery &q = statement(chunk);
        for (qsizetype r = done; r < done + chunk; ++r) {
            Q_ASSERT(rows.at(r).size() == m_columns.size());
            for (const QVariant &v : rows.at(r))
                q.addBindValue(bindable(v));
        }
        if (auto ok = db::exec(q, what); !ok)
            return ok;
        q.finish();
        done += chunk;
    }
    return {};
}

BulkUpdate::BulkUpdate(QSqlDatabase db, const QString &table, const QList<BulkInsert::Column> &set,
                       const QList<BulkInsert::Column> &key, const QString &alsoSet)
    : m_db(std::move(db))
    , m_columns(set + key)
    , m_arrays(db::dialectOf(m_db) == db::Dialect::PostgreSQL)
{
    QStringList assignments;
    QStringList matches;
    QStringList names;
    for (const BulkInsert::Column &c : set)
        assignments.append(m_arrays ? u"%1 = v.%1"_s.arg(c.name) : u"%1 = ?"_s.arg(c.name));
    if (!alsoSet.isEmpty())
        assignments.append(alsoSet);
    for (const BulkInsert::Column &c : key)
        matches.append(m_arrays ? u"t.%1 = v.%1"_s.arg(c.name) : u"%1 = ?"_s.arg(c.name));
    for (const BulkInsert::Column &c : std::as_const(m_columns))
        names.append(c.name);
    if (m_arrays) {
        m_arrayStatement = std::make_unique<pg::PreparedStatement>(
            u"UPDATE %1 AS t SET %2 FROM unnest(%3) AS v(%4) WHERE %5"_s
                .arg(table, assignments.join(u", "_s), arrayPlaceholders(m_columns), names.join(u", "_s),
                     matches.join(u" AND "_s))
                .toUtf8());
    } else {
        m_statement = db::prepared(m_db, u"UPDATE %1 SET %2 WHERE %3"_s.arg(table, assignments.join(u", "_s),
                                                                            matches.join(u" AND "_s)));
    }
}

Status BulkUpdate::update(const QList<QVariantList> &rows, const char *what)
{
    if (rows.isEmpty())
        return {};
    if (m_arrays)
        return m_arrayStatement->exec(m_db, arrayParams(rows, m_columns), what);
    for (const QVariantList &row : rows) {
        Q_ASSERT(row.size() == m_columns.size());
        for (const QVariant &v : row)
            m_statement.addBindValue(bindable(v));
        if (auto ok = db::exec(m_statement, what); !ok)
            return ok;
    }
    return {};
}

IngestRepository::IngestRepository(QSqlDatabase db)
    : m_db(std::move(db))
    , m_events(m_db, u"store_events"_s,
          { { u"store_id"_s, u"bigint"_s }, { u"seq"_s, u"bigint"_s }, { u"event_id"_s, u"text"_s },
              { u"type"_s, u"text"_s }, { u"at"_s, u"text"_s },
              { u"schema_version"_s, u"integer"_s }, { u"data"_s, u"text"_s },
              { u"received_at"_s, u"text"_s }, { u"actor"_s, u"text"_s }, { u"hash"_s, u"text"_s } },
          u"ON CONFLICT (store_id, seq) DO NOTHING"_s)
    , m_orders(m_db, u"orders"_s,
          { { u"store_id"_s, u"bigint"_s }, { u"order_id"_s, u"bigint"_s },
              { u"number"_s, u"integer"_s }, { u"business_date"_s, u"text"_s },
              { u"table_number"_s, u"integer"_s }, { u"status"_s, u"text"_s },
              { u"total"_s, u"bigint"_s }, { u"created_at"_s, u"text"_s },
              { u"updated_at"_s, u"text"_s }, { u"preparing_at"_s, u"text"_s },
              { u"completed_at"_s, u"text"_s }, { u"canceled_at"_s, u"text"_s },
              { u"session_id"_s, u"bigint"_s } },
          u"ON CONFLICT (store_id, order_id) DO NOTHING"_s)
    , m_lines(m_db, u"order_items"_s,
          { { u"store_id"_s, u"bigint"_s }, { u"order_id"_s, u"bigint"_s },
              { u"line"_s, u"integer"_s }, { u"menu_item_id"_s, u"bigint"_s },
              { u"name"_s, u"text"_s }, { u"unit_price"_s, u"bigint"_s },
              { u"quantity"_s, u"integer"_s }, { u"line_total"_s, u"bigint"_s },
              { u"options"_s, u"text"_s }, { u"note"_s, u"text"_s } },
          u"ON CONFLICT (store_id, order_id, line) DO NOTHING"_s)
    , m_lineOptions(m_db, u"order_item_options"_s,
          { { u"store_id"_s, u"bigint"_s }, { u"order_id"_s, u"bigint"_s },
              { u"line"_s, u"integer"_s }, { u"position"_s, u"integer"_s },
              { u"option_id"_s, u"bigint"_s }, { u"group_name"_s, u"text"_s },
              { u"name"_s, u"text"_s }, { u"price_delta"_s, u"bigint"_s } },
          u"ON CONFLICT (store_id, order_id, line, position) DO NOTHING"_s)
    , m_lockStore(db::prepared(m_db,
          db::dialectOf(m_db) == db::Dialect::PostgreSQL
              ? u"SELECT id, applied_seq, journal_hash FROM stores WHERE id = ANY(?::bigint[]) ORDER BY id FOR UPDATE"_s
              : u"SELECT id, applied_seq, journal_hash FROM stores WHERE id = ?"_s))
    , m_eventIds(db::prepared(m_db, u"SELECT seq, event_id FROM store_events WHERE store_id = ? "
                                     "AND seq BETWEEN ? AND ?"_s))
    , m_maxOrderId(db::prepared(m_db, u"SELECT COALESCE(MAX(order_id), 0) FROM orders WHERE store_id = ?"_s))
    // ON CONFLICT ... DO UPDATE: the same statement in SQLite (3.24+) and PostgreSQL.
    , m_upsertLineTime(db::prepared(m_db,
          u"INSERT INTO store_line_times (store_id, line_id, order_id, business_date, order_created_at, "
          "menu_item_id, name, station, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (store_id, line_id) DO UPDATE SET done_at = excluded.done_at"_s))
    , m_deleteLineTime(db::prepared(m_db, u"DELETE FROM store_line_times WHERE store_id = ? AND line_id = ?"_s))
    , m_deadLetter(db::prepared(m_db,
          u"INSERT INTO dead_letters (store_id, seq, event_id, type, data, error, "
          "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s))
    , m_journalBreak(db::prepared(m_db, u"INSERT INTO journal_breaks (store_id, seq, reason, detected_at) "
                                         "VALUES (?, ?, ?, ?) ON CONFLICT (store_id, seq) DO NOTHING"_s))
    , m_reconcile(m_db, u"reconciliation"_s,
          { { u"store_id"_s, u"bigint"_s }, { u"business_date"_s, u"text"_s },
              { u"edge_orders"_s, u"bigint"_s }, { u"edge_total"_s, u"bigint"_s },
              { u"reported_at"_s, u"text"_s } },
          u"ON CONFLICT (store_id, business_date) DO UPDATE SET edge_orders = excluded.edge_orders, "
          "edge_total = excluded.edge_total, reported_at = excluded.reported_at"_s)
    , m_orderStatus(m_db, u"orders"_s,
          { { u"status"_s, u"text"_s }, { u"updated_at"_s, u"text"_s }, { u"preparing_at"_s, u"text"_s },
              { u"completed_at"_s, u"text"_s }, { u"canceled_at"_s, u"text"_s } },
          { { u"store_id"_s, u"bigint"_s }, { u"order_id"_s, u"bigint"_s } })
    , m_positions(m_db, u"stores"_s,
          { { u"applied_seq"_s, u"bigint"_s }, { u"journal_hash"_s, u"text"_s }, { u"last_sync_at"_s, u"text"_s },
              { u"backlog"_s, u"bigint"_s }, { u"lag_ms"_s, u"bigint"_s }, { u"edge_version"_s, u"text"_s },
              { u"edge_menu_version"_s, u"bigint"_s }, { u"edge_last_seq"_s, u"bigint"_s } },
          { { u"id"_s, u"bigint"_s } }, u"sync_error = ''"_s)
{
}

Result<QHash<qint64, AppliedPosition>> IngestRepository::lockStores(QList<qint64> storeIds)
{
    std::sort(storeIds.begin(), storeIds.end());
    storeIds.erase(std::unique(storeIds.begin(), storeIds.end()), storeIds.end());
    QHash<qint64, AppliedPosition> out;
    auto read = [&]() -> Status {
        if (auto ok = db::exec(m_lockStore, "lock stores"); !ok)
            return ok;
        while (m_lockStore.next()) {
            out.insert(m_lockStore.value(0).toLongLong(),
                       { m_lockStore.value(1).toLongLong(),
                         QByteArray::fromHex(m_lockStore.value(2).toString().toLatin1()) });
        }
        m_lockStore.finish();
        return {};
    };
    if (db::dialectOf(m_db) == db::Dialect::PostgreSQL) {
        m_lockStore.addBindValue(idArray(storeIds));
        if (auto ok = read(); !ok)
            return fail(ok.error());
        return out;
    }
    for (qint64 id : std::as_const(storeIds)) {
        m_lockStore.addBindValue(id);
        if (auto ok = read(); !ok)
            return fail(ok.error());
    }
    return out;
}

Result<QHash<qint64, QString>> IngestRepository::eventIds(qint64 storeId, qint64 fromSeq, qint64 toSeq)
{
    QSqlQuery &q = m_eventIds;
    for (const QVariant &v : QVariantList { storeId, fromSeq, toSeq })
        q.addBindValue(v);
    if (auto ok = db::exec(q, "event ids"); !ok)
        return fail(ok.error());
    QHash<qint64, QString> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    q.finish();
    return out;
}

Result<qint64> IngestRepository::maxOrderId(qint64 storeId)
{
    QSqlQuery &q = m_maxOrderId;
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "max order id"); !ok)
        return fail(ok.error());
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return id;
}

Status IngestRepository::writeRows(const QList<StoreRows> &stores, const QString &receivedAt)
{
    QList<QVariantList> eventRows;
    QList<QVariantList> orderRows;
    QList<QVariantList> lineRows;
    QList<QVariantList> optionRows;
    QList<QVariantList> statusRows;
    QList<QVariantList> positionRows;
    QList<QVariantList> totalRows;
    for (const StoreRows &store : stores) {
        const qint64 storeId = store.storeId;
        Q_ASSERT(store.encoded.size() == store.events.size());
        for (qsizetype i = 0; i < store.events.size(); ++i) {
            const Event &e = store.events.at(i);
            const journal::EncodedEvent &json = store.encoded.at(i);
            eventRows.append({ storeId, e.seq, e.id, e.type, timestampText(e.at), e.schemaVersion, json.data,
                receivedAt, json.actor.isEmpty() ? QVariant(db::text(QString())) : QVariant(json.actor),
                db::text(QString::fromLatin1(e.hash.toHex())) });
        }
        for (const Order &order : store.orders) {
            orderRows.append({ storeId, order.id, order.number, order.businessDate, order.tableNumber,
                orderStatusName(order.status), order.total, timestampText(order.createdAt),
                timestampText(order.updatedAt), optionalTime(order.preparingAt),
                optionalTime(order.completedAt), optionalTime(order.canceledAt), order.sessionId });
            for (qsizetype i = 0; i < order.items.size(); ++i) {
                const OrderLine &line = order.items.at(i);
                for (qsizetype k = 0; k < line.options.size(); ++k) {
                    const menu::PricedOption &o = line.options.at(k);
                    optionRows.append({ storeId, order.id, int(i + 1), int(k + 1), o.id, o.group, o.name,
                        o.priceDelta });
                }
                lineRows.append({ storeId, order.id, int(i + 1), line.menuItemId, line.name,
                    line.unitPrice, line.quantity, line.lineTotal,
                    QJsonDocument(menu::toJson(line.options)).toJson(QJsonDocument::Compact),
                    db::text(line.note) });
            }
        }
        for (const Order &order : store.updates) {
            statusRows.append({ orderStatusName(order.status), timestampText(order.updatedAt),
                optionalTime(order.preparingAt), optionalTime(order.completedAt), optionalTime(order.canceledAt),
                storeId, order.id });
        }
        const SyncReport &report = store.report;
        positionRows.append({ store.appliedSeq, db::text(QString::fromLatin1(store.journalHash.toHex())), receivedAt,
            report.backlog, report.lagMs, db::text(report.edgeVersion), report.edgeMenuVersion, report.edgeLastSeq,
            storeId });
        // One row per day: a statement may not upsert one row twice (the last figure wins).
        QHash<QString, qsizetype> day;
        for (const sync::DailyTotal &total : store.dailyTotals) {
            const QVariantList row { storeId, total.businessDate, total.orders, total.total, receivedAt };
            if (auto it = day.constFind(total.businessDate); it != day.cend()) {
                totalRows[*it] = row;
            } else {
                day.insert(total.businessDate, totalRows.size());
                totalRows.append(row);
            }
        }
    }
    // Orders before their status updates: an order.updated of an order first seen in the
    // same upload updates the row just inserted.
    for (const auto &[insert, rows, what] : { std::tuple { &m_events, &eventRows, "insert store events" },
                                              std::tuple { &m_orders, &orderRows, "insert orders" },
                                              std::tuple { &m_lines, &lineRows, "insert order lines" },
                                              std::tuple { &m_lineOptions, &optionRows, "insert order line options" },
                                              std::tuple { &m_reconcile, &totalRows, "record reconciliation" } }) {
        if (auto ok = insert->insert(*rows, what); !ok)
            return ok;
    }
    if (auto ok = m_orderStatus.update(statusRows, "update orders"); !ok)
        return ok;
    return m_positions.update(positionRows, "record sync");
}

Status IngestRepository::upsertLineTimes(qint64 storeId, const QList<LineDone> &lines)
{
    QSqlQuery &q = m_upsertLineTime;
    for (const LineDone &line : lines) {
        for (const QVariant &v : QVariantList { storeId, line.lineId, line.orderId, line.businessDate,
                 timestampText(line.orderCreatedAt), line.menuItemId, line.name, line.station,
                 timestampText(line.doneAt) })
            q.addBindValue(v);
        if (auto ok = db::exec(q, "record line done time"); !ok)
            return ok;
    }
    return {};
}

Status IngestRepository::deleteLineTimes(qint64 storeId, const QList<qint64> &lineIds)
{
    QSqlQuery &q = m_deleteLineTime;
    for (qint64 id : lineIds) {
        q.addBindValue(storeId);
        q.addBindValue(id);
        if (auto ok = db::exec(q, "forget line done time"); !ok)
            return ok;
    }
    return {};
}

Status IngestRepository::deadLetter(
    qint64 storeId, const Event &event, const QString &error, const QString &receivedAt)
{
    QSqlQuery &q = m_deadLetter;
    for (const QVariant &v : QVariantList { storeId, event.seq, event.id, event.type,
             QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact)), error,
             receivedAt })
        q.addBindValue(v);
    return db::exec(q, "insert dead letter");
}

Status IngestRepository::recordJournalBreak(
    qint64 storeId, qint64 seq, const QString &reason, const QString &at)
{
    QSqlQuery &q = m_journalBreak;
    for (const QVariant &v : QVariantList { storeId, seq, reason, at })
        q.addBindValue(v);
    return db::exec(q, "record journal break");
}

Result<QList<JournalBreak>> IngestRepository::journalBreaks(qint64 orgId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT b.store_id, b.seq, b.reason, b.detected_at FROM journal_breaks b "
                                      "JOIN stores s ON s.id = b.store_id WHERE s.org_id = ? "
                                      "ORDER BY b.detected_at DESC, b.seq DESC LIMIT 100"_s);
    q.addBindValue(orgId);
    if (auto ok = db::exec(q, "journal breaks"); !ok)
        return fail(ok.error());
    QList<JournalBreak> out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString() });
    return out;
}

Status IngestRepository::setSyncError(qint64 storeId, const QString &error)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE stores SET sync_error = ? WHERE id = ?"_s);
    q.addBindValue(error);
    q.addBindValue(storeId);
    return db::exec(q, "record sync error");
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
        out.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong(),
            q.value(6).toLongLong() });
    return out;
}

Result<QList<DeadLetter>> IngestRepository::deadLetters(qint64 orgId, qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db,
        u"SELECT d.id, d.store_id, d.seq, d.type, d.error, d.received_at "
        "FROM dead_letters d JOIN stores s ON s.id = d.store_id "
        "WHERE s.org_id = ? AND (? = 0 OR d.store_id = ?) ORDER BY d.id DESC LIMIT 500"_s);
    q.addBindValue(orgId);
    q.addBindValue(storeId);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "dead letters"); !ok)
        return fail(ok.error());
    QList<DeadLetter> out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toString() });
    return out;
}

Result<QList<DeadLetterSummary>> IngestRepository::recentDeadLetters(qint64 orgId, const QString &since)
{
    QSqlQuery q = db::prepared(m_db,
        u"SELECT d.store_id, COUNT(*), MAX(d.id) FROM dead_letters d JOIN stores s ON s.id = d.store_id "
        "WHERE s.org_id = ? AND d.received_at >= ? GROUP BY d.store_id ORDER BY d.store_id"_s);
    q.addBindValue(orgId);
    q.addBindValue(since);
    if (auto ok = db::exec(q, "recent dead letters"); !ok)
        return fail(ok.error());
    QList<DeadLetterSummary> out;
    QList<qint64> newest;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), 0, QString()});
        newest.append(q.value(2).toLongLong());
    }
    QSqlQuery last = db::prepared(m_db, u"SELECT seq, error FROM dead_letters WHERE id = ?"_s);
    for (qsizetype i = 0; i < out.size(); ++i) {
        last.addBindValue(newest.at(i));
        if (auto ok = db::exec(last, "newest dead letter"); !ok)
            return fail(ok.error());
        if (last.next()) {
            out[i].lastSeq = last.value(0).toLongLong();
            out[i].lastError = last.value(1).toString();
        }
    }
    return out;
}

Result<QList<OrderEvent>> IngestRepository::orderEvents(qint64 storeId, qint64 fromSeq, qint64 toSeq, int limit)
{
    // Newest first when limited (the last `limit`), then put back in seq order.
    QSqlQuery q = db::prepared(m_db, u"SELECT seq, type, data FROM store_events WHERE store_id = ? AND seq >= ? "
                                      "AND seq <= ? AND type IN ('order.created', 'order.updated') "
                                      "ORDER BY seq DESC LIMIT ?"_s);
    q.addBindValue(storeId);
    q.addBindValue(fromSeq);
    q.addBindValue(toSeq);
    q.addBindValue(limit > 0 ? qint64(limit) : std::numeric_limits<qint64>::max());
    if (auto ok = db::exec(q, "order events of a batch"); !ok)
        return fail(ok.error());
    QList<OrderEvent> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(),
                    QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object()});
    std::reverse(out.begin(), out.end());
    return out;
}

Result<QList<StorePosition>> IngestRepository::positions(qint64 orgId, qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, name, applied_seq FROM stores WHERE org_id = ? AND (? = 0 OR id = ?)"_s);
    q.addBindValue(orgId);
    q.addBindValue(storeId);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "feed positions"); !ok)
        return fail(ok.error());
    QList<StorePosition> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()});
    return out;
}

} // namespace tableorder::central
