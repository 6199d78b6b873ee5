#include "hqauthservice.h"

#include "crypto.h"
#include "storage/hqtokenrepository.h"
#include "storage/tenantrepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tableorder::central {

HqPrincipal HqPrincipal::fromClaims(const QJsonObject &claims)
{
    HqPrincipal who{claims.value(u"uid"_s).toInteger(), claims.value(u"org"_s).toInteger(),
                    claims.value(u"role"_s).toString(), claims.value(u"store"_s).toInteger(),
                    claims.value(u"gen"_s).toInteger(), claims.value(u"jti"_s).toString(),
                    claims.value(u"exp"_s).toInteger()};
    for (const QJsonValue &store : claims.value(u"stores"_s).toArray())
        who.stores.append(store.toInteger());
    if (who.stores.isEmpty() && !who.isAdmin())
        who.stores.append(who.storeId); // a token from before issue 17: its one store
    return who;
}

bool isHqRole(const QString &role)
{
    return role == u"hq_admin"_s || role == u"store_manager"_s || role == u"store_viewer"_s;
}

QJsonObject HqPrincipal::claims() const
{
    QJsonObject claims{{u"sub"_s, subject()}, {u"uid"_s, userId}, {u"org"_s, orgId},
                       {u"role"_s, role}, {u"store"_s, storeId}};
    if (!isAdmin()) {
        QJsonArray list;
        for (qint64 store : stores)
            list.append(store);
        claims.insert(u"stores"_s, list);
    }
    if (generation)
        claims.insert(u"gen"_s, generation);
    if (!tokenId.isEmpty())
        claims.insert(u"jti"_s, tokenId);
    if (expiresAt)
        claims.insert(u"exp"_s, expiresAt);
    return claims;
}

Status checkHqPassword(const QString &password, int minLength)
{
    if (password.size() < minLength || password.size() > 256)
        return fail(Error::validation(u"password"_s,
                                      u"an HQ password must be %1 to 256 characters"_s.arg(minLength)));
    return {};
}

HqAuthService::HqAuthService(TenantRepository &tenants, HqTokenRepository &tokens, QByteArray secret,
                             int tokenHours)
    : m_tenants(tenants), m_tracker(tokens), m_signer(std::move(secret)), m_ttl(qint64(tokenHours) * 3600)
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
    // A disabled user gets the answer of a wrong password, after the same work.
    if (!user->has_value() || candidate.passwordHash.isEmpty()
        || (*user)->passwordHash != candidate.passwordHash || (*user)->disabled)
        return fail(ErrorCode::InvalidCredentials, u"wrong credentials"_s);
    HqPrincipal principal{(*user)->id, (*user)->orgId, (*user)->role, (*user)->storeId};
    if (!principal.isAdmin())
        principal.stores = (*user)->storeIds.isEmpty() ? QList<qint64>{(*user)->storeId} : (*user)->storeIds;
    // A change made a moment ago elsewhere must be known before the token takes a generation.
    if (auto ok = refreshFor(principal.subject()); !ok)
        return fail(ok.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject claims = principal.claims();
    const QJsonObject stamp = m_tracker.revocation().stamp(principal.subject());
    for (auto it = stamp.begin(); it != stamp.end(); ++it)
        claims.insert(it.key(), it.value());
    return HqLogin{m_signer.sign(claims, m_ttl, now.toSecsSinceEpoch()), now.addSecs(m_ttl), principal};
}

Result<HqPrincipal> HqAuthService::authenticate(QByteArrayView token) const
{
    if (token.isEmpty())
        return fail(ErrorCode::Unauthenticated, u"a bearer token is required"_s);
    auto claims = m_signer.verify(token, QDateTime::currentSecsSinceEpoch());
    if (!claims)
        return fail(claims.error());
    HqPrincipal principal = HqPrincipal::fromClaims(*claims);
    if (principal.orgId <= 0 || !isHqRole(principal.role))
        return fail(ErrorCode::InvalidToken, u"not an HQ token"_s);
    if (auto ok = m_tracker.revocation().check(*claims); !ok)
        return fail(ok.error());
    return principal;
}

Status HqAuthService::stillValid(const HqPrincipal &who) const
{
    return m_tracker.revocation().check(who.claims());
}

Result<qint64> HqAuthService::addUser(qint64 orgId, const QString &username, const QString &password,
                                      const QString &role, qint64 storeId)
{
    if (!isHqRole(role))
        return fail(Error::validation(u"role"_s, u"role must be hq_admin, store_manager or store_viewer"_s));
    if (role != u"hq_admin"_s && storeId <= 0)
        return fail(Error::validation(u"store_id"_s, u"a store manager or viewer needs a store"_s));
    if (username.isEmpty() || username.size() > 64)
        return fail(Error::validation(u"username"_s, u"username must be 1 to 64 characters"_s));
    if (auto ok = checkHqPassword(password, m_minPasswordLength); !ok)
        return fail(ok.error());
    return m_tenants.createUser({0, orgId, username, crypto::hashPassword(password), role, storeId});
}

} // namespace tableorder::central
