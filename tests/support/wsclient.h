#pragma once

#include "eventstreamclient.h"

#include <QJsonObject>
#include <QList>
#include <QWebSocket>

namespace tableorder::test {

/// A WebSocket client (QWebSocket) for `/api/v1/ws`: events (messages with a seq) go to
/// events(); the other messages (`pong`, `error`) to messages().
class WsClient : public EventStreamClient
{
    Q_OBJECT
public:
    explicit WsClient(QObject *parent = nullptr);
    ~WsClient() override;

    /// Starts the upgrade to `/api/v1/ws` (or `path`); see waitForOpen().
    void open(quint16 port, const StreamRequest &request,
              const QString &path = QStringLiteral("/api/v1/ws"));
    void sendJson(const QJsonObject &message);
    /// Messages without a seq, in arrival order.
    [[nodiscard]] const QList<QJsonObject> &messages() const { return m_messages; }
    [[nodiscard]] QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    [[nodiscard]] QString closeReason() const { return m_socket.closeReason(); }
    void close() override;

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
};

} // namespace tableorder::test
