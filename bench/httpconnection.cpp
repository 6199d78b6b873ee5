#include "httpconnection.h"

#include "clock.h"

#include <QTcpSocket>

namespace tableorder::bench {

namespace {
// A response header larger than this is not one the edge sends: treat it as broken.
constexpr qsizetype maxHeaderBytes = 64 * 1024;
} // namespace

HttpConnection::HttpConnection(QString host, quint16 port, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_hostHeader(m_host.toLatin1() + ':' + QByteArray::number(port))
{
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::request(const QByteArray &method, const QByteArray &path,
    const QByteArray &body, qint64 intendedNs, bool keepBody, Callback callback)
{
    QByteArray wire;
    wire.reserve(256 + m_token.size() + body.size());
    wire += method + ' ' + path + " HTTP/1.1\r\nHost: " + m_hostHeader + "\r\n";
    if (!m_token.isEmpty())
        wire += "Authorization: Bearer " + m_token + "\r\n";
    if (!m_acceptEncoding.isEmpty())
        wire += "Accept-Encoding: " + m_acceptEncoding + "\r\n";
    if (!body.isEmpty())
        wire += "Content-Type: " + m_contentType + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        wire += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    wire += "\r\n";
    wire += body;
    m_queue.push_back(
        { std::move(wire), intendedNs ? intendedNs : nowNs(), keepBody, std::move(callback) });
    sendNext();
}

qsizetype HttpConnection::clearQueue()
{
    const auto dropped = qsizetype(m_queue.size());
    m_queue.clear();
    return dropped;
}

void HttpConnection::ensureSocket()
{
    if (m_socket)
        return;
    m_socket = new QTcpSocket(this);
    QTcpSocket *socket = m_socket;
    connect(socket, &QTcpSocket::connected, this, [this, socket] {
        if (socket != m_socket)
            return;
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_connected = true;
        sendNext();
    });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        if (socket == m_socket)
            onReadyRead();
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        if (socket == m_socket)
            onBroken();
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] {
        if (socket == m_socket)
            onBroken();
    });
    socket->connectToHost(m_host, m_port);
}

void HttpConnection::sendNext()
{
    if (m_inFlight || m_queue.empty())
        return;
    if (!m_connected) {
        ensureSocket();
        return;
    }
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    m_inFlight = true;
    m_headerLength = -1;
    m_bodyLength = 0;
    m_status = 0;
    m_closeAfter = false;
    m_currentSentNs = nowNs();
    m_socket->write(m_current.wire);
    // Write now rather than on the next event-loop pass, so sentNs is when it left.
    m_socket->flush();
}

void HttpConnection::onReadyRead()
{
    m_buffer += m_socket->readAll();
    while (!m_buffer.isEmpty()) {
        if (!m_inFlight) {
            m_buffer.clear(); // bytes nobody asked for: the server is broken
            return onBroken();
        }
        if (m_headerLength < 0 && !parseHeader()) {
            if (m_buffer.size() > maxHeaderBytes)
                onBroken();
            return;
        }
        const qint64 total = m_headerLength + m_bodyLength;
        if (m_buffer.size() < total)
            return;
        QByteArray body;
        if (m_current.keepBody)
            body = m_buffer.sliced(m_headerLength, m_bodyLength);
        m_buffer.remove(0, total);
        m_current.wire = std::move(body); // hand the body over in the request's slot
        complete(m_status);
    }
}

bool HttpConnection::parseHeader()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QByteArrayView header(m_buffer.constData(), end);
    // "HTTP/1.1 201 Created"
    if (header.size() < 12 || !header.startsWith("HTTP/1."))
        m_status = 0;
    else
        m_status = header.sliced(9, 3).toInt();
    m_bodyLength = 0;
    qsizetype lineStart = header.indexOf("\r\n");
    while (lineStart >= 0 && lineStart < header.size()) {
        lineStart += 2;
        qsizetype lineEnd = header.indexOf("\r\n", lineStart);
        if (lineEnd < 0)
            lineEnd = header.size();
        const QByteArrayView line = header.sliced(lineStart, lineEnd - lineStart);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            const QByteArrayView name = line.first(colon).trimmed();
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                m_bodyLength = value.toLongLong();
            else if (name.compare("connection", Qt::CaseInsensitive) == 0)
                m_closeAfter = value.compare("close", Qt::CaseInsensitive) == 0;
        }
        lineStart = lineEnd;
    }
    if (m_status == 204 || m_status == 304)
        m_bodyLength = 0;
    m_headerLength = end + 4;
    return true;
}

void HttpConnection::complete(int status)
{
    HttpResult result { status, std::move(m_current.wire), m_current.intendedNs, m_currentSentNs,
        nowNs() };
    Callback callback = std::move(m_current.callback);
    m_inFlight = false;
    m_current = {};
    if (m_closeAfter && m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
        m_connected = false;
        m_buffer.clear();
    }
    if (callback)
        callback(result);
    sendNext();
}

void HttpConnection::onBroken()
{
    QTcpSocket *socket = m_socket;
    const bool wasConnected = m_connected;
    m_socket = nullptr;
    m_connected = false;
    m_buffer.clear();
    if (socket) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    ++m_reconnects;
    if (m_inFlight) {
        m_current.wire.clear();
        complete(0);
        return;
    }
    // Could not connect at all: fail the request that was waiting, so a dead server drains
    // the queue instead of looping on reconnects.
    if (!wasConnected && !m_queue.empty()) {
        m_current = std::move(m_queue.front());
        m_queue.pop_front();
        m_current.wire.clear();
        m_currentSentNs = nowNs();
        m_inFlight = true;
        complete(0);
    }
}

} // namespace tableorder::bench
