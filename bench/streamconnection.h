#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QString>

#include <functional>

class QTcpSocket;

namespace tableorder::bench {

/// One event-stream connection to the edge (SSE or WebSocket) on a raw QTcpSocket, with the
/// least client-side work: it frames messages (SSE blocks, unmasked server WebSocket frames,
/// answering pings) and picks `order.created` events out by substring, without parsing the
/// JSON, so that the load program's own CPU stays out of the latency it measures. Other
/// events go, undecoded, to an optional event callback.
class StreamConnection : public QObject
{
    Q_OBJECT
public:
    enum class Transport { Sse, WebSocket };
    /// For each `order.created`: its client_order_id and id (as text), and when the bytes
    /// that completed it were read (nowNs()).
    using OrderCallback = std::function<void(StreamConnection &, QByteArrayView clientOrderId,
                                             QByteArrayView orderId, qint64 arrivalNs)>;
    /// For every other event but the snapshot: its type and the message's JSON text as it
    /// came (sorted keys, not decoded), and when the bytes that completed it were read. The
    /// views are valid during the call only.
    using EventCallback = std::function<void(StreamConnection &, QByteArrayView type,
                                             QByteArrayView json, qint64 arrivalNs)>;

    StreamConnection(Transport transport, QString host, quint16 port, QByteArray token,
                     QObject *parent = nullptr);
    ~StreamConnection() override;

    void setOrderCallback(OrderCallback callback) { m_onOrder = std::move(callback); }
    void setEventCallback(EventCallback callback) { m_onEvent = std::move(callback); }
    void open();
    /// WebSocket only: one masked text frame.
    void sendText(QByteArrayView payload);

    [[nodiscard]] Transport transport() const { return m_transport; }
    [[nodiscard]] bool hasSnapshot() const { return m_snapshot; }
    [[nodiscard]] bool failed() const { return m_failed; }
    [[nodiscard]] QString failure() const { return m_failure; }
    [[nodiscard]] qint64 events() const { return m_events; }

signals:
    void snapshotReceived();
    void broken();

private:
    void onConnected();
    void onReadyRead();
    void fail(const QString &reason);
    void parseSse(qint64 arrivalNs);
    void parseWebSocket(qint64 arrivalNs);
    void message(QByteArrayView payload, QByteArrayView sseType, qint64 arrivalNs);

    Transport m_transport;
    QString m_host;
    quint16 m_port;
    QByteArray m_token;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_buffer;
    qsizetype m_parsed = 0; // bytes of m_buffer already consumed
    bool m_headDone = false;
    bool m_snapshot = false;
    bool m_failed = false;
    QString m_failure;
    qint64 m_events = 0;
    QByteArray m_fragments; // a WebSocket text message split over frames
    OrderCallback m_onOrder;
    EventCallback m_onEvent;
};

} // namespace tableorder::bench
