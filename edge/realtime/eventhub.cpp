#include "eventhub.h"

#include "metrics.h"
#include "services/eventlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHub, "tableorder.edge.realtime")

namespace tableorder::edge {

struct EventHub::Subscriber
{
    qint64 id = 0;
    Principal who;
    QStringList stations;
    QPointer<QTcpSocket> sse;
    std::unique_ptr<QWebSocket> ws;
    qint64 lastSeq = 0;     // highest seq delivered; live events at or below are skipped
    qint64 lastSeenMs = 0;  // WebSocket: last pong or message
    QElapsedTimer clock;
    // Resuming: the replay goes out of the log as fast as the peer reads it (pump()), and
    // live events wait in the log until it has caught up.
    bool replaying = false;
    qint64 replayAfter = 0;        // the last log seq the replay has passed
    qint64 replayAtHeartbeat = -1; // replayAfter at the previous heartbeat, to spot a stall
    // Tables: the party (session) this stream belongs to, as REST's "open session". 0 when
    // the table had none open at connect: then the first order of a session newer than
    // sessionFloor (one opened after the connect) binds it. The stream ends with its session.
    qint64 session = 0;
    qint64 sessionFloor = 0;
    // The log's last seq when the party was read: only a visit arriving later binds the stream.
    qint64 boundAtSeq = 0;
    // WebSocket messages from the peer: a token bucket (burst, then a steady rate).
    double messageTokens = 0;
    qint64 messageRefillMs = 0;

