#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUrl>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// The audit log against a real edge: every kind of staff action (order status, kitchen
/// receipt, session close, menu, sold-out, stock, option, tables, accounts, calls) appears in
/// `GET /api/v1/audit` with who did it, with no secret in it; the filters and pages work;
/// only a manager may read it.
class TestAudit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyStaffActionHasItsActor_data();
    void everyStaffActionHasItsActor();
    void noSecrets();
    void filtersAndPages();
    void badQuery_data();
    void badQuery();
    void onlyManagers_data();
    void onlyManagers();

private:
    [[nodiscard]] QList<QJsonObject> audit(const QString &query = {});
    [[nodiscard]] QJsonObject find(const QString &type, const std::function<bool(const QJsonObject &)> &match);

    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_table;
    QString m_kitchen;
    QString m_manager;
    QString m_staff;
    QStringList m_passwords;
    qint64 m_orderId = 0;
    qint64 m_callId = 0;
    qint64 m_tableId = 0;
    qint64 m_categoryId = 0;
};

namespace {

int runAdmin(const QStringList &arguments, const QByteArray &input)
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
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

QList<QJsonObject> TestAudit::audit(const QString &query)
{
    const HttpResult r = m_http.get(u"/api/v1/audit?limit=1000"_s + query, m_manager);
    if (r.status != 200)
        qWarning("audit: %s", qPrintable(r.describe()));
    QList<QJsonObject> out;
    for (const QJsonValue &v : r.json().value(u"events"_s).toArray())
        out.append(v.toObject());
    return out;
}

QJsonObject TestAudit::find(const QString &type, const std::function<bool(const QJsonObject &)> &match)
{
    for (const QJsonObject &e : audit()) {
        if (e.value(u"type"_s).toString() == type && match(e.value(u"data"_s).toObject()))
            return e;
    }
    return {};
}

void TestAudit::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_table = m_http.tableLogin(1);
    m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    m_staff = m_http.staffLogin(u"staff"_s, u"staff"_s);
    QVERIFY(!m_table.isEmpty() && !m_kitchen.isEmpty() && !m_manager.isEmpty() && !m_staff.isEmpty());

    // One of each staff action, by different people.
    const HttpResult category = m_http.post(u"/api/v1/menu/categories"_s, {{u"name"_s, u"감사 메뉴"_s}}, m_manager);
    VERIFY_STATUS(category, 201);
    m_categoryId = category.json().value(u"id"_s).toInteger();
    VERIFY_STATUS(m_http.patch(u"/api/v1/menu/items/2/availability"_s, {{u"available"_s, false}}, m_kitchen), 200);
    VERIFY_STATUS(m_http.patch(u"/api/v1/menu/items/3/stock"_s, {{u"stock"_s, 5}}, m_manager), 200);
    const QJsonArray groups = m_http.get(u"/api/v1/menu/option-groups"_s, m_manager).json().value(u"groups"_s).toArray();
    QVERIFY(!groups.isEmpty());
    const qint64 optionId = groups.first().toObject().value(u"options"_s).toArray().first().toObject().value(u"id"_s).toInteger();
    VERIFY_STATUS(m_http.patch(u"/api/v1/menu/options/%1/availability"_s.arg(optionId), {{u"available"_s, false}}, m_kitchen), 200);

