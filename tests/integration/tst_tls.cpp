#include "testsupport.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QWebSocket>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// The edge with --tls on, as a client on the store's Wi-Fi sees it: HTTPS and WSS on its
/// one port with a certificate it generated itself; a client that pins that certificate's
/// SHA-256 (the fingerprint `tableorder-edge tls fingerprint` prints) gets through, one
/// that pins anything else (an impostor's certificate) is refused; the framing guard still
/// reads the decrypted bytes; plain HTTP to the port gets no answer.
class TestTls : public QObject
{
    Q_OBJECT

    EdgeProcess m_edge{{.arguments = {u"--tls"_s, u"on"_s}}};
    QString m_fingerprint; // from the CLI

    static QString fingerprintOf(const QSslCertificate &certificate)
    {
        return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
    }

    /// A TLS connection that accepts the edge's self-signed certificate only when its SHA-256
    /// is `pin`, as the apps do. Returns the connected socket, or null when refused.
    std::unique_ptr<QSslSocket> connectPinned(const QString &pin, QSslCertificate *seen = nullptr)
    {
        auto socket = std::make_unique<QSslSocket>();
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates({}); // no CA vouches for a store's edge
        socket->setSslConfiguration(configuration);
        QSslSocket *raw = socket.get();
        connect(raw, &QSslSocket::sslErrors, raw, [raw, pin, seen](const QList<QSslError> &) {
            const QSslCertificate peer = raw->peerCertificate();
            if (seen)
                *seen = peer;
            if (fingerprintOf(peer) == pin)
                raw->ignoreSslErrors();
        });
        socket->connectToHostEncrypted(u"127.0.0.1"_s, m_edge.port(), u"localhost"_s);
        if (!socket->waitForEncrypted(10'000))
            return nullptr;
        return socket;
    }

    /// Writes `request` on a pinned TLS connection and reads one response (or until close).
    HttpResult exchange(const QByteArray &request, const QString &pin)
    {
        auto socket = connectPinned(pin);
        if (!socket)
            return {.transportError = u"TLS handshake refused"_s};
        socket->write(request);
        QByteArray buffer;
        QDeadlineTimer deadline(15'000);
        while (!deadline.hasExpired()) {
            if (socket->state() == QAbstractSocket::ConnectedState)
                socket->waitForReadyRead(100);
            buffer += socket->readAll();
            const bool closed = socket->state() != QAbstractSocket::ConnectedState;
            if (auto response = takeResponse(buffer, closed)) {
                HttpResult result = std::move(*response);
                if (result.header("connection").compare("close", Qt::CaseInsensitive) == 0) {
                    QDeadlineTimer closeDeadline(3000);
                    while (socket->state() == QAbstractSocket::ConnectedState && !closeDeadline.hasExpired())
                        socket->waitForDisconnected(100);
                }
                result.closed = socket->state() != QAbstractSocket::ConnectedState;
                return result;
            }
            if (closed)
                return {.transportError = u"closed without a response"_s, .closed = true};
        }
        return {.transportError = u"no response in time"_s};
    }

    static QByteArray get(const QByteArray &path, const QString &token = {})
    {
        QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
        return request + "\r\n";
    }

    QString staffToken()
    {
        const QByteArray body = R"({"username":"manager","password":"manager"})";
        const HttpResult login = exchange("POST /api/v1/auth/staff-login HTTP/1.1\r\nHost: localhost\r\n"
                                          "Content-Type: application/json\r\nContent-Length: "
                                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body,
                                          m_fingerprint);
        return login.json().value(u"token"_s).toString();
    }

private slots:
    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        QProcess cli;
        cli.start(EdgeProcess::binaryPath(), {u"tls"_s, u"fingerprint"_s, u"--data-dir"_s, m_edge.dataDir()});
        QVERIFY(cli.waitForFinished(30'000));
        QCOMPARE(cli.exitCode(), 0);
        m_fingerprint = QString::fromLatin1(cli.readAllStandardOutput()).section(u'\n', 0, 0).trimmed();
        QCOMPARE(m_fingerprint.size(), 64);
    }

    void generatedOnFirstStartWithAPrivateKey()
    {
        const QFileInfo key(m_edge.dataDir() + u"/tls-key.pem"_s);
        QVERIFY(key.exists());
        QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        QVERIFY(QFileInfo::exists(m_edge.dataDir() + u"/tls-cert.pem"_s));
        // The operator sees the fingerprint in the log at start.
        QVERIFY2(m_edge.log().contains(m_fingerprint.toLatin1()), m_edge.log().constData());
    }

    void cliFingerprintIsTheServedCertificate()
    {
        QSslCertificate served;
        auto socket = connectPinned(m_fingerprint, &served);
        QVERIFY(socket);
        QCOMPARE(fingerprintOf(served), m_fingerprint);
        QVERIFY(socket->sessionProtocol() == QSsl::TlsV1_3 || socket->sessionProtocol() == QSsl::TlsV1_2);
        // ECDSA P-256, self-signed, years of validity: a store does not renew by hand.
        QCOMPARE(served.publicKey().algorithm(), QSsl::Ec);
        // Self-issued (QSslCertificate::isSelfSigned() asks OpenSSL's X509_check_issued, which
        // also wants keyCertSign; a server certificate that is not a CA has only
        // digitalSignature).
        QCOMPARE(served.issuerDisplayName(), served.subjectDisplayName());
        QVERIFY(served.expiryDate() > QDateTime::currentDateTimeUtc().addYears(9));
        QVERIFY(served.subjectAlternativeNames().values(QSsl::IpAddressEntry).contains(u"127.0.0.1"_s));
    }

    void httpsWithThePinnedFingerprint()
    {
        const HttpResult health = exchange(get("/healthz"), m_fingerprint);
        QCOMPARE(health.status, 200);
        const QString token = staffToken();
        QVERIFY(!token.isEmpty());
        // The manager's endpoint shows the fingerprint to pair tablets with.
        const HttpResult tls = exchange(get("/api/v1/system/tls", token), m_fingerprint);
        QCOMPARE(tls.status, 200);
        QCOMPARE(tls.json().value(u"enabled"_s).toBool(), true);
        QCOMPARE(tls.json().value(u"fingerprint_sha256"_s).toString(), m_fingerprint);
        // ...to managers only.
        QCOMPARE(exchange(get("/api/v1/system/tls"), m_fingerprint).status, 401);
    }

    void aClientPinningAnotherCertificateIsRefused()
    {
        // What a tablet paired with the real edge does when something else answers at its
        // address: its pin does not match, so no request (and no password) is ever sent.
        QString wrong = m_fingerprint;
        wrong[0] = wrong[0] == u'0' ? u'1' : u'0';
        QSslCertificate seen;
        auto socket = connectPinned(wrong, &seen);
        QVERIFY(!socket);
        QCOMPARE(fingerprintOf(seen), m_fingerprint); // it saw the certificate, and refused it
        // Trusting only the system's CAs (no pin) refuses it too: it is self-signed.
        QSslSocket strict;
        strict.connectToHostEncrypted(u"127.0.0.1"_s, m_edge.port(), u"localhost"_s);
        QVERIFY(!strict.waitForEncrypted(10'000));
    }

    void wssStreamWorks()
    {
        const QString token = staffToken();
        QVERIFY(!token.isEmpty());
        QWebSocket socket;
        socket.setSslConfiguration([] {
            QSslConfiguration c = QSslConfiguration::defaultConfiguration();
            c.setCaCertificates({});
            return c;
        }());
        connect(&socket, &QWebSocket::sslErrors, &socket, [&socket, this](const QList<QSslError> &) {
            if (fingerprintOf(socket.sslConfiguration().peerCertificate()) == m_fingerprint)
                socket.ignoreSslErrors();
        });
        QList<QJsonObject> messages;
        connect(&socket, &QWebSocket::textMessageReceived, &socket, [&messages](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QNetworkRequest request(QUrl(u"wss://127.0.0.1:%1/api/v1/ws"_s.arg(m_edge.port())));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        socket.open(request);
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 10'000);
        QCOMPARE(messages.first().value(u"type"_s).toString(), u"snapshot"_s);

        // A guest orders over HTTPS; the kitchen's WSS stream carries it.
        const QByteArray login = R"({"table_number":3,"password":"0000"})";
        const QString table = exchange("POST /api/v1/auth/table-login HTTP/1.1\r\nHost: localhost\r\n"
                                       "Content-Type: application/json\r\nContent-Length: "
                                               + QByteArray::number(login.size()) + "\r\n\r\n" + login,
                                       m_fingerprint)
                                      .json().value(u"token"_s).toString();
        QVERIFY(!table.isEmpty());
        const QByteArray body = QJsonDocument(orderBody(newClientOrderId(), {{1, 2}})).toJson(QJsonDocument::Compact);
        const HttpResult placed = exchange(rawOrderRequest(table, body), m_fingerprint);
        QCOMPARE(placed.status, 201);
        const qint64 id = placed.json().value(u"id"_s).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(messages.cbegin(), messages.cend(), [id](const QJsonObject &m) {
            return m.value(u"type"_s).toString() == u"order.created"_s
                    && m.value(u"data"_s).toObject().value(u"id"_s).toInteger() == id;
        }), 10'000);
        socket.close();
    }

    void theGuardStillRefusesAnOversizedBody()
    {
        // The guard reads the decrypted bytes: a huge Content-Length is refused before any
        // body is read, over TLS as over plain HTTP.
        const QByteArray request = "POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\n"
                                   "Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{";
        const HttpResult result = exchange(request, m_fingerprint);
        QCOMPARE(result.status, 413);
        QVERIFY(result.closed);
        QCOMPARE(exchange(get("/healthz"), m_fingerprint).status, 200);
    }

    void plainHttpToTheTlsPortIsRefused()
    {
        const HttpResult plain = HttpClient::raw(m_edge.port(), get("/healthz"), 10'000);
        QCOMPARE(plain.status, 0); // no HTTP answer, nothing readable
        QVERIFY(plain.closed);
        QVERIFY(m_edge.isRunning());
        QCOMPARE(exchange(get("/healthz"), m_fingerprint).status, 200);
    }

    void theCertificateSurvivesARestart()
    {
        QVERIFY(m_edge.terminate());
        VERIFY_STARTED(m_edge);
        QSslCertificate served;
        QVERIFY(connectPinned(m_fingerprint, &served));
        QCOMPARE(fingerprintOf(served), m_fingerprint);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
