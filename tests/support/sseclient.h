#pragma once

#include "eventstreamclient.h"

#include <QByteArray>
#include <QTcpSocket>

namespace tableorder::test {

/// A Server-Sent Events client on a raw socket, so a test controls every header
/// (`Last-Event-ID`) and sees exactly what the server framed: the response head, then one
/// event per `id:`/`event:`/`data:` block; `:` comment lines count as heartbeats.
class SseClient : public EventStreamClient
{
    Q_OBJECT
public:
    explicit SseClient(QObject *parent = nullptr);
    ~SseClient() override;

    /// Starts `GET /api/v1/events` (or `path`); see waitForOpen().
    void open(quint16 port, const StreamRequest &request,
              const QString &path = QStringLiteral("/api/v1/events"));
    /// The response when the server refused the stream (status and error envelope), or
    /// the 200 head of an open stream.
    [[nodiscard]] const HttpResult &response() const { return m_response; }
    [[nodiscard]] int heartbeats() const { return m_heartbeats; }
    void close() override;

private:
    void onReadyRead();
    void onDisconnected();
    void parseBlocks();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    HttpResult m_response;
    bool m_headDone = false;
    int m_heartbeats = 0;
};

} // namespace tableorder::test
