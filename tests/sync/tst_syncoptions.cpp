#include "crypto.h"
#include "database.h"
#include "menu/menumodel.h"
#include "synckit.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;
namespace pb = tableorder::sync::v1;

namespace {

QJsonObject option(qint64 id, const QString &group, const QString &name, double delta)
{
    return {{u"id"_s, id}, {u"group"_s, group}, {u"name"_s, name}, {u"price_delta"_s, delta}};
}

/// An order line as the edge logs it: priced from its base and options, the base with it.
QJsonObject line(qint64 item, const QString &name, qint64 base, const QJsonArray &options, int quantity,
                 const QString &note = {})
{
    qint64 unit = base;
    for (const QJsonValue &o : options)
        unit += o.toObject().value(u"price_delta"_s).toInteger();
    unit = std::max<qint64>(0, unit);
    return {{u"menu_item_id"_s, item}, {u"name"_s, name}, {u"unit_price"_s, unit}, {u"quantity"_s, quantity},
            {u"line_total"_s, unit * quantity}, {u"options"_s, options}, {u"note"_s, note},
            {u"base_price"_s, base}};
}

/// The same line as an edge from before base_price sends it.
QJsonObject oldLine(QJsonObject l)
{
    l.remove(u"base_price"_s);
    return l;
}

/// `order` with its lines replaced and its total made their sum.
QJsonObject withLines(QJsonObject order, const QJsonArray &lines)
{
    qint64 total = 0;
    for (const QJsonValue &l : lines)
        total += l.toObject().value(u"line_total"_s).toInteger();
    order.insert(u"items"_s, lines);
    order.insert(u"total"_s, total);
    return order;
}

void setData(pb::UploadRequest &batch, int index, const QJsonObject &data)
{
    batch.mutable_events(index)->set_data_json(QJsonDocument(data).toJson(QJsonDocument::Compact).toStdString());
}

QJsonObject dataOf(const pb::UploadRequest &batch, int index)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(batch.events(index).data_json())).object();
}

} // namespace

/// Order lines with options and notes uploaded by a store (issue 12): central keeps each
/// line's options and note, its figures match the store's to the won, `group_by=option`
/// counts them, and a line whose price or options cannot be right is dead-lettered with the
/// reports unchanged: with base_price, any unit_price but max(0, base_price + Σ deltas); from
/// an older edge without it, a unit_price below Σ deltas. Uploads go over the real sync protocol to a real central, on SQLite
/// and PostgreSQL.
class TestSyncOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void optionsAndNotesReachHq();
    void optionReportLeavesOutCanceledOrders();
    void badOptionsAreDeadLettered_data();
    void badOptionsAreDeadLettered();
    void wrongPriceAlertsHq();
    void oldEdgeLinesStillSync();
    void groupByOptionIsScopedToTheViewer();
    void upgradeFromSchema6KeepsOrdersAndMenus();
    void cleanup();

private:
    QJsonObject report(const QString &groupBy, qint64 storeId, const QString &token = {});
    QStringList storedLines(qint64 storeId);

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    HttpClient m_http;
    QString m_hq;
};

void TestSyncOptions::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    qInfo("central on %s", qPrintable(backendName()));
    CentralProcess::Options options = m_db.centralOptions();
    // Alerts evaluated often, so that a dead letter's alert is seen without a long wait.
    options.environment.append({u"TABLEORDER_ALERTS_EVALUATE_MS"_s, u"200"_s});
    m_central = std::make_unique<CentralProcess>(options);
    VERIFY_CENTRAL_STARTED(*m_central);
    m_http.setPort(m_central->port());
    m_hq = Hq::login(m_http, u"hq"_s, u"hq"_s);
    QVERIFY(!m_hq.isEmpty());
}

void TestSyncOptions::cleanup()
{
    if (QTest::currentTestFailed())
        qWarning("central log:\n%s", m_central->log().right(3000).constData());
}

