// The manager's 프린터 page and the board's printer fault banner (issue 14), headless at
// 1280x800 against a real edge and the test printer: a printer added through the form is on
// the edge and shows 정상 once the edge has read its status; 테스트 인쇄 comes out on paper;
// a station's mode set with one tap is the edge's; paper out shows on the page and in the
// banner ("주방 프린터: 용지 없음") and goes away when paper is back; a refused form (port 0)
// says why and adds nothing; deleting removes it. Writes docs/screenshots/manager-printers.png.
#include "kitchenapp.h"
#include "kitchencontroller.h"
#include "printercontroller.h"
#include "testprinter.h"
#include "testsupport.h"
#include "uidriver.h"
#include "uisetup.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

class TestStaffPrinters : public QObject
{
    Q_OBJECT

    EdgeProcess m_edge{EdgeProcess::Options{.environment = {{u"TABLEORDER_PRINTERS_POLL_MS"_s, u"300"_s},
                                                            {u"TABLEORDER_PRINTERS_RETRY_MAX_MS"_s, u"500"_s}}}};
    HttpClient m_http;
    QString m_manager;
    TestPrinter m_printer;
    QTemporaryDir m_dir;
    std::unique_ptr<kitchen::KitchenApp> m_app;
    std::unique_ptr<UiDriver> m_ui;

    kitchen::KitchenController &controller() { return m_app->controller(); }
    QJsonArray edgePrinters() { return m_http.get(u"/api/v1/printers"_s, m_manager).json()[u"printers"_s].toArray(); }

private slots:
    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
        m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
        QVERIFY(!m_manager.isEmpty());
        QVERIFY(m_printer.start());
        ui::AppOptions options;
        options.edgeUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_edge.port()));
        options.settingsFile = m_dir.filePath(u"staff.ini"_s);
        options.windowed = true;
        options.width = 1280;
        options.height = 800;
        options.mute = true;
        options.language = u"ko"_s;
        m_app = std::make_unique<kitchen::KitchenApp>(options);
        QVERIFY(m_app->show());
        m_ui = std::make_unique<UiDriver>(m_app->window());
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
        QVERIFY(m_ui->type(u"loginUser"_s, u"manager"_s));
        QVERIFY(m_ui->type(u"loginPassword"_s, u"manager"_s));
        QVERIFY(m_ui->tap(u"loginSubmit"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"page-printers"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(controller().online(), 5000);
    }

    void refusedFormAddsNothing()
    {
        QVERIFY(m_ui->tap(u"page-printers"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"printersPage"_s), 3000);
        QVERIFY(m_ui->type(u"printerName"_s, u"주방 프린터"_s));
        QVERIFY(m_ui->type(u"printerHost"_s, u"127.0.0.1"_s));
        QVERIFY(m_ui->type(u"printerPort"_s, u"0"_s));
        QVERIFY(m_ui->tap(u"printerSave"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->text(u"printerNotice"_s).contains(u"포트"_s), 5000);
        QCOMPARE(edgePrinters().size(), 0);
    }

    void addedPrinterPrintsATest()
    {
        QVERIFY(m_ui->type(u"printerPort"_s, QString::number(m_printer.port())));
        QVERIFY(m_ui->tap(u"printerSave"_s));
        QTRY_COMPARE_WITH_TIMEOUT(edgePrinters().size(), 1, 5000);
        const QJsonObject printer = edgePrinters().first().toObject();
        QCOMPARE(printer[u"name"_s].toString(), u"주방 프린터"_s);
        QCOMPARE(printer[u"port"_s].toInt(), m_printer.port());
        QCOMPARE(printer[u"stations"_s].toArray(), QJsonArray{u"kitchen"_s});
        const qint64 id = printer[u"id"_s].toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"printerStatus-%1"_s.arg(id)), u"정상"_s, 5000);
        QVERIFY(m_ui->tap(u"printerTest-%1"_s.arg(id)));
        QTRY_COMPARE_WITH_TIMEOUT(m_printer.tickets().size(), 1, 5000);
        QVERIFY(m_printer.tickets().first().contains(u"테스트 인쇄"_s));
        QVERIFY(m_printer.tickets().first().contains(u"주방 프린터"_s));
    }

    void stationModeIsSetWithATap()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"mode-kitchen-fallback"_s), 5000);
        QVERIFY(m_ui->tap(u"mode-kitchen-fallback"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/api/v1/stations/kitchen/mode"_s, m_manager).json()[u"mode"_s].toString(),
                                  u"fallback"_s, 5000);
    }

    void paperOutShowsInTheBanner()
    {
        const qint64 id = edgePrinters().first()[u"id"_s].toInteger();
        m_printer.setPaperOut(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"printerStatus-%1"_s.arg(id)), u"용지 없음"_s, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"printerBanner"_s) && m_ui->find(u"printerBanner"_s)->isVisible(), 5000);
        QVERIFY2(controller().printers()->faults().join(u'\n').contains(u"주방 프린터: 용지 없음"_s),
                 qPrintable(controller().printers()->faults().join(u'\n')));
        QTest::qWait(600);
        const QString path = QDir(QStringLiteral(TABLEORDER_SCREENSHOT_DIR)).filePath(u"manager-printers.png"_s);
        QVERIFY2(m_ui->save(path), qPrintable(path));
        m_printer.setPaperOut(false);
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->text(u"printerStatus-%1"_s.arg(id)), u"정상"_s, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"printerBanner"_s) || !m_ui->find(u"printerBanner"_s)->isVisible(), 5000);
    }

    void reprintFromTheTicket()
    {
        // A guest's order on the board, its ticket seen by this screen (no fallback print).
        const QString table = m_http.tableLogin(2);
        QVERIFY(!table.isEmpty());
        qint64 item = 0;
        for (const QJsonObject &entry : menuItems(m_http.get(u"/api/v1/menu"_s).json())) {
            if (entry[u"option_groups"_s].toArray().isEmpty()) {
                item = entry[u"id"_s].toInteger();
                break;
            }
        }
        QVERIFY(item > 0);
        const HttpResult placed = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{item, 2}}), table);
        VERIFY_STATUS(placed, 201);
        const qint64 orderId = placed.json()[u"id"_s].toInteger();
        QVERIFY(m_ui->tap(u"page-board"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->find(u"reprint-%1"_s.arg(orderId)) && m_ui->find(u"reprint-%1"_s.arg(orderId))->isVisible(), 5000);
        QCOMPARE(m_ui->text(u"reprint-%1"_s.arg(orderId)), u"재출력"_s);
        const qsizetype before = m_printer.tickets().size();
        QVERIFY(m_ui->tap(u"reprint-%1"_s.arg(orderId)));
        QTRY_COMPARE_WITH_TIMEOUT(m_printer.tickets().size(), before + 1, 5000);
        QVERIFY2(m_printer.tickets().last().contains(u"재출력"_s), qPrintable(m_printer.tickets().last().joined()));
        QVERIFY(m_printer.tickets().last().contains(u"테이블 2"_s));
        QVERIFY(m_ui->tap(u"page-printers"_s));
    }

    void deletingRemovesIt()
    {
        const qint64 id = edgePrinters().first()[u"id"_s].toInteger();
        QVERIFY(m_ui->tap(u"printerDelete-%1"_s.arg(id)));
        QTRY_COMPARE_WITH_TIMEOUT(edgePrinters().size(), 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui->find(u"printer-%1"_s.arg(id)), 5000);
    }

    void cleanupTestCase()
    {
        m_ui.reset();
        m_app.reset();
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    TestStaffPrinters test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_staffprinters.moc"
