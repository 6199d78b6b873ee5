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
    QString role; // hq_admin | store_manager | store_viewer
    qint64 storeId = 0; // the first of storeIds
    bool disabled = false;
    QList<qint64> storeIds; // a store manager's or viewer's stores (hq_user_stores)
    QString createdAt;
    bool invited = false; // no password set yet (HqAccountRepository)
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
    int businessDayCutoffHour = 4; // issue 17
};

/// Organizations, HQ accounts and stores (with their hashed store keys).
class TenantRepository
{
public:
    explicit TenantRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] Result<qint64> createOrganization(const QString &name);
    [[nodiscard]] Result<std::optional<qint64>> organizationByName(const QString &name);
    [[nodiscard]] Result<qint64> createUser(const HqUser &user);
    /// With its stores.
    [[nodiscard]] Result<std::optional<HqUser>> userByName(const QString &username);
    /// The stores of a store manager or viewer, in id order.
    [[nodiscard]] Result<QList<qint64>> userStores(qint64 userId);
    /// Replaces them (and hq_users.store_id, the first); none for an admin.
    [[nodiscard]] Status setUserStores(qint64 userId, const QList<qint64> &storeIds);
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
    /// Name, time zone and business-day cutoff (issue 17).
    [[nodiscard]] Status updateStoreSettings(qint64 storeId, const QString &name, const QString &timezone, int cutoffHour);
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
