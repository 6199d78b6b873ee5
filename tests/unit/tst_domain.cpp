#include "domain.h"
#include "error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;

Q_DECLARE_METATYPE(tableorder::OrderStatus)
Q_DECLARE_METATYPE(tableorder::Role)
Q_DECLARE_METATYPE(tableorder::ErrorCode)

/// The order life cycle, role names and the one error-code-to-HTTP-status map.
class TestDomain : public QObject
{
    Q_OBJECT

private slots:
    void transitions_data();
    void transitions();
    void activeStatuses_data();
    void activeStatuses();
    void statusNames_data();
    void statusNames();
    void roleNames_data();
    void roleNames();
    void errorStatus_data();
    void errorStatus();
    void orderJsonKeepsMoneyExact();
    void timestampsAsQtWritesThem_data();
    void timestampsAsQtWritesThem();
    void timestampsReadAsQtReadsThem_data();
    void timestampsReadAsQtReadsThem();
    void orderWrittenDirectlyIsTheSameJson();
    void orderFromJsonRefusesOverflowingMoney_data();
    void orderFromJsonRefusesOverflowingMoney();
};

void TestDomain::transitions_data()
{
    QTest::addColumn<OrderStatus>("from");
    QTest::addColumn<OrderStatus>("to");
    QTest::addColumn<bool>("allowed");

    const QList<OrderStatus> all{OrderStatus::Pending, OrderStatus::Preparing,
                                 OrderStatus::Completed, OrderStatus::Canceled};
    // pending -> preparing -> completed; pending|preparing -> canceled; nothing else.
    const QList<std::pair<OrderStatus, OrderStatus>> allowed{
            {OrderStatus::Pending, OrderStatus::Preparing},
            {OrderStatus::Preparing, OrderStatus::Completed},
            {OrderStatus::Pending, OrderStatus::Canceled},
            {OrderStatus::Preparing, OrderStatus::Canceled}};
    for (OrderStatus from : all) {
        for (OrderStatus to : all) {
            const QByteArray name = orderStatusName(from).toLatin1() + " -> "
                    + orderStatusName(to).toLatin1();
            QTest::newRow(name.constData()) << from << to << allowed.contains(std::pair{from, to});
        }
    }
}

void TestDomain::transitions()
{
    QFETCH(OrderStatus, from);
    QFETCH(OrderStatus, to);
    QFETCH(bool, allowed);
    QCOMPARE(isAllowedTransition(from, to), allowed);
}

void TestDomain::activeStatuses_data()
{
    QTest::addColumn<OrderStatus>("status");
    QTest::addColumn<bool>("active");
    QTest::newRow("pending is active") << OrderStatus::Pending << true;
    QTest::newRow("preparing is active") << OrderStatus::Preparing << true;
    QTest::newRow("completed is done") << OrderStatus::Completed << false;
    QTest::newRow("canceled is done") << OrderStatus::Canceled << false;
}

void TestDomain::activeStatuses()
{
    QFETCH(OrderStatus, status);
    QFETCH(bool, active);
    QCOMPARE(isActive(status), active);
}

void TestDomain::statusNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<OrderStatus>("status");
    QTest::newRow("pending") << u"pending"_s << true << OrderStatus::Pending;
    QTest::newRow("preparing") << u"preparing"_s << true << OrderStatus::Preparing;
    QTest::newRow("completed") << u"completed"_s << true << OrderStatus::Completed;
    QTest::newRow("canceled") << u"canceled"_s << true << OrderStatus::Canceled;
    QTest::newRow("capitalised") << u"Pending"_s << false << OrderStatus::Pending;
    QTest::newRow("british spelling") << u"cancelled"_s << false << OrderStatus::Pending;
    QTest::newRow("padded") << u" pending"_s << false << OrderStatus::Pending;
    QTest::newRow("empty") << QString() << false << OrderStatus::Pending;
    QTest::newRow("unknown") << u"done"_s << false << OrderStatus::Pending;
}

