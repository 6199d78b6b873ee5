#pragma once

#include "error.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace tableorder::central {

struct HqUser
{
    qint64 id = 0;
    qint64 orgId = 0;
    QString username;
    QString passwordHash;
    QString role; // hq_admin | store_viewer
    qint64 storeId = 0;
    bool disabled = false;
};

struct StoreRecord
{
    qint64 id = 0;
    qint64 orgId = 0;
    QString name;
    QString timezone;
    QDateTime createdAt;
    qint64 appliedSeq = 0;
    qint64 menuVersion = 0;
    qint64 edgeMenuVersion = 0;
    QDateTime lastSyncAt;
    QString edgeVersion;
    qint64 backlog = 0;
    qint64 lagMs = 0;
    qint64 edgeLastSeq = 0;
    QString syncError;
};

/// Organizations, HQ accounts and stores (with their hashed store keys).
class TenantRepository
{
public:
    explicit TenantRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] Result<qint64> createOrganization(const QString &name);
    [[nodiscard]] Result<std::optional<qint64>> organizationByName(const QString &name);
    [[nodiscard]] Result<qint64> createUser(const HqUser &user);
    [[nodiscard]] Result<std::optional<HqUser>> userByName(const QString &username);
    /// Every HQ user (no password hashes), by organization and name.
    [[nodiscard]] Result<QList<HqUser>> users();
    /// The changes below bump the user's token generation (its tokens stop counting);
    /// NOT_FOUND for an unknown username.
    [[nodiscard]] Status setUserPassword(const QString &username, const QString &passwordHash);
    [[nodiscard]] Status setUserDisabled(const QString &username, bool disabled);
    [[nodiscard]] Status setUserRole(const QString &username, const QString &role, qint64 storeId);
    [[nodiscard]] Result<qint64> createStore(qint64 orgId, const QString &name, const QString &timezone,
                                             const QString &keyHash);
    [[nodiscard]] Status setKeyHash(qint64 storeId, const QString &keyHash);
    [[nodiscard]] Result<std::optional<StoreRecord>> storeByKeyHash(const QString &keyHash);
    /// The store if it belongs to the organization; nothing otherwise (another org's store
    /// is indistinguishable from a missing one).
    [[nodiscard]] Result<std::optional<StoreRecord>> store(qint64 orgId, qint64 storeId);
    [[nodiscard]] Result<QList<StoreRecord>> stores(qint64 orgId);
    [[nodiscard]] Result<QList<StoreRecord>> allStores();

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::central