    const HttpResult placed = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{1, 2}}), m_table);
    VERIFY_STATUS(placed, 201);
    m_orderId = placed.json().value(u"id"_s).toInteger();
    VERIFY_STATUS(m_http.post(u"/api/v1/orders/%1/ack"_s.arg(m_orderId), {}, m_kitchen), 200);
    VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(m_orderId), {{u"status"_s, u"preparing"_s}}, m_kitchen), 200);
    const HttpResult second = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{1, 1}}), m_table);
    VERIFY_STATUS(second, 201);
    VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(second.json().value(u"id"_s).toInteger()),
                               {{u"status"_s, u"canceled"_s}}, m_manager),
                  200);

    const HttpResult call = m_http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"bill"_s}}, m_table);
    VERIFY_STATUS(call, 201);
    m_callId = call.json().value(u"id"_s).toInteger();
    VERIFY_STATUS(m_http.post(u"/api/v1/calls/%1/ack"_s.arg(m_callId), {}, m_staff), 200);
    VERIFY_STATUS(m_http.post(u"/api/v1/calls/%1/done"_s.arg(m_callId), {}, m_staff), 200);

    m_passwords = {u"tbl-secret-4821"_s, u"tbl-secret-9913"_s, u"new-floor-pass-77"_s, u"floor-pass-1234"_s};
    const HttpResult table = m_http.post(u"/api/v1/tables"_s, {{u"number"_s, 40}, {u"password"_s, m_passwords.at(0)}}, m_manager);
    VERIFY_STATUS(table, 201);
    m_tableId = table.json().value(u"id"_s).toInteger();
    VERIFY_STATUS(m_http.put(u"/api/v1/tables/%1"_s.arg(m_tableId), {{u"password"_s, m_passwords.at(1)}}, m_manager), 200);
    const qint64 table1 = placed.json().value(u"table_id"_s).toInteger();
    // The bill's corrections and payments (issue 13).
    const HttpResult third = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{1, 1}}), m_table);
    VERIFY_STATUS(third, 201);
    VERIFY_STATUS(m_http.post(u"/api/v1/orders/%1/void"_s.arg(third.json().value(u"id"_s).toInteger()),
                              {{u"reason"_s, u"ordered twice"_s}}, m_manager),
                  200);
    VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/discounts"_s.arg(table1),
                              {{u"kind"_s, u"amount"_s}, {u"value"_s, 1000}, {u"reason"_s, u"long wait"_s}}, m_manager),
                  201);
    VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/payments"_s.arg(table1),
                              {{u"client_payment_id"_s, newClientOrderId()}, {u"method"_s, u"cash"_s}, {u"amount"_s, 500}},
                              m_staff),
                  201);
    VERIFY_STATUS(m_http.put(u"/api/v1/staff-limits"_s, {{u"void_limit"_s, 3000}, {u"discount_limit"_s, 0}}, m_manager), 200);
    // Still owing and cooking: only a manager's forced close ends it.
    VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(table1),
                              {{u"force"_s, true}, {u"reason"_s, u"guests left"_s}}, m_manager),
                  200);
    // Floor staff move a visit to a free table.
    const QString table2 = m_http.tableLogin(2);
    const HttpResult atTwo = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{1, 1}}), table2);
    VERIFY_STATUS(atTwo, 201);
    const QJsonArray tables = m_http.get(u"/api/v1/tables"_s, m_manager).json().value(u"tables"_s).toArray();
    qint64 table3 = 0;
    for (const QJsonValue &t : tables)
        if (t.toObject().value(u"number"_s).toInt() == 3)
            table3 = t.toObject().value(u"id"_s).toInteger();
    VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/move"_s.arg(atTwo.json().value(u"table_id"_s).toInteger()),
                              {{u"to_table"_s, table3}}, m_staff),
                  200);

    // Accounts change through the command line, next to the running daemon.
    QCOMPARE(runAdmin({u"user"_s, u"add"_s, u"--data-dir"_s, m_edge.dataDir(), u"--role"_s, u"staff"_s,
                       u"--username"_s, u"jiwoo"_s},
                      m_passwords.at(3).toUtf8() + '\n'),
             0);
    QCOMPARE(runAdmin({u"user"_s, u"passwd"_s, u"--data-dir"_s, m_edge.dataDir(), u"--username"_s, u"jiwoo"_s},
                      m_passwords.at(2).toUtf8() + '\n'),
             0);
    QCOMPARE(runAdmin({u"user"_s, u"role"_s, u"--data-dir"_s, m_edge.dataDir(), u"--username"_s, u"jiwoo"_s,
                       u"--role"_s, u"kitchen"_s},
                      {}),
             0);
}