    [[nodiscard]] QString transport() const { return ws ? u"websocket"_s : u"sse"_s; }
    [[nodiscard]] qint64 queued() const
    {
        if (ws)
            return ws->bytesToWrite();
        return sse ? sse->bytesToWrite() : 0;
    }
};

namespace {

QString roleLabel(const Principal &who)
{
    return who.isStaff() ? u"staff"_s : u"table"_s;
}

QByteArray wsText(const Event &event)
{
    return QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
}

/// Events of one table's party (visit): a table's streams carry its current party's only.
bool isPartyEvent(const Event &event)
{
    return event.type == QLatin1StringView(events::OrderCreated)
            || event.type == QLatin1StringView(events::OrderUpdated)
            || event.type == QLatin1StringView(events::OrderAcknowledged)
            || event.type == QLatin1StringView(events::SessionClosed)
            || event.type == QLatin1StringView(events::CallCreated)
            || event.type == QLatin1StringView(events::CallAcknowledged)
            || event.type == QLatin1StringView(events::CallDone)
            || event.type == QLatin1StringView(events::OrderVoided)
            || event.type == QLatin1StringView(events::DiscountAdded)
            || event.type == QLatin1StringView(events::PaymentRecorded)
            || event.type == QLatin1StringView(events::VisitLeft)
            || event.type == QLatin1StringView(events::VisitArrived);
}

/// What opens a party: its first order, or a call for staff made before any order.
bool opensParty(const Event &event)
{
    return event.type == QLatin1StringView(events::OrderCreated)
            || event.type == QLatin1StringView(events::CallCreated);
}

/// Events after which a table's stream of that party ends: the party left the table.
bool endsParty(const Event &event)
{
    return event.type == QLatin1StringView(events::SessionClosed)
            || event.type == QLatin1StringView(events::VisitLeft);
}

/// Sends the close frame (after what is queued) and lets the peer answer it; a peer that
/// does not is cut off after 2 s. Takes ownership.
void closeWebSocket(QWebSocket *ws, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (ws->state() == QAbstractSocket::ConnectedState) {
        ws->close(code, reason);
        QObject::connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
        QTimer::singleShot(2000, ws, [ws] {
            ws->abort();
            ws->deleteLater();
        });
    } else {
        ws->abort();
        ws->deleteLater();
    }
}

} // namespace

EventHub::EventHub(EventLog &log, Metrics &metrics, RealtimeSettings settings,
                   SnapshotSource snapshot, AckHandler ack, VisitSource visits, QObject *parent)
    : QObject(parent), m_log(log), m_metrics(metrics), m_settings(settings),
      m_snapshot(std::move(snapshot)), m_ack(std::move(ack)), m_visits(std::move(visits))
{
    m_metrics.declareGauge("tableorder_realtime_connections",
                           "Open event-stream connections by transport and role.");
    for (const QString &transport : {u"sse"_s, u"websocket"_s})
        for (const QString &role : {u"staff"_s, u"table"_s})
            m_metrics.set("tableorder_realtime_connections", {{"transport", transport}, {"role", role}}, 0);
    m_metrics.declareCounter("tableorder_events_sent_total", "Events written to screens (live and replayed).");
    m_metrics.declareCounter("tableorder_event_replays_total", "Resumed connections that were replayed missed events.");
    m_metrics.declareCounter("tableorder_events_replayed_total", "Events sent by replays.");
    m_metrics.declareCounter("tableorder_stream_resets_total", "Resuming clients told to refetch (too far behind).");
    m_metrics.declareCounter("tableorder_slow_consumer_disconnects_total",
                             "Connections dropped because their send queue exceeded the limit.");
    m_metrics.declareCounter("tableorder_stream_refusals_total",
                             "Event streams refused because their principal or role was at its limit.");
    m_metrics.declareCounter("tableorder_websocket_rate_limited_total",
                             "WebSocket connections closed for sending messages too fast.");
    m_metrics.declareHistogram("tableorder_event_commit_to_send_seconds",
                               "From an event's commit to its write to each connection.",
                               Metrics::latencyBuckets());
    connect(&m_log, &EventLog::committed, this, &EventHub::onCommitted);
    m_heartbeat.setInterval(m_settings.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &EventHub::heartbeat);
    m_heartbeat.start();
}

EventHub::~EventHub()
{
    for (auto &[id, subscriber] : m_subscribers) {
        if (subscriber->ws) {
            subscriber->ws->disconnect(this);
            subscriber->ws->abort();
        }
    }
}

int EventHub::connectionCount(bool staff) const
{
    return int(std::count_if(m_subscribers.begin(), m_subscribers.end(),
                             [staff](const auto &s) { return s.second->who.isStaff() == staff; }));
}

int EventHub::connectionCount(const Principal &who) const
{
    // By the signed ids (the table, the staff account), whichever token of it is used.
    return int(std::count_if(m_subscribers.begin(), m_subscribers.end(), [&who](const auto &s) {
        const Principal &other = s.second->who;
        return other.isStaff() == who.isStaff()
                && (who.isStaff() ? other.staffId == who.staffId : other.tableId == who.tableId);
    }));
}

Status EventHub::admit(const Principal &who) const
{
    // The principal's own cap first: one table token (a stolen one included) cannot take
    // the slots every other table needs.
    const int own = who.isStaff() ? m_settings.maxStreamsPerStaff : m_settings.maxStreamsPerTable;
    if (connectionCount(who) >= own) {
        m_metrics.increment("tableorder_stream_refusals_total");
        return fail(ErrorCode::TooManyStreams,
                    u"this %1 already has %2 event streams open, its limit; close one first"_s
                            .arg(who.isStaff() ? u"staff account"_s : u"table"_s)
                            .arg(own));
    }
    const int limit = who.isStaff() ? m_settings.maxStaffConnections : m_settings.maxTableConnections;
    if (connectionCount(who.isStaff()) >= limit) {
        m_metrics.increment("tableorder_stream_refusals_total");
        return fail(ErrorCode::TooManyConnections,
                    u"too many %1 connections are open (limit %2)"_s.arg(who.isStaff() ? u"staff screen"_s : u"tablet"_s).arg(limit));
    }
    return {};
}

bool EventHub::visible(const Principal &who, const Event &event)
{
    if (who.isStaff())
        return true;
    if (event.type.startsWith(u"menu."_s))
        return true;
    // call.overdue is the staff's business, not the guests'.
    return event.tableId == who.tableId && isPartyEvent(event);
}

bool EventHub::orderForStations(const QStringList &stations, const QJsonObject &order)
{
    if (stations.isEmpty())
        return true;
    const QJsonArray lines = order.value(u"items"_s).toArray();
    return std::any_of(lines.begin(), lines.end(), [&stations](const QJsonValue &line) {
        return stations.contains(line.toObject().value(u"station"_s).toString());
    });
}

bool EventHub::forStations(const QStringList &stations, const Event &event)
{
    if (stations.isEmpty())
        return true;
    // order.unacknowledged goes to every staff screen: it says a screen failed, and the one
    // that should have shown the order may be the one that is down.
    if (event.type == QLatin1StringView(events::OrderCreated) || event.type == QLatin1StringView(events::OrderUpdated))
        return orderForStations(stations, event.data);
    return true;
}

void EventHub::addSse(const Principal &who, QTcpSocket *socket, std::optional<qint64> since,
                      const QStringList &stations)
{
    auto subscriber = std::make_unique<Subscriber>();
    subscriber->id = m_nextId++;
    subscriber->who = who;
    subscriber->stations = stations;
    subscriber->sse = socket;
    subscriber->clock.start();
    const qint64 id = subscriber->id;
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                  "Cache-Control: no-cache\r\nX-Accel-Buffering: no\r\nConnection: keep-alive\r\n\r\n"
                  "retry: 1000\n\n");
    connect(socket, &QTcpSocket::disconnected, this, [this, id] { drop(id, nullptr); });
    connect(socket, &QObject::destroyed, this, [this, id] { drop(id, nullptr); });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, id] { pump(id); });
    Subscriber &ref = *subscriber;
    m_subscribers.emplace(id, std::move(subscriber));
    updateGauges();
    start(ref, since);
}

