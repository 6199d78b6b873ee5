#include "jwt.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using tableorder::test::handmadeToken;

Q_DECLARE_METATYPE(tableorder::ErrorCode)

namespace {
const QByteArray secret = QByteArray(32, 'k') + "store-secret";
const QByteArray otherSecret = QByteArray(44, 'x');
constexpr qint64 now = 1'700'000'000;
const QJsonObject claims{{u"role"_s, u"table"_s}, {u"sub"_s, u"table:3"_s}, {u"tid"_s, 3}};
const QJsonObject hs256{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};

QJsonObject withExpiry(QJsonObject object, qint64 exp)
{
    object.insert(u"iat"_s, now - 10);
    object.insert(u"exp"_s, exp);
    return object;
}

QString replacePart(const QString &token, int index, const QByteArray &json)
{
    QStringList parts = token.split(u'.');
    parts[index] = QString::fromLatin1(
            json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return parts.join(u'.');
}
} // namespace

/// HS256 tokens: what verifies, and that every forgery the issue lists is refused.
class TestJwt : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void expiry_data();
    void expiry();
    void rejected_data();
    void rejected();
    void expiryBeyondInt64_data();
    void expiryBeyondInt64();
};

void TestJwt::roundTrip()
{
    const JwtSigner signer(secret);
    const QString token = signer.sign(claims, 3600, now);
    QCOMPARE(token.count(u'.'), 2);
    const auto verified = signer.verify(token.toLatin1(), now + 1);
    VERIFY_OK(verified);
    QCOMPARE(verified->value(u"role"_s).toString(), u"table"_s);
    QCOMPARE(verified->value(u"sub"_s).toString(), u"table:3"_s);
    QCOMPARE(verified->value(u"tid"_s).toInteger(), 3);
    QCOMPARE(verified->value(u"iat"_s).toInteger(), now);
    QCOMPARE(verified->value(u"exp"_s).toInteger(), now + 3600);
    // The same claims signed by another store's secret are not ours.
    QVERIFY(!JwtSigner(otherSecret).verify(token.toLatin1(), now + 1).has_value());
}

void TestJwt::expiry_data()
{
    QTest::addColumn<qint64>("ttl");
    QTest::addColumn<qint64>("verifiedAt");
    QTest::addColumn<bool>("valid");
    QTest::newRow("fresh") << 60LL << now << true;
    QTest::newRow("last second") << 60LL << now + 59 << true;
    QTest::newRow("at exp") << 60LL << now + 60 << false;
    QTest::newRow("long expired") << 60LL << now + 86400 << false;
    QTest::newRow("issued already expired") << -1LL << now << false;
}

void TestJwt::expiry()
{
    QFETCH(qint64, ttl);
    QFETCH(qint64, verifiedAt);
    QFETCH(bool, valid);
    const JwtSigner signer(secret);
    const auto verified = signer.verify(signer.sign(claims, ttl, now).toLatin1(), verifiedAt);
    QCOMPARE(verified.has_value(), valid);
    if (!valid)
        QCOMPARE(verified.error().code, ErrorCode::TokenExpired);
}

