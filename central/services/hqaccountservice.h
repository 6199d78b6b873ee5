#pragma once

#include "database.h"
#include "hqauthservice.h"
#include "storage/hqaccountrepository.h"

#include <QJsonArray>
#include <QSqlDatabase>

#include <functional>

namespace tableorder::central {

class HqTokenRepository;

/// A one-time invitation as the admin receives it: the token is shown once and only its
/// SHA-256 is stored.
struct IssuedInvitation
{
    HqUser user;
    QString token;
    QDateTime expiresAt;
};

/// HQ account management by an organisation's admins (GET/POST /api/v1/users...): invite,
/// role and stores, disable/enable, password reset; and accepting an invitation. Every
/// change is written with its HQ audit row in one transaction and bumps the account's token
/// generation and the auth version, so its tokens and live feeds end at once here (the
/// `revoked` callback reloads them) and within a second on other instances.
class HqAccountService
{
public:
    static constexpr int invitationHours = 72;

    HqAccountService(QSqlDatabase db, HqAccountRepository &accounts, TenantRepository &tenants,
                     HqTokenRepository &tokens);

    /// Called after each committed change that revokes tokens.
    void setRevokedCallback(std::function<void()> callback) { m_revoked = std::move(callback); }
    void setMinimumPasswordLength(int length) { m_minPasswordLength = length; }

    [[nodiscard]] Result<QList<HqUser>> list(const HqPrincipal &who);
    /// A new account without a password, and its invitation.
    [[nodiscard]] Result<IssuedInvitation> invite(const HqPrincipal &who, const QString &username, const QString &role,
                                                  const QList<qint64> &storeIds);
    [[nodiscard]] Result<HqUser> setRole(const HqPrincipal &who, qint64 userId, const QString &role,
                                         const QList<qint64> &storeIds);
    [[nodiscard]] Result<HqUser> setDisabled(const HqPrincipal &who, qint64 userId, bool disabled);
    /// Clears the password (the account's tokens stop working) and issues a new invitation.
    [[nodiscard]] Result<IssuedInvitation> resetPassword(const HqPrincipal &who, qint64 userId);
    /// Sets the password of the invitation's account; the invitation is used up. NOT_FOUND
    /// for an unknown, used or expired token.
    [[nodiscard]] Result<HqUser> acceptInvitation(const QString &token, const QString &password);
    [[nodiscard]] Result<QList<HqAuditEntry>> audit(const HqPrincipal &who, int limit);
    /// For other services (store settings): one audit row inside the caller's transaction.
    [[nodiscard]] Status record(const HqPrincipal &who, const QString &action, const QString &targetKind,
                                qint64 targetId, const QString &targetName, const QJsonObject &details);

    [[nodiscard]] static QJsonObject toJson(const HqUser &user);
    [[nodiscard]] static QJsonObject toJson(const HqAuditEntry &entry);

private:
    /// Commits an account change with the token version bumped, then reloads revocations.
    [[nodiscard]] Status commitRevoking(db::Transaction &tx);
    [[nodiscard]] Status checkRoleAndStores(const HqPrincipal &who, const QString &role, const QList<qint64> &storeIds);
    [[nodiscard]] Result<HqUser> target(const HqPrincipal &who, qint64 userId);
    [[nodiscard]] Result<IssuedInvitation> newInvitation(const HqUser &user);

    QSqlDatabase m_db;
    HqAccountRepository &m_accounts;
    TenantRepository &m_tenants;
    HqTokenRepository &m_tokens;
    std::function<void()> m_revoked;
    int m_minPasswordLength = HqAuthService::minimumPasswordLength;
};

} // namespace tableorder::central
