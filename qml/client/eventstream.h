#pragma once

#include "backoff.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace tableorder::client {

/// The edge's event stream over WebSocket (/api/v1/ws). Connects with the token, resumes
/// from the last seq it processed (?since=SEQ) so no event is lost or repeated across a
/// reconnect, and reconnects by itself with exponential backoff. A silent connection (no
/// message or pong for `deadAfterMs`) is treated as lost: wifi that drops without a FIN
/// would otherwise look connected forever.
class EventStream : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool online READ isOnline NOTIFY stateChanged)
    Q_PROPERTY(int retryInSeconds READ retryInSeconds NOTIFY retryChanged)
    Q_PROPERTY(int attempt READ attempt NOTIFY retryChanged)
    Q_PROPERTY(bool certificateRefused READ certificateRefused NOTIFY stateChanged)
public:
    enum class State { Stopped, Connecting, Online, Waiting };
    Q_ENUM(State)

    explicit EventStream(QObject *parent = nullptr);
    ~EventStream() override;

    /// Connects to `baseUrl`'s /api/v1/ws; `stations` narrows staff streams (empty: all).
    void start(const QUrl &baseUrl, const QString &token, const QStringList &stations = {});
    void stop();
    /// Drops the connection and reconnects at once, resuming from lastSeq().
    void reconnectNow();
    /// Forgets the cursor: the next connection starts with a snapshot.
    void resetCursor() { m_lastSeq = -1; }

    /// Sends {"type":"ack","order_id":N}; queued while offline, sent on reconnect.
    void acknowledge(qint64 orderId);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isOnline() const { return m_state == State::Online; }
    [[nodiscard]] qint64 lastSeq() const { return m_lastSeq; }
    [[nodiscard]] int retryInSeconds() const;
    [[nodiscard]] int attempt() const { return m_backoff.attempt(); }
    /// Consecutive connection attempts that failed before any message arrived.
    [[nodiscard]] int failures() const { return m_failures; }
    /// The last attempt met a TLS certificate that is not the pinned one (see CertificatePins):
    /// retrying will not help until the screen is paired again.
    [[nodiscard]] bool certificateRefused() const { return m_certificateRefused; }

    void setBackoff(const Backoff::Settings &settings) { m_backoff.setSettings(settings); }
    void setHeartbeat(int pingEveryMs, int deadAfterMs);

signals:
    void stateChanged();
    void retryChanged();
    /// Every event in seq order: snapshot, reset, order.*, menu.*, table.*.
    void eventReceived(const QString &type, const QJsonObject &data, qint64 seq);
    /// A connection attempt failed before the stream opened (bad token, daemon down...).
    void connectFailed(int consecutiveFailures);

private:
    void open();
    void onConnected();
    void onDisconnected();
    void onMessage(const QString &text);
    void scheduleReconnect();
    void setState(State state);
    void checkAlive();

    QWebSocket *m_socket = nullptr;
    bool m_certificateRefused = false;
    QUrl m_baseUrl;
    QString m_token;
    QStringList m_stations;
    qint64 m_lastSeq = -1;
    State m_state = State::Stopped;
    Backoff m_backoff;
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    QTimer m_countdown;
    QTimer m_connectTimeout;
    qint64 m_lastMessageMs = 0;
    int m_deadAfterMs = 25'000;
    int m_failures = 0;
    bool m_gotMessage = false;
    QSet<qint64> m_pendingAcks;
};

} // namespace tableorder::client
