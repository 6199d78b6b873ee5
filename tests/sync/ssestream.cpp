#include "ssestream.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::test {

bool SseStream::open(quint16 port, const QString &path, const QString &token, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    if (!m_socket.waitForConnected(timeoutMs)) {
        m_error = m_socket.errorString();
        return false;
    }
    m_socket.write("GET " + path.toUtf8()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        + (token.isEmpty() ? QByteArray() : "Authorization: Bearer " + token.toLatin1() + "\r\n")
        + "\r\n");
    QDeadlineTimer deadline(timeoutMs);
    while (!m_headersDone && !deadline.hasExpired()
        && m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.waitForReadyRead(50);
        read();
    }
    if (!m_headersDone && m_error.isEmpty())
        m_error = u"no event stream within %1 ms: %2"_s.arg(timeoutMs).arg(
            QString::fromUtf8(m_buffer.left(300)));
    return m_headersDone;
}

bool SseStream::waitForClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        m_socket.waitForReadyRead(50);
        read();
    }
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

void SseStream::read()
{
    m_buffer += m_socket.readAll();
    if (!m_headersDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = m_buffer.first(end);
        if (!head.startsWith("HTTP/1.1 200") || !head.toLower().contains("text/event-stream")) {
            m_error = u"not an event stream: "_s + QString::fromUtf8(m_buffer.left(400));
            m_socket.abort();
            return;
        }
        m_buffer.remove(0, end + 4);
        m_headersDone = true;
    }
    for (qsizetype end = m_buffer.indexOf("\n\n"); end >= 0; end = m_buffer.indexOf("\n\n")) {
        Event event;
        for (const QByteArray &line : m_buffer.first(end).split('\n')) {
            if (line.startsWith("event:"))
                event.type = QString::fromUtf8(line.sliced(6).trimmed());
            else if (line.startsWith("data:"))
                event.data = QJsonDocument::fromJson(line.sliced(5).trimmed()).object();
        }
        m_buffer.remove(0, end + 2);
        if (!event.type.isEmpty())
            m_events.append(event);
    }
}

std::optional<SseStream::Event> SseStream::waitFor(
    const std::function<bool(const Event &)> &match, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        read();
        while (!m_events.isEmpty()) {
            Event event = m_events.takeFirst();
            if (match(event))
                return event;
        }
        if (deadline.hasExpired() || m_socket.state() != QAbstractSocket::ConnectedState)
            return std::nullopt;
        m_socket.waitForReadyRead(
            int(std::min<qint64>(50, std::max<qint64>(1, deadline.remainingTime()))));
    }
}

QList<SseStream::Event> SseStream::pending()
{
    read();
    return m_events;
}

} // namespace tableorder::test
