// The manager's "pair a tablet" QR, end to end, headless against a real edge serving TLS:
// the manager screen renders a QR; the rendered pixels, read back with zbar, are a pairing
// link; that link, given to a fresh tablet's setup screen, pairs it with the right table and
// pins the edge's certificate; the same link again, or edited for another table, pairs
// nothing; the kitchen login takes the link for its address and fingerprint. Saves
// docs/screenshots/manager-pairing.png.
#include "certificatepins.h"
#include "clientsettings.h"
#include "kitchenapp.h"
#include "kitchencontroller.h"
#include "pairinglink.h"
#include "qrcodeitem.h"
#include "qrdecoder.h"
#include "qrscanner.h"
#include "tablepairing.h"
#include "tablecards.h"
#include "tabletapp.h"
#include "tabletcontroller.h"
#include "testsupport.h"
#include "uidriver.h"
#include "uisetup.h"

#include <QGuiApplication>
#include <cstring>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkInterface>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#if __has_include(<QVideoSink>)
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>
#define HAVE_VIDEO 1
#endif

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

namespace {

/// A non-loopback IPv4 address of this machine, so that the edge's address in the QR is one
/// a tablet on the LAN could use; loopback when the machine has none.
QString lanAddress()
{
    for (const QHostAddress &address : QNetworkInterface::allAddresses())
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback() && !address.isLinkLocal())
            return address.toString();
    return u"127.0.0.1"_s;
}

/// The claims of a JWT (not verified: the edge did that).
QJsonObject claimsOf(const QString &token)
{
    const QByteArray payload = QByteArray::fromBase64(token.section(u'.', 1, 1).toLatin1(),
                                                      QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payload).object();
}

} // namespace

class TestPairingQr : public QObject
{
    Q_OBJECT

    const QString m_host = lanAddress();
    EdgeProcess m_edge{{.arguments = {u"--tls"_s, u"on"_s, u"--listen"_s, lanAddress() + u":0"_s}}};
    QTemporaryDir m_dir;
    QUrl m_url;
    QString m_fingerprint;
    std::unique_ptr<kitchen::KitchenApp> m_manager;
    std::unique_ptr<UiDriver> m_k;
    QString m_link; // as read from the screen
    const QString m_out = QStringLiteral(TABLEORDER_SCREENSHOT_DIR);

    std::unique_ptr<tablet::TabletApp> freshTablet(const QString &name)
    {
        ui::AppOptions options;
        options.settingsFile = m_dir.filePath(name + u".ini"_s);
        options.windowed = true;
        options.width = 1280;
        options.height = 800;
        options.language = u"en"_s;
        auto app = std::make_unique<tablet::TabletApp>(options);
        if (!app->show())
            return nullptr;
        return app;
    }

