#pragma once

#include "error.h"
#include "event.h"
#include "http/httpresponse.h"
#include "services/principal.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocketProtocol>

#include <functional>
#include <map>
#include <memory>

class QTcpSocket;
class QWebSocket;

namespace tableorder {
class Metrics;
}

namespace tableorder::edge {

class EventLog;

struct RealtimeSettings
{
    int heartbeatMs = 15'000;
    qint64 maxQueueBytes = 1024 * 1024; // per connection, unsent bytes
    int maxTableConnections = 200;      // per role, all tables together
    int maxStaffConnections = 20;
    int maxReplayEvents = 10'000; // further behind than this: reset
    int maxStreamsPerTable = 4;   // per principal (one table), SSE and WebSocket together
    int maxStreamsPerStaff = 8;   // per staff account
    qint64 maxMessageBytes = 64 * 1024; // one incoming WebSocket message (and frame)
    int messagesPerSecond = 20;         // incoming WebSocket messages, per table connection
    int messageBurst = 40;
    // Staff screens acknowledge every order they show, a snapshot's all at once (up to
    // the 1,000 active orders), and 100 orders/s in the benchmark.
    int staffMessagesPerSecond = 200;
    int staffMessageBurst = 1000;
};


/// Fans committed events out to the screens over SSE and WebSocket. Each connection
/// gets a snapshot (new) or a replay from its cursor (resuming), then live events, in
/// seq order with no gap and no duplicate: replay and live both run on the event loop's
/// thread, so no event can commit between the end of a replay and going live.
class EventHub : public QObject
{
    Q_OBJECT
public:
    using SnapshotSource = std::function<Result<QJsonObject>(const Principal &)>;
    /// `stations`: the acknowledging screen's stations (empty: every station).
    using AckHandler = std::function<void(const Principal &, qint64 orderId, const QStringList &stations)>;
    using VisitSource = std::function<Result<TableVisit>(qint64 tableId)>;

    /// `visits` binds a table's stream to its current party (see Subscriber::session).
    EventHub(EventLog &log, Metrics &metrics, RealtimeSettings settings, SnapshotSource snapshot,
             AckHandler ack, VisitSource visits, QObject *parent = nullptr);
    ~EventHub() override;

    /// TOO_MANY_STREAMS (429) when the principal holds its own limit of streams,
    /// TOO_MANY_CONNECTIONS (503) when its role is at its connection limit.
    [[nodiscard]] Status admit(const Principal &who) const;
    /// Takes over an HTTP socket as an SSE stream (writes the response head itself).
    /// `stations` (staff screens) narrows order events and snapshots to orders with a line
    /// for one of those stations; empty means every order.
    void addSse(const Principal &who, QTcpSocket *socket, std::optional<qint64> since,
                const QStringList &stations = {});
    void addWebSocket(const Principal &who, std::unique_ptr<QWebSocket> socket,
                      std::optional<qint64> since, const QStringList &stations = {});
    [[nodiscard]] int connectionCount(bool staff) const;
    /// Open streams of one principal: one table (any of its tokens) or one staff account.
    [[nodiscard]] int connectionCount(const Principal &who) const;
    /// Revocation: closes the streams of a principal ("table:3"), or of one token (its
    /// jti): WebSocket close code 4008 "token revoked", SSE connection closed.
    void closeStreamsOf(const QString &subject);
    void closeStreamsOfToken(const QString &tokenId);
    /// Whether a principal may see an event by its kind and table (tables: their own
    /// table's order and session events, and menu events); the party is checked apart.
    [[nodiscard]] static bool visible(const Principal &who, const Event &event);
    /// Whether an order event concerns one of `stations` (an order with a line for one of
    /// them); other events and an empty station list always match.
    [[nodiscard]] static bool forStations(const QStringList &stations, const Event &event);
    [[nodiscard]] static bool orderForStations(const QStringList &stations, const QJsonObject &order);

private:
    struct Subscriber;
    void onCommitted(const Event &event, qint64 commitNs);
    void flush();
    void start(Subscriber &subscriber, std::optional<qint64> since);
    /// Whether the subscriber gets the event: visible(), its stations, and for a table its
    /// party (binds a stream opened between two parties to the next one's first order).
    bool wants(Subscriber &subscriber, const Event &event);
    /// After the event went out: a table's stream ends with its party's session (false:
    /// the subscriber is gone).
    bool afterSent(Subscriber &subscriber, const Event &event);
    /// Counts an incoming WebSocket message; false (and closed with 1008) over the rate.
    bool takeMessage(Subscriber &subscriber);
    /// Live events: cuts the subscriber off (slow consumer) when its queue is over the limit.
    bool deliver(Subscriber &subscriber, const QByteArray &sse, const QByteArray &ws);
    void send(Subscriber &subscriber, const QByteArray &sse, const QByteArray &ws);
    /// Sends the next slice of a resuming subscriber's replay, or takes it live.
    void pump(qint64 id);
    void drop(qint64 id, const char *reason);
    /// Ends a stream cleanly: what is queued is still sent, then WebSocket close `code`
    /// with `reason` (SSE: end of the response).
    void finish(qint64 id, QWebSocketProtocol::CloseCode code, const QString &reason);
    void heartbeat();
    void updateGauges();

    EventLog &m_log;
    Metrics &m_metrics;
    RealtimeSettings m_settings;
    SnapshotSource m_snapshot;
    AckHandler m_ack;
    VisitSource m_visits;
    std::map<qint64, std::unique_ptr<Subscriber>> m_subscribers;
    qint64 m_nextId = 1;
    QList<std::pair<Event, qint64>> m_pending;
    bool m_flushScheduled = false;
    QTimer m_heartbeat;
};

} // namespace tableorder::edge