void EventHub::addWebSocket(const Principal &who, std::unique_ptr<QWebSocket> socket,
                            std::optional<qint64> since, const QStringList &stations)
{
    auto subscriber = std::make_unique<Subscriber>();
    subscriber->id = m_nextId++;
    subscriber->who = who;
    subscriber->stations = stations;
    subscriber->clock.start();
    const qint64 id = subscriber->id;
    subscriber->messageTokens = who.isStaff() ? m_settings.staffMessageBurst : m_settings.messageBurst;
    QWebSocket *ws = socket.get();
    subscriber->ws = std::move(socket);
    // Qt checks both before it buffers the payload and closes with 1009 itself. A message
    // may come in many frames, so the frame limit alone would not bound it.
    ws->setMaxAllowedIncomingFrameSize(quint64(m_settings.maxMessageBytes));
    ws->setMaxAllowedIncomingMessageSize(quint64(m_settings.maxMessageBytes));
    // Each message in one frame: Qt 6.4's QWebSocket splits a text message into 512 KiB frames
    // at byte boundaries, and its own receiving side then refuses a UTF-8 character split
    // across two frames (close 1007), so a kitchen's snapshot of many Korean orders would
    // never arrive.
    ws->setOutgoingFrameSize(QWebSocket::maxOutgoingFrameSize());
    connect(ws, &QWebSocket::disconnected, this, [this, id] { drop(id, nullptr); });
    // Qt closes by itself (1009 for a message over the limit, 1002 for a protocol error)
    // and then waits for the peer's answer, which an attacker never sends: the stream ends
    // here, and the socket is cut if no answer comes.
    connect(ws, &QWebSocket::aboutToClose, this, [this, id, ws] {
        finish(id, ws->closeCode(), ws->closeReason());
    });
    connect(ws, &QWebSocket::binaryMessageReceived, this, [this, id] {
        if (auto it = m_subscribers.find(id); it != m_subscribers.end() && takeMessage(*it->second))
            it->second->lastSeenMs = it->second->clock.elapsed();
    });
    connect(ws, &QWebSocket::bytesWritten, this, [this, id] { pump(id); });
    connect(ws, &QWebSocket::pong, this, [this, id] {
        if (auto it = m_subscribers.find(id); it != m_subscribers.end())
            it->second->lastSeenMs = it->second->clock.elapsed();
    });
    connect(ws, &QWebSocket::textMessageReceived, this, [this, id](const QString &text) {
        auto it = m_subscribers.find(id);
        if (it == m_subscribers.end())
            return;
        Subscriber &s = *it->second;
        if (!takeMessage(s))
            return;
        s.lastSeenMs = s.clock.elapsed();
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = message.value(u"type"_s).toString();
        if (type == u"ack"_s && s.who.isKitchenStaff() && message.value(u"order_id"_s).isDouble())
            m_ack(s.who, message.value(u"order_id"_s).toInteger(), s.stations);
        else if (type == u"ping"_s)
            s.ws->sendTextMessage(u"{\"type\":\"pong\"}"_s);
        else
            s.ws->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{
                    {u"type"_s, u"error"_s},
                    {u"error"_s, QJsonObject{{u"code"_s, u"VALIDATION_FAILED"_s},
                                            {u"message"_s, u"unknown message; send {\"type\":\"ack\",\"order_id\":N} (kitchen) or {\"type\":\"ping\"}"_s}}}})
                                                          .toJson(QJsonDocument::Compact)));
    });
    Subscriber &ref = *subscriber;
    m_subscribers.emplace(id, std::move(subscriber));
    updateGauges();
    start(ref, since);
}

