#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// The floor staff role (`staff`): made by the admin command line, logs in, reads what the
/// floor needs, and is refused the menu, the accounts and the tables' setup, and the
/// kitchen's own work, with nothing changed in the store.
class TestStaffRole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void adminCommandsAcceptStaff();
    void refused_data();
    void refused();
    void allowed_data();
    void allowed();

private:
    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_staff;
    QString m_table;
    qint64 m_orderId = 0;
};

namespace {

int runAdmin(const QStringList &arguments, const QByteArray &input, QString *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(EdgeProcess::binaryPath(), arguments);
    if (!process.waitForStarted(10'000))
        return -1;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000))
        process.kill();
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

void TestStaffRole::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    // The demo store has a floor staff account, staff/staff.
    const HttpResult login = m_http.post(u"/api/v1/auth/staff-login"_s,
                                         {{u"username"_s, u"staff"_s}, {u"password"_s, u"staff"_s}});
    VERIFY_STATUS(login, 200);
    QCOMPARE(login.json().value(u"role"_s).toString(), u"staff"_s);
    m_staff = login.json().value(u"token"_s).toString();
    m_table = m_http.tableLogin(1);
    QVERIFY(!m_staff.isEmpty() && !m_table.isEmpty());
    const HttpResult placed = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{1, 1}}), m_table);
    VERIFY_STATUS(placed, 201);
    m_orderId = placed.json().value(u"id"_s).toInteger();
}

void TestStaffRole::adminCommandsAcceptStaff()
{
    EdgeProcess edge({.demo = false});
    QString output;
    QCOMPARE(runAdmin({u"user"_s, u"add"_s, u"--data-dir"_s, edge.dataDir(), u"--role"_s, u"staff"_s,
                       u"--username"_s, u"minsu"_s},
                      "floor pass\n", &output),
             0);
    QCOMPARE(runAdmin({u"user"_s, u"add"_s, u"--data-dir"_s, edge.dataDir(), u"--role"_s, u"kitchen"_s,
                       u"--username"_s, u"cook"_s},
                      "cook pass\n", &output),
             0);
    QCOMPARE(runAdmin({u"user"_s, u"role"_s, u"--data-dir"_s, edge.dataDir(), u"--username"_s, u"cook"_s,
                       u"--role"_s, u"staff"_s},
                      {}, &output),
             0);
    QCOMPARE(runAdmin({u"user"_s, u"add"_s, u"--data-dir"_s, edge.dataDir(), u"--role"_s, u"waiter"_s,
                       u"--username"_s, u"x"_s},
                      "password\n", &output),
             2);
    QVERIFY2(output.contains(u"manager, kitchen or staff"_s), qPrintable(output));
    QCOMPARE(runAdmin({u"user"_s, u"list"_s, u"--data-dir"_s, edge.dataDir()}, {}, &output), 0);
    QVERIFY2(output.contains(u"minsu\tstaff"_s) && output.contains(u"cook\tstaff"_s), qPrintable(output));

    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    for (const auto &[user, password] : {std::pair{u"minsu"_s, u"floor pass"_s}, std::pair{u"cook"_s, u"cook pass"_s}}) {
        const HttpResult login = http.post(u"/api/v1/auth/staff-login"_s,
                                           {{u"username"_s, user}, {u"password"_s, password}});
        VERIFY_STATUS(login, 200);
        QCOMPARE(login.json().value(u"role"_s).toString(), u"staff"_s);
        const QString token = login.json().value(u"token"_s).toString();
        VERIFY_STATUS(http.get(u"/api/v1/tables"_s, token), 200);
        VERIFY_ERROR(http.post(u"/api/v1/tables"_s, {{u"number"_s, 9}, {u"password"_s, u"0000"_s}}, token),
                     403, u"FORBIDDEN"_s);
    }
}