void TestDomain::statusNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(OrderStatus, status);
    const auto parsed = parseOrderStatus(name);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(*parsed, status);
        QCOMPARE(orderStatusName(*parsed), name);
    }
}

void TestDomain::roleNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Role>("role");
    QTest::newRow("table") << u"table"_s << true << Role::Table;
    QTest::newRow("kitchen") << u"kitchen"_s << true << Role::Kitchen;
    QTest::newRow("manager") << u"manager"_s << true << Role::Manager;
    QTest::newRow("staff (floor)") << u"staff"_s << true << Role::Staff;
    QTest::newRow("capitalised") << u"Manager"_s << false << Role::Table;
    QTest::newRow("admin is no role") << u"admin"_s << false << Role::Table;
    QTest::newRow("empty") << QString() << false << Role::Table;
    QTest::newRow("trailing space") << u"kitchen "_s << false << Role::Table;
}

void TestDomain::roleNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(Role, role);
    const auto parsed = parseRole(name);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(*parsed, role);
        QCOMPARE(roleName(*parsed), name);
    }
}

void TestDomain::errorStatus_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("status");
    QTest::newRow("validation") << ErrorCode::ValidationFailed << u"VALIDATION_FAILED"_s << 400;
    QTest::newRow("unauthenticated") << ErrorCode::Unauthenticated << u"UNAUTHENTICATED"_s << 401;
    QTest::newRow("invalid token") << ErrorCode::InvalidToken << u"INVALID_TOKEN"_s << 401;
    QTest::newRow("expired token") << ErrorCode::TokenExpired << u"TOKEN_EXPIRED"_s << 401;
    QTest::newRow("bad credentials") << ErrorCode::InvalidCredentials << u"INVALID_CREDENTIALS"_s << 401;
    QTest::newRow("forbidden") << ErrorCode::Forbidden << u"FORBIDDEN"_s << 403;
    QTest::newRow("not found") << ErrorCode::NotFound << u"NOT_FOUND"_s << 404;
    QTest::newRow("method") << ErrorCode::MethodNotAllowed << u"METHOD_NOT_ALLOWED"_s << 405;
    QTest::newRow("timeout") << ErrorCode::RequestTimeout << u"REQUEST_TIMEOUT"_s << 408;
    QTest::newRow("conflict") << ErrorCode::Conflict << u"CONFLICT"_s << 409;
    QTest::newRow("sold out") << ErrorCode::ItemUnavailable << u"ITEM_UNAVAILABLE"_s << 409;
    QTest::newRow("option off") << ErrorCode::OptionUnavailable << u"OPTION_UNAVAILABLE"_s << 409;
    QTest::newRow("out of stock") << ErrorCode::OutOfStock << u"OUT_OF_STOCK"_s << 409;
    QTest::newRow("transition") << ErrorCode::InvalidTransition << u"INVALID_TRANSITION"_s << 409;
    QTest::newRow("limit") << ErrorCode::LimitReached << u"LIMIT_REACHED"_s << 409;
    QTest::newRow("no session") << ErrorCode::NoOpenSession << u"NO_OPEN_SESSION"_s << 409;
    QTest::newRow("exists") << ErrorCode::AlreadyExists << u"ALREADY_EXISTS"_s << 409;
    QTest::newRow("idempotency") << ErrorCode::IdempotencyKeyReused << u"IDEMPOTENCY_KEY_REUSED"_s << 422;
    QTest::newRow("too large") << ErrorCode::PayloadTooLarge << u"PAYLOAD_TOO_LARGE"_s << 413;
    QTest::newRow("pairing code used") << ErrorCode::PairingCodeUsed << u"PAIRING_CODE_USED"_s << 410;
    QTest::newRow("pairing code expired") << ErrorCode::PairingCodeExpired << u"PAIRING_CODE_EXPIRED"_s << 410;
    QTest::newRow("media type") << ErrorCode::UnsupportedMediaType << u"UNSUPPORTED_MEDIA_TYPE"_s << 415;
    QTest::newRow("rate") << ErrorCode::RateLimited << u"RATE_LIMITED"_s << 429;
    QTest::newRow("headers") << ErrorCode::HeadersTooLarge << u"HEADERS_TOO_LARGE"_s << 431;
    QTest::newRow("internal") << ErrorCode::Internal << u"INTERNAL"_s << 500;
    QTest::newRow("unavailable") << ErrorCode::Unavailable << u"UNAVAILABLE"_s << 503;
    QTest::newRow("storage full") << ErrorCode::StorageFull << u"STORAGE_FULL"_s << 503;
}

