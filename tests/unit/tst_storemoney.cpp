#include "services/storemoney.h"

#include <QJsonDocument>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::central;

/// What HQ takes from a store's money events (central/services/storemoney): the figures as
/// the store sent them, and a refusal (a dead letter at ingest) for any that would put a
/// negative, fractional or absurd amount into HQ's reports.
class TestStoreMoney : public QObject
{
    Q_OBJECT

private slots:
    void payment_data();
    void payment();
    void voidAndDiscount();
    void dayClose();
    void auditEntry_data();
    void auditEntry();
};

namespace {

const QString kUuid = u"0b6f9c1e-3a5d-4e2f-8c7b-1d2e3f405162"_s;

Event storeEvent(const char *type, const QJsonObject &data, const QJsonObject &actor = {})
{
    Event e;
    e.seq = 42;
    e.id = u"e"_s;
    e.type = QString::fromLatin1(type);
    e.at = QDateTime(QDate(2026, 12, 6), QTime(11, 30), Qt::UTC);
    e.data = data;
    e.actor = actor;
    return e;
}

QJsonObject paymentData(const QJsonValue &id, const QJsonValue &method, const QJsonValue &amount)
{
    return {{u"session_id"_s, 9},
            {u"payment"_s, QJsonObject{{u"id"_s, 3}, {u"client_payment_id"_s, id}, {u"table_number"_s, 4},
                                       {u"method"_s, method}, {u"amount"_s, amount}}},
            {u"bill"_s, QJsonObject{{u"total"_s, 1}}}};
}

const QJsonObject kStaff{{u"kind"_s, u"staff"_s}, {u"staff_id"_s, 7}, {u"name"_s, u"김민수"_s}, {u"role"_s, u"staff"_s}};

} // namespace

