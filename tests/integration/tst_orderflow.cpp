#include "eventstreamclient.h"
#include "sseclient.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {

QJsonObject lineOf(const QJsonObject &order, qint64 lineId)
{
    for (const QJsonValue &line : order.value(u"items"_s).toArray()) {
        if (line.toObject().value(u"id"_s).toInteger() == lineId)
            return line.toObject();
    }
    return {};
}

QList<qint64> lineIds(const QJsonObject &order, const QString &station = {})
{
    QList<qint64> ids;
    for (const QJsonValue &line : order.value(u"items"_s).toArray()) {
        if (station.isEmpty() || line.toObject().value(u"station"_s).toString() == station)
            ids.append(line.toObject().value(u"id"_s).toInteger());
    }
    return ids;
}

QList<qint64> idList(const QJsonValue &array)
{
    QList<qint64> ids;
    for (const QJsonValue &id : array.toArray())
        ids.append(id.toInteger());
    return ids;
}

bool isOrderEvent(const StreamEvent &e, const QString &type, qint64 orderId)
{
    if (e.type != type)
        return false;
    const QJsonObject data = e.data();
    return data.value(u"order_id"_s).toInteger() == orderId || data.value(u"id"_s).toInteger() == orderId;
}

} // namespace

/// Issue 14, the order status model on the real daemon: lines and stations done, the order
/// ready (completed) by itself, served by floor staff, recall, the staff-only events and the
/// kitchen times report.
class TestOrderFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
        m_table = m_http.tableLogin(1);
        m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
        m_staff = m_http.staffLogin(u"staff"_s, u"staff"_s);
        m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
        QVERIFY(!m_table.isEmpty() && !m_kitchen.isEmpty() && !m_staff.isEmpty() && !m_manager.isEmpty());
        // The demo: meals, noodles and sides in the kitchen, drinks at the bar.
        for (const QJsonValue &category : m_http.get(u"/api/v1/menu"_s).json().value(u"categories"_s).toArray()) {
            const QString station = category.toObject().value(u"station"_s).toString();
            for (const QJsonValue &item : category.toObject().value(u"items"_s).toArray())
                m_byStation[station].append(item.toObject().value(u"id"_s).toInteger());
        }
        QVERIFY(m_byStation.value(u"kitchen"_s).size() >= 4 && !m_byStation.value(u"bar"_s).isEmpty());
    }

    void stationsFinishAndTheOrderIsReady()
    {
        SseClient staffStream;
        staffStream.open(m_edge.port(), {m_kitchen});
        SseClient tableStream;
        tableStream.open(m_edge.port(), {m_table});
        QVERIFY(staffStream.waitForOpen() && tableStream.waitForOpen());

        const QJsonObject order = place({{kitchenItem(0), 2}, {kitchenItem(1), 1}, {barItem(), 1}});
        const qint64 id = order.value(u"id"_s).toInteger();
        const QList<qint64> kitchenLines = lineIds(order, u"kitchen"_s);
        const QList<qint64> barLines = lineIds(order, u"bar"_s);
        QCOMPARE(kitchenLines.size(), 2);
        QCOMPARE(barLines.size(), 1);
        for (qint64 line : lineIds(order)) {
            QVERIFY(line > 0);
            QVERIFY(lineOf(order, line).value(u"done_at"_s).isNull());
        }

        // One kitchen line: the order is being prepared, the kitchen has it.
        const HttpResult first = m_http.post(lineDone(id, kitchenLines.at(0)), {}, m_kitchen);
        VERIFY_STATUS(first, 200);
        QCOMPARE(first.json().value(u"status"_s).toString(), u"preparing"_s);
        QVERIFY(!first.json().value(u"preparing_at"_s).isNull());
        QVERIFY(!first.json().value(u"kitchen_acked_at"_s).isNull());
        const QString doneAt = lineOf(first.json(), kitchenLines.at(0)).value(u"done_at"_s).toString();
        QVERIFY(doneAt >= order.value(u"created_at"_s).toString());
        QVERIFY(lineOf(first.json(), kitchenLines.at(1)).value(u"done_at"_s).isNull());

        // The same tap again (its answer lost): 200, nothing changes.
        const QStringList before = databaseState(m_edge.databasePath());
        const HttpResult repeat = m_http.post(lineDone(id, kitchenLines.at(0)), {}, m_kitchen);
        VERIFY_STATUS(repeat, 200);
        QCOMPARE(lineOf(repeat.json(), kitchenLines.at(0)).value(u"done_at"_s).toString(), doneAt);
        QCOMPARE(databaseState(m_edge.databasePath()), before);

        // The bar finishes its part, then the kitchen: ready.
        const HttpResult bar = m_http.post(stationDone(id), {{u"station"_s, u"bar"_s}}, m_kitchen);
        VERIFY_STATUS(bar, 200);
        QCOMPARE(bar.json().value(u"status"_s).toString(), u"preparing"_s);
        QVERIFY(!lineOf(bar.json(), barLines.at(0)).value(u"done_at"_s).isNull());
        const HttpResult kitchen = m_http.post(stationDone(id), {{u"station"_s, u"kitchen"_s}}, m_kitchen);
        VERIFY_STATUS(kitchen, 200);
        QCOMPARE(kitchen.json().value(u"status"_s).toString(), u"completed"_s);
        QVERIFY(!kitchen.json().value(u"completed_at"_s).isNull());
        for (qint64 line : lineIds(order))
            QVERIFY(!lineOf(kitchen.json(), line).value(u"done_at"_s).isNull());
        // The first line kept its own time.
        QCOMPARE(lineOf(kitchen.json(), kitchenLines.at(0)).value(u"done_at"_s).toString(), doneAt);
        // Off the kitchen's board.
        QVERIFY(!lineIds(m_http.get(u"/api/v1/orders/%1"_s.arg(id), m_kitchen).json()).isEmpty());
        const QJsonArray active = m_http.get(u"/api/v1/orders?status=pending,preparing"_s, m_kitchen)
                                          .json().value(u"orders"_s).toArray();
        QVERIFY(std::none_of(active.begin(), active.end(),
                             [&](const QJsonValue &o) { return o.toObject().value(u"id"_s).toInteger() == id; }));

        // Staff screens hear each station and the status; the table hears the status only.
        const auto kitchenDone = staffStream.waitForEvent([&](const StreamEvent &e) {
            return isOrderEvent(e, u"order.lines_done"_s, id) && e.data().value(u"station"_s).toString() == u"kitchen"_s;
        });
        QVERIFY2(kitchenDone, qPrintable(describeEvents(staffStream.events())));
        QCOMPARE(idList(kitchenDone->data().value(u"item_ids"_s)), QList<qint64>{kitchenLines.at(1)});
        QCOMPARE(kitchenDone->json.value(u"actor"_s).toObject().value(u"role"_s).toString(), u"kitchen"_s);
        QVERIFY(!kitchenDone->data().value(u"done_at"_s).toString().isEmpty());
        const auto oneLine = staffStream.waitForEvent(
                [&](const StreamEvent &e) { return isOrderEvent(e, u"order.lines_done"_s, id); });
        QCOMPARE(idList(oneLine->data().value(u"item_ids"_s)), QList<qint64>{kitchenLines.at(0)});
        QVERIFY(oneLine->data().value(u"station"_s).isNull());
        auto completed = [&](const StreamEvent &e) {
            return isOrderEvent(e, u"order.updated"_s, id) && e.data().value(u"status"_s).toString() == u"completed"_s;
        };
        QVERIFY(staffStream.waitForEvent(completed));
        QVERIFY2(tableStream.waitForEvent(completed), qPrintable(describeEvents(tableStream.events())));
        for (const StreamEvent &e : tableStream.events())
            QVERIFY2(!e.type.startsWith(u"order.lines_done"_s), qPrintable(e.describe()));

        // A runner brings it: floor staff mark it served.
        const HttpResult served = m_http.patch(u"/api/v1/orders/%1"_s.arg(id), {{u"status"_s, u"served"_s}}, m_staff);
        VERIFY_STATUS(served, 200);
        QCOMPARE(served.json().value(u"status"_s).toString(), u"served"_s);
        QVERIFY(!served.json().value(u"served_at"_s).isNull());
        QVERIFY2(tableStream.waitForEvent([&](const StreamEvent &e) {
                     return isOrderEvent(e, u"order.updated"_s, id) && e.data().value(u"status"_s).toString() == u"served"_s;
                 }),
                 qPrintable(describeEvents(tableStream.events())));
        QCOMPARE(m_http.get(u"/api/v1/orders/%1"_s.arg(id), m_table).json().value(u"status"_s).toString(), u"served"_s);

        // The events are in the store's log: a screen that connects later replays them.
        SseClient replay;
        replay.open(m_edge.port(), {m_manager, false, 0});
        QVERIFY(replay.waitForOpen());
        QVERIFY2(replay.waitForEvent([&](const StreamEvent &e) { return isOrderEvent(e, u"order.lines_done"_s, id); }),
                 qPrintable(describeEvents(replay.events())));
    }

    void patchCompletedMarksEveryLineDone()
    {
        const QJsonObject order = place({{kitchenItem(2), 1}, {barItem(), 2}});
        const QString path = u"/api/v1/orders/%1"_s.arg(order.value(u"id"_s).toInteger());
        VERIFY_STATUS(m_http.patch(path, {{u"status"_s, u"preparing"_s}}, m_kitchen), 200);
        const HttpResult done = m_http.patch(path, {{u"status"_s, u"completed"_s}}, m_kitchen);
        VERIFY_STATUS(done, 200);
        const QString completedAt = done.json().value(u"completed_at"_s).toString();
        QVERIFY(!completedAt.isEmpty());
        for (qint64 line : lineIds(order))
            QCOMPARE(lineOf(done.json(), line).value(u"done_at"_s).toString(), completedAt);
    }

    void recallAStation()
    {
        SseClient staffStream;
        staffStream.open(m_edge.port(), {m_kitchen});
        QVERIFY(staffStream.waitForOpen());
        const QJsonObject order = place({{kitchenItem(0), 1}, {barItem(), 1}});
        const qint64 id = order.value(u"id"_s).toInteger();
        const qint64 barLine = lineIds(order, u"bar"_s).at(0);
        const qint64 kitchenLine = lineIds(order, u"kitchen"_s).at(0);
        VERIFY_STATUS(m_http.post(stationDone(id), {{u"station"_s, u"kitchen"_s}}, m_kitchen), 200);
        VERIFY_STATUS(m_http.post(lineDone(id, barLine), {}, m_kitchen), 200);

        // The bar bumped it by mistake: it comes back, the kitchen's line stays done.
        const HttpResult recalled = m_http.post(recall(id), {{u"station"_s, u"bar"_s}}, m_kitchen);
        VERIFY_STATUS(recalled, 200);
        QCOMPARE(recalled.json().value(u"status"_s).toString(), u"preparing"_s);
        QVERIFY(recalled.json().value(u"completed_at"_s).isNull());
        QVERIFY(lineOf(recalled.json(), barLine).value(u"done_at"_s).isNull());
        QVERIFY(!lineOf(recalled.json(), kitchenLine).value(u"done_at"_s).isNull());
        const auto event = staffStream.waitForEvent([&](const StreamEvent &e) { return isOrderEvent(e, u"order.recalled"_s, id); });
        QVERIFY2(event, qPrintable(describeEvents(staffStream.events())));
        QCOMPARE(idList(event->data().value(u"item_ids"_s)), QList<qint64>{barLine});
        QVERIFY(staffStream.waitForEvent([&](const StreamEvent &e) {
            return isOrderEvent(e, u"order.updated"_s, id) && e.data().value(u"status"_s).toString() == u"preparing"_s;
        }));

        // Nothing of the bar's is done now: a second recall of it is refused, unchanged.
        const QStringList before = databaseState(m_edge.databasePath());
        VERIFY_ERROR(m_http.post(recall(id), {{u"station"_s, u"bar"_s}}, m_kitchen), 409, u"INVALID_TRANSITION"_s);
        QCOMPARE(databaseState(m_edge.databasePath()), before);

        // Done again: ready again. Then a recall of the whole order (an empty body).
        QCOMPARE(m_http.post(lineDone(id, barLine), {}, m_kitchen).json().value(u"status"_s).toString(), u"completed"_s);
        const HttpResult all = m_http.send("POST", recall(id), {}, m_kitchen);
        VERIFY_STATUS(all, 200);
        QCOMPARE(all.json().value(u"status"_s).toString(), u"preparing"_s);
        for (qint64 line : lineIds(order))
            QVERIFY(lineOf(all.json(), line).value(u"done_at"_s).isNull());
    }

    void voidedLinesDoNotHoldTheOrderBack()
    {
        const QJsonObject order = place({{kitchenItem(1), 1}, {barItem(), 1}});
        const qint64 id = order.value(u"id"_s).toInteger();
        const qint64 kitchenLine = lineIds(order, u"kitchen"_s).at(0);
        const qint64 barLine = lineIds(order, u"bar"_s).at(0);
        VERIFY_STATUS(m_http.post(lineDone(id, kitchenLine), {}, m_kitchen), 200);
        // The guest changed their mind about the drink: voided on the bill, never made.
        VERIFY_STATUS(m_http.post(u"/api/v1/orders/%1/void"_s.arg(id),
                                  {{u"line_ids"_s, QJsonArray{barLine}}, {u"reason"_s, u"손님 변심"_s}}, m_manager),
                      200);
        QCOMPARE(m_http.get(u"/api/v1/orders/%1"_s.arg(id), m_kitchen).json().value(u"status"_s).toString(),
                 u"preparing"_s);
        // The kitchen bumps its part again: nothing is left to make, the order is ready.
        const HttpResult done = m_http.post(stationDone(id), {{u"station"_s, u"kitchen"_s}}, m_kitchen);
        VERIFY_STATUS(done, 200);
        QCOMPARE(done.json().value(u"status"_s).toString(), u"completed"_s);
        QVERIFY(lineOf(done.json(), barLine).value(u"done_at"_s).isNull());
        // And that is idempotent too.
        const QStringList before = databaseState(m_edge.databasePath());
        VERIFY_STATUS(m_http.post(stationDone(id), {{u"station"_s, u"kitchen"_s}}, m_kitchen), 200);
        QCOMPARE(databaseState(m_edge.databasePath()), before);
    }

    void refusals_data()
    {
        // Steps on a fresh order (kitchen line + bar line) before the request: "prepare",
        // "complete", "serve", "cancel". The request: method path-kind who body.
        QTest::addColumn<QStringList>("setup");
        QTest::addColumn<QString>("request"); // line | otherline | noline | station | recall | patch
        QTest::addColumn<QString>("who");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QJsonObject none;
        const QJsonObject bar{{u"station"_s, u"bar"_s}};
        QTest::newRow("no such order") << QStringList{} << u"noorder"_s << u"kitchen"_s << none << 404 << u"NOT_FOUND"_s;
        QTest::newRow("no such line") << QStringList{} << u"noline"_s << u"kitchen"_s << none << 404 << u"NOT_FOUND"_s;
        QTest::newRow("another order's line") << QStringList{} << u"otherline"_s << u"kitchen"_s << none << 404
                                              << u"NOT_FOUND"_s;
        QTest::newRow("a station without lines here")
                << QStringList{} << u"station"_s << u"kitchen"_s << QJsonObject{{u"station"_s, u"dessert"_s}} << 404
                << u"NOT_FOUND"_s;
        QTest::newRow("station missing") << QStringList{} << u"station"_s << u"kitchen"_s << none << 400
                                         << u"VALIDATION_FAILED"_s;
        QTest::newRow("station not a name") << QStringList{} << u"station"_s << u"kitchen"_s
                                            << QJsonObject{{u"station"_s, u"Bar!"_s}} << 400 << u"VALIDATION_FAILED"_s;
        QTest::newRow("unknown field") << QStringList{} << u"station"_s << u"kitchen"_s
                                       << QJsonObject{{u"station"_s, u"bar"_s}, {u"all"_s, true}} << 400
                                       << u"VALIDATION_FAILED"_s;
        QTest::newRow("a table cannot mark lines") << QStringList{} << u"line"_s << u"table"_s << none << 403
                                                   << u"FORBIDDEN"_s;
        QTest::newRow("floor staff cannot mark lines") << QStringList{} << u"station"_s << u"staff"_s << bar << 403
                                                       << u"FORBIDDEN"_s;
        QTest::newRow("floor staff cannot prepare") << QStringList{} << u"patch:preparing"_s << u"staff"_s << none
                                                    << 403 << u"FORBIDDEN"_s;
        QTest::newRow("a canceled order's lines") << QStringList{u"cancel"_s} << u"line"_s << u"kitchen"_s << none
                                                  << 409 << u"INVALID_TRANSITION"_s;
        QTest::newRow("served only when ready") << QStringList{u"prepare"_s} << u"patch:served"_s << u"staff"_s
                                                << none << 409 << u"INVALID_TRANSITION"_s;
        QTest::newRow("served is final") << QStringList{u"prepare"_s, u"complete"_s, u"serve"_s} << u"patch:completed"_s
                                         << u"kitchen"_s << none << 409 << u"INVALID_TRANSITION"_s;
        QTest::newRow("a served order is not recalled")
                << QStringList{u"prepare"_s, u"complete"_s, u"serve"_s} << u"recall"_s << u"kitchen"_s << none << 409
                << u"INVALID_TRANSITION"_s;
        QTest::newRow("a pending order is not recalled") << QStringList{} << u"recall"_s << u"kitchen"_s << none << 409
                                                         << u"INVALID_TRANSITION"_s;
        QTest::newRow("a table cannot recall") << QStringList{u"prepare"_s, u"complete"_s} << u"recall"_s << u"table"_s
                                               << none << 403 << u"FORBIDDEN"_s;
    }

    void refusals()
    {
        QFETCH(QStringList, setup);
        QFETCH(QString, request);
        QFETCH(QString, who);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QJsonObject order = place({{kitchenItem(3), 1}, {barItem(), 1}});
        const qint64 id = order.value(u"id"_s).toInteger();
        const QString path = u"/api/v1/orders/%1"_s.arg(id);
        for (const QString &step : setup) {
            const QString to = step == u"prepare"_s ? u"preparing"_s
                    : step == u"complete"_s         ? u"completed"_s
                    : step == u"serve"_s            ? u"served"_s
                                                    : u"canceled"_s;
            VERIFY_STATUS(m_http.patch(path, {{u"status"_s, to}}, m_manager), 200);
        }
        const QJsonObject other = place({{kitchenItem(3), 1}});
        const QString token = who == u"table"_s ? m_table : who == u"staff"_s ? m_staff : m_kitchen;
        const QStringList before = databaseState(m_edge.databasePath());
        HttpResult result;
        if (request == u"line"_s)
            result = m_http.post(lineDone(id, lineIds(order).at(0)), body, token);
        else if (request == u"noline"_s)
            result = m_http.post(lineDone(id, 99999999), body, token);
        else if (request == u"otherline"_s)
            result = m_http.post(lineDone(id, lineIds(other).at(0)), body, token);
        else if (request == u"noorder"_s)
            result = m_http.post(stationDone(99999999), {{u"station"_s, u"bar"_s}}, token);
        else if (request == u"station"_s)
            result = m_http.post(stationDone(id), body, token);
        else if (request == u"recall"_s)
            result = m_http.post(recall(id), body, token);
        else
            result = m_http.patch(path, {{u"status"_s, request.section(u':', 1)}}, token);
        VERIFY_ERROR(result, status, code);
        QCOMPARE(databaseState(m_edge.databasePath()), before);
    }

    void kitchenTimes()
    {
        // One dish ordered once in this test, done by PATCH: its time is exactly
        // completed_at - created_at, at p50 and p90 alike.
        const qint64 lone = m_byStation.value(u"kitchen"_s).last();
        const QJsonObject order = place({{lone, 1}});
        const QString path = u"/api/v1/orders/%1"_s.arg(order.value(u"id"_s).toInteger());
        VERIFY_STATUS(m_http.patch(path, {{u"status"_s, u"preparing"_s}}, m_kitchen), 200);
        const HttpResult done = m_http.patch(path, {{u"status"_s, u"completed"_s}}, m_kitchen);
        VERIFY_STATUS(done, 200);
        const qint64 ms = QDateTime::fromString(order.value(u"created_at"_s).toString(), Qt::ISODateWithMs)
                                  .msecsTo(QDateTime::fromString(done.json().value(u"completed_at"_s).toString(),
                                                                 Qt::ISODateWithMs));
        // An order still cooking counts for nothing yet.
        const QJsonObject cooking = place({{lone, 1}, {barItem(), 1}});
        VERIFY_STATUS(m_http.post(stationDone(cooking.value(u"id"_s).toInteger()), {{u"station"_s, u"kitchen"_s}}, m_kitchen),
                      200);

        VERIFY_ERROR(m_http.get(u"/api/v1/kitchen/times"_s, m_kitchen), 403, u"FORBIDDEN"_s);
        VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/kitchen/times?by=week"_s, m_manager), 400, u"VALIDATION_FAILED"_s, u"by"_s);
        VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/kitchen/times?from=2026-12-07&to=2026-12-01"_s, m_manager), 400,
                           u"VALIDATION_FAILED"_s, u"to"_s);

        const HttpResult report = m_http.get(u"/api/v1/kitchen/times"_s, m_manager);
        VERIFY_STATUS(report, 200);
        const QString today = order.value(u"business_date"_s).toString();
        QCOMPARE(report.json().value(u"from"_s).toString(), today);
        QCOMPARE(report.json().value(u"by"_s).toString(), u"day"_s);
        const QJsonArray items = report.json().value(u"items"_s).toArray();
        QVERIFY(items.size() >= 3);
        std::optional<QJsonObject> loneRow;
        double previous = std::numeric_limits<double>::max();
        for (const QJsonValue &value : items) {
            const QJsonObject row = value.toObject();
            QCOMPARE(row.value(u"business_date"_s).toString(), today);
            QVERIFY(row.value(u"count"_s).toInt() >= 1);
            QVERIFY(row.value(u"p50_s"_s).toDouble() >= 0);
            QVERIFY(row.value(u"p50_s"_s).toDouble() <= row.value(u"p90_s"_s).toDouble());
            // Slowest first.
            QVERIFY(row.value(u"p90_s"_s).toDouble() <= previous);
            previous = row.value(u"p90_s"_s).toDouble();
            if (row.value(u"menu_item_id"_s).toInteger() == lone)
                loneRow = row;
        }
        QVERIFY(loneRow);
        QCOMPARE(loneRow->value(u"count"_s).toInt(), 1);
        QCOMPARE(loneRow->value(u"p50_s"_s).toDouble(), ms / 1000.0);
        QCOMPARE(loneRow->value(u"p90_s"_s).toDouble(), ms / 1000.0);
        QCOMPARE(loneRow->value(u"station"_s).toString(), u"kitchen"_s);
        const QJsonArray stations = report.json().value(u"stations"_s).toArray();
        QStringList names;
        for (const QJsonValue &s : stations)
            names.append(s.toObject().value(u"station"_s).toString());
        names.sort();
        QCOMPARE(names, (QStringList{u"bar"_s, u"kitchen"_s}));

        const HttpResult hourly = m_http.get(u"/api/v1/kitchen/times?by=hour&from=%1&to=%1"_s.arg(today), m_manager);
        VERIFY_STATUS(hourly, 200);
        const QJsonObject first = hourly.json().value(u"items"_s).toArray().at(0).toObject();
        QVERIFY(first.value(u"hour"_s).toInt() >= 0 && first.value(u"hour"_s).toInt() < 24);
    }

private:
    QJsonObject place(const QList<std::pair<qint64, int>> &lines)
    {
        const HttpResult result = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines), m_table);
        if (result.status != 201)
            qWarning("placing an order: %s", qPrintable(result.describe()));
        return result.json();
    }
    qint64 kitchenItem(int i) const { return m_byStation.value(u"kitchen"_s).at(i); }
    qint64 barItem() const { return m_byStation.value(u"bar"_s).at(0); }
    static QString lineDone(qint64 order, qint64 line) { return u"/api/v1/orders/%1/lines/%2/done"_s.arg(order).arg(line); }
    static QString stationDone(qint64 order) { return u"/api/v1/orders/%1/done"_s.arg(order); }
    static QString recall(qint64 order) { return u"/api/v1/orders/%1/recall"_s.arg(order); }

    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_table, m_kitchen, m_staff, m_manager;
    QHash<QString, QList<qint64>> m_byStation;
};

QTEST_GUILESS_MAIN(TestOrderFlow)
#include "tst_orderflow.moc"
