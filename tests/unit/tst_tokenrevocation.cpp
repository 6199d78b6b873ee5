#include "tokenrevocation.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;

/// Which claims TokenRevocation lets through, and what a reload reports as revoked.
class TestTokenRevocation : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void stampCarriesTheCurrentGeneration();
    void replaceReportsWhatItRevoked();
};

namespace {
TokenRevocation::State state()
{
    TokenRevocation::State s;
    s.version = 3;
    s.generations = {{u"table:1"_s, 1}, {u"staff:2"_s, 4}};
    s.revokedIds = {{u"logged-out"_s, 4'000'000'000}};
    return s;
}
} // namespace

void TestTokenRevocation::check_data()
{
    QTest::addColumn<QJsonObject>("claims");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("current generation") << QJsonObject{{u"sub"_s, u"staff:2"_s}, {u"gen"_s, 4}, {u"jti"_s, u"a"_s}}
                                        << true;
    QTest::newRow("older generation") << QJsonObject{{u"sub"_s, u"staff:2"_s}, {u"gen"_s, 3}, {u"jti"_s, u"a"_s}}
                                      << false;
    QTest::newRow("newer generation") << QJsonObject{{u"sub"_s, u"staff:2"_s}, {u"gen"_s, 5}, {u"jti"_s, u"a"_s}}
                                      << false;
    QTest::newRow("no generation (issued before revocation)")
            << QJsonObject{{u"sub"_s, u"table:1"_s}, {u"jti"_s, u"a"_s}} << false;
    QTest::newRow("generation as text") << QJsonObject{{u"sub"_s, u"table:1"_s}, {u"gen"_s, u"1"_s}, {u"jti"_s, u"a"_s}}
                                        << false;
    QTest::newRow("removed or disabled principal")
            << QJsonObject{{u"sub"_s, u"table:9"_s}, {u"gen"_s, 1}, {u"jti"_s, u"a"_s}} << false;
    QTest::newRow("logged out") << QJsonObject{{u"sub"_s, u"table:1"_s}, {u"gen"_s, 1}, {u"jti"_s, u"logged-out"_s}}
                                << false;
    QTest::newRow("no id") << QJsonObject{{u"sub"_s, u"table:1"_s}, {u"gen"_s, 1}} << false;
}

void TestTokenRevocation::check()
{
    QFETCH(QJsonObject, claims);
    QFETCH(bool, accepted);
    TokenRevocation revocation;
    (void)revocation.replace(state());
    const Status ok = revocation.check(claims);
    QCOMPARE(ok.has_value(), accepted);
    if (!accepted)
        QCOMPARE(ok.error().code, ErrorCode::TokenRevoked);
}

void TestTokenRevocation::stampCarriesTheCurrentGeneration()
{
    TokenRevocation revocation;
    (void)revocation.replace(state());
    const QJsonObject first = revocation.stamp(u"staff:2"_s);
    const QJsonObject second = revocation.stamp(u"staff:2"_s);
    QCOMPARE(first.value(u"gen"_s).toInteger(), 4);
    QVERIFY(first.value(u"jti"_s).toString().size() >= 20);
    QVERIFY(first.value(u"jti"_s) != second.value(u"jti"_s));
    QJsonObject claims = first;
    claims.insert(u"sub"_s, u"staff:2"_s);
    QVERIFY(revocation.check(claims).has_value());
    revocation.revokeId(first.value(u"jti"_s).toString(), 4'000'000'000);
    QVERIFY(!revocation.check(claims).has_value());
}

void TestTokenRevocation::replaceReportsWhatItRevoked()
{
    TokenRevocation revocation;
    const auto initial = revocation.replace(state());
    QVERIFY(initial.subjects.isEmpty() && initial.tokenIds.isEmpty());
    TokenRevocation::State next = state();
    next.version = 4;
    next.generations.insert(u"staff:2"_s, 5);  // password changed
    next.generations.remove(u"table:1"_s);     // removed
    next.generations.insert(u"table:3"_s, 1);  // added: revokes nothing
    next.revokedIds.insert(u"another"_s, 4'000'000'000);
    auto changes = revocation.replace(next);
    changes.subjects.sort();
    QCOMPARE(changes.subjects, (QStringList{u"staff:2"_s, u"table:1"_s}));
    QCOMPARE(changes.tokenIds, QStringList{u"another"_s});
    QCOMPARE(revocation.version(), 4);
}

QTEST_GUILESS_MAIN(TestTokenRevocation)
#include "tst_tokenrevocation.moc"
