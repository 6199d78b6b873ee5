#include "relayclient.h"

#include "metrics.h"
#include "responsereader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRelay, "tableorder.edge.relay")

namespace tableorder::edge {

/// One relayed request: a loopback connection to this edge's listener, its response read as
/// it comes and sent on as frames.
class RelayClient::Exchange : public QObject
{
public:
    Exchange(RelayClient &client, quint32 stream, const relay::RelayRequest &request)
        : m_client(client), m_stream(stream)
    {
        const RelaySettings &s = client.m_settings;
        if (s.localTls) {
            auto *ssl = new QSslSocket(this);
            // Our own listener on loopback: the certificate is this process's own.
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            m_socket = ssl;
        } else {
            m_socket = new QTcpSocket(this);
        }
        QByteArray out = request.method + ' ' + request.target + " HTTP/1.1\r\n";
        out += "Host: " + hostOf(s).toLatin1() + "\r\nConnection: close\r\n";
        out += "X-Tableorder-Relay: " + s.relaySecret + ':' + request.clientId + "\r\n";
        for (const auto &[name, value] : request.headers)
            out += name + ": " + value + "\r\n";
        if (!request.body.isEmpty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH")
            out += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
        out += "\r\n" + request.body;
        m_reader.onHead = [this](const ResponseReader::Head &head) {
            m_headSent = true;
            m_headTimer.stop();
            m_client.send(relay::encodeHead(m_stream, {head.status, head.headers}));
        };
        m_reader.onBody = [this](QByteArray bytes) {
            for (qsizetype at = 0; at < bytes.size(); at += relay::kMaxBodyChunk)
                m_client.send(relay::encode({relay::FrameType::Body, m_stream, bytes.mid(at, relay::kMaxBodyChunk)}));
        };
        connect(m_socket, &QTcpSocket::readyRead, this, [this] {
            if (m_done)
                return;
            m_reader.feed(m_socket->readAll());
            checkDone();
        });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] {
            if (m_done)
                return;
            if (m_socket->isOpen())
                m_reader.feed(m_socket->readAll());
            m_reader.closed();
            checkDone();
        });
        connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (m_done || error == QAbstractSocket::RemoteHostClosedError)
                return; // disconnected() follows
            m_reader.closed();
            checkDone();
        });
        m_headTimer.setSingleShot(true);
        connect(&m_headTimer, &QTimer::timeout, this, [this] { fail("the store did not answer in time"); });
        m_headTimer.start(s.headTimeoutMs);
        const QHostAddress target = localTarget(s.localAddress);
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
            connect(ssl, &QSslSocket::encrypted, this, [this, out] { m_socket->write(out); });
            ssl->connectToHostEncrypted(target.toString(), s.localPort);
        } else {
            connect(m_socket, &QTcpSocket::connected, this, [this, out] { m_socket->write(out); });
            m_socket->connectToHost(target, s.localPort);
        }
    }

    /// Answered (or failed) already: nothing more to do for it.
    [[nodiscard]] bool done() const { return m_done; }

    /// Central cancelled: close without answering.
    void abort()
    {
        m_done = true;
        m_socket->abort();
    }

private:
    static QHostAddress localTarget(const QHostAddress &listen)
    {
        if (listen == QHostAddress::Any || listen == QHostAddress::AnyIPv4)
            return QHostAddress::LocalHost;
        if (listen == QHostAddress::AnyIPv6)
            return QHostAddress::LocalHostIPv6;
        return listen;
    }
    static QString hostOf(const RelaySettings &s)
    {
        const QHostAddress target = localTarget(s.localAddress);
        const QString host = target.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]"_s.arg(target.toString())
                                                                                  : target.toString();
        return host + u':' + QString::number(s.localPort);
    }

    void fail(const QByteArray &why)
    {
        if (m_done)
            return;
        m_done = true;
        m_socket->abort();
        // After the head the phone already has a status: an early end is all it can see.
        if (m_headSent)
            m_client.send(relay::encode({relay::FrameType::End, m_stream, {}}));
        else
            m_client.send(relay::encode({relay::FrameType::Reset, m_stream,
                                         QJsonDocument(QJsonObject{{u"message"_s, QString::fromLatin1(why)}})
                                                 .toJson(QJsonDocument::Compact)}));
        m_client.finishExchange(m_stream);
    }

    void checkDone()
    {
        if (m_done)
            return;
        switch (m_reader.state()) {
        case ResponseReader::State::Done:
            m_done = true;
            m_client.send(relay::encode({relay::FrameType::End, m_stream, {}}));
            m_socket->abort();
            m_client.finishExchange(m_stream);
            return;
        case ResponseReader::State::Failed:
            fail("the store's answer was cut short or malformed");
            return;
        default:
            if (m_socket->state() == QAbstractSocket::UnconnectedState)
                fail("the store's listener could not be reached");
        }
    }

    RelayClient &m_client;
    quint32 m_stream;
    QTcpSocket *m_socket = nullptr;
    ResponseReader m_reader;
    QTimer m_headTimer;
    bool m_headSent = false;
    bool m_done = false;
};

