#include "connectionguard.h"

#include "httpresponse.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <utility>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGuard, "tableorder.http.guard")

namespace tableorder::http {

namespace {

constexpr int closingGraceMs = 2000;
// Refused sockets still sending their answer; past this, further ones are just dropped
// (a flood of connections over the cap must not hold a descriptor each for two seconds).
constexpr int maxClosing = 256;

/// Acknowledges at once what the kernel has received so far on this socket. Called while a
/// request's body is still arriving: a client that writes its body in pieces without
/// TCP_NODELAY (Qt's QNetworkAccessManager writes 16 KiB at a time and leaves Nagle on)
/// holds its last, short piece until the pieces before it are acknowledged, and Linux
/// delays that acknowledgement by 40 ms on a connection that has been answering requests
/// (its "ping-pong" mode). Measured: every sync upload waited those 40 ms (docs/PERFORMANCE.md,
/// "Session 15"). TCP_QUICKACK is not sticky; it sends the pending acknowledgement now.
void acknowledgeNow(QTcpSocket *socket)
{
#ifdef TCP_QUICKACK
    const int one = 1;
    (void)::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
#else
    Q_UNUSED(socket);
#endif
}

QByteArray errorResponse(int status, const QString &code, const QString &message)
{
    const QJsonObject error{{u"code"_s, code}, {u"message"_s, message}};
    return HttpResponse::json(status, QJsonObject{{u"error"_s, error}}).serialize(true);
}

} // namespace

void answerAndClose(QTcpSocket *socket, const QByteArray &response)
{
    // Qt's parser must not read another byte of this connection: its readyRead slot goes,
    // and whatever it had read inside its transaction is dropped with the rest.
    QObject::disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    if (socket->isTransactionStarted())
        socket->rollbackTransaction();
    socket->setReadBufferSize(64 * 1024);
    socket->readAll();
    // Closing with unread input makes the kernel send a reset, which can destroy the
    // answer before the peer reads it; so discard what still arrives, close the write side
    // once the answer is out, and close when the peer does (or after the grace period).
    QObject::connect(socket, &QIODevice::readyRead, socket, [socket] { socket->readAll(); });
    QObject::connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    if (auto *tls = qobject_cast<QSslSocket *>(socket); tls && tls->isEncrypted()) {
        // Over TLS the end of the answer is the TLS close_notify (a bare FIN reads as a
        // truncation attack to TLS clients, which then drop the answer): disconnectFromHost()
        // sends it once the answer's encrypted bytes are out.
        socket->write(response);
        socket->disconnectFromHost();
    } else {
        QObject::connect(socket, &QIODevice::bytesWritten, socket, [socket] {
            if (socket->bytesToWrite() == 0)
                ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        });
        socket->write(response);
    }
    QTimer::singleShot(closingGraceMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}

GuardedTcpServer::GuardedTcpServer(GuardLimits limits, QObject *parent)
    : QTcpServer(parent), m_limits(std::move(limits))
{
    if (!m_limits.maxBodyBytes)
        m_limits.maxBodyBytes = [](QByteArrayView, QByteArrayView) { return qint64(64 * 1024); };
}

void GuardedTcpServer::markStreaming(QTcpSocket *socket)
{
    auto *guard = socket->findChild<SocketGuard *>(QString(), Qt::FindDirectChildrenOnly);
    if (!guard)
        return;
    guard->setStreaming();
    // An event stream answers one request for good: bytes the client sends after it are not
    // requests (Qt's parser would buffer them unguarded), so they are read and dropped. The
    // peer's close is still seen.
    QObject::disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    socket->setReadBufferSize(64 * 1024);
    QObject::connect(socket, &QIODevice::readyRead, guard, [socket] { socket->readAll(); });
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QSslSocket *tls = m_tls ? new QSslSocket(this) : nullptr;
    QTcpSocket *socket = tls ? tls : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_limits.maxConnections > 0 && m_open >= m_limits.maxConnections) {
        qCWarning(lcGuard) << "connection cap reached," << m_open << "open: refusing"
                           << socket->peerAddress().toString();
        if (m_closing >= maxClosing) {
            socket->abort();
            socket->deleteLater();
            return;
        }
        ++m_closing;
        connect(socket, &QObject::destroyed, this, [this] { --m_closing; });
        answerAndClose(socket, errorResponse(503, errorCodeName(ErrorCode::TooManyConnections),
                                             u"the server has too many open connections; retry shortly"_s));
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (tls) {
        // The handshake runs before any readyRead: the guard and the parser below only ever
        // see decrypted bytes. A client that does not speak TLS (plain HTTP to this port)
        // fails the handshake and is dropped; a stalled handshake is reaped by the idle timer.
        tls->setSslConfiguration(*m_tls);
        connect(tls, &QSslSocket::errorOccurred, tls, [tls](QAbstractSocket::SocketError error) {
            if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError)
                tls->abort();
        });
        tls->startServerEncryption();
    }
    // Connected before Qt's HTTP server connects its own readyRead slot, so the guard sees
    // each chunk of bytes before the parser does.
    auto *guard = new SocketGuard(socket, this);
    // Qt 6.4's server takes the socket (and connects its readyRead slot) while this call
    // emits pendingConnectionAvailable.
    addPendingConnection(socket);
    guard->watchParser();
}

SocketGuard::SocketGuard(QTcpSocket *socket, GuardedTcpServer *server)
    : QObject(socket),
      m_socket(socket),
      m_server(server),
      m_framer(RequestFramer::Limits{server->m_limits.maxHeaderBytes, 8 * 1024, 100, server->m_limits.webSocketPaths})
{
    ++server->m_open;
    m_deadline.setSingleShot(true);
    m_idle.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this,
            [this] { reject(408, "REQUEST_TIMEOUT", "request not received in time"); });
    connect(&m_idle, &QTimer::timeout, this, [this] {
        // Also reaps sockets whose parser gave up on malformed HTTP.
        m_socket->abort();
        m_socket->deleteLater();
    });
    connect(&m_writeWatch, &QTimer::timeout, this, &SocketGuard::checkWrites);
    connect(socket, &QTcpSocket::readyRead, this, &SocketGuard::onReadyRead);
    m_idle.start(server->m_limits.idleTimeoutMs);
}

