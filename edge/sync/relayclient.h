#pragma once

#include "sync/relayframe.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <memory>
#include <unordered_map>

namespace tableorder {
class Metrics;
}

namespace tableorder::edge {

struct RelaySettings
{
    QUrl centralUrl;      // http(s)://host:port; the relay is ws(s)://host:port/relay/v1/connect
    QString storeKey;     // secret: sent as Authorization: Bearer, never logged
    QHostAddress localAddress; // where this edge listens (replayed requests go there)
    quint16 localPort = 0;
    bool localTls = false;
    QByteArray relaySecret;    // vouches for the phone's client id to this edge's HTTP layer
    QString lanUrl;            // reported to central for its STORE_OFFLINE answer
    QString wifiSsid;
    QString edgeVersion;
    int heartbeatMs = 15'000;  // ping; no answer in 3 intervals: reconnect
    int maxBackoffMs = 30'000;
    int maxStreams = 256;      // requests in flight at once; more are reset
    int headTimeoutMs = 30'000; // a replayed request's response head must come within this
};

/// The edge's end of the guest relay: keeps one outward WebSocket to central (store key,
/// reconnect with backoff and jitter, heartbeats), and replays every request central sends
/// against this edge's own HTTP listener, so every guard, limit and handler applies as for a
/// phone on the LAN; the answer streams back (head, body pieces, end), SSE included.
class RelayClient : public QObject
{
    Q_OBJECT
public:
    RelayClient(RelaySettings settings, Metrics &metrics, QObject *parent = nullptr);
    ~RelayClient() override;

    void start();
    [[nodiscard]] bool isConnected() const { return m_connected; }
    [[nodiscard]] int inFlight() const { return int(m_exchanges.size()); }

private:
    class Exchange;
    void open();
    void onConnected();
    void onDisconnected();
    void onMessage(const QByteArray &message);
    void scheduleReconnect();
    void heartbeat();
    void startExchange(quint32 stream, relay::RelayRequest request);
    void finishExchange(quint32 stream);
    void send(const QByteArray &frame);
    void dropAll();

    RelaySettings m_settings;
    Metrics &m_metrics;
    QWebSocket m_socket;
    QTimer m_reconnect;
    QTimer m_heartbeat;
    QElapsedTimer m_lastHeard;
    int m_failures = 0;
    bool m_connected = false;
    bool m_stopping = false;
    std::unordered_map<quint32, std::unique_ptr<Exchange>> m_exchanges;
};

} // namespace tableorder::edge
