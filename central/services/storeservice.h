#pragma once

#include "hqauthservice.h"
#include "storage/tenantrepository.h"

#include <QJsonObject>

namespace tableorder::central {

struct RegisteredStore
{
    StoreRecord store;
    QString storeKey; // shown once; only its hash is stored
};

/// Stores of an organization: registration, key rotation, and their sync status.
class StoreService
{
public:
    StoreService(QSqlDatabase db, TenantRepository &tenants, int offlineAfterSeconds);

    [[nodiscard]] Result<QList<StoreRecord>> list(const HqPrincipal &who);
    /// NOT_FOUND for another organization's store or one a viewer may not see.
    [[nodiscard]] Result<StoreRecord> get(const HqPrincipal &who, qint64 storeId);
    [[nodiscard]] Result<RegisteredStore> registerStore(const HqPrincipal &who, const QString &name,
                                                        const QString &timezone);
    [[nodiscard]] Result<QString> rotateKey(const HqPrincipal &who, qint64 storeId);
    [[nodiscard]] Result<StoreRecord> byKey(const QString &storeKey);
    /// The store as stored now (no access check: for the sync channel, which has the key).
    [[nodiscard]] Result<StoreRecord> current(qint64 orgId, qint64 storeId);

    [[nodiscard]] QJsonObject toJson(const StoreRecord &store) const;
    [[nodiscard]] bool isOnline(const StoreRecord &store) const { return isOnline(store.lastSyncAt); }
    [[nodiscard]] bool isOnline(const QDateTime &lastSyncAt) const;

private:
    QSqlDatabase m_db;
    TenantRepository &m_tenants;
    int m_offlineAfter;
};

/// "tok_<43 url-safe chars>": 256 random bits, stored as SHA-256 (no slow hash needed).
QString newStoreKey();
QString storeKeyHash(const QString &storeKey);

} // namespace tableorder::central
