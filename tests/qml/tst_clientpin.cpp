// The client library against a real tableorder-edge serving TLS (--tls on): REST and the
// WebSocket stream go through when the edge's certificate is the pinned one, and are refused
// (with a message that says why, and before any request is sent) when it is not, or when an
// https edge was never pinned.
#include "apireply.h"
#include "certificatepins.h"
#include "edgeapi.h"
#include "eventstream.h"
#include "testsupport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder::client;
using namespace tableorder::test;

namespace {

ApiReply wait(const std::function<void(EdgeApi::Callback)> &call)
{
    std::optional<ApiReply> result;
    call([&](const ApiReply &reply) { result = reply; });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 15000);
    return result.value_or(ApiReply::fromTransportError(u"test timed out"_s));
}

} // namespace

class TestClientPin : public QObject
{
    Q_OBJECT

    EdgeProcess m_edge{{.arguments = {u"--tls"_s, u"on"_s}}};
    QString m_fingerprint; // 64 hex digits
    QString m_display;     // AB:CD:...
    QUrl m_url;

    QString wrongPin() const
    {
        QString wrong = m_fingerprint;
        wrong[5] = wrong[5] == u'a' ? u'b' : u'a';
        return wrong;
    }

private slots:
    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        m_url = QUrl(u"https://127.0.0.1:%1"_s.arg(m_edge.port()));
        QProcess cli;
        cli.start(EdgeProcess::binaryPath(), {u"tls"_s, u"fingerprint"_s, u"--data-dir"_s, m_edge.dataDir()});
        QVERIFY(cli.waitForFinished(30'000));
        const QStringList lines = QString::fromLatin1(cli.readAllStandardOutput()).split(u'\n');
        m_fingerprint = lines.value(0).trimmed();
        m_display = lines.value(1).trimmed();
        QCOMPARE(m_fingerprint.size(), 64);
    }

    void normalize_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("hex") << u"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"_s << true;
        QTest::newRow("grouped upper case")
                << u"00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"_s << true;
        QTest::newRow("spaces") << u" 0011 2233 4455 6677 8899 aabb ccdd eeff 0011 2233 4455 6677 8899 aabb ccdd eeff "_s << true;
        QTest::newRow("too short") << u"00112233"_s << false;
        QTest::newRow("SHA-1 length") << u"00112233445566778899aabbccddeeff00112233"_s << false;
        QTest::newRow("not hex") << u"zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void normalize()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const QString normalized = CertificatePins::normalize(text);
        QCOMPARE(!normalized.isEmpty(), valid);
        if (valid)
            QCOMPARE(normalized, u"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"_s);
    }

    void thePinnedEdgeAnswers()
    {
        CertificatePins::pin(m_url, m_display); // as the manager screen shows it
        EdgeApi api;
        api.setBaseUrl(m_url);
        const ApiReply login = wait([&](auto done) { api.tableLogin(4, u"0000"_s, done); });
        QVERIFY2(login.ok(), qPrintable(login.describe()));
        const QString token = login.json.value(u"token"_s).toString();
        api.setToken(token);
        const ApiReply menu = wait([&](auto done) { api.fetchMenu({}, done); });
        QCOMPARE(menu.status, 200);

        EventStream stream;
        QSignalSpy events(&stream, &EventStream::eventReceived);
        stream.start(m_url, token);
        QTRY_VERIFY_WITH_TIMEOUT(stream.isOnline(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 10'000);
        QCOMPARE(events.first().at(0).toString(), u"snapshot"_s);
        QVERIFY(!stream.certificateRefused());
        stream.stop();
    }

    void anotherCertificateIsRefused()
    {
        // The tablet was paired with another certificate: whatever answers at this address
        // now (an impostor on the store's Wi-Fi) never sees the password.
        CertificatePins::pin(m_url, wrongPin());
        EdgeApi api;
        api.setBaseUrl(m_url);
        const ApiReply login = wait([&](auto done) { api.tableLogin(4, u"0000"_s, done); });
        QVERIFY(login.noAnswer());
        QVERIFY(login.certificateRefused);
        QVERIFY2(login.transportError.contains(u"not the paired one"_s), qPrintable(login.transportError));

        EventStream stream;
        stream.setBackoff({100, 200, 2.0, 0.0});
        QSignalSpy failed(&stream, &EventStream::connectFailed);
        QSignalSpy events(&stream, &EventStream::eventReceived);
        stream.start(m_url, u"any-token"_s);
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 2, 10'000);
        QVERIFY(!stream.isOnline());
        QVERIFY(stream.certificateRefused()); // what the offline banner tells staff
        QCOMPARE(events.size(), 0);
        stream.stop();
    }

    void anUnpinnedHttpsEdgeIsRefused()
    {
        CertificatePins::pin(m_url, {});
        EdgeApi api;
        api.setBaseUrl(m_url);
        const ApiReply health = wait([&](auto done) { api.get(u"/healthz"_s, done); });
        QVERIFY(health.noAnswer());
        QVERIFY(health.certificateRefused);
        QVERIFY2(health.transportError.contains(u"no certificate fingerprint"_s), qPrintable(health.transportError));
    }
};

QTEST_GUILESS_MAIN(TestClientPin)
#include "tst_clientpin.moc"