bool EventHub::takeMessage(Subscriber &s)
{
    const int rate = s.who.isStaff() ? m_settings.staffMessagesPerSecond : m_settings.messagesPerSecond;
    const int burst = s.who.isStaff() ? m_settings.staffMessageBurst : m_settings.messageBurst;
    const qint64 now = s.clock.elapsed();
    s.messageTokens = std::min<double>(burst, s.messageTokens + double(now - s.messageRefillMs) * rate / 1000.0);
    s.messageRefillMs = now;
    if (s.messageTokens < 1) {
        m_metrics.increment("tableorder_websocket_rate_limited_total");
        finish(s.id, QWebSocketProtocol::CloseCodePolicyViolated,
               u"too many messages: at most %1 per second (burst %2)"_s.arg(rate).arg(burst));
        return false;
    }
    s.messageTokens -= 1;
    return true;
}

void EventHub::start(Subscriber &s, std::optional<qint64> since)
{
    if (s.who.isTable()) {
        // Bound now, in the same turn of the event loop as the snapshot or the replay's
        // first page, so both see the same party.
        auto visit = m_visits(s.who.tableId);
        if (!visit) {
            drop(s.id, "table session unreadable");
            return;
        }
        s.session = visit->openSession;
        s.sessionFloor = visit->openSession ? visit->openSession : visit->newestSession;
    }
    auto last = m_log.lastSeq();
    auto first = m_log.firstSeq();
    if (!last || !first) {
        drop(s.id, "event log unreadable");
        return;
    }
    s.boundAtSeq = *last;
    auto sendSnapshot = [&](const char *type, const QString &reason) {
        auto data = m_snapshot(s.who);
        if (!data) {
            drop(s.id, "snapshot failed");
            return false;
        }
        if (!s.stations.isEmpty()) {
            QJsonArray orders;
            for (const QJsonValue &order : data->value(u"orders"_s).toArray()) {
                if (orderForStations(s.stations, order.toObject()))
                    orders.append(order);
            }
            data->insert(u"orders"_s, orders);
        }
        if (!reason.isEmpty()) {
            Event reset{*last, {}, QString::fromLatin1(events::Reset), QDateTime::currentDateTimeUtc(), 0,
                        QJsonObject{{u"reason"_s, reason}}, 1};
            if (!deliver(s, reset.sseFrame(), wsText(reset)))
                return false;
        }
        Event snapshot{*last, {}, QString::fromLatin1(type), QDateTime::currentDateTimeUtc(), 0, *data, 1};
        s.lastSeq = *last;
        return deliver(s, snapshot.sseFrame(), wsText(snapshot));
    };
    if (!since) {
        sendSnapshot(events::Snapshot, {});
        return;
    }
    const qint64 cursor = *since;
    const bool pruned = *first > 0 && cursor + 1 < *first;
    if (cursor > *last || pruned || *last - cursor > m_settings.maxReplayEvents) {
        m_metrics.increment("tableorder_stream_resets_total");
        sendSnapshot(events::Snapshot,
                     cursor > *last ? u"cursor is ahead of the log"_s : u"cursor is older than the retained log"_s);
        return;
    }
    m_metrics.increment("tableorder_event_replays_total");
    s.replaying = true;
    s.replayAfter = cursor;
    pump(s.id);
}

