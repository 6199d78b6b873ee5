#include "testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// Display order in one change: the manager puts every category (or every item of one
/// category) in a new order; one menu version, and a wrong list changes nothing.
class TestMenuOrder : public QObject
{
    Q_OBJECT

    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_manager;
    QString m_kitchen;

    QJsonObject menu() { return m_http.get(u"/api/v1/menu"_s).json(); }

    static QList<qint64> categoryIds(const QJsonObject &menu)
    {
        QList<qint64> ids;
        for (const QJsonValue &c : menu.value(u"categories"_s).toArray())
            ids.append(c.toObject().value(u"id"_s).toInteger());
        return ids;
    }

    static QList<qint64> itemIds(const QJsonObject &menu, qint64 categoryId)
    {
        QList<qint64> ids;
        for (const QJsonValue &c : menu.value(u"categories"_s).toArray())
            if (c.toObject().value(u"id"_s).toInteger() == categoryId)
                for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray())
                    ids.append(i.toObject().value(u"id"_s).toInteger());
        return ids;
    }

    static QJsonArray json(const QList<qint64> &ids)
    {
        QJsonArray out;
        for (qint64 id : ids)
            out.append(id);
        return out;
    }

private slots:
    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
        m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
        m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
        QVERIFY(!m_manager.isEmpty() && !m_kitchen.isEmpty());
    }

    void categoriesInOneChange()
    {
        const QJsonObject before = menu();
        QList<qint64> ids = categoryIds(before);
        QVERIFY(ids.size() >= 3);
        std::reverse(ids.begin(), ids.end());
        const HttpResult result = m_http.put(u"/api/v1/menu/category-order"_s, {{u"ids"_s, json(ids)}}, m_manager);
        QCOMPARE(result.status, 200);
        const QJsonArray answered = result.json().value(u"categories"_s).toArray();
        QCOMPARE(answered.size(), ids.size());
        QCOMPARE(answered.first().toObject().value(u"id"_s).toInteger(), ids.first());
        QCOMPARE(answered.first().toObject().value(u"display_order"_s).toInt(), 10);
        const QJsonObject after = menu();
        QCOMPARE(categoryIds(after), ids);
        QCOMPARE(after.value(u"version"_s).toInteger(), before.value(u"version"_s).toInteger() + 1);
    }

    void itemsOfOneCategory()
    {
        const QJsonObject before = menu();
        const qint64 category = categoryIds(before).last();
        QList<qint64> ids = itemIds(before, category);
        QVERIFY(ids.size() >= 2);
        ids.move(0, ids.size() - 1);
        const HttpResult result = m_http.put(u"/api/v1/menu/categories/%1/item-order"_s.arg(category),
                                             {{u"ids"_s, json(ids)}}, m_manager);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value(u"items"_s).toArray().size(), ids.size());
        const QJsonObject after = menu();
        QCOMPARE(itemIds(after, category), ids);
        QCOMPARE(after.value(u"version"_s).toInteger(), before.value(u"version"_s).toInteger() + 1);
    }

    void wrongListsChangeNothing_data()
    {
        QTest::addColumn<QString>("path");   // %1: a category id
        QTest::addColumn<QString>("body");   // %1, %2, %3: the first ids; %4 the rest
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const QString categories = u"/api/v1/menu/category-order"_s;
        const QString items = u"/api/v1/menu/categories/%1/item-order"_s;
        QTest::newRow("a category missing") << categories << u"{\"ids\":[%1,%2]}"_s << 400 << u"ids"_s;
        QTest::newRow("a category twice") << categories << u"{\"ids\":[%1,%1,%2,%3%4]}"_s << 400 << u"ids[1]"_s;
        QTest::newRow("an unknown category") << categories << u"{\"ids\":[%1,%2,%3%4,999]}"_s << 400 << u"ids[%5]"_s;
        QTest::newRow("not a list") << categories << u"{\"ids\":\"%1\"}"_s << 400 << u"ids"_s;
        QTest::newRow("an unknown field") << categories << u"{\"ids\":[%1,%2,%3%4],\"x\":1}"_s << 400 << u"x"_s;
        QTest::newRow("an item of another category") << items << u"{\"ids\":[999999]}"_s << 400 << u"ids[0]"_s;
        QTest::newRow("no such category") << u"/api/v1/menu/categories/999/item-order"_s << u"{\"ids\":[]}"_s << 404
                                          << QString();
    }

    void wrongListsChangeNothing()
    {
        QFETCH(QString, path);
        QFETCH(QString, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const QJsonObject before = menu();
        const QList<qint64> ids = categoryIds(before);
        QString rest;
        for (qsizetype i = 3; i < ids.size(); ++i)
            rest += u","_s + QString::number(ids.at(i));
        QString text = body;
        text.replace(u"%1"_s, QString::number(ids.at(0)))
                .replace(u"%2"_s, QString::number(ids.at(1)))
                .replace(u"%3"_s, QString::number(ids.at(2)))
                .replace(u"%4"_s, rest);
        const HttpResult result = m_http.send("PUT", QString(path).replace(u"%1"_s, QString::number(ids.at(0))),
                                              text.toUtf8(), m_manager, {{"Content-Type", "application/json"}});
        QCOMPARE(result.status, status);
        if (!field.isEmpty()) {
            QCOMPARE(result.errorCode(), u"VALIDATION_FAILED"_s);
            QCOMPARE(result.errorDetails().value(u"field"_s).toString(),
                     QString(field).replace(u"%5"_s, QString::number(ids.size())));
        }
        QCOMPARE(menu(), before);
    }

    void managerOnly()
    {
        const QJsonObject before = menu();
        const HttpResult result = m_http.put(u"/api/v1/menu/category-order"_s,
                                             {{u"ids"_s, json(categoryIds(before))}}, m_kitchen);
        QCOMPARE(result.status, 403);
        QCOMPARE(menu(), before);
    }
};

QTEST_GUILESS_MAIN(TestMenuOrder)
#include "tst_menuorder.moc"