void TestDomain::errorStatus()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, name);
    QFETCH(int, status);
    QCOMPARE(errorCodeName(code), name);
    QCOMPARE(tableorder::errorStatus(code), status);
}

void TestDomain::orderJsonKeepsMoneyExact()
{
    // Money is an integer all the way to the wire: no float rounding of large totals.
    Order order;
    order.id = 7;
    order.total = 9'007'199'254'740'000; // near 2^53
    order.items.append({1, u"갈비탕"_s, 14000, 3, 42000});
    order.createdAt = QDateTime(QDate(2024, 5, 1), QTime(12, 0, 0, 5), Qt::UTC);
    const QJsonObject json = toJson(order);
    QCOMPARE(json.value(u"total"_s).toInteger(), order.total);
    QCOMPARE(json.value(u"status"_s).toString(), u"pending"_s);
    QCOMPARE(json.value(u"created_at"_s).toString(), u"2024-05-01T12:00:00.005Z"_s);
    QVERIFY(json.value(u"completed_at"_s).isNull());
    const QJsonObject line = json.value(u"items"_s).toArray().first().toObject();
    QCOMPARE(line.value(u"unit_price"_s).toInteger(), 14000);
    QCOMPARE(line.value(u"line_total"_s).toInteger(), 42000);
    QCOMPARE(line.value(u"name"_s).toString(), u"갈비탕"_s);
}

QTEST_GUILESS_MAIN(TestDomain)
void TestDomain::timestampsAsQtWritesThem_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::newRow("now") << QDateTime::currentDateTimeUtc();
    QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc());
    QTest::newRow("before 1970") << QDateTime::fromMSecsSinceEpoch(-1, QTimeZone::utc());
    QTest::newRow("leap day, last ms") << QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59, 999), QTimeZone::utc());
    QTest::newRow("seoul local time") << QDateTime(QDate(2026, 1, 1), QTime(3, 4, 5, 6), QTimeZone("Asia/Seoul"));
}

void TestDomain::timestampsAsQtWritesThem()
{
    QFETCH(QDateTime, time);
    QCOMPARE(tableorder::timestampText(time), time.toUTC().toString(Qt::ISODateWithMs));
    QCOMPARE(tableorder::parseTimestamp(tableorder::timestampText(time)), time);
    QVERIFY(tableorder::timestampText(QDateTime()).isEmpty());
}

void TestDomain::timestampsReadAsQtReadsThem_data()
{
    QTest::addColumn<QString>("text");
    for (const char *text : {"2026-11-21T17:13:25.954Z", "1969-12-31T23:59:59.999Z", "2028-02-29T00:00:00.000Z",
                             "2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-11-21T24:00:00.000Z",
                             "2026-11-21T17:13:2x.954Z", "2026-11-21T17:13:25Z", "2026-11-21T17:13:25.954+09:00",
                             "not a time"})
        QTest::newRow(text) << QString::fromLatin1(text);
}

