// Issue 16: the guest relay with two central instances on one PostgreSQL database (as behind a
// load balancer). The store's relay connection is held by the instance its WebSocket reached;
// that instance relays the store's guest API, the other answers STORE_OFFLINE with the LAN
// address from the shared database (the documented limit: docs/operations.md). The database
// records which instance holds the store, and forgets it when the store goes away.

#include "synckit.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

class TestSyncRelay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theHoldingInstanceRelaysTheOtherSaysOffline();
    void theDatabaseForgetsTheHolderWhenTheStoreGoes();
    void cleanupTestCase();

private:
    QString holder();

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_a;
    std::unique_ptr<CentralProcess> m_b;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_httpA;
    HttpClient m_httpB;
};

QString TestSyncRelay::holder()
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT instance FROM store_relay WHERE store_id = 1"_s) || !q.next())
        return u"(no row)"_s;
    return q.value(0).toString();
}

void TestSyncRelay::initTestCase()
{
    if (testBackend() != Backend::PostgreSQL)
        QSKIP("several central instances need PostgreSQL (TABLEORDER_TEST_BACKEND=postgresql)");
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    CentralProcess::Options a = m_db.centralOptions(true);
    a.environment.append({u"TABLEORDER_RELAY_HEARTBEAT_MS"_s, u"1000"_s});
    m_a = std::make_unique<CentralProcess>(a);
    m_b = std::make_unique<CentralProcess>(m_db.centralOptions(false));
    VERIFY_CENTRAL_STARTED(*m_a);
    VERIFY_CENTRAL_STARTED(*m_b);
    m_httpA.setPort(m_a->port());
    m_httpB.setPort(m_b->port());
    EdgeProcess::Options options;
    options.arguments = {u"--central"_s, m_a->url(), u"--store-key"_s, m_a->demoStoreKey(), u"--wifi-ssid"_s, u"Cluster-Guest"_s};
    options.environment = {{u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"500"_s}, {u"TABLEORDER_RELAY_HEARTBEAT_MS"_s, u"1000"_s}};
    m_edge = std::make_unique<EdgeProcess>(options);
    VERIFY_STARTED(*m_edge);
    QTRY_VERIFY_WITH_TIMEOUT(m_httpA.get(u"/s/1/api/v1/guest/menu"_s).status == 200, 15'000);
}

void TestSyncRelay::theHoldingInstanceRelaysTheOtherSaysOffline()
{
    QTRY_VERIFY_WITH_TIMEOUT(!holder().isEmpty() && holder() != u"(no row)"_s, 5000);
    VERIFY_STATUS(m_httpA.get(u"/s/1/api/v1/guest/menu"_s), 200);
    const HttpResult other = m_httpB.get(u"/s/1/api/v1/guest/menu"_s);
    VERIFY_ERROR(other, 503, u"STORE_OFFLINE"_s);
    QCOMPARE(other.errorDetails().value(u"wifi_ssid"_s).toString(), u"Cluster-Guest"_s);
    QCOMPARE(QUrl(other.errorDetails().value(u"lan_url"_s).toString()).port(), int(m_edge->port()));
    // Either instance serves the page itself; an unknown store is unknown to both.
    VERIFY_STATUS(m_httpB.get(u"/s/1/t/ANYCODE"_s), 200);
    VERIFY_ERROR(m_httpB.get(u"/s/77/t/ANYCODE"_s), 404, u"NOT_FOUND"_s);
}

void TestSyncRelay::theDatabaseForgetsTheHolderWhenTheStoreGoes()
{
    QVERIFY(m_edge->terminate());
    QTRY_COMPARE_WITH_TIMEOUT(holder(), QString(), 10'000);
    VERIFY_ERROR(m_httpA.get(u"/s/1/api/v1/guest/menu"_s), 503, u"STORE_OFFLINE"_s);
}

void TestSyncRelay::cleanupTestCase()
{
    m_edge.reset();
    m_a.reset();
    m_b.reset();
}

QTEST_MAIN(TestSyncRelay)
#include "tst_syncrelay.moc"
