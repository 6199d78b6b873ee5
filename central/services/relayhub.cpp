#include "relayhub.h"

#include "metrics.h"
#include "storage/relayrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRelayHub, "tableorder.central.relay")

namespace tableorder::central {

struct RelayHub::Session
{
    qint64 storeId = 0;
    std::unique_ptr<QWebSocket> socket;
    QHash<quint32, Stream> streams;
    QElapsedTimer lastHeard;
    QElapsedTimer lastPing;
};

RelayHub::RelayHub(RelaySettings settings, RelayRepository &repository, Metrics &metrics, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_repository(repository), m_metrics(metrics)
{
    m_metrics.declareCounter("tableorder_relay_requests_total",
                             "Guest requests relayed to stores, by outcome (ok, offline, busy, timeout, "
                             "bad_gateway, cancelled).");
    m_metrics.declareGauge("tableorder_relay_in_flight", "Relayed guest requests (SSE streams included) now open.",
                           [this] { return double(inFlight()); });
    m_metrics.declareGauge("tableorder_relay_connected_stores", "Stores whose relay connection this instance holds.",
                           [this] { return double(m_sessions.size()); });
    m_metrics.declareHistogram("tableorder_relay_head_seconds",
                               "Time from sending a relayed request to its response head from the store.",
                               Metrics::latencyBuckets());
    m_sweep.setInterval(std::clamp(std::min(m_settings.timeoutMs, m_settings.heartbeatMs) / 4, 20, 500));
    connect(&m_sweep, &QTimer::timeout, this, &RelayHub::sweep);
    m_sweep.start();
}

RelayHub::~RelayHub()
{
    closeAll();
}

void RelayHub::closeAll()
{
    const QList<qint64> stores = m_sessions.keys();
    for (qint64 store : stores)
        drop(store, m_sessions.value(store).get(), u"central is shutting down"_s);
}

void RelayHub::disconnectStore(qint64 storeId)
{
    if (auto session = m_sessions.value(storeId))
        drop(storeId, session.get(), u"the store's key was replaced"_s);
}

int RelayHub::inFlight() const
{
    int n = 0;
    for (const auto &session : m_sessions)
        n += int(session->streams.size());
    return n;
}

void RelayHub::accept(qint64 storeId, std::unique_ptr<QWebSocket> socket)
{
    if (auto old = m_sessions.value(storeId))
        drop(storeId, old.get(), u"the store connected again"_s);
    auto session = std::make_shared<Session>();
    session->storeId = storeId;
    session->socket = std::move(socket);
    session->socket->setMaxAllowedIncomingMessageSize(relay::kMaxFrameBytes);
    session->socket->setMaxAllowedIncomingFrameSize(relay::kMaxFrameBytes);
    session->lastHeard.start();
    session->lastPing.start();
    Session *raw = session.get();
    QWebSocket *ws = session->socket.get();
    connect(ws, &QWebSocket::binaryMessageReceived, this, [this, raw](const QByteArray &message) {
        onMessage(*raw, message);
    });
    connect(ws, &QWebSocket::textMessageReceived, this, [this, raw, storeId] {
        drop(storeId, raw, u"text frames are not part of the relay protocol"_s);
    });
    connect(ws, &QWebSocket::pong, this, [raw] { raw->lastHeard.restart(); });
    connect(ws, &QWebSocket::disconnected, this, [this, raw, storeId] {
        drop(storeId, raw, u"the store closed its connection"_s);
    });
    // The store's row (LAN address, holding instance) is written when its HELLO arrives.
    m_sessions.insert(storeId, std::move(session));
    qCInfo(lcRelayHub) << "store" << storeId << "relay connected";
}

Result<quint32> RelayHub::open(qint64 storeId, const relay::RelayRequest &request, bool streaming, Sink sink)
{
    const auto it = m_sessions.constFind(storeId);
    if (it == m_sessions.constEnd()) {
        m_metrics.increment("tableorder_relay_requests_total", {{"outcome", u"offline"_s}});
        return fail(ErrorCode::StoreOffline, u"the store cannot be reached through HQ right now"_s);
    }
    Session &session = **it;
    if (session.streams.size() >= m_settings.maxStreamsPerStore) {
        m_metrics.increment("tableorder_relay_requests_total", {{"outcome", u"busy"_s}});
        return fail(ErrorCode::Unavailable, u"the store has too many requests in flight; retry shortly"_s);
    }
    quint32 id = m_nextStream++;
    if (id == 0)
        id = m_nextStream++;
    Stream stream;
    stream.sink = std::move(sink);
    stream.streaming = streaming;
    stream.started.start();
    session.streams.insert(id, std::move(stream));
    session.socket->sendBinaryMessage(relay::encodeRequest(id, request));
    return id;
}

void RelayHub::cancel(qint64 storeId, quint32 stream)
{
    const auto it = m_sessions.constFind(storeId);
    if (it == m_sessions.constEnd())
        return;
    Session &session = **it;
    if (session.streams.remove(stream)) {
        m_metrics.increment("tableorder_relay_requests_total", {{"outcome", u"cancelled"_s}});
        session.socket->sendBinaryMessage(relay::encode({relay::FrameType::Cancel, stream, {}}));
    }
}

void RelayHub::onMessage(Session &session, const QByteArray &message)
{
    session.lastHeard.restart();
    const qint64 storeId = session.storeId;
    auto frame = relay::decode(message);
    if (!frame)
        return drop(storeId, &session, frame.error().message);
    if (frame->type == relay::FrameType::Hello) {
        QJsonParseError error{};
        const QJsonObject hello = QJsonDocument::fromJson(frame->payload, &error).object();
        const QString lanUrl = hello.value(u"lan_url"_s).toString().left(512);
        const QString ssid = hello.value(u"wifi_ssid"_s).toString().left(64);
        if (auto ok = m_repository.connected(storeId, lanUrl, ssid, m_settings.instance); !ok)
            qCWarning(lcRelayHub) << "cannot record store" << storeId << "relay:" << ok.error().message;
        return;
    }
    const auto it = session.streams.find(frame->stream);
    if (it == session.streams.end())
        return; // cancelled or timed out here; the edge will stop on our Cancel
    Stream &stream = *it;
    switch (frame->type) {
    case relay::FrameType::ResponseHead: {
        auto head = relay::decodeHead(frame->payload);
        if (!head || stream.headSeen) {
            session.socket->sendBinaryMessage(relay::encode({relay::FrameType::Cancel, frame->stream, {}}));
            return finish(session, frame->stream,
                          Error{ErrorCode::BadGateway, u"the store sent a malformed response"_s, {}}, "bad_gateway");
        }
        stream.headSeen = true;
        m_metrics.observe("tableorder_relay_head_seconds", {}, stream.started.nsecsElapsed() / 1e9);
        stream.sink.head(*head);
        return;
    }
    case relay::FrameType::Body:
        if (!stream.headSeen) {
            session.socket->sendBinaryMessage(relay::encode({relay::FrameType::Cancel, frame->stream, {}}));
            return finish(session, frame->stream,
                          Error{ErrorCode::BadGateway, u"the store sent a body before its status"_s, {}}, "bad_gateway");
        }
        stream.bytes += frame->payload.size();
        if (!stream.streaming && stream.bytes > m_settings.maxResponseBytes) {
            session.socket->sendBinaryMessage(relay::encode({relay::FrameType::Cancel, frame->stream, {}}));
            return finish(session, frame->stream,
                          Error{ErrorCode::BadGateway, u"the store's response is larger than the relay carries"_s, {}},
                          "bad_gateway");
        }
        stream.sink.body(frame->payload);
        return;
    case relay::FrameType::End:
        if (!stream.headSeen)
            return finish(session, frame->stream,
                          Error{ErrorCode::BadGateway, u"the store ended a response it never began"_s, {}}, "bad_gateway");
        return finish(session, frame->stream, std::nullopt, "ok");
    case relay::FrameType::Reset: {
        const QString why = QJsonDocument::fromJson(frame->payload).object().value(u"message"_s).toString().left(200);
        return finish(session, frame->stream,
                      Error{ErrorCode::BadGateway, u"the store could not answer: %1"_s.arg(why), {}}, "bad_gateway");
    }
    default:
        return drop(storeId, &session, u"unexpected frame type from the store"_s);
    }
}

void RelayHub::finish(Session &session, quint32 stream, std::optional<Error> error, const char *outcome)
{
    auto it = session.streams.find(stream);
    if (it == session.streams.end())
        return;
    Sink sink = std::move(it->sink);
    session.streams.erase(it);
    m_metrics.increment("tableorder_relay_requests_total", {{"outcome", QString::fromLatin1(outcome)}});
    sink.end(std::move(error));
}

void RelayHub::drop(qint64 storeId, Session *session, const QString &why)
{
    const auto it = m_sessions.find(storeId);
    if (it == m_sessions.end() || it->get() != session)
        return;
    std::shared_ptr<Session> held = *it;
    m_sessions.erase(it);
    qCInfo(lcRelayHub).noquote() << "store" << storeId << "relay closed:" << why;
    held->socket->disconnect(this);
    if (held->socket->state() != QAbstractSocket::UnconnectedState)
        held->socket->close(QWebSocketProtocol::CloseCodeGoingAway, why.left(100));
    held->socket.release()->deleteLater();
    if (auto ok = m_repository.disconnected(storeId, m_settings.instance); !ok)
        qCWarning(lcRelayHub) << "cannot record store" << storeId << "relay closed:" << ok.error().message;
    const QList<quint32> streams = held->streams.keys();
    for (quint32 stream : streams)
        finish(*held, stream, Error{ErrorCode::BadGateway, u"the connection to the store was lost"_s, {}}, "bad_gateway");
}

void RelayHub::sweep()
{
    const QList<qint64> stores = m_sessions.keys();
    for (qint64 store : stores) {
        std::shared_ptr<Session> session = m_sessions.value(store);
        if (!session)
            continue;
        if (session->lastHeard.elapsed() > 3LL * m_settings.heartbeatMs) {
            drop(store, session.get(), u"the store stopped answering heartbeats"_s);
            continue;
        }
        if (session->lastPing.elapsed() >= m_settings.heartbeatMs) {
            session->lastPing.restart();
            session->socket->ping();
        }
        QList<quint32> late;
        for (auto it = session->streams.cbegin(); it != session->streams.cend(); ++it) {
            const bool bounded = !it->headSeen || !it->streaming;
            if (bounded && it->started.elapsed() > m_settings.timeoutMs)
                late.append(it.key());
        }
        for (quint32 stream : late) {
            session->socket->sendBinaryMessage(relay::encode({relay::FrameType::Cancel, stream, {}}));
            finish(*session, stream, Error{ErrorCode::GatewayTimeout, u"the store did not answer in time"_s, {}}, "timeout");
        }
    }
}

} // namespace tableorder::central
