#include "tablerepository.h"

#include "database.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

TableRepository::TableRepository(QSqlDatabase db)
    : m_db(std::move(db)),
      m_byId(db::prepared(m_db, u"SELECT id, number, password_hash FROM tables WHERE id = ? AND removed_at IS NULL"_s)),
      m_openSession(db::prepared(m_db, u"SELECT id, opened_at FROM table_sessions "
                                        "WHERE table_id = ? AND closed_at IS NULL"_s)),
      m_insertSession(db::prepared(m_db, u"INSERT INTO table_sessions (table_id, opened_at) VALUES (?, ?)"_s))
{
}

Result<QList<TableInfo>> TableRepository::overview()
{
    QSqlQuery q = db::prepared(m_db, uR"(
        SELECT t.id, t.number, s.id, s.opened_at,
               (SELECT COUNT(*) FROM orders o WHERE o.session_id = s.id AND o.status != 'canceled'),
               (SELECT COALESCE(SUM(o.total), 0) FROM orders o WHERE o.session_id = s.id AND o.status != 'canceled')
        FROM tables t LEFT JOIN table_sessions s ON s.table_id = t.id AND s.closed_at IS NULL
        WHERE t.removed_at IS NULL
        ORDER BY t.number)"_s);
    if (auto ok = db::exec(q, "tables overview"); !ok)
        return fail(ok.error());
    QList<TableInfo> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toLongLong(),
                    parseTimestamp(q.value(3).toString()), q.value(4).toInt(), q.value(5).toLongLong()});
    return out;
}

static Result<std::optional<TableRecord>> readTable(QSqlQuery &q)
{
    if (auto ok = db::exec(q, "read table"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<TableRecord>();
    return std::optional(TableRecord{q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString()});
}

Result<std::optional<TableRecord>> TableRepository::byNumber(int number)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, number, password_hash FROM tables "
                                      "WHERE number = ? AND removed_at IS NULL"_s);
    q.addBindValue(number);
    return readTable(q);
}

Result<std::optional<TableRecord>> TableRepository::byId(qint64 id)
{
    m_byId.addBindValue(id);
    auto table = readTable(m_byId);
    m_byId.finish(); // a kept statement must not hold its read open
    return table;
}

Result<int> TableRepository::count()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT COUNT(*) FROM tables WHERE removed_at IS NULL"_s);
    if (auto ok = db::exec(q, "count tables"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<qint64> TableRepository::insert(int number, const QString &passwordHash)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO tables (number, password_hash, created_at) VALUES (?, ?, ?)"_s);
    q.addBindValue(number);
    q.addBindValue(passwordHash);
    q.addBindValue(timestampText(QDateTime::currentDateTimeUtc()));
    if (auto ok = db::exec(q, "insert table"); !ok)
        return fail(ok.error());
    return q.lastInsertId().toLongLong();
}

Status TableRepository::update(const TableRecord &table, bool revokeTokens)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE tables SET number = ?, password_hash = ?, "
                                      "token_generation = token_generation + ? WHERE id = ?"_s);
    q.addBindValue(table.number);
    q.addBindValue(table.passwordHash);
    q.addBindValue(revokeTokens ? 1 : 0);
    q.addBindValue(table.id);
    return db::exec(q, "update table");
}

Status TableRepository::remove(int number, const QDateTime &now)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE tables SET removed_at = ?, token_generation = token_generation + 1 "
                                      "WHERE number = ? AND removed_at IS NULL"_s);
    q.addBindValue(timestampText(now));
    q.addBindValue(number);
    if (auto ok = db::exec(q, "remove table"); !ok)
        return ok;
    if (q.numRowsAffected() == 0)
        return fail(Error::notFound(u"table"_s));
    return {};
}

Result<std::optional<qint64>> TableRepository::removedWithNumber(int number)
{
    QSqlQuery find = db::prepared(m_db, u"SELECT id FROM tables WHERE number = ? AND removed_at IS NOT NULL"_s);
    find.addBindValue(number);
    if (auto ok = db::exec(find, "find removed table"); !ok)
        return fail(ok.error());
    if (!find.next())
        return std::optional<qint64>();
    return std::optional(find.value(0).toLongLong());
}

Result<std::optional<qint64>> TableRepository::reinstate(int number, const QString &passwordHash)
{
    auto removed = removedWithNumber(number);
    if (!removed || !removed->has_value())
        return removed;
    const qint64 id = **removed;
    QSqlQuery q = db::prepared(m_db, u"UPDATE tables SET removed_at = NULL, password_hash = ?, "
                                      "token_generation = token_generation + 1 WHERE id = ?"_s);
    q.addBindValue(passwordHash);
    q.addBindValue(id);
    if (auto ok = db::exec(q, "reinstate table"); !ok)
        return fail(ok.error());
    return std::optional(id);
}

