#pragma once

#include "error.h"
#include "sync/relayframe.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QWebSocket;

namespace tableorder {
class Metrics;
}

namespace tableorder::central {

class RelayRepository;

struct RelaySettings
{
    int maxStreamsPerStore = 256;  // relayed requests (SSE streams included) in flight per store
    int timeoutMs = 15'000;        // until the response head; whole response when not streaming
    qint64 maxResponseBytes = 8 * 1024 * 1024; // a buffered (non-streaming) response
    int heartbeatMs = 15'000;      // ping each edge; silent for 3 intervals: dropped
    QString instance;              // this instance's id, recorded with the store's connection
};

/// Central's end of the guest relay: one WebSocket per linked store, opened by its edge.
/// Requests are multiplexed on it by stream id; each gets its answer through a Sink (head,
/// body pieces, end), or an error (STORE_OFFLINE, 502, 504) when the store cannot answer.
class RelayHub : public QObject
{
    Q_OBJECT
public:
    struct Sink
    {
        std::function<void(const relay::ResponseHead &)> head;
        std::function<void(const QByteArray &)> body;
        /// Exactly once: nothing when the response completed, else why it did not.
        std::function<void(std::optional<Error>)> end;
    };

    RelayHub(RelaySettings settings, RelayRepository &repository, Metrics &metrics, QObject *parent = nullptr);
    ~RelayHub() override;

    /// A store's edge connected (its key checked): replaces an older connection of the store.
    void accept(qint64 storeId, std::unique_ptr<QWebSocket> socket);
    [[nodiscard]] bool isConnected(qint64 storeId) const { return m_sessions.contains(storeId); }
    /// Sends the request; the sink hears the rest. `streaming`: no deadline once the head came,
    /// no size bound (SSE). Fails at once with STORE_OFFLINE or UNAVAILABLE (store busy).
    [[nodiscard]] Result<quint32> open(qint64 storeId, const relay::RelayRequest &request, bool streaming, Sink sink);
    /// The phone went away: the edge stops, the sink hears nothing more.
    void cancel(qint64 storeId, quint32 stream);
    [[nodiscard]] int connectedStores() const { return int(m_sessions.size()); }
    [[nodiscard]] int inFlight() const;
    /// Closes the store's connection (its key was rotated); the edge reconnects with its key.
    void disconnectStore(qint64 storeId);
    /// Closes every connection (shutdown).
    void closeAll();

private:
    struct Stream
    {
        Sink sink;
        bool streaming = false;
        bool headSeen = false;
        qint64 bytes = 0;
        QElapsedTimer started;
    };
    struct Session;
    void onMessage(Session &session, const QByteArray &message);
    void drop(qint64 storeId, Session *session, const QString &why);
    void finish(Session &session, quint32 stream, std::optional<Error> error, const char *outcome);
    void sweep();

    RelaySettings m_settings;
    RelayRepository &m_repository;
    Metrics &m_metrics;
    QHash<qint64, std::shared_ptr<Session>> m_sessions;
    QTimer m_sweep;
    quint32 m_nextStream = 1;
};

} // namespace tableorder::central
