// The kitchen display in a rush, headless against a real edge: 20 open tickets tile so that
// at least 12 are fully on screen at 1920x1080 and at least 6 at 1280x800, "+N more" counts
// exactly the ones that are not, the bump bar's page keys page through them, and ages read
// "N분"; the bump bar (QTest key events as a USB keypad sends them) selects a ticket by its
// number, bumps it, recalls it and bumps a single line, and a station screen bumps only its
// station's lines, each checked on the edge over HTTP; the expo shows each station's
// progress, says "준비 완료" once every line is done, and a runner's "served" reaches the edge
// and the guest's table. Writes the screenshots of the rush board at both sizes and the expo.
#include "boardcontroller.h"
#include "expocontroller.h"
#include "kitchenapp.h"
#include "kitchencontroller.h"
#include "orderlistmodel.h"
#include "testsupport.h"
#include "uidriver.h"
#include "uisetup.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

class TestRushBoard : public QObject
{
    Q_OBJECT

    static EdgeProcess::Options edgeOptions()
    {
        EdgeProcess::Options options;
        // No "not acknowledged" banners over the board while the test looks at it.
        options.environment = {{u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"3600000"_s}};
        return options;
    }

    EdgeProcess m_edge{edgeOptions()};
    HttpClient m_http;
    QString m_manager;
    QHash<int, QString> m_tables;
    QList<qint64> m_kitchenItems; // dishes of the kitchen station without required options
    qint64 m_barItem = 0;         // a drink of the bar station without options
    QList<qint64> m_rush;         // the 20 orders of the rush, oldest first
    QTemporaryDir m_dir;

