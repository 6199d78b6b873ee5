#include "hqauthservice.h"

#include "crypto.h"
#include "storage/tenantrepository.h"

using namespace Qt::StringLiterals;

namespace tableorder::central {

HqPrincipal HqPrincipal::fromClaims(const QJsonObject &claims)
{
    return {claims.value(u"uid"_s).toInteger(), claims.value(u"org"_s).toInteger(),
            claims.value(u"role"_s).toString(), claims.value(u"store"_s).toInteger()};
}

QJsonObject HqPrincipal::claims() const
{
    return {{u"sub"_s, u"hq:%1"_s.arg(userId)}, {u"uid"_s, userId}, {u"org"_s, orgId},
            {u"role"_s, role}, {u"store"_s, storeId}};
}

HqAuthService::HqAuthService(TenantRepository &tenants, QByteArray secret, int tokenHours)
    : m_tenants(tenants), m_signer(std::move(secret)), m_ttl(qint64(tokenHours) * 3600)
{
}

Result<HqLoginCandidate> HqAuthService::loginCandidate(const QString &username)
{
    auto user = m_tenants.userByName(username);
    if (!user)
        return fail(user.error());
    return HqLoginCandidate{username, user->has_value() ? (*user)->passwordHash : QString()};
}

Result<HqLogin> HqAuthService::completeLogin(const HqLoginCandidate &candidate)
{
    auto user = m_tenants.userByName(candidate.username);
    if (!user)
        return fail(user.error());
    if (!user->has_value() || candidate.passwordHash.isEmpty()
        || (*user)->passwordHash != candidate.passwordHash)
        return fail(ErrorCode::InvalidCredentials, u"wrong credentials"_s);
    const HqPrincipal principal{(*user)->id, (*user)->orgId, (*user)->role, (*user)->storeId};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return HqLogin{m_signer.sign(principal.claims(), m_ttl, now.toSecsSinceEpoch()), now.addSecs(m_ttl), principal};
}

Result<HqPrincipal> HqAuthService::authenticate(QByteArrayView token) const
{
    if (token.isEmpty())
        return fail(ErrorCode::Unauthenticated, u"a bearer token is required"_s);
    auto claims = m_signer.verify(token, QDateTime::currentSecsSinceEpoch());
    if (!claims)
        return fail(claims.error());
    HqPrincipal principal = HqPrincipal::fromClaims(*claims);
    if (principal.orgId <= 0 || (principal.role != u"hq_admin"_s && principal.role != u"store_viewer"_s))
        return fail(ErrorCode::InvalidToken, u"not an HQ token"_s);
    return principal;
}

Result<qint64> HqAuthService::addUser(qint64 orgId, const QString &username, const QString &password,
                                      const QString &role, qint64 storeId)
{
    if (role != u"hq_admin"_s && role != u"store_viewer"_s)
        return fail(Error::validation(u"role"_s, u"role must be hq_admin or store_viewer"_s));
    if (role == u"store_viewer"_s && storeId <= 0)
        return fail(Error::validation(u"store_id"_s, u"a store viewer needs a store"_s));
    if (username.isEmpty() || username.size() > 64 || password.size() < 2)
        return fail(Error::validation(u"username"_s, u"username and password are required"_s));
    return m_tenants.createUser({0, orgId, username, crypto::hashPassword(password), role, storeId});
}

} // namespace tableorder::central