QJsonObject TestSyncOptions::report(const QString &groupBy, qint64 storeId, const QString &token)
{
    const QDate today = QDate::currentDate();
    const HttpResult result = m_http.get(u"/api/v1/reports/sales?from=%1&to=%2&group_by=%3%4"_s
                                             .arg(today.addDays(-1).toString(Qt::ISODate),
                                                  today.addDays(1).toString(Qt::ISODate), groupBy,
                                                  storeId ? u"&store_id=%1"_s.arg(storeId) : QString()),
                                         token.isEmpty() ? m_hq : token);
    if (result.status != 200)
        qWarning("report: %s", qPrintable(result.describe()));
    return result.json();
}

QStringList TestSyncOptions::storedLines(qint64 storeId)
{
    // What central keeps of each line: the figures, the options as JSON, the note, and the
    // options' rows the reports read.
    QStringList out;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT order_id, line, menu_item_id, unit_price, quantity, line_total, options, note "
              "FROM order_items WHERE store_id = ? ORDER BY order_id, line"_s);
    q.addBindValue(storeId);
    if (!q.exec())
        return {u"query failed"_s};
    while (q.next()) {
        QStringList row;
        for (int i = 0; i < 8; ++i)
            row.append(q.value(i).toString());
        out.append(row.join(u'|'));
    }
    q.prepare(u"SELECT order_id, line, position, option_id, group_name, name, price_delta "
              "FROM order_item_options WHERE store_id = ? ORDER BY order_id, line, position"_s);
    q.addBindValue(storeId);
    if (!q.exec())
        return {u"query failed"_s};
    while (q.next()) {
        QStringList row;
        for (int i = 0; i < 7; ++i)
            row.append(q.value(i).toString());
        out.append(u"option "_s + row.join(u'|'));
    }
    return out;
}

