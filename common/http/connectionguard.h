#pragma once

#include "requestframer.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <optional>

class QTcpSocket;

namespace tableorder::http {

/// Limits the HTTP layer enforces before Qt HttpServer 6.4 (which has none) buffers a request.
struct GuardLimits
{
    qint64 maxHeaderBytes = 16 * 1024;
    int requestTimeoutMs = 10'000; // first byte to last byte of one request
    int idleTimeoutMs = 60'000;    // keep-alive connection with no request in progress
    /// Open connections (streams included); one more is answered 503 and closed. 0: no cap.
    int maxConnections = 1024;
    /// A stream (SSE, WebSocket) whose reader stops reading is cut when this much is queued
    /// unsent, or when queued bytes have not moved for streamStallMs.
    qint64 maxStreamUnsentBytes = 4 * 1024 * 1024;
    int streamStallMs = 30'000;
    /// Largest body accepted for a method and path; 64 KiB unless a route needs more.
    std::function<qint64(QByteArrayView method, QByteArrayView path)> maxBodyBytes;
    /// Paths on which `Upgrade: websocket` is honoured; an Upgrade anywhere else is 400.
    QList<QByteArray> webSocketPaths;
    /// For `Upgrade: websocket` requests, before the upgrade: a complete HTTP response that
    /// refuses it (bad token, full), or an empty array to let it through. Header names are
    /// lower case; target is the request-target (path and query).
    std::function<QByteArray(QByteArrayView target, const QHash<QByteArray, QByteArray> &headers)>
            upgradeCheck;
};

/// A QTcpServer whose sockets are watched from the first byte: a RequestFramer frames each
/// request the way Qt's parser will, and the guard answers 400, 411, 413, 431 or 408 itself
/// before Qt's parser has seen the ambiguous, oversized or never-ending request, then closes
/// the connection. Connections over the cap are answered 503 before Qt sees them; streams
/// whose reader stops reading are cut.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(GuardLimits limits, QObject *parent = nullptr);
    [[nodiscard]] int openConnections() const { return m_open; }
    /// A socket that became an event stream (SSE) is exempt from the deadlines from now on,
    /// watched on its write side instead, and reads no further requests.
    static void markStreaming(QTcpSocket *socket);
    /// Serve TLS with this configuration (certificate and key set): every connection is a
    /// QSslSocket in server mode, so the guard and Qt's parser read the decrypted bytes.
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    friend class SocketGuard;
    GuardLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    int m_open = 0;
    int m_closing = 0; // refused sockets still sending their answer
};

/// Per-connection framing state; a child of its socket.
class SocketGuard : public QObject
{
    Q_OBJECT
public:
    SocketGuard(QTcpSocket *socket, GuardedTcpServer *server);
    ~SocketGuard() override;
    void setStreaming();
    /// Connected after Qt's parser: what it left unread is what the guard has seen already.
    void watchParser();

private:
    void onReadyRead();
    void afterParser();
    void feed(QByteArrayView data);
    bool headAccepted();
    void reject(int status, const QByteArray &code, const QByteArray &message);
    void refuse(const QByteArray &response);
    void requestFinished();
    void checkWrites();

    QTcpSocket *m_socket;
    QPointer<GuardedTcpServer> m_server;
    RequestFramer m_framer;
    /// Bytes at the front of the socket's buffer that the framer has already read (Qt's
    /// parser has not consumed them yet: a pipelined request waits for the one before it).
    qint64 m_seen = 0;
    bool m_inRequest = false;
    bool m_done = false; // rejected, streaming or upgraded: no more framing
    bool m_streaming = false;
    QTimer m_deadline;
    QTimer m_idle;
    QTimer m_writeWatch;
    QElapsedTimer m_lastWrite;
};

/// Sends response, stops reading (what still arrives is discarded, not buffered), closes
/// the write side once the response is out and the socket when the peer closes or after
/// two seconds: the peer reads the answer instead of a reset.
void answerAndClose(QTcpSocket *socket, const QByteArray &response);

} // namespace tableorder::http
