#include "connectionguard.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcGuard, "tableorder.http.guard")

namespace tableorder::http {

GuardedTcpServer::GuardedTcpServer(GuardLimits limits, QObject *parent)
    : QTcpServer(parent), m_limits(std::move(limits))
{
    if (!m_limits.maxBodyBytes)
        m_limits.maxBodyBytes = [](QByteArrayView, QByteArrayView) { return qint64(64 * 1024); };
}

void GuardedTcpServer::markStreaming(QTcpSocket *socket)
{
    if (auto *guard = socket->findChild<SocketGuard *>(QString(), Qt::FindDirectChildrenOnly))
        guard->setStreaming();
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QSslSocket *tls = m_tls ? new QSslSocket(this) : nullptr;
    QTcpSocket *socket = tls ? tls : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
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
    new SocketGuard(socket, this);
    addPendingConnection(socket);
}

SocketGuard::SocketGuard(QTcpSocket *socket, GuardedTcpServer *server)
    : QObject(socket), m_socket(socket), m_server(server)
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
    connect(socket, &QTcpSocket::readyRead, this, &SocketGuard::onReadyRead);
    m_idle.start(server->m_limits.idleTimeoutMs);
}

SocketGuard::~SocketGuard()
{
    if (m_server)
        --m_server->m_open;
}

void SocketGuard::setStreaming()
{
    m_done = true;
    m_deadline.stop();
    m_idle.stop();
}

void SocketGuard::onReadyRead()
{
    if (m_done || !m_server)
        return;
    m_idle.stop();
    // Qt's parser reads everything available inside a transaction, so what is available
    // now and not yet seen is exactly the new bytes.
    const QByteArray chunk = m_socket->peek(m_socket->bytesAvailable());
    feed(chunk);
    if (!m_done && !m_inRequest)
        m_idle.start(m_server->m_limits.idleTimeoutMs);
}

void SocketGuard::feed(QByteArrayView data)
{
    const GuardLimits &limits = m_server->m_limits;
    while (!data.isEmpty() && !m_done) {
        if (!m_inRequest) {
            m_inRequest = true;
            m_deadline.start(limits.requestTimeoutMs);
        }
        if (m_bodyRemaining > 0) {
            const qint64 take = std::min<qint64>(m_bodyRemaining, data.size());
            m_bodyRemaining -= take;
            data = data.sliced(take);
            if (m_bodyRemaining == 0)
                requestFinished();
            continue;
        }
        // Header: look for the blank line, keeping only what belongs to this request.
        const qsizetype before = m_header.size();
        m_header.append(data.first(std::min<qsizetype>(data.size(), limits.maxHeaderBytes + 4)));
        const qsizetype end = m_header.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_header.size() > limits.maxHeaderBytes)
                return reject(431, "HEADERS_TOO_LARGE", "request headers exceed 16 KiB");
            data = data.sliced(m_header.size() - before);
            continue;
        }
        const qsizetype used = end + 4 - before;
        m_header.truncate(end + 4);
        data = data.sliced(used);
        if (!headerComplete())
            return;
    }
}

bool SocketGuard::headerComplete()
{
    const QList<QByteArray> lines = m_header.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QByteArray method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    QByteArray path = target;
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path.truncate(q);
    qint64 contentLength = 0;
    bool upgrade = false;
    QHash<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.first(colon).trimmed().toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed();
        headers.insert(name, value);
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                reject(400, "VALIDATION_FAILED", "invalid Content-Length");
                return false;
            }
        } else if (name == "transfer-encoding" && value.toLower() != "identity") {
            reject(411, "VALIDATION_FAILED", "chunked request bodies are not accepted; send Content-Length");
            return false;
        } else if (name == "upgrade" && value.toLower() == "websocket") {
            upgrade = true;
        }
    }
    if (upgrade) {
        const QByteArray refusal = m_server->m_limits.upgradeCheck
                ? m_server->m_limits.upgradeCheck(target, headers)
                : QByteArray();
        if (refusal.isEmpty())
            setStreaming();
        else
            refuse(refusal);
        return false;
    }
    // No body, no limit to look up (the lookup matches the route: per request, that showed).
    const qint64 limit = contentLength > 0 ? m_server->m_limits.maxBodyBytes(method, path) : 0;
    if (contentLength > limit) {
        reject(413, "PAYLOAD_TOO_LARGE",
               "request body exceeds " + QByteArray::number(limit / 1024) + " KiB");
        return false;
    }
    m_header.clear();
    m_bodyRemaining = contentLength;
    if (contentLength == 0)
        requestFinished();
    return true;
}

void SocketGuard::requestFinished()
{
    m_inRequest = false;
    m_deadline.stop();
}

void SocketGuard::reject(int status, const QByteArray &code, const QByteArray &message)
{
    static const QHash<int, QByteArray> reasons = {{400, "Bad Request"},
                                                   {408, "Request Timeout"},
                                                   {411, "Length Required"},
                                                   {413, "Payload Too Large"},
                                                   {431, "Request Header Fields Too Large"}};
    const QByteArray body = R"({"error":{"code":")" + code + R"(","message":")" + message + "\"}}";
    qCInfo(lcGuard) << "rejected connection from" << m_socket->peerAddress().toString() << status;
    refuse("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasons.value(status)
           + "\r\nContent-Type: application/json\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
}

void SocketGuard::refuse(const QByteArray &response)
{
    m_done = true;
    m_deadline.stop();
    m_idle.stop();
    m_socket->readAll(); // what the parser would otherwise buffer
    m_socket->write(response);
    m_socket->disconnectFromHost();
    // The peer may never read: do not let it hold the socket.
    QTimer::singleShot(2000, m_socket, [s = m_socket] { s->abort(); s->deleteLater(); });
}

} // namespace tableorder::http
