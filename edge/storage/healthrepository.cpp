#include "healthrepository.h"

#include "database.h"
#include "domain.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

Result<qint64> HealthRepository::enqueue(const QDateTime &takenAt, const QByteArray &snapshot, qint64 maxQueued)
{
    db::Transaction tx(m_db);
    QSqlQuery insert = db::prepared(m_db, u"INSERT INTO health_queue (taken_at, snapshot) VALUES (?, ?)"_s);
    insert.addBindValue(timestampText(takenAt));
    insert.addBindValue(snapshot);
    if (auto ok = db::exec(insert, "queue health snapshot"); !ok)
        return fail(ok.error());
    // Everything but the newest maxQueued goes.
    QSqlQuery drop = db::prepared(m_db, u"DELETE FROM health_queue WHERE id <= "
                                        "(SELECT id FROM health_queue ORDER BY id DESC LIMIT 1 OFFSET ?)"_s);
    drop.addBindValue(maxQueued);
    if (auto ok = db::exec(drop, "bound health queue"); !ok)
        return fail(ok.error());
    const qint64 dropped = drop.numRowsAffected();
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    return std::max<qint64>(0, dropped);
}

Result<QList<QueuedSnapshot>> HealthRepository::oldest(int limit)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, snapshot FROM health_queue ORDER BY id LIMIT ?"_s);
    q.addBindValue(limit);
    if (auto ok = db::exec(q, "read health queue"); !ok)
        return fail(ok.error());
    QList<QueuedSnapshot> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toByteArray()});
    return out;
}

Status HealthRepository::acknowledge(qint64 id)
{
    QSqlQuery q = db::prepared(m_db, u"DELETE FROM health_queue WHERE id <= ?"_s);
    q.addBindValue(id);
    return db::exec(q, "acknowledge health snapshots");
}

Result<qint64> HealthRepository::count()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT COUNT(*) FROM health_queue"_s);
    if (auto ok = db::exec(q, "count health queue"); !ok || !q.next())
        return fail(Error::internal());
    return q.value(0).toLongLong();
}

} // namespace tableorder::edge