SocketGuard::~SocketGuard()
{
    if (m_server)
        --m_server->m_open;
}

void SocketGuard::watchParser()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &SocketGuard::afterParser);
}

void SocketGuard::setStreaming()
{
    m_done = true;
    m_deadline.stop();
    m_idle.stop();
    if (m_streaming || !m_server)
        return;
    m_streaming = true;
    m_lastWrite.start();
    // Queued: a WebSocket upgrade disconnects every connection of the socket right after
    // this call, before the WebSocket takes it over.
    QMetaObject::invokeMethod(
            this,
            [this] {
                connect(m_socket, &QIODevice::bytesWritten, this, [this] { m_lastWrite.start(); });
            },
            Qt::QueuedConnection);
    m_writeWatch.start(std::clamp(m_server->m_limits.streamStallMs / 4, 100, 1000));
}

void SocketGuard::checkWrites()
{
    if (!m_server)
        return;
    const GuardLimits &limits = m_server->m_limits;
    const qint64 unsent = m_socket->bytesToWrite();
    if (unsent == 0) {
        m_lastWrite.start();
        return;
    }
    if (unsent > limits.maxStreamUnsentBytes || m_lastWrite.elapsed() > limits.streamStallMs) {
        qCInfo(lcGuard) << "cutting a stream that stopped reading:" << m_socket->peerAddress().toString()
                        << unsent << "bytes unsent";
        m_writeWatch.stop();
        m_socket->abort();
        m_socket->deleteLater();
    }
}

void SocketGuard::onReadyRead()
{
    if (m_done || !m_server)
        return;
    // What Qt's parser has not consumed yet: the front of it the framer has already read
    // (a pipelined request behind one being answered), the rest is new.
    const qint64 available = m_socket->bytesAvailable();
    const qint64 seen = std::min(m_seen, available);
    if (available == seen)
        return;
    m_idle.stop();
    const QByteArray unread = m_socket->peek(available);
    m_seen = unread.size();
    feed(QByteArrayView(unread).sliced(seen));
    if (!m_done && !m_inRequest)
        m_idle.start(m_server->m_limits.idleTimeoutMs);
    else if (!m_done)
        acknowledgeNow(m_socket); // more of this request to come: do not make its sender wait

}

void SocketGuard::afterParser()
{
    if (!m_done)
        m_seen = std::min(m_seen, m_socket->bytesAvailable());
}

void SocketGuard::feed(QByteArrayView data)
{
    while (!data.isEmpty() && !m_done) {
        if (!m_inRequest) {
            m_inRequest = true;
            m_deadline.start(m_server->m_limits.requestTimeoutMs);
        }
        const RequestFramer::Step step = m_framer.feed(data);
        data = data.sliced(step.consumed);
        switch (step.event) {
        case RequestFramer::Event::NeedMore:
            break;
        case RequestFramer::Event::Reject: {
            const FramingError &error = m_framer.error();
            return reject(error.status, error.code, error.message);
        }
        case RequestFramer::Event::Head:
            if (!headAccepted())
                return;
            if (m_framer.head().contentLength == 0)
                requestFinished();
            break;
        case RequestFramer::Event::Complete:
            requestFinished();
            break;
        }
    }
}

bool SocketGuard::headAccepted()
{
    const GuardLimits &limits = m_server->m_limits;
    const RequestHead &head = m_framer.head();
    if (head.upgrade) {
        const QByteArray refusal = limits.upgradeCheck ? limits.upgradeCheck(head.target, head.headers)
                                                       : errorResponse(400, errorCodeName(ErrorCode::ValidationFailed),
                                                                       u"WebSocket is not served here"_s);
        if (refusal.isEmpty())
            setStreaming();
        else
            refuse(refusal);
        return false;
    }
    // No body, no limit to look up (the lookup matches the route: per request, that showed).
    const qint64 limit = head.contentLength > 0 ? limits.maxBodyBytes(head.method, head.path) : 0;
    if (head.contentLength > limit) {
        reject(413, "PAYLOAD_TOO_LARGE", "request body exceeds " + QByteArray::number(limit / 1024) + " KiB");
        return false;
    }
    return true;
}

void SocketGuard::requestFinished()
{
    m_inRequest = false;
    m_deadline.stop();
}

void SocketGuard::reject(int status, const QByteArray &code, const QByteArray &message)
{
    qCInfo(lcGuard) << "rejected connection from" << m_socket->peerAddress().toString() << status << message;
    refuse(errorResponse(status, QString::fromLatin1(code), QString::fromLatin1(message)));
}

void SocketGuard::refuse(const QByteArray &response)
{
    m_done = true;
    m_deadline.stop();
    m_idle.stop();
    answerAndClose(m_socket, response);
}

} // namespace tableorder::http
