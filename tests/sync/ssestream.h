#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTcpSocket>

#include <functional>
#include <optional>

namespace tableorder::test {

/// A Server-Sent Events stream read over a raw socket (the central's HQ feed, the edge's
/// screens' stream).
class SseStream
{
public:
    struct Event
    {
        QString type;
        QJsonObject data;
    };

    /// Connects and sends the GET; false (errorString()) when no 200 event stream came back.
    [[nodiscard]] bool open(
        quint16 port, const QString &path, const QString &token, int timeoutMs = 10'000);
    /// Waits for an event matching `match` (bounded), taking it and the ones before it off
    /// the queue.
    [[nodiscard]] std::optional<Event> waitFor(
        const std::function<bool(const Event &)> &match, int timeoutMs);
    /// Events received so far and not taken.
    [[nodiscard]] QList<Event> pending();
    [[nodiscard]] QString errorString() const { return m_error; }
    /// True once the server ended the stream (bounded wait).
    [[nodiscard]] bool waitForClosed(int timeoutMs);

private:
    void read();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_headersDone = false;
    QList<Event> m_events;
    QString m_error;
};

} // namespace tableorder::test