void TestSyncOptions::optionsAndNotesReachHq()
{
    Hq hq{m_http, m_hq};
    const auto [store, key] = hq.registerStore(u"라면집"_s);
    QVERIFY(store > 0);
    const QJsonObject extraLarge = option(11, u"양"_s, u"곱빼기"_s, 2000);
    const QJsonObject rice = option(12, u"추가"_s, u"공기밥 추가"_s, 1000);
    const QJsonObject mild = option(13, u"맵기"_s, u"순한맛"_s, 0);
    const QJsonObject noEgg = option(14, u"빼기"_s, u"계란 빼기"_s, -500);

    pb::UploadRequest batch = orderBatch(1, 3, 5000);
    setData(batch, 0, withLines(dataOf(batch, 0), {line(1, u"라면"_s, 5000, {extraLarge, rice}, 2, u"양파 빼주세요"_s),
                                                   line(1, u"라면"_s, 5000, {mild}, 1)}));
    setData(batch, 1, withLines(dataOf(batch, 1), {line(1, u"라면"_s, 5000, {extraLarge, noEgg}, 3)}));
    // Deltas may take a line to 0, never below (the store clamps; central accepts the 0).
    setData(batch, 2, withLines(dataOf(batch, 2), {line(2, u"물"_s, 300, {noEgg}, 1)}));
    pb::UploadResponse response;
    VERIFY_STATUS(upload(m_http, key, batch, &response), 200);
    QCOMPARE(response.applied_seq(), 3);

    // Every figure as the store priced it, to the won: 8,000 x 2 + 5,000 + 6,500 x 3 + 0.
    const QJsonObject sales = hq.salesRow(store);
    QCOMPARE(sales.value(u"orders"_s).toInteger(), 3);
    QCOMPARE(sales.value(u"total"_s).toInteger(), 16'000 + 5'000 + 19'500 + 0);
    const QStringList expected{
        u"1|1|1|8000|2|16000|[{\"group\":\"양\",\"id\":11,\"name\":\"곱빼기\",\"price_delta\":2000},"
        "{\"group\":\"추가\",\"id\":12,\"name\":\"공기밥 추가\",\"price_delta\":1000}]|양파 빼주세요"_s,
        u"1|2|1|5000|1|5000|[{\"group\":\"맵기\",\"id\":13,\"name\":\"순한맛\",\"price_delta\":0}]|"_s,
        u"2|1|1|6500|3|19500|[{\"group\":\"양\",\"id\":11,\"name\":\"곱빼기\",\"price_delta\":2000},"
        "{\"group\":\"빼기\",\"id\":14,\"name\":\"계란 빼기\",\"price_delta\":-500}]|"_s,
        u"3|1|2|0|1|0|[{\"group\":\"빼기\",\"id\":14,\"name\":\"계란 빼기\",\"price_delta\":-500}]|"_s,
        u"option 1|1|1|11|양|곱빼기|2000"_s,
        u"option 1|1|2|12|추가|공기밥 추가|1000"_s,
        u"option 1|2|1|13|맵기|순한맛|0"_s,
        u"option 2|1|1|11|양|곱빼기|2000"_s,
        u"option 2|1|2|14|빼기|계란 빼기|-500"_s,
        u"option 3|1|1|14|빼기|계란 빼기|-500"_s,
    };
    QCOMPARE(storedLines(store), expected);

    // "How many 곱빼기 this week": 2 + 3 portions on 2 orders, +2,000 each.
    const QJsonObject byOption = report(u"option"_s, store);
    QCOMPARE(byOption.value(u"group_by"_s).toString(), u"option"_s);
    QStringList rows;
    for (const QJsonValue &v : byOption.value(u"rows"_s).toArray()) {
        const QJsonObject r = v.toObject();
        rows.append(u"%1|%2|%3|%4|orders %5|quantity %6|sales %7|total %8"_s.arg(r.value(u"key"_s).toString())
                        .arg(r.value(u"option_id"_s).toInteger())
                        .arg(r.value(u"group"_s).toString(), r.value(u"option"_s).toString())
                        .arg(r.value(u"orders"_s).toInteger())
                        .arg(r.value(u"quantity"_s).toInteger())
                        .arg(r.value(u"sales"_s).toInteger())
                        .arg(r.value(u"total"_s).toInteger()));
    }
    const QStringList expectedRows{
        u"양: 곱빼기|11|양|곱빼기|orders 2|quantity 5|sales 10000|total 35500"_s,
        u"빼기: 계란 빼기|14|빼기|계란 빼기|orders 2|quantity 4|sales -2000|total 19500"_s,
        u"추가: 공기밥 추가|12|추가|공기밥 추가|orders 1|quantity 2|sales 2000|total 16000"_s,
        u"맵기: 순한맛|13|맵기|순한맛|orders 1|quantity 1|sales 0|total 5000"_s,
    };
    QCOMPARE(rows, expectedRows);

    // A repeat of the batch changes nothing.
    const QStringList before = centralDataState(m_db.connection());
    VERIFY_STATUS(upload(m_http, key, batch, &response), 200);
    QCOMPARE(centralDataState(m_db.connection()), before);
    QCOMPARE(report(u"option"_s, store), byOption);
}

void TestSyncOptions::optionReportLeavesOutCanceledOrders()
{
    Hq hq{m_http, m_hq};
    const auto [store, key] = hq.registerStore(u"취소 가게"_s);
    QVERIFY(store > 0);
    const QJsonObject extraLarge = option(21, u"양"_s, u"곱빼기"_s, 2000);
    pb::UploadRequest batch = orderBatch(1, 3, 5000);
    for (int i = 0; i < 2; ++i)
        setData(batch, i, withLines(dataOf(batch, i), {line(1, u"라면"_s, 5000, {extraLarge}, i + 1)}));
    // The third event cancels the second order.
    QJsonObject canceled = dataOf(batch, 1);
    canceled.insert(u"status"_s, u"canceled"_s);
    canceled.insert(u"canceled_at"_s, canceled.value(u"created_at"_s));
    batch.mutable_events(2)->set_type("order.updated");
    setData(batch, 2, canceled);
    VERIFY_STATUS(upload(m_http, key, batch), 200);

    const QJsonArray rows = report(u"option"_s, store).value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(u"quantity"_s).toInteger(), 1);
    QCOMPARE(rows.at(0).toObject().value(u"orders"_s).toInteger(), 1);
    QCOMPARE(rows.at(0).toObject().value(u"sales"_s).toInteger(), 2000);
}

