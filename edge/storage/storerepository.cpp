#include "storerepository.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

Result<StoreSettings> StoreRepository::settings()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT name, currency, timezone, business_day_cutoff_hour, "
                                      "menu_version, staff_void_limit, staff_discount_limit FROM store WHERE id = 1"_s);
    if (auto ok = db::exec(q, "read store"); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::internal());
    return StoreSettings{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toInt(), q.value(4).toLongLong(),
                         StaffLimits{q.value(5).toLongLong(), q.value(6).toLongLong()}};
}

Status StoreRepository::setName(const QString &name)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE store SET name = ? WHERE id = 1"_s);
    q.addBindValue(name);
    return db::exec(q, "rename store");
}

Status StoreRepository::setStaffLimits(const StaffLimits &limits)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE store SET staff_void_limit = ?, staff_discount_limit = ? WHERE id = 1"_s);
    q.addBindValue(limits.voidWon);
    q.addBindValue(limits.discountWon);
    return db::exec(q, "set staff limits");
}

Status StoreRepository::setHqSettings(const QString &name, const QString &timezone, int cutoffHour)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE store SET name = ?, timezone = ?, business_day_cutoff_hour = ? WHERE id = 1"_s);
    q.addBindValue(name);
    q.addBindValue(timezone);
    q.addBindValue(cutoffHour);
    return db::exec(q, "apply HQ store settings");
}

Result<qint64> StoreRepository::bumpMenuVersion()
{
    QSqlQuery q = db::prepared(
            m_db, u"UPDATE store SET menu_version = menu_version + 1 WHERE id = 1 RETURNING menu_version"_s);
    if (auto ok = db::exec(q, "bump menu version"); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::internal());
    return q.value(0).toLongLong();
}

} // namespace tableorder::edge
