#pragma once

#include "httpclient.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace tableorder::test {

/// One event as a stream delivered it: `{seq, type, at, data}`. `sseId` and `sseEvent` are
/// the `id:` and `event:` fields of an SSE frame (empty for WebSocket).
struct StreamEvent
{
    qint64 seq = -1;
    QString type;
    QJsonObject json;
    QString sseId;
    QString sseEvent;

    [[nodiscard]] QJsonObject data() const { return json.value(QLatin1StringView("data")).toObject(); }
    /// `"12 order.created"`, for failure messages.
    [[nodiscard]] QString describe() const;
};

/// How to open a stream: the token in the Authorization header or in `?access_token=`, and
/// an optional resume cursor (SSE: `Last-Event-ID`, or `?since=` when cursorInQuery;
/// WebSocket: always `?since=`).
struct StreamRequest
{
    QString token;
    bool tokenInQuery = false;
    std::optional<qint64> since;
    bool cursorInQuery = false;
    /// WebSocket: `?stations=` (a station screen), empty for every station.
    QString stations;

    /// `/api/v1/<endpoint>?...` with the query parameters this request puts in the URL.
    [[nodiscard]] QString target(const QString &path) const;
};

/// What SSE and WebSocket test clients share: every event with a seq in arrival order, and
/// bounded waits that spin the event loop (so synchronous HttpClient calls made meanwhile
/// do not stall the stream).
class EventStreamClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Open, Refused, Closed };

    using QObject::QObject;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isOpen() const { return m_state == State::Open; }
    /// Events (messages with a seq: snapshot and reset included), in arrival order.
    [[nodiscard]] const QList<StreamEvent> &events() const { return m_events; }
    [[nodiscard]] QList<StreamEvent> eventsOfType(const QString &type) const;
    /// Events whose seq is greater than `seq`, in arrival order.
    [[nodiscard]] QList<StreamEvent> eventsAfterSeq(qint64 seq) const;
    /// seq of the last event received, or -1.
    [[nodiscard]] qint64 lastSeq() const { return m_events.isEmpty() ? -1 : m_events.last().seq; }
    /// Why the stream failed or ended (transport error, close reason), for messages.
    [[nodiscard]] QString errorString() const { return m_error; }
    /// Frames that broke the protocol (SSE id/event fields disagreeing with the JSON,
    /// messages that are not JSON objects, seqs going backwards); should stay empty.
    [[nodiscard]] const QStringList &protocolErrors() const { return m_protocolErrors; }

    /// True once the stream is open (SSE: 200 and its head; WebSocket: 101).
    bool waitForOpen(int timeoutMs = 15'000);
    /// True once an event with seq >= `seq` arrived.
    bool waitForSeq(qint64 seq, int timeoutMs = 10'000);
    /// The first event (from index `from` on) that matches, waiting up to timeoutMs for it.
    std::optional<StreamEvent> waitForEvent(const std::function<bool(const StreamEvent &)> &match,
                                            int timeoutMs = 10'000, qsizetype from = 0);
    /// True once the server ended the stream (or refused it).
    bool waitForClosed(int timeoutMs = 10'000);
    virtual void close() = 0;

signals:
    void eventReceived(const tableorder::test::StreamEvent &event);

protected:
    void setState(State state) { m_state = state; }
    void setError(const QString &error) { m_error = error; }
    void addProtocolError(const QString &error) { m_protocolErrors.append(error); }
    /// Parses one message (the JSON of an event); returns false when it has no seq.
    bool addMessage(const QByteArray &json, const QString &sseId = {}, const QString &sseEvent = {});

private:
    State m_state = State::Idle;
    QList<StreamEvent> m_events;
    QString m_error;
    QStringList m_protocolErrors;
};

/// Renders a list of events as `"seq type, seq type, ..."`.
[[nodiscard]] QString describeEvents(const QList<StreamEvent> &events);

} // namespace tableorder::test
