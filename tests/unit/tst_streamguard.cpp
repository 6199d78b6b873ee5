#include "http/httpserver.h"
#include "metrics.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;

/// The write side of the connection guard: an event stream whose reader stops reading is
/// cut (too much unsent, or unsent bytes that do not move), a reader that reads is not.
/// A real HttpServer on port 0 with a stream route that writes 64 KiB every 10 ms.
class TestStreamGuard : public QObject
{
    Q_OBJECT

private slots:
    void stalledReaderIsCut_data();
    void stalledReaderIsCut();
    void readingClientKeepsItsStream();

private:
    /// Starts a server whose /stream route writes forever; `stream` follows the socket.
    quint16 serve(http::HttpServer &server, http::GuardLimits limits, QPointer<QTcpSocket> &stream);
};

quint16 TestStreamGuard::serve(http::HttpServer &server, http::GuardLimits limits, QPointer<QTcpSocket> &stream)
{
    server.routeStream(http::HttpServer::Method::Get, u"/stream"_s, {}, [&stream](http::HttpRequest &, QTcpSocket *socket) {
        stream = socket;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
        auto *timer = new QTimer(socket);
        QObject::connect(timer, &QTimer::timeout, socket, [socket] {
            socket->write("data: " + QByteArray(64 * 1024, 'x') + "\n\n");
        });
        timer->start(10);
    });
    return server.listen(QHostAddress::LocalHost, 0, std::move(limits));
}

void TestStreamGuard::stalledReaderIsCut_data()
{
    QTest::addColumn<qint64>("maxUnsent");
    QTest::addColumn<int>("stallMs");
    QTest::newRow("too much unsent") << qint64(1024 * 1024) << 3'600'000;
    QTest::newRow("unsent bytes do not move") << (qint64(1) << 30) << 300;
}

void TestStreamGuard::stalledReaderIsCut()
{
    QFETCH(qint64, maxUnsent);
    QFETCH(int, stallMs);
    Metrics metrics;
    http::HttpServer server(metrics);
    http::GuardLimits limits;
    limits.maxStreamUnsentBytes = maxUnsent;
    limits.streamStallMs = stallMs;
    QPointer<QTcpSocket> stream;
    const quint16 port = serve(server, limits, stream);
    QVERIFY(port);
    QTcpSocket client;
    client.setReadBufferSize(1024); // reads (almost) nothing: the kernel buffers fill
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    client.write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(stream, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!stream, 30'000);
    QCOMPARE(server.openConnections(), 0);
}

void TestStreamGuard::readingClientKeepsItsStream()
{
    Metrics metrics;
    http::HttpServer server(metrics);
    http::GuardLimits limits;
    limits.maxStreamUnsentBytes = 1024 * 1024;
    limits.streamStallMs = 300;
    QPointer<QTcpSocket> stream;
    const quint16 port = serve(server, limits, stream);
    QVERIFY(port);
    QTcpSocket client;
    qint64 received = 0;
    connect(&client, &QTcpSocket::readyRead, &client, [&] { received += client.readAll().size(); });
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    client.write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
    // Far more than the unsent limit, over several stall periods.
    QTRY_VERIFY_WITH_TIMEOUT(received > 16 * 1024 * 1024, 60'000);
    QVERIFY(stream);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
}

QTEST_GUILESS_MAIN(TestStreamGuard)
#include "tst_streamguard.moc"