void TestSyncOptions::badOptionsAreDeadLettered_data()
{
    QTest::addColumn<QJsonArray>("items"); // the bad order's lines
    QTest::addColumn<QString>("reason");   // part of the dead letter's error

    const QJsonObject extraLarge = option(11, u"양"_s, u"곱빼기"_s, 2000);
    auto priced = [](QJsonObject l, double unit) {
        l.insert(u"unit_price"_s, unit);
        l.insert(u"line_total"_s, unit * l.value(u"quantity"_s).toDouble());
        return l;
    };
    auto withOptions = [&](const QJsonValue &options) {
        QJsonObject l = line(1, u"라면"_s, 5000, {}, 1);
        l.insert(u"options"_s, options);
        return l;
    };
    auto withNote = [&](const QJsonValue &note) {
        QJsonObject l = line(1, u"라면"_s, 5000, {}, 1);
        l.insert(u"note"_s, note);
        return l;
    };
    QTest::newRow("unit_price below its options") << QJsonArray{priced(line(1, u"라면"_s, 5000, {extraLarge}, 2), 1000)}
                                                  << u"does not match its options"_s;
    // With base_price, the price must be base + Σ deltas to the won, either way.
    QTest::newRow("unit_price one won above base + options")
            << QJsonArray{priced(line(1, u"라면"_s, 5000, {extraLarge}, 2), 7001)}
            << u"items[0].unit_price 7001 is not base_price 5000 with its options (7000)"_s;
    QTest::newRow("unit_price one won below base + options")
            << QJsonArray{priced(line(1, u"라면"_s, 5000, {extraLarge}, 2), 6999)}
            << u"items[0].unit_price 6999 is not base_price 5000 with its options (7000)"_s;
    QTest::newRow("unit_price without its options' deltas")
            << QJsonArray{priced(line(1, u"라면"_s, 5000, {extraLarge}, 1), 5000)} << u"does not match its options"_s;
    QTest::newRow("negative total not clamped to 0")
            << QJsonArray{priced(line(2, u"물"_s, 300, {option(14, u"빼기"_s, u"계란 빼기"_s, -500)}, 1), 300)}
            << u"is not base_price 300 with its options (0)"_s;
    auto withBase = [&](const QJsonValue &base) {
        QJsonObject l = line(1, u"라면"_s, 5000, {}, 1);
        l.insert(u"base_price"_s, base);
        return l;
    };
    QTest::newRow("base_price negative") << QJsonArray{withBase(-1)} << u"items[0].base_price is -1, below 0"_s;
    QTest::newRow("base_price fractional") << QJsonArray{withBase(4999.5)} << u"base_price must be a whole number"_s;
    QTest::newRow("base_price as text") << QJsonArray{withBase(u"5000"_s)} << u"base_price must be a number"_s;
    QTest::newRow("base_price above the bound") << QJsonArray{withBase(100'000'001)} << u"above the limit"_s;
    QTest::newRow("line_total not unit_price x quantity")
            << QJsonArray{[&] {
                   QJsonObject l = line(1, u"라면"_s, 5000, {extraLarge}, 2);
                   l.insert(u"line_total"_s, 14001);
                   return l;
               }()}
            << u"items[0].line_total 14001 is not unit_price 7000 x quantity 2"_s;
    // An edge from before base_price is held to the bound it always was.
    QTest::newRow("old edge: unit_price below its options")
            << QJsonArray{oldLine(priced(line(1, u"라면"_s, 5000, {extraLarge}, 1), 1999))} << u"is below the 2000"_s;
    QTest::newRow("free line with a paid option") << QJsonArray{priced(line(1, u"라면"_s, 5000, {extraLarge}, 1), 0)}
                                                  << u"does not match its options"_s;
    QTest::newRow("delta above the bound")
            << QJsonArray{line(1, u"라면"_s, 5000, {option(11, u"양"_s, u"곱빼기"_s, 100'000'001)}, 1)}
            << u"above the limit"_s;
    QTest::newRow("delta below the bound")
            << QJsonArray{line(1, u"라면"_s, 5000, {option(11, u"양"_s, u"곱빼기"_s, -100'000'001)}, 1)}
            << u"below"_s;
    QTest::newRow("fractional delta") << QJsonArray{line(1, u"라면"_s, 5000, {option(11, u"양"_s, u"곱빼기"_s, 0.5)}, 1)}
                                      << u"whole number"_s;
    QTest::newRow("options not an array") << QJsonArray{withOptions(u"곱빼기"_s)} << u"must be an array"_s;
    QTest::newRow("option not an object") << QJsonArray{withOptions(QJsonArray{11})} << u"must be an object"_s;
    QTest::newRow("option without a name")
            << QJsonArray{withOptions(QJsonArray{QJsonObject{{u"id"_s, 11}, {u"group"_s, u"양"_s}, {u"price_delta"_s, 0}}})}
            << u"options[0].name"_s;
    QTest::newRow("option without an id")
            << QJsonArray{withOptions(QJsonArray{QJsonObject{{u"group"_s, u"양"_s}, {u"name"_s, u"곱빼기"_s}, {u"price_delta"_s, 0}}})}
            << u"options[0].id"_s;
    QTest::newRow("same option twice") << QJsonArray{line(1, u"라면"_s, 5000, {extraLarge, extraLarge}, 1)}
                                       << u"twice"_s;
    QTest::newRow("note too long") << QJsonArray{withNote(QString(141, u'가'))} << u"longer than 140"_s;
    QTest::newRow("note not text") << QJsonArray{withNote(5)} << u"note must be a string"_s;
    // A good line does not carry a bad one through.
    QTest::newRow("second line bad")
            << QJsonArray{line(1, u"라면"_s, 5000, {extraLarge}, 1), priced(line(1, u"라면"_s, 5000, {extraLarge}, 1), 1999)}
            << u"items[1].unit_price"_s;
}

