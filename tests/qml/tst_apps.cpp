// Both apps, headless, against a real edge: a guest orders on the tablet by tapping the
// QML, the ticket shows on the kitchen display within a second, the cook advances it there
// and the tablet shows the new status; undo, sold-out, the offline banner, a lost response
// that must not double the order, and the manager closing the table.
#include "alldaymodel.h"
#include "cartmodel.h"
#include "clientsettings.h"
#include "edgeapi.h"
#include "eventstream.h"
#include "faultproxy.h"
#include "kitchenapp.h"
#include "kitchencontroller.h"
#include "menumodel.h"
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
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
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
        m_kitchen->controller().setUndoWindowMs(400);
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
        QVERIFY2(m_kitchen->controller().newTickets()->contains(id), "in the New column");
        // Its delivery receipt reached the edge.
        QTRY_VERIFY_WITH_TIMEOUT(m_kitchen->controller().acknowledged().contains(id), 1000);
        QTRY_COMPARE_WITH_TIMEOUT(m_http.post(u"/api/v1/orders/%1/ack"_s.arg(id), {}, m_kitchenToken)
                                          .json().value(u"first"_s).toBool(), false, 3000);
        // All day: 2 김치찌개 + 1 된장찌개 in progress.
        QVERIFY(m_kitchen->controller().allDay()->rowCount() >= 2);

        // The guests look at their orders.
        QVERIFY(m_t->tap(u"ordersButton"_s));
        const QString pill = u"orderStatus-%1"_s.arg(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->find(pill), 3000);
        QCOMPARE(m_t->find(pill)->property("status").toString(), u"pending"_s);

        // One tap in the kitchen: preparing; the tablet follows.
        QVERIFY(m_k->tap(u"advance-%1"_s.arg(id)));
        QTRY_VERIFY_WITH_TIMEOUT(m_kitchen->controller().preparingTickets()->contains(id), 500);
        QTRY_COMPARE_WITH_TIMEOUT(m_t->find(pill)->property("status").toString(), u"preparing"_s, 3000);
        QCOMPARE(edgeStatus(id), u"preparing"_s);

        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"advance-%1"_s.arg(id)), 2000);
        QVERIFY(m_k->tap(u"advance-%1"_s.arg(id)));
        QTRY_COMPARE_WITH_TIMEOUT(m_t->find(pill)->property("status").toString(), u"completed"_s, 3000);
        QVERIFY2(m_kitchen->controller().doneTickets()->contains(id), "shown as done for a while");
        QVERIFY(m_t->tap(u"ordersCloseButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->find(u"ordersCloseButton"_s), 3000);
    }

    void undoTakesBackAMistakenTap()
    {
        const qint64 id = orderOnTablet({3});
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"advance-%1"_s.arg(id)), 2000);
        m_kitchen->controller().setUndoWindowMs(3000);
        QVERIFY(m_k->tap(u"advance-%1"_s.arg(id)));
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"undoButton"_s), 1000);
        QVERIFY(m_kitchen->controller().preparingTickets()->contains(id));
        QVERIFY(m_k->tap(u"undoButton"_s));
        QVERIFY(m_kitchen->controller().newTickets()->contains(id));
        QVERIFY(!m_kitchen->controller().preparingTickets()->contains(id));
        QTest::qWait(3500);
        QCOMPARE(edgeStatus(id), u"pending"_s); // nothing was sent
        m_kitchen->controller().setUndoWindowMs(400);
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
        QTRY_VERIFY_WITH_TIMEOUT(m_kitchen->controller().newTickets()->contains(id), 2000);
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
        QVERIFY(m_kitchen->controller().allDay()->optionQuantityOf(dish.value(u"name"_s).toString(),
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
        // The tablet starts fresh for the next guests.
        QTRY_COMPARE_WITH_TIMEOUT(m_tablet->controller().orders()->rowCount(), 0, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(m_kitchen->controller().tableHistory()->rowCount() >= 3, 3000);
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
