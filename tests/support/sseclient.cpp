#include "sseclient.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace tableorder::test {

SseClient::SseClient(QObject *parent) : EventStreamClient(parent)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &SseClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &SseClient::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        setError(m_socket.errorString());
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            onDisconnected();
    });
}

SseClient::~SseClient()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void SseClient::open(quint16 port, const StreamRequest &request, const QString &path)
{
    m_buffer.clear();
    m_headDone = false;
    m_response = {};
    setState(State::Connecting);
    QByteArray head = "GET " + request.target(path).toUtf8() + " HTTP/1.1\r\n"
            "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n"
            "Accept: text/event-stream\r\n";
    if (!request.tokenInQuery && !request.token.isEmpty())
        head += "Authorization: Bearer " + request.token.toLatin1() + "\r\n";
    if (request.since && !request.cursorInQuery)
        head += "Last-Event-ID: " + QByteArray::number(*request.since) + "\r\n";
    head += "\r\n";
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.write(head);
}

void SseClient::close()
{
    m_socket.abort();
    if (state() == State::Open || state() == State::Connecting)
        setState(State::Closed);
}

void SseClient::onDisconnected()
{
    onReadyRead();
    if (!m_headDone) {
        // A response delimited by the end of the connection.
        if (auto response = takeResponse(m_buffer, true)) {
            m_response = std::move(*response);
            m_response.closed = true;
            setState(State::Refused);
            return;
        }
    }
    if (state() != State::Refused)
        setState(State::Closed);
}

void SseClient::onReadyRead()
{
    if (m_socket.isOpen())
        m_buffer += m_socket.readAll();
    if (!m_headDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray statusLine = m_buffer.first(m_buffer.indexOf("\r\n"));
        const int status = statusLine.split(' ').value(1).toInt();
        if (status != 200) {
            // An ordinary HTTP error response: the stream was refused.
            const bool closed = m_socket.state() != QAbstractSocket::ConnectedState;
            if (auto response = takeResponse(m_buffer, closed)) {
                m_response = std::move(*response);
                m_headDone = true;
                setState(State::Refused);
                setError(m_response.describe());
            }
            return;
        }
        // Head only: the body of an event stream never ends.
        QByteArray head = m_buffer.first(end + 4);
        if (auto response = takeResponse(head, true, true))
            m_response = std::move(*response);
        m_buffer.remove(0, end + 4);
        m_headDone = true;
        if (!m_response.header("content-type").startsWith("text/event-stream"))
            addProtocolError(u"content type "_s + QString::fromLatin1(m_response.header("content-type")));
        setState(State::Open);
    }
    if (state() == State::Open || state() == State::Closed)
        parseBlocks();
}

void SseClient::parseBlocks()
{
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\n\n");
        if (end < 0)
            return;
        const QByteArray block = m_buffer.first(end);
        m_buffer.remove(0, end + 2);
        QString id;
        QString event;
        QByteArray data;
        bool hasData = false;
        for (const QByteArray &line : block.split('\n')) {
            if (line.startsWith(':')) {
                ++m_heartbeats;
                continue;
            }
            const qsizetype colon = line.indexOf(':');
            const QByteArray field = colon < 0 ? line : line.first(colon);
            QByteArray value = colon < 0 ? QByteArray() : line.sliced(colon + 1);
            if (value.startsWith(' '))
                value.remove(0, 1);
            if (field == "id") {
                id = QString::fromUtf8(value);
            } else if (field == "event") {
                event = QString::fromUtf8(value);
            } else if (field == "data") {
                if (hasData)
                    data += '\n';
                data += value;
                hasData = true;
            } else if (field != "retry") {
                addProtocolError(u"unknown SSE field: "_s + QString::fromUtf8(line.left(100)));
            }
        }
        if (!hasData)
            continue;
        if (!addMessage(data, id, event)) {
            addProtocolError(u"SSE data without a seq: "_s + QString::fromUtf8(data.left(200)));
            continue;
        }
        const StreamEvent &added = events().last();
        if (added.sseId != QString::number(added.seq) || added.sseEvent != added.type)
            addProtocolError(u"SSE fields id=%1 event=%2 disagree with %3"_s.arg(
                    added.sseId, added.sseEvent, added.describe()));
    }
}

} // namespace tableorder::test