void TestAudit::everyStaffActionHasItsActor_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("actorKind");
    QTest::addColumn<QString>("actorName");
    QTest::newRow("menu: category added") << u"menu.updated"_s << u"change"_s << QJsonValue(u"category.created"_s)
                                          << u"staff"_s << u"manager"_s;
    QTest::newRow("sold out") << u"menu.item_availability_changed"_s << u"change"_s << QJsonValue(u"item.availability"_s)
                              << u"staff"_s << u"kitchen"_s;
    QTest::newRow("stock") << u"menu.item_availability_changed"_s << u"change"_s << QJsonValue(u"item.stock"_s)
                           << u"staff"_s << u"manager"_s;
    QTest::newRow("option sold out") << u"menu.option_availability_changed"_s << u"change"_s
                                     << QJsonValue(u"option.availability"_s) << u"staff"_s << u"kitchen"_s;
    QTest::newRow("order placed") << u"order.created"_s << u"status"_s << QJsonValue(u"pending"_s) << u"table"_s << QString();
    QTest::newRow("kitchen receipt") << u"order.acknowledged"_s << QString() << QJsonValue() << u"staff"_s << u"kitchen"_s;
    QTest::newRow("order preparing") << u"order.updated"_s << u"status"_s << QJsonValue(u"preparing"_s) << u"staff"_s
                                     << u"kitchen"_s;
    QTest::newRow("order canceled") << u"order.updated"_s << u"status"_s << QJsonValue(u"canceled"_s) << u"staff"_s
                                    << u"manager"_s;
    QTest::newRow("session closed (forced)") << u"table.session_closed"_s << u"close"_s << QJsonValue(u"forced"_s)
                                             << u"staff"_s << u"manager"_s;
    QTest::newRow("void") << u"order.voided"_s << u"reason"_s << QJsonValue(u"ordered twice"_s) << u"staff"_s << u"manager"_s;
    QTest::newRow("discount") << u"bill.discount_added"_s << QString() << QJsonValue() << u"staff"_s << u"manager"_s;
    QTest::newRow("payment") << u"payment.recorded"_s << QString() << QJsonValue() << u"staff"_s << u"staff"_s;
    QTest::newRow("staff limits") << u"store.staff_limits_changed"_s << u"void_limit"_s << QJsonValue(3000) << u"staff"_s
                                  << u"manager"_s;
    QTest::newRow("visit moved") << u"table.visit_left"_s << u"kind"_s << QJsonValue(u"move"_s) << u"staff"_s << u"staff"_s;
    QTest::newRow("call made") << u"call.created"_s << QString() << QJsonValue() << u"table"_s << QString();
    QTest::newRow("call acknowledged") << u"call.acknowledged"_s << QString() << QJsonValue() << u"staff"_s << u"staff"_s;
    QTest::newRow("call done") << u"call.done"_s << QString() << QJsonValue() << u"staff"_s << u"staff"_s;
    QTest::newRow("table added") << u"table.changed"_s << u"change"_s << QJsonValue(u"added"_s) << u"staff"_s << u"manager"_s;
    QTest::newRow("table password") << u"table.changed"_s << u"change"_s << QJsonValue(u"new password"_s) << u"staff"_s
                                    << u"manager"_s;
    QTest::newRow("account added") << u"staff.changed"_s << u"change"_s << QJsonValue(u"added"_s) << u"cli"_s << QString();
    QTest::newRow("account password") << u"staff.changed"_s << u"change"_s << QJsonValue(u"password"_s) << u"cli"_s
                                      << QString();
    QTest::newRow("account role") << u"staff.changed"_s << u"change"_s << QJsonValue(u"role"_s) << u"cli"_s << QString();
}

void TestAudit::everyStaffActionHasItsActor()
{
    QFETCH(QString, type);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, actorKind);
    QFETCH(QString, actorName);
    const QJsonObject event = find(type, [&](const QJsonObject &data) { return key.isEmpty() || data.value(key) == value; });
    QVERIFY2(!event.isEmpty(), qPrintable(u"no %1 with %2 in the audit log"_s.arg(type, key)));
    QVERIFY(event.value(u"seq"_s).toInteger() > 0);
    QVERIFY(!event.value(u"at"_s).toString().isEmpty());
    const QJsonObject actor = event.value(u"actor"_s).toObject();
    QCOMPARE(actor.value(u"kind"_s).toString(), actorKind);
    if (actorKind == u"staff"_s) {
        QCOMPARE(actor.value(u"name"_s).toString(), actorName);
        QCOMPARE(actor.value(u"role"_s).toString(), actorName); // the demo's accounts are named after their roles
        QVERIFY(actor.value(u"staff_id"_s).toInteger() > 0);
    } else if (actorKind == u"table"_s) {
        QCOMPARE(actor.value(u"table_number"_s).toInt(), 1);
    }
}

void TestAudit::noSecrets()
{
    const HttpResult all = m_http.get(u"/api/v1/audit?limit=1000"_s, m_manager);
    VERIFY_STATUS(all, 200);
    for (const QString &password : std::as_const(m_passwords))
        QVERIFY2(!all.body.contains(password.toUtf8()), qPrintable(password));
    QVERIFY(!all.body.contains("password_hash"));
    QVERIFY(!all.body.contains("$argon2"));
}

