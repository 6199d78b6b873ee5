// HS256 token verification (common/jwt.*): the bearer token every request carries.
//
// The first byte picks what the rest is:
//  - even: a token as sent, verified as it is (forgeries: bad base64, wrong algorithm,
//    wrong or truncated signature, oversized, extra dots);
//  - odd: `header JSON` '\n' `claims JSON`, which this target signs with the secret before
//    verifying, so that the header and claims readers behind the signature check are
//    fuzzed too (what a holder of the secret, or of a valid token, could make them read).

#include "fuzzcheck.h"
#include "jwt.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;
using namespace tableorder;

namespace {

const QByteArray secret = QByteArray(32, 'k') + "fuzz-secret";
constexpr qint64 now = 1'700'000'000;
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

const JwtSigner &signer()
{
    static const JwtSigner instance(secret);
    return instance;
}

QByteArray hmac(const QByteArray &signingInput)
{
    return QMessageAuthenticationCode::hash(signingInput, secret, QCryptographicHash::Sha256);
}

/// What verify() promises of a token it accepts.
void checkAccepted(const QByteArray &token, const QJsonObject &claims)
{
    const qsizetype lastDot = token.lastIndexOf('.');
    const QByteArray signingInput = token.first(lastDot);
    const QJsonObject header = QJsonDocument::fromJson(
            QByteArray::fromBase64(signingInput.first(signingInput.indexOf('.')), base64url)).object();
    FUZZ_CHECK(header.value(u"alg"_s).toString() == u"HS256"_s);
    FUZZ_CHECK(QByteArray::fromBase64(token.sliced(lastDot + 1), base64url) == hmac(signingInput));
    FUZZ_CHECK(claims.value(u"exp"_s).isDouble() && claims.value(u"exp"_s).toDouble() > double(now));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const bool sign = data[0] & 1;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);

    if (!sign) {
        if (auto claims = signer().verify(rest, now))
            checkAccepted(rest, *claims);
        return 0;
    }

    const qsizetype split = rest.indexOf('\n');
    const QByteArray headerJson = split < 0 ? rest : rest.first(split);
    const QByteArray claimsJson = split < 0 ? QByteArray() : rest.sliced(split + 1);
    const QByteArray signingInput = headerJson.toBase64(base64url) + '.' + claimsJson.toBase64(base64url);
    const QByteArray token = signingInput + '.' + hmac(signingInput).toBase64(base64url);
    auto claims = signer().verify(token, now);
    if (claims)
        checkAccepted(token, *claims);

    // A well-formed token of ours, unexpired, verifies.
    QJsonParseError headerError{}, claimsError{};
    const QJsonDocument header = QJsonDocument::fromJson(headerJson, &headerError);
    const QJsonDocument payload = QJsonDocument::fromJson(claimsJson, &claimsError);
    const QJsonValue exp = payload.object().value(u"exp"_s);
    if (token.size() <= 4096 && headerError.error == QJsonParseError::NoError && header.isObject()
        && header.object().value(u"alg"_s) == u"HS256"_s && claimsError.error == QJsonParseError::NoError
        && payload.isObject() && exp.isDouble() && exp.toDouble() > double(now) + 1)
        FUZZ_CHECK(claims);
    return 0;
}
