#pragma once

#include "error.h"
#include "jwt.h"

#include <QDateTime>
#include <QJsonObject>

namespace tableorder::central {

class TenantRepository;

/// An HQ account as its token describes it. Every query is scoped by orgId; a store
/// viewer also by storeId.
struct HqPrincipal
{
    qint64 userId = 0;
    qint64 orgId = 0;
    QString role; // hq_admin | store_viewer
    qint64 storeId = 0;

    [[nodiscard]] bool isAdmin() const { return role == QLatin1StringView("hq_admin"); }
    /// Whether this account may see the store (its organization is checked by the query).
    [[nodiscard]] bool canSee(qint64 store) const { return isAdmin() || store == storeId; }
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

/// HQ logins and tokens. A login is three steps so that argon2id runs off the event loop:
/// loginCandidate(), the check on a worker (crypto::PasswordVerifier), completeLogin().
class HqAuthService
{
public:
    HqAuthService(TenantRepository &tenants, QByteArray secret, int tokenHours);

    [[nodiscard]] Result<HqLoginCandidate> loginCandidate(const QString &username);
    /// After the password matched: the token, provided the user still has that hash (a
    /// password changed meanwhile fails); INVALID_CREDENTIALS otherwise.
    [[nodiscard]] Result<HqLogin> completeLogin(const HqLoginCandidate &candidate);
    [[nodiscard]] Result<HqPrincipal> authenticate(QByteArrayView token) const;
    [[nodiscard]] Result<qint64> addUser(qint64 orgId, const QString &username, const QString &password,
                                         const QString &role, qint64 storeId);

private:
    TenantRepository &m_tenants;
    JwtSigner m_signer;
    qint64 m_ttl;
};

} // namespace tableorder::central
