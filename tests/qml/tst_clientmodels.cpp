// The client library's logic without a network: backoff, money, the menu, cart and order
// models, and how replies are classified for retries.
#include "apireply.h"
#include "backoff.h"
#include "cartmodel.h"
#include "menumodel.h"
#include "money.h"
#include "orderlistmodel.h"
#include "pairinglink.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace {

QJsonObject item(qint64 id, qint64 category, const QString &name, qint64 price, bool available = true)
{
    return {{u"id"_s, id}, {u"category_id"_s, category}, {u"name"_s, name}, {u"description"_s, u""_s},
            {u"price"_s, price}, {u"available"_s, available},
            {u"image_url"_s, u"/images/item-%1.jpg"_s.arg(id)},
            {u"thumbnail_url"_s, u"/images/item-%1-thumb.jpg"_s.arg(id)}};
}

QJsonObject demoMenu()
{
    return {{u"version"_s, 7},
            {u"currency"_s, u"KRW"_s},
            {u"store_name"_s, u"test"_s},
            {u"categories"_s,
             QJsonArray{QJsonObject{{u"id"_s, 1}, {u"name"_s, u"식사"_s}, {u"station"_s, u"kitchen"_s},
                                    {u"items"_s, QJsonArray{item(1, 1, u"김치찌개"_s, 9000), item(2, 1, u"비빔밥"_s, 9500)}}},
                        QJsonObject{{u"id"_s, 2}, {u"name"_s, u"음료"_s}, {u"station"_s, u"bar"_s},
                                    {u"items"_s, QJsonArray{item(3, 2, u"사이다"_s, 2000), item(4, 2, u"맥주"_s, 6000, false)}}}}}};
}

QJsonObject order(qint64 id, const QString &status, const QString &created)
{
    return {{u"id"_s, id}, {u"number"_s, int(id)}, {u"status"_s, status}, {u"created_at"_s, created},
            {u"total"_s, 1000 * id}, {u"table_number"_s, 3},
            {u"items"_s, QJsonArray{QJsonObject{{u"name"_s, u"x"_s}, {u"quantity"_s, 1}}}}};
}

} // namespace

class TestClientModels : public QObject
{
    Q_OBJECT
private slots:
    void pairingLinkRoundTrip()
    {
        PairingLink link;
        link.edge = QUrl(u"https://192.168.0.10:8443"_s);
        link.fingerprint = QString(64, u'a');
        link.tableNumber = 12;
        link.code = u"7K2QXM4RTB0C"_s;
        const QString text = link.toString();
        QVERIFY(text.startsWith(u"tableorder://pair?edge=https%3A%2F%2F192.168.0.10%3A8443&fp="_s));
        const auto back = PairingLink::parse(u"  "_s + text + u"\n"_s);
        QVERIFY2(back, qPrintable(back ? QString() : back.error()));
        QCOMPARE(back->edge, link.edge);
        QCOMPARE(back->fingerprint, link.fingerprint);
        QCOMPARE(back->tableNumber, 12);
        QCOMPARE(back->code, link.code);
        // A plain-http edge needs no fingerprint; a kitchen screen's link has no table.
        const auto kitchen = PairingLink::parse(u"tableorder://pair?edge=http%3A%2F%2F10.0.0.2%3A8080"_s);
        QVERIFY(kitchen && !kitchen->hasTable() && kitchen->fingerprint.isEmpty());
    }