void TestStaffRole::refused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("adds a category") << QByteArray("POST") << u"/api/v1/menu/categories"_s
                                     << QByteArray(R"({"name":"새 메뉴","sort_order":1})");
    QTest::newRow("renames an item") << QByteArray("PUT") << u"/api/v1/menu/items/1"_s
                                     << QByteArray(R"({"name":"x","price":1000,"category_id":1})");
    QTest::newRow("removes an item") << QByteArray("DELETE") << u"/api/v1/menu/items/1"_s << QByteArray();
    QTest::newRow("marks an item sold out") << QByteArray("PATCH") << u"/api/v1/menu/items/1/availability"_s
                                            << QByteArray(R"({"available":false})");
    QTest::newRow("sets stock") << QByteArray("PATCH") << u"/api/v1/menu/items/1/stock"_s
                                << QByteArray(R"({"stock":3})");
    QTest::newRow("marks an option sold out") << QByteArray("PATCH") << u"/api/v1/menu/options/1/availability"_s
                                              << QByteArray(R"({"available":false})");
    QTest::newRow("reads option groups") << QByteArray("GET") << u"/api/v1/menu/option-groups"_s << QByteArray();
    QTest::newRow("adds an option group") << QByteArray("POST") << u"/api/v1/menu/option-groups"_s
                                          << QByteArray(R"({"name":"맵기","min":1,"max":1,"options":[]})");
    QTest::newRow("adds a table") << QByteArray("POST") << u"/api/v1/tables"_s
                                  << QByteArray(R"({"number":50,"password":"0000"})");
    QTest::newRow("changes a table's password") << QByteArray("PUT") << u"/api/v1/tables/1"_s
                                                << QByteArray(R"({"password":"9999"})");
    QTest::newRow("makes a pairing code") << QByteArray("POST") << u"/api/v1/tables/1/pairing-code"_s << QByteArray();
    QTest::newRow("reads a table's history") << QByteArray("GET") << u"/api/v1/tables/1/history"_s << QByteArray();
    QTest::newRow("reads backups") << QByteArray("GET") << u"/api/v1/backups"_s << QByteArray();
    QTest::newRow("starts a backup") << QByteArray("POST") << u"/api/v1/backups"_s << QByteArray();
    QTest::newRow("reads the TLS identity") << QByteArray("GET") << u"/api/v1/system/tls"_s << QByteArray();
    QTest::newRow("advances an order (kitchen work)") << QByteArray("PATCH") << u"/api/v1/orders/1"_s
                                                      << QByteArray(R"({"status":"preparing"})");
    QTest::newRow("cancels an order") << QByteArray("PATCH") << u"/api/v1/orders/1"_s
                                      << QByteArray(R"({"status":"canceled"})");
    QTest::newRow("gives a kitchen receipt") << QByteArray("POST") << u"/api/v1/orders/1/ack"_s << QByteArray();
    QTest::newRow("places an order") << QByteArray("POST") << u"/api/v1/orders"_s
                                     << QJsonDocument(orderBody(newClientOrderId(), {{1, 1}})).toJson();
}

void TestStaffRole::refused()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const QStringList before = databaseState(m_edge.databasePath());
    Headers headers;
    if (!body.isEmpty())
        headers.emplaceBack("Content-Type", "application/json");
    VERIFY_ERROR(m_http.send(method, path, body, m_staff, headers), 403, u"FORBIDDEN"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestStaffRole::allowed_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");
    QTest::newRow("the tables") << u"/api/v1/tables"_s << u"tables"_s;
    QTest::newRow("the orders") << u"/api/v1/orders"_s << u"orders"_s;
    QTest::newRow("the menu") << u"/api/v1/menu"_s << u"categories"_s;
}

void TestStaffRole::allowed()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    const HttpResult result = m_http.get(path, m_staff);
    VERIFY_STATUS(result, 200);
    QVERIFY(!result.json().value(key).toArray().isEmpty());
    const HttpResult order = m_http.get(u"/api/v1/orders/%1"_s.arg(m_orderId), m_staff);
    VERIFY_STATUS(order, 200);
    QCOMPARE(order.json().value(u"table_number"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestStaffRole)
#include "tst_staffrole.moc"
