// The client library's logic without a network: backoff, money, the menu, cart and order
// models, and how replies are classified for retries.
#include "apireply.h"
#include "backoff.h"
#include "cartmodel.h"
#include "linedraft.h"
#include "menumodel.h"
#include "money.h"
#include "orderlistmodel.h"
#include "pairinglink.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTimeZone>
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

QJsonObject option(qint64 id, const QString &name, qint64 delta, bool available = true,
                   const QJsonObject &translations = {})
{
    return {{u"id"_s, id}, {u"name"_s, name}, {u"price_delta"_s, delta}, {u"available"_s, available},
            {u"translations"_s, translations}};
}

QJsonObject group(qint64 id, const QString &name, int min, int max, const QJsonArray &options,
                  const QJsonObject &translations = {})
{
    return {{u"id"_s, id}, {u"name"_s, name}, {u"min_select"_s, min}, {u"max_select"_s, max},
            {u"options"_s, options}, {u"translations"_s, translations}};
}

QJsonObject en(const QString &name, const QString &description = {})
{
    QJsonObject text{{u"name"_s, name}};
    if (!description.isEmpty())
        text.insert(u"description"_s, description);
    return text;
}

/// A menu as docs/design/menu-contract.md shapes it: 라면 with a required 맵기 (one of three,
/// 매운맛 unavailable) and up to two extras (공기밥 +1,000, 곱빼기 +2,000, 면 빼기 -6,000);
/// shared groups; translations, allergens, tags, hours and stock.
QJsonObject optionsMenu()
{
    const QJsonObject spiciness = group(1, u"맵기"_s, 1, 1,
        QJsonArray{option(1, u"순한맛"_s, 0, true, {{u"en"_s, en(u"Mild"_s)}, {u"ja"_s, en(u"マイルド"_s)}}),
                   option(2, u"보통"_s, 0), option(3, u"매운맛"_s, 500, false)},
        {{u"en"_s, en(u"Spiciness"_s)}});
    const QJsonObject extras = group(2, u"추가"_s, 0, 2,
        QJsonArray{option(4, u"공기밥 추가"_s, 1000), option(5, u"곱빼기"_s, 2000), option(6, u"면 빼기"_s, -6000)});
    QJsonObject ramyeon = item(1, 1, u"라면"_s, 5000);
    ramyeon.insert(u"allergens"_s, QJsonArray{u"wheat"_s, u"soybean"_s});
    ramyeon.insert(u"tags"_s, QJsonArray{u"spicy"_s});
    ramyeon.insert(u"translations"_s, QJsonObject{{u"en"_s, en(u"Ramyeon"_s, u"Instant noodles, Korean style"_s)},
                                                  {u"zh"_s, en(u"拉面"_s)}, {u"ja"_s, en(u"ラーメン"_s)}});
    ramyeon.insert(u"option_groups"_s, QJsonArray{spiciness, extras});
    QJsonObject stew = item(2, 1, u"김치찌개"_s, 9000);
    stew.insert(u"allergens"_s, QJsonArray{u"pork"_s, u"soybean"_s});
    stew.insert(u"option_groups"_s, QJsonArray{spiciness});
    QJsonObject lunch = item(3, 1, u"점심 정식"_s, 8000);
    lunch.insert(u"available_now"_s, false);
    // 11:00 tomorrow in the store's time zone (this machine's may be another).
    const QTimeZone seoul("Asia/Seoul");
    lunch.insert(u"next_available_at"_s, QDateTime(QDateTime::currentDateTimeUtc().toTimeZone(seoul).date().addDays(1), QTime(11, 0), seoul)
                                                 .toUTC().toString(Qt::ISODateWithMs));
    QJsonObject special = item(4, 1, u"오늘의 특선"_s, 12000);
    special.insert(u"stock"_s, 3);
    special.insert(u"tags"_s, QJsonArray{u"new"_s, u"best"_s});
    return {{u"version"_s, 9},
            {u"currency"_s, u"KRW"_s},
            {u"languages"_s, QJsonArray{u"ko"_s, u"en"_s, u"zh"_s, u"ja"_s}},
            {u"time_zone"_s, u"Asia/Seoul"_s},
            {u"categories"_s,
             QJsonArray{QJsonObject{{u"id"_s, 1}, {u"name"_s, u"식사"_s},
                                    {u"translations"_s, QJsonObject{{u"en"_s, en(u"Meals"_s)}}},
                                    {u"items"_s, QJsonArray{ramyeon, stew, lunch, special}}}}}};
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

    void optionSheetRequiredGroupBlocksAddingUntilChosen()
    {
        MenuModel menu;
        menu.setMenu(optionsMenu(), QUrl(u"http://edge"_s));
        CartModel cart(menu);
        LineDraft draft(menu, cart);
        QVERIFY(draft.start(1));
        QCOMPARE(draft.groups().size(), 2);
        QCOMPARE(draft.groups().at(0).toMap().value(u"required"_s).toBool(), true);
        QCOMPARE(draft.missing(), QStringList{u"맵기"_s});
        QVERIFY2(!draft.canAdd(), "맵기 is required");
        QVERIFY(!draft.addToCart());
        QVERIFY2(!cart.add(1), "the cart refuses the item without its required choice too");
        QCOMPARE(draft.unitPriceText(), u"₩5,000"_s);

        QSignalSpy price(&draft, &LineDraft::selectionChanged);
        QSignalSpy structure(&draft, &LineDraft::itemChanged);
        QVERIFY(draft.toggle(2));
        QCOMPARE(draft.groupCounts().value(u"1"_s).toInt(), 1);
        QCOMPARE(draft.selectedIds(), QVariantList{2});
        QVERIFY(draft.canAdd());
        QVERIFY(draft.missing().isEmpty());
        QVERIFY(price.size() >= 1);
        QVERIFY2(!draft.toggle(3), "매운맛 is unavailable");
        QCOMPARE(draft.selected(), (QList<qint64>{2}));
        QVERIFY(draft.toggle(1)); // radio: 순한맛 replaces 보통
        QCOMPARE(draft.selected(), (QList<qint64>{1}));
        QVERIFY(draft.toggle(1)); // a required single choice stays chosen
        QCOMPARE(draft.selected(), (QList<qint64>{1}));

        QVERIFY(draft.toggle(4));
        QCOMPARE(draft.unitPriceText(), u"₩6,000"_s);
        QVERIFY(draft.toggle(5));
        QCOMPARE(draft.unitPrice(), 8000);
        QVERIFY2(!draft.toggle(6), "추가 allows two at most");
        QVERIFY(draft.toggle(4)); // a checkbox comes off again
        QVERIFY(draft.toggle(6));
        QCOMPARE(draft.unitPrice(), 1000); // 5,000 + 2,000 - 6,000
        QVERIFY(draft.toggle(5)); // 곱빼기 off: only 면 빼기 left
        QCOMPARE(draft.unitPrice(), 0); // 5,000 - 6,000: never below zero
        QCOMPARE(draft.unitPriceText(), u"₩0"_s);
        QCOMPARE(draft.groupCounts().value(u"2"_s).toInt(), 1); // 곱빼기 came off again
        QCOMPARE(structure.size(), 0); // choosing does not rebuild the sheet's groups
        draft.setQuantity(2);
        QVERIFY(draft.addToCart());
        QCOMPARE(cart.rowCount(), 1);
        QCOMPARE(cart.total(), 0);
    }

    void cartKeepsOtherOptionsAndNotesOnTheirOwnLines()
    {
        MenuModel menu;
        menu.setMenu(optionsMenu(), QUrl(u"http://edge"_s));
        CartModel cart(menu);
        QVERIFY(cart.addLine(1, {1, 4}, {}));
        QVERIFY(cart.addLine(1, {4, 1}, {})); // the same choice in another order: same line
        QVERIFY(cart.addLine(1, {2}, {}));
        QVERIFY(cart.addLine(1, {2}, u"파 빼주세요"_s));
        QVERIFY(cart.addLine(2, {1}, {}, 2));
        QVERIFY2(!cart.addLine(1, {1, 2}, {}), "two choices in a max-1 group");
        QVERIFY2(!cart.addLine(1, {3}, {}), "an unavailable option");
        QVERIFY2(!cart.addLine(1, {1, 99}, {}), "an option of no group of the item");
        QVERIFY2(!cart.addLine(2, {1, 4}, {}), "공기밥 is not one of 김치찌개's groups");
        QVERIFY2(!cart.addLine(1, {1}, QString(141, u'x')), "a note over 140 characters");
        QVERIFY(cart.addLine(1, {1}, QString(140, u'x')));
        QCOMPARE(cart.rowCount(), 5);
        QCOMPARE(cart.quantityOf(1), 5);
        QCOMPARE(cart.index(0).data(CartModel::QuantityRole).toInt(), 2);
        QCOMPARE(cart.index(0).data(CartModel::OptionsTextRole).toString(), u"순한맛 · 공기밥 추가\u00A0+₩1,000"_s);
        QCOMPARE(cart.index(0).data(CartModel::LineTotalTextRole).toString(), u"₩12,000"_s);
        QCOMPARE(cart.index(2).data(CartModel::LineNoteRole).toString(), u"파 빼주세요"_s);
        QCOMPARE(cart.total(), 12000 + 5000 + 5000 + 18000 + 5000);
        QCOMPARE(QJsonDocument(cart.orderItems()).toJson(QJsonDocument::Compact),
                 QByteArray(R"([{"menu_item_id":1,"options":[1,4],"quantity":2},)"
                            R"({"menu_item_id":1,"options":[2],"quantity":1},)"
                            R"({"menu_item_id":1,"note":"파 빼주세요","options":[2],"quantity":1},)"
                            R"({"menu_item_id":2,"options":[1],"quantity":2},)"
                            R"({"menu_item_id":1,"note":")") + QByteArray(140, 'x')
                     + QByteArray(R"(","options":[1],"quantity":1}])"));
        cart.decrementRow(1);
        QCOMPARE(cart.rowCount(), 4);
        QCOMPARE(cart.index(1).data(CartModel::LineNoteRole).toString(), u"파 빼주세요"_s);
    }

    void optionRunningOutLiveBlocksItsLinesAndTheSheet()
    {
        MenuModel menu;
        menu.setMenu(optionsMenu(), QUrl(u"http://edge"_s));
        CartModel cart(menu);
        LineDraft draft(menu, cart);
        QVERIFY(cart.addLine(1, {1}, {}));
        QVERIFY(cart.addLine(2, {1}, {})); // the shared 맵기 group
        QVERIFY(cart.addLine(2, {2}, {}));
        draft.start(2);
        QVERIFY(draft.toggle(1));
        QVERIFY(draft.canAdd());
        QVERIFY(cart.isOrderable());

        QSignalSpy changed(&cart, &CartModel::changed);
        QVERIFY(menu.updateOption(QJsonObject{{u"id"_s, 1}, {u"available"_s, false}}));
        QVERIFY(changed.size() >= 1);
        QVERIFY(!cart.isOrderable());
        QCOMPARE(cart.problemAt(0), CartModel::Problem::OptionUnavailable);
        QCOMPARE(cart.problemAt(1), CartModel::Problem::OptionUnavailable);
        QCOMPARE(cart.problemAt(2), CartModel::Problem::None);
        QVERIFY2(draft.selected().isEmpty(), "the sheet drops the option that ran out");
        QVERIFY(!draft.canAdd());
        const QVariantMap mild = draft.groups().at(0).toMap().value(u"options"_s).toList().at(0).toMap();
        QCOMPARE(mild.value(u"available"_s).toBool(), false);
        QVERIFY(!menu.updateOption(QJsonObject{{u"id"_s, 42}, {u"available"_s, false}}));
        menu.updateOption(QJsonObject{{u"id"_s, 1}, {u"available"_s, true}});
        QVERIFY(cart.isOrderable());
    }

    void stockHoursAllergensAndTags()
    {
        MenuModel menu;
        menu.setMenu(optionsMenu(), QUrl(u"http://edge"_s));
        CartModel cart(menu);
        QCOMPARE(menu.rowCount(), 4);
        const QModelIndex lunch = menu.index(2);
        QCOMPARE(lunch.data(MenuModel::AvailableNowRole).toBool(), false);
        QCOMPARE(lunch.data(MenuModel::OrderableRole).toBool(), false);
        QVERIFY2(lunch.data(MenuModel::NextAvailableTextRole).toString().endsWith(u" 11:00"_s),
                 qPrintable(lunch.data(MenuModel::NextAvailableTextRole).toString()));
        QVERIFY2(!cart.add(3), "not served at this hour");

        const QModelIndex special = menu.index(3);
        QCOMPARE(special.data(MenuModel::StockRole).toInt(), 3);
        QCOMPARE(special.data(MenuModel::LowStockRole).toBool(), true);
        QCOMPARE(special.data(MenuModel::TagsRole).toStringList(), (QStringList{u"new"_s, u"best"_s}));
        QCOMPARE(menu.index(1).data(MenuModel::StockRole).toInt(), -1);
        QVERIFY(cart.add(4));
        QVERIFY(cart.addLine(4, {}, u"반만"_s, 2));
        QVERIFY2(!cart.add(4), "only 3 left");
        // An order elsewhere took two: the stock event carries only the changed fields.
        QVERIFY(menu.updateItem(QJsonObject{{u"id"_s, 4}, {u"category_id"_s, 1}, {u"stock"_s, 0}, {u"available"_s, false}}));
        QCOMPARE(menu.index(3).data(MenuModel::AvailableRole).toBool(), false);
        QCOMPARE(menu.index(3).data(MenuModel::TagsRole).toStringList(), (QStringList{u"new"_s, u"best"_s}));
        QCOMPARE(cart.problemAt(0), CartModel::Problem::SoldOut);
        QVERIFY(!cart.isOrderable());

        // The allergen filter hides every item that contains a chosen allergen.
        menu.setHiddenAllergens({u"soybean"_s});
        QCOMPARE(menu.rowCount(), 2);
        QCOMPARE(menu.hiddenCount(), 2);
        menu.toggleHiddenAllergen(u"soybean"_s);
        menu.toggleHiddenAllergen(u"pork"_s);
        QCOMPARE(menu.rowCount(), 3);
        QCOMPARE(menu.index(0).data(MenuModel::NameRole).toString(), u"라면"_s);
        QCOMPARE(menu.index(0).data(MenuModel::AllergensRole).toStringList(), (QStringList{u"wheat"_s, u"soybean"_s}));
    }

    void languageSwitchesNamesWithKoreanFallback()
    {
        MenuModel menu;
        menu.setMenu(optionsMenu(), QUrl(u"http://edge"_s));
        CartModel cart(menu);
        LineDraft draft(menu, cart);
        QVERIFY(cart.addLine(1, {1, 5}, {}));
        draft.start(1);
        QSignalSpy rows(&menu, &MenuModel::dataChanged);
        QSignalSpy resets(&menu, &MenuModel::modelReset);
        menu.setLanguage(u"en"_s);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(resets.size(), 0); // the grid keeps its place
        QCOMPARE(menu.index(0).data(MenuModel::NameRole).toString(), u"Ramyeon"_s);
        QCOMPARE(menu.index(0).data(MenuModel::DescriptionRole).toString(), u"Instant noodles, Korean style"_s);
        QCOMPARE(menu.index(0).data(MenuModel::CategoryNameRole).toString(), u"Meals"_s);
        QCOMPARE(menu.index(1).data(MenuModel::NameRole).toString(), u"김치찌개"_s); // no English: Korean
        QCOMPARE(cart.index(0).data(CartModel::NameRole).toString(), u"Ramyeon"_s);
        QCOMPARE(cart.index(0).data(CartModel::OptionsTextRole).toString(), u"Mild · 곱빼기\u00A0+₩2,000"_s);
        QCOMPARE(draft.name(), u"Ramyeon"_s);
        QCOMPARE(draft.groups().at(0).toMap().value(u"name"_s).toString(), u"Spiciness"_s);
        QCOMPARE(draft.groups().at(1).toMap().value(u"name"_s).toString(), u"추가"_s);
        menu.setLanguage(u"ja"_s);
        QCOMPARE(menu.index(0).data(MenuModel::NameRole).toString(), u"ラーメン"_s);
        QCOMPARE(menu.index(0).data(MenuModel::DescriptionRole).toString(), u""_s); // Korean description: empty
        QCOMPARE(cart.index(0).data(CartModel::OptionsTextRole).toString(), u"マイルド · 곱빼기\u00A0+₩2,000"_s);
        menu.setLanguage(u"zh"_s);
        QCOMPARE(menu.index(0).data(MenuModel::NameRole).toString(), u"拉面"_s);
        QCOMPARE(menu.index(0).data(MenuModel::CategoryNameRole).toString(), u"식사"_s);
        menu.setLanguage(u"ko"_s);
        QCOMPARE(menu.index(0).data(MenuModel::NameRole).toString(), u"라면"_s);
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
