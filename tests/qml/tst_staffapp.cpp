// The floor staff app (the kitchen app logged in as `staff` or `manager`), headless at
// 1280x800 against a real edge behind a fault-injecting proxy: floor staff land on the calls
// and tables, a table's call appears live and one tap acknowledges it with their name, the
// list is right after a reconnect; a payment taken through the UI is recorded once when
// tapped twice or when its answer is lost and it is sent again, and the visit closes at zero
// due; floor staff order two dishes for a free table through "주문 추가" (a double tap places
// one order; the bill's lines are the staff member's), a dish sold out meanwhile is refused
// in Korean and nothing is placed, an order whose answer is lost is sent again and placed once; a manager's void and discount change the bill; closing an unpaid table is refused and
// then forced with a reason; move and merge through the table picker; the day's close is
// refused, forced, and shows the Z report with the figures of GET /business-days/{date}/report.
// Writes the screenshots of the calls list, of taking a payment, of ordering for a table and
// of the Z report.
#include "billcontroller.h"
#include "callboard.h"
#include "dayclose.h"
#include "kitchentimes.h"
#include "eventstream.h"
#include "faultproxy.h"
#include "floortext.h"
#include "kitchenapp.h"
#include "kitchencontroller.h"
#include "stafforder.h"
#include "tablelistmodel.h"
#include "testsupport.h"
#include "uidriver.h"
#include "uisetup.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

class TestStaffApp : public QObject
{
    Q_OBJECT

    static EdgeProcess::Options edgeOptions()
    {
        EdgeProcess::Options options;
        options.environment = {{u"TABLEORDER_CALLS_OVERDUE_SECONDS"_s, u"2"_s},
                               {u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"3600000"_s}};
        return options;
    }

    EdgeProcess m_edge{edgeOptions()};
    HttpClient m_http;
    QString m_manager;
    QHash<int, QString> m_tables;
    QHash<int, qint64> m_tableIds;
    std::unique_ptr<FaultProxy> m_proxy;
    QTemporaryDir m_dir;
    std::unique_ptr<kitchen::KitchenApp> m_app;
    std::unique_ptr<UiDriver> m_ui;
    QString m_businessDate;
    QList<qint64> m_items; // dishes a tablet orders without options, at any hour
    qint64 m_needsOptions = 0; // a dish with a required option group

    kitchen::KitchenController &controller() { return m_app->controller(); }
    kitchen::BillController &bill() { return *controller().bill(); }

