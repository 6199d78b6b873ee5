#include "synckit.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// A linked edge restored to an older backup loses no order at HQ: its events after the
/// restore reuse seqs central already applied, central answers 409 SEQ_CONFLICT, and the
/// edge renumbers them (and the order ids central already holds) to follow what central
/// has. HQ's sales report then adds up every order ever acknowledged, none lost, none twice.
class TestSyncRestore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void restoreWithNewOrdersBeforeReconnect();
    void restoreThenReconnectThenNewOrders();

private:
    struct Placed
    {
        qint64 orders = 0;
        qint64 total = 0;
    };
    Placed placeOrders(int count);
    QString backup();
    void restore(const QString &backupFile);
    [[nodiscard]] bool startEdge();
    void verifyHqHasEverything();
    void verifyJournalChains();

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_hqHttp;
    HttpClient m_edgeHttp;
    QString m_hq;
    QString m_table;
    QString m_manager;
    QList<qint64> m_menu;
    Placed m_acknowledged; // every order the edge ever answered 201 for, none canceled
    const qint64 m_store = 1;
};

int runEdge(const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(EdgeProcess::binaryPath(), arguments);
    process.closeWriteChannel();
    process.waitForFinished(60'000);
    *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void TestSyncRestore::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    qInfo("central on %s", qPrintable(backendName()));
    m_central = std::make_unique<CentralProcess>(m_db.centralOptions());
    VERIFY_CENTRAL_STARTED(*m_central);
    m_hqHttp.setPort(m_central->port());
    m_hq = Hq::login(m_hqHttp, u"hq"_s, u"hq"_s);
    QVERIFY(!m_hq.isEmpty());

    EdgeProcess::Options options;
    options.arguments = {u"--central"_s, m_central->url(), u"--store-key"_s, m_central->demoStoreKey()};
    options.environment = {{u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"500"_s},
                           {u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"500"_s}};
    m_edge = std::make_unique<EdgeProcess>(options);
    QVERIFY(startEdge());
    QVERIFY(waitUntil([&] {
        const QJsonObject menu = m_edgeHttp.get(u"/api/v1/menu"_s, m_table).json();
        m_menu.clear();
        for (const QJsonValue &c : menu.value(u"categories"_s).toArray()) {
            for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray())
                m_menu.append(i.toObject().value(u"id"_s).toInteger());
        }
        return m_edge->log().contains("applied central menu") && m_menu.size() >= 3;
    }, 20'000));
}

bool TestSyncRestore::startEdge()
{
    if (!m_edge->start()) {
        qWarning("%s\n%s", qPrintable(m_edge->errorString()), m_edge->log().right(3000).constData());
        return false;
    }
    m_edgeHttp.setPort(m_edge->port());
    m_table = m_edgeHttp.tableLogin(1);
    m_manager = m_edgeHttp.staffLogin(u"manager"_s, u"manager"_s);
    return !m_table.isEmpty() && !m_manager.isEmpty();
}

TestSyncRestore::Placed TestSyncRestore::placeOrders(int count)
{
    Placed placed;
    for (int i = 0; i < count; ++i) {
        const HttpResult order = m_edgeHttp.post(
                u"/api/v1/orders"_s,
                orderBody(newClientOrderId(), {{m_menu.at(i % m_menu.size()), 1 + i % 3}, {m_menu.at(0), 1}}), m_table);
        if (order.status != 201) {
            qWarning("order: %s", qPrintable(order.describe()));
            return placed;
        }
        // Some move on in the kitchen: order.updated events ride along.
        if (i % 2 == 0)
            (void)m_edgeHttp.patch(u"/api/v1/orders/%1"_s.arg(order.json().value(u"id"_s).toInteger()),
                                   {{u"status"_s, u"preparing"_s}}, m_manager);
        ++placed.orders;
        placed.total += order.json().value(u"total"_s).toInteger();
    }
    m_acknowledged.orders += placed.orders;
    m_acknowledged.total += placed.total;
    return placed;
}

QString TestSyncRestore::backup()
{
    QByteArray output;
    if (runEdge({u"backup"_s, u"--data-dir"_s, m_edge->dataDir()}, &output) != 0)
        qWarning("backup: %s", output.constData());
    return QString::fromUtf8(output).section(u"backup written: "_s, -1).trimmed();
}

void TestSyncRestore::restore(const QString &backupFile)
{
    QVERIFY(m_edge->terminate());
    QByteArray output;
    const int code = runEdge({u"restore"_s, u"--data-dir"_s, m_edge->dataDir(), u"--from"_s, backupFile}, &output);
    QVERIFY2(code == 0, qPrintable(u"restore of '%1' exited %2: %3"_s.arg(backupFile).arg(code).arg(QString::fromUtf8(output))));
}

void TestSyncRestore::verifyHqHasEverything()
{
    QVERIFY2(waitForSync(*m_edge, m_db, m_store, 30'000), m_edge->log().right(3000).constData());
    const CentralStore central = centralStore(m_db.connection(), m_store);
    QCOMPARE(central.orders.size(), qsizetype(m_acknowledged.orders));
    const QJsonObject sales = Hq{m_hqHttp, m_hq}.salesRow(m_store);
    QCOMPARE(sales.value(u"orders"_s).toInteger(), m_acknowledged.orders);
    QCOMPARE(sales.value(u"total"_s).toInteger(), m_acknowledged.total);
}

/// A legitimate restore keeps the store's journal verifiable (docs/design/journal.md): HQ
/// checked every event it holds (each carries a hash) and found no break, and the edge's own
/// `journal verify` follows the chain through the renumbering.
void TestSyncRestore::verifyJournalChains()
{
    auto count = [&](const QString &sql) {
        QSqlQuery q(m_db.connection());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    };
    QCOMPARE(count(u"SELECT COUNT(*) FROM store_events WHERE store_id = %1 AND hash = ''"_s.arg(m_store)), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM journal_breaks"_s), 0);
    QByteArray output;
    QCOMPARE(runEdge({u"journal"_s, u"verify"_s, u"--data-dir"_s, m_edge->dataDir()}, &output), 0);
    QVERIFY2(output.contains("journal ok"), output.constData());
}

void TestSyncRestore::restoreWithNewOrdersBeforeReconnect()
{
    QVERIFY(placeOrders(3).orders == 3);
    QVERIFY(waitForSync(*m_edge, m_db, m_store, 30'000));
    const QString file = backup();
    QVERIFY2(QFile::exists(file), qPrintable(file));
    QVERIFY(placeOrders(4).orders == 4); // uploaded, then lost on the edge by the restore
    QVERIFY(waitForSync(*m_edge, m_db, m_store, 30'000));
    verifyHqHasEverything();

    // Central is unreachable while the restored edge takes new orders: they reuse the seqs
    // (and order ids) of the four orders the backup does not have.
    QVERIFY(m_central->terminate());
    restore(file);
    QVERIFY(startEdge());
    QVERIFY(placeOrders(5).orders == 5);
    VERIFY_CENTRAL_STARTED(*m_central);
    QVERIFY2(waitUntil([&] { return m_edge->log().contains("now follow it"); }, 30'000),
             m_edge->log().right(3000).constData());
    verifyHqHasEverything();
    verifyJournalChains();
}

void TestSyncRestore::restoreThenReconnectThenNewOrders()
{
    const QString file = backup();
    QVERIFY2(QFile::exists(file), qPrintable(file));
    QVERIFY(placeOrders(3).orders == 3);
    verifyHqHasEverything();

    // This time the restored edge reaches central before it takes an order.
    restore(file);
    QVERIFY(startEdge());
    QVERIFY2(waitUntil([&] { return m_edge->log().contains("continuing after it"); }, 30'000),
             m_edge->log().right(3000).constData());
    QVERIFY(placeOrders(4).orders == 4);
    verifyHqHasEverything();
    verifyJournalChains();
}

QTEST_GUILESS_MAIN(TestSyncRestore)
#include "tst_syncrestore.moc"