void TestStoreMoney::payment_data()
{
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("refusedField"); // empty: accepted

    QTest::newRow("card 12,345 won") << paymentData(kUuid, u"card"_s, 12345) << QString();
    QTest::newRow("every method: other") << paymentData(kUuid, u"other"_s, 1) << QString();
    QTest::newRow("the largest amount") << paymentData(kUuid, u"cash"_s, 1'000'000'000) << QString();
    QTest::newRow("zero") << paymentData(kUuid, u"cash"_s, 0) << u"payment.amount"_s;
    QTest::newRow("negative") << paymentData(kUuid, u"cash"_s, -500) << u"payment.amount"_s;
    QTest::newRow("fractional") << paymentData(kUuid, u"cash"_s, 10.5) << u"payment.amount"_s;
    QTest::newRow("absurd") << paymentData(kUuid, u"cash"_s, 1e15) << u"payment.amount"_s;
    QTest::newRow("amount as text") << paymentData(kUuid, u"cash"_s, u"1000"_s) << u"payment.amount"_s;
    QTest::newRow("unknown method") << paymentData(kUuid, u"bitcoin"_s, 1000) << u"payment.method"_s;
    QTest::newRow("no client_payment_id") << paymentData(QJsonValue(), u"cash"_s, 1000) << u"payment.client_payment_id"_s;
    QTest::newRow("client_payment_id not a UUID") << paymentData(u"=1+1"_s, u"cash"_s, 1000)
                                                  << u"payment.client_payment_id"_s;
    QTest::newRow("no payment at all") << QJsonObject{{u"session_id"_s, 9}} << u"payment.client_payment_id"_s;
}

void TestStoreMoney::payment()
{
    QFETCH(QJsonObject, data);
    QFETCH(QString, refusedField);
    const auto p = storemoney::payment(storeEvent(events::PaymentRecorded, data, kStaff));
    if (!refusedField.isEmpty()) {
        QVERIFY(!p);
        QCOMPARE(p.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(p.error().details[u"field"_s].toString(), refusedField);
        return;
    }
    QVERIFY(p);
    const QJsonObject sent = data.value(u"payment"_s).toObject();
    QCOMPARE(p->seq, 42);
    QCOMPARE(p->clientPaymentId, kUuid);
    QCOMPARE(p->paymentId, 3);
    QCOMPARE(p->sessionId, 9);
    QCOMPARE(p->tableNumber, 4);
    QCOMPARE(p->method, sent.value(u"method"_s).toString());
    QCOMPARE(p->amount, sent.value(u"amount"_s).toInteger());
    QCOMPARE(p->actor, kStaff);
    QCOMPARE(p->at, u"2026-12-06T11:30:00.000Z"_s);
    QVERIFY(p->businessDate.isEmpty()); // the visit's: the caller looks it up
}

void TestStoreMoney::voidAndDiscount()
{
    const auto v = storemoney::voided(storeEvent(events::OrderVoided, {{u"order_id"_s, 5}, {u"session_id"_s, 9},
                                                                  {u"amount"_s, 6789}, {u"reason"_s, u"쏟음"_s}}));
    QVERIFY(v);
    QCOMPARE(v->orderId, 5);
    QCOMPARE(v->amount, 6789);
    QCOMPARE(v->reason, u"쏟음"_s);
    QVERIFY(!storemoney::voided(storeEvent(events::OrderVoided, {{u"order_id"_s, 5}, {u"amount"_s, -1}})));
    QVERIFY(!storemoney::voided(storeEvent(events::OrderVoided, {{u"amount"_s, 100}})));

    const QJsonObject discount{{u"id"_s, 2}, {u"kind"_s, u"percent"_s}, {u"value"_s, 10}, {u"amount"_s, 1235},
                               {u"reason"_s, u"단골"_s}};
    const auto d = storemoney::discount(storeEvent(events::DiscountAdded, {{u"session_id"_s, 9}, {u"discount"_s, discount}}));
    QVERIFY(d);
    QCOMPARE(d->discountId, 2);
    QCOMPARE(d->kind, u"percent"_s);
    QCOMPARE(d->value, 10);
    QCOMPARE(d->amount, 1235); // what it took off, not its percent
    QJsonObject bad = discount;
    bad.insert(u"amount"_s, 0);
    QVERIFY(!storemoney::discount(storeEvent(events::DiscountAdded, {{u"discount"_s, bad}})));
    bad = discount;
    bad.insert(u"kind"_s, u"free"_s);
    QVERIFY(!storemoney::discount(storeEvent(events::DiscountAdded, {{u"discount"_s, bad}})));
}

void TestStoreMoney::dayClose()
{
    const QJsonObject report{{u"date"_s, u"2026-12-06"_s}, {u"net"_s, 100}, {u"closed_at"_s, u"2026-12-06T15:00:00.000Z"_s}};
    const auto day = storemoney::dayClose(storeEvent(events::BusinessDayClosed, {{u"date"_s, u"2026-12-06"_s}, {u"report"_s, report}}));
    QVERIFY(day);
    QCOMPARE(day->businessDate, u"2026-12-06"_s);
    QCOMPARE(day->report, report); // as the store sent it
    QCOMPARE(day->closedAt, u"2026-12-06T15:00:00.000Z"_s);
    QVERIFY(!storemoney::dayClose(storeEvent(events::BusinessDayClosed, {{u"date"_s, u"2026-13-01"_s}, {u"report"_s, report}})));
    QVERIFY(!storemoney::dayClose(storeEvent(events::BusinessDayClosed, {{u"date"_s, u"2026-12-06"_s}})));
}

void TestStoreMoney::auditEntry_data()
{
    QTest::addColumn<QJsonObject>("actor");
    QTest::addColumn<bool>("listed");
    QTest::newRow("staff") << kStaff << true;
    QTest::newRow("a table's tablet") << QJsonObject{{u"kind"_s, u"table"_s}, {u"table_number"_s, 4}} << false;
    QTest::newRow("the command line") << QJsonObject{{u"kind"_s, u"cli"_s}} << false;
    QTest::newRow("the daemon itself") << QJsonObject() << false;
}

void TestStoreMoney::auditEntry()
{
    QFETCH(QJsonObject, actor);
    QFETCH(bool, listed);
    const auto entry = storemoney::auditEntry(storeEvent(events::PaymentRecorded, paymentData(kUuid, u"card"_s, 100), actor));
    QCOMPARE(entry.has_value(), listed);
    if (!listed)
        return;
    QCOMPARE(entry->staffId, 7);
    QCOMPARE(entry->staffName, u"김민수"_s);
    QCOMPARE(entry->staffRole, u"staff"_s);
    QCOMPARE(entry->type, u"payment.recorded"_s);
    QVERIFY(!entry->data.contains(u"bill"_s)); // the store keeps the bill; HQ the action
    QCOMPARE(entry->data.value(u"payment"_s).toObject().value(u"amount"_s).toInteger(), 100);
}

QTEST_GUILESS_MAIN(TestStoreMoney)
#include "tst_storemoney.moc"
