#pragma once

#include <QByteArray>
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
    /// Largest body accepted for a method and path; 64 KiB unless a route needs more.
    std::function<qint64(QByteArrayView method, QByteArrayView path)> maxBodyBytes;
    /// For `Upgrade: websocket` requests, before the upgrade: a complete HTTP response that
    /// refuses it (bad token, full), or an empty array to let it through. Header names are
    /// lower case; target is the request-target (path and query).
    std::function<QByteArray(QByteArrayView target, const QHash<QByteArray, QByteArray> &headers)>
            upgradeCheck;
};

/// A QTcpServer whose sockets are watched from the first byte: it frames each request
/// (header end, Content-Length) and answers 431, 413, 411 or 408 itself, before Qt's parser
/// has buffered the oversized or never-ending request, then closes the connection.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(GuardLimits limits, QObject *parent = nullptr);
    [[nodiscard]] int openConnections() const { return m_open; }
    /// A socket that became an event stream is exempt from the deadlines from now on.
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
};

/// Per-connection framing state; a child of its socket.
class SocketGuard : public QObject
{
    Q_OBJECT
public:
    SocketGuard(QTcpSocket *socket, GuardedTcpServer *server);
    ~SocketGuard() override;
    void setStreaming();

private:
    void onReadyRead();
    void feed(QByteArrayView data);
    bool headerComplete();
    void reject(int status, const QByteArray &code, const QByteArray &message);
    void refuse(const QByteArray &response);
    void requestFinished();

    QTcpSocket *m_socket;
    QPointer<GuardedTcpServer> m_server;
    QByteArray m_header;
    qint64 m_bodyRemaining = 0;
    bool m_inRequest = false;
    bool m_done = false; // rejected, streaming or upgraded: no more framing
    QTimer m_deadline;
    QTimer m_idle;
};

} // namespace tableorder::http
