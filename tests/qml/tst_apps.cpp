// Both apps, headless, against a real edge: a guest orders on the tablet by tapping the
// QML, the ticket shows on the kitchen display within a second, the cook advances it there
// and the tablet shows the new status; undo, sold-out, the offline banner, a lost response
// that must not double the order, the manager closing the table; orders the edge refuses
// (stock, sold out, hours, a choice) explained in the guests' language with the cart kept; an
// hours boundary passing while the menu is shown; a receipt learnt from a reconnect's snapshot.
#include "alldaymodel.h"
#include "billcontroller.h"
#include "billmodel.h"
#include "callcontroller.h"
#include "cartmodel.h"
#include "clientsettings.h"
#include "edgeapi.h"
#include "eventstream.h"
#include "faultproxy.h"
#include "kitchenapp.h"
#include "boardcontroller.h"
#include "kitchencontroller.h"
#include "menumodel.h"
#include "money.h"
#include "orderlistmodel.h"
#include "ordersubmitter.h"
#include "tabletapp.h"
#include "tabletcontroller.h"
#include "testsupport.h"
#include "uidriver.h"
#include "uisetup.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QFont>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

class TestApps : public QObject
{
    Q_OBJECT

    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_kitchenToken;
    std::unique_ptr<FaultProxy> m_proxy;
    QTemporaryDir m_dir;
    std::unique_ptr<tablet::TabletApp> m_tablet;
    std::unique_ptr<kitchen::KitchenApp> m_kitchen;
    std::unique_ptr<UiDriver> m_t;
    std::unique_ptr<UiDriver> m_k;

    [[nodiscard]] int ordersWith(const QString &clientOrderId)
    {
        int n = 0;
        for (const QJsonValue &o : m_http.get(u"/api/v1/orders?limit=1000"_s, m_kitchenToken).json().value(u"orders"_s).toArray())
            n += o.toObject().value(u"client_order_id"_s).toString() == clientOrderId ? 1 : 0;
        return n;
    }

    [[nodiscard]] QString edgeStatus(qint64 id)
    {
        return m_http.get(u"/api/v1/orders/%1"_s.arg(id), m_kitchenToken).json().value(u"status"_s).toString();
    }

    /// Taps the add buttons of these items on the tablet, then the order buttons; returns the
    /// new order's id (0 on failure).
    qint64 orderOnTablet(const QList<int> &itemIds)
    {
        // QTRY_*/QVERIFY return void: this helper reports failure as id 0 instead.
        auto &controller = m_tablet->controller();
        for (int id : itemIds) {
            const QString name = u"addItem-%1"_s.arg(id);
            if (!QTest::qWaitFor([&] { return m_t->find(name) != nullptr; }, 5000) || !m_t->tap(name))
                return 0;
            // A dish with options opens its sheet; with nothing required, Add takes it as is.
            const client::MenuEntry *entry = controller.menu()->entry(id);
            if (entry && !entry->optionGroups.isEmpty()
                && (!QTest::qWaitFor([&] { return m_t->find(u"optionAddButton"_s) != nullptr; }, 3000)
                    || !m_t->tap(u"optionAddButton"_s)
                    || !QTest::qWaitFor([&] { return m_t->find(u"optionAddButton"_s) == nullptr; }, 3000)))
                return 0;
        }
        if (!QTest::qWaitFor([&] { return controller.cart()->totalQuantity() == itemIds.size(); }, 2000))
            return 0;
        if (!m_t->tap(u"cartOrderButton"_s)
            || !QTest::qWaitFor([&] { return m_t->find(u"confirmOrderButton"_s) != nullptr; }, 3000))
            return 0;
        QSignalSpy accepted(&controller, &tablet::TabletController::orderAccepted);
        m_t->tap(u"confirmOrderButton"_s);
        if (!QTest::qWaitFor([&] { return accepted.size() == 1; }, 15000))
            return 0;
        if (!QTest::qWaitFor([&] { return m_t->find(u"orderDoneButton"_s) != nullptr; }, 3000)
            || !m_t->tap(u"orderDoneButton"_s)
            || !QTest::qWaitFor([&] { return m_t->find(u"orderDoneButton"_s) == nullptr; }, 3000))
            return 0;
        return controller.submitter()->order().value(u"id"_s).toInteger();
    }

