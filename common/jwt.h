#pragma once

#include "error.h"

#include <QByteArray>
#include <QJsonObject>

namespace tableorder {

/// HS256 JSON Web Tokens. Only `{"alg":"HS256","typ":"JWT"}` headers verify: `alg: none`
/// and every other algorithm are INVALID_TOKEN; a past `exp` is TOKEN_EXPIRED.
class JwtSigner
{
public:
    explicit JwtSigner(QByteArray secret);

    /// Adds `iat` and `exp` (now + ttlSeconds) to the claims.
    [[nodiscard]] QString sign(QJsonObject claims, qint64 ttlSeconds, qint64 nowSeconds) const;
    [[nodiscard]] Result<QJsonObject> verify(QByteArrayView token, qint64 nowSeconds) const;

private:
    QByteArray mac(QByteArrayView signingInput) const;
    QByteArray m_secret;
};

} // namespace tableorder
