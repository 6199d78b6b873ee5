#pragma once

#include "storage/tenantrepository.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace tableorder::central {

/// One row of the HQ audit log: who (an HQ user) did what to which account or store.
struct HqAuditEntry
{
    qint64 id = 0;
    qint64 orgId = 0;
    QString at;
    qint64 actorUserId = 0;
    QString actorUsername;
    QString action;     // user.invited, user.role_changed, user.disabled, store.updated, ...
    QString targetKind; // user | store
    qint64 targetId = 0;
    QString targetName;
    QJsonObject details; // never a password or a token
};

struct HqInvitation
{
    qint64 userId = 0;
    QDateTime expiresAt;
    qint64 orgId = 0;
    QString username;
};

/// HQ accounts by id within an organisation (the dashboard's user management), their
/// one-time invitations (SHA-256 of the token only) and the HQ audit log. Every change to an
/// account bumps its token generation: its tokens stop counting.
class HqAccountRepository
{
public:
    explicit HqAccountRepository(QSqlDatabase db, TenantRepository &tenants) : m_db(std::move(db)), m_tenants(tenants) {}

    /// The organisation's accounts with their stores, by username (no password hashes;
    /// `invited` for an account that has not set its password yet).
    [[nodiscard]] Result<QList<HqUser>> users(qint64 orgId);
    [[nodiscard]] Result<std::optional<HqUser>> user(qint64 orgId, qint64 userId);
    [[nodiscard]] Status setRole(qint64 userId, const QString &role, const QList<qint64> &storeIds);
    [[nodiscard]] Status setDisabled(qint64 userId, bool disabled);
    /// An empty hash: no login matches until an invitation is accepted.
    [[nodiscard]] Status setPasswordHash(qint64 userId, const QString &hash);
    /// Replaces the user's open invitation.
    [[nodiscard]] Status putInvitation(qint64 userId, const QString &tokenHash, const QDateTime &expiresAt);
    [[nodiscard]] Result<std::optional<HqInvitation>> invitation(const QString &tokenHash);
    [[nodiscard]] Status deleteInvitation(qint64 userId);
    [[nodiscard]] Status addAudit(const HqAuditEntry &entry);
    /// Newest first.
    [[nodiscard]] Result<QList<HqAuditEntry>> audit(qint64 orgId, int limit);

private:
    [[nodiscard]] Status changeUser(const QString &sql, const QVariantList &values, const char *what);

    QSqlDatabase m_db;
    TenantRepository &m_tenants;
};

} // namespace tableorder::central
