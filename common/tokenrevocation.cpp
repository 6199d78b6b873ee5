#include "tokenrevocation.h"

#include "crypto.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace tableorder {

QJsonObject TokenRevocation::stamp(const QString &subject) const
{
    const QString jti = QString::fromLatin1(
            crypto::randomBytes(16).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return {{u"gen"_s, m_state.generations.value(subject, 0)}, {u"jti"_s, jti}};
}

Status TokenRevocation::check(const QJsonObject &claims) const
{
    const QString subject = claims.value(u"sub"_s).toString();
    const QJsonValue gen = claims.value(u"gen"_s);
    const auto current = m_state.generations.constFind(subject);
    if (!gen.isDouble() || current == m_state.generations.cend() || gen.toInteger() != *current)
        return fail(ErrorCode::TokenRevoked, u"token was revoked; log in again"_s);
    const QString jti = claims.value(u"jti"_s).toString();
    if (jti.isEmpty() || m_state.revokedIds.contains(jti))
        return fail(ErrorCode::TokenRevoked, u"token was revoked; log in again"_s);
    return {};
}

std::optional<qint64> TokenRevocation::generation(const QString &subject) const
{
    const auto it = m_state.generations.constFind(subject);
    if (it == m_state.generations.cend())
        return std::nullopt;
    return *it;
}

TokenRevocation::Changes TokenRevocation::replace(State state)
{
    Changes changes;
    if (m_state.version < 0) { // the first load: nothing was let in before it
        m_state = std::move(state);
        return changes;
    }
    for (auto it = m_state.generations.cbegin(); it != m_state.generations.cend(); ++it) {
        const auto now = state.generations.constFind(it.key());
        if (now == state.generations.cend() || *now != it.value())
            changes.subjects.append(it.key());
    }
    // Ids revoked in this process (revokeId) are in the old state already; the caller
    // closes their streams itself.
    for (auto it = state.revokedIds.cbegin(); it != state.revokedIds.cend(); ++it) {
        if (!m_state.revokedIds.contains(it.key()))
            changes.tokenIds.append(it.key());
    }
    m_state = std::move(state);
    return changes;
}

Status RevocationTracker::refresh(bool force)
{
    auto version = m_store.version();
    if (!version)
        return fail(version.error());
    if (*version == m_revocation.version() && !force)
        return {};
    auto state = m_store.load(QDateTime::currentSecsSinceEpoch());
    if (!state)
        return fail(state.error());
    const TokenRevocation::Changes changes = m_revocation.replace(std::move(*state));
    if (m_listener && (!changes.subjects.isEmpty() || !changes.tokenIds.isEmpty()))
        m_listener(changes);
    return {};
}

Status RevocationTracker::refreshFor(const QString &subject)
{
    if (auto ok = refresh(); !ok)
        return ok;
    // A principal created since the last change (a new account) is not known yet.
    if (!m_revocation.generation(subject))
        return refresh(true);
    return {};
}

Status RevocationTracker::revokeToken(const QString &jti, qint64 expiresAt)
{
    if (auto ok = m_store.revokeId(jti, expiresAt, QDateTime::currentSecsSinceEpoch()); !ok)
        return ok;
    m_revocation.revokeId(jti, expiresAt);
    if (m_listener)
        m_listener({{}, {jti}});
    return {};
}

} // namespace tableorder