    QJsonObject placeOrder(int table, const QList<std::pair<qint64, int>> &lines)
    {
        const HttpResult result = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines), m_tables.value(table));
        if (result.status != 201)
            qWarning("order: %s", qPrintable(result.describe()));
        m_businessDate = result.json().value(u"business_date"_s).toString();
        return result.json();
    }
    QJsonObject edgeBill(int table)
    {
        return m_http.get(u"/api/v1/tables/%1/bill"_s.arg(m_tableIds.value(table)), m_manager).json();
    }
    QJsonObject edgeTable(int number)
    {
        for (const QJsonValue &t : m_http.get(u"/api/v1/tables"_s, m_manager).json().value(u"tables"_s).toArray()) {
            if (t.toObject().value(u"number"_s).toInt() == number)
                return t.toObject();
        }
        return {};
    }
    QJsonArray edgeCalls(const QString &status)
    {
        return m_http.get(u"/api/v1/calls?status="_s + status, m_manager).json().value(u"calls"_s).toArray();
    }
    qint64 makeCall(int table, const QString &reason, const QString &note = {})
    {
        QJsonObject body{{u"reason"_s, reason}};
        if (!note.isEmpty())
            body.insert(u"note"_s, note);
        const HttpResult result = m_http.post(u"/api/v1/calls"_s, body, m_tables.value(table));
        if (result.status != 201)
            qWarning("call: %s", qPrintable(result.describe()));
        return result.json().value(u"id"_s).toInteger();
    }
    void login(const QString &user)
    {
        if (controller().screen() != kitchen::KitchenController::Screen::Login) {
            controller().logout();
            QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"loginScreen"_s), 3000);
        }
        QVERIFY(m_ui->type(u"loginUser"_s, user));
        QVERIFY(m_ui->type(u"loginPassword"_s, user));
        QVERIFY(m_ui->tap(u"loginSubmit"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"page-tables"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(controller().online(), 5000);
    }
    /// Opens a table's bill dialog on the floor page.
    void openBill(int table)
    {
        if (!m_ui->find(u"tablesPage"_s))
            QVERIFY(m_ui->tap(u"page-tables"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"table-%1"_s.arg(table)), 5000);
        // A popup that just closed may still take the first tap while it fades out.
        QTRY_VERIFY_WITH_TIMEOUT((m_ui->scrollAndTap(u"table-%1"_s.arg(table)), bill().tableId() == m_tableIds.value(table)), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(bill().loaded() && bill().hasVisit(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"billButton"_s) && m_ui->find(u"billButton"_s)->isEnabled(), 5000);
        QVERIFY(m_ui->tap(u"billButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"payButton"_s), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"payAmount"_s), QString::number(bill().due()), 3000);
    }
    void closeBill()
    {
        if (m_ui->find(u"billClose"_s))
            QVERIFY(m_ui->tap(u"billClose"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"billClose"_s), 3000);
    }
    void shoot(const QString &name)
    {
        QTest::qWait(600); // the last frame of the popups' transitions
        const QString path = QDir(QStringLiteral(TABLEORDER_SCREENSHOT_DIR)).filePath(name + u".png"_s);
        QVERIFY2(m_ui->save(path), qPrintable(path));
        qInfo("saved %s", qPrintable(path));
    }

private slots:
    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
        m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
        QVERIFY(!m_manager.isEmpty());
        for (int number = 1; number <= 12; ++number)
            m_tables.insert(number, m_http.tableLogin(number));
        for (const QJsonValue &t : m_http.get(u"/api/v1/tables"_s, m_manager).json().value(u"tables"_s).toArray())
            m_tableIds.insert(t.toObject().value(u"number"_s).toInt(), t.toObject().value(u"id"_s).toInteger());
        for (const QJsonObject &item : menuItems(m_http.get(u"/api/v1/menu"_s).json())) {
            if (item.value(u"option_groups"_s).toArray().isEmpty() && item.value(u"available_now"_s).toBool(true)
                && item.value(u"available"_s).toBool()
                && (item.value(u"stock"_s).isNull() || item.value(u"stock"_s).isUndefined()))
                m_items.append(item.value(u"id"_s).toInteger());
            for (const QJsonValue &group : item.value(u"option_groups"_s).toArray()) {
                if (group.toObject().value(u"min_select"_s).toInt() >= 1 && m_needsOptions == 0
                    && item.value(u"available"_s).toBool() && item.value(u"available_now"_s).toBool(true))
                    m_needsOptions = item.value(u"id"_s).toInteger();
            }
        }
        QVERIFY(m_items.size() >= 3);
        if (m_needsOptions == 0) {
            // The demo menu's groups are all optional: a dish whose doneness must be chosen.
            const HttpResult group = m_http.post(
                    u"/api/v1/menu/option-groups"_s,
                    QJsonObject{{u"name"_s, u"굽기"_s}, {u"min_select"_s, 1}, {u"max_select"_s, 1},
                                {u"options"_s, QJsonArray{QJsonObject{{u"name"_s, u"미디엄"_s}, {u"price_delta"_s, 0}},
                                                          QJsonObject{{u"name"_s, u"웰던"_s}, {u"price_delta"_s, 0}}}}},
                    m_manager);
            VERIFY_STATUS(group, 201);
            const qint64 category = menuItems(m_http.get(u"/api/v1/menu"_s).json()).first().value(u"category_id"_s).toInteger();
            const HttpResult item = m_http.post(
                    u"/api/v1/menu/items"_s,
                    QJsonObject{{u"category_id"_s, category}, {u"name"_s, u"스테이크"_s}, {u"price"_s, 25000},
                                {u"option_group_ids"_s, QJsonArray{group.json().value(u"id"_s).toInteger()}}},
                    m_manager);
            VERIFY_STATUS(item, 201);
            m_needsOptions = item.json().value(u"id"_s).toInteger();
        }
        QVERIFY(m_needsOptions > 0);
        m_proxy = std::make_unique<FaultProxy>(m_edge.port());

        ui::AppOptions options;
        options.edgeUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_proxy->port()));
        options.settingsFile = m_dir.filePath(u"staff.ini"_s);
        options.windowed = true;
        options.width = 1280; // the floor's tablet, landscape
        options.height = 800;
        options.mute = true;
        options.language = u"ko"_s;
        m_app = std::make_unique<kitchen::KitchenApp>(options);
        QVERIFY(m_app->show());
        controller().stream()->setBackoff({100, 500, 2.0, 0.0});
        m_ui = std::make_unique<UiDriver>(m_app->window());
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    }

    void floorStaffLandOnCallsAndTables()
    {
        login(u"staff"_s);
        QCOMPARE(controller().role(), u"staff"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"callsPanel"_s), 3000);
        QVERIFY(m_ui->find(u"tablesPage"_s));
        // No kitchen board (it would send kitchen receipts), no menu, no manager pages.
        for (const QString &hidden : {u"board"_s, u"page-board"_s, u"page-menu"_s, u"page-editor"_s, u"page-day"_s})
            QVERIFY2(!m_ui->findAny(hidden), qPrintable(hidden));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"table-3"_s), 5000);
        QVERIFY(m_ui->tap(u"table-3"_s));
        QTRY_VERIFY(m_ui->find(u"billButton"_s));
        QVERIFY(!m_ui->find(u"pairTabletButton"_s));
    }

    void aCallAppearsAndOneTapAcknowledgesIt()
    {
        const int chimes = controller().calls()->newCallSerial();
        // One left unanswered until it is overdue, then one answered, then a fresh one.
        const qint64 late = makeCall(4, u"bill"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"call-%1"_s.arg(late)), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(controller().calls()->call(late).value(u"overdue"_s).toBool(), 10000);
        QCOMPARE(controller().calls()->overdueCount(), 1);

        const qint64 water = makeCall(3, u"water"_s, u"얼음물 두 잔"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"ackCall-%1"_s.arg(water)), 3000);
        QCOMPARE(m_ui->text(u"callReason-%1"_s.arg(water)), u"물"_s);
        QCOMPARE(controller().calls()->newCallSerial(), chimes + 2);
        QVERIFY(m_ui->tap(u"ackCall-%1"_s.arg(water)));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"doneCall-%1"_s.arg(water)), 3000);
        bool found = false;
        for (const QJsonValue &c : edgeCalls(u"acknowledged"_s)) {
            const QJsonObject call = c.toObject();
            if (call.value(u"id"_s).toInteger() == water) {
                found = true;
                QCOMPARE(call.value(u"acknowledged_by"_s).toObject().value(u"name"_s).toString(), u"staff"_s);
            }
        }
        QVERIFY(found);
        const qint64 fresh = makeCall(5, u"cutlery"_s, u"앞접시 하나 더"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"call-%1"_s.arg(fresh)), 3000);
        shoot(u"staff-calls"_s);

        // Done: off the list, and done at the edge.
        QVERIFY(m_ui->tap(u"doneCall-%1"_s.arg(water)));
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"call-%1"_s.arg(water)), 3000);
        QCOMPARE(edgeCalls(u"done"_s).first().toObject().value(u"id"_s).toInteger(), water);
        QVERIFY(m_ui->tap(u"ackCall-%1"_s.arg(late)));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"doneCall-%1"_s.arg(late)), 3000);
        QVERIFY(m_ui->tap(u"doneCall-%1"_s.arg(late)));
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"call-%1"_s.arg(late)), 3000);
    }

    void callsAreRightAfterAReconnect()
    {
        const qint64 fresh = edgeCalls(u"open"_s).first().toObject().value(u"id"_s).toInteger();
        QVERIFY(controller().calls()->call(fresh).value(u"status"_s) == u"open"_s);
        // The wifi drops; meanwhile another screen finishes one call and a guest makes another.
        m_proxy->setRefusing(true);
        m_proxy->cutAll();
        QTRY_VERIFY_WITH_TIMEOUT(!controller().online(), 5000);
        VERIFY_STATUS(m_http.post(u"/api/v1/calls/%1/done"_s.arg(fresh), {}, m_manager), 200);
        const qint64 other = makeCall(6, u"other"_s, u"아기 의자"_s);
        QVERIFY(!controller().calls()->call(fresh).isEmpty());
        m_proxy->setRefusing(false);
        QTRY_VERIFY_WITH_TIMEOUT(controller().online(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(controller().calls()->call(fresh).isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"call-%1"_s.arg(other)), 5000);
        QCOMPARE(controller().calls()->calls().size(), edgeCalls(u"active"_s).size());
    }

    void aPaymentIsRecordedOnceAndClosesTheVisit()
    {
        placeOrder(5, {{m_items[0], 2}, {m_items[1], 1}});
        openBill(5);
        const qint64 due = bill().due();
        const qint64 part = due / 2;
        QVERIFY(part > 0);
        // A part in cash, tapped twice.
        QVERIFY(m_ui->tap(u"payMethod-cash"_s));
        QVERIFY(m_ui->type(u"payAmount"_s, QString::number(part)));
        QVERIFY(m_ui->tap(u"payButton"_s));
        m_ui->tap(u"payButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(bill().paymentRecorded(), 5000);
        QVERIFY(!m_ui->find(u"payButton"_s)); // recorded: another payment is another attempt
        QTRY_COMPARE_WITH_TIMEOUT(bill().paid(), part, 3000);
        QCOMPARE(edgeBill(5).value(u"payments"_s).toArray().size(), 1);
        QCOMPARE(edgeBill(5).value(u"paid"_s).toInteger(), part);

        // The rest by card, its answer lost on the way back: sent again, it is the same payment.
        QVERIFY(m_ui->tap(u"newPaymentButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"payAmount"_s), QString::number(due - part), 3000);
        QVERIFY(m_ui->tap(u"payMethod-card"_s));
        shoot(u"staff-payment"_s);
        const QString attempt = bill().paymentId();
        // Two answers lost (Qt's network stack may itself resend a request once on a fresh
        // connection; the edge recorded the first, so any resend must be the same payment).
        m_proxy->loseResponses("/payments HTTP/1.1", 2);
        QVERIFY(m_ui->tap(u"payButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(bill().paymentUncertain(), 20000);
        QVERIFY(m_ui->find(u"abandonPaymentButton"_s));
        QVERIFY(edgeTable(5).value(u"session_id"_s).isNull()); // the edge had recorded it
        for (int tries = 0; tries < 3 && m_ui->find(u"billClose"_s); ++tries) {
            QCOMPARE(bill().paymentId(), attempt);
            QVERIFY(m_ui->tap(u"payButton"_s)); // "send again"
            QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"billClose"_s) || (bill().paymentUncertain() && !bill().busy()), 20000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"billClose"_s), 5000); // the visit closed
        m_proxy->loseResponses("/payments HTTP/1.1", 0);
        QVERIFY(m_proxy->patternRequestsSeen() >= 2);
        const QJsonObject report = m_http.get(u"/api/v1/business-days/%1/report"_s.arg(m_businessDate), m_manager).json();
        QCOMPARE(report.value(u"payments_by_method"_s).toObject().value(u"card"_s).toInteger(), due - part);
        QCOMPARE(report.value(u"payments_by_method"_s).toObject().value(u"cash"_s).toInteger(), part);
        QTRY_VERIFY_WITH_TIMEOUT(controller().tables()->table(m_tableIds.value(5)).value(u"session_id"_s).isNull(), 3000);
    }

    void floorStaffMayNotVoidOrDiscount()
    {
        placeOrder(6, {{m_items[0], 1}});
        openBill(6);
        QVERIFY(!m_ui->find(u"discountButton"_s));
        const qint64 lineId = edgeBill(6).value(u"lines"_s).toArray().first().toObject().value(u"line_id"_s).toInteger();
        QVERIFY(m_ui->find(u"billLine-%1"_s.arg(lineId)));
        QVERIFY(!m_ui->find(u"voidLine-%1"_s.arg(lineId)));
        closeBill();
        // Closing an unpaid table: refused, and no forcing for floor staff.
        QVERIFY(m_ui->tap(u"closeSessionButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"confirmCloseSession"_s), 3000);
        QVERIFY(m_ui->text(u"closeOpenItems"_s).contains(kitchen::wonText(bill().due(), u"ko"_s)));
        QVERIFY(m_ui->tap(u"confirmCloseSession"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!bill().unsettled().isEmpty(), 5000);
        QVERIFY(!m_ui->find(u"forceCloseSession"_s));
        QVERIFY(m_ui->tap(u"cancelCloseSession"_s));
        QVERIFY(!edgeTable(6).value(u"session_id"_s).isNull());
    }

    void floorStaffOrderForATable()
    {
        QCOMPARE(controller().role(), u"staff"_s);
        const int table = 10;
        QVERIFY(edgeTable(table).value(u"session_id"_s).isNull()); // a free table: the order seats it
        if (!m_ui->find(u"tablesPage"_s))
            QVERIFY(m_ui->tap(u"page-tables"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"table-%1"_s.arg(table)), 5000);
        QTRY_VERIFY_WITH_TIMEOUT((m_ui->scrollAndTap(u"table-%1"_s.arg(table)), controller().selectedTableId() == m_tableIds.value(table)), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"staffOrderButton"_s) && m_ui->find(u"staffOrderButton"_s)->isEnabled(), 3000);
        QVERIFY(m_ui->tap(u"staffOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"staffOrderSend"_s), 3000);
        QTest::qWait(400); // the dialog's rows settle as it opens
        QVERIFY(!m_ui->find(u"staffOrderSend"_s)->isEnabled()); // nothing picked yet
        // Options are the tablet's: a dish that needs them is listed with a note, not offered.
        QVERIFY(m_ui->find(u"orderItem-%1"_s.arg(m_needsOptions)));
        QCOMPARE(m_ui->text(u"orderItemNote-%1"_s.arg(m_needsOptions)), u"옵션 선택 필요 · 태블릿에서 주문"_s);
        QVERIFY(!m_ui->find(u"orderMore-%1"_s.arg(m_needsOptions)));
        QVERIFY(m_ui->scrollAndTap(u"orderMore-%1"_s.arg(m_items[0])));
        QVERIFY(m_ui->scrollAndTap(u"orderMore-%1"_s.arg(m_items[0])));
        QVERIFY(m_ui->scrollAndTap(u"orderMore-%1"_s.arg(m_items[2])));
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"orderQty-%1"_s.arg(m_items[0])), u"2"_s, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"orderQty-%1"_s.arg(m_items[2])), u"1"_s, 3000);
        QVERIFY(m_ui->text(u"staffOrderTotal"_s).startsWith(u"3개"_s));
        // Money in Korean the way the rest of the staff app writes it: 9,000원, not ₩9,000.
        QVERIFY2(m_ui->text(u"staffOrderTotal"_s).endsWith(u"원"_s), qPrintable(m_ui->text(u"staffOrderTotal"_s)));
        QVERIFY(!m_ui->text(u"staffOrderTotal"_s).contains(u"₩"_s));
        QCOMPARE(m_ui->text(u"staffOrderSend"_s), u"주문하기"_s);
        shoot(u"staff-order-for-table"_s);
        // A double tap: one order.
        QVERIFY(m_ui->tap(u"staffOrderSend"_s));
        m_ui->tap(u"staffOrderSend"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"staffOrderSend"_s), 5000); // placed: the dialog closed

        const QJsonObject edge = edgeBill(table);
        const QJsonArray lines = edge.value(u"lines"_s).toArray();
        QCOMPARE(lines.size(), 2);
        QHash<qint64, int> quantities;
        for (const QJsonValue &value : lines) {
            const QJsonObject line = value.toObject();
            const QJsonObject by = line.value(u"added_by"_s).toObject();
            QCOMPARE(by.value(u"kind"_s).toString(), u"staff"_s);
            QCOMPARE(by.value(u"name"_s).toString(), u"staff"_s);
            QCOMPARE(line.value(u"order_id"_s).toInteger(), lines.first().toObject().value(u"order_id"_s).toInteger());
            quantities.insert(line.value(u"menu_item_id"_s).toInteger(), line.value(u"quantity"_s).toInt());
        }
        QCOMPARE(quantities.value(m_items[0]), 2);
        QCOMPARE(quantities.value(m_items[2]), 1);

        // The app's bill shows the lines with the staff member as their origin.
        openBill(table);
        const qint64 lineId = lines.first().toObject().value(u"line_id"_s).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->text(u"billLineOrigin-%1"_s.arg(lineId)).startsWith(u"직원 staff"_s), 3000);
        QCOMPARE(bill().lines().size(), 2);
        closeBill();
    }

    void aSoldOutDishIsRefusedInKorean()
    {
        const int table = 11;
        QTRY_VERIFY_WITH_TIMEOUT((m_ui->scrollAndTap(u"table-%1"_s.arg(table)), controller().selectedTableId() == m_tableIds.value(table)), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"staffOrderButton"_s) && m_ui->find(u"staffOrderButton"_s)->isEnabled(), 3000);
        QVERIFY(m_ui->tap(u"staffOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"staffOrderSend"_s), 3000);
        QTest::qWait(400);
        QVERIFY(m_ui->scrollAndTap(u"orderMore-%1"_s.arg(m_items[1])));
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"orderQty-%1"_s.arg(m_items[1])), u"1"_s, 3000);
        const QString firstAttempt = controller().staffOrder()->orderId();
        // The kitchen runs out of it while the order is being put together.
        const QString path = u"/api/v1/menu/items/%1/availability"_s.arg(m_items[1]);
        VERIFY_STATUS(m_http.patch(path, {{u"available"_s, false}}, m_manager), 200);
        QVERIFY(m_ui->tap(u"staffOrderSend"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->text(u"staffOrderError"_s).startsWith(u"품절: "_s), 5000);
        QVERIFY(m_ui->find(u"staffOrderSend"_s)); // still open
        QVERIFY(controller().staffOrder()->orderId() != firstAttempt); // a corrected order is a new attempt
        QVERIFY(edgeTable(table).value(u"session_id"_s).isNull()); // nothing placed
        VERIFY_STATUS(m_http.patch(path, {{u"available"_s, true}}, m_manager), 200);
        QVERIFY(m_ui->tap(u"staffOrderCancel"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"staffOrderSend"_s), 3000);
    }

    void aLostAnswerIsSentAgainAsTheSameOrder()
    {
        const int table = 12;
        QTRY_VERIFY_WITH_TIMEOUT((m_ui->scrollAndTap(u"table-%1"_s.arg(table)), controller().selectedTableId() == m_tableIds.value(table)), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"staffOrderButton"_s) && m_ui->find(u"staffOrderButton"_s)->isEnabled(), 3000);
        QVERIFY(m_ui->tap(u"staffOrderButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"staffOrderSend"_s), 3000);
        QTest::qWait(400);
        QVERIFY(m_ui->scrollAndTap(u"orderMore-%1"_s.arg(m_items[0])));
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"orderQty-%1"_s.arg(m_items[0])), u"1"_s, 3000);
        const QString attempt = controller().staffOrder()->orderId();
        // Two answers lost (Qt may resend once on a fresh connection; the edge placed the first).
        m_proxy->loseResponses("/orders HTTP/1.1", 2);
        QVERIFY(m_ui->tap(u"staffOrderSend"_s));
        QTRY_VERIFY_WITH_TIMEOUT(controller().staffOrder()->uncertain(), 20000);
        QCOMPARE(m_ui->text(u"staffOrderSend"_s), u"다시 보내기"_s);
        QVERIFY(!m_ui->find(u"orderMore-%1"_s.arg(m_items[0]))->isEnabled()); // locked as sent
        for (int tries = 0; tries < 3 && m_ui->find(u"staffOrderSend"_s); ++tries) {
            QCOMPARE(controller().staffOrder()->orderId(), attempt);
            QVERIFY(m_ui->tap(u"staffOrderSend"_s));
            QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"staffOrderSend"_s)
                                             || (controller().staffOrder()->uncertain() && !controller().staffOrder()->busy()), 20000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"staffOrderSend"_s), 5000); // placed: closed
        m_proxy->loseResponses("/orders HTTP/1.1", 0);
        const QJsonArray lines = edgeBill(table).value(u"lines"_s).toArray();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().toObject().value(u"quantity"_s).toInt(), 1);
    }

    void managerVoidsAndDiscounts()
    {
        login(u"manager"_s);
        const QJsonObject order = placeOrder(6, {{m_items[1], 1}, {m_items[2], 2}});
        openBill(6);
        QJsonArray lines = edgeBill(6).value(u"lines"_s).toArray();
        const qint64 voided = lines.at(1).toObject().value(u"line_id"_s).toInteger();
        const qint64 before = edgeBill(6).value(u"total"_s).toInteger();
        const qint64 lineTotal = lines.at(1).toObject().value(u"line_total"_s).toInteger();
        QVERIFY(m_ui->tap(u"voidLine-%1"_s.arg(voided)));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"voidReason"_s), 3000);
        QVERIFY(m_ui->type(u"voidReason"_s, u"잘못 입력"_s));
        QVERIFY(m_ui->tap(u"voidLineConfirm"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"voidLineConfirm"_s), 5000);
        QJsonObject after = edgeBill(6);
        const QJsonObject line = after.value(u"lines"_s).toArray().at(1).toObject();
        if (!line.contains(u"void"_s))
            qWarning("%s", QJsonDocument(after).toJson().constData());
        QCOMPARE(line.value(u"void"_s).toObject().value(u"reason"_s).toString(), u"잘못 입력"_s);
        QCOMPARE(line.value(u"void"_s).toObject().value(u"by"_s).toObject().value(u"name"_s).toString(), u"manager"_s);
        QCOMPARE(after.value(u"total"_s).toInteger(), before - lineTotal);
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"voidLine-%1"_s.arg(voided)), 3000); // struck through now
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"billDue"_s), kitchen::wonText(after.value(u"due"_s).toInteger(), u"ko"_s), 3000);

        // 10 % off what is left.
        QVERIFY(m_ui->tap(u"discountButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"discountValue"_s), 3000);
        QVERIFY(m_ui->tap(u"discountKind-percent"_s));
        QVERIFY(m_ui->type(u"discountValue"_s, u"10"_s));
        QVERIFY(m_ui->type(u"discountReason"_s, u"오래 기다리심"_s));
        QVERIFY(m_ui->tap(u"discountApply"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"discountApply"_s), 5000);
        after = edgeBill(6);
        const QJsonObject discount = after.value(u"discounts"_s).toArray().first().toObject();
        QCOMPARE(discount.value(u"kind"_s).toString(), u"percent"_s);
        QCOMPARE(discount.value(u"amount"_s).toInteger(), (after.value(u"subtotal"_s).toInteger() * 10 + 50) / 100);
        QCOMPARE(after.value(u"total"_s).toInteger(), after.value(u"subtotal"_s).toInteger() - discount.value(u"amount"_s).toInteger());
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"billDue"_s), kitchen::wonText(after.value(u"due"_s).toInteger(), u"ko"_s), 3000);
        Q_UNUSED(order);
        QTRY_VERIFY_WITH_TIMEOUT(bill().discounts().size() == 1, 3000);
        shoot(u"manager-bill-corrections"_s);
        closeBill();
    }

    void closingAnUnpaidTableIsRefusedThenForced()
    {
        QVERIFY(m_ui->tap(u"closeSessionButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"confirmCloseSession"_s), 3000);
        QVERIFY(m_ui->tap(u"confirmCloseSession"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"forceCloseReason"_s), 5000);
        QVERIFY(!m_ui->find(u"forceCloseSession"_s)->isEnabled()); // not without a reason
        QVERIFY(!edgeTable(6).value(u"session_id"_s).isNull());
        QVERIFY(m_ui->type(u"forceCloseReason"_s, u"손님이 내일 계산"_s));
        QVERIFY(m_ui->tap(u"forceCloseSession"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"cancelCloseSession"_s), 5000);
        QVERIFY(edgeTable(6).value(u"session_id"_s).isNull());
    }

    void moveAndMergeThroughThePicker()
    {
        placeOrder(7, {{m_items[0], 1}});
        placeOrder(9, {{m_items[1], 1}});
        QTRY_VERIFY_WITH_TIMEOUT(!controller().tables()->table(m_tableIds.value(9)).value(u"session_id"_s).isNull(), 3000);
        QTRY_VERIFY_WITH_TIMEOUT((m_ui->tap(u"table-7"_s), bill().tableId() == m_tableIds.value(7)), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"moveButton"_s) && m_ui->find(u"moveButton"_s)->isEnabled(), 3000);
        QVERIFY(m_ui->tap(u"moveButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"pick-8"_s), 3000);
        QVERIFY(!m_ui->find(u"pick-9"_s)); // seated: not a place to move to
        QTest::qWait(400); // the picker's buttons flow into place as it opens
        QVERIFY(m_ui->tap(u"pick-8"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"tablePickerCancel"_s), 5000);
        QVERIFY2(edgeTable(7).value(u"session_id"_s).isNull(), qPrintable(bill().error()));
        QVERIFY2(!edgeTable(8).value(u"session_id"_s).isNull(), qPrintable(controller().message()));
        QCOMPARE(edgeBill(8).value(u"lines"_s).toArray().size(), 1);

        QTRY_VERIFY_WITH_TIMEOUT(!controller().tables()->table(m_tableIds.value(8)).value(u"session_id"_s).isNull(), 3000);
        QTRY_VERIFY_WITH_TIMEOUT((m_ui->tap(u"table-8"_s), bill().tableId() == m_tableIds.value(8)), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"mergeButton"_s) && m_ui->find(u"mergeButton"_s)->isEnabled(), 3000);
        QVERIFY(m_ui->tap(u"mergeButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"pick-9"_s), 3000);
        QTest::qWait(400);
        QVERIFY(m_ui->tap(u"pick-9"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"tablePickerCancel"_s), 5000);
        QVERIFY(edgeTable(9).value(u"session_id"_s).isNull());
        QCOMPARE(edgeBill(8).value(u"lines"_s).toArray().size(), 2);
    }

    void dayCloseShowsTheZReport()
    {
        QVERIFY(m_ui->tap(u"page-day"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"dayClosePage"_s), 3000);
        kitchen::DayClose &day = *controller().day();
        QCOMPARE(day.date(), m_businessDate);
        QTRY_VERIFY_WITH_TIMEOUT(day.loaded(), 5000);
        QVERIFY(m_ui->tap(u"closeDayButton"_s));
        // Table 8 still owes: refused, and it says which.
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"dayForceReason"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"openVisit-8"_s), 3000);
        QVERIFY(!m_http.get(u"/api/v1/business-days/%1/report"_s.arg(m_businessDate), m_manager).json().value(u"closed"_s).toBool());
        QVERIFY(m_ui->type(u"dayForceReason"_s, u"8번 테이블 내일 계산"_s));
        QVERIFY(m_ui->tap(u"forceCloseDayButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(day.closed(), 5000);

        const QJsonObject report = m_http.get(u"/api/v1/business-days/%1/report"_s.arg(m_businessDate), m_manager).json();
        QVERIFY(report.value(u"closed"_s).toBool());
        const auto won = [&](const char *key) { return kitchen::wonText(report.value(QLatin1StringView(key)).toInteger(), u"ko"_s); };
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"zGross"_s), won("gross"), 3000);
        QCOMPARE(m_ui->text(u"zVoids"_s), kitchen::wonText(-report.value(u"voids"_s).toInteger(), u"ko"_s));
        QCOMPARE(m_ui->text(u"zDiscounts"_s), kitchen::wonText(-report.value(u"discounts"_s).toInteger(), u"ko"_s));
        QCOMPARE(m_ui->text(u"zNet"_s), won("net"));
        QCOMPARE(m_ui->text(u"zPaid"_s), won("paid"));
        QCOMPARE(m_ui->text(u"zDue"_s), won("due"));
        const QJsonObject methods = report.value(u"payments_by_method"_s).toObject();
        for (const QString &method : {u"card"_s, u"cash"_s, u"transfer"_s, u"other"_s})
            QCOMPARE(m_ui->text(u"zMethod-"_s + method), kitchen::wonText(methods.value(method).toInteger(), u"ko"_s));
        QVERIFY2(m_ui->text(u"zOrders"_s).startsWith(u"주문 %1건"_s.arg(report.value(u"orders"_s).toInt())),
                 qPrintable(m_ui->text(u"zOrders"_s)));
        QVERIFY(m_ui->text(u"zCalls"_s).startsWith(QString::number(report.value(u"calls"_s).toInt())));
        QVERIFY(m_ui->text(u"zGross"_s).endsWith(u"원"_s) && m_ui->text(u"zGross"_s).contains(u","_s));
        QVERIFY2(m_ui->text(u"dayDate"_s).contains(u"년"_s) && m_ui->text(u"dayDate"_s).contains(u"월"_s),
                 qPrintable(m_ui->text(u"dayDate"_s)));
        QCOMPARE(report.value(u"forced_reason"_s).toString(), u"8번 테이블 내일 계산"_s);
        controller().clearMessage(); // the merge's toast, long gone when someone reads the report
        shoot(u"manager-z-report"_s);
    }

    void kitchenTimesPageShowsTheEdgesFigures()
    {
        // Dishes done at the edge (a manager completes an order: every line done at once).
        const HttpResult placed = m_http.post(u"/api/v1/orders"_s,
                                              orderBody(newClientOrderId(), {{m_items.at(0), 1}, {m_items.at(1), 2}}),
                                              m_tables.value(11));
        VERIFY_STATUS(placed, 201);
        const QString order = u"/api/v1/orders/%1"_s.arg(placed.json().value(u"id"_s).toInteger());
        VERIFY_STATUS(m_http.patch(order, {{u"status"_s, u"preparing"_s}}, m_manager), 200);
        VERIFY_STATUS(m_http.patch(order, {{u"status"_s, u"completed"_s}}, m_manager), 200);
        const QJsonArray expected = m_http.get(u"/api/v1/kitchen/times"_s, m_manager).json().value(u"items"_s).toArray();
        QVERIFY(expected.size() >= 2);

        QVERIFY(m_ui->tap(u"page-times"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"kitchenTimesPage"_s), 3000);
        kitchen::KitchenTimes &times = *controller().kitchenTimes();
        QTRY_VERIFY_WITH_TIMEOUT(times.loaded(), 5000);
        // The edge's rows in the edge's order (slowest first), in Korean.
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"timesItem-%1"_s.arg(expected.size() - 1)), 3000);
        const QVariantList items = times.items();
        QCOMPARE(items.size(), expected.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QVariantMap row = items.at(i).toMap();
            QCOMPARE(row.value(u"name"_s).toString(), expected.at(i).toObject().value(u"name"_s).toString());
            QCOMPARE(row.value(u"p90Text"_s).toString(),
                     kitchen::KitchenTimes::durationText(expected.at(i).toObject().value(u"p90_s"_s).toDouble()));
        }
        QVERIFY2(items.first().toMap().value(u"p50Text"_s).toString().endsWith(u"초"_s)
                         || items.first().toMap().value(u"p50Text"_s).toString().endsWith(u"분"_s),
                 qPrintable(items.first().toMap().value(u"p50Text"_s).toString()));
        QVERIFY(m_ui->find(u"timesStation-0"_s));

        // By hour: the same dishes with the hour they were ordered in.
        QVERIFY(m_ui->tap(u"timesByHour"_s));
        QTRY_VERIFY_WITH_TIMEOUT(times.loaded() && times.byHour(), 5000);
        QVERIFY(times.items().first().toMap().value(u"hourText"_s).toString().endsWith(u"시"_s));
        shoot(u"manager-kitchen-times"_s);
    }

    void durationTexts_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << 45.4 << u"45초"_s;
        QTest::newRow("whole minutes") << 720.0 << u"12분"_s;
        QTest::newRow("minutes and seconds") << 750.6 << u"12분 31초"_s;
        QTest::newRow("never negative") << -3.0 << u"0초"_s;
    }

    void durationTexts()
    {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(kitchen::KitchenTimes::durationText(seconds), text);
    }

    void cleanupTestCase()
    {
        m_ui.reset();
        m_app.reset();
    }
};

int main(int argc, char *argv[])
{
    // The floor's tablet is in the store (the demo store's time zone): its clock and the Z
    // report's times agree, as they do in a store.
    qputenv("TZ", "Asia/Seoul");
    QGuiApplication app(argc, argv);
    tableorder::ui::setupApplication(app);
    TestStaffApp test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_staffapp.moc"
