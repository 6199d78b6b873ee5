// Saves a PNG of each main screen into docs/screenshots/ (README shows them): the tablet's
// menu in landscape and portrait (and its language chooser), its cart, its orders and its retrying state, an item's
// option sheet, a cart with options and notes, the menu in English, Chinese and Japanese;
// the kitchen board at 1920x1080 and 1280x800 and a ticket with options; the manager's tables. The store is the edge's demo with
// a realistic evening's orders; some are back-dated in the database so tickets show as late.
#include "eventstream.h"
#include "faultproxy.h"
#include "kitchenapp.h"
#include "boardcontroller.h"
#include "kitchencontroller.h"
#include "orderlistmodel.h"
#include "ordersubmitter.h"
#include "tabletapp.h"
#include "tabletcontroller.h"
#include "billcontroller.h"
#include "callcontroller.h"
#include "cartmodel.h"
#include "testsupport.h"
#include "uidriver.h"
#include "uisetup.h"

#include <QDateTime>
#include <QDir>
#include <QGuiApplication>
#include <QJSValue>
#include <QJsonArray>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

class TestScreenshots : public QObject
{
    Q_OBJECT

    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_manager;
    QTemporaryDir m_dir;
    const QString m_out = QStringLiteral(TABLEORDER_SCREENSHOT_DIR);
    qint64 m_optionsTicket = 0;

