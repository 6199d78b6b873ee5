#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>

#include <optional>
#include <utility>

namespace tableorder::test {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

/// What came back: status 0 means no HTTP response at all (transportError says why).
struct HttpResult
{
    int status = 0;
    Headers headers;
    QByteArray body;
    QString transportError;
    /// Raw exchanges only: the server closed the connection after (or instead of) answering.
    bool closed = false;

    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    /// The body as a JSON object; empty when it is not one.
    [[nodiscard]] QJsonObject json() const;
    /// error.code of the error envelope, or empty.
    [[nodiscard]] QString errorCode() const;
    /// error.details of the error envelope when it is an object, or empty.
    [[nodiscard]] QJsonObject errorDetails() const;
    /// "409 {...body...}" for failure messages.
    [[nodiscard]] QString describe() const;
};

/// Incremental HTTP/1.1 response framing (Content-Length bodies, or until close): takes one
/// complete response off the front of `buffer`, or nothing while it is incomplete.
[[nodiscard]] std::optional<HttpResult> takeResponse(QByteArray &buffer, bool peerClosed,
                                                     bool headRequest = false);

/// A small synchronous client for tests: QNetworkAccessManager plus a local event loop for
/// well-formed requests, and a raw QTcpSocket exchange for what no real client would send.
class HttpClient
{
public:
    explicit HttpClient(quint16 port = 0);

    void setPort(quint16 port) { m_port = port; }
    [[nodiscard]] quint16 port() const { return m_port; }

    HttpResult get(const QString &path, const QString &token = {}, const Headers &headers = {});
    HttpResult post(const QString &path, const QJsonObject &body, const QString &token = {});
    HttpResult put(const QString &path, const QJsonObject &body, const QString &token = {});
    HttpResult patch(const QString &path, const QJsonObject &body, const QString &token = {});
    HttpResult del(const QString &path, const QString &token = {});
    /// Any method and body; `headers` may set Content-Type (none is sent otherwise).
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body,
                    const QString &token = {}, const Headers &headers = {});

    /// POST /auth/table-login; the token, or empty (with a test warning) on failure.
    QString tableLogin(int number, const QString &password = QStringLiteral("0000"));
    QString staffLogin(const QString &username, const QString &password);

    /// Writes `request` as is on a new connection (optionally from a given local address)
    /// and reads one response, or until the server closes or timeoutMs passes.
    static HttpResult raw(quint16 port, const QByteArray &request, int timeoutMs = 15'000,
                          const QHostAddress &from = {});

private:
    QNetworkAccessManager m_nam;
    quint16 m_port = 0;
};

} // namespace tableorder::test