    void pairingLinkRefuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("web address") << u"https://192.168.0.10:8080"_s;
        QTest::newRow("other host") << u"tableorder://steal?edge=http%3A%2F%2F10.0.0.2"_s;
        QTest::newRow("no edge") << u"tableorder://pair?table=3&code=ABC"_s;
        QTest::newRow("edge not http") << u"tableorder://pair?edge=file%3A%2F%2F%2Fetc%2Fpasswd"_s;
        QTest::newRow("edge with user info") << u"tableorder://pair?edge=http%3A%2F%2Fa%3Ab%40evil%3A80"_s;
        QTest::newRow("https without fp") << u"tableorder://pair?edge=https%3A%2F%2F10.0.0.2%3A8080&table=3&code=ABC"_s;
        QTest::newRow("short fp") << u"tableorder://pair?edge=https%3A%2F%2F10.0.0.2&fp=abcd&table=3&code=ABC"_s;
        QTest::newRow("table without code") << u"tableorder://pair?edge=http%3A%2F%2F10.0.0.2&table=3"_s;
        QTest::newRow("table 0") << u"tableorder://pair?edge=http%3A%2F%2F10.0.0.2&table=0&code=ABC"_s;
        QTest::newRow("code with markup") << u"tableorder://pair?edge=http%3A%2F%2F10.0.0.2&table=3&code=%3Cb%3E"_s;
    }
    void pairingLinkRefuses()
    {
        QFETCH(QString, text);
        const auto link = PairingLink::parse(text);
        QVERIFY(!link);
        QVERIFY(!link.error().isEmpty());
    }

    void pairingLinkEdgeForTablets()
    {
        const QStringList lan{u"https://192.168.0.10:8080"_s};
        // The manager's screen on the LAN: its own address.
        QCOMPARE(PairingLink::edgeForTablets(QUrl(u"https://192.168.0.10:8080/"_s), lan),
                 QUrl(u"https://192.168.0.10:8080"_s));
        // On the edge's own PC: the edge's LAN address.
        QCOMPARE(PairingLink::edgeForTablets(QUrl(u"https://127.0.0.1:8080"_s), lan), QUrl(lan.first()));
        QCOMPARE(PairingLink::edgeForTablets(QUrl(u"http://localhost:8080"_s), lan), QUrl(lan.first()));
        // Nothing better known: loopback stays (the manager screen warns).
        QCOMPARE(PairingLink::edgeForTablets(QUrl(u"http://127.0.0.1:8080"_s), {}), QUrl(u"http://127.0.0.1:8080"_s));
    }

    void backoffGrowsToItsCeiling()
    {
        Backoff backoff(Backoff::Settings{500, 4000, 2.0, 0.0});
        QList<int> delays;
        for (int i = 0; i < 6; ++i)
            delays.append(backoff.next());
        QCOMPARE(delays, (QList<int>{500, 1000, 2000, 4000, 4000, 4000}));
        backoff.reset();
        QCOMPARE(backoff.next(), 500);
    }

    void backoffJitterStaysInItsBand()
    {
        Backoff backoff(Backoff::Settings{1000, 8000, 2.0, 0.2}, 42);
        for (int attempt = 0; attempt < 10; ++attempt) {
            const double base = std::min(8000.0, 1000.0 * std::pow(2.0, attempt));
            const int delay = backoff.next();
            QVERIFY2(delay >= base * 0.8 - 1 && delay <= base * 1.2 + 1, qPrintable(QString::number(delay)));
        }
    }

    void money_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("expected");
        QTest::newRow("won, thousands") << qint64(9000) << u"KRW"_s << u"₩9,000"_s;
        QTest::newRow("won, millions") << qint64(1234567) << u"KRW"_s << u"₩1,234,567"_s;
        QTest::newRow("won, zero") << qint64(0) << u"KRW"_s << u"₩0"_s;
        QTest::newRow("won, under a thousand") << qint64(500) << u"KRW"_s << u"₩500"_s;
        QTest::newRow("won, negative") << qint64(-2000) << u"KRW"_s << u"-₩2,000"_s;
        QTest::newRow("dollars and cents") << qint64(123456) << u"USD"_s << u"$1,234.56"_s;
        QTest::newRow("cents padded") << qint64(1205) << u"EUR"_s << u"€12.05"_s;
    }
    void money()
    {
        QFETCH(qint64, amount);
        QFETCH(QString, currency);
        QFETCH(QString, expected);
        QCOMPARE(formatMoney(amount, currency), expected);
    }

    void replyClassification_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("definitive");
        QTest::newRow("no answer: retry") << 0 << false;
        QTest::newRow("created") << 201 << true;
        QTest::newRow("repeat of an earlier order") << 200 << true;
        QTest::newRow("validation") << 400 << true;
        QTest::newRow("token refused") << 401 << true;
        QTest::newRow("request timeout: retry") << 408 << false;
        QTest::newRow("sold out") << 409 << true;
        QTest::newRow("key reused") << 422 << true;
        QTest::newRow("rate limited: retry") << 429 << false;
        QTest::newRow("server error: retry") << 500 << false;
        QTest::newRow("unavailable: retry") << 503 << false;
    }
    void replyClassification()
    {
        QFETCH(int, status);
        QFETCH(bool, definitive);
        const ApiReply reply = status == 0 ? ApiReply::fromTransportError(u"Connection refused"_s)
                                           : ApiReply::fromHttp(status, "{}");
        QCOMPARE(reply.isDefinitive(), definitive);
    }

    void menuFiltersByCategoryAndResolvesPictures()
    {
        MenuModel menu;
        menu.setMenu(demoMenu(), QUrl(u"http://edge:8080"_s));
        QCOMPARE(menu.rowCount(), 4);
        QCOMPARE(menu.totalItems(), 4);
        menu.setCategoryId(2);
        QCOMPARE(menu.rowCount(), 2);
        const QModelIndex first = menu.index(0);
        QCOMPARE(first.data(MenuModel::NameRole).toString(), u"사이다"_s);
        QCOMPARE(first.data(MenuModel::StationRole).toString(), u"bar"_s);
        QCOMPARE(first.data(MenuModel::PriceTextRole).toString(), u"₩2,000"_s);
        QCOMPARE(first.data(MenuModel::ThumbnailUrlRole).toUrl(), QUrl(u"http://edge:8080/images/item-3-thumb.jpg"_s));
    }

    void soldOutChangesOneRowLive()
    {
        MenuModel menu;
        menu.setMenu(demoMenu(), QUrl(u"http://edge"_s));
        QSignalSpy changed(&menu, &MenuModel::dataChanged);
        QSignalSpy availability(&menu, &MenuModel::availabilityChanged);
        QVERIFY(menu.updateItem(item(1, 1, u"김치찌개"_s, 9000, false)));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(availability.size(), 1);
        QCOMPARE(menu.index(0).data(MenuModel::AvailableRole).toBool(), false);
        QVERIFY(!menu.updateItem(item(99, 1, u"unknown"_s, 1)));
    }

    void cartTotalsAndOrderBody()
    {
        MenuModel menu;
        menu.setMenu(demoMenu(), QUrl(u"http://edge"_s));
        CartModel cart(menu);
        QVERIFY(cart.add(1));
        QVERIFY(cart.add(1));
        QVERIFY(cart.add(3));
        QVERIFY2(!cart.add(4), "a sold-out item cannot be added");
        QVERIFY2(!cart.add(42), "an unknown item cannot be added");
        QCOMPARE(cart.rowCount(), 2);
        QCOMPARE(cart.totalQuantity(), 3);
        QCOMPARE(cart.total(), 20000);
        QCOMPARE(cart.totalText(), u"₩20,000"_s);
        const QJsonArray body = cart.orderItems();
        QCOMPARE(QJsonDocument(body).toJson(QJsonDocument::Compact),
                 QByteArray(R"([{"menu_item_id":1,"quantity":2},{"menu_item_id":3,"quantity":1}])"));
        cart.decrement(1);
        QCOMPARE(cart.quantityOf(1), 1);
        cart.decrement(1);
        QCOMPARE(cart.rowCount(), 1);
        QVERIFY(cart.isOrderable());
    }

    void cartLineThatSellsOutBlocksTheOrder()
    {
        MenuModel menu;
        menu.setMenu(demoMenu(), QUrl(u"http://edge"_s));
        CartModel cart(menu);
        cart.add(2);
        QVERIFY(cart.isOrderable());
        menu.updateItem(item(2, 1, u"비빔밥"_s, 9500, false));
        QVERIFY(!cart.isOrderable());
        QCOMPARE(cart.index(0).data(CartModel::AvailableRole).toBool(), false);
        QCOMPARE(cart.rowCount(), 1);
    }

    void quantityStopsAtTheEdgesLimit()
    {
        MenuModel menu;
        menu.setMenu(demoMenu(), QUrl(u"http://edge"_s));
        CartModel cart(menu);
        for (int i = 0; i < 120; ++i)
            cart.add(1);
        QCOMPARE(cart.quantityOf(1), 100);
    }

    void ordersKeepCreationOrderAndFilterByStatus()
    {
        OrderListModel tickets;
        tickets.setStatuses({u"pending"_s});
        tickets.replaceAll(QJsonArray{order(2, u"pending"_s, u"2026-11-21T10:00:02.000Z"_s),
                                      order(1, u"pending"_s, u"2026-11-21T10:00:01.000Z"_s),
                                      order(3, u"preparing"_s, u"2026-11-21T10:00:03.000Z"_s)});
        QCOMPARE(tickets.rowCount(), 2);
        QCOMPARE(tickets.index(0).data(OrderListModel::IdRole).toLongLong(), 1);
        QVERIFY(!tickets.upsert(order(1, u"preparing"_s, u"2026-11-21T10:00:01.000Z"_s)));
        QCOMPARE(tickets.rowCount(), 1);
        QVERIFY(tickets.upsert(order(4, u"pending"_s, u"2026-11-21T10:00:00.500Z"_s)));
        QCOMPARE(tickets.index(0).data(OrderListModel::IdRole).toLongLong(), 4);
        QCOMPARE(tickets.index(0).data(OrderListModel::CreatedMsRole).toLongLong(),
                 QDateTime::fromString(u"2026-11-21T10:00:00.500Z"_s, Qt::ISODateWithMs).toMSecsSinceEpoch());
    }

    void visitTotalLeavesOutCanceledOrders()
    {
        OrderListModel visit;
        visit.setNewestFirst(true);
        visit.upsert(order(1, u"completed"_s, u"2026-11-21T10:00:01.000Z"_s));
        visit.upsert(order(2, u"canceled"_s, u"2026-11-21T10:00:02.000Z"_s));
        visit.upsert(order(3, u"pending"_s, u"2026-11-21T10:00:03.000Z"_s));
        QCOMPARE(visit.index(0).data(OrderListModel::IdRole).toLongLong(), 3);
        QCOMPARE(visit.total(), 4000);
        QCOMPARE(visit.totalText(), u"₩4,000"_s);
    }
};

QTEST_GUILESS_MAIN(TestClientModels)
#include "tst_clientmodels.moc"
