#include "jwt.h"

#include "crypto.h"

#include <QJsonDocument>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace tableorder {

namespace {

constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encodePart(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(base64url);
}

Result<QJsonObject> decodePart(QByteArrayView part)
{
    auto decoded = QByteArray::fromBase64Encoding(part.toByteArray(),
                                                  base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(ErrorCode::InvalidToken, u"token is not valid base64url"_s);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::InvalidToken, u"token is malformed"_s);
    return document.object();
}

} // namespace

JwtSigner::JwtSigner(QByteArray secret) : m_secret(std::move(secret))
{
    Q_ASSERT(m_secret.size() >= 32);
    crypto::initialize();
}

QByteArray JwtSigner::mac(QByteArrayView signingInput) const
{
    QByteArray out(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(m_secret.constData()),
                                size_t(m_secret.size()));
    crypto_auth_hmacsha256_update(&state,
                                  reinterpret_cast<const unsigned char *>(signingInput.data()),
                                  quint64(signingInput.size()));
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QString JwtSigner::sign(QJsonObject claims, qint64 ttlSeconds, qint64 nowSeconds) const
{
    static const QByteArray header = encodePart({{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}});
    claims.insert(u"iat"_s, nowSeconds);
    claims.insert(u"exp"_s, nowSeconds + ttlSeconds);
    const QByteArray signingInput = header + '.' + encodePart(claims);
    return QString::fromLatin1(signingInput + '.' + mac(signingInput).toBase64(base64url));
}

Result<QJsonObject> JwtSigner::verify(QByteArrayView token, qint64 nowSeconds) const
{
    const qsizetype firstDot = token.indexOf('.');
    const qsizetype lastDot = token.lastIndexOf('.');
    if (token.size() > 4096 || firstDot <= 0 || lastDot == firstDot)
        return fail(ErrorCode::InvalidToken, u"token is malformed"_s);
    const auto header = decodePart(token.first(firstDot));
    if (!header)
        return fail(header.error());
    if (header->value(u"alg"_s).toString() != u"HS256"_s)
        return fail(ErrorCode::InvalidToken, u"token algorithm is not accepted"_s);

    const QByteArrayView signingInput = token.first(lastDot);
    auto signature = QByteArray::fromBase64Encoding(token.sliced(lastDot + 1).toByteArray(),
                                                    base64url | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray expected = mac(signingInput);
    if (!signature || signature.decoded.size() != expected.size()
        || sodium_memcmp(signature.decoded.constData(), expected.constData(), size_t(expected.size())) != 0)
        return fail(ErrorCode::InvalidToken, u"token signature is invalid"_s);

    auto claims = decodePart(signingInput.sliced(firstDot + 1));
    if (!claims)
        return claims;
    const QJsonValue exp = claims->value(u"exp"_s);
    if (!exp.isDouble())
        return fail(ErrorCode::InvalidToken, u"token has no expiry"_s);
    // Compared as doubles: converting an `exp` beyond qint64's range (1e300) is undefined.
    if (exp.toDouble() <= double(nowSeconds))
        return fail(ErrorCode::TokenExpired, u"token has expired"_s);
    return claims;
}

} // namespace tableorder
