#include "relayrepository.h"

#include "database.h"

#include <QDateTime>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace tableorder::central {

RelayRepository::RelayRepository(QSqlDatabase db) : m_db(std::move(db)) {}

Result<std::optional<StoreRelayInfo>> RelayRepository::find(qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT s.id, r.lan_url, r.wifi_ssid, r.instance FROM stores s "
                                     "LEFT JOIN store_relay r ON r.store_id = s.id WHERE s.id = ?"_s);
    q.addBindValue(storeId);
    if (auto ok = db::exec(q, "find store relay"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<StoreRelayInfo>();
    return std::optional(StoreRelayInfo{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                                        q.value(3).toString()});
}

Status RelayRepository::connected(qint64 storeId, const QString &lanUrl, const QString &wifiSsid,
                                  const QString &instance)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO store_relay (store_id, lan_url, wifi_ssid, instance, changed_at) "
                                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (store_id) DO UPDATE SET "
                                     "lan_url = excluded.lan_url, wifi_ssid = excluded.wifi_ssid, "
                                     "instance = excluded.instance, changed_at = excluded.changed_at"_s);
    q.addBindValue(storeId);
    q.addBindValue(lanUrl);
    q.addBindValue(wifiSsid);
    q.addBindValue(instance);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return db::exec(q, "store relay connected");
}

Status RelayRepository::disconnected(qint64 storeId, const QString &instance)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE store_relay SET instance = '', changed_at = ? "
                                     "WHERE store_id = ? AND instance = ?"_s);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(storeId);
    q.addBindValue(instance);
    return db::exec(q, "store relay disconnected");
}

} // namespace tableorder::central