RelayClient::RelayClient(RelaySettings settings, Metrics &metrics, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_metrics(metrics)
{
    m_socket.setMaxAllowedIncomingMessageSize(relay::kMaxFrameBytes);
    m_socket.setMaxAllowedIncomingFrameSize(relay::kMaxFrameBytes);
    m_metrics.declareGauge("tableorder_relay_connected", "1 while the guest relay connection to central is up.",
                           [this] { return m_connected ? 1.0 : 0.0; });
    m_metrics.declareGauge("tableorder_relay_in_flight", "Relayed guest requests being answered now.",
                           [this] { return double(m_exchanges.size()); });
    m_metrics.declareCounter("tableorder_relay_requests_total", "Guest requests central relayed to this edge, by outcome.");
    m_metrics.declareCounter("tableorder_relay_connects_total", "Relay connections to central established.");
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &RelayClient::open);
    connect(&m_heartbeat, &QTimer::timeout, this, &RelayClient::heartbeat);
    connect(&m_socket, &QWebSocket::connected, this, &RelayClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &RelayClient::onDisconnected);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &RelayClient::onMessage);
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_lastHeard.restart(); });
    // Qt 6.4: the error signal is QWebSocket::error. A refused or failed connection may end
    // without disconnected(); either way one reconnect is scheduled.
    connect(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, [this] {
        if (!m_connected && !m_stopping && !m_reconnect.isActive()) {
            qCDebug(lcRelay).noquote() << "guest relay cannot connect:" << m_socket.errorString();
            scheduleReconnect();
        }
    });
}

RelayClient::~RelayClient()
{
    m_stopping = true;
    m_exchanges.clear();
    m_socket.disconnect(this);
    m_socket.abort();
}

void RelayClient::start()
{
    open();
}

void RelayClient::open()
{
    QUrl url = m_settings.centralUrl;
    url.setScheme(url.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/relay/v1/connect"_s);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_settings.storeKey.toUtf8());
    m_socket.open(request);
}

void RelayClient::onConnected()
{
    m_connected = true;
    m_failures = 0;
    m_lastHeard.start();
    m_heartbeat.start(m_settings.heartbeatMs);
    m_metrics.increment("tableorder_relay_connects_total");
    send(relay::encode({relay::FrameType::Hello, 0,
                        QJsonDocument(QJsonObject{{u"lan_url"_s, m_settings.lanUrl},
                                                  {u"wifi_ssid"_s, m_settings.wifiSsid},
                                                  {u"version"_s, m_settings.edgeVersion}})
                                .toJson(QJsonDocument::Compact)}));
    qCInfo(lcRelay) << "guest relay connected to central";
}

void RelayClient::onDisconnected()
{
    if (m_stopping)
        return;
    if (m_connected)
        qCWarning(lcRelay).noquote() << "guest relay connection lost:" << m_socket.closeReason() << m_socket.errorString();
    m_connected = false;
    m_heartbeat.stop();
    dropAll();
    scheduleReconnect();
}

void RelayClient::scheduleReconnect()
{
    if (m_reconnect.isActive())
        return;
    ++m_failures;
    // 0.5 s doubling to the cap, with up to a quarter of jitter so a fleet does not reconnect
    // in step after central restarts.
    const qint64 base = std::min<qint64>(m_settings.maxBackoffMs, 500LL << std::min(m_failures - 1, 16));
    const qint64 jitter = QRandomGenerator::global()->bounded(qint64(base / 4 + 1));
    m_reconnect.start(int(base - base / 8 + jitter));
}

void RelayClient::heartbeat()
{
    if (m_lastHeard.elapsed() > 3LL * m_settings.heartbeatMs) {
        qCWarning(lcRelay) << "central did not answer the relay's heartbeats; reconnecting";
        m_socket.abort();
        return;
    }
    m_socket.ping();
}

void RelayClient::onMessage(const QByteArray &message)
{
    m_lastHeard.restart();
    auto frame = relay::decode(message);
    if (!frame) {
        qCWarning(lcRelay).noquote() << "bad relay frame from central:" << frame.error().message;
        m_socket.close(QWebSocketProtocol::CloseCodeProtocolError, frame.error().message);
        return;
    }
    switch (frame->type) {
    case relay::FrameType::Request: {
        auto request = relay::decodeRequest(frame->payload);
        if (!request || m_exchanges.contains(frame->stream) || int(m_exchanges.size()) >= m_settings.maxStreams) {
            const QString why = !request ? request.error().message : u"too many relayed requests at once"_s;
            m_metrics.increment("tableorder_relay_requests_total", {{"outcome", u"refused"_s}});
            send(relay::encode({relay::FrameType::Reset, frame->stream,
                                QJsonDocument(QJsonObject{{u"message"_s, why}}).toJson(QJsonDocument::Compact)}));
            return;
        }
        startExchange(frame->stream, std::move(*request));
        return;
    }
    case relay::FrameType::Cancel:
        if (auto it = m_exchanges.find(frame->stream); it != m_exchanges.end()) {
            it->second->abort();
            m_metrics.increment("tableorder_relay_requests_total", {{"outcome", u"cancelled"_s}});
            finishExchange(frame->stream);
        }
        return;
    default:
        qCWarning(lcRelay) << "unexpected relay frame type" << int(frame->type);
    }
}

void RelayClient::startExchange(quint32 stream, relay::RelayRequest request)
{
    m_metrics.increment("tableorder_relay_requests_total", {{"outcome", u"replayed"_s}});
    auto exchange = std::make_unique<Exchange>(*this, stream, request);
    // A connection that failed at once has answered (RESET) already; it is not kept.
    if (exchange->done())
        exchange.release()->deleteLater();
    else
        m_exchanges.emplace(stream, std::move(exchange));
}

void RelayClient::finishExchange(quint32 stream)
{
    // Called from inside the exchange's own slot: delete it later.
    if (auto it = m_exchanges.find(stream); it != m_exchanges.end()) {
        it->second.release()->deleteLater();
        m_exchanges.erase(it);
    }
}

void RelayClient::send(const QByteArray &frame)
{
    if (m_connected)
        m_socket.sendBinaryMessage(frame);
}

void RelayClient::dropAll()
{
    for (auto &[stream, exchange] : m_exchanges) {
        exchange->abort();
        exchange.release()->deleteLater();
    }
    m_exchanges.clear();
}

} // namespace tableorder::edge
