#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>

class QTcpSocket;

namespace tableorder::bench {

/// What one request got back. status 0 means the connection failed before a response.
struct HttpResult
{
    int status = 0;
    QByteArray body; // only when the request asked to keep it
    qint64 intendedNs = 0; // when the schedule wanted it sent
    qint64 sentNs = 0; // when it was written to the socket
    qint64 doneNs = 0; // when the last byte of the response was read
};

/// One keep-alive HTTP/1.1 connection over a raw QTcpSocket, without QNetworkAccessManager:
/// requests are queued and sent one at a time (no pipelining, like a tablet), each response
/// is framed by Content-Length. A request that has to wait for the one before it keeps its
/// intended send time, so latency measured from it includes the wait (no coordinated
/// omission).
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResult &)>;

    HttpConnection(QString host, quint16 port, QObject *parent = nullptr);
    ~HttpConnection() override;

    void setBearerToken(const QByteArray &token) { m_token = token; }
    /// An Accept-Encoding header for every request (none unless set).
    void setAcceptEncoding(const QByteArray &codings) { m_acceptEncoding = codings; }
    /// The Content-Type of request bodies (application/json unless set).
    void setContentType(const QByteArray &type) { m_contentType = type; }
    /// Queues a request. intendedNs 0 means "now". keepBody copies the response body.
    void request(const QByteArray &method, const QByteArray &path, const QByteArray &body,
        qint64 intendedNs, bool keepBody, Callback callback);
    [[nodiscard]] bool idle() const { return !m_inFlight && m_queue.empty(); }
    [[nodiscard]] qsizetype queued() const { return qsizetype(m_queue.size()); }
    [[nodiscard]] qint64 reconnects() const { return m_reconnects; }
    /// Drops the requests not yet sent (their callbacks never run); returns how many.
    qsizetype clearQueue();

private:
    struct Pending
    {
        QByteArray wire;
        qint64 intendedNs;
        bool keepBody;
        Callback callback;
    };

    void ensureSocket();
    void sendNext();
    void onReadyRead();
    void onBroken();
    bool parseHeader();
    void complete(int status);

    QString m_host;
    quint16 m_port;
    QByteArray m_hostHeader;
    QByteArray m_token;
    QByteArray m_contentType = "application/json";
    QByteArray m_acceptEncoding;
    QTcpSocket *m_socket = nullptr;
    bool m_connected = false;
    std::deque<Pending> m_queue;
    bool m_inFlight = false;
    Pending m_current;
    qint64 m_currentSentNs = 0;
    QByteArray m_buffer;
    qsizetype m_headerLength = -1; // bytes up to and including the blank line
    qint64 m_bodyLength = 0;
    int m_status = 0;
    bool m_closeAfter = false;
    qint64 m_reconnects = 0;
};

} // namespace tableorder::bench