void TestDomain::timestampsReadAsQtReadsThem()
{
    QFETCH(QString, text);
    QDateTime expected = QDateTime::fromString(text, Qt::ISODateWithMs);
    expected.setTimeSpec(Qt::UTC);
    const QDateTime read = tableorder::parseTimestamp(text);
    QCOMPARE(read.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(read.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TestDomain::orderWrittenDirectlyIsTheSameJson()
{
    Order order;
    order.id = 9'007'199'254'740'000;
    order.number = 42;
    order.businessDate = u"2026-11-21"_s;
    order.tableId = 7;
    order.tableNumber = 12;
    order.sessionId = 3;
    order.status = OrderStatus::Preparing;
    order.total = 1'234'500;
    order.note = u"덜 맵게 \"please\" \\ tab\there\nnew line \u0001 ☕ 🍜"_s;
    order.clientOrderId = u"0b7c8a1e-4e4f-4f7a-9a55-5d0c1d2e3f40"_s;
    order.createdAt = QDateTime(QDate(2026, 11, 21), QTime(9, 1, 2, 345), QTimeZone::utc());
    order.updatedAt = order.createdAt.addSecs(60);
    order.preparingAt = order.updatedAt;
    order.kitchenAckedAt = order.createdAt.addMSecs(1500);
    order.items = {{1, u"김치찌개"_s, 9000, 2, 18000, u"kitchen"_s}, {2, u"콜라 \"L\""_s, 2500, 1, 2500, {}}};
    order.items[0].options = {{11, u"맵기"_s, u"매운맛 \"hot\""_s, 500}, {21, u"추가"_s, u"공기밥"_s, -1000}};
    order.items[0].note = u"양파 빼주세요\n🍜"_s;
    for (const Order &o : {order, Order{}}) {
        QByteArray written;
        appendJson(written, o);
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(written, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + u": "_s + QString::fromUtf8(written)));
        QCOMPARE(parsed.object(), toJson(o));
    }
    // Options and notes survive the way back (an order event read at HQ).
    order.total = 20'500;
    auto back = orderFromJson(toJson(order));
    QVERIFY(back);
    QCOMPARE(back->items.at(0).options, order.items.at(0).options);
    QCOMPARE(back->items.at(0).note, order.items.at(0).note);
    QCOMPARE(back->kitchenAckedAt, order.kitchenAckedAt);
}

// A store's order event whose unit price times quantity, or whose sum of lines, overflows
// 64 bits was computed with signed overflow (undefined behaviour; the seed
// tests/fuzz/corpus/sync_upload/order_huge_price): it is refused like any order whose lines
// do not add up.
void TestDomain::orderFromJsonRefusesOverflowingMoney_data()
{
    QTest::addColumn<qint64>("unitPrice");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<int>("lines");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ordinary") << 12000LL << 2 << 2 << true;
    QTest::newRow("2^62 x 2 overflows the line") << (qint64(1) << 62) << 2 << 1 << false;
    QTest::newRow("2^60 x 100 overflows the line") << (qint64(1) << 60) << 100 << 1 << false;
    QTest::newRow("2^61 x 2, twice, overflows the sum") << (qint64(1) << 61) << 2 << 2 << false;
}

void TestDomain::orderFromJsonRefusesOverflowingMoney()
{
    QFETCH(qint64, unitPrice);
    QFETCH(int, quantity);
    QFETCH(int, lines);
    QFETCH(bool, valid);
    // What the edge would have written, where it fits in 64 bits (0 where it does not).
    Money lineTotal = 0;
    Money total = 0;
    if (__builtin_mul_overflow(unitPrice, Money(quantity), &lineTotal))
        lineTotal = 0;
    if (__builtin_mul_overflow(lineTotal, Money(lines), &total))
        total = 0;
    QJsonArray items;
    for (int i = 0; i < lines; ++i)
        items.append(QJsonObject{{u"menu_item_id"_s, i + 1}, {u"name"_s, u"x"_s}, {u"unit_price"_s, unitPrice},
                                 {u"quantity"_s, quantity}, {u"line_total"_s, lineTotal}});
    const QJsonObject order{{u"id"_s, 1}, {u"number"_s, 1}, {u"table_number"_s, 3}, {u"status"_s, u"pending"_s},
                            {u"business_date"_s, u"2026-11-21"_s}, {u"created_at"_s, u"2026-11-21T10:43:02.123Z"_s},
                            {u"items"_s, items}, {u"total"_s, total}};
    const auto parsed = orderFromJson(order);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        QCOMPARE(parsed.error().code, ErrorCode::ValidationFailed);
}

#include "tst_domain.moc"