    qint64 order(int table, const QList<std::pair<qint64, int>> &lines, const QString &note = {})
    {
        const QString token = m_http.tableLogin(table);
        return m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines, note), token)
                .json().value(u"id"_s).toInteger();
    }
    void setStatus(qint64 id, const QString &status)
    {
        m_http.patch(u"/api/v1/orders/%1"_s.arg(id), {{u"status"_s, status}}, m_manager);
    }
    /// Moves an order's creation time back, as if it had come in `minutes` ago.
    void backdate(qint64 id, int minutes)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"backdate"_s);
        db.setDatabaseName(m_edge.databasePath());
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            q.prepare(u"UPDATE orders SET created_at = ?, updated_at = ? WHERE id = ?"_s);
            const QString at = QDateTime::currentDateTimeUtc().addSecs(-60 * minutes).toString(Qt::ISODateWithMs);
            q.addBindValue(at);
            q.addBindValue(at);
            q.addBindValue(id);
            QVERIFY(q.exec());
            // The table's visit began no later than its first order.
            QSqlQuery session(db);
            session.prepare(u"UPDATE table_sessions SET opened_at = ? WHERE opened_at > ? AND id = "
                            "(SELECT session_id FROM orders WHERE id = ?)"_s);
            session.addBindValue(at);
            session.addBindValue(at);
            session.addBindValue(id);
            QVERIFY(session.exec());
        }
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(u"backdate"_s);
    }

    /// From the edge's menu: the first dish that has a single-choice group and a
    /// several-choice group; a choice of the first, a priced extra and a removal ("빼")
    /// of the second, where there are.
    struct OptionDish
    {
        QJsonObject dish;
        qint64 required = 0;
        qint64 extra = 0;
        qint64 removal = 0;
    };
    OptionDish optionDish()
    {
        for (const QJsonObject &item : menuItems(m_http.get(u"/api/v1/menu"_s, m_manager).json())) {
            OptionDish out{item, 0, 0, 0};
            for (const QJsonValue &gv : item.value(u"option_groups"_s).toArray()) {
                const QJsonObject g = gv.toObject();
                for (const QJsonValue &ov : g.value(u"options"_s).toArray()) {
                    const QJsonObject o = ov.toObject();
                    const qint64 id = o.value(u"id"_s).toInteger();
                    const QString name = o.value(u"name"_s).toString();
                    if (g.value(u"max_select"_s).toInt() == 1 && !out.required)
                        out.required = id;
                    if (g.value(u"max_select"_s).toInt() > 1 && !out.extra && o.value(u"price_delta"_s).toInteger() > 0)
                        out.extra = id;
                    if (g.value(u"max_select"_s).toInt() > 1 && !out.removal && name.contains(u"빼"_s)
                        && !name.contains(u"곱빼기"_s))
                        out.removal = id;
                }
            }
            if (out.required && out.extra && item.value(u"available"_s).toBool() && item.value(u"available_now"_s).toBool())
                return out;
        }
        return {};
    }
    /// The evening's menu work: 맵기 becomes a required choice, and the dish gets a group of
    /// free "no …" requests.
    void setUpOptions()
    {
        OptionDish od = optionDish();
        QVERIFY2(od.required && od.extra, "the demo menu has a dish with a single- and a several-choice group");
        QJsonArray groupIds;
        for (const QJsonValue &gv : od.dish.value(u"option_groups"_s).toArray()) {
            QJsonObject g = gv.toObject();
            groupIds.append(g.value(u"id"_s));
            if (g.value(u"max_select"_s).toInt() != 1)
                continue;
            g.insert(u"min_select"_s, 1);
            const qint64 id = g.take(u"id"_s).toInteger();
            VERIFY_STATUS(m_http.put(u"/api/v1/menu/option-groups/%1"_s.arg(id), g, m_manager), 200);
        }
        auto option = [](const QString &ko, const QString &en, const QString &zh, const QString &ja) {
            return QJsonObject{{u"name"_s, ko}, {u"price_delta"_s, 0},
                               {u"translations"_s, QJsonObject{{u"en"_s, QJsonObject{{u"name"_s, en}}},
                                                               {u"zh"_s, QJsonObject{{u"name"_s, zh}}},
                                                               {u"ja"_s, QJsonObject{{u"name"_s, ja}}}}}};
        };
        const HttpResult requests = m_http.post(u"/api/v1/menu/option-groups"_s,
            QJsonObject{{u"name"_s, u"요청"_s}, {u"min_select"_s, 0}, {u"max_select"_s, 2},
                        {u"translations"_s, QJsonObject{{u"en"_s, QJsonObject{{u"name"_s, u"Requests"_s}}},
                                                        {u"zh"_s, QJsonObject{{u"name"_s, u"要求"_s}}},
                                                        {u"ja"_s, QJsonObject{{u"name"_s, u"ご要望"_s}}}}},
                        {u"options"_s, QJsonArray{option(u"파 빼기"_s, u"No green onion"_s, u"不要葱"_s, u"ねぎ抜き"_s),
                                                  option(u"두부 빼기"_s, u"No tofu"_s, u"不要豆腐"_s, u"豆腐抜き"_s)}}},
            m_manager);
        QCOMPARE(requests.status, 201);
        groupIds.append(requests.json().value(u"id"_s));
        VERIFY_STATUS(m_http.put(u"/api/v1/menu/items/%1"_s.arg(od.dish.value(u"id"_s).toInteger()),
                                 {{u"option_group_ids"_s, groupIds}}, m_manager), 200);
    }
    qint64 orderWithOptions(int table, const QJsonArray &lines, const QString &note = {})
    {
        QJsonObject body{{u"client_order_id"_s, newClientOrderId()}, {u"items"_s, lines}};
        if (!note.isEmpty())
            body.insert(u"note"_s, note);
        return m_http.post(u"/api/v1/orders"_s, body, m_http.tableLogin(table)).json().value(u"id"_s).toInteger();
    }

    ui::AppOptions options(const QString &name, int width, int height, quint16 port)
    {
        ui::AppOptions o;
        o.edgeUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        o.settingsFile = m_dir.filePath(name + u".ini"_s);
        o.windowed = true;
        o.width = width;
        o.height = height;
        o.mute = true;
        o.language = u"ko"_s;
        return o;
    }

    void settle(int ms = 1500)
    {
        // Pictures arrive over HTTP asynchronously; animations finish.
        QTest::qWait(ms);
    }

    void shoot(UiDriver &ui, const QString &name)
    {
        const QString path = QDir(m_out).filePath(name + u".png"_s);
        QVERIFY2(ui.save(path), qPrintable(path));
        qInfo("saved %s", qPrintable(path));
    }

    std::unique_ptr<tablet::TabletApp> tabletAt(const QString &name, int table, int width, int height, quint16 port)
    {
        auto app = std::make_unique<tablet::TabletApp>(options(name, width, height, port));
        if (!app->show())
            return nullptr;
        app->controller().setup({}, table, u"0000"_s);
        if (!QTest::qWaitFor([&] { return app->controller().menuReady() && app->controller().online(); }, 10000))
            return nullptr;
        return app;
    }