    ui::AppOptions options(const QString &name, int width, int height)
    {
        ui::AppOptions o;
        o.edgeUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_edge.port()));
        o.settingsFile = m_dir.filePath(name + u".ini"_s);
        o.windowed = true;
        o.width = width;
        o.height = height;
        o.mute = true;
        o.language = u"ko"_s;
        return o;
    }
    qint64 placeOrder(int table, const QList<std::pair<qint64, int>> &lines, const QString &note = {})
    {
        const HttpResult result = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines, note),
                                              m_tables.value(table));
        if (result.status != 201)
            qWarning("order: %s", qPrintable(result.describe()));
        return result.json().value(u"id"_s).toInteger();
    }
    QJsonObject edgeOrder(qint64 id) { return m_http.get(u"/api/v1/orders/%1"_s.arg(id), m_manager).json(); }
    QString edgeStatus(qint64 id) { return edgeOrder(id).value(u"status"_s).toString(); }
    /// The edge's done_at of each line of the order, "" for a line not done.
    QStringList edgeDoneAt(qint64 id)
    {
        QStringList done;
        for (const QJsonValue &line : edgeOrder(id).value(u"items"_s).toArray())
            done.append(line.toObject().value(u"done_at"_s).toString());
        return done;
    }
    static void key(QWindow *window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::KeypadModifier)
    {
        QTest::keyClick(window, key, modifiers);
    }
    static void settle(int ms) { QTest::qWait(ms); }
    static bool marked(const client::OrderListModel &model, qint64 id)
    {
        const QList<QJsonObject> orders = model.orders();
        for (qsizetype row = 0; row < orders.size(); ++row) {
            if (orders.at(row).value(u"id"_s).toInteger() == id)
                return model.data(model.index(int(row)), client::OrderListModel::MarkedRole).toBool();
        }
        return false;
    }
    void shoot(const UiDriver &ui, const QString &name)
    {
        const QString path = QDir(QStringLiteral(TABLEORDER_SCREENSHOT_DIR)).filePath(name + u".png"_s);
        QVERIFY2(ui.save(path), qPrintable(path));
        qInfo("saved %s", qPrintable(path));
    }
    /// The rush's tickets wholly inside the board's ticket area and the window, in order.
    QList<qint64> fullyVisible(const UiDriver &ui, const QList<qint64> &ids)
    {
        QList<qint64> shown;
        QQuickItem *area = ui.find(u"ticketArea"_s);
        if (!area)
            return shown;
        const QRectF areaRect = area->mapRectToScene(QRectF(0, 0, area->width(), area->height()));
        const QRectF windowRect(0, 0, ui.window()->width(), ui.window()->height());
        for (qint64 id : ids) {
            QQuickItem *ticket = ui.find(u"ticket-%1"_s.arg(id));
            if (!ticket || ticket->opacity() < 1.0 || ticket->height() < ticket->implicitHeight())
                continue;
            const QRectF rect = ticket->mapRectToScene(QRectF(0, 0, ticket->width(), ticket->height()));
            if (areaRect.contains(rect) && windowRect.contains(rect))
                shown.append(id);
        }
        return shown;
    }
    void login(kitchen::KitchenApp &app, const UiDriver &ui)
    {
        app.controller().login({}, u"kitchen"_s, u"kitchen"_s);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"board"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(app.controller().boardReady(), 5000);
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
        const QJsonObject menu = m_http.get(u"/api/v1/menu"_s).json();
        QHash<qint64, QString> stationOfCategory;
        for (const QJsonValue &c : menu.value(u"categories"_s).toArray())
            stationOfCategory.insert(c.toObject().value(u"id"_s).toInteger(), c.toObject().value(u"station"_s).toString());
        for (const QJsonObject &item : menuItems(menu)) {
            bool required = false;
            for (const QJsonValue &group : item.value(u"option_groups"_s).toArray())
                required = required || group.toObject().value(u"min_select"_s).toInt() >= 1;
            if (required || !item.value(u"available"_s).toBool() || !item.value(u"available_now"_s).toBool(true)
                || !(item.value(u"stock"_s).isNull() || item.value(u"stock"_s).isUndefined()))
                continue;
            const QString station = stationOfCategory.value(item.value(u"category_id"_s).toInteger());
            if (station == u"kitchen"_s)
                m_kitchenItems.append(item.value(u"id"_s).toInteger());
            else if (station == u"bar"_s && m_barItem == 0)
                m_barItem = item.value(u"id"_s).toInteger();
        }
        QVERIFY(m_kitchenItems.size() >= 6);
        QVERIFY(m_barItem > 0);
        // A rush: 20 typical tickets of 2 to 4 lines, a few with a guests' note.
        for (int i = 0; i < 20; ++i) {
            QList<std::pair<qint64, int>> lines;
            const int count = 2 + i % 3;
            for (int line = 0; line < count; ++line)
                lines.append({m_kitchenItems.at((i + line * 2) % m_kitchenItems.size()), 1 + (i + line) % 2});
            const qint64 id = placeOrder(1 + i % 12, lines, i % 7 == 3 ? u"덜 맵게 해주세요"_s : QString());
            QVERIFY(id > 0);
            m_rush.append(id);
        }
    }

    void twentyTicketsTileWithMoreAndPages_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("promised");
        QTest::addColumn<QString>("name");
        QTest::newRow("1920x1080") << 1920 << 1080 << 12 << u"kitchen-rush-1920"_s;
        QTest::newRow("1280x800") << 1280 << 800 << 6 << u"kitchen-rush-1280"_s;
    }
    void twentyTicketsTileWithMoreAndPages()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, promised);
        QFETCH(QString, name);
        kitchen::KitchenApp app(options(name, width, height));
        QVERIFY(app.show());
        UiDriver ui(app.window());
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));
        login(app, ui);
        QTRY_COMPARE_WITH_TIMEOUT(app.controller().board()->active()->rowCount(), 20, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"ticket-%1"_s.arg(m_rush.first())), 5000);
        settle(800); // the tickets' fade-in
        const QList<qint64> shown = fullyVisible(ui, m_rush);
        qInfo("%s: %lld of 20 tickets fully visible", qPrintable(name), qlonglong(shown.size()));
        QVERIFY2(shown.size() >= promised, qPrintable(u"%1 fully visible"_s.arg(shown.size())));
        QVERIFY2(shown.size() < 20, "20 tickets do not all fit: the test needs a '+N more'");
        // In arrival order: the oldest first, none skipped.
        QCOMPARE(shown, m_rush.mid(0, shown.size()));
        // "+N more" counts exactly the tickets that are not on screen.
        const qsizetype more = 20 - shown.size();
        QQuickItem *board = ui.find(u"board"_s);
        QCOMPARE(board->property("moreAfter").toInt(), int(more));
        QVERIFY(ui.find(u"nextPage"_s));
        QCOMPARE(ui.text(u"nextPage"_s), u"+%1개 더 ▶"_s.arg(more));
        // Each shown ticket has its bump-bar number (1-9) and its age in minutes, never mm:ss.
        const QRegularExpression minutes(u"^\\d+분$"_s);
        for (qsizetype i = 0; i < shown.size(); ++i) {
            const QString age = ui.text(u"age-%1"_s.arg(shown.at(i)));
            QVERIFY2(minutes.match(age).hasMatch(), qPrintable(age));
            QCOMPARE(bool(ui.find(u"key-%1"_s.arg(shown.at(i)))), i < 9);
        }
        shoot(ui, name);

        // The bump bar's "*" pages on: the next tickets in order, and back with "/".
        key(app.window(), Qt::Key_Asterisk);
        QTRY_COMPARE_WITH_TIMEOUT(board->property("page").toInt(), 1, 2000);
        settle(300);
        const QList<qint64> next = fullyVisible(ui, m_rush);
        QVERIFY(!next.isEmpty());
        QCOMPARE(next.first(), m_rush.at(shown.size()));
        QVERIFY(!ui.find(u"ticket-%1"_s.arg(m_rush.first())));
        QCOMPARE(board->property("moreAfter").toInt(), int(20 - shown.size() - next.size()));
        QCOMPARE(ui.text(u"pageLabel"_s), u"%1/%2쪽"_s.arg(2).arg(board->property("pageCount").toInt()));
        key(app.window(), Qt::Key_Slash);
        QTRY_COMPARE_WITH_TIMEOUT(board->property("page").toInt(), 0, 2000);
        QCOMPARE(fullyVisible(ui, m_rush), shown);
    }

    void keypadBumpsRecallsAndBumpsALine()
    {
        kitchen::KitchenApp app(options(u"keypad"_s, 1920, 1080));
        QVERIFY(app.show());
        UiDriver ui(app.window());
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));
        kitchen::BoardController &board = *app.controller().board();
        board.setUndoWindowMs(300);
        login(app, ui);
        QTRY_VERIFY_WITH_TIMEOUT(fullyVisible(ui, m_rush).size() >= 12, 5000);
        QWindow *window = app.window();

        // "2" selects the second ticket; Enter starts it, Enter again bumps it (ready).
        const qint64 second = m_rush.at(1);
        key(window, Qt::Key_2);
        QCOMPARE(board.selectedOrderId(), second);
        key(window, Qt::Key_Enter);
        QTRY_COMPARE_WITH_TIMEOUT(edgeStatus(second), u"preparing"_s, 5000);
        key(window, Qt::Key_Enter);
        QTRY_COMPARE_WITH_TIMEOUT(edgeStatus(second), u"completed"_s, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!ui.find(u"ticket-%1"_s.arg(second)), 2000);
        // Its answer is in: the bump is no longer this screen's own (unmarked).
        QTRY_VERIFY_WITH_TIMEOUT(board.doneTickets()->contains(second) && !marked(*board.doneTickets(), second), 5000);
        QVERIFY(!edgeDoneAt(second).contains(QString())); // ready: every line done
        QVERIFY(ui.find(u"recall-%1"_s.arg(second)));

        // "0" recalls the last bumped ticket: back on the edge as preparing, lines not done,
        // and back on the board in its place (second oldest).
        key(window, Qt::Key_0);
        QTRY_COMPARE_WITH_TIMEOUT(edgeStatus(second), u"preparing"_s, 5000);
        QCOMPARE(edgeDoneAt(second).count(QString()), edgeDoneAt(second).size());
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"ticket-%1"_s.arg(second)), 3000);
        QCOMPARE(board.active()->orders().at(1).value(u"id"_s).toInteger(), second);
        QVERIFY(!ui.find(u"recall-%1"_s.arg(second)));

        // "1" then ".": the first ticket's first line is done on the edge, struck through here.
        const qint64 first = m_rush.at(0);
        key(window, Qt::Key_1);
        QCOMPARE(board.selectedOrderId(), first);
        key(window, Qt::Key_Period);
        QTRY_VERIFY_WITH_TIMEOUT(!edgeDoneAt(first).value(0).isEmpty(), 5000);
        QVERIFY(edgeDoneAt(first).value(1).isEmpty());
        QCOMPARE(edgeStatus(first), u"preparing"_s); // its first done line starts it
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"lineName-%1-0"_s.arg(first))
                                         && ui.find(u"lineName-%1-0"_s.arg(first))->property("font").value<QFont>().strikeOut(),
                                 3000);
        QVERIFY(!ui.find(u"lineName-%1-1"_s.arg(first))->property("font").value<QFont>().strikeOut());
        // "+" does the next line.
        key(window, Qt::Key_Plus);
        QTRY_VERIFY_WITH_TIMEOUT(!edgeDoneAt(first).value(1).isEmpty(), 5000);
        app.controller().logout();
    }

    void stationScreenBumpsOnlyItsLines()
    {
        // Kitchen and bar in one order: the bar's screen sees only the drink and bumps only it.
        const qint64 mixed = placeOrder(5, {{m_kitchenItems.at(0), 1}, {m_barItem, 2}});
        QVERIFY(mixed > 0);
        kitchen::KitchenApp app(options(u"bar"_s, 1280, 800));
        QVERIFY(app.show());
        UiDriver ui(app.window());
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));
        kitchen::BoardController &board = *app.controller().board();
        login(app, ui);
        board.toggleStation(u"bar"_s);
        // The bar's snapshot: the rush (kitchen dishes only) is not the bar's.
        QTRY_VERIFY_WITH_TIMEOUT(!board.active()->contains(m_rush.first()) && board.active()->contains(mixed), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"ticket-%1"_s.arg(mixed)), 3000);
        QVERIFY2(!ui.find(u"line-%1-0"_s.arg(mixed)), "the kitchen's line is not on the bar's screen");
        QVERIFY(ui.find(u"line-%1-1"_s.arg(mixed)));
        QVERIFY(!ui.find(u"ticket-%1"_s.arg(m_rush.first())));

        board.select(mixed);
        key(app.window(), Qt::Key_Enter);
        QTRY_VERIFY_WITH_TIMEOUT(!edgeDoneAt(mixed).value(1).isEmpty(), 5000);
        QVERIFY2(edgeDoneAt(mixed).value(0).isEmpty(), "the kitchen's line is the kitchen's to bump");
        QCOMPARE(edgeStatus(mixed), u"preparing"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!ui.find(u"ticket-%1"_s.arg(mixed)), 3000);

        // "-" recalls it: the drink is not done any more, and it is back on the bar's screen.
        key(app.window(), Qt::Key_Minus);
        QTRY_VERIFY_WITH_TIMEOUT(edgeDoneAt(mixed).value(1).isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"ticket-%1"_s.arg(mixed)), 3000);
        board.showAllStations();
        app.controller().logout();
    }

    void expoShowsProgressReadyAndServed()
    {
        // The rush is over: the manager cancels most of it, a pass's worth stays.
        for (qsizetype i = 6; i < m_rush.size(); ++i)
            VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(m_rush.at(i)), {{u"status"_s, u"canceled"_s}}, m_manager), 200);
        // Two stations; the kitchen line done first, then the drink: ready, then served.
        const qint64 id = placeOrder(9, {{m_kitchenItems.at(1), 1}, {m_kitchenItems.at(2), 1}, {m_barItem, 1}});
        QVERIFY(id > 0);
        const QString tableToken = m_tables.value(9);
        kitchen::KitchenApp app(options(u"expo"_s, 1920, 1080));
        QVERIFY(app.show());
        UiDriver ui(app.window());
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));
        app.controller().login({}, u"staff"_s, u"staff"_s);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"page-expo"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(app.controller().online(), 5000);
        QVERIFY(ui.tap(u"page-expo"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"expoPage"_s), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(app.controller().expo()->loaded(), 5000);

        const QJsonArray items = edgeOrder(id).value(u"items"_s).toArray();
        QCOMPARE(items.size(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"expo-%1"_s.arg(id)), 5000);
        QCOMPARE(ui.text(u"expoProgress-%1-kitchen"_s.arg(id)), u"0/2"_s);
        QCOMPARE(ui.text(u"expoProgress-%1-bar"_s.arg(id)), u"0/1"_s);
        QCOMPARE(ui.text(u"expoStatusText-%1"_s.arg(id)), u"시작 전"_s);

        const QString kitchenToken = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
        for (int i = 0; i < 2; ++i) {
            const qint64 itemId = items.at(i).toObject().value(u"id"_s).toInteger();
            QCOMPARE(m_http.post(u"/api/v1/orders/%1/lines/%2/done"_s.arg(id).arg(itemId), {}, kitchenToken).status, 200);
        }
        QTRY_COMPARE_WITH_TIMEOUT(ui.text(u"expoProgress-%1-kitchen"_s.arg(id)), u"2/2"_s, 5000);
        QCOMPARE(ui.text(u"expoProgress-%1-bar"_s.arg(id)), u"0/1"_s);
        QCOMPARE(ui.text(u"expoStatusText-%1"_s.arg(id)), u"조리 중"_s);
        QVERIFY(!ui.find(u"serve-%1"_s.arg(id)));

        QCOMPARE(m_http.post(u"/api/v1/orders/%1/done"_s.arg(id), {{u"station"_s, u"bar"_s}}, kitchenToken).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(ui.text(u"expoStatusText-%1"_s.arg(id)), u"준비 완료"_s, 5000);
        QCOMPARE(edgeStatus(id), u"completed"_s);
        // Ready orders come first, for the runners: none still cooking before this one.
        bool cookingSeen = false;
        bool found = false;
        for (const QVariant &entry : app.controller().expo()->orders()) {
            const QVariantMap order = entry.toMap();
            cookingSeen = cookingSeen || !order.value(u"ready"_s).toBool();
            if (order.value(u"id"_s).toLongLong() == id) {
                found = true;
                QVERIFY2(!cookingSeen, "a ready order listed after one still cooking");
            }
        }
        QVERIFY(found);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"serve-%1"_s.arg(id)), 3000);

        // The rest of the pass for the screenshot: one more ready, two cooking part-way.
        m_http.patch(u"/api/v1/orders/%1"_s.arg(m_rush.at(3)), {{u"status"_s, u"preparing"_s}}, kitchenToken);
        m_http.patch(u"/api/v1/orders/%1"_s.arg(m_rush.at(3)), {{u"status"_s, u"completed"_s}}, kitchenToken);
        const QJsonArray fifth = edgeOrder(m_rush.at(4)).value(u"items"_s).toArray();
        m_http.post(u"/api/v1/orders/%1/lines/%2/done"_s.arg(m_rush.at(4)).arg(fifth.at(0).toObject().value(u"id"_s).toInteger()),
                    {}, kitchenToken);
        QTRY_VERIFY_WITH_TIMEOUT(ui.find(u"serve-%1"_s.arg(m_rush.at(3))), 5000);
        settle(400);
        shoot(ui, u"kitchen-expo"_s);

        // The runner's tap: served on the edge, off the expo, and the table's order says so.
        QVERIFY(ui.tap(u"serve-%1"_s.arg(id)));
        QTRY_COMPARE_WITH_TIMEOUT(edgeStatus(id), u"served"_s, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!ui.findAny(u"expo-%1"_s.arg(id)), 3000);
        QCOMPARE(m_http.get(u"/api/v1/orders/%1"_s.arg(id), tableToken).json().value(u"status"_s).toString(), u"served"_s);
        app.controller().logout();
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    tableorder::ui::setupApplication(app);
    TestRushBoard test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_rushboard.moc"