void EventHub::pump(qint64 id)
{
    auto it = m_subscribers.find(id);
    if (it == m_subscribers.end() || !it->second->replaying)
        return;
    Subscriber &s = *it->second;
    // A replay can be far larger than the send-queue limit (10,000 events) and is written
    // faster than any network carries it, so it is not held to the limit: it is sent in
    // slices, each once the peer has read the queue down to half the limit.
    const qint64 highWater = m_settings.maxQueueBytes / 2;
    while (s.queued() <= highWater) {
        auto page = m_log.since(s.replayAfter, 100, s.who.isStaff() ? 0 : s.who.tableId);
        if (!page) {
            drop(id, "event log unreadable");
            return;
        }
        if (page->isEmpty()) {
            // Caught up. Replay and live delivery run on this thread, so nothing commits
            // between this read and going live; events published but not yet flushed are
            // in the log, were replayed, and flush() skips them by seq.
            auto last = m_log.lastSeq();
            if (!last) {
                drop(id, "event log unreadable");
                return;
            }
            s.replaying = false;
            s.lastSeq = std::max(*last, s.replayAfter);
            return;
        }
        for (const Event &event : *page) {
            if (s.queued() > highWater)
                return;
            s.replayAfter = event.seq;
            if (!wants(s, event))
                continue;
            send(s, event.sseFrame(), wsText(event));
            m_metrics.increment("tableorder_events_replayed_total");
            if (!afterSent(s, event))
                return;
        }
    }
}

bool EventHub::wants(Subscriber &s, const Event &event)
{
    if (!visible(s.who, event) || !forStations(s.stations, event))
        return false;
    if (s.who.isStaff() || !isPartyEvent(event))
        return true;
    // As REST: a table sees its current party's orders only, never an earlier party's
    // (replays from an old cursor included) nor, on a stream of an earlier party, a later one's.
    const qint64 session = event.data.value(u"session_id"_s).toInteger();
    if (s.session == 0 && session > s.sessionFloor && opensParty(event))
        s.session = session; // the next party's first order or call: the stream is theirs now
    // A visit moved to this free table: the stream is theirs now, whatever its session's age.
    if (s.session == 0 && event.seq > s.boundAtSeq && event.type == QLatin1StringView(events::VisitArrived))
        s.session = session;
    return session != 0 && session == s.session;
}

bool EventHub::afterSent(Subscriber &s, const Event &event)
{
    if (s.who.isStaff() || !endsParty(event))
        return true;
    // wants() passed it, so it is this stream's party that left: the stream ends with it
    // (the tablet reconnects and is bound to the next party).
    finish(s.id, QWebSocketProtocol::CloseCodeNormal,
           event.type == QLatin1StringView(events::VisitLeft) ? u"visit left the table"_s : u"table session closed"_s);
    return false;
}

bool EventHub::deliver(Subscriber &s, const QByteArray &sse, const QByteArray &ws)
{
    if (s.queued() > m_settings.maxQueueBytes) {
        m_metrics.increment("tableorder_slow_consumer_disconnects_total");
        drop(s.id, "slow consumer: send queue over limit");
        return false;
    }
    if (!s.ws && !s.sse)
        return false;
    send(s, sse, ws);
    return true;
}

void EventHub::send(Subscriber &s, const QByteArray &sse, const QByteArray &ws)
{
    if (s.ws)
        s.ws->sendTextMessage(QString::fromUtf8(ws));
    else if (s.sse)
        s.sse->write(sse);
    else
        return;
    m_metrics.increment("tableorder_events_sent_total");
}

void EventHub::onCommitted(const Event &event, qint64 commitNs)
{
    // Sent on the next turn of the event loop: the request that made the change gets its
    // response first, and a burst of commits goes out in one pass.
    m_pending.append({event, commitNs});
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &EventHub::flush, Qt::QueuedConnection);
    }
}

void EventHub::flush()
{
    m_flushScheduled = false;
    const auto pending = std::exchange(m_pending, {});
    for (const auto &[event, commitNs] : pending) {
        // Framed once per transport, and only when a subscriber of that transport gets it
        // (with nobody listening this was 6% of the order path's CPU).
        QByteArray sse;
        QByteArray ws;
        QList<qint64> ids;
        for (const auto &[id, s] : m_subscribers)
            ids.append(id);
        for (qint64 id : ids) {
            auto it = m_subscribers.find(id);
            if (it == m_subscribers.end())
                continue;
            Subscriber &s = *it->second;
            if (s.replaying)
                continue; // the replay reads this event from the log
            if (event.seq <= s.lastSeq || !wants(s, event)) {
                s.lastSeq = std::max(s.lastSeq, event.seq);
                continue;
            }
            if (s.sse && sse.isEmpty())
                sse = event.sseFrame();
            if (s.ws && ws.isEmpty())
                ws = wsText(event);
            if (!deliver(s, sse, ws))
                continue;
            s.lastSeq = event.seq;
            m_metrics.observe("tableorder_event_commit_to_send_seconds", {},
                              (EventLog::monotonicNs() - commitNs) / 1e9);
            afterSent(s, event);
        }
    }
}