void TestAudit::filtersAndPages()
{
    const QList<QJsonObject> all = audit();
    QVERIFY(all.size() >= 15);
    for (const QJsonObject &e : all)
        QVERIFY2(e.contains(u"actor"_s), qPrintable(e.value(u"type"_s).toString()));

    // One staff member's actions.
    const QJsonObject kitchenEvent = find(u"order.updated"_s, [](const QJsonObject &d) { return d.value(u"status"_s) == u"preparing"_s; });
    const qint64 kitchenId = kitchenEvent.value(u"actor"_s).toObject().value(u"staff_id"_s).toInteger();
    const QList<QJsonObject> kitchens = audit(u"&actor=%1"_s.arg(kitchenId));
    QVERIFY(kitchens.size() >= 4);
    for (const QJsonObject &e : kitchens)
        QCOMPARE(e.value(u"actor"_s).toObject().value(u"name"_s).toString(), u"kitchen"_s);
    const QList<QJsonObject> table1 = audit(u"&actor=table:1"_s);
    QVERIFY(table1.size() >= 3);
    for (const QJsonObject &e : table1)
        QCOMPARE(e.value(u"actor"_s).toObject().value(u"table_number"_s).toInt(), 1);
    QCOMPARE(audit(u"&actor=cli"_s).size(), 3);
    QVERIFY(audit(u"&actor=table:12"_s).isEmpty());

    // Time range: after the last event there is nothing; from the first event's time, everything.
    const QString last = all.last().value(u"at"_s).toString();
    const QDateTime after = QDateTime::fromString(last, Qt::ISODateWithMs).addSecs(1);
    QVERIFY(audit(u"&from="_s + QString::fromLatin1(QUrl::toPercentEncoding(after.toString(Qt::ISODateWithMs)))).isEmpty());
    QCOMPARE(audit(u"&from="_s + QString::fromLatin1(QUrl::toPercentEncoding(all.first().value(u"at"_s).toString()))).size(),
             all.size());
    QCOMPARE(audit(u"&to="_s + QString::fromLatin1(QUrl::toPercentEncoding(all.first().value(u"at"_s).toString()))).size(), 0);

    // Pages of 4, by seq: together they are the whole log, in order.
    QList<QJsonObject> paged;
    qint64 cursor = 0;
    for (int page = 0; page < 100; ++page) {
        const HttpResult r = m_http.get(u"/api/v1/audit?limit=4&after=%1"_s.arg(cursor), m_manager);
        VERIFY_STATUS(r, 200);
        const QJsonArray events = r.json().value(u"events"_s).toArray();
        for (const QJsonValue &v : events)
            paged.append(v.toObject());
        if (r.json().value(u"next_after"_s).isNull())
            break;
        cursor = r.json().value(u"next_after"_s).toInteger();
        QCOMPARE(cursor, events.last().toObject().value(u"seq"_s).toInteger());
    }
    auto seqs = [](const QList<QJsonObject> &events) {
        QList<qint64> out;
        for (const QJsonObject &e : events)
            out.append(e.value(u"seq"_s).toInteger());
        return out;
    };
    QCOMPARE(seqs(paged), seqs(all));
}

void TestAudit::badQuery_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("actor of no kind") << u"actor=waiter"_s << u"actor"_s;
    QTest::newRow("actor table without number") << u"actor=table:"_s << u"actor"_s;
    QTest::newRow("negative after") << u"after=-1"_s << u"after"_s;
    QTest::newRow("from not a time") << u"from=yesterday"_s << u"from"_s;
    QTest::newRow("limit too big") << u"limit=5000"_s << u"limit"_s;
}

void TestAudit::badQuery()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/audit?"_s + query, m_manager), 400, u"VALIDATION_FAILED"_s, field);
}

void TestAudit::onlyManagers_data()
{
    QTest::addColumn<QString>("who");
    QTest::newRow("kitchen") << u"kitchen"_s;
    QTest::newRow("floor staff") << u"staff"_s;
    QTest::newRow("table") << u"table"_s;
}

void TestAudit::onlyManagers()
{
    QFETCH(QString, who);
    const QString token = who == u"kitchen"_s ? m_kitchen : who == u"staff"_s ? m_staff : m_table;
    VERIFY_ERROR(m_http.get(u"/api/v1/audit"_s, token), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.get(u"/api/v1/audit"_s), 401, u"UNAUTHENTICATED"_s);
}

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
