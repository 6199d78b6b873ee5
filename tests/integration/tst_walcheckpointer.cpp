// The edge copies its WAL into the database file on a thread of its own
// (db::WalCheckpointer), never inside a commit on the event loop. Tested against the real
// daemon with the database file's flushes (which in WAL mode only a checkpoint makes) slowed to
// seconds by an LD_PRELOAD shim (tests/support/slowflush.cpp): while a checkpoint is under way,
// orders are taken and answered; and the WAL stays bounded while orders keep coming.

#include "edgeprocess.h"
#include "httpclient.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

namespace {
constexpr int kFlushMs = 3000; // a slowed checkpoint's flush: far above any request's time
constexpr int kMaxOrders = 3000; // a checkpoint is due long before (about 200 orders)
}

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void ordersAreTakenWhileACheckpointFlushes();
    void walStaysBoundedWhileOrdersKeepComing();

private:
    [[nodiscard]] bool slowCheckpoints(bool on);
    [[nodiscard]] int logged(const QByteArray &line) const;
    [[nodiscard]] int placeOrder();

    QTemporaryDir m_scratch;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_http;
    QString m_table;
    qint64 m_item = 0;
};

void TestWalCheckpointer::init()
{
    QVERIFY(m_scratch.isValid());
    QFile::remove(m_scratch.filePath(u"slow"_s));
    QFile::remove(m_scratch.filePath(u"flushes.log"_s));
    EdgeProcess::Options options;
    options.environment = {{u"LD_PRELOAD"_s, QStringLiteral(TABLEORDER_SLOWFLUSH)},
                           {u"SLOWFLUSH_FILE"_s, u"/edge.sqlite3"_s},
                           {u"SLOWFLUSH_SWITCH"_s, m_scratch.filePath(u"slow"_s)},
                           {u"SLOWFLUSH_LOG"_s, m_scratch.filePath(u"flushes.log"_s)},
                           {u"SLOWFLUSH_MS"_s, QString::number(kFlushMs)},
                           {u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"1000000"_s}};
    m_edge = std::make_unique<EdgeProcess>(options);
    VERIFY_STARTED(*m_edge);
    m_http.setPort(m_edge->port());
    m_table = m_http.tableLogin(1);
    QVERIFY(!m_table.isEmpty());
    // An item anyone can order any number of: no stock, no required option.
    for (const QJsonObject &item : menuItems(m_http.get(u"/api/v1/menu"_s).json())) {
        if (item.value(u"stock"_s).isNull() && item.value(u"option_groups"_s).toArray().isEmpty()) {
            m_item = item.value(u"id"_s).toInteger();
            break;
        }
    }
    QVERIFY(m_item > 0);
}

void TestWalCheckpointer::cleanup()
{
    QVERIFY(slowCheckpoints(false));
    m_edge.reset();
}

bool TestWalCheckpointer::slowCheckpoints(bool on)
{
    QFile toggle(m_scratch.filePath(u"slow"_s));
    return on ? toggle.open(QIODevice::WriteOnly) : (!toggle.exists() || toggle.remove());
}

int TestWalCheckpointer::logged(const QByteArray &line) const
{
    QFile log(m_scratch.filePath(u"flushes.log"_s));
    return log.open(QIODevice::ReadOnly) ? int(log.readAll().count(QByteArray(line + "\n"))) : 0;
}

int TestWalCheckpointer::placeOrder()
{
    return m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{m_item, 2}}), m_table).status;
}

void TestWalCheckpointer::ordersAreTakenWhileACheckpointFlushes()
{
    QVERIFY(slowCheckpoints(true));
    // Orders until the WAL is long enough for a checkpoint, which then flushes the database
    // file (slowed to seconds).
    int placed = 0;
    while (logged("flush") == 0 && placed < kMaxOrders) {
        QCOMPARE(placeOrder(), 201);
        ++placed;
    }
    QVERIFY2(logged("flush") > 0, "no checkpoint flushed the database file");
    QCOMPARE(logged("done"), 0);
    // The checkpoint is under way: orders are still taken, answered and readable, before it
    // ends (inside a commit on the event loop, each of these would wait for it).
    for (int i = 0; i < 5; ++i)
        QCOMPARE(placeOrder(), 201);
    VERIFY_STATUS(m_http.get(u"/api/v1/menu"_s), 200);
    VERIFY_STATUS(m_http.get(u"/healthz"_s), 200);
    QCOMPARE(logged("done"), 0);
    // And it ends.
    QTRY_VERIFY_WITH_TIMEOUT(logged("done") > 0, 4 * kFlushMs);
}

void TestWalCheckpointer::walStaysBoundedWhileOrdersKeepComing()
{
    // 1,500 orders write about 100 MB of WAL frames; checkpoints copy them into the database
    // file and the WAL starts over, so it stays far below that. (The committing connection no
    // longer checkpoints itself: a checkpointer that ran but copied nothing, as a connection
    // that has not read yet does, let the WAL grow without end.)
    const QString wal = m_edge->databasePath() + u"-wal"_s;
    qint64 largest = 0;
    for (int i = 0; i < 1500; ++i) {
        QCOMPARE(placeOrder(), 201);
        largest = std::max(largest, QFileInfo(wal).size());
    }
    QVERIFY2(largest < 40 * 1024 * 1024, qPrintable(u"the WAL grew to %1 bytes"_s.arg(largest)));
    // The orders went on into the database file itself.
    QVERIFY(QFileInfo(m_edge->databasePath()).size() > 1024 * 1024);
}

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
