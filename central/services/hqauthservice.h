#pragma once

#include "error.h"
#include "jwt.h"
#include "tokenrevocation.h"

#include <functional>

#include <QDateTime>
#include <QJsonObject>

namespace tableorder::central {

class TenantRepository;
class HqTokenRepository;

/// An HQ account as its token describes it. Every query is scoped by orgId; a store
/// viewer also by storeId.
struct HqPrincipal
{
    qint64 userId = 0;
    qint64 orgId = 0;
    QString role; // hq_admin | store_manager | store_viewer
    qint64 storeId = 0; // the first of `stores`
    // The token's own claims, for revocation (see TokenRevocation).
    qint64 generation = 0;
    QString tokenId;
    qint64 expiresAt = 0;
    /// A store manager's or viewer's stores (never empty for them; {0} sees nothing).
    QList<qint64> stores;

    [[nodiscard]] QString subject() const { return QStringLiteral("hq:%1").arg(userId); }
    [[nodiscard]] bool isAdmin() const { return role == QLatin1StringView("hq_admin"); }
    /// Whether this account may see the store (its organization is checked by the query).
    [[nodiscard]] bool canSee(qint64 store) const { return isAdmin() || stores.contains(store); }
    /// Whether this account may change the store's settings: admins, and its store managers.
    [[nodiscard]] bool canManage(qint64 store) const
    {
        return isAdmin() || (role == QLatin1StringView("store_manager") && stores.contains(store));
    }
    static HqPrincipal fromClaims(const QJsonObject &claims);
    [[nodiscard]] QJsonObject claims() const;
};

struct HqLogin
{
    QString token;
    QDateTime expiresAt;
    HqPrincipal principal;
};

/// The stored side of an HQ login, read on the event loop's thread: the hash the password is
/// checked against off it (empty: no such user).
struct HqLoginCandidate
{
    QString username;
    QString passwordHash;
};

/// HQ logins and tokens. Tokens carry their user's generation and an id, checked against
/// TokenRevocation in memory; refresh() reloads it when the auth version moved. A login is
/// three steps so that argon2id runs off the event loop: loginCandidate(), the check on a
/// worker (crypto::PasswordVerifier), completeLogin().
class HqAuthService
{
public:
    using RevocationListener = RevocationTracker::Listener;
    /// Outside --demo.
    static constexpr int minimumPasswordLength = 10;

    HqAuthService(TenantRepository &tenants, HqTokenRepository &tokens, QByteArray secret, int tokenHours);

    [[nodiscard]] Result<HqLoginCandidate> loginCandidate(const QString &username);
    /// After the password matched: the token, provided the user still has that hash (a
    /// password changed meanwhile fails); INVALID_CREDENTIALS otherwise.
    [[nodiscard]] Result<HqLogin> completeLogin(const HqLoginCandidate &candidate);
    /// INVALID_TOKEN, TOKEN_EXPIRED or TOKEN_REVOKED; UNAUTHENTICATED without a token.
    [[nodiscard]] Result<HqPrincipal> authenticate(QByteArrayView token) const;
    /// TOKEN_REVOKED when the token `who` came from was revoked since (stream tickets).
    [[nodiscard]] Status stillValid(const HqPrincipal &who) const;
    /// Revokes the calling token only.
    [[nodiscard]] Status logout(const HqPrincipal &who) { return m_tracker.revokeToken(who.tokenId, who.expiresAt); }
    [[nodiscard]] Status refresh(bool force = false) { return m_tracker.refresh(force); }
    void setRevocationListener(RevocationListener listener) { m_tracker.setListener(std::move(listener)); }
    /// --demo allows the demo's short passwords.
    void setMinimumPasswordLength(int length) { m_minPasswordLength = length; }
    [[nodiscard]] Result<qint64> addUser(qint64 orgId, const QString &username, const QString &password,
                                         const QString &role, qint64 storeId);

private:
    /// refresh(), and a forced reload when `subject` is still unknown (created since).
    [[nodiscard]] Status refreshFor(const QString &subject) { return m_tracker.refreshFor(subject); }

    TenantRepository &m_tenants;
    RevocationTracker m_tracker;
    JwtSigner m_signer;
    qint64 m_ttl;
    int m_minPasswordLength = minimumPasswordLength;
};

/// Whether `role` is one of hq_admin, store_manager, store_viewer.
[[nodiscard]] bool isHqRole(const QString &role);

/// VALIDATION_FAILED unless the password has minLength to 256 characters.
[[nodiscard]] Status checkHqPassword(const QString &password, int minLength);

} // namespace tableorder::central
