// Kitchen printers (issue 14) against the real edge and the test printer (ESC/POS over TCP):
// what comes out on paper, not what our functions return. Writes
// docs/screenshots/printer-ticket.png from a ticket the edge printed.
#include "prometheustext.h"
#include "sseclient.h"
#include "wsclient.h"
#include "testprinter.h"
#include "testsupport.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

class TestPrinters : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void ticketPrintsOnceWithItsContent();
    void printerOfflineMidJobGetsTheJobAgain();
    void jobQueuedAcrossARestartPrintsOnce();
    void orderWithoutItsJobAtACrashPrintsOnceAfterRestart();
    void fallbackWithoutItsJobAtACrashPrintsOnceAfterRestart();
    void slowPrinterPrintsEachTicketOnce();
    void paperOutIsShown();
    void fallbackPrintsWhenNoScreenAcknowledged();
    void fallbackFollowsTheScreensStations();
    void reprintIsMarked();

private:
    qint64 addPrinter(TestPrinter &printer, const QString &name, const QStringList &stations = {u"kitchen"_s});
    void setMode(const QString &station, const QString &mode, int fallbackSeconds = 15);
    /// An order from table 3: 2 x an item with its options and a line note, 1 x a plain
    /// kitchen item, and an order note. Returns the order JSON.
    QJsonObject placeOrder(const QString &note = u"수저 두 벌 주세요"_s);
    QString printerStatus(qint64 id);
    /// With the edge stopped: deletes the order's print jobs in its SQLite file (what a
    /// crash between the order's commit and its job's leaves). The rows deleted, -1 on error.
    int deleteJobsOf(qint64 orderId);

    EdgeProcess m_edge{EdgeProcess::Options{
            .environment = {{u"TABLEORDER_PRINTERS_POLL_MS"_s, u"200"_s},
                            {u"TABLEORDER_PRINTERS_RETRY_MAX_MS"_s, u"300"_s},
                            {u"TABLEORDER_PRINTERS_CONNECT_TIMEOUT_MS"_s, u"1000"_s},
                            {u"TABLEORDER_PRINTERS_ANSWER_TIMEOUT_MS"_s, u"2000"_s}}}};
    HttpClient m_http;
    QString m_table;
    QString m_kitchen;
    QString m_manager;
    QJsonObject m_optionItem; // a kitchen item with option groups
    qint64 m_plainItem = 0;   // a kitchen item without options
};

void TestPrinters::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_table = m_http.tableLogin(3);
    m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!m_table.isEmpty() && !m_kitchen.isEmpty() && !m_manager.isEmpty());
    const QJsonObject menu = m_http.get(u"/api/v1/menu"_s, m_table).json();
    for (const QJsonValue &c : menu.value(u"categories"_s).toArray()) {
        if (c[u"station"_s].toString() != u"kitchen"_s)
            continue;
        for (const QJsonValue &i : c[u"items"_s].toArray()) {
            const QJsonObject item = i.toObject();
            if (!item.value(u"available"_s).toBool(true) || !item.value(u"hours"_s).toArray().isEmpty())
                continue;
            if (m_optionItem.isEmpty() && !item.value(u"option_groups"_s).toArray().isEmpty())
                m_optionItem = item;
            else if (!m_plainItem && item.value(u"option_groups"_s).toArray().isEmpty() && (item[u"stock"_s].isNull() || item[u"stock"_s].isUndefined()))
                m_plainItem = item.value(u"id"_s).toInteger();
        }
    }
    QVERIFY2(!m_optionItem.isEmpty() && m_plainItem, "the demo menu has kitchen items with and without options");
}

void TestPrinters::cleanup()
{
    for (const QJsonValue &p : m_http.get(u"/api/v1/printers"_s, m_manager).json().value(u"printers"_s).toArray())
        m_http.del(u"/api/v1/printers/%1"_s.arg(p[u"id"_s].toInteger()), m_manager);
    setMode(u"kitchen"_s, u"screen"_s);
}