void TestJwt::rejected_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<ErrorCode>("code");

    const JwtSigner signer(secret);
    const QString good = signer.sign(claims, 3600, now);
    const qint64 exp = now + 3600;

    QString flipped = good;
    const qsizetype last = flipped.size() - 2; // not the final char: its low bits may be padding
    flipped[last] = flipped[last] == u'A' ? u'B' : u'A';
    QTest::newRow("tampered signature") << flipped << ErrorCode::InvalidToken;

    QJsonObject manager = withExpiry(claims, exp);
    manager.insert(u"role"_s, u"manager"_s);
    QTest::newRow("tampered claims, old signature")
            << replacePart(good, 1, QJsonDocument(manager).toJson(QJsonDocument::Compact))
            << ErrorCode::InvalidToken;
    QTest::newRow("signature cut off") << good.first(good.lastIndexOf(u'.') + 1)
                                       << ErrorCode::InvalidToken;
    QTest::newRow("signed by another secret")
            << JwtSigner(otherSecret).sign(claims, 3600, now) << ErrorCode::InvalidToken;

    const QJsonObject none{{u"alg"_s, u"none"_s}, {u"typ"_s, u"JWT"_s}};
    const QString noneToken = handmadeToken(none, withExpiry(claims, exp), secret);
    QTest::newRow("alg none, empty signature")
            << noneToken.first(noneToken.lastIndexOf(u'.') + 1) << ErrorCode::InvalidToken;
    QTest::newRow("alg none, HS256 signature") << noneToken << ErrorCode::InvalidToken;
    QTest::newRow("alg NONE") << handmadeToken({{u"alg"_s, u"NONE"_s}}, withExpiry(claims, exp), secret)
                              << ErrorCode::InvalidToken;
    QTest::newRow("alg HS512, properly signed")
            << handmadeToken({{u"alg"_s, u"HS512"_s}, {u"typ"_s, u"JWT"_s}},
                             withExpiry(claims, exp), secret, true)
            << ErrorCode::InvalidToken;
    QTest::newRow("alg hs256 lower case")
            << handmadeToken({{u"alg"_s, u"hs256"_s}}, withExpiry(claims, exp), secret)
            << ErrorCode::InvalidToken;
    QTest::newRow("no alg") << handmadeToken({{u"typ"_s, u"JWT"_s}}, withExpiry(claims, exp), secret)
                            << ErrorCode::InvalidToken;
    QTest::newRow("no exp") << handmadeToken(hs256, claims, secret) << ErrorCode::InvalidToken;
    QJsonObject textExp = claims;
    textExp.insert(u"exp"_s, u"9999999999"_s);
    QTest::newRow("exp as text") << handmadeToken(hs256, textExp, secret) << ErrorCode::InvalidToken;
    QTest::newRow("expired, properly signed")
            << handmadeToken(hs256, withExpiry(claims, now - 1), secret) << ErrorCode::TokenExpired;

    QTest::newRow("empty") << QString() << ErrorCode::InvalidToken;
    QTest::newRow("garbage") << u"garbage"_s << ErrorCode::InvalidToken;
    QTest::newRow("two parts") << u"abc.def"_s << ErrorCode::InvalidToken;
    QTest::newRow("dots only") << u".."_s << ErrorCode::InvalidToken;
    QTest::newRow("not base64") << u"!!!.###.$$$"_s << ErrorCode::InvalidToken;
    QTest::newRow("header not JSON") << u"bm90IGpzb24.e30.c2ln"_s << ErrorCode::InvalidToken;
    QTest::newRow("header a JSON array") << u"W10.e30.c2ln"_s << ErrorCode::InvalidToken;
    QTest::newRow("huge") << QString(5000, u'a') + u".b.c"_s << ErrorCode::InvalidToken;
    QTest::newRow("four parts") << good + u".extra"_s << ErrorCode::InvalidToken;
}

void TestJwt::rejected()
{
    QFETCH(QString, token);
    QFETCH(ErrorCode, code);
    const auto verified = JwtSigner(secret).verify(token.toLatin1(), now + 1);
    QVERIFY2(!verified.has_value(), "a forged or malformed token verified");
    QCOMPARE(errorCodeName(verified.error().code), errorCodeName(code));
}


// Found by fuzz_jwt (tests/fuzz/corpus/jwt/signed_huge_exp): an `exp` far outside qint64 was
// converted to qint64, which is undefined behaviour (UBSan: float-cast-overflow).
void TestJwt::expiryBeyondInt64_data()
{
    QTest::addColumn<double>("exp");
    QTest::addColumn<bool>("valid");
    QTest::newRow("1e300") << 1e300 << true;
    QTest::newRow("2^63") << 9223372036854775808.0 << true;
    QTest::newRow("-1e300") << -1e300 << false;
    QTest::newRow("now + 0.5") << double(now) + 0.5 << true;
    QTest::newRow("now") << double(now) << false;
}

void TestJwt::expiryBeyondInt64()
{
    QFETCH(double, exp);
    QFETCH(bool, valid);
    QJsonObject withExp = claims;
    withExp.insert(u"exp"_s, exp);
    const auto verified = JwtSigner(secret).verify(handmadeToken(hs256, withExp, secret).toLatin1(), now);
    QCOMPARE(verified.has_value(), valid);
    if (!valid)
        QCOMPARE(verified.error().code, ErrorCode::TokenExpired);
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
