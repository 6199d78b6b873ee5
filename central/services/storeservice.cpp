#include "storeservice.h"

#include "crypto.h"
#include "domain.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace tableorder::central {

QString newStoreKey()
{
    return u"sk_"_s + crypto::randomToken(32);
}

QString storeKeyHash(const QString &storeKey)
{
    return crypto::sha256Hex(storeKey.toUtf8());
}

StoreService::StoreService(QSqlDatabase db, TenantRepository &tenants, int offlineAfterSeconds)
    : m_db(std::move(db)), m_tenants(tenants), m_offlineAfter(offlineAfterSeconds)
{
}

bool StoreService::isOnline(const QDateTime &lastSyncAt) const
{
    return lastSyncAt.isValid() && lastSyncAt.secsTo(QDateTime::currentDateTimeUtc()) <= m_offlineAfter;
}

QJsonObject StoreService::toJson(const StoreRecord &s) const
{
    return {{u"id"_s, s.id},
            {u"name"_s, s.name},
            {u"timezone"_s, s.timezone},
            {u"business_day_cutoff_hour"_s, s.businessDayCutoffHour},
            {u"created_at"_s, timestampJson(s.createdAt)},
            {u"status"_s, isOnline(s) ? u"online"_s : u"offline"_s},
            {u"last_sync_at"_s, timestampJson(s.lastSyncAt)},
            {u"applied_seq"_s, s.appliedSeq},
            {u"edge_last_seq"_s, s.edgeLastSeq},
            {u"backlog"_s, s.backlog},
            {u"lag_ms"_s, s.lagMs},
            {u"edge_version"_s, s.edgeVersion},
            {u"menu_version"_s, s.menuVersion},
            {u"edge_menu_version"_s, s.edgeMenuVersion},
            {u"sync_error"_s, s.syncError}};
}

Result<QList<StoreRecord>> StoreService::list(const HqPrincipal &who)
{
    auto stores = m_tenants.stores(who.orgId);
    if (!stores)
        return stores;
    if (!who.isAdmin())
        stores->removeIf([&who](const StoreRecord &s) { return !who.canSee(s.id); });
    return stores;
}

Result<StoreRecord> StoreService::get(const HqPrincipal &who, qint64 storeId)
{
    if (!who.canSee(storeId))
        return fail(Error::notFound(u"store"_s));
    auto store = m_tenants.store(who.orgId, storeId);
    if (!store)
        return fail(store.error());
    if (!store->has_value())
        return fail(Error::notFound(u"store"_s));
    return **store;
}

Result<RegisteredStore> StoreService::registerStore(const HqPrincipal &who, const QString &name,
                                                    const QString &timezone)
{
    if (!who.isAdmin())
        return fail(ErrorCode::Forbidden, u"only an HQ admin can register stores"_s);
    if (!QTimeZone(timezone.toUtf8()).isValid())
        return fail(Error::validation(u"timezone"_s, u"unknown time zone %1 (use an IANA name like Asia/Seoul)"_s.arg(timezone)));
    const QString key = newStoreKey();
    auto id = m_tenants.createStore(who.orgId, name, timezone, storeKeyHash(key));
    if (!id)
        return fail(id.error());
    auto store = get(who, *id);
    if (!store)
        return fail(store.error());
    return RegisteredStore{*store, key};
}

Result<QString> StoreService::rotateKey(const HqPrincipal &who, qint64 storeId)
{
    if (!who.isAdmin())
        return fail(ErrorCode::Forbidden, u"only an HQ admin can rotate store keys"_s);
    auto store = get(who, storeId);
    if (!store)
        return fail(store.error());
    const QString key = newStoreKey();
    if (auto ok = m_tenants.setKeyHash(storeId, storeKeyHash(key)); !ok)
        return fail(ok.error());
    return key;
}

Result<StoreRecord> StoreService::current(qint64 orgId, qint64 storeId)
{
    auto store = m_tenants.store(orgId, storeId);
    if (!store)
        return fail(store.error());
    if (!store->has_value())
        return fail(Error::notFound(u"store"_s));
    return **store;
}

Result<StoreRecord> StoreService::byKey(const QString &storeKey)
{
    if (storeKey.isEmpty())
        return fail(ErrorCode::Unauthenticated, u"a store key is required"_s);
    auto store = m_tenants.storeByKeyHash(storeKeyHash(storeKey));
    if (!store)
        return fail(store.error());
    if (!store->has_value())
        return fail(ErrorCode::InvalidToken, u"unknown store key"_s);
    return **store;
}

} // namespace tableorder::central
