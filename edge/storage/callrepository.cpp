#include "callrepository.h"

#include "database.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

const QString callColumns = u"id, table_id, table_number, session_id, reason, note, status, created_at, "
                            "acknowledged_at, acknowledged_by, done_at, done_by, overdue_at"_s;

QVariant actorText(const QJsonObject &actor)
{
    if (actor.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromUtf8(QJsonDocument(actor).toJson(QJsonDocument::Compact));
}

QJsonObject actorFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QVariant timeText(const QDateTime &time)
{
    return time.isValid() ? QVariant(timestampText(time)) : QVariant(QMetaType::fromType<QString>());
}

} // namespace

CallRepository::CallRepository(QSqlDatabase db) : m_db(std::move(db)) {}

Result<QList<StaffCall>> CallRepository::select(const QString &where, const QVariantList &values,
                                                const char *what)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + callColumns + u" FROM calls "_s + where);
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (auto ok = db::exec(q, what); !ok)
        return fail(ok.error());
    QList<StaffCall> out;
    while (q.next()) {
        StaffCall c;
        c.id = q.value(0).toLongLong();
        c.tableId = q.value(1).toLongLong();
        c.tableNumber = q.value(2).toInt();
        c.sessionId = q.value(3).toLongLong();
        c.reason = q.value(4).toString();
        c.note = q.value(5).toString();
        c.status = q.value(6).toString();
        c.createdAt = parseTimestamp(q.value(7).toString());
        c.acknowledgedAt = parseTimestamp(q.value(8).toString());
        c.acknowledgedBy = actorFrom(q.value(9));
        c.doneAt = parseTimestamp(q.value(10).toString());
        c.doneBy = actorFrom(q.value(11));
        c.overdueAt = parseTimestamp(q.value(12).toString());
        out.append(c);
    }
    return out;
}

Result<qint64> CallRepository::insert(const StaffCall &call)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO calls (table_id, table_number, session_id, reason, note, "
                                      "status, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?)"_s);
    q.addBindValue(call.tableId);
    q.addBindValue(call.tableNumber);
    q.addBindValue(call.sessionId);
    q.addBindValue(call.reason);
    q.addBindValue(call.note.isNull() ? u""_s : call.note); // a null QString binds as NULL
    q.addBindValue(timestampText(call.createdAt));
    if (auto ok = db::exec(q, "insert call"); !ok)
        return fail(ok.error());
    return q.lastInsertId().toLongLong();
}

Result<std::optional<StaffCall>> CallRepository::byId(qint64 id)
{
    auto found = select(u"WHERE id = ?"_s, {id}, "read call");
    if (!found)
        return fail(found.error());
    return found->isEmpty() ? std::nullopt : std::optional(found->first());
}

Result<std::optional<StaffCall>> CallRepository::openFor(qint64 tableId, const QString &reason)
{
    auto found = select(u"WHERE table_id = ? AND reason = ? AND status IN ('open', 'acknowledged')"_s,
                        {tableId, reason}, "read open call");
    if (!found)
        return fail(found.error());
    return found->isEmpty() ? std::nullopt : std::optional(found->first());
}

Result<QList<StaffCall>> CallRepository::list(const QStringList &statuses, int limit)
{
    Q_ASSERT(!statuses.isEmpty());
    QStringList marks(statuses.size(), u"?"_s);
    QVariantList values(statuses.cbegin(), statuses.cend());
    values.append(limit);
    // Done calls newest first (a history); open ones oldest first (who waits longest).
    const bool history = statuses == QStringList{u"done"_s};
    return select(u"WHERE status IN (%1) ORDER BY created_at %2, id %2 LIMIT ?"_s.arg(
                          marks.join(u", "_s), history ? u"DESC"_s : u"ASC"_s),
                  values, "list calls");
}

Result<QList<StaffCall>> CallRepository::activeOfSession(qint64 sessionId)
{
    return select(u"WHERE session_id = ? AND status IN ('open', 'acknowledged') ORDER BY id"_s,
                  {sessionId}, "list calls of session");
}

Result<QList<StaffCall>> CallRepository::activeOfClosedSessions()
{
    return select(u"WHERE status IN ('open', 'acknowledged') AND session_id IN "
                  "(SELECT id FROM table_sessions WHERE closed_at IS NOT NULL) ORDER BY id"_s,
                  {}, "list calls of closed sessions");
}

Result<QList<QDateTime>> CallRepository::createdSince(const QDateTime &since)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT created_at FROM calls WHERE created_at >= ?"_s);
    q.addBindValue(timestampText(since));
    if (auto ok = db::exec(q, "list call times"); !ok)
        return fail(ok.error());
    QList<QDateTime> times;
    while (q.next())
        times.append(parseTimestamp(q.value(0).toString()));
    return times;
}

Status CallRepository::acknowledge(qint64 id, const QDateTime &at, const QJsonObject &by)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE calls SET status = 'acknowledged', acknowledged_at = ?, "
                                      "acknowledged_by = ? WHERE id = ? AND status = 'open'"_s);
    q.addBindValue(timestampText(at));
    q.addBindValue(actorText(by));
    q.addBindValue(id);
    return db::exec(q, "acknowledge call");
}

Status CallRepository::finish(qint64 id, const QDateTime &at, const QJsonObject &by)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE calls SET status = 'done', done_at = ?, done_by = ? "
                                      "WHERE id = ? AND status IN ('open', 'acknowledged')"_s);
    q.addBindValue(timestampText(at));
    q.addBindValue(actorText(by));
    q.addBindValue(id);
    return db::exec(q, "finish call");
}

Result<QList<StaffCall>> CallRepository::dueForOverdue(const QDateTime &before)
{
    return select(u"WHERE status = 'open' AND overdue_at IS NULL AND created_at < ? ORDER BY id"_s,
                  {timestampText(before)}, "list overdue calls");
}

Status CallRepository::markOverdue(qint64 id, const QDateTime &at)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE calls SET overdue_at = ? WHERE id = ?"_s);
    q.addBindValue(timeText(at));
    q.addBindValue(id);
    return db::exec(q, "mark call overdue");
}

Result<std::pair<qint64, QDateTime>> CallRepository::overdueNow()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT COUNT(*), MIN(created_at) FROM calls "
                                      "WHERE status = 'open' AND overdue_at IS NOT NULL"_s);
    if (auto ok = db::exec(q, "count overdue calls"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::pair<qint64, QDateTime>{0, {}};
    return std::pair{q.value(0).toLongLong(), parseTimestamp(q.value(1).toString())};
}

} // namespace tableorder::edge