void TestSyncOptions::badOptionsAreDeadLettered()
{
    QFETCH(QJsonArray, items);
    QFETCH(QString, reason);

    // A store of its own, as a leaked store key would upload: seq 2 carries the bad line.
    Hq hq{m_http, m_hq};
    const auto [store, key] = hq.registerStore(u"options "_s + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(store > 0);
    const QJsonObject extraLarge = option(11, u"양"_s, u"곱빼기"_s, 2000);
    pb::UploadRequest good = orderBatch(1, 1, 5000);
    setData(good, 0, withLines(dataOf(good, 0), {line(1, u"라면"_s, 5000, {extraLarge}, 1)}));
    VERIFY_STATUS(upload(m_http, key, good), 200);
    const QJsonObject optionsBefore = report(u"option"_s, store);
    const QJsonObject itemsBefore = report(u"item"_s, store);
    const QJsonObject salesBefore = hq.salesRow(store);
    const QStringList linesBefore = storedLines(store);
    QCOMPARE(optionsBefore.value(u"rows"_s).toArray().size(), 1);

    pb::UploadRequest batch = orderBatch(2, 1, 5000);
    setData(batch, 0, withLines(dataOf(batch, 0), items));
    pb::UploadResponse response;
    VERIFY_STATUS(upload(m_http, key, batch, &response), 200);
    QCOMPARE(response.applied_seq(), 2); // the store is not stuck behind it

    // Reports and stored lines are what they were.
    QCOMPARE(report(u"option"_s, store), optionsBefore);
    QCOMPARE(report(u"item"_s, store), itemsBefore);
    QCOMPARE(hq.salesRow(store), salesBefore);
    QCOMPARE(storedLines(store), linesBefore);

    // The dead letter says why.
    const QJsonArray letters = m_http.get(u"/api/v1/dead-letters?store_id=%1"_s.arg(store), m_hq)
                                       .json().value(u"dead_letters"_s).toArray();
    QList<QJsonObject> mine;
    for (const QJsonValue &v : letters) {
        if (v.toObject().value(u"store_id"_s).toInteger() == store)
            mine.append(v.toObject());
    }
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.first().value(u"seq"_s).toInteger(), 2);
    QVERIFY2(mine.first().value(u"error"_s).toString().contains(reason),
             qPrintable(mine.first().value(u"error"_s).toString()));
}