qint64 TestPrinters::addPrinter(TestPrinter &printer, const QString &name, const QStringList &stations)
{
    if (!printer.port() && !printer.start())
        return 0;
    const HttpResult created = m_http.post(u"/api/v1/printers"_s,
                                           {{u"name"_s, name},
                                            {u"host"_s, u"127.0.0.1"_s},
                                            {u"port"_s, printer.port()},
                                            {u"paper_mm"_s, 80},
                                            {u"encoding"_s, u"cp949"_s},
                                            {u"stations"_s, QJsonArray::fromStringList(stations)}},
                                           m_manager);
    return created.status == 201 ? created.json().value(u"id"_s).toInteger() : 0;
}

void TestPrinters::setMode(const QString &station, const QString &mode, int fallbackSeconds)
{
    m_http.put(u"/api/v1/stations/%1/mode"_s.arg(station),
               {{u"mode"_s, mode}, {u"fallback_seconds"_s, fallbackSeconds}}, m_manager);
}

QJsonObject TestPrinters::placeOrder(const QString &note)
{
    QJsonArray options;
    for (const QJsonValue &g : m_optionItem.value(u"option_groups"_s).toArray())
        options.append(g[u"options"_s].toArray().first()[u"id"_s].toInteger());
    const QJsonArray items{QJsonObject{{u"menu_item_id"_s, m_optionItem.value(u"id"_s).toInteger()},
                                       {u"quantity"_s, 2},
                                       {u"options"_s, options},
                                       {u"note"_s, u"양파 빼 주세요"_s}},
                           QJsonObject{{u"menu_item_id"_s, m_plainItem}, {u"quantity"_s, 1}}};
    const HttpResult placed = m_http.post(
            u"/api/v1/orders"_s,
            {{u"client_order_id"_s, newClientOrderId()}, {u"items"_s, items}, {u"note"_s, note}}, m_table);
    return placed.status == 201 ? placed.json() : QJsonObject{{u"failed"_s, placed.describe()}};
}

QString TestPrinters::printerStatus(qint64 id)
{
    for (const QJsonValue &p : m_http.get(u"/api/v1/printers"_s, m_kitchen).json().value(u"printers"_s).toArray())
        if (p[u"id"_s].toInteger() == id)
            return p[u"status"_s].toString();
    return {};
}

int TestPrinters::deleteJobsOf(qint64 orderId)
{
    const QString connection = QUuid::createUuid().toString();
    int deleted = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(m_edge.databasePath());
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(u"DELETE FROM print_jobs WHERE order_id = ?"_s);
            query.addBindValue(orderId);
            if (query.exec())
                deleted = query.numRowsAffected();
            query.finish();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return deleted;
}

void TestPrinters::badInputChangesNothing_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const QJsonObject good{{u"name"_s, u"주방"_s}, {u"host"_s, u"127.0.0.1"_s}, {u"port"_s, 9100},
                           {u"paper_mm"_s, 80}, {u"encoding"_s, u"cp949"_s},
                           {u"stations"_s, QJsonArray{u"kitchen"_s}}};
    auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = good;
        o.insert(key, value);
        return o;
    };
    QTest::newRow("unknown station mode") << u"PUT"_s << u"/api/v1/stations/kitchen/mode"_s
                                          << QJsonObject{{u"mode"_s, u"telepathy"_s}} << u"mode"_s;
    QTest::newRow("fallback of 0 seconds") << u"PUT"_s << u"/api/v1/stations/kitchen/mode"_s
                                           << QJsonObject{{u"mode"_s, u"fallback"_s}, {u"fallback_seconds"_s, 0}}
                                           << u"fallback_seconds"_s;
    QTest::newRow("bad station name") << u"PUT"_s << u"/api/v1/stations/Kitchen!/mode"_s
                                      << QJsonObject{{u"mode"_s, u"printer"_s}} << u"station"_s;
    QTest::newRow("port 0") << u"POST"_s << u"/api/v1/printers"_s << with(u"port"_s, 0) << u"port"_s;
    QTest::newRow("port 65536") << u"POST"_s << u"/api/v1/printers"_s << with(u"port"_s, 65536) << u"port"_s;
    QTest::newRow("paper 70") << u"POST"_s << u"/api/v1/printers"_s << with(u"paper_mm"_s, 70) << u"paper_mm"_s;
    QTest::newRow("encoding latin1") << u"POST"_s << u"/api/v1/printers"_s << with(u"encoding"_s, u"latin1"_s)
                                     << u"encoding"_s;
    QTest::newRow("host with a space") << u"POST"_s << u"/api/v1/printers"_s << with(u"host"_s, u"kitchen printer"_s)
                                       << u"host"_s;
    QTest::newRow("station not a name") << u"POST"_s << u"/api/v1/printers"_s
                                        << with(u"stations"_s, QJsonArray{u"주방"_s}) << u"stations"_s;
    QTest::newRow("stations not an array") << u"POST"_s << u"/api/v1/printers"_s << with(u"stations"_s, u"kitchen"_s)
                                           << u"stations"_s;
    QTest::newRow("unknown field") << u"POST"_s << u"/api/v1/printers"_s << with(u"dpi"_s, 203) << QString();
}

