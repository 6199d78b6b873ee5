#include "eventrepository.h"

#include "database.h"
#include "domain.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

EventRepository::EventRepository(QSqlDatabase db)
    : m_db(std::move(db)),
      m_append(db::prepared(m_db, u"INSERT INTO events (event_id, type, at, table_id, data, schema_version) "
                                   "VALUES (?, ?, ?, ?, ?, ?)"_s))
{
}

Status EventRepository::append(Event &event)
{
    if (event.id.isEmpty())
        event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_append.addBindValue(event.id);
    m_append.addBindValue(event.type);
    m_append.addBindValue(timestampText(event.at));
    m_append.addBindValue(event.tableId > 0 ? QVariant(event.tableId) : QVariant());
    m_append.addBindValue(QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact)));
    m_append.addBindValue(event.schemaVersion);
    if (auto ok = db::exec(m_append, "append event"); !ok)
        return ok;
    event.seq = m_append.lastInsertId().toLongLong();
    return {};
}

Result<QList<Event>> EventRepository::since(qint64 after, int limit, qint64 tableId)
{
    QSqlQuery q = db::prepared(m_db, tableId > 0
                                       ? u"SELECT seq, event_id, type, at, table_id, data, schema_version FROM events "
                                         "WHERE seq > ? AND (table_id IS NULL OR table_id = ?) ORDER BY seq LIMIT ?"_s
                                       : u"SELECT seq, event_id, type, at, table_id, data, schema_version FROM events "
                                         "WHERE seq > ? ORDER BY seq LIMIT ?"_s);
    q.addBindValue(after);
    if (tableId > 0)
        q.addBindValue(tableId);
    q.addBindValue(limit);
    if (auto ok = db::exec(q, "read events"); !ok)
        return fail(ok.error());
    QList<Event> out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    parseTimestamp(q.value(3).toString()), q.value(4).toLongLong(),
                    QJsonDocument::fromJson(q.value(5).toByteArray()).object(), q.value(6).toInt()});
    }
    return out;
}

static Result<qint64> scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q = db::prepared(db, sql);
    if (auto ok = db::exec(q, "event bounds"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<qint64> EventRepository::lastSeq()
{
    // sqlite_sequence keeps the high-water mark even when the newest events were pruned.
    return scalar(m_db, u"SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)"_s);
}

Result<qint64> EventRepository::firstSeq()
{
    return scalar(m_db, u"SELECT COALESCE(MIN(seq), 0) FROM events"_s);
}

Result<int> EventRepository::pruneBefore(qint64 keepFrom)
{
    QSqlQuery q = db::prepared(m_db, u"DELETE FROM events WHERE seq < ?"_s);
    q.addBindValue(keepFrom);
    if (auto ok = db::exec(q, "prune events"); !ok)
        return fail(ok.error());
    return q.numRowsAffected();
}

} // namespace tableorder::edge
