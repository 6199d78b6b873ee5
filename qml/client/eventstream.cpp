#include "eventstream.h"

#include "certificatepins.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStream, "tableorder.client.stream")

namespace tableorder::client {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

EventStream::EventStream(QObject *parent) : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventStream::open);
    m_pingTimer.setInterval(10'000);
    connect(&m_pingTimer, &QTimer::timeout, this, &EventStream::checkAlive);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &EventStream::retryChanged);
    // A handshake that never completes (the peer swallows it) would stay "connecting".
    m_connectTimeout.setSingleShot(true);
    connect(&m_connectTimeout, &QTimer::timeout, this, [this] {
        qCInfo(lcStream) << "no handshake answer; trying again";
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
            m_socket = nullptr;
        }
        onDisconnected();
    });
}

EventStream::~EventStream()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void EventStream::setHeartbeat(int pingEveryMs, int deadAfterMs)
{
    m_pingTimer.setInterval(pingEveryMs);
    m_deadAfterMs = deadAfterMs;
}

void EventStream::start(const QUrl &baseUrl, const QString &token, const QStringList &stations)
{
    if (baseUrl != m_baseUrl || token != m_token || stations != m_stations)
        m_lastSeq = -1; // another store, account or filter: its seqs mean nothing here
    m_baseUrl = baseUrl;
    m_token = token;
    m_stations = stations;
    m_backoff.reset();
    m_failures = 0;
    open();
}

void EventStream::stop()
{
    m_connectTimeout.stop();
    m_retryTimer.stop();
    m_pingTimer.stop();
    m_countdown.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(State::Stopped);
}

void EventStream::reconnectNow()
{
    if (m_state == State::Stopped)
        return;
    m_retryTimer.stop();
    open();
}

void EventStream::open()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_countdown.stop();
    m_gotMessage = false;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QWebSocket::connected, this, &EventStream::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &EventStream::onDisconnected);
    // Qt 6.4 names it error(); a refused connection emits it without disconnected().
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &EventStream::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &EventStream::onMessage);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastMessageMs = nowMs(); });

    QUrl url = m_baseUrl;
    url.setScheme(m_baseUrl.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);
    url.setPath(u"/api/v1/ws"_s);
    QUrlQuery query;
    if (m_lastSeq >= 0)
        query.addQueryItem(u"since"_s, QString::number(m_lastSeq));
    if (!m_stations.isEmpty())
        query.addQueryItem(u"stations"_s, m_stations.join(u','));
    url.setQuery(query);
    CertificatePins::enforce(m_socket, url, [this] { m_certificateRefused = true; });
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    setState(State::Connecting);
    m_connectTimeout.start(m_deadAfterMs);
    qCDebug(lcStream) << "connecting" << url.toString();
    m_socket->open(request);
}

void EventStream::onConnected()
{
    m_certificateRefused = false;
    m_connectTimeout.stop();
    m_lastMessageMs = nowMs();
    m_pingTimer.start();
    for (qint64 id : std::exchange(m_pendingAcks, {}))
        acknowledge(id);
    setState(State::Online);
}

void EventStream::onDisconnected()
{
    qCInfo(lcStream) << "stream closed:" << (m_socket ? m_socket->closeReason() : QString())
                     << (m_socket ? m_socket->errorString() : QString());
    if (m_state == State::Stopped || m_state == State::Waiting)
        return; // error() and disconnected() both report one loss
    m_connectTimeout.stop();
    m_pingTimer.stop();
    scheduleReconnect();
    if (!m_gotMessage) {
        ++m_failures;
        emit connectFailed(m_failures);
    }
}

void EventStream::scheduleReconnect()
{
    const int delay = m_backoff.next();
    m_retryTimer.start(delay);
    m_countdown.start();
    setState(State::Waiting);
    emit retryChanged();
}

int EventStream::retryInSeconds() const
{
    if (!m_retryTimer.isActive())
        return 0;
    return (m_retryTimer.remainingTime() + 999) / 1000;
}

void EventStream::checkAlive()
{
    if (!m_socket || m_state != State::Online)
        return;
    if (nowMs() - m_lastMessageMs > m_deadAfterMs) {
        qCInfo(lcStream) << "no message or pong for" << m_deadAfterMs << "ms; reconnecting";
        m_socket->abort(); // emits disconnected -> reconnect
        return;
    }
    m_socket->sendTextMessage(u"{\"type\":\"ping\"}"_s);
}

void EventStream::onMessage(const QString &text)
{
    m_lastMessageMs = nowMs();
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(u"type"_s).toString();
    if (type == u"pong"_s)
        return;
    if (type == u"error"_s) {
        qCWarning(lcStream) << "edge says:" << message.value(u"error"_s).toObject().value(u"message"_s).toString();
        return;
    }
    if (!m_gotMessage) {
        m_gotMessage = true;
        m_failures = 0;
        m_backoff.reset();
    }
    const qint64 seq = message.value(u"seq"_s).toInteger(-1);
    emit eventReceived(type, message.value(u"data"_s).toObject(), seq);
    if (seq >= 0)
        m_lastSeq = seq;
}

void EventStream::acknowledge(qint64 orderId)
{
    if (m_state != State::Online || !m_socket) {
        m_pendingAcks.insert(orderId);
        return;
    }
    m_socket->sendTextMessage(u"{\"type\":\"ack\",\"order_id\":%1}"_s.arg(orderId));
}

void EventStream::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

} // namespace tableorder::client
