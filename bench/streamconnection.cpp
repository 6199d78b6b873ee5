#include "streamconnection.h"

#include "clock.h"

#include <QRandomGenerator>
#include <QTcpSocket>

namespace tableorder::bench {

namespace {

constexpr QByteArrayView clientOrderIdKey = "\"client_order_id\":\"";
constexpr qsizetype uuidLength = 36;

/// The compact JSON has sorted keys, so an event ends with its type.
QByteArrayView eventType(QByteArrayView json)
{
    constexpr QByteArrayView key = "\"type\":\"";
    const qsizetype at = json.lastIndexOf(key);
    if (at < 0 || !json.endsWith("\"}"))
        return {};
    return json.sliced(at + key.size(), json.size() - at - key.size() - 2);
}

} // namespace

StreamConnection::StreamConnection(Transport transport, QString host, quint16 port,
                                   QByteArray token, QObject *parent)
    : QObject(parent), m_transport(transport), m_host(std::move(host)), m_port(port),
      m_token(std::move(token))
{
}

StreamConnection::~StreamConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void StreamConnection::open()
{
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, &StreamConnection::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &StreamConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { fail(QStringLiteral("closed by the server")); });
    connect(m_socket, &QTcpSocket::errorOccurred, this,
            [this] { fail(m_socket->errorString()); });
    m_socket->connectToHost(m_host, m_port);
}

void StreamConnection::onConnected()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QByteArray request;
    if (m_transport == Transport::Sse) {
        request = "GET /api/v1/events HTTP/1.1\r\nHost: " + m_host.toLatin1()
                + "\r\nAccept: text/event-stream\r\n";
    } else {
        QByteArray key(16, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(key.data()), 4);
        request = "GET /api/v1/ws HTTP/1.1\r\nHost: " + m_host.toLatin1()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                  "Sec-WebSocket-Key: " + key.toBase64() + "\r\n";
    }
    request += "Authorization: Bearer " + m_token + "\r\n\r\n";
    m_socket->write(request);
}

void StreamConnection::fail(const QString &reason)
{
    if (m_failed)
        return;
    m_failed = true;
    m_failure = reason;
    emit broken();
}

void StreamConnection::sendText(QByteArrayView payload)
{
    Q_ASSERT(m_transport == Transport::WebSocket);
    QByteArray frame;
    frame.reserve(payload.size() + 8);
    frame += char(0x81); // FIN, text
    if (payload.size() < 126) {
        frame += char(0x80 | payload.size());
    } else {
        Q_ASSERT(payload.size() < 65'536);
        frame += char(0x80 | 126);
        frame += char(payload.size() >> 8);
        frame += char(payload.size() & 0xff);
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    const char key[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
    frame.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame += char(payload[i] ^ key[i % 4]);
    m_socket->write(frame);
}

void StreamConnection::onReadyRead()
{
    const qint64 arrivalNs = nowNs();
    m_buffer += m_socket->readAll();
    if (!m_headDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray status = m_buffer.first(m_buffer.indexOf("\r\n"));
        const QByteArray expected = m_transport == Transport::Sse ? " 200 " : " 101 ";
        if (!status.contains(expected)) {
            fail(QString::fromLatin1(m_buffer.left(400)));
            m_socket->abort();
            return;
        }
        m_headDone = true;
        m_parsed = end + 4;
    }
    if (m_transport == Transport::Sse)
        parseSse(arrivalNs);
    else
        parseWebSocket(arrivalNs);
    // Compact the buffer once in a while rather than on every message.
    if (m_parsed > 0 && (m_parsed == m_buffer.size() || m_parsed > 64 * 1024)) {
        m_buffer.remove(0, m_parsed);
        m_parsed = 0;
    }
}

void StreamConnection::parseSse(qint64 arrivalNs)
{
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\n\n", m_parsed);
        if (end < 0)
            return;
        const QByteArrayView block = QByteArrayView(m_buffer).sliced(m_parsed, end - m_parsed);
        m_parsed = end + 2;
        QByteArrayView type;
        QByteArrayView data;
        qsizetype lineStart = 0;
        while (lineStart <= block.size()) {
            qsizetype lineEnd = block.indexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = block.size();
            const QByteArrayView line = block.sliced(lineStart, lineEnd - lineStart);
            if (line.startsWith("event: "))
                type = line.sliced(7);
            else if (line.startsWith("data: "))
                data = line.sliced(6);
            lineStart = lineEnd + 1;
        }
        if (!data.isEmpty())
            message(data, type, arrivalNs);
    }
}

void StreamConnection::parseWebSocket(qint64 arrivalNs)
{
    for (;;) {
        const qsizetype available = m_buffer.size() - m_parsed;
        if (available < 2)
            return;
        const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData() + m_parsed);
        const bool fin = p[0] & 0x80;
        const int opcode = p[0] & 0x0f;
        qint64 length = p[1] & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (available < 4)
                return;
            length = (qint64(p[2]) << 8) | p[3];
            header = 4;
        } else if (length == 127) {
            if (available < 10)
                return;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            header = 10;
        }
        if (available < header + length)
            return;
        const QByteArrayView payload = QByteArrayView(m_buffer).sliced(m_parsed + header, length);
        m_parsed += header + length;
        switch (opcode) {
        case 0x0: // continuation
        case 0x1: // text
            if (fin && m_fragments.isEmpty()) {
                message(payload, {}, arrivalNs);
            } else {
                m_fragments += payload;
                if (fin) {
                    const QByteArray whole = std::exchange(m_fragments, {});
                    message(whole, {}, arrivalNs);
                }
            }
            break;
        case 0x8: // close
            fail(QStringLiteral("WebSocket closed by the server"));
            m_socket->abort();
            return;
        case 0x9: { // ping: answer with a masked pong carrying the same payload
            QByteArray pong;
            pong += char(0x8a);
            pong += char(0x80 | payload.size());
            pong += QByteArray(4, '\0'); // a zero mask leaves the payload as is
            pong += payload;
            m_socket->write(pong);
            break;
        }
        default:
            break;
        }
    }
}

void StreamConnection::message(QByteArrayView payload, QByteArrayView sseType, qint64 arrivalNs)
{
    // Events start with "actor" or "at" (sorted keys); pong and error messages do not.
    if (sseType.isEmpty() && !payload.startsWith("{\"at\":") && !payload.startsWith("{\"actor\":"))
        return;
    const QByteArrayView type = sseType.isEmpty() ? eventType(payload) : sseType;
    if (type.isEmpty())
        return;
    ++m_events;
    if (type == "order.created") {
        if (!m_onOrder)
            return;
        const qsizetype at = payload.indexOf(clientOrderIdKey);
        const qsizetype idAt = payload.indexOf(",\"id\":");
        if (at < 0 || idAt < 0)
            return;
        const qsizetype idStart = idAt + 6;
        qsizetype idEnd = idStart;
        while (idEnd < payload.size() && payload[idEnd] >= '0' && payload[idEnd] <= '9')
            ++idEnd;
        m_onOrder(*this, payload.sliced(at + clientOrderIdKey.size(), uuidLength),
                  payload.sliced(idStart, idEnd - idStart), arrivalNs);
    } else if (type == "snapshot") {
        if (!m_snapshot) {
            m_snapshot = true;
            emit snapshotReceived();
        }
    } else if (m_onEvent) {
        m_onEvent(*this, type, payload, arrivalNs);
    }
}

} // namespace tableorder::bench