Result<std::optional<SessionRecord>> TableRepository::openSession(qint64 tableId)
{
    QSqlQuery &q = m_openSession;
    q.addBindValue(tableId);
    if (auto ok = db::exec(q, "read session"); !ok)
        return fail(ok.error());
    std::optional<SessionRecord> session;
    if (q.next())
        session = SessionRecord{q.value(0).toLongLong(), tableId, parseTimestamp(q.value(1).toString())};
    q.finish();
    return session;
}

Result<qint64> TableRepository::newestSessionId()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT COALESCE(MAX(id), 0) FROM table_sessions"_s);
    if (auto ok = db::exec(q, "read newest session"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<SessionRecord> TableRepository::openOrCreateSession(qint64 tableId, const QDateTime &now)
{
    auto open = openSession(tableId);
    if (!open)
        return fail(open.error());
    if (open->has_value())
        return **open;
    m_insertSession.addBindValue(tableId);
    m_insertSession.addBindValue(timestampText(now));
    if (auto ok = db::exec(m_insertSession, "open session"); !ok)
        return fail(ok.error());
    return SessionRecord{m_insertSession.lastInsertId().toLongLong(), tableId, now};
}

Status TableRepository::archiveAndClose(const SessionRecord &session, const QDateTime &now)
{
    // Items are folded into a JSON array so history reads need no join.
    QSqlQuery q = db::prepared(m_db, uR"(
        INSERT INTO order_history (order_id, session_id, table_id, table_number, number, business_date,
                                   status, total, note, items_json, created_at, session_opened_at,
                                   session_closed_at)
        SELECT o.id, o.session_id, o.table_id, o.table_number, o.number, o.business_date, o.status,
               o.total, o.note,
               (SELECT json_group_array(json_object('menu_item_id', i.menu_item_id, 'name', i.name,
                        'unit_price', i.unit_price, 'quantity', i.quantity, 'line_total', i.line_total,
                        'options', json(i.options), 'note', i.note))
                FROM order_items i WHERE i.order_id = o.id),
               o.created_at, ?, ?
        FROM orders o WHERE o.session_id = ?)"_s);
    q.addBindValue(timestampText(session.openedAt));
    q.addBindValue(timestampText(now));
    q.addBindValue(session.id);
    if (auto ok = db::exec(q, "archive session"); !ok)
        return ok;
    QSqlQuery close = db::prepared(m_db, u"UPDATE table_sessions SET closed_at = ? WHERE id = ?"_s);
    close.addBindValue(timestampText(now));
    close.addBindValue(session.id);
    return db::exec(close, "close session");
}

Result<HistoryPage> TableRepository::history(qint64 tableId, const QDateTime &from,
                                             const QDateTime &to, int limit, int offset)
{
    const QString where = u" FROM order_history WHERE table_id = ? AND created_at >= ? AND created_at < ?"_s;
    const QVariantList binds{tableId, timestampText(from), timestampText(to)};
    QSqlQuery count = db::prepared(m_db, u"SELECT COUNT(*)"_s + where);
    for (const QVariant &v : binds)
        count.addBindValue(v);
    if (auto ok = db::exec(count, "count history"); !ok)
        return fail(ok.error());
    HistoryPage page;
    page.total = count.next() ? count.value(0).toInt() : 0;

    QSqlQuery q = db::prepared(m_db, u"SELECT order_id, session_id, table_number, number, business_date, "
                                      "status, total, note, items_json, created_at, session_opened_at, "
                                      "session_closed_at"_s
                                              + where + u" ORDER BY created_at DESC, order_id DESC LIMIT ? OFFSET ?"_s);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (auto ok = db::exec(q, "read history"); !ok)
        return fail(ok.error());
    while (q.next()) {
        page.orders.append({{u"id"_s, q.value(0).toLongLong()},
                            {u"session_id"_s, q.value(1).toLongLong()},
                            {u"table_number"_s, q.value(2).toInt()},
                            {u"number"_s, q.value(3).toInt()},
                            {u"business_date"_s, q.value(4).toString()},
                            {u"status"_s, q.value(5).toString()},
                            {u"total"_s, q.value(6).toLongLong()},
                            {u"note"_s, q.value(7).toString()},
                            {u"items"_s, QJsonDocument::fromJson(q.value(8).toByteArray()).array()},
                            {u"created_at"_s, q.value(9).toString()},
                            {u"session_opened_at"_s, q.value(10).toString()},
                            {u"session_closed_at"_s, q.value(11).toString()}});
    }
    return page;
}

} // namespace tableorder::edge