void TestSyncOptions::wrongPriceAlertsHq()
{
    // A line one won off its base and options goes to the dead letters, and HQ is alerted
    // about the store, as for the other money checks.
    Hq hq{m_http, m_hq};
    const auto [store, key] = hq.registerStore(u"일 원 가게"_s);
    QVERIFY(store > 0);
    const QJsonObject extraLarge = option(41, u"양"_s, u"곱빼기"_s, 2000);
    pb::UploadRequest batch = orderBatch(1, 2, 5000);
    setData(batch, 0, withLines(dataOf(batch, 0), {line(1, u"라면"_s, 5000, {extraLarge}, 1)}));
    QJsonObject wrong = line(1, u"라면"_s, 5000, {extraLarge}, 1);
    wrong.insert(u"unit_price"_s, 7001);
    wrong.insert(u"line_total"_s, 7001);
    setData(batch, 1, withLines(dataOf(batch, 1), {wrong}));
    pb::UploadResponse response;
    VERIFY_STATUS(upload(m_http, key, batch, &response), 200);
    QCOMPARE(response.applied_seq(), 2);
    QCOMPARE(hq.salesRow(store).value(u"total"_s).toInteger(), 7000);

    QJsonObject alert;
    QVERIFY2(waitUntil([&] {
                 const QJsonArray alerts = m_http.get(u"/api/v1/alerts?store_id=%1"_s.arg(store), m_hq)
                                                   .json().value(u"alerts"_s).toArray();
                 for (const QJsonValue &a : alerts) {
                     if (a.toObject().value(u"rule"_s).toString() == u"dead_letters"_s)
                         alert = a.toObject();
                 }
                 return !alert.isEmpty();
             }, 10'000),
             "no dead_letters alert opened");
    QCOMPARE(alert.value(u"params"_s).toObject().value(u"count"_s).toInteger(), 1);
    QCOMPARE(alert.value(u"params"_s).toObject().value(u"seq"_s).toInteger(), 2);
}

void TestSyncOptions::oldEdgeLinesStillSync()
{
    // An edge from before base_price sends none: its lines are taken on the bound central
    // can check (unit_price at least Σ deltas), also one priced from a base central cannot
    // know; the same store, upgraded, then sends base_price and is checked to the won.
    Hq hq{m_http, m_hq};
    const auto [store, key] = hq.registerStore(u"옛 매장"_s);
    QVERIFY(store > 0);
    const QJsonObject extraLarge = option(51, u"양"_s, u"곱빼기"_s, 2000);
    pb::UploadRequest batch = orderBatch(1, 3, 5000);
    setData(batch, 0, withLines(dataOf(batch, 0), {oldLine(line(1, u"라면"_s, 5000, {extraLarge}, 2))}));
    setData(batch, 1, withLines(dataOf(batch, 1), {oldLine(line(1, u"라면"_s, 9000, {extraLarge}, 1))}));
    setData(batch, 2, withLines(dataOf(batch, 2), {line(1, u"라면"_s, 5000, {extraLarge}, 1)}));
    QVERIFY(!dataOf(batch, 0).value(u"items"_s).toArray().at(0).toObject().contains(u"base_price"_s));
    pb::UploadResponse response;
    VERIFY_STATUS(upload(m_http, key, batch, &response), 200);
    QCOMPARE(response.applied_seq(), 3);
    QCOMPARE(hq.salesRow(store).value(u"orders"_s).toInteger(), 3);
    QCOMPARE(hq.salesRow(store).value(u"total"_s).toInteger(), 14'000 + 11'000 + 7'000);
    const QJsonArray letters = m_http.get(u"/api/v1/dead-letters?store_id=%1"_s.arg(store), m_hq)
                                       .json().value(u"dead_letters"_s).toArray();
    for (const QJsonValue &v : letters)
        QVERIFY2(v.toObject().value(u"store_id"_s).toInteger() != store, qPrintable(v.toObject().value(u"error"_s).toString()));
}

void TestSyncOptions::groupByOptionIsScopedToTheViewer()
{
    // A store viewer sees its own store's options only, whatever store_id it asks for.
    Hq hq{m_http, m_hq};
    const auto [mine, mineKey] = hq.registerStore(u"보는 가게"_s);
    const auto [other, otherKey] = hq.registerStore(u"다른 가게"_s);
    QVERIFY(mine > 0 && other > 0);
    for (const auto &[key, id, name] : {std::tuple{mineKey, 31, u"곱빼기"_s}, std::tuple{otherKey, 32, u"비밀 옵션"_s}}) {
        pb::UploadRequest batch = orderBatch(1, 1, 5000);
        setData(batch, 0, withLines(dataOf(batch, 0), {line(1, u"라면"_s, 5000, {option(id, u"양"_s, name, 1000)}, 1)}));
        VERIFY_STATUS(upload(m_http, key, batch), 200);
    }
    QByteArray output;
    const int code = CentralProcess::runAdmin({u"user"_s, u"add"_s, u"--db"_s, m_db.url(), u"--org"_s, u"demo"_s,
                                               u"--username"_s, u"optionviewer"_s, u"--role"_s, u"store_viewer"_s,
                                               u"--store-id"_s, QString::number(mine)},
                                              "viewer-password\n", &output);
    QVERIFY2(code == 0, output.constData());
    const QString viewer = Hq::login(m_http, u"optionviewer"_s, u"viewer-password"_s);
    QVERIFY(!viewer.isEmpty());

    const QJsonArray rows = report(u"option"_s, 0, viewer).value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(u"option"_s).toString(), u"곱빼기"_s);
    const QDate today = QDate::currentDate();
    const HttpResult refused = m_http.get(u"/api/v1/reports/sales?from=%1&to=%1&group_by=option&store_id=%2"_s
                                              .arg(today.toString(Qt::ISODate))
                                              .arg(other),
                                          viewer);
    QCOMPARE(errorEnvelopeMismatch(refused, 404, u"NOT_FOUND"_s), QString());
}

void TestSyncOptions::upgradeFromSchema6KeepsOrdersAndMenus()
{
    // A central database as the release before issue 12 left it (migrations 001-006, from
    // the source tree), with a store, a menu and an order; then this central starts on it.
    CentralDatabase old;
    QVERIFY2(!old.url().isEmpty(), qPrintable(old.errorString()));
    QTemporaryDir shipped;
    const QDir sources(QStringLiteral(TABLEORDER_SOURCE_DIR "/resources/migrations/central"));
    for (const QString &name : sources.entryList({u"00[1-6]_*.sql"_s}, QDir::Files, QDir::Name))
        QVERIFY(QFile::copy(sources.filePath(name), QDir(shipped.path()).filePath(name)));
    QSqlDatabase db = old.connection();
    QVERIFY(db.isOpen());
    QVERIFY(tableorder::db::migrate(db, shipped.path()).has_value());
    QCOMPARE(tableorder::db::schemaVersion(db), 6);
    const QString key = u"upgrade-store-key-0123456789abcdef"_s;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    QSqlQuery q(db);
    for (const QString &sql :
         {u"INSERT INTO organizations (id, name, created_at) VALUES (1, 'upgrade', '%1')"_s.arg(now),
          u"INSERT INTO stores (id, org_id, name, timezone, key_hash, created_at, applied_seq) "
          "VALUES (1, 1, '옛 가게', 'Asia/Seoul', '%1', '%2', 1)"_s.arg(tableorder::crypto::sha256Hex(key.toUtf8()), now),
          u"INSERT INTO menu_categories (id, store_id, name, display_order) VALUES (1, 1, '식사', 10)"_s,
          u"INSERT INTO menu_items (id, store_id, category_id, name, description, price, display_order) "
          "VALUES (1, 1, 1, '라면', '', 5000, 10)"_s,
          u"INSERT INTO orders (store_id, order_id, number, business_date, table_number, status, total, created_at, "
          "updated_at) VALUES (1, 1, 1, '%1', 1, 'completed', 10000, '%2', '%2')"_s.arg(today, now),
          u"INSERT INTO order_items (store_id, order_id, line, menu_item_id, name, unit_price, quantity, line_total) "
          "VALUES (1, 1, 1, 1, '라면', 5000, 2, 10000)"_s})
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));

    CentralProcess central(old.centralOptions(false));
    VERIFY_CENTRAL_STARTED(central);
    QVERIFY(tableorder::db::schemaVersion(db) >= 7); // 007_menu_options and whatever follows
    QByteArray output;
    QCOMPARE(CentralProcess::runAdmin({u"user"_s, u"add"_s, u"--db"_s, old.url(), u"--org"_s, u"upgrade"_s,
                                       u"--username"_s, u"boss"_s, u"--role"_s, u"hq_admin"_s},
                                      "boss-password\n", &output),
             0);
    HttpClient http(central.port());
    const QString token = Hq::login(http, u"boss"_s, u"boss-password"_s);
    QVERIFY(!token.isEmpty());

    // The old line reads as one without options or note; the old menu as one without the
    // model's new fields, and it publishes as the common model writes it.
    QVERIFY(q.exec(u"SELECT options, note FROM order_items WHERE store_id = 1 AND order_id = 1"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"[]"_s);
    QCOMPARE(q.value(1).toString(), QString());
    q.finish();
    const QJsonObject menu = http.get(u"/api/v1/stores/1/menu"_s, token).json();
    const QJsonObject item = menuItems(menu).value(0);
    QCOMPARE(item.value(u"name"_s).toString(), u"라면"_s);
    QCOMPARE(item.value(u"option_group_ids"_s).toArray(), QJsonArray());
    QCOMPARE(item.value(u"translations"_s).toObject(), QJsonObject());
    QCOMPARE(menu.value(u"option_groups"_s).toArray(), QJsonArray());
    VERIFY_STATUS(http.post(u"/api/v1/stores/1/menu/publish"_s, {{u"note"_s, u"after upgrade"_s}}, token), 201);
    const HttpResult published = http.get(u"/sync/v1/menu?after=0&wait=0"_s, key);
    pb::MenuUpdate update;
    QVERIFY(published.status == 200 && update.ParseFromArray(published.body.constData(), int(published.body.size())));
    auto model = tableorder::menu::menuFromJson(
            QJsonDocument::fromJson(QByteArray::fromStdString(update.menu_json())).object());
    QVERIFY(model.has_value());
    QCOMPARE(model->items.size(), 1);
    QCOMPARE(model->items.first().price, 5000);

    // The store goes on uploading, now with options; reports count the old and new lines.
    pb::UploadRequest batch = orderBatch(2, 1, 5000);
    setData(batch, 0, withLines(dataOf(batch, 0), {line(1, u"라면"_s, 5000, {option(5, u"양"_s, u"곱빼기"_s, 2000)}, 1)}));
    pb::UploadResponse response;
    VERIFY_STATUS(upload(http, key, batch, &response), 200);
    QCOMPARE(response.applied_seq(), 2);
    const QDate date = QDate::currentDate();
    const QString range = u"from=%1&to=%2"_s.arg(date.addDays(-1).toString(Qt::ISODate), date.addDays(1).toString(Qt::ISODate));
    const QJsonArray items = http.get(u"/api/v1/reports/sales?group_by=item&"_s + range, token).json().value(u"rows"_s).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.at(0).toObject().value(u"quantity"_s).toInteger(), 3);
    QCOMPARE(items.at(0).toObject().value(u"total"_s).toInteger(), 17000);
    const QJsonArray options = http.get(u"/api/v1/reports/sales?group_by=option&"_s + range, token).json().value(u"rows"_s).toArray();
    QCOMPARE(options.size(), 1);
    QCOMPARE(options.at(0).toObject().value(u"quantity"_s).toInteger(), 1);
}

QTEST_GUILESS_MAIN(TestSyncOptions)
#include "tst_syncoptions.moc"
