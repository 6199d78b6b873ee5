#include "testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// Kitchen stations on the real daemon: each category has a station (default "kitchen"), the
/// manager sets it, order lines keep the station their item had when ordered, and staff
/// filter orders by station (GET /orders?stations=..., the streams' own filter is tested
/// through the client library in tests/qml).
class TestStations : public QObject
{
    Q_OBJECT

    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_table;
    QString m_kitchen;
    QString m_manager;

    QList<qint64> orderIds(const QString &query)
    {
        QList<qint64> ids;
        const HttpResult result = m_http.get(u"/api/v1/orders"_s + query, m_kitchen);
        for (const QJsonValue &o : result.json().value(u"orders"_s).toArray())
            ids.append(o.toObject().value(u"id"_s).toInteger());
        return ids;
    }
    qint64 place(const QList<std::pair<qint64, int>> &lines)
    {
        const HttpResult result = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines), m_table);
        return result.status == 201 ? result.json().value(u"id"_s).toInteger() : 0;
    }

private slots:
    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
        m_table = m_http.tableLogin(3);
        m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
        m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
        QVERIFY(!m_table.isEmpty() && !m_kitchen.isEmpty() && !m_manager.isEmpty());
    }

    void categoriesCarryTheirStation()
    {
        const QJsonArray categories = m_http.get(u"/api/v1/menu"_s).json().value(u"categories"_s).toArray();
        QStringList stations;
        for (const QJsonValue &c : categories)
            stations.append(c.toObject().value(u"station"_s).toString());
        // The demo: meals, noodles and sides in the kitchen, drinks at the bar, desserts apart.
        QCOMPARE(stations, (QStringList{u"kitchen"_s, u"kitchen"_s, u"kitchen"_s, u"bar"_s, u"dessert"_s, u"kitchen"_s}));
    }

    void newCategoryDefaultsToTheKitchen()
    {
        const HttpResult created = m_http.post(u"/api/v1/menu/categories"_s, {{u"name"_s, u"계절 메뉴"_s}}, m_manager);
        VERIFY_STATUS(created, 201);
        QCOMPARE(created.json().value(u"station"_s).toString(), u"kitchen"_s);
        const HttpResult bar = m_http.post(u"/api/v1/menu/categories"_s,
                                           {{u"name"_s, u"칵테일"_s}, {u"station"_s, u"bar"_s}}, m_manager);
        VERIFY_STATUS(bar, 201);
        QCOMPARE(bar.json().value(u"station"_s).toString(), u"bar"_s);
    }

    void invalidStations_data()
    {
        QTest::addColumn<QJsonValue>("station");
        QTest::newRow("empty") << QJsonValue(u""_s);
        QTest::newRow("upper case") << QJsonValue(u"Bar"_s);
        QTest::newRow("space") << QJsonValue(u"cold kitchen"_s);
        QTest::newRow("starts with a digit") << QJsonValue(u"2nd"_s);
        QTest::newRow("33 characters") << QJsonValue(QString(33, u'a'));
        QTest::newRow("not a string") << QJsonValue(5);
    }
    void invalidStations()
    {
        QFETCH(QJsonValue, station);
        VERIFY_ERROR_FIELD(m_http.put(u"/api/v1/menu/categories/1"_s, {{u"station"_s, station}}, m_manager), 400,
                           u"VALIDATION_FAILED"_s, u"station"_s);
    }

    void onlyTheManagerSetsStations()
    {
        VERIFY_ERROR(m_http.put(u"/api/v1/menu/categories/5"_s, {{u"station"_s, u"bar"_s}}, m_kitchen), 403,
                     u"FORBIDDEN"_s);
    }

    void orderLinesKeepTheirStationAndFilter()
    {
        const qint64 food = place({{1, 1}});           // 김치찌개: kitchen
        const qint64 drinks = place({{22, 2}});        // 사이다: bar
        const qint64 mixed = place({{2, 1}, {25, 1}}); // 비빔밥 + 맥주
        const qint64 sweet = place({{28, 1}});         // 팥빙수: dessert
        QVERIFY(food && drinks && mixed && sweet);

        const QJsonArray lines = m_http.get(u"/api/v1/orders/%1"_s.arg(mixed), m_kitchen).json().value(u"items"_s).toArray();
        QCOMPARE(lines.at(0).toObject().value(u"station"_s).toString(), u"kitchen"_s);
        QCOMPARE(lines.at(1).toObject().value(u"station"_s).toString(), u"bar"_s);

        QCOMPARE(orderIds(u"?stations=bar"_s), (QList<qint64>{drinks, mixed}));
        QCOMPARE(orderIds(u"?stations=kitchen"_s), (QList<qint64>{food, mixed}));
        QCOMPARE(orderIds(u"?stations=bar,dessert"_s), (QList<qint64>{drinks, mixed, sweet}));
        QCOMPARE(orderIds(u"?stations=bar&status=pending"_s), (QList<qint64>{drinks, mixed}));
        QCOMPARE(orderIds(u"?stations=grill"_s), QList<qint64>{});
        QCOMPARE(orderIds({}).size(), 4);
        VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/orders?stations=Bar"_s, m_kitchen), 400, u"VALIDATION_FAILED"_s,
                           u"stations"_s);

        // Moving desserts to the bar later does not move the order already placed.
        const HttpResult moved = m_http.put(u"/api/v1/menu/categories/5"_s, {{u"station"_s, u"bar"_s}}, m_manager);
        VERIFY_STATUS(moved, 200);
        QCOMPARE(moved.json().value(u"station"_s).toString(), u"bar"_s);
        QCOMPARE(moved.json().value(u"name"_s).toString(), u"디저트"_s);
        QCOMPARE(orderIds(u"?stations=dessert"_s), (QList<qint64>{sweet}));
        const qint64 later = place({{28, 1}});
        QCOMPARE(orderIds(u"?stations=bar"_s), (QList<qint64>{drinks, mixed, later}));
    }

    void streamRefusesABadStationFilter()
    {
        const HttpResult result = m_http.get(u"/api/v1/events?stations=BAR"_s, m_kitchen);
        VERIFY_ERROR_FIELD(result, 400, u"VALIDATION_FAILED"_s, u"stations"_s);
    }

    void stationsSurviveARestart()
    {
        QVERIFY(m_edge.terminate());
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
        QString dessert;
        for (const QJsonValue &c : m_http.get(u"/api/v1/menu"_s).json().value(u"categories"_s).toArray()) {
            if (c.toObject().value(u"id"_s).toInteger() == 5)
                dessert = c.toObject().value(u"station"_s).toString();
        }
        QCOMPARE(dessert, u"bar"_s);
    }
};

QTEST_GUILESS_MAIN(TestStations)
#include "tst_stations.moc"
