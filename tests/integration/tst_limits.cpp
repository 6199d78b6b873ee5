#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// Per-store limits, lowered through a config file and the environment so that the demo
/// store sits right at them: the next table, category, item or active order is
/// 409 LIMIT_REACHED and changes nothing; freeing room lets it through again.
class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tables();
    void categories();
    void items();
    void activeOrders();

private:
    QString writeConfig();

    QTemporaryDir m_configDir;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_http;
    QString m_manager;
    QString m_kitchen;
    QList<qint64> m_items;
    qint64 m_category = 0;
};

QString TestLimits::writeConfig()
{
    // The demo store has 12 tables, 5 categories and 30 items.
    const QString path = m_configDir.filePath(u"edge.ini"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("[limits]\nmax-tables=12\nmax-categories=5\nmax-items=30\n"
               "max-active-orders=1000\n");
    return path;
}

void TestLimits::initTestCase()
{
    QVERIFY(m_configDir.isValid());
    const QString config = writeConfig();
    QVERIFY(!config.isEmpty());
    // The file says 1000 active orders; the environment, which wins, says 3.
    m_edge = std::make_unique<EdgeProcess>(EdgeProcess::Options{
            .arguments = {u"--config"_s, config},
            .environment = {{u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"3"_s}}});
    VERIFY_STARTED(*m_edge);
    m_http.setPort(m_edge->port());
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    QVERIFY(!m_manager.isEmpty() && !m_kitchen.isEmpty());
    for (const QJsonObject &item : menuItems(m_http.get(u"/api/v1/menu"_s).json()))
        m_items.append(item.value(u"id"_s).toInteger());
    QCOMPARE(m_items.size(), 32);
    m_category = menuItems(m_http.get(u"/api/v1/menu"_s).json()).first().value(u"category_id"_s).toInteger();
}

void TestLimits::tables()
{
    const QStringList before = databaseState(m_edge->databasePath());
    VERIFY_ERROR(m_http.post(u"/api/v1/tables"_s, {{u"number"_s, 13}, {u"password"_s, u"1313"_s}},
                             m_manager),
                 409, u"LIMIT_REACHED"_s);
    QCOMPARE(databaseState(m_edge->databasePath()), before);
    QCOMPARE(m_http.get(u"/api/v1/tables"_s, m_manager).json().value(u"tables"_s).toArray().size(), 12);
}

void TestLimits::categories()
{
    const QStringList before = databaseState(m_edge->databasePath());
    const QByteArray menuBefore = m_http.get(u"/api/v1/menu"_s).body;
    VERIFY_ERROR(m_http.post(u"/api/v1/menu/categories"_s, {{u"name"_s, u"야식"_s}}, m_manager), 409,
                 u"LIMIT_REACHED"_s);
    QCOMPARE(databaseState(m_edge->databasePath()), before);
    QCOMPARE(m_http.get(u"/api/v1/menu"_s).body, menuBefore);
}

void TestLimits::items()
{
    const QJsonObject item{{u"category_id"_s, m_category}, {u"name"_s, u"군만두"_s}, {u"price"_s, 6000}};
    const QStringList before = databaseState(m_edge->databasePath());
    const QByteArray menuBefore = m_http.get(u"/api/v1/menu"_s).body;
    VERIFY_ERROR(m_http.post(u"/api/v1/menu/items"_s, item, m_manager), 409, u"LIMIT_REACHED"_s);
    QCOMPARE(databaseState(m_edge->databasePath()), before);
    QCOMPARE(m_http.get(u"/api/v1/menu"_s).body, menuBefore);

    // Room made, room taken.
    const qint64 last = m_items.takeLast();
    VERIFY_STATUS(m_http.del(u"/api/v1/menu/items/%1"_s.arg(last), m_manager), 204);
    const HttpResult created = m_http.post(u"/api/v1/menu/items"_s, item, m_manager);
    VERIFY_STATUS(created, 201);
    m_items.append(created.json().value(u"id"_s).toInteger());
    VERIFY_ERROR(m_http.post(u"/api/v1/menu/items"_s, item, m_manager), 409, u"LIMIT_REACHED"_s);
}

void TestLimits::activeOrders()
{
    const QString table = m_http.tableLogin(1);
    QVERIFY(!table.isEmpty());
    QList<QJsonObject> bodies;
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        bodies.append(orderBody(newClientOrderId(), {{m_items.at(i), 1}}));
        const HttpResult placed = m_http.post(u"/api/v1/orders"_s, bodies.last(), table);
        VERIFY_STATUS(placed, 201);
        ids.append(placed.json().value(u"id"_s).toInteger());
    }

    const QJsonObject fourth = orderBody(newClientOrderId(), {{m_items.at(3), 1}});
    const QStringList before = databaseState(m_edge->databasePath());
    VERIFY_ERROR(m_http.post(u"/api/v1/orders"_s, fourth, table), 409, u"LIMIT_REACHED"_s);
    QCOMPARE(databaseState(m_edge->databasePath()), before);
    // A retry of an order the store already has is not a new order: still answered.
    const HttpResult repeat = m_http.post(u"/api/v1/orders"_s, bodies.first(), table);
    VERIFY_STATUS(repeat, 200);
    QCOMPARE(repeat.json().value(u"id"_s).toInteger(), ids.first());
    QCOMPARE(databaseState(m_edge->databasePath()), before);

    // Preparing is still active; completed and canceled orders make room.
    const QString first = u"/api/v1/orders/%1"_s.arg(ids.at(0));
    VERIFY_STATUS(m_http.patch(first, {{u"status"_s, u"preparing"_s}}, m_kitchen), 200);
    VERIFY_ERROR(m_http.post(u"/api/v1/orders"_s, fourth, table), 409, u"LIMIT_REACHED"_s);
    VERIFY_STATUS(m_http.patch(first, {{u"status"_s, u"completed"_s}}, m_kitchen), 200);
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, fourth, table), 201);
    VERIFY_ERROR(m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{m_items.at(4), 1}}),
                             table),
                 409, u"LIMIT_REACHED"_s);
    VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(ids.at(1)), {{u"status"_s, u"canceled"_s}},
                               m_manager),
                  200);
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{m_items.at(4), 1}}),
                              table),
                  201);
}

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
