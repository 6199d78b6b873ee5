#include "syncstaterepository.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

Result<QString> SyncStateRepository::get(const QString &key, const QString &fallback)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT value FROM sync_state WHERE key = ?"_s);
    q.addBindValue(key);
    if (auto ok = db::exec(q, "read sync state"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toString() : fallback;
}

Status SyncStateRepository::set(const QString &key, const QString &value)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    q.addBindValue(key);
    q.addBindValue(db::text(value));
    return db::exec(q, "write sync state");
}

Status SyncStateRepository::setWithoutFlush(const QString &key, const QString &value)
{
    db::DeferredFlush deferred(m_db);
    return set(key, value);
}

Result<QList<DailyTotal>> SyncStateRepository::dailyTotals(const QStringList &businessDates)
{
    QList<DailyTotal> out;
    QSqlQuery q = db::prepared(m_db, u"SELECT COUNT(*), COALESCE(SUM(total), 0) FROM orders "
                                      "WHERE business_date = ? AND status != 'canceled'"_s);
    for (const QString &date : businessDates) {
        q.addBindValue(date);
        if (auto ok = db::exec(q, "daily totals"); !ok)
            return fail(ok.error());
        if (q.next())
            out.append({date, q.value(0).toLongLong(), q.value(1).toLongLong()});
        q.finish();
    }
    return out;
}

} // namespace tableorder::edge