void EventHub::heartbeat()
{
    QList<qint64> dead;
    QList<qint64> stalled;
    for (auto &[id, s] : m_subscribers) {
        if (s->replaying) {
            // A whole heartbeat without reading any of its replay: it cannot keep up.
            if (s->replayAfter == s->replayAtHeartbeat && s->queued() > 0)
                stalled.append(id);
            s->replayAtHeartbeat = s->replayAfter;
        }
        if (s->ws) {
            // Two missed heartbeats without a pong or message: the peer is gone.
            if (s->clock.elapsed() - s->lastSeenMs > 2 * m_settings.heartbeatMs + 1000)
                dead.append(id);
            else
                s->ws->ping();
        } else if (s->sse) {
            s->sse->write(": ping\n\n");
        }
    }
    for (qint64 id : dead)
        drop(id, "no pong from peer");
    for (qint64 id : stalled) {
        if (m_subscribers.contains(id)) {
            m_metrics.increment("tableorder_slow_consumer_disconnects_total");
            drop(id, "slow consumer: send queue over limit");
        }
    }
}

void EventHub::closeStreamsOf(const QString &subject)
{
    QList<qint64> ids;
    for (const auto &[id, s] : m_subscribers)
        if (s->who.subject == subject)
            ids.append(id);
    for (qint64 id : ids)
        drop(id, "token revoked");
}

void EventHub::closeStreamsOfToken(const QString &tokenId)
{
    QList<qint64> ids;
    for (const auto &[id, s] : m_subscribers)
        if (!tokenId.isEmpty() && s->who.tokenId == tokenId)
            ids.append(id);
    for (qint64 id : ids)
        drop(id, "token revoked");
}

void EventHub::drop(qint64 id, const char *reason)
{
    auto it = m_subscribers.find(id);
    if (it == m_subscribers.end())
        return;
    std::unique_ptr<Subscriber> s = std::move(it->second);
    m_subscribers.erase(it);
    if (reason)
        qCInfo(lcHub) << "dropping" << s->transport() << roleLabel(s->who) << "connection:" << reason;
    if (s->ws) {
        s->ws->disconnect(this);
        QWebSocket *ws = s->ws.release();
        if (reason) {
            // The close frame carries the reason.
            closeWebSocket(ws, QWebSocketProtocol::CloseCode(4008), QString::fromLatin1(reason));
        } else {
            ws->abort();
            ws->deleteLater();
        }
    } else if (s->sse) {
        s->sse->disconnect(this);
        if (reason)
            s->sse->abort();
    }
    updateGauges();
}

void EventHub::finish(qint64 id, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    auto it = m_subscribers.find(id);
    if (it == m_subscribers.end())
        return;
    std::unique_ptr<Subscriber> s = std::move(it->second);
    m_subscribers.erase(it);
    qCInfo(lcHub) << "closing" << s->transport() << roleLabel(s->who) << "connection:" << reason;
    if (s->ws) {
        s->ws->disconnect(this);
        closeWebSocket(s->ws.release(), code, reason);
    } else if (s->sse) {
        // The response ends once its queued events are written; a peer that reads
        // nothing more is cut off after 2 s.
        QPointer<QTcpSocket> socket = s->sse;
        socket->disconnect(this);
        socket->disconnectFromHost();
        if (socket)
            QTimer::singleShot(2000, socket, [socket] { if (socket) socket->abort(); });
    }
    updateGauges();
}

void EventHub::updateGauges()
{
    std::map<std::pair<QString, QString>, int> counts;
    for (const QString &transport : {u"sse"_s, u"websocket"_s})
        for (const QString &role : {u"staff"_s, u"table"_s})
            counts[{transport, role}] = 0;
    for (const auto &[id, s] : m_subscribers)
        ++counts[{s->transport(), roleLabel(s->who)}];
    for (const auto &[key, count] : counts)
        m_metrics.set("tableorder_realtime_connections", {{"transport", key.first}, {"role", key.second}}, count);
}

} // namespace tableorder::edge