    /// The guest taps OK on "Order #N received"; the dialog is modal until then.
    void closeOrderDialog()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"orderDoneButton"_s), 3000);
        QVERIFY(m_t->tap(u"orderDoneButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"orderDoneButton"_s), 3000);
    }

private slots:
    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
        m_kitchenToken = m_http.staffLogin(u"manager"_s, u"manager"_s);
        m_proxy = std::make_unique<FaultProxy>(m_edge.port());

        ui::AppOptions tabletOptions;
        tabletOptions.edgeUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_proxy->port()));
        tabletOptions.settingsFile = m_dir.filePath(u"tablet.ini"_s);
        tabletOptions.windowed = true;
        tabletOptions.width = 1280;
        tabletOptions.height = 800;
        m_tablet = std::make_unique<tablet::TabletApp>(tabletOptions);
        QVERIFY(m_tablet->show());
        m_tablet->controller().stream()->setBackoff({100, 500, 2.0, 0.0});
        m_tablet->controller().submitter()->setBackoff({200, 500, 2.0, 0.0});
        m_t = std::make_unique<UiDriver>(m_tablet->window());

        ui::AppOptions kitchenOptions;
        kitchenOptions.edgeUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_edge.port()));
        kitchenOptions.settingsFile = m_dir.filePath(u"kitchen.ini"_s);
        kitchenOptions.windowed = true;
        kitchenOptions.width = 1920;
        kitchenOptions.height = 1080;
        kitchenOptions.mute = true;
        m_kitchen = std::make_unique<kitchen::KitchenApp>(kitchenOptions);
        QVERIFY(m_kitchen->show());
        m_kitchen->controller().board()->setUndoWindowMs(400);
        m_k = std::make_unique<UiDriver>(m_kitchen->window());
        QVERIFY(QTest::qWaitForWindowExposed(m_tablet->window()));
        QVERIFY(QTest::qWaitForWindowExposed(m_kitchen->window()));
    }

    void tabletFirstRunSetup()
    {
        QVERIFY(m_t->find(u"setupScreen"_s));
        QVERIFY(m_t->type(u"setupTable"_s, u"7"_s));
        QVERIFY(m_t->type(u"setupPassword"_s, u"wrong"_s));
        QVERIFY(m_t->tap(u"setupSubmit"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_tablet->controller().setupError().isEmpty(), 5000);
        QVERIFY(m_t->find(u"setupError"_s));

        QVERIFY(m_t->type(u"setupPassword"_s, u"0000"_s));
        QVERIFY(m_t->tap(u"setupSubmit"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"menuScreen"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_tablet->controller().menuReady(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_tablet->controller().online(), 5000);
        QCOMPARE(m_tablet->controller().tableNumber(), 7);
        QVERIFY(!m_tablet->controller().settings().token().isEmpty());
        QCOMPARE(m_tablet->controller().language(), u"ko"_s); // Korean unless chosen otherwise
    }

    void kitchenLogin()
    {
        QVERIFY(m_k->find(u"loginScreen"_s));
        QVERIFY(m_k->type(u"loginUser"_s, u"kitchen"_s));
        QVERIFY(m_k->type(u"loginPassword"_s, u"kitchen"_s));
        QVERIFY(m_k->tap(u"loginSubmit"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"board"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_kitchen->controller().online(), 5000);
    }

    void orderFlowsFromTabletToKitchenAndBack()
    {
        QElapsedTimer sinceTap;
        sinceTap.start();
        const qint64 id = orderOnTablet({1, 1, 2});
        QVERIFY(id > 0);
        // On the kitchen display within a second of the guest's tap.
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"ticket-%1"_s.arg(id)), 1000);
        const qint64 shownAfter = sinceTap.elapsed();
        qInfo("ticket on the kitchen display %lld ms after the guest tapped Place order", shownAfter);
        QVERIFY2(m_kitchen->controller().board()->newTickets()->contains(id), "in the New column");
        // Its delivery receipt reached the edge.
        QTRY_VERIFY_WITH_TIMEOUT(m_kitchen->controller().board()->acknowledged().contains(id), 1000);
        QTRY_COMPARE_WITH_TIMEOUT(m_http.post(u"/api/v1/orders/%1/ack"_s.arg(id), {}, m_kitchenToken)
                                          .json().value(u"first"_s).toBool(), false, 3000);
        // All day: 2 김치찌개 + 1 된장찌개 in progress.
        QVERIFY(m_kitchen->controller().board()->allDay()->rowCount() >= 2);

        // The guests look at their orders.
        QVERIFY(m_t->tap(u"ordersButton"_s));
        const QString pill = u"orderStatus-%1"_s.arg(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(pill), 3000);
        QCOMPARE(m_t->find(pill)->property("status").toString(), u"pending"_s);

        // One tap in the kitchen: preparing; the tablet follows.
        QVERIFY(m_k->tap(u"advance-%1"_s.arg(id)));
        QTRY_VERIFY_WITH_TIMEOUT(m_kitchen->controller().board()->preparingTickets()->contains(id), 500);
        QTRY_COMPARE_WITH_TIMEOUT(m_t->find(pill)->property("status").toString(), u"preparing"_s, 3000);
        QCOMPARE(edgeStatus(id), u"preparing"_s);

        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"advance-%1"_s.arg(id)), 2000);
        QVERIFY(m_k->tap(u"advance-%1"_s.arg(id)));
        QTRY_COMPARE_WITH_TIMEOUT(m_t->find(pill)->property("status").toString(), u"completed"_s, 3000);
        QVERIFY2(m_kitchen->controller().board()->doneTickets()->contains(id), "shown as done for a while");
        // Ready (completed) reached the tablet over its stream: the guests are told.
        QCOMPARE(m_t->text(pill), u"음식이 곧 나옵니다"_s);
        // A runner brings it and marks it served: the tablet follows.
        VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(id), {{u"status"_s, u"served"_s}}, m_kitchenToken), 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_t->find(pill)->property("status").toString(), u"served"_s, 3000);
        QCOMPARE(m_t->text(pill), u"서빙 완료"_s);
        QVERIFY(m_t->tap(u"ordersCloseButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"ordersCloseButton"_s), 3000);
    }

    void undoTakesBackAMistakenTap()
    {
        const qint64 id = orderOnTablet({3});
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"advance-%1"_s.arg(id)), 2000);
        m_kitchen->controller().board()->setUndoWindowMs(3000);
        QVERIFY(m_k->tap(u"advance-%1"_s.arg(id)));
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"undoButton"_s), 1000);
        QVERIFY(m_kitchen->controller().board()->preparingTickets()->contains(id));
        QVERIFY(m_k->tap(u"undoButton"_s));
        QVERIFY(m_kitchen->controller().board()->newTickets()->contains(id));
        QVERIFY(!m_kitchen->controller().board()->preparingTickets()->contains(id));
        QCOMPARE(m_kitchen->controller().board()->undoOrderId(), 0);

        // Nothing was sent, shown without waiting out the window: the screen sends its taps
        // in order, so once a later tap on another ticket has reached the edge, an undone tap
        // that had still been on its way would have reached it first.
        m_kitchen->controller().board()->setUndoWindowMs(400);
        const QString table = m_http.tableLogin(3);
        const HttpResult later = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{5, 1}}), table);
        QCOMPARE(later.status, 201);
        const qint64 laterId = later.json().value(u"id"_s).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"advance-%1"_s.arg(laterId)), 3000);
        QVERIFY(m_k->tap(u"advance-%1"_s.arg(laterId)));
        QTRY_COMPARE_WITH_TIMEOUT(edgeStatus(laterId), u"preparing"_s, 5000);
        QCOMPARE(edgeStatus(id), u"pending"_s);
        QVERIFY(m_kitchen->controller().board()->newTickets()->contains(id));
    }

    void guestNoteShowsLiterallyOnTheKitchenTicket()
    {
        // A guest's note that looks like HTML: bold markup and images that would be fetched
        // from the network if the ticket rendered it as rich text. One image points at a
        // listener of ours, so a fetch would show up as a connection.
        QTcpServer imageHost;
        QVERIFY(imageHost.listen(QHostAddress::LocalHost));
        const QString note = uR"(<b>bold</b> <img src="http://127.0.0.1:1/x.png"> <img src="http://127.0.0.1:%1/y.png">)"_s
                                 .arg(imageHost.serverPort());
        const QString table = m_http.tableLogin(3);
        QVERIFY(!table.isEmpty());
        const HttpResult placed = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{1, 1}}, note), table);
        QCOMPARE(placed.status, 201);
        const qint64 id = placed.json().value(u"id"_s).toInteger();

        const QString noteName = u"note-%1"_s.arg(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(noteName), 3000);
        QQuickItem *shown = m_k->find(noteName);
        QCOMPARE(shown->property("text").toString(), u"✎ "_s + note);
        QCOMPARE(shown->property("textFormat").toInt(), int(Qt::PlainText));
        QVERIFY(m_k->save(m_dir.filePath(u"note.png"_s))); // lays out and paints the ticket
        QTest::qWait(300);
        QVERIFY2(!imageHost.hasPendingConnections(), "the ticket fetched an image from the note");
    }

    void soldOutGreysOutTheItemLive()
    {
        QVERIFY(m_k->tap(u"page-menu"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"soldOutToggle-4"_s), 3000);
        QVERIFY(!m_t->find(u"soldOut-4"_s));
        QVERIFY(m_k->tap(u"soldOutToggle-4"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"soldOut-4"_s), 1500);
        QVERIFY(!m_t->find(u"addItem-4"_s)->isEnabled());
        QVERIFY(m_k->tap(u"soldOutToggle-4"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"soldOut-4"_s), 1500);
        QVERIFY(m_k->tap(u"page-board"_s));
    }

    void lostResponseDuringAnOrderMakesExactlyOneOrder()
    {
        auto &controller = m_tablet->controller();
        m_proxy->loseOrderResponses(1);
        QVERIFY(m_t->tap(u"addItem-5"_s));
        QVERIFY(m_t->tap(u"cartOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"confirmOrderButton"_s), 3000);
        QSignalSpy accepted(&controller, &tablet::TabletController::orderAccepted);
        QVERIFY(m_t->tap(u"confirmOrderButton"_s));
        const QString clientOrderId = controller.submitter()->pendingClientOrderId().toLower();
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->responsesLost(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 15000);
        closeOrderDialog();
        QCOMPARE(ordersWith(clientOrderId), 1);
        const qint64 id = controller.submitter()->order().value(u"id"_s).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(m_kitchen->controller().board()->newTickets()->contains(id), 2000);
        QCOMPARE(controller.orders()->rowCount(), 3);
    }

    void offlineBannerWhileTheEdgeIsUnreachable()
    {
        QVERIFY(!m_t->find(u"offlineBanner"_s));
        m_proxy->setRefusing(true);
        m_proxy->cutAll();
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"offlineBanner"_s), 3000);
        m_proxy->setRefusing(false);
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"offlineBanner"_s), 5000);
    }

    void optionSheetRequiredGroupBlocksAddingUntilChosen()
    {
        // The manager adds a required choice to a dish that has options already: a soup
        // base, one of two, one costing more.
        const HttpResult created = m_http.post(u"/api/v1/menu/option-groups"_s,
            QJsonObject{{u"name"_s, u"육수"_s}, {u"min_select"_s, 1}, {u"max_select"_s, 1},
                        {u"translations"_s, QJsonObject{{u"en"_s, QJsonObject{{u"name"_s, u"Broth"_s}}}}},
                        {u"options"_s, QJsonArray{QJsonObject{{u"name"_s, u"기본"_s}, {u"price_delta"_s, 0}},
                                                  QJsonObject{{u"name"_s, u"해물 육수"_s}, {u"price_delta"_s, 1500}}}}},
            m_kitchenToken);
        QCOMPARE(created.status, 201);
        const QJsonObject group = created.json();
        QJsonObject choice;
        for (const QJsonValue &o : group.value(u"options"_s).toArray())
            choice = o.toObject().value(u"price_delta"_s).toInteger() > 0 ? o.toObject() : choice;
        QVERIFY(!choice.isEmpty());
        QJsonObject dish;
        for (const QJsonObject &item : menuItems(m_http.get(u"/api/v1/menu"_s, m_kitchenToken).json())) {
            if (dish.isEmpty() && item.value(u"available"_s).toBool() && item.value(u"available_now"_s).toBool()
                && !item.value(u"option_groups"_s).toArray().isEmpty())
                dish = item;
        }
        QVERIFY2(!dish.isEmpty(), "the demo menu has a dish with options");
        QJsonArray groupIds;
        for (const QJsonValue &g : dish.value(u"option_groups"_s).toArray())
            groupIds.append(g.toObject().value(u"id"_s));
        groupIds.append(group.value(u"id"_s));
        VERIFY_STATUS(m_http.put(u"/api/v1/menu/items/%1"_s.arg(dish.value(u"id"_s).toInteger()),
                                 {{u"option_group_ids"_s, groupIds}}, m_kitchenToken), 200);
        const qint64 dishId = dish.value(u"id"_s).toInteger();
        const qint64 base = dish.value(u"price"_s).toInteger();
        const qint64 unit = std::max<qint64>(0, base + choice.value(u"price_delta"_s).toInteger());
        auto &controller = m_tablet->controller();
        auto won = [&](qint64 amount) { return controller.menu()->formatPrice(amount); };

        // menu.updated: the tablet reloads the menu with the new group.
        QTRY_COMPARE_WITH_TIMEOUT(controller.menu()->entry(dishId) ? controller.menu()->entry(dishId)->optionGroups.size() : 0,
                                  qsizetype(groupIds.size()), 3000);
        controller.selectCategory(dish.value(u"category_id"_s).toInteger());
        const QString add = u"addItem-%1"_s.arg(dishId);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(add), 3000);
        QVERIFY(m_t->tap(add));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"optionAddButton"_s), 3000);
        QVERIFY2(!m_t->find(u"optionAddButton"_s)->isEnabled(), "nothing chosen in a required group yet");
        QVERIFY(m_t->text(u"optionAddButton"_s).endsWith(won(base)));
        QVERIFY(m_t->find(u"optionMissing"_s));
        QVERIFY(m_t->text(u"optionMissing"_s).contains(group.value(u"name"_s).toString()));
        QCOMPARE(controller.cart()->rowCount(), 0);

        QVERIFY(m_t->scrollAndTap(u"option-%1"_s.arg(choice.value(u"id"_s).toInteger())));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"optionAddButton"_s)->isEnabled(), 1000);
        QVERIFY2(m_t->text(u"optionAddButton"_s).endsWith(won(unit)), qPrintable(m_t->text(u"optionAddButton"_s)));
        QVERIFY(!m_t->find(u"optionMissing"_s));
        QVERIFY(m_t->type(u"lineNote"_s, u"<b>덜 맵게</b>"_s));
        QVERIFY(m_t->tap(u"optionAddButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"optionAddButton"_s), 3000);
        QCOMPARE(controller.cart()->rowCount(), 1);
        QCOMPARE(controller.cart()->total(), unit);

        // Ordered as chosen: the edge prices the line with its option and keeps the note.
        QVERIFY(m_t->tap(u"cartOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"confirmOrderButton"_s), 3000);
        QSignalSpy accepted(&controller, &tablet::TabletController::orderAccepted);
        QVERIFY(m_t->tap(u"confirmOrderButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 15000);
        closeOrderDialog();
        const qint64 id = controller.submitter()->order().value(u"id"_s).toInteger();
        const QJsonObject line = m_http.get(u"/api/v1/orders/%1"_s.arg(id), m_kitchenToken).json()
                                         .value(u"items"_s).toArray().first().toObject();
        QCOMPARE(line.value(u"unit_price"_s).toInteger(), unit);
        QCOMPARE(line.value(u"note"_s).toString(), u"<b>덜 맵게</b>"_s);
        QCOMPARE(line.value(u"options"_s).toArray().first().toObject().value(u"id"_s).toInteger(),
                 choice.value(u"id"_s).toInteger());

        // The kitchen ticket shows the option and the line's note under the dish, as text.
        const QString shown = u"ticketOption-%1-%2"_s.arg(id).arg(choice.value(u"id"_s).toInteger());
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(shown), 3000);
        QVERIFY(m_k->text(shown).contains(choice.value(u"name"_s).toString()));
        QQuickItem *note = m_k->find(u"lineNote-%1-0"_s.arg(id));
        QVERIFY(note);
        QCOMPARE(note->property("text").toString(), u"✎ <b>덜 맵게</b>"_s);
        QCOMPARE(note->property("textFormat").toInt(), int(Qt::PlainText));
        QVERIFY(m_kitchen->controller().board()->allDay()->optionQuantityOf(dish.value(u"name"_s).toString(),
                                                                   choice.value(u"name"_s).toString()) >= 1);
    }

    void languagesAreOneTapAwayAndAskTheEdgeForNothing()
    {
        auto &controller = m_tablet->controller();
        // The first item as GET /menu has it: its English and Japanese names, or Korean when
        // the menu has no translation for it.
        const QJsonObject menu = m_http.get(u"/api/v1/menu"_s, m_kitchenToken).json();
        const QJsonObject first = menu.value(u"categories"_s).toArray().first().toObject()
                                          .value(u"items"_s).toArray().first().toObject();
        auto nameIn = [&](const QString &language) {
            const QString name = first.value(u"translations"_s).toObject().value(language).toObject()
                                         .value(u"name"_s).toString();
            return name.isEmpty() ? first.value(u"name"_s).toString() : name;
        };
        const qint64 firstId = first.value(u"id"_s).toInteger();
        controller.selectCategory(first.value(u"category_id"_s).toInteger());
        auto shownName = [&] {
            for (int row = 0; row < controller.menu()->rowCount(); ++row) {
                const QModelIndex i = controller.menu()->index(row);
                if (i.data(client::MenuModel::IdRole).toLongLong() == firstId)
                    return i.data(client::MenuModel::NameRole).toString();
            }
            return QString();
        };
        QCOMPARE(shownName(), nameIn(u"ko"_s));
        const QString korean = m_t->text(u"cartOrderButton"_s);
        const int requests = m_proxy->httpRequestsSeen();

        QVERIFY(m_t->tap(u"language-en"_s));
        QTRY_COMPARE_WITH_TIMEOUT(controller.language(), u"en"_s, 1000);
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"cartOrderButton"_s), u"Order"_s, 1000);
        QCOMPARE(shownName(), nameIn(u"en"_s));
        QVERIFY(m_t->tap(u"language-zh"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"cartOrderButton"_s), u"下单"_s, 1000);
        QCOMPARE(shownName(), nameIn(u"zh"_s));
        QVERIFY(m_t->tap(u"language-ja"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"cartOrderButton"_s), u"注文する"_s, 1000);
        QCOMPARE(shownName(), nameIn(u"ja"_s));
        QCOMPARE(controller.settings().language(), u"ja"_s); // kept for the next start
        QVERIFY(m_t->tap(u"language-ko"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"cartOrderButton"_s), korean, 1000);
        QCOMPARE(shownName(), nameIn(u"ko"_s));
        QCOMPARE(m_proxy->httpRequestsSeen(), requests); // the menu carries every language
    }

    void emptiedCartComesBack()
    {
        auto *cart = m_tablet->controller().cart();
        QVERIFY(m_t->tap(u"addItem-3"_s));
        QVERIFY(m_t->tap(u"addItem-5"_s));
        QVERIFY(m_t->tap(u"addItem-5"_s));
        QTRY_COMPARE_WITH_TIMEOUT(cart->totalQuantity(), 3, 2000);
        cart->setNote(u"덜 맵게"_s);
        // A real button (a whole touch target, outlined), not a bare word.
        QQuickItem *clear = m_t->find(u"clearCartButton"_s);
        QVERIFY(clear);
        QVERIFY(clear->height() >= 56);
        QCOMPARE(clear->property("variant").toString(), u"secondary"_s);
        QCOMPARE(m_t->text(u"clearCartButton"_s), u"장바구니 비우기"_s);
        QVERIFY(m_t->tap(u"clearCartButton"_s));
        QCOMPARE(cart->rowCount(), 0);
        QVERIFY(!m_t->find(u"cartOrderButton"_s)->isEnabled());

        // The guests take it back: every line and the note.
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"restoreCartButton"_s), 2000);
        QVERIFY(m_t->tap(u"restoreCartButton"_s));
        QCOMPARE(cart->rowCount(), 2);
        QCOMPARE(cart->quantityOf(3), 1);
        QCOMPARE(cart->quantityOf(5), 2);
        QCOMPARE(cart->note(), u"덜 맵게"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"cartRestoreBar"_s), 2000);

        // Emptied, then a dish added: a new cart, and the old one stays gone.
        QVERIFY(m_t->tap(u"clearCartButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"restoreCartButton"_s), 2000);
        QVERIFY(m_t->tap(u"addItem-3"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"restoreCartButton"_s), 2000);
        QVERIFY(!cart->restore());
        QCOMPARE(cart->totalQuantity(), 1);
        cart->clear();
    }

    void oneCountdownWhileOffline()
    {
        auto &controller = m_tablet->controller();
        // Reconnects every 3 s: a countdown long enough to read.
        controller.stream()->setBackoff({3000, 3000, 1.0, 0.0});
        m_proxy->setRefusing(true);
        m_proxy->cutAll();
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"offlineBanner"_s), 3000);
        QVERIFY(m_t->tap(u"addItem-3"_s));
        QVERIFY(m_t->tap(u"cartOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"confirmOrderButton"_s), 3000);
        QSignalSpy accepted(&controller, &tablet::TabletController::orderAccepted);
        QVERIFY(m_t->tap(u"confirmOrderButton"_s));
        const QString clientOrderId = controller.submitter()->pendingClientOrderId().toLower();
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"orderRetryText"_s) && controller.retryInSeconds() > 0, 8000);

        // The banner and the dialog count down to the same attempt: the same number of seconds.
        static const QRegularExpression seconds(u"(\\d+)초"_s);
        const QString banner = m_t->find(u"offlineBanner"_s)->property("detail").toString();
        const QString dialog = m_t->text(u"orderRetryText"_s);
        const auto inBanner = seconds.match(banner);
        const auto inDialog = seconds.match(dialog);
        QVERIFY2(inBanner.hasMatch() && inDialog.hasMatch(), qPrintable(banner + u" | "_s + dialog));
        QCOMPARE(inDialog.captured(1), inBanner.captured(1));
        QVERIFY(inBanner.captured(1).toInt() > 0);
        // The retrying title is readable: not the light amber on white (2.7:1).
        QCOMPARE(m_t->find(u"orderProgressTitle"_s)->property("color").value<QColor>(), QColor(u"#9A5B00"_s));

        // Back: the order goes through, once.
        m_proxy->setRefusing(false);
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 15000);
        closeOrderDialog();
        QCOMPARE(ordersWith(clientOrderId), 1);
        controller.stream()->setBackoff({100, 500, 2.0, 0.0});
    }

    void orderSaysReceivedThenKitchenConfirmed()
    {
        auto &controller = m_tablet->controller();
        // No kitchen screen is on: the edge has the order, but no screen has shown it.
        m_kitchen->controller().logout();
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"loginScreen"_s), 3000);
        QVERIFY(m_t->tap(u"addItem-5"_s));
        QVERIFY(m_t->tap(u"cartOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"confirmOrderButton"_s), 3000);
        QSignalSpy accepted(&controller, &tablet::TabletController::orderAccepted);
        QVERIFY(m_t->tap(u"confirmOrderButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"orderKitchenStatus"_s), 3000);
        QCOMPARE(m_t->text(u"orderKitchenStatus"_s), u"주문 접수: 주방 화면의 확인을 기다리는 중입니다…"_s);
        QVERIFY(!controller.kitchenConfirmed());

        // A kitchen screen shows it and sends its receipt: the tablet says so.
        const qint64 id = controller.submitter()->order().value(u"id"_s).toInteger();
        VERIFY_STATUS(m_http.post(u"/api/v1/orders/%1/ack"_s.arg(id), {}, m_kitchenToken), 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"orderKitchenStatus"_s),
                                  u"주방 확인: 주방에서 주문을 받았습니다. \"주문 내역\"에서 확인하세요."_s, 3000);
        QVERIFY(controller.kitchenConfirmed());
        closeOrderDialog();
    }

    void reconnectedTabletKnowsWhatTheKitchenConfirmed()
    {
        auto &controller = m_tablet->controller();
        // Still no kitchen screen on: the order is received, not confirmed.
        QVERIFY(m_k->find(u"loginScreen"_s));
        QVERIFY(m_t->tap(u"addItem-5"_s));
        QVERIFY(m_t->tap(u"cartOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"confirmOrderButton"_s), 3000);
        QSignalSpy accepted(&controller, &tablet::TabletController::orderAccepted);
        QVERIFY(m_t->tap(u"confirmOrderButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"orderKitchenStatus"_s), 3000);
        QVERIFY(!controller.kitchenConfirmed());
        const qint64 id = controller.submitter()->order().value(u"id"_s).toInteger();

        // The tablet loses the edge; meanwhile a kitchen screen shows the order.
        m_proxy->setRefusing(true);
        m_proxy->cutAll();
        QTRY_VERIFY_WITH_TIMEOUT(!controller.online(), 3000);
        VERIFY_STATUS(m_http.post(u"/api/v1/orders/%1/ack"_s.arg(id), {}, m_kitchenToken), 200);
        // It comes back without its place in the event log (as after a restart, or when the
        // log has moved on): a snapshot, where the receipt is no event but part of the order.
        QSignalSpy events(controller.stream(), &client::EventStream::eventReceived);
        controller.stream()->resetCursor();
        m_proxy->setRefusing(false);
        QTRY_VERIFY_WITH_TIMEOUT(controller.online(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(controller.kitchenConfirmed(), 3000);
        QCOMPARE(m_t->text(u"orderKitchenStatus"_s),
                 u"주방 확인: 주방에서 주문을 받았습니다. \"주문 내역\"에서 확인하세요."_s);
        QStringList types;
        for (const QList<QVariant> &event : std::as_const(events))
            types.append(event.at(0).toString());
        QVERIFY2(types.contains(u"snapshot"_s) && !types.contains(u"order.acknowledged"_s), qPrintable(types.join(u", "_s)));
        closeOrderDialog();

        // "My orders" says it too, for this order only.
        QVERIFY(m_t->tap(u"ordersButton"_s));
        const QString pill = u"orderStatus-%1"_s.arg(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(pill), 3000);
        QCOMPARE(m_t->find(pill)->property("status").toString(), u"pending"_s);
        QCOMPARE(m_t->text(pill), u"주방 확인"_s);
        const int shown = controller.orders()->rowCount();
        VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{5, 1}}),
                                  controller.settings().token()), 201);
        QTRY_COMPARE_WITH_TIMEOUT(controller.orders()->rowCount(), shown + 1, 3000);
        const qint64 newest = controller.orders()->get(0).value(u"id"_s).toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"orderStatus-%1"_s.arg(newest)), 3000);
        QCOMPARE(m_t->text(u"orderStatus-%1"_s.arg(newest)), u"접수"_s);
        QVERIFY(m_t->tap(u"ordersCloseButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"ordersCloseButton"_s), 3000);
    }

    /// Taps 직원 호출 and waits for the chooser to be laid out (a tap on a button the layout
    /// has not placed yet would land on another).
    bool openCallChooser()
    {
        if (!m_t->tap(u"callButton"_s))
            return false;
        return QTest::qWaitFor([&] {
            QQuickItem *water = m_t->find(u"callReason-water"_s);
            QQuickItem *other = m_t->find(u"callReason-other"_s);
            return water && other && water->width() > 0 && water->mapToScene({}) != other->mapToScene({});
        }, 3000);
    }

    /// Waits until the item is shown whole inside the window, laid out and done sliding in
    /// (a sheet's enter transition moves it in from the edge).
    bool waitInView(const QString &name)
    {
        return QTest::qWaitFor([&] {
            QQuickItem *item = m_t->find(name);
            if (!item || item->width() <= 0)
                return false;
            const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            return QRectF(0, 0, m_t->window()->width(), m_t->window()->height()).contains(r);
        }, 3000);
    }

    /// The active call of this reason as staff see it (GET /calls as manager), or {}.
    QJsonObject staffSeesCall(int table, const QString &reason)
    {
        for (const QJsonValue &c : m_http.get(u"/api/v1/calls?status=active"_s, m_kitchenToken).json().value(u"calls"_s).toArray()) {
            const QJsonObject call = c.toObject();
            if (call.value(u"table_number"_s).toInt() == table && call.value(u"reason"_s).toString() == reason)
                return call;
        }
        return {};
    }

    /// 직원 호출: the guest picks "water"; staff see the call; a staff member's "coming"
    /// turns the tablet's "호출했습니다" into "직원이 오고 있어요"; done while the tablet was
    /// offline, the call is gone once it is back.
    void callStaffReachesStaffAndTheirAckComesBack()
    {
        QVERIFY(!m_t->find(u"callStatusBar"_s));
        QVERIFY(openCallChooser());
        QVERIFY(m_t->tap(u"callReason-water"_s));
        // The chooser closes; the bar under the header says it, in Korean.
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"callReason-water"_s), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"callStatus-water"_s), u"물: 호출했습니다"_s, 3000);

        const QJsonObject call = staffSeesCall(7, u"water"_s);
        QVERIFY2(!call.isEmpty(), "the manager's GET /calls lists the table's call");
        QCOMPARE(call.value(u"status"_s).toString(), u"open"_s);
        const qint64 id = call.value(u"id"_s).toInteger();

        VERIFY_STATUS(m_http.post(u"/api/v1/calls/%1/ack"_s.arg(id), {}, m_kitchenToken), 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"callStatus-water"_s), u"물: 직원이 오고 있어요"_s, 3000);

        // Gone while the tablet is away; right again once it reconnects.
        m_proxy->setRefusing(true);
        m_proxy->cutAll();
        QTRY_VERIFY_WITH_TIMEOUT(!m_tablet->controller().online(), 3000);
        VERIFY_STATUS(m_http.post(u"/api/v1/calls/%1/done"_s.arg(id), {}, m_kitchenToken), 200);
        QVERIFY(m_t->find(u"callStatus-water"_s)); // it cannot know yet
        m_proxy->setRefusing(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_tablet->controller().online(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"callStatusBar"_s), 3000);
        QVERIFY(staffSeesCall(7, u"water"_s).isEmpty());
    }

    /// Issue 16: the tablet's "Phone" button shows the QR of this table's guest page with the
    /// current visit's code; the edge admits a phone with it into this table's visit.
    void phoneQrCarriesThisVisitsCode()
    {
        QVERIFY(m_t->tap(u"phoneButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"phoneQr"_s) && !m_t->find(u"phoneQr"_s)->property("text").toString().isEmpty(), 5000);
        const QString url = m_t->find(u"phoneQr"_s)->property("text").toString();
        QVERIFY2(m_t->find(u"phoneQr"_s)->property("modules").toInt() > 0, qPrintable(url));
        static const QRegularExpression shape(u"/t/([0-9A-Z]{10})#v=([0-9A-Z]{8})$"_s);
        const QRegularExpressionMatch m = shape.match(url);
        QVERIFY2(m.hasMatch(), qPrintable(url));
        QCOMPARE(m_t->text(u"phoneCode"_s).remove(u'-'), m.captured(2));
        const HttpResult joined = m_http.post(u"/api/v1/guest/join"_s, {{u"table_code"_s, m.captured(1)}, {u"visit_code"_s, m.captured(2)}});
        QVERIFY2(joined.status == 200, qPrintable(joined.describe()));
        QCOMPARE(joined.json().value(u"table"_s).toObject().value(u"number"_s).toInt(), 7);
        QVERIFY(m_t->tap(u"phoneClose"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"phoneQr"_s), 3000);
    }

    /// The guests' bill: every line with where it came from and when, a line the manager
    /// voided struck through with who and why, a payment, and what is left, as GET /bill has
    /// it; live while open; the even split shows the edge's shares.
    void billShowsOriginsVoidsAndTheEdgesSplit()
    {
        const QString tableToken = m_http.tableLogin(7);
        QJsonObject bill = m_http.get(u"/api/v1/bill"_s, tableToken).json();
        const qint64 tableId = bill.value(u"table_id"_s).toInteger();
        QJsonObject standing; // a line still on the bill
        for (const QJsonValue &l : bill.value(u"lines"_s).toArray())
            if (!l.toObject().contains(u"void"_s))
                standing = l.toObject();
        QVERIFY2(!standing.isEmpty(), "table 7 has ordered");
        const qint64 voidedLine = standing.value(u"line_id"_s).toInteger();
        VERIFY_STATUS(m_http.post(u"/api/v1/orders/%1/void"_s.arg(standing.value(u"order_id"_s).toInteger()),
                                  {{u"line_ids"_s, QJsonArray{voidedLine}}, {u"reason"_s, u"다른 테이블 메뉴"_s}},
                                  m_kitchenToken), 200);
        VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/payments"_s.arg(tableId),
                                  {{u"client_payment_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {u"method"_s, u"card"_s}, {u"amount"_s, 5000}}, m_kitchenToken), 201);
        bill = m_http.get(u"/api/v1/bill"_s, tableToken).json();

        QVERIFY(m_t->tap(u"ordersButton"_s));
        QVERIFY(waitInView(u"billButton"_s));
        QVERIFY(m_t->tap(u"billButton"_s));
        QVERIFY(waitInView(u"billCloseButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"billDue"_s), client::formatMoney(bill.value(u"due"_s).toInteger()), 3000);
        QVERIFY(!m_t->find(u"ordersCloseButton"_s));

        const QTimeZone zone(m_http.get(u"/api/v1/menu"_s).json().value(u"time_zone"_s).toString().toUtf8());
        QVERIFY(zone.isValid());
        auto storeTime = [&](const QJsonValue &at) {
            return QDateTime::fromString(at.toString(), Qt::ISODateWithMs).toTimeZone(zone).toString(u"HH:mm"_s);
        };
        const QJsonArray lines = bill.value(u"lines"_s).toArray();
        QVERIFY(lines.size() >= 3);
        bool sawVoid = false;
        QQuickItem *list = m_t->find(u"billLines"_s);
        QVERIFY(list);
        for (int i = 0; i < lines.size(); ++i) {
            const QJsonObject line = lines.at(i).toObject();
            const qint64 lineId = line.value(u"line_id"_s).toInteger();
            // Lines below the fold are made when scrolled to, as the guest would.
            QVERIFY(QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, i), Q_ARG(int, 1 /* Center */)));
            QTRY_VERIFY_WITH_TIMEOUT(m_t->findAny(u"billLineOrigin-%1"_s.arg(lineId)), 3000);
            QCOMPARE(line.value(u"added_by"_s).toObject().value(u"kind"_s).toString(), u"table"_s);
            QCOMPARE(m_t->text(u"billLineOrigin-%1"_s.arg(lineId)),
                     u"7번 테이블 태블릿 "_s + storeTime(line.value(u"added_at"_s)));
            QCOMPARE(m_t->text(u"billLineTotal-%1"_s.arg(lineId)), client::formatMoney(line.value(u"line_total"_s).toInteger()));
            QQuickItem *name = m_t->findAny(u"billLineName-%1"_s.arg(lineId));
            QVERIFY(name);
            const bool isVoid = line.contains(u"void"_s);
            QCOMPARE(name->property("font").value<QFont>().strikeOut(), isVoid);
            QCOMPARE(m_t->findAny(u"billLineVoid-%1"_s.arg(lineId))->isVisible(), isVoid);
            if (lineId == voidedLine) {
                sawVoid = true;
                const QJsonObject v = line.value(u"void"_s).toObject();
                QCOMPARE(m_t->text(u"billLineVoid-%1"_s.arg(lineId)),
                         u"취소 · 직원 manager "_s + storeTime(v.value(u"at"_s)) + u" · 다른 테이블 메뉴"_s);
            }
        }
        QVERIFY(sawVoid);

        QVERIFY(m_t->findAny(u"billPayment-0"_s));
        QCOMPARE(m_t->text(u"billPaid"_s), u"−"_s + client::formatMoney(bill.value(u"paid"_s).toInteger()));

        // Live: a second payment while the bill is open.
        VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/payments"_s.arg(tableId),
                                  {{u"client_payment_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {u"method"_s, u"cash"_s}, {u"amount"_s, 1000}}, m_kitchenToken), 201);
        bill = m_http.get(u"/api/v1/bill"_s, tableToken).json();
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"billDue"_s), client::formatMoney(bill.value(u"due"_s).toInteger()), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->findAny(u"billPayment-1"_s), 3000);

        // Split three ways: the edge's shares, the remainder on the first.
        QVERIFY(waitInView(u"splitMore"_s));
        QVERIFY(m_t->tap(u"splitMore"_s));
        QVERIFY(m_t->tap(u"splitMore"_s));
        QCOMPARE(m_tablet->controller().billing()->ways(), 3);
        const QJsonArray shares = m_http.get(u"/api/v1/bill?split=even&ways=3"_s, tableToken).json()
                                          .value(u"split"_s).toObject().value(u"shares"_s).toArray();
        QCOMPARE(shares.size(), 3);
        for (int i = 0; i < 3; ++i)
            QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"splitShare-%1"_s.arg(i)),
                                      u"%1번째 분  "_s.arg(i + 1) + client::formatMoney(shares.at(i).toInteger()), 3000);

        // A line a staff member entered, and names that look like markup: plain text, in
        // the store's time zone.
        const QString at = QDateTime(QDate(2026, 12, 6), QTime(19, 50), zone).toUTC().toString(Qt::ISODateWithMs);
        const QJsonObject staffLine{
                {u"line_id"_s, 900001}, {u"order_id"_s, 1}, {u"menu_item_id"_s, 999999}, {u"name"_s, u"<b>소주</b>"_s},
                {u"options"_s, QJsonArray()}, {u"note"_s, u""_s}, {u"quantity"_s, 1}, {u"unit_price"_s, 5000},
                {u"line_total"_s, 5000},
                {u"added_by"_s, QJsonObject{{u"kind"_s, u"staff"_s}, {u"name"_s, u"김민수"_s}, {u"role"_s, u"staff"_s}}},
                {u"added_at"_s, at},
                {u"void"_s, QJsonObject{{u"by"_s, QJsonValue::Null}, {u"reason"_s, u"order canceled"_s}, {u"at"_s, at}}}};
        m_tablet->controller().billing()->bill()->setBill(QJsonObject{
                {u"session_id"_s, 1}, {u"lines"_s, QJsonArray{staffLine}}, {u"due"_s, 0}});
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"billLineOrigin-900001"_s), u"직원 김민수 19:50"_s, 3000);
        QCOMPARE(m_t->text(u"billLineName-900001"_s), u"<b>소주</b>  × 1"_s);
        QCOMPARE(m_t->findAny(u"billLineName-900001"_s)->property("textFormat").toInt(), int(Qt::PlainText));
        QCOMPARE(m_t->text(u"billLineVoid-900001"_s), u"취소 · 주문 취소 19:50"_s);

        QVERIFY(m_t->tap(u"billCloseButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"billCloseButton"_s), 3000);
    }

    /// Split by items: the guests give each line to a person on the bill sheet; no amount is
    /// shown while a line is no one's; then each person's amount is exactly what staff's
    /// POST /tables/{id}/bill/split answers for the same groups, again after a payment; a new
    /// order is no one's until chosen (and a split asked before its event came is refused and
    /// said so); no network is said plainly and "try again" recovers.
    void billSplitByItemsShowsTheEdgesAmounts()
    {
        const QString tableToken = m_http.tableLogin(7);
        const qint64 tableId = m_http.get(u"/api/v1/bill"_s, tableToken).json().value(u"table_id"_s).toInteger();
        auto standingLines = [&] {
            QList<qint64> out;
            for (const QJsonValue &l : m_http.get(u"/api/v1/bill"_s, tableToken).json().value(u"lines"_s).toArray())
                if (!l.toObject().contains(u"void"_s))
                    out.append(l.toObject().value(u"line_id"_s).toInteger());
            return out;
        };
        QList<qint64> standing = standingLines();
        QVERIFY2(standing.size() >= 2, "table 7 has at least two lines standing");

        QVERIFY(m_t->tap(u"ordersButton"_s));
        QVERIFY(waitInView(u"billButton"_s));
        QVERIFY(m_t->tap(u"billButton"_s));
        QVERIFY(waitInView(u"splitMore"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_tablet->controller().billing()->bill()->rowCount() > 0, 3000);
        QVERIFY(m_t->tap(u"splitMore"_s));
        QVERIFY(m_t->tap(u"splitMore"_s));
        QVERIFY(waitInView(u"splitModeItems"_s));
        QVERIFY(m_t->tap(u"splitModeItems"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"itemSplitUnassigned"_s),
                                  u"아직 %1개 메뉴가 정해지지 않았어요. 메뉴마다 ‘누가 드셨나요?’를 눌러 주세요."_s.arg(standing.size()), 3000);
        QVERIFY(!m_t->find(u"splitShare-0"_s));

        QQuickItem *list = m_t->find(u"billLines"_s);
        QVERIFY(list);
        auto give = [&](qint64 lineId, int person) {
            const QJsonArray lines = m_http.get(u"/api/v1/bill"_s, tableToken).json().value(u"lines"_s).toArray();
            int row = -1;
            for (int i = 0; i < lines.size(); ++i)
                row = lines.at(i).toObject().value(u"line_id"_s).toInteger() == lineId ? i : row;
            if (row < 0 || !QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, row), Q_ARG(int, 1)))
                return false;
            const QString who = u"whoButton-%1"_s.arg(lineId);
            const QString choice = u"personChoice-%1"_s.arg(person);
            // Tapped once laid out and drawn, as a guest sees it: a Flow or a popup is placed at
            // polish, just before a frame.
            auto drawn = [&] {
                QSignalSpy frames(m_tablet->window(), &QQuickWindow::frameSwapped);
                m_tablet->window()->update();
                return frames.wait(3000);
            };
            if (!QTest::qWaitFor([&] { return m_t->find(who) != nullptr; }, 3000) || !drawn() || !m_t->tap(who)) {
                qWarning("no %s", qPrintable(who));
                return false;
            }
            if (!QTest::qWaitFor([&] { return m_t->find(choice) != nullptr; }, 3000) || !drawn() || !m_t->tap(choice)) {
                qWarning("no %s", qPrintable(choice));
                return false;
            }
            const bool shown = QTest::qWaitFor([&] { return m_t->text(who) == u"%1번째 분"_s.arg(person); }, 3000);
            if (!shown)
                qWarning("%s says %s", qPrintable(who), qPrintable(m_t->text(who)));
            return shown;
        };
        // The first line for person 1, the rest but one for person 2: one still no one's.
        QVERIFY(give(standing.first(), 1));
        for (int i = 1; i + 1 < standing.size(); ++i)
            QVERIFY(give(standing.at(i), 2));
        QCOMPARE(m_t->text(u"itemSplitUnassigned"_s), u"아직 1개 메뉴가 정해지지 않았어요. 메뉴마다 ‘누가 드셨나요?’를 눌러 주세요."_s);
        QCOMPARE(m_t->text(u"whoButton-%1"_s.arg(standing.last())), u"누가 드셨나요?"_s);
        QVERIFY(!m_t->find(u"itemShare-1"_s));
        QVERIFY(give(standing.last(), 2));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"itemSplitUnassigned"_s), 3000);

        auto staffSplit = [&](const QJsonArray &groups) {
            const HttpResult r = m_http.post(u"/api/v1/tables/%1/bill/split"_s.arg(tableId), {{u"groups"_s, groups}}, m_kitchenToken);
            QList<qint64> amounts;
            for (const QJsonValue &g : r.json().value(u"groups"_s).toArray())
                amounts.append(g.toObject().value(u"amount"_s).toInteger());
            return amounts;
        };
        auto groupsOf = [&](const QList<qint64> &lines) {
            QJsonArray second;
            for (int i = 1; i < lines.size(); ++i)
                second.append(lines.at(i));
            return QJsonArray{QJsonArray{lines.first()}, second};
        };
        QList<qint64> amounts = staffSplit(groupsOf(standing));
        QCOMPARE(amounts.size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"itemShare-1"_s), u"1번째 분  "_s + client::formatMoney(amounts.at(0)), 3000);
        QCOMPARE(m_t->text(u"itemShare-2"_s), u"2번째 분  "_s + client::formatMoney(amounts.at(1)));
        QCOMPARE(m_t->text(u"itemShare-3"_s), u"3번째 분  —"_s); // had nothing

        // A payment while it is open: the edge shares what is left again.
        VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/payments"_s.arg(tableId),
                                  {{u"client_payment_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {u"method"_s, u"cash"_s}, {u"amount"_s, 1001}}, m_kitchenToken), 201);
        amounts = staffSplit(groupsOf(standing));
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"itemShare-1"_s), u"1번째 분  "_s + client::formatMoney(amounts.at(0)), 3000);
        QCOMPARE(m_t->text(u"itemShare-2"_s), u"2번째 분  "_s + client::formatMoney(amounts.at(1)));

        // A new order: its line is no one's, so no amounts until it is someone's.
        qint64 plainDish = 0;
        for (const QJsonObject &i : menuItems(m_http.get(u"/api/v1/menu"_s, m_kitchenToken).json()))
            if (!plainDish && i.value(u"available"_s).toBool() && i.value(u"available_now"_s).toBool()
                && i.value(u"stock"_s).isNull() && i.value(u"option_groups"_s).toArray().isEmpty())
                plainDish = i.value(u"id"_s).toInteger();
        QVERIFY(plainDish);
        // Its event is late: the split asked for meanwhile leaves the new line out, the edge
        // refuses it, and the guests are told the bill changed.
        m_proxy->setHoldingEvents(true);
        auto release = qScopeGuard([this] { m_proxy->setHoldingEvents(false); }); // also on failure
        VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{plainDish, 1}}), tableToken), 201);
        QVERIFY(give(standing.first(), 1));
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"itemSplitError"_s),
                                  u"계산서가 방금 바뀌었어요. 메뉴마다 누가 드셨는지 다시 확인해 주세요."_s, 3000);
        QVERIFY(!m_t->find(u"itemShare-1"_s));
        m_proxy->setHoldingEvents(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"itemSplitUnassigned"_s), 3000);
        QVERIFY(!m_t->find(u"itemSplitError"_s));
        QVERIFY(!m_t->find(u"itemShare-1"_s));
        standing = standingLines();
        const qint64 added = standing.last();

        // No network: said plainly; "try again" once it is back.
        m_proxy->setRefusing(true);
        m_proxy->cutAll();
        QTRY_VERIFY_WITH_TIMEOUT(!m_tablet->controller().online(), 3000);
        QVERIFY(give(added, 3));
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"itemSplitError"_s),
                                  u"나눠 낼 금액을 계산하지 못했어요. 태블릿이 지금 가게 시스템에 연결되지 않았어요."_s, 10000);
        QVERIFY(!m_t->find(u"itemShare-1"_s));
        m_proxy->setRefusing(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_tablet->controller().online(), 5000);
        if (m_t->find(u"itemSplitRetry"_s))
            QVERIFY(m_t->tap(u"itemSplitRetry"_s));
        QJsonArray groups = groupsOf(standing.mid(0, standing.size() - 1));
        groups.append(QJsonArray{added});
        amounts = staffSplit(groups);
        QCOMPARE(amounts.size(), 3);
        for (int person = 1; person <= 3; ++person)
            QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"itemShare-%1"_s.arg(person)),
                                      u"%1번째 분  "_s.arg(person) + client::formatMoney(amounts.at(person - 1)), 3000);
        QVERIFY(!m_t->find(u"itemSplitError"_s));

        QVERIFY(m_t->tap(u"billCloseButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"billCloseButton"_s), 3000);
        QCOMPARE(m_tablet->controller().billing()->byItems(), false);
    }

    /// 기타 with a note: the guests write what they need; staff read it as written.
    void otherCallCarriesTheGuestsNote()
    {
        QVERIFY(openCallChooser());
        QVERIFY(m_t->tap(u"callReason-other"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"callNote"_s), 3000);
        QVERIFY(!m_t->find(u"callReason-water"_s));
        QVERIFY(m_t->type(u"callNote"_s, u"<i>아기 의자</i> 하나"_s));
        // Laid out beside "close" before the tap.
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"callSendOther"_s) && m_t->find(u"callCancel"_s)
                                 && m_t->find(u"callSendOther"_s)->mapToScene({}).x()
                                            > m_t->find(u"callCancel"_s)->mapToScene({}).x(), 3000);
        QVERIFY(m_t->tap(u"callSendOther"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"callStatus-other"_s), u"기타 (<i>아기 의자</i> 하나): 호출했습니다"_s, 3000);
        const QJsonObject call = staffSeesCall(7, u"other"_s);
        QCOMPARE(call.value(u"note"_s).toString(), u"<i>아기 의자</i> 하나"_s);
        VERIFY_STATUS(m_http.post(u"/api/v1/calls/%1/done"_s.arg(call.value(u"id"_s).toInteger()), {}, m_kitchenToken), 200);
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"callStatusBar"_s), 3000);
    }

    /// A call that cannot be sent (the restaurant's system out of reach) is said plainly in
    /// Korean, and the chooser stays open to try again.
    void unsentCallSaysWhy()
    {
        m_proxy->setRefusing(true);
        m_proxy->cutAll();
        QTRY_VERIFY_WITH_TIMEOUT(!m_tablet->controller().online(), 3000);
        QVERIFY(openCallChooser());
        QVERIFY(m_t->tap(u"callReason-cutlery"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_tablet->controller().staffCalls()->refusal(), u"NO_ANSWER"_s, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"callRefusal"_s), 3000);
        QCOMPARE(m_t->text(u"callRefusal"_s),
                 u"호출이 전달되지 않았어요. 태블릿이 가게 시스템에 연결되지 않았어요. 다시 눌러 주시거나 손을 들어 직원을 불러 주세요."_s);
        QVERIFY(m_t->find(u"callReason-cutlery"_s)); // still open
        m_proxy->setRefusing(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_tablet->controller().online(), 5000);
        QVERIFY(m_t->tap(u"callReason-cutlery"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"callStatus-cutlery"_s), 5000);
        QVERIFY(!m_t->find(u"callRefusal"_s));
        VERIFY_STATUS(m_http.post(u"/api/v1/calls/%1/done"_s.arg(staffSeesCall(7, u"cutlery"_s).value(u"id"_s).toInteger()),
                                  {}, m_kitchenToken), 200);
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"callStatusBar"_s), 3000);
    }

    /// Too many calls in a minute (an edge with its rate limits on): the edge refuses (429)
    /// and the guests read why and how long to wait, in Korean; one call per reason however
    /// often it was tapped.
    void rateLimitedCallSaysHowLongToWait()
    {
        EdgeProcess::Options options;
        options.rateLimits = true;
        EdgeProcess edge(options);
        VERIFY_STARTED(edge);
        ui::AppOptions tabletOptions;
        tabletOptions.edgeUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(edge.port()));
        tabletOptions.settingsFile = m_dir.filePath(u"tablet-limited.ini"_s);
        tabletOptions.windowed = true;
        tabletOptions.width = 1280;
        tabletOptions.height = 800;
        tablet::TabletApp app(tabletOptions);
        QVERIFY(app.show());
        app.controller().setup({}, 3, u"0000"_s);
        QTRY_VERIFY_WITH_TIMEOUT(app.controller().menuReady() && app.controller().online(), 10000);
        UiDriver ui(app.window());
        auto *calls = app.controller().staffCalls();
        auto open = [&] {
            if (!ui.tap(u"callButton"_s))
                return false;
            return QTest::qWaitFor([&] {
                QQuickItem *water = ui.find(u"callReason-water"_s);
                QQuickItem *other = ui.find(u"callReason-other"_s);
                return water && other && water->width() > 0 && water->mapToScene({}) != other->mapToScene({});
            }, 3000);
        };
        for (int i = 0; i < 12 && calls->refusal().isEmpty(); ++i) {
            if (!ui.find(u"callReason-water"_s))
                QVERIFY(open());
            QVERIFY(ui.tap(u"callReason-water"_s));
            QTRY_VERIFY_WITH_TIMEOUT(!calls->sending(), 5000);
        }
        QCOMPARE(calls->refusal(), u"RATE_LIMITED"_s);
        QVERIFY(calls->retryAfter() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"callRefusal"_s), 3000);
        QCOMPARE(ui.text(u"callRefusal"_s),
                 u"방금 여러 번 호출하셨어요. %1초 뒤에 다시 눌러 주세요."_s.arg(calls->retryAfter()));
        QVERIFY(ui.find(u"callReason-water"_s)); // the chooser stays open
        HttpClient http;
        http.setPort(edge.port());
        const QString manager = http.staffLogin(u"manager"_s, u"manager"_s);
        int water = 0;
        for (const QJsonValue &c : http.get(u"/api/v1/calls"_s, manager).json().value(u"calls"_s).toArray())
            water += c.toObject().value(u"reason"_s).toString() == u"water"_s ? 1 : 0;
        QCOMPARE(water, 1);
    }

    /// The manager moves the party to another table and back: the tablet at table 7 empties
    /// (orders, bill) when they leave, and shows their orders again when they come back.
    void tabletFollowsAVisitMovedAwayAndBack()
    {
        qint64 seven = 0;
        qint64 free = 0;
        for (const QJsonValue &t : m_http.get(u"/api/v1/tables"_s, m_kitchenToken).json().value(u"tables"_s).toArray()) {
            const QJsonObject table = t.toObject();
            if (table.value(u"number"_s).toInt() == 7)
                seven = table.value(u"id"_s).toInteger();
            else if (!free && table.value(u"session_id"_s).isNull())
                free = table.value(u"id"_s).toInteger();
        }
        QVERIFY(seven && free);
        auto &controller = m_tablet->controller();
        const int shown = controller.orders()->rowCount();
        QVERIFY(shown > 0);
        VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/move"_s.arg(seven), {{u"to_table"_s, free}}, m_kitchenToken), 200);
        QTRY_COMPARE_WITH_TIMEOUT(controller.orders()->rowCount(), 0, 3000);
        QVERIFY(!controller.billing()->bill()->hasVisit());
        // Back online at a free table before they return (its stream binds to the visit).
        QTRY_VERIFY_WITH_TIMEOUT(controller.online(), 5000);
        VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/move"_s.arg(free), {{u"to_table"_s, seven}}, m_kitchenToken), 200);
        QTRY_COMPARE_WITH_TIMEOUT(controller.orders()->rowCount(), shown, 3000);
        QVERIFY(m_t->tap(u"ordersButton"_s));
        QVERIFY(waitInView(u"billButton"_s));
        QVERIFY(m_t->tap(u"billButton"_s));
        QVERIFY(waitInView(u"billCloseButton"_s));
        const QJsonObject bill = m_http.get(u"/api/v1/tables/%1/bill"_s.arg(seven), m_kitchenToken).json();
        QTRY_COMPARE_WITH_TIMEOUT(m_t->text(u"billDue"_s), client::formatMoney(bill.value(u"due"_s).toInteger()), 3000);
        QCOMPARE(controller.billing()->bill()->rowCount(), int(bill.value(u"lines"_s).toArray().size()));
        QVERIFY(m_t->tap(u"billCloseButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"billCloseButton"_s), 3000);
    }

    void managerClosesTheTable()
    {
        // The kitchen screen logs out; the manager logs in on it.
        m_kitchen->controller().logout();
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"loginScreen"_s), 3000);
        QVERIFY(m_k->type(u"loginUser"_s, u"manager"_s));
        QVERIFY(m_k->type(u"loginPassword"_s, u"manager"_s));
        QVERIFY(m_k->tap(u"loginSubmit"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"page-tables"_s), 5000);
        QVERIFY(m_k->tap(u"page-tables"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"table-7"_s), 5000);
        QVERIFY(m_k->tap(u"table-7"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"closeSessionButton"_s) && m_k->find(u"closeSessionButton"_s)->isEnabled(), 3000);
        QVERIFY(m_k->tap(u"closeSessionButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"confirmCloseSession"_s), 2000);
        QVERIFY(m_k->tap(u"confirmCloseSession"_s));
        // Nobody paid: the edge refuses (VISIT_UNSETTLED) and the manager closes it anyway.
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"forceCloseReason"_s), 3000);
        QVERIFY(m_k->type(u"forceCloseReason"_s, u"test: guests left"_s));
        QVERIFY(m_k->tap(u"forceCloseSession"_s));
        // The tablet starts fresh for the next guests.
        QTRY_COMPARE_WITH_TIMEOUT(m_tablet->controller().orders()->rowCount(), 0, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(m_kitchen->controller().tableHistory()->rowCount() >= 3, 3000);
    }

    /// A change the tablet has not heard of yet when the guests order (its event is late:
    /// another tablet took the last portions, the lunch set ended, a choice ran out): the
    /// edge refuses, the guests read why in their language, and their cart stays as it was.
    void refusedOrderSaysWhyAndKeepsTheCart_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message"); // %1: the item's or option's name in `language`
        QTest::newRow("fewer left than ordered, in Korean")
                << u"stock"_s << u"ko"_s << u"OUT_OF_STOCK"_s
                << u"%1은(는) 1개만 남았습니다. 수량을 줄여 다시 주문해 주세요."_s;
        QTest::newRow("sold out by its stock, in English")
                << u"sold_out"_s << u"en"_s << u"ITEM_UNAVAILABLE"_s
                << u"Sold out just now: %1. Please remove it and order again."_s;
        QTest::newRow("outside its hours, in Chinese")
                << u"hours"_s << u"zh"_s << u"ITEM_UNAVAILABLE"_s
                << u"当前时段不供应：%1。请删除后重新下单。"_s;
        QTest::newRow("a choice ran out, in Japanese")
                << u"option"_s << u"ja"_s << u"OPTION_UNAVAILABLE"_s
                << u"選んだオプションがただいま売り切れました：%1。選び直してもう一度ご注文ください。"_s;
    }

    void refusedOrderSaysWhyAndKeepsTheCart()
    {
        QFETCH(QString, change);
        QFETCH(QString, language);
        QFETCH(QString, code);
        QFETCH(QString, message);
        auto &controller = m_tablet->controller();
        auto *cart = controller.cart();
        cart->clear();
        controller.setLanguage(language);
        const auto nameIn = [&](const QJsonObject &o) {
            const QString name = o.value(u"translations"_s).toObject().value(language).toObject()
                                         .value(u"name"_s).toString();
            return name.isEmpty() ? o.value(u"name"_s).toString() : name;
        };
        const QList<QJsonObject> items = menuItems(m_http.get(u"/api/v1/menu"_s, m_kitchenToken).json());

        // The guests' cart: two of a plain dish, or one dish with its choices.
        QJsonObject item;
        QJsonObject option;
        QList<qint64> chosen;
        for (const QJsonObject &i : items) {
            const bool orderable = i.value(u"available"_s).toBool() && i.value(u"available_now"_s).toBool()
                    && i.value(u"stock"_s).isNull();
            if (!item.isEmpty() || !orderable)
                continue;
            if (change != u"option"_s) {
                if (i.value(u"id"_s).toInteger() == 3)
                    item = i;
                continue;
            }
            // Its first choice of each required group, or the first of its first group.
            QList<qint64> picks;
            QJsonObject first;
            const QJsonArray groups = i.value(u"option_groups"_s).toArray();
            bool choosable = !groups.isEmpty();
            for (const QJsonValue &gv : groups) {
                const QJsonObject g = gv.toObject();
                QJsonObject pick;
                for (const QJsonValue &ov : g.value(u"options"_s).toArray()) {
                    if (pick.isEmpty() && ov.toObject().value(u"available"_s).toBool())
                        pick = ov.toObject();
                }
                if (g.value(u"min_select"_s).toInt() > 0 || (picks.isEmpty() && gv == groups.first())) {
                    choosable = choosable && !pick.isEmpty();
                    if (!pick.isEmpty()) {
                        picks.append(pick.value(u"id"_s).toInteger());
                        if (first.isEmpty())
                            first = pick;
                    }
                }
            }
            if (choosable && !first.isEmpty()) {
                item = i;
                option = first;
                chosen = picks;
            }
        }
        QVERIFY2(!item.isEmpty(), "the demo menu has the dish");
        const qint64 itemId = item.value(u"id"_s).toInteger();
        controller.selectCategory(item.value(u"category_id"_s).toInteger());
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"addItem-%1"_s.arg(itemId)), 3000);
        const int quantity = change == u"option"_s ? 1 : 2;
        if (change == u"option"_s) {
            // The option sheet itself is tested above: the line goes straight into the cart.
            QVERIFY(cart->addLine(itemId, chosen, {}, 1));
        } else {
            QVERIFY(m_t->tap(u"addItem-%1"_s.arg(itemId)));
            QVERIFY(m_t->tap(u"addItem-%1"_s.arg(itemId)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(cart->totalQuantity(), quantity, 2000);
        const QJsonArray before = cart->orderItems();

        // The change reaches the edge; its event has not reached this tablet yet.
        m_proxy->setHoldingEvents(true);
        auto release = qScopeGuard([this] { m_proxy->setHoldingEvents(false); }); // also on failure
        const qint64 heldBefore = m_proxy->heldEventBytes();
        const QString itemPath = u"/api/v1/menu/items/%1"_s.arg(itemId);
        const QString optionPath = u"/api/v1/menu/options/%1/availability"_s.arg(option.value(u"id"_s).toInteger());
        QString shown = nameIn(item);
        if (change == u"stock"_s) {
            VERIFY_STATUS(m_http.patch(itemPath + u"/stock"_s, {{u"stock"_s, 1}}, m_kitchenToken), 200);
        } else if (change == u"sold_out"_s) {
            VERIFY_STATUS(m_http.patch(itemPath + u"/stock"_s, {{u"stock"_s, 0}}, m_kitchenToken), 200);
        } else if (change == u"hours"_s) {
            // Served from two hours from now for an hour, in the store's time zone.
            const QTimeZone zone(m_http.get(u"/api/v1/menu"_s).json().value(u"time_zone"_s).toString().toUtf8());
            QVERIFY(zone.isValid());
            const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(2 * 3600).toTimeZone(zone);
            const QJsonArray hours{QJsonObject{{u"days"_s, QJsonArray{1, 2, 3, 4, 5, 6, 7}},
                                               {u"from"_s, later.toString(u"HH:mm"_s)},
                                               {u"to"_s, later.addSecs(3600).toString(u"HH:mm"_s)}}};
            VERIFY_STATUS(m_http.put(itemPath, {{u"available_hours"_s, hours}}, m_kitchenToken), 200);
        } else {
            VERIFY_STATUS(m_http.patch(optionPath, {{u"available"_s, false}}, m_kitchenToken), 200);
            shown = nameIn(option);
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_proxy->heldEventBytes() > heldBefore, 3000);

        QVERIFY(m_t->tap(u"cartOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"confirmOrderButton"_s), 3000);
        QSignalSpy rejected(&controller, &tablet::TabletController::orderRejected);
        QVERIFY(m_t->tap(u"confirmOrderButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, 5000);
        QCOMPARE(rejected.first().first().toString(), code);
        if (change == u"stock"_s)
            QCOMPARE(controller.submitter()->remaining(), 1);
        else if (code == u"ITEM_UNAVAILABLE"_s)
            QCOMPARE(controller.submitter()->unavailableReason(), change);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(u"orderRejectedText"_s), 3000);
        QCOMPARE(m_t->text(u"orderRejectedText"_s), message.arg(shown));
        // The cart is as it was, before and after the guests go back to it.
        QCOMPARE(cart->orderItems(), before);
        QVERIFY(m_t->tap(u"orderRejectedButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"orderRejectedButton"_s), 3000);
        QCOMPARE(cart->orderItems(), before);

        // The late events arrive and the menu on screen shows the change; then the store is
        // put back as it was.
        m_proxy->setHoldingEvents(false);
        const auto entry = [&] { return controller.menu()->entry(itemId); };
        if (change == u"stock"_s || change == u"sold_out"_s) {
            QTRY_VERIFY_WITH_TIMEOUT(entry() && entry()->stock == (change == u"stock"_s ? 1 : 0), 3000);
        } else if (change == u"hours"_s) {
            QTRY_VERIFY_WITH_TIMEOUT(entry() && !entry()->availableNow, 3000);
        } else {
            const qint64 optionId = option.value(u"id"_s).toInteger();
            QTRY_VERIFY_WITH_TIMEOUT(entry() && entry()->option(optionId) && !entry()->option(optionId)->available, 3000);
        }
        if (change == u"stock"_s || change == u"sold_out"_s)
            VERIFY_STATUS(m_http.patch(itemPath + u"/stock"_s, {{u"stock"_s, QJsonValue::Null}}, m_kitchenToken), 200);
        else if (change == u"hours"_s)
            VERIFY_STATUS(m_http.put(itemPath, {{u"available_hours"_s, QJsonArray()}}, m_kitchenToken), 200);
        else
            VERIFY_STATUS(m_http.patch(optionPath, {{u"available"_s, true}}, m_kitchenToken), 200);
        QTRY_VERIFY_WITH_TIMEOUT(entry() && entry()->orderable() && !entry()->stock
                                 && (option.isEmpty() || entry()->option(option.value(u"id"_s).toInteger())->available), 3000);
        cart->clear();
        controller.setLanguage(u"ko"_s);
    }

    /// An item whose hours end at the next minute and one whose hours begin then: the tablet
    /// showing the menu follows the boundary by itself (the edge's menu.updated), no guest
    /// touching anything.
    void hoursBoundaryChangesTheMenuOnScreen()
    {
        auto &controller = m_tablet->controller();
        const QJsonObject menu = m_http.get(u"/api/v1/menu"_s).json();
        const QTimeZone zone(menu.value(u"time_zone"_s).toString().toUtf8());
        QVERIFY(zone.isValid());
        QJsonObject closing;
        QJsonObject opening;
        for (const QJsonObject &i : menuItems(menu)) {
            if (i.value(u"id"_s).toInteger() == 3)
                closing = i;
            if (i.value(u"id"_s).toInteger() == 5)
                opening = i;
        }
        QVERIFY(!closing.isEmpty() && !opening.isEmpty());
        QCOMPARE(opening.value(u"category_id"_s), closing.value(u"category_id"_s));
        // Hours are HH:MM: the boundary is the next whole minute in the store's time zone,
        // at least a few seconds away so the setup is done before it.
        QDateTime boundary = QDateTime::currentDateTimeUtc().toTimeZone(zone);
        boundary.setTime(QTime(boundary.time().hour(), boundary.time().minute()));
        boundary = boundary.addSecs(60);
        if (QDateTime::currentDateTimeUtc().secsTo(boundary) < 5)
            boundary = boundary.addSecs(60);
        const auto window = [&](const QDateTime &from, const QDateTime &to) {
            return QJsonArray{QJsonObject{{u"days"_s, QJsonArray{1, 2, 3, 4, 5, 6, 7}},
                                          {u"from"_s, from.toTimeZone(zone).toString(u"HH:mm"_s)},
                                          {u"to"_s, to.toTimeZone(zone).toString(u"HH:mm"_s)}}};
        };
        const QString closingPath = u"/api/v1/menu/items/%1"_s.arg(closing.value(u"id"_s).toInteger());
        const QString openingPath = u"/api/v1/menu/items/%1"_s.arg(opening.value(u"id"_s).toInteger());
        VERIFY_STATUS(m_http.put(closingPath, {{u"available_hours"_s, window(boundary.addSecs(-7200), boundary)}},
                                 m_kitchenToken), 200);
        VERIFY_STATUS(m_http.put(openingPath, {{u"available_hours"_s, window(boundary, boundary.addSecs(7200))}},
                                 m_kitchenToken), 200);
        controller.selectCategory(closing.value(u"category_id"_s).toInteger());
        const QString closingNotNow = u"notNow-%1"_s.arg(closing.value(u"id"_s).toInteger());
        const QString openingNotNow = u"notNow-%1"_s.arg(opening.value(u"id"_s).toInteger());
        const QString closingAdd = u"addItem-%1"_s.arg(closing.value(u"id"_s).toInteger());
        const QString openingAdd = u"addItem-%1"_s.arg(opening.value(u"id"_s).toInteger());
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(openingNotNow) && !m_t->find(closingNotNow), 3000);
        QVERIFY(m_t->find(closingAdd)->isEnabled());
        QVERIFY(!m_t->find(openingAdd)->isEnabled());
        QVERIFY2(QDateTime::currentDateTimeUtc() < boundary, "set up before the boundary");

        QSignalSpy events(controller.stream(), &client::EventStream::eventReceived);
        const qint64 untilBoundary = QDateTime::currentDateTimeUtc().msecsTo(boundary);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(closingNotNow) && !m_t->find(openingNotNow), int(untilBoundary) + 10'000);
        QVERIFY2(QDateTime::currentDateTimeUtc() >= boundary, "changed at the boundary, not before");
        QVERIFY(!m_t->find(closingAdd)->isEnabled());
        QVERIFY(m_t->find(openingAdd)->isEnabled());
        bool told = false;
        for (const QList<QVariant> &event : std::as_const(events)) {
            told = told || (event.at(0).toString() == u"menu.updated"_s
                            && event.at(1).toJsonObject().value(u"reason"_s).toString() == u"hours"_s);
        }
        QVERIFY2(told, "the edge's menu.updated at the boundary told the tablet");

        VERIFY_STATUS(m_http.put(closingPath, {{u"available_hours"_s, QJsonArray()}}, m_kitchenToken), 200);
        VERIFY_STATUS(m_http.put(openingPath, {{u"available_hours"_s, QJsonArray()}}, m_kitchenToken), 200);
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(closingNotNow) && !m_t->find(openingNotNow), 3000);
    }

    void cleanupTestCase()
    {
        m_t.reset();
        m_k.reset();
        m_tablet.reset();
        m_kitchen.reset();
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    tableorder::ui::setupApplication(app);
    TestApps test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_apps.moc"
