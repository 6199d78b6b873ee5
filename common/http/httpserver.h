#pragma once

#include "connectionguard.h"
#include "corspolicy.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "trustedproxies.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace tableorder {
class Metrics;
}

namespace tableorder::http {

class HttpServer;

/// A response that a handler sends later (after work off the event loop's thread). Safe to
/// keep after the client went away: send() then does nothing.
class Reply
{
public:
    void send(const HttpResponse &response) const;
    /// Whether the client is still connected and waiting for this answer.
    [[nodiscard]] bool isWanted() const;
    /// Calls `gone` (in context's thread, while context lives) when the client disconnects
    /// before the answer was sent: work for it can stop (a relayed request is cancelled).
    void onAbandoned(QObject *context, std::function<void()> gone) const;

private:
    friend class HttpServer;
    struct State;
    std::shared_ptr<State> m_state;
};

/// Qt HttpServer 6.4 with the project's router: routes by method and `/a/{param}/b`
/// pattern, per-route access policy checked by an app-supplied authorizer, JSON content
/// type and query parameter checks, one access-log line and metrics per request, 404/405
/// envelopes; and what every response carries: `X-Request-Id` (the client's, or a new one),
/// `Server-Timing`, gzip for compressible bodies of 1 KiB or more when the client accepts it,
/// and CORS headers for the origins on the allow-list.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Method = QHttpServerRequest::Method;
    using Handler = std::function<HttpResponse(HttpRequest &)>;
    using AsyncHandler = std::function<void(HttpRequest &, Reply)>;
    /// Takes over the socket (event streams); the handler writes the response itself.
    using StreamHandler = std::function<void(HttpRequest &, QTcpSocket *)>;
    /// Returns an error response to stop the request, or nothing to let it through; may
    /// fill request.claims. `access` is the route's app-defined policy.
    using Authorizer = std::function<std::optional<HttpResponse>(HttpRequest &, int access)>;

    struct RouteOptions
    {
        int access = 0;
        /// Content types a body may have; empty body is always allowed.
        QList<QByteArray> bodyTypes = {"application/json"};
        qint64 maxBodyBytes = 64 * 1024;
        /// The query parameters the route reads; any other one (or one given twice) is
        /// refused with 400 before the handler runs: no parameter is silently ignored.
        QStringList query = {};
        /// Any query parameter passes to the handler unchecked (a relay forwards the query
        /// to a server that checks it).
        bool anyQuery = false;
        /// When set, the route matches only requests it accepts (e.g. `Accept:
        /// text/event-stream` for the streaming twin of a route); else the next route is tried.
        std::function<bool(const QHttpServerRequest &)> when = {};
    };

    explicit HttpServer(Metrics &metrics, QObject *parent = nullptr);
    ~HttpServer() override;

    void setAuthorizer(Authorizer authorizer) { m_authorizer = std::move(authorizer); }
    void setJsonLogs(bool on) { m_jsonLogs = on; }
    void setSlowRequestMs(int ms) { m_slowMs = ms; }
    /// Before listen(): serve HTTPS and WSS only, with this certificate and key.
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }
    /// Proxies whose X-Forwarded-For names the client (HttpRequest::peer(), the access log);
    /// none by default, so the header is ignored.
    void setTrustedProxies(TrustedProxies proxies) { m_trustedProxies = std::move(proxies); }
    /// Query parameters every route accepts because the authorizer reads them (the edge's
    /// `access_token` for clients that cannot set headers); none by default.
    void setCommonQuery(QStringList names) { m_commonQuery = std::move(names); }
    /// The edge's relay client replays requests from central over loopback with the header
    /// `X-Tableorder-Relay: <secret>:<client id>`; with this process-local secret set, such a
    /// request's client (limits, logs) is the phone central saw, as an address in the IPv6
    /// discard prefix 100::/64 (RFC 6666). Without the secret the header is ignored, so a LAN
    /// client cannot choose its identity.
    void setRelaySecret(QByteArray secret) { m_relaySecret = std::move(secret); }
    /// Browser origins allowed to call the API cross-site; none by default.
    void setCorsPolicy(CorsPolicy policy) { m_cors = std::move(policy); }
    /// The client's address: the TCP peer, or what a trusted proxy forwarded.
    [[nodiscard]] QHostAddress clientAddress(const QHttpServerRequest &request) const;

    void route(Method method, const QString &pattern, RouteOptions options, Handler handler);
    void routeAsync(Method method, const QString &pattern, RouteOptions options, AsyncHandler handler);
    void routeStream(Method method, const QString &pattern, RouteOptions options, StreamHandler handler);

    /// Listens on address:port (0 picks a free port); returns the port or 0.
    quint16 listen(const QHostAddress &address, quint16 port, GuardLimits limits = {});
    void stopListening();
    [[nodiscard]] int openConnections() const;
    [[nodiscard]] int pendingReplies() const { return m_pendingReplies; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route;
    struct Slot;
    struct Exchange;
    const Route *match(Method method, QStringView path, QStringList &params, bool &pathKnown,
                       const QHttpServerRequest *request = nullptr) const;
    [[nodiscard]] Exchange begin(const QHttpServerRequest &request) const;
    [[nodiscard]] HttpResponse preflight(const QHttpServerRequest &request, const Exchange &exchange) const;
    void finish(QTcpSocket *socket, const Exchange &exchange, const HttpResponse &response);
    [[nodiscard]] QByteArray serialize(const Exchange &exchange, HttpResponse response) const;
    friend class Reply;
    void finishAsync(Reply::State &state, const HttpResponse &response);
    void write(QTcpSocket *socket, const QByteArray &bytes, bool close);
    QList<std::shared_ptr<Slot>> &queueOf(QTcpSocket *socket);
    void drain(QTcpSocket *socket);
    void log(const Exchange &exchange, int status);

    Metrics &m_metrics;
    std::vector<std::unique_ptr<Route>> m_routes;
    Authorizer m_authorizer;
    QPointer<GuardedTcpServer> m_tcp;
    QElapsedTimer m_acceptErrorLogged; // when running out of descriptors was last logged
    std::optional<QSslConfiguration> m_tls;
    bool m_jsonLogs = false;
    int m_slowMs = 500;
    TrustedProxies m_trustedProxies;
    CorsPolicy m_cors;
    QStringList m_commonQuery;
    QByteArray m_relaySecret;
    int m_pendingReplies = 0;
    /// Connections with an async reply outstanding, and the responses queued behind it.
    QHash<QTcpSocket *, QList<std::shared_ptr<Slot>>> m_queues;
};

QByteArray methodName(QHttpServerRequest::Method method);

/// The address a relayed client gets on the edge: 100::/64 plus the 64-bit client id central
/// derived from the phone's address (16 hex digits); a null address for a malformed id.
QHostAddress relayClientAddress(QByteArrayView clientId);

} // namespace tableorder::http