private slots:
    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
        m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
        QDir().mkpath(m_out);

        // An evening in the demo store.
        VERIFY_STATUS(m_http.patch(u"/api/v1/menu/items/6/availability"_s, {{u"available"_s, false}}, m_manager), 200);
        const qint64 a = order(2, {{5, 2}, {14, 1}, {25, 2}}, u"파전은 바삭하게"_s);
        const qint64 b = order(5, {{1, 2}, {22, 1}}, u"덜 맵게 해주세요"_s);
        const qint64 c = order(8, {{17, 1}, {11, 2}});
        const qint64 d = order(3, {{9, 2}, {21, 2}});
        const qint64 e = order(11, {{3, 1}, {28, 1}});
        const qint64 f = order(6, {{19, 1}, {24, 1}, {26, 1}});
        const qint64 g = order(1, {{8, 1}});
        const qint64 h = order(9, {{2, 1}, {4, 1}});

        setStatus(a, u"preparing"_s);
        setStatus(b, u"preparing"_s);
        setStatus(g, u"preparing"_s);
        setStatus(g, u"completed"_s);
        backdate(a, 17);
        backdate(b, 11);
        backdate(c, 12);
        backdate(d, 6);
        backdate(e, 3);
        Q_UNUSED(f);
        Q_UNUSED(h);
    }

    void tabletScreens()
    {
        auto app = tabletAt(u"tablet-landscape"_s, 4, 1280, 800, m_edge.port());
        QVERIFY(app);
        UiDriver ui(app->window());
        auto &tablet = app->controller();
        tablet.cart()->add(1);
        tablet.cart()->add(1);
        tablet.cart()->add(3);
        tablet.cart()->add(22);
        settle();
        shoot(ui, u"tablet-menu-landscape"_s);
        // Emptied by mistake: the cart offers itself back.
        QVERIFY(ui.tap(u"clearCartButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"restoreCartButton"_s), 3000);
        settle(400);
        shoot(ui, u"tablet-cart-emptied"_s);
        QVERIFY(ui.tap(u"restoreCartButton"_s));
        QCOMPARE(tablet.cart()->totalQuantity(), 4);

        QVERIFY(ui.tap(u"cartOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"confirmOrderButton"_s), 3000);
        tablet.cart()->setNote(u"아이 먹을 거라 덜 맵게 해주세요"_s);
        settle(800);
        shoot(ui, u"tablet-cart"_s);

        QVERIFY(ui.tap(u"confirmOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"orderAcceptedTitle"_s), 5000);
        settle(600);
        shoot(ui, u"tablet-order-received"_s); // no kitchen screen here: "received", not "confirmed"
        const qint64 first = tablet.submitter()->order().value(u"id"_s).toInteger();
        VERIFY_STATUS(m_http.post(u"/api/v1/orders/%1/ack"_s.arg(first), {}, m_manager), 200);
        QTRY_VERIFY_WITH_TIMEOUT(tablet.kitchenConfirmed(), 3000);
        settle(400);
        shoot(ui, u"tablet-order-confirmed"_s);
        QVERIFY(ui.tap(u"orderDoneButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!ui.find(u"orderDoneButton"_s), 3000);

        // A second round; the kitchen has started the first.
        setStatus(first, u"preparing"_s);
        tablet.cart()->add(25);
        tablet.cart()->add(25);
        tablet.cart()->add(14);
        QVERIFY(tablet.placeOrder());
        QTRY_VERIFY_WITH_TIMEOUT(tablet.orders()->rowCount() == 2, 5000);
        QVERIFY(ui.tap(u"ordersButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"ordersCloseButton"_s), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!ui.find(u"toast"_s), 6000); // the second order's toast has gone
        settle(400);
        shoot(ui, u"tablet-orders"_s);
    }

    /// 직원 호출 and the bill, at table 4 (the two rounds ordered above): the chooser, the call
    /// acknowledged ("직원이 오고 있어요"), and the guests' bill with its origins, a line the
    /// manager voided, a discount, a card payment and a split in three.
    void tabletCallsAndBill()
    {
        auto app = tabletAt(u"tablet-calls"_s, 4, 1280, 800, m_edge.port());
        QVERIFY(app);
        UiDriver ui(app->window());
        auto &tablet = app->controller();
        QTRY_VERIFY_WITH_TIMEOUT(tablet.orders()->rowCount() == 2, 5000);
        // A call made earlier, already on its way.
        VERIFY_STATUS(m_http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"cutlery"_s}}, m_http.tableLogin(4)), 201);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"callStatus-cutlery"_s), 3000);
        QVERIFY(ui.tap(u"callButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"callReason-water"_s), 3000);
        settle(600);
        shoot(ui, u"tablet-call-chooser"_s);
        QVERIFY(ui.tap(u"callReason-water"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"callStatus-water"_s), 3000);
        for (const QJsonValue &c : m_http.get(u"/api/v1/calls"_s, m_manager).json().value(u"calls"_s).toArray()) {
            if (c.toObject().value(u"table_number"_s).toInt() == 4 && c.toObject().value(u"reason"_s).toString() == u"water"_s)
                VERIFY_STATUS(m_http.post(u"/api/v1/calls/%1/ack"_s.arg(c.toObject().value(u"id"_s).toInteger()), {}, m_manager), 200);
        }
        QTRY_COMPARE_WITH_TIMEOUT(ui.text(u"callStatus-water"_s), u"물: 직원이 오고 있어요"_s, 3000);
        settle(600);
        shoot(ui, u"tablet-call-coming"_s);

        // The manager corrects the bill: a line voided, 10 % off for the wait, a card payment.
        const QString token = m_http.tableLogin(4);
        const QJsonObject bill = m_http.get(u"/api/v1/bill"_s, token).json();
        const qint64 tableId = bill.value(u"table_id"_s).toInteger();
        const QJsonObject last = bill.value(u"lines"_s).toArray().last().toObject();
        VERIFY_STATUS(m_http.post(u"/api/v1/orders/%1/void"_s.arg(last.value(u"order_id"_s).toInteger()),
                                  {{u"line_ids"_s, QJsonArray{last.value(u"line_id"_s)}}, {u"reason"_s, u"주문 실수"_s}},
                                  m_manager), 200);
        VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/discounts"_s.arg(tableId),
                                  {{u"kind"_s, u"percent"_s}, {u"value"_s, 10}, {u"reason"_s, u"오래 기다리셨어요"_s}},
                                  m_manager), 201);
        VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/payments"_s.arg(tableId),
                                  {{u"client_payment_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {u"method"_s, u"card"_s}, {u"amount"_s, 20000}}, m_manager), 201);
        QVERIFY(ui.tap(u"ordersButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"billButton"_s), 3000);
        QVERIFY(ui.tap(u"billButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"splitMore"_s), 3000);
        QVERIFY(ui.tap(u"splitMore"_s));
        QVERIFY(ui.tap(u"splitMore"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"splitShare-2"_s), 3000);
        // Scrolled down to the voided line, the discount and the payment.
        QQuickItem *list = ui.find(u"billLines"_s);
        QVERIFY(list);
        QVERIFY(QMetaObject::invokeMethod(list, "positionViewAtEnd"));
        settle(800);
        shoot(ui, u"tablet-bill-split"_s);

        // By items: each line given to one of three guests (the picker open on the first),
        // then each one's amount as the edge shares it out.
        QVERIFY(ui.tap(u"splitModeItems"_s));
        QList<qint64> standing;
        for (const QJsonValue &l : m_http.get(u"/api/v1/bill"_s, token).json().value(u"lines"_s).toArray())
            if (!l.toObject().contains(u"void"_s))
                standing.append(l.toObject().value(u"line_id"_s).toInteger());
        QVERIFY(standing.size() >= 2);
        QVERIFY(QMetaObject::invokeMethod(list, "positionViewAtBeginning"));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"whoButton-%1"_s.arg(standing.first())), 3000);
        settle(300);
        QVERIFY(ui.tap(u"whoButton-%1"_s.arg(standing.first())));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"personChoice-3"_s), 3000);
        settle(600);
        shoot(ui, u"tablet-bill-split-picker"_s);
        QVERIFY(ui.tap(u"personChoice-1"_s));
        for (qsizetype i = 1; i < standing.size(); ++i)
            tablet.billing()->assign(standing.at(i), int(i % 3) + 1);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"itemShare-1"_s), 3000);
        settle(800);
        shoot(ui, u"tablet-bill-split-items"_s);
        QVERIFY(ui.tap(u"billCloseButton"_s));
    }

    /// Issue 16: the tablet's "order from your phone" QR (the visit's code).
    void tabletPhoneQr()
    {
        auto app = tabletAt(u"tablet-phone"_s, 6, 1280, 800, m_edge.port());
        QVERIFY(app);
        UiDriver ui(app->window());
        QVERIFY(ui.tap(u"phoneButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"phoneQr"_s) && !ui.find(u"phoneQr"_s)->property("text").toString().isEmpty(), 5000);
        settle(600);
        shoot(ui, u"tablet-phone-qr"_s);
    }

    void tabletPortrait()
    {
        auto app = tabletAt(u"tablet-portrait"_s, 10, 800, 1280, m_edge.port());
        QVERIFY(app);
        UiDriver ui(app->window());
        app->controller().selectCategory(3);
        app->controller().cart()->add(14);
        app->controller().cart()->add(17);
        settle();
        // The store's name is shown whole, however narrow the header, and readable: the
        // languages fold into one button, so the name keeps most of its size in two lines.
        QQuickItem *name = ui.find(u"storeName"_s);
        QVERIFY(name);
        QVERIFY(!name->property("text").toString().isEmpty());
        QVERIFY2(!name->property("truncated").toBool(), qPrintable(name->property("text").toString()));
        QVERIFY2(name->property("lineCount").toInt() <= 2, qPrintable(QString::number(name->property("lineCount").toInt())));
        const int namePixels = name->property("fontInfo").value<QJSValue>().property(u"pixelSize"_s).toInt();
        QVERIFY2(namePixels >= 20, qPrintable(QString::number(namePixels)));
        QVERIFY(ui.find(u"languageButton"_s));
        QVERIFY2(!ui.find(u"language-en"_s), "the four languages are behind the one button");
        QCOMPARE(ui.find(u"languageButton"_s)->property("text").toString(), u"한국어"_s);
        shoot(ui, u"tablet-menu-portrait"_s);

        // The button opens a small chooser; a choice switches and closes it.
        QVERIFY(ui.tap(u"languageButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"language-ja"_s), 2000);
        settle(400);
        shoot(ui, u"tablet-language-chooser-portrait"_s);
        QVERIFY(ui.tap(u"language-ja"_s));
        QTRY_COMPARE_WITH_TIMEOUT(app->controller().language(), u"ja"_s, 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!ui.find(u"language-ja"_s), 2000);
        QCOMPARE(ui.find(u"languageButton"_s)->property("text").toString(), u"日本語"_s);
        QVERIFY(ui.tap(u"languageButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"language-ko"_s), 2000);
        QVERIFY(ui.tap(u"language-ko"_s));
        QTRY_COMPARE_WITH_TIMEOUT(app->controller().language(), u"ko"_s, 1000);
    }

    void tabletRetrying()
    {
        FaultProxy proxy(m_edge.port());
        auto app = tabletAt(u"tablet-retrying"_s, 12, 1280, 800, proxy.port());
        QVERIFY(app);
        UiDriver ui(app->window());
        auto &tablet = app->controller();
        tablet.submitter()->setBackoff({4000, 4000, 1.0, 0.0});
        tablet.stream()->setBackoff({4000, 4000, 1.0, 0.0}); // the one countdown both show
        tablet.selectCategory(2);
        tablet.cart()->add(9);
        tablet.cart()->add(12);
        settle();
        proxy.setRefusing(true);
        proxy.cutAll();
        QVERIFY(ui.tap(u"cartOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"confirmOrderButton"_s), 3000);
        QVERIFY(ui.tap(u"confirmOrderButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(tablet.submitter()->state(), client::OrderSubmitter::State::Retrying, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"offlineBanner"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(tablet.retryInSeconds() >= 2, 8000);
        shoot(ui, u"tablet-retrying"_s);
        proxy.setRefusing(false);
        QTRY_COMPARE_WITH_TIMEOUT(tablet.submitter()->state(), client::OrderSubmitter::State::Accepted, 15000);
    }

    void tabletOptionsAndLanguages()
    {
        setUpOptions();
        const OptionDish od = optionDish();
        QVERIFY(od.required && od.removal);
        // A ticket with options and notes on each line.
        QJsonArray chosen{od.required};
        if (od.extra)
            chosen.append(od.extra);
        QJsonArray lines{QJsonObject{{u"menu_item_id"_s, od.dish.value(u"id"_s)}, {u"quantity"_s, 2},
                                     {u"options"_s, chosen}, {u"note"_s, u"하나는 덜 맵게"_s}}};
        lines.append(QJsonObject{{u"menu_item_id"_s, od.dish.value(u"id"_s)}, {u"quantity"_s, 1},
                                 {u"options"_s, QJsonArray{od.required, od.removal}}});
        m_optionsTicket = orderWithOptions(6, lines, u"수저 하나 더 주세요"_s);
        QVERIFY(m_optionsTicket > 0);
        backdate(m_optionsTicket, 14);
        const qint64 dishId = od.dish.value(u"id"_s).toInteger();
        auto app = tabletAt(u"tablet-options"_s, 8, 1280, 800, m_edge.port());
        QVERIFY(app);
        UiDriver ui(app->window());
        auto &tablet = app->controller();
        tablet.selectCategory(od.dish.value(u"category_id"_s).toInteger());
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"addItem-%1"_s.arg(dishId)), 3000);
        QVERIFY(ui.tap(u"addItem-%1"_s.arg(dishId)));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"optionAddButton"_s), 3000);
        QVERIFY(ui.scrollAndTap(u"option-%1"_s.arg(od.required)));
        QVERIFY(ui.scrollAndTap(u"option-%1"_s.arg(od.extra)));
        QVERIFY(ui.scrollAndTap(u"option-%1"_s.arg(od.removal)));
        QVERIFY(ui.type(u"lineNote"_s, u"계란은 완숙으로 해주세요"_s));
        ui.find(u"optionSheetBody"_s)->setProperty("contentY", 0);
        settle(800);
        shoot(ui, u"tablet-option-sheet"_s);
        QVERIFY(ui.tap(u"optionAddButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!ui.find(u"optionAddButton"_s), 3000);
        QList<qint64> plain{od.required};
        if (od.removal)
            plain.append(od.removal);
        QVERIFY(tablet.cart()->addLine(dishId, plain, {}, 2));
        tablet.cart()->add(3);
        settle();
        for (const QString &language : {u"en"_s, u"zh"_s, u"ja"_s}) {
            QVERIFY(ui.tap(u"language-"_s + language));
            settle(800);
            shoot(ui, u"tablet-menu-"_s + language);
        }
        QVERIFY(ui.tap(u"language-ko"_s));
    }

    void tabletCartWithOptions()
    {
        const OptionDish od = optionDish();
        auto app = tabletAt(u"tablet-cart-options"_s, 3, 800, 1280, m_edge.port());
        QVERIFY(app);
        UiDriver ui(app->window());
        auto &tablet = app->controller();
        const qint64 dishId = od.dish.value(u"id"_s).toInteger();
        QList<qint64> first{od.required};
        if (od.extra)
            first.append(od.extra);
        QVERIFY(tablet.cart()->addLine(dishId, first, u"계란은 완숙으로 해주세요"_s));
        QList<qint64> second{od.required};
        if (od.removal)
            second.append(od.removal);
        QVERIFY(tablet.cart()->addLine(dishId, second, {}, 2));
        QVERIFY(tablet.cart()->addLine(dishId, {od.required}, u"아이 것: 맵지 않게"_s));
        tablet.cart()->add(3);
        QVERIFY(ui.tap(u"cartOpenButton"_s));
        settle(1200);
        shoot(ui, u"tablet-cart-options"_s);
    }

    void kitchenTicketWithOptions()
    {
        kitchen::KitchenApp app(options(u"kitchen-options"_s, 1280, 800, m_edge.port()));
        QVERIFY(app.show());
        UiDriver ui(app.window());
        app.controller().login({}, u"kitchen"_s, u"kitchen"_s);
        const QString name = u"ticket-%1"_s.arg(m_optionsTicket);
        // The board pages its tickets: to the page that has this one.
        QTRY_VERIFY_WITH_TIMEOUT(ui.findAny(name) && ui.find(u"board"_s), 5000);
        settle(300);
        QVERIFY(ui.find(u"board"_s)->setProperty("page", ui.findAny(name)->property("page")));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(name), 5000);
        settle(1200);
        // The ticket alone, as the cook reads it.
        QQuickItem *ticket = ui.find(name);
        const QRectF rect = ticket->mapRectToScene(QRectF(0, 0, ticket->width(), ticket->height())).adjusted(-8, -8, 8, 8);
        const QImage whole = app.window()->grabWindow();
        const QString path = QDir(m_out).filePath(u"kitchen-ticket-options.png"_s);
        QVERIFY(whole.copy(rect.toAlignedRect()).save(path));
        qInfo("saved %s", qPrintable(path));
    }

    void kitchenBoard_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("name");
        QTest::newRow("1920x1080") << 1920 << 1080 << u"kitchen-board"_s;
        QTest::newRow("1280x800") << 1280 << 800 << u"kitchen-board-1280"_s;
    }
    void kitchenBoard()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, name);
        kitchen::KitchenApp app(options(name, width, height, m_edge.port()));
        QVERIFY(app.show());
        UiDriver ui(app.window());
        app.controller().login({}, u"kitchen"_s, u"kitchen"_s);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"board"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(app.controller().board()->newTickets()->rowCount() > 0, 5000);
        // A ticket that just came in, and one that was just finished on this screen.
        const qint64 fresh = order(7, {{14, 1}, {23, 2}}); // 라면 now needs its 맵기 (setUpOptions)
        QTRY_VERIFY_WITH_TIMEOUT(app.controller().board()->newTickets()->contains(fresh), 2000);
        const qint64 done = app.controller().board()->preparingTickets()->orders().last().value(u"id"_s).toInteger();
        app.controller().board()->setUndoWindowMs(60'000);
        app.controller().board()->advance(done);
        settle(1800);
        shoot(ui, name);
        app.controller().board()->undo();
    }

    void managerTables()
    {
        kitchen::KitchenApp app(options(u"manager"_s, 1920, 1080, m_edge.port()));
        QVERIFY(app.show());
        UiDriver ui(app.window());
        app.controller().login({}, u"manager"_s, u"manager"_s);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"page-tables"_s), 5000);
        QVERIFY(ui.tap(u"page-tables"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"table-5"_s), 5000);
        QVERIFY(ui.tap(u"table-5"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.controller().tableOrders()->rowCount() > 0, 5000);
        settle(1000);
        shoot(ui, u"manager-tables"_s);

        QVERIFY(ui.tap(u"page-menu"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"menuPage"_s), 3000);
        settle(1500);
        shoot(ui, u"manager-menu"_s);
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    tableorder::ui::setupApplication(app);
    TestScreenshots test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_screenshots.moc"