void TestPrinters::badInputChangesNothing()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const QStringList before = databaseState(m_edge.databasePath());
    const HttpResult result = method == u"PUT"_s ? m_http.put(path, body, m_manager) : m_http.post(path, body, m_manager);
    if (field.isEmpty())
        VERIFY_ERROR(result, 400, u"VALIDATION_FAILED"_s);
    else
        VERIFY_ERROR_FIELD(result, 400, u"VALIDATION_FAILED"_s, field);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    // And a printer of a real one's shape, as kitchen staff: not theirs to change.
    const HttpResult asKitchen = m_http.post(u"/api/v1/printers"_s,
                                             {{u"name"_s, u"x"_s}, {u"host"_s, u"127.0.0.1"_s}}, m_kitchen);
    VERIFY_ERROR(asKitchen, 403, u"FORBIDDEN"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestPrinters::ticketPrintsOnceWithItsContent()
{
    TestPrinter printer;
    const qint64 id = addPrinter(printer, u"주방 프린터"_s);
    QVERIFY(id);
    setMode(u"kitchen"_s, u"printer"_s);
    QCOMPARE(m_http.get(u"/api/v1/stations/kitchen/mode"_s, m_kitchen).json().value(u"mode"_s).toString(), u"printer"_s);

    const QJsonObject order = placeOrder();
    QVERIFY2(!order.contains(u"failed"_s), qPrintable(order.value(u"failed"_s).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 1, 10'000);
    const Ticket ticket = printer.tickets().first();
    const QStringList lines = ticket.texts();

    // The table number large (double width and height), then the order number and time.
    const PrintedLine table = *std::find_if(ticket.lines.begin(), ticket.lines.end(),
                                            [](const PrintedLine &l) { return l.text.startsWith(u"테이블"_s); });
    QCOMPARE(table.text, u"테이블 3"_s);
    QCOMPARE(table.widthScale, 2);
    QCOMPARE(table.heightScale, 2);
    QVERIFY2(ticket.contains(u"주문 #%1"_s.arg(order[u"number"_s].toInt())), qPrintable(ticket.joined()));
    const QDateTime created = QDateTime::fromString(order[u"created_at"_s].toString(), Qt::ISODateWithMs);
    const QString local = created.toTimeZone(QTimeZone("Asia/Seoul")).toString(u"yyyy-MM-dd HH:mm"_s);
    QVERIFY2(lines.contains(local), qPrintable(local + u"\n"_s + ticket.joined()));
    // Each line: quantity and name, its options, its note; then the order's note.
    const QJsonArray items = order[u"items"_s].toArray();
    QVERIFY2(lines.contains(u"2 x %1"_s.arg(items[0][u"name"_s].toString())), qPrintable(ticket.joined()));
    for (const QJsonValue &o : items[0][u"options"_s].toArray())
        QVERIFY2(lines.contains(u"+ %1: %2"_s.arg(o[u"group"_s].toString(), o[u"name"_s].toString())),
                 qPrintable(ticket.joined()));
    QVERIFY(lines.contains(u"메모: 양파 빼 주세요"_s));
    QVERIFY(lines.contains(u"1 x %1"_s.arg(items[1][u"name"_s].toString())));
    QVERIFY(lines.contains(u"요청: 수저 두 벌 주세요"_s));
    QVERIFY(!ticket.contains(u"재출력"_s));
    QCOMPARE(printer.tornTickets(), 0);

    const QImage image = TestPrinter::render(ticket);
    QVERIFY(!image.isNull());
    image.save(QDir(QStringLiteral(TABLEORDER_SCREENSHOT_DIR)).filePath(u"printer-ticket.png"_s));

    // Once: the next order's ticket comes after it, and there are two in all.
    const QJsonObject next = placeOrder(u""_s);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 2, 10'000);
    QVERIFY(printer.tickets().at(1).contains(u"주문 #%1"_s.arg(next[u"number"_s].toInt())));
    QTRY_VERIFY_WITH_TIMEOUT(m_http.get(u"/api/v1/print-jobs?status=queued"_s, m_manager)
                                     .json().value(u"jobs"_s).toArray().isEmpty(), 5'000);
    QCOMPARE(printerStatus(id), u"ok"_s);
    const QByteArray metrics = m_http.get(u"/metrics"_s).body;
    QCOMPARE(metricValue(metrics, "tableorder_printer_up{printer=\"주방 프린터\"}").value_or(-1), 1.0);
    QVERIFY(metricValue(metrics, "tableorder_print_job_seconds_count").value_or(0) >= 2);
    QCOMPARE(metricValue(metrics, "tableorder_print_jobs_queued").value_or(-1), 0.0);
}

void TestPrinters::printerOfflineMidJobGetsTheJobAgain()
{
    TestPrinter printer;
    const qint64 id = addPrinter(printer, u"주방"_s);
    QVERIFY(id);
    setMode(u"kitchen"_s, u"printer"_s);
    QTRY_COMPARE_WITH_TIMEOUT(printerStatus(id), u"ok"_s, 5'000);
    printer.goOfflineAfter(40); // past the table number, before the cut
    const QJsonObject order = placeOrder();
    QTRY_COMPARE_WITH_TIMEOUT(printer.tornTickets(), 1, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(printerStatus(id), u"offline"_s, 10'000);
    QCOMPARE(printer.tickets().size(), 0);
    const QJsonArray queued = m_http.get(u"/api/v1/print-jobs?status=queued"_s, m_manager).json()[u"jobs"_s].toArray();
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued[0][u"order_id"_s].toInteger(), order[u"id"_s].toInteger());

    printer.setOffline(false);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 1, 10'000);
    QVERIFY(printer.tickets().first().contains(u"주문 #%1"_s.arg(order[u"number"_s].toInt())));
    QVERIFY(printer.tickets().first().contains(u"요청: 수저 두 벌 주세요"_s));
    QTRY_COMPARE_WITH_TIMEOUT(printerStatus(id), u"ok"_s, 5'000);
    // Exactly one complete ticket: another order's ticket follows, and nothing else.
    placeOrder(u"다음"_s);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 2, 10'000);
    QVERIFY(printer.tickets().at(1).contains(u"요청: 다음"_s));
    QCOMPARE(printer.tornTickets(), 1);
}

void TestPrinters::jobQueuedAcrossARestartPrintsOnce()
{
    TestPrinter printer;
    const qint64 id = addPrinter(printer, u"주방"_s);
    QVERIFY(id);
    setMode(u"kitchen"_s, u"printer"_s);
    printer.setOffline(true);
    const QJsonObject order = placeOrder(u"재시작 전"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/api/v1/print-jobs?status=queued"_s, m_manager).json()[u"jobs"_s].toArray().size(),
                              1, 5'000);
    QVERIFY(m_edge.terminate());
    printer.setOffline(false);
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 1, 10'000);
    QVERIFY(printer.tickets().first().contains(u"요청: 재시작 전"_s));
    QVERIFY(printer.tickets().first().contains(u"주문 #%1"_s.arg(order[u"number"_s].toInt())));
    placeOrder(u"재시작 후"_s);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 2, 10'000);
    QVERIFY(printer.tickets().at(1).contains(u"요청: 재시작 후"_s));
}

void TestPrinters::orderWithoutItsJobAtACrashPrintsOnceAfterRestart()
{
    // The edge dies after an order commits and before its print job does: the order is in
    // the database, its job is not. At the next start the edge queues the missing ticket;
    // an order whose ticket already printed does not print again.
    TestPrinter printer;
    const qint64 id = addPrinter(printer, u"주방"_s);
    QVERIFY(id);
    setMode(u"kitchen"_s, u"printer"_s);
    const QJsonObject printed = placeOrder(u"이미 출력"_s);
    QVERIFY2(!printed.contains(u"failed"_s), qPrintable(printed.value(u"failed"_s).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 1, 10'000);
    auto printedJobOf = [&](qint64 orderId) {
        for (const QJsonValue &j : m_http.get(u"/api/v1/print-jobs?status=printed"_s, m_manager).json()[u"jobs"_s].toArray())
            if (j[u"order_id"_s].toInteger() == orderId)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(printedJobOf(printed[u"id"_s].toInteger()), 5'000);

    printer.setOffline(true);
    const QJsonObject lost = placeOrder(u"충돌 직전"_s);
    QVERIFY2(!lost.contains(u"failed"_s), qPrintable(lost.value(u"failed"_s).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/api/v1/print-jobs?status=queued"_s, m_manager).json()[u"jobs"_s]
                                      .toArray().size(), 1, 5'000);
    m_edge.kill();

    // What a crash in that instant leaves: the order without its job.
    QCOMPARE(deleteJobsOf(lost[u"id"_s].toInteger()), 1);

    printer.setOffline(false);
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 2, 10'000);
    QVERIFY2(printer.tickets().at(1).contains(u"요청: 충돌 직전"_s), qPrintable(printer.tickets().at(1).joined()));
    QVERIFY(printer.tickets().at(1).contains(u"주문 #%1"_s.arg(lost[u"number"_s].toInt())));

    // Once, and the printed order not again: the next ticket to come out is a new order's.
    placeOrder(u"재시작 후"_s);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 3, 10'000);
    QVERIFY2(printer.tickets().at(2).contains(u"요청: 재시작 후"_s), qPrintable(printer.tickets().at(2).joined()));
    // And a second restart (once the edge has marked the tickets printed) prints nothing more.
    QTRY_VERIFY_WITH_TIMEOUT(m_http.get(u"/api/v1/print-jobs?status=queued"_s, m_manager)
                                     .json().value(u"jobs"_s).toArray().isEmpty(), 5'000);
    QVERIFY(m_edge.terminate());
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    placeOrder(u"두 번째 재시작 후"_s);
    QTRY_VERIFY_WITH_TIMEOUT(printer.tickets().size() >= 4, 10'000);
    QStringList texts;
    for (const auto &t : printer.tickets())
        texts.append(t.joined());
    QVERIFY2(printer.tickets().size() == 4, qPrintable(texts.join(u"\n-----\n"_s)));
    QVERIFY2(printer.tickets().at(3).contains(u"요청: 두 번째 재시작 후"_s), qPrintable(printer.tickets().at(3).joined()));
    int withNote = 0;
    for (const auto &t : printer.tickets())
        withNote += t.contains(u"요청: 충돌 직전"_s) ? 1 : 0;
    QCOMPARE(withNote, 1);
    QCOMPARE(printer.tornTickets(), 0);
}

void TestPrinters::fallbackWithoutItsJobAtACrashPrintsOnceAfterRestart()
{
    // Fallback mode: the order fell due, the edge died before its fallback job was written.
    // After the restart it falls back again (its time is up: at once) and prints once; an
    // order a kitchen screen acknowledged does not.
    TestPrinter printer;
    QVERIFY(addPrinter(printer, u"주방"_s));
    setMode(u"kitchen"_s, u"fallback"_s, 2);
    printer.setOffline(true);
    const QJsonObject seen = placeOrder(u"화면 확인"_s);
    VERIFY_STATUS(m_http.post(u"/api/v1/orders/%1/ack?stations=kitchen"_s.arg(seen[u"id"_s].toInteger()), {}, m_kitchen),
                  200);
    const QJsonObject unseen = placeOrder(u"충돌 전 미확인"_s);
    QVERIFY2(!unseen.contains(u"failed"_s), qPrintable(unseen.value(u"failed"_s).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/api/v1/print-jobs?status=queued"_s, m_manager).json()[u"jobs"_s]
                                      .toArray().size(), 1, 10'000);
    m_edge.kill();
    QCOMPARE(deleteJobsOf(unseen[u"id"_s].toInteger()), 1);

    printer.setOffline(false);
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 1, 10'000);
    QVERIFY2(printer.tickets().first().contains(u"요청: 충돌 전 미확인"_s), qPrintable(printer.tickets().first().joined()));
    QVERIFY(printer.tickets().first().contains(u"화면 미확인 자동 출력"_s));
    const QJsonObject later = placeOrder(u"재시작 후 미확인"_s);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 2, 10'000);
    QVERIFY2(printer.tickets().at(1).contains(u"요청: 재시작 후 미확인"_s), qPrintable(printer.tickets().at(1).joined()));
    for (const Ticket &t : printer.tickets())
        QVERIFY(!t.contains(u"요청: 화면 확인"_s));
    QCOMPARE(printer.tornTickets(), 0);
}

void TestPrinters::slowPrinterPrintsEachTicketOnce()
{
    // A printer that takes 64 bytes every 100 ms (a ticket in about a second): the edge waits
    // for it rather than giving up and sending the ticket again.
    TestPrinter printer;
    printer.setDelayMs(100);
    QVERIFY(addPrinter(printer, u"느린 프린터"_s));
    setMode(u"kitchen"_s, u"printer"_s);
    placeOrder(u"천천히 1"_s);
    placeOrder(u"천천히 2"_s);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 2, 20'000);
    QVERIFY(printer.tickets().at(0).contains(u"요청: 천천히 1"_s));
    QVERIFY(printer.tickets().at(1).contains(u"요청: 천천히 2"_s));
    placeOrder(u"천천히 3"_s);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 3, 20'000);
    QVERIFY(printer.tickets().at(2).contains(u"요청: 천천히 3"_s));
    QCOMPARE(printer.tornTickets(), 0);
}

void TestPrinters::paperOutIsShown()
{
    TestPrinter printer;
    const qint64 id = addPrinter(printer, u"주방 프린터"_s);
    QVERIFY(id);
    QTRY_COMPARE_WITH_TIMEOUT(printerStatus(id), u"ok"_s, 5'000);
    SseClient staff;
    staff.open(m_edge.port(), {m_kitchen});
    QVERIFY(staff.waitForOpen());
    printer.setPaperOut(true);
    QTRY_COMPARE_WITH_TIMEOUT(printerStatus(id), u"paper_out"_s, 5'000);
    const auto event = staff.waitForEvent([&](const StreamEvent &e) {
        return e.type == u"printer.status"_s && e.data()[u"printer_id"_s].toInteger() == id;
    });
    QVERIFY2(event, qPrintable(describeEvents(staff.events())));
    QCOMPARE(event->data()[u"status"_s].toString(), u"paper_out"_s);
    QCOMPARE(event->data()[u"name"_s].toString(), u"주방 프린터"_s);
    QCOMPARE(metricValue(m_http.get(u"/metrics"_s).body, "tableorder_printer_up{printer=\"주방 프린터\"}").value_or(-1), 0.0);

    // A ticket waits for paper, then prints once.
    setMode(u"kitchen"_s, u"both"_s);
    placeOrder(u"용지"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/api/v1/printers"_s, m_kitchen).json()[u"printers"_s][0][u"queued"_s].toInt(),
                              1, 5'000);
    printer.setPaperOut(false);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 1, 10'000);
    QVERIFY(staff.waitForEvent([&](const StreamEvent &e) {
        return e.type == u"printer.status"_s && e.data()[u"status"_s].toString() == u"ok"_s;
    }));
}

void TestPrinters::fallbackPrintsWhenNoScreenAcknowledged()
{
    TestPrinter printer;
    const qint64 id = addPrinter(printer, u"주방"_s);
    QVERIFY(id);
    setMode(u"kitchen"_s, u"fallback"_s, 2);
    SseClient manager;
    manager.open(m_edge.port(), {m_manager});
    QVERIFY(manager.waitForOpen());

    // Seen by a kitchen screen at once: no ticket.
    const QJsonObject seen = placeOrder(u"화면 확인"_s);
    VERIFY_STATUS(m_http.post(u"/api/v1/orders/%1/ack?stations=kitchen"_s.arg(seen[u"id"_s].toInteger()), {}, m_kitchen),
                  200);
    // Seen only by the bar's screen: still the kitchen's to print.
    const QJsonObject unseen = placeOrder(u"화면 미확인"_s);
    VERIFY_STATUS(m_http.post(u"/api/v1/orders/%1/ack?stations=bar"_s.arg(unseen[u"id"_s].toInteger()), {}, m_kitchen),
                  200);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 1, 10'000);
    QVERIFY(printer.tickets().first().contains(u"요청: 화면 미확인"_s));
    QVERIFY(printer.tickets().first().contains(u"화면 미확인 자동 출력"_s));
    const auto told = manager.waitForEvent([&](const StreamEvent &e) { return e.type == u"printer.fallback"_s; });
    QVERIFY2(told, qPrintable(describeEvents(manager.events())));
    QCOMPARE(told->data()[u"order_id"_s].toInteger(), unseen[u"id"_s].toInteger());
    QCOMPARE(told->data()[u"station"_s].toString(), u"kitchen"_s);
    QCOMPARE(told->data()[u"printer_id"_s].toInteger(), id);
    // The acknowledged order fell due first and never printed: a later one prints after it.
    const QJsonObject later = placeOrder(u"나중"_s);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 2, 10'000);
    QVERIFY(printer.tickets().at(1).contains(u"요청: 나중"_s));
    for (const Ticket &t : printer.tickets())
        QVERIFY(!t.contains(u"요청: 화면 확인"_s));
}

void TestPrinters::fallbackFollowsTheScreensStations()
{
    // The kitchen app acknowledges over its WebSocket, opened for its stations: the bar's
    // screen showing an order does not stop the kitchen's fallback ticket; the kitchen's does.
    TestPrinter printer;
    QVERIFY(addPrinter(printer, u"주방"_s));
    setMode(u"kitchen"_s, u"fallback"_s, 2);
    WsClient bar;
    bar.open(m_edge.port(), {.token = m_kitchen, .stations = u"bar"_s});
    WsClient kitchen;
    kitchen.open(m_edge.port(), {.token = m_kitchen, .stations = u"kitchen"_s});
    QVERIFY(bar.waitForOpen() && kitchen.waitForOpen());
    const QJsonObject byBar = placeOrder(u"바 화면"_s);
    bar.sendJson({{u"type"_s, u"ack"_s}, {u"order_id"_s, byBar[u"id"_s].toInteger()}});
    const QJsonObject byKitchen = placeOrder(u"주방 화면"_s);
    kitchen.sendJson({{u"type"_s, u"ack"_s}, {u"order_id"_s, byKitchen[u"id"_s].toInteger()}});
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 1, 10'000);
    QVERIFY(printer.tickets().first().contains(u"요청: 바 화면"_s));
    // The kitchen's acknowledged order fell due right after it: a later order prints next.
    placeOrder(u"다음 주문"_s);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 2, 10'000);
    QVERIFY(printer.tickets().at(1).contains(u"요청: 다음 주문"_s));
}

void TestPrinters::reprintIsMarked()
{
    TestPrinter printer;
    const qint64 id = addPrinter(printer, u"주방"_s);
    QVERIFY(id);
    const QJsonObject order = placeOrder(u"다시"_s);
    const HttpResult reprint = m_http.post(u"/api/v1/orders/%1/reprint"_s.arg(order[u"id"_s].toInteger()),
                                           {{u"station"_s, u"kitchen"_s}}, m_kitchen);
    VERIFY_STATUS(reprint, 202);
    QCOMPARE(reprint.json()[u"job_ids"_s].toArray().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(printer.tickets().size(), 1, 10'000);
    const Ticket ticket = printer.tickets().first();
    const auto mark = std::find_if(ticket.lines.begin(), ticket.lines.end(),
                                   [](const PrintedLine &l) { return l.text.contains(u"재출력"_s); });
    QVERIFY2(mark != ticket.lines.end(), qPrintable(ticket.joined()));
    QCOMPARE(mark->widthScale, 2);
    QVERIFY(ticket.contains(u"요청: 다시"_s));
    // A station the order has no line for, an unknown order.
    VERIFY_ERROR_FIELD(m_http.post(u"/api/v1/orders/%1/reprint"_s.arg(order[u"id"_s].toInteger()),
                                   {{u"station"_s, u"dessert"_s}}, m_kitchen),
                       400, u"VALIDATION_FAILED"_s, u"station"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/orders/999999/reprint"_s, {}, m_kitchen), 404, u"NOT_FOUND"_s);
}

QTEST_MAIN(TestPrinters)
#include "tst_printers.moc"