    /// What the QR item shows, as a camera would read it: its pixels on the window, decoded.
    QStringList readQr()
    {
        QQuickItem *qr = m_k->find(u"pairingQr"_s);
        if (!qr)
            return {};
        const QImage window = m_manager->window()->grabWindow();
        const QRectF area = qr->mapRectToScene(QRectF(0, 0, qr->width(), qr->height()));
        const qreal dpr = window.devicePixelRatio();
        return tablet::QrDecoder::decode(window.copy(QRectF(area.topLeft() * dpr, area.size() * dpr).toRect()));
    }

private slots:
    void initTestCase()
    {
        if (!tablet::QrDecoder::available())
            QSKIP("built without zbar (libzbar-dev): cannot read the QR back");
        VERIFY_STARTED(m_edge);
        m_url = QUrl(u"https://%1:%2"_s.arg(m_host).arg(m_edge.port()));
        QProcess cli;
        cli.start(EdgeProcess::binaryPath(), {u"tls"_s, u"fingerprint"_s, u"--data-dir"_s, m_edge.dataDir()});
        QVERIFY(cli.waitForFinished(30'000));
        m_fingerprint = QString::fromLatin1(cli.readAllStandardOutput()).split(u'\n').value(0).trimmed();
        QCOMPARE(m_fingerprint.size(), 64);

        ui::AppOptions options;
        options.settingsFile = m_dir.filePath(u"manager.ini"_s);
        options.windowed = true;
        options.width = 1920;
        options.height = 1080;
        options.mute = true;
        options.language = u"en"_s;
        m_manager = std::make_unique<kitchen::KitchenApp>(options);
        QVERIFY(m_manager->show());
        m_k = std::make_unique<UiDriver>(m_manager->window());
        QVERIFY(QTest::qWaitForWindowExposed(m_manager->window()));
        m_manager->controller().login(m_url.toString(), u"manager"_s, u"manager"_s, m_fingerprint);
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"page-tables"_s), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_manager->controller().online(), 15'000); // WSS, pinned
    }

    void theManagerScreenShowsATablesQr()
    {
        kitchen::KitchenController &manager = m_manager->controller();
        kitchen::TablePairing *pairing = manager.pairing();
        QVERIFY(m_k->tap(u"page-tables"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"table-4"_s), 5000);
        // The tiles can still move while the page settles (the list loads, the connection
        // banner comes or goes): tap until the table is selected, as a person would.
        QTRY_VERIFY_WITH_TIMEOUT((m_k->tap(u"table-4"_s), manager.selectedTable().value(u"number"_s).toInt() == 4), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"pairTabletButton"_s), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(pairing->tableId() != 0 || (m_k->tap(u"pairTabletButton"_s), false), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!pairing->link().isEmpty(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_k->find(u"pairingQr"_s), 3000);
        QCOMPARE(pairing->tableNumber(), 4);
        QVERIFY(pairing->secondsLeft() > 590 && pairing->secondsLeft() <= 600);
        QVERIFY(m_k->text(u"pairingTitle"_s).contains(u"table 4"_s));
        QVERIFY(!m_k->text(u"pairingCode"_s).isEmpty());

        // Read back from the pixels, as the tablet's camera would.
        QStringList read;
        QTRY_VERIFY_WITH_TIMEOUT(!(read = readQr()).isEmpty(), 5000);
        QCOMPARE(read.size(), 1);
        m_link = read.first();
        QCOMPARE(m_link, pairing->link());

        const auto link = client::PairingLink::parse(m_link);
        QVERIFY2(link, qPrintable(link ? QString() : link.error()));
        QCOMPARE(link->edge, m_url);
        QCOMPARE(link->fingerprint, m_fingerprint);
        QCOMPARE(link->tableNumber, 4);
        QCOMPARE(link->code.size(), 12);
        // No table password in it, in any form.
        QVERIFY(!m_link.contains(u"0000"_s) && !m_link.contains(u"password"_s));
        if (m_host != u"127.0.0.1"_s)
            QVERIFY(!m_k->find(u"pairingWarning"_s));

        QVERIFY(m_k->save(m_out + u"/manager-pairing.png"_s));
    }

    /// Issue 16: the manager saves the table cards; the PDF has a card per table (four to a
    /// page) and each card's QRs read back as the table's order address and the Wi-Fi login.
    void tableCardsCarryEachTablesOrderQr()
    {
        kitchen::TableCards *cards = m_manager->controller().tableCards();
        const QString path = m_dir.filePath(u"cards.pdf"_s);
        cards->save(path);
        QTRY_VERIFY_WITH_TIMEOUT(!cards->busy(), 10'000);
        QVERIFY2(cards->error().isEmpty(), qPrintable(cards->error()));
        QCOMPARE(cards->savedPath(), path);
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        int pages = 0;
        for (auto it = QRegularExpression(u"/Type\\s*/Page[^s]"_s).globalMatch(QString::fromLatin1(bytes)); it.hasNext(); it.next())
            ++pages;
        QCOMPARE(pages, 3); // the demo's 12 tables

        const QJsonObject data{{u"store_name"_s, u"한식당 데모점"_s}, {u"wifi_ssid"_s, u"Cafe;Guest"_s}, {u"wifi_password"_s, u"p:ss\\word"_s},
                               {u"tables"_s, QJsonArray{QJsonObject{{u"number"_s, 4}, {u"code"_s, u"ABCDEFGHJK"_s},
                                                                    {u"order_url"_s, u"https://hq.example.com/s/3/t/ABCDEFGHJK"_s}}}}};
        const QImage card = kitchen::TableCards::cardImage(data, 0);
        QVERIFY(card.save(QStringLiteral(TABLEORDER_SCREENSHOT_DIR) + u"/table-card.png"_s));
        QStringList read = tablet::QrDecoder::decode(card);
        read.sort();
        QCOMPARE(read, (QStringList{u"WIFI:T:WPA;S:Cafe\\;Guest;P:p\\:ss\\\\word;;"_s, u"https://hq.example.com/s/3/t/ABCDEFGHJK"_s}));

        // A new code for table 4 from the manager's Tables page (the old card then joins
        // nothing: tst_guest); the page says which card to print again.
        QCOMPARE(m_manager->controller().selectedTable().value(u"number"_s).toInt(), 4);
        cards->renewCode(m_manager->controller().selectedTableId());
        QTRY_VERIFY_WITH_TIMEOUT(cards->renewedTable() == 4, 10'000);
        QVERIFY2(cards->error().isEmpty(), qPrintable(cards->error()));
        // Staff let the table's phones order with its card (the pairing dialog stays open
        // for the next tests, so no tap here): the button says so.
        cards->openToPhones(m_manager->controller().selectedTableId());
        QTRY_COMPARE_WITH_TIMEOUT(cards->openedTableId(), m_manager->controller().selectedTableId(), 10'000);
        QVERIFY2(cards->error().isEmpty(), qPrintable(cards->error()));
        QTRY_VERIFY_WITH_TIMEOUT(m_k->text(u"openToPhonesButton"_s).endsWith(u"✓"_s), 3000);
    }

    void theLinkPairsAFreshTabletWithThatTable()
    {
        QVERIFY(!m_link.isEmpty());
        // Nothing pinned for the edge before: the tablet gets its pin from the link alone.
        client::CertificatePins::pin(m_url, {});
        auto app = freshTablet(u"tablet-a"_s);
        QVERIFY(app);
        UiDriver t(app->window());
        QTRY_VERIFY_WITH_TIMEOUT(t.find(u"setupScreen"_s), 3000);
        QVERIFY(t.type(u"setupLink"_s, m_link));
        QTRY_VERIFY_WITH_TIMEOUT(t.find(u"setupPair"_s), 2000);
        if (qEnvironmentVariableIsSet("TABLEORDER_SETUP_SHOT"))
            t.save(qEnvironmentVariable("TABLEORDER_SETUP_SHOT"));
        QVERIFY(t.tap(u"setupPair"_s));
        auto &tablet = app->controller();
        QTRY_VERIFY_WITH_TIMEOUT(t.find(u"menuScreen"_s), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(tablet.menuReady(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(tablet.online(), 10'000); // WSS through the pinned certificate
        QVERIFY(!tablet.certificateRefused());
        QCOMPARE(tablet.tableNumber(), 4);
        QCOMPARE(tablet.edgeUrl(), m_url.toString());
        QCOMPARE(tablet.settings().edgeFingerprint(), m_fingerprint);
        QCOMPARE(tablet.settings().role(), u"table"_s);
        QCOMPARE(claimsOf(tablet.settings().token()).value(u"role"_s).toString(), u"table"_s);
        QCOMPARE(claimsOf(tablet.settings().token()).value(u"tid"_s).toInteger(),
                 m_manager->controller().pairing()->tableId());
    }

    void theSameLinkPairsNothingMore()
    {
        auto app = freshTablet(u"tablet-b"_s);
        QVERIFY(app);
        UiDriver t(app->window());
        QVERIFY(t.type(u"setupLink"_s, m_link));
        QTRY_VERIFY_WITH_TIMEOUT(t.find(u"setupPair"_s), 2000);
        QVERIFY(t.tap(u"setupPair"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!app->controller().setupError().isEmpty(), 10'000);
        QVERIFY2(app->controller().setupError().contains(u"already used"_s), qPrintable(app->controller().setupError()));
        QVERIFY(t.find(u"setupError"_s));
        QVERIFY(t.find(u"setupScreen"_s));
        QVERIFY(app->controller().settings().token().isEmpty());
    }

    void aCodeFromOneTableCannotPairAnother()
    {
        // A fresh code for table 4, its link edited to say table 5.
        kitchen::TablePairing *pairing = m_manager->controller().pairing();
        const QString before = pairing->link();
        QVERIFY(m_k->tap(u"pairingRenew"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!pairing->link().isEmpty() && pairing->link() != before, 10'000);
        auto link = client::PairingLink::parse(pairing->link());
        QVERIFY(link);
        link->tableNumber = 5;

        auto app = freshTablet(u"tablet-c"_s);
        QVERIFY(app);
        app->controller().pair(link->toString());
        QTRY_VERIFY_WITH_TIMEOUT(!app->controller().setupError().isEmpty(), 10'000);
        QVERIFY2(app->controller().setupError().contains(u"table 5"_s), qPrintable(app->controller().setupError()));
        QVERIFY(app->controller().settings().token().isEmpty());

        // The code still pairs its own table.
        link->tableNumber = 4;
        app->controller().pair(link->toString());
        QTRY_COMPARE_WITH_TIMEOUT(app->controller().screen(), tablet::TabletController::Screen::Menu, 10'000);
        QCOMPARE(app->controller().tableNumber(), 4);
    }

    void nextTableShowsTheNextTablesQr()
    {
        // Setting up a room: "Next table" puts table 5's QR up, with a code of its own.
        kitchen::TablePairing *pairing = m_manager->controller().pairing();
        const QString before = pairing->link();
        QVERIFY(m_k->tap(u"pairingNext"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!pairing->link().isEmpty() && pairing->link() != before, 10'000);
        QCOMPARE(pairing->tableNumber(), 5);
        QStringList read;
        QTRY_VERIFY_WITH_TIMEOUT(!(read = readQr()).isEmpty() && read.first() == pairing->link(), 5000);
        const auto link = client::PairingLink::parse(read.first());
        QVERIFY(link);
        QCOMPARE(link->tableNumber, 5);
        QVERIFY(link->code != client::PairingLink::parse(before)->code);
    }

    void theCameraScanReadsALinkFromAFrame()
    {
#ifdef HAVE_VIDEO
        // What the setup screen's camera preview hands the scanner: frames. One holding the
        // manager's QR (as the camera would see it, with a margin) gives the link; one
        // holding any other QR gives nothing.
        auto frameOf = [](const QString &text) {
            const QImage matrix = ui::QrCodeItem::matrix(text);
            QImage picture(640, 480, QImage::Format_RGBA8888);
            picture.fill(QColor(200, 200, 190));
            const QImage code = matrix.scaled(matrix.width() * 7, matrix.height() * 7).convertToFormat(QImage::Format_RGBA8888);
            for (int y = 0; y < code.height(); ++y)
                std::memcpy(picture.scanLine(y + 40) + 4 * 120, code.constScanLine(y), size_t(4 * code.width()));
            QVideoFrame frame(QVideoFrameFormat(picture.size(), QVideoFrameFormat::Format_RGBA8888));
            if (frame.map(QVideoFrame::WriteOnly)) {
                for (int y = 0; y < picture.height(); ++y)
                    std::memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), picture.constScanLine(y),
                                size_t(4 * picture.width()));
                frame.unmap();
            }
            return frame;
        };
        QVERIFY(!m_link.isEmpty());
        QVideoSink sink;
        tablet::QrScanner scanner;
        scanner.setVideoSink(&sink);
        QSignalSpy found(&scanner, &tablet::QrScanner::linkFound);
        sink.setVideoFrame(frameOf(u"https://example.com/menu"_s));
        QCOMPARE(found.size(), 0);
        // Frames are read at most about three times a second.
        QTest::qWait(350);
        sink.setVideoFrame(frameOf(m_link));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().first().toString(), m_link);
#else
        QSKIP("built without Qt Multimedia");
#endif
    }

    void notALinkIsExplained_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("a web address") << u"https://example.com/pair"_s << u"not a pairing link"_s;
        QTest::newRow("https without fingerprint")
                << u"tableorder://pair?edge=https%3A%2F%2F10.0.0.1%3A8080&table=3&code=ABCD"_s << u"fingerprint"_s;
        QTest::newRow("kitchen link, no table")
                << u"tableorder://pair?edge=http%3A%2F%2F10.0.0.1%3A8080"_s << u"no table"_s;
    }
    void notALinkIsExplained()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        auto app = freshTablet(u"tablet-d"_s);
        QVERIFY(app);
        app->controller().pair(text);
        QVERIFY2(app->controller().setupError().contains(says), qPrintable(app->controller().setupError()));
        QCOMPARE(app->controller().setupBusy(), false);
    }

    void theKitchenLoginTakesTheLink()
    {
        client::CertificatePins::pin(m_url, {});
        ui::AppOptions options;
        options.settingsFile = m_dir.filePath(u"kitchen.ini"_s);
        options.windowed = true;
        options.width = 1280;
        options.height = 800;
        options.mute = true;
        kitchen::KitchenApp app(options);
        QVERIFY(app.show());
        UiDriver k(app.window());
        QTRY_VERIFY_WITH_TIMEOUT(k.find(u"loginScreen"_s), 3000);
        QVERIFY(k.type(u"loginEdge"_s, m_link));
        QTRY_COMPARE_WITH_TIMEOUT(k.findAny(u"loginEdge"_s)->property("text").toString(), m_url.toString(), 2000);
        QCOMPARE(client::CertificatePins::normalize(k.findAny(u"loginFingerprint"_s)->property("text").toString()),
                 m_fingerprint);
        QVERIFY(k.type(u"loginUser"_s, u"kitchen"_s));
        QVERIFY(k.type(u"loginPassword"_s, u"kitchen"_s));
        QVERIFY(k.tap(u"loginSubmit"_s));
        QTRY_VERIFY_WITH_TIMEOUT(k.find(u"board"_s), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(app.controller().online(), 10'000);
    }

    void cleanupTestCase()
    {
        m_k.reset();
        m_manager.reset();
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    tableorder::ui::setupApplication(app);
    TestPairingQr test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_pairingqr.moc"
