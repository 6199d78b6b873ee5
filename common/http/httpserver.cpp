#include "httpserver.h"

#include "../metrics.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "tableorder.http")

namespace tableorder::http {

struct HttpServer::Route
{
    Method method;
    QString pattern;
    QStringList segments;
    RouteOptions options;
    Handler handler;
    AsyncHandler asyncHandler;
    StreamHandler streamHandler;
};

/// One response of a connection that has an async reply outstanding: responses leave a
/// connection in the order its requests arrived (RFC 9112, 9.3), so a quick answer to a
/// pipelined request waits behind a slower one before it.
struct HttpServer::Slot
{
    QByteArray bytes;
    bool ready = false;
    bool close = false;
};

struct Reply::State
{
    QPointer<HttpServer> server;
    QPointer<QTcpSocket> socket;
    std::shared_ptr<HttpServer::Slot> slot;
    QByteArray method;
    QString route;
    QHostAddress peer;
    QElapsedTimer timer;
    bool close = false;
    bool sent = false;
};

namespace {

bool wantsClose(const QHttpServerRequest &request)
{
    return request.value("connection").compare("close", Qt::CaseInsensitive) == 0;
}

} // namespace

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    default: return "OTHER";
    }
}

HttpServer::HttpServer(Metrics &metrics, QObject *parent)
    : QAbstractHttpServer(parent), m_metrics(metrics)
{
    m_metrics.declareCounter("http_requests_total", "HTTP requests by method, route and status.");
    m_metrics.declareHistogram("http_request_duration_seconds",
                               "Time from a complete request to its response, by route and status.",
                               Metrics::latencyBuckets());
    m_metrics.declareGauge("http_open_connections", "Open TCP connections.",
                           [this] { return double(openConnections()); });
}

HttpServer::~HttpServer() = default;

void HttpServer::route(Method method, const QString &pattern, RouteOptions options, Handler handler)
{
    m_routes.push_back(std::make_unique<Route>(Route{method, pattern, pattern.split(u'/'),
                                                     std::move(options), std::move(handler), {}, {}}));
}

void HttpServer::routeAsync(Method method, const QString &pattern, RouteOptions options,
                            AsyncHandler handler)
{
    m_routes.push_back(std::make_unique<Route>(Route{method, pattern, pattern.split(u'/'),
                                                     std::move(options), {}, std::move(handler), {}}));
}

void HttpServer::routeStream(Method method, const QString &pattern, RouteOptions options,
                             StreamHandler handler)
{
    m_routes.push_back(std::make_unique<Route>(Route{method, pattern, pattern.split(u'/'),
                                                     std::move(options), {}, {}, std::move(handler)}));
}

quint16 HttpServer::listen(const QHostAddress &address, quint16 port, GuardLimits limits)
{
    if (!limits.maxBodyBytes) {
        // The largest body any route with this method and pattern accepts.
        limits.maxBodyBytes = [this](QByteArrayView method, QByteArrayView path) {
            QStringList params;
            bool known = false;
            for (const auto &route : m_routes) {
                if (methodName(route->method) != method)
                    continue;
                if (match(route->method, QString::fromUtf8(path), params, known) == route.get())
                    return route->options.maxBodyBytes;
            }
            return qint64(64 * 1024);
        };
    }
    auto *tcp = new GuardedTcpServer(std::move(limits), this);
    if (m_tls)
        tcp->setTlsConfiguration(*m_tls);
    if (!tcp->listen(address, port)) {
        qCCritical(lcHttp) << "cannot listen on" << address.toString() << port << tcp->errorString();
        delete tcp;
        return 0;
    }
    bind(tcp);
    m_tcp = tcp;
    return tcp->serverPort();
}

void HttpServer::stopListening()
{
    if (m_tcp)
        m_tcp->close();
}

int HttpServer::openConnections() const
{
    return m_tcp ? m_tcp->openConnections() : 0;
}

const HttpServer::Route *HttpServer::match(Method method, QStringView path, QStringList &params,
                                           bool &pathKnown) const
{
    const QList<QStringView> segments = path.split(u'/');
    for (const auto &route : m_routes) {
        if (route->segments.size() != segments.size())
            continue;
        QStringList captured;
        bool same = true;
        for (qsizetype i = 0; i < segments.size() && same; ++i) {
            const QString &expected = route->segments.at(i);
            if (expected.startsWith(u'{'))
                same = !segments.at(i).isEmpty() && (captured.append(segments.at(i).toString()), true);
            else
                same = expected == segments.at(i);
        }
        if (!same)
            continue;
        pathKnown = true;
        if (route->method == method) {
            params = std::move(captured);
            return route.get();
        }
    }
    return nullptr;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Qt 6.4 upgrades to WebSocket only when the handler writes nothing; the guard has
    // already checked the upgrade (path, Connection, token, limits) before it got here.
    // The same test as Qt's own: any other request is answered like any request.
    if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0
        && request.value("connection").toLower().contains("upgrade"))
        return true;
    QElapsedTimer timer;
    timer.start();
    // Once per request: with trusted proxies it reads X-Forwarded-For.
    const QHostAddress client = clientAddress(request);
    const QString path = request.url().path();
    QStringList params;
    bool pathKnown = false;
    const Route *route = match(request.method(), path, params, pathKnown);
    if (!route) {
        const Error error = pathKnown ? Error{ErrorCode::MethodNotAllowed, u"method not allowed"_s, {}}
                                      : Error{ErrorCode::NotFound, u"no such endpoint"_s, {}};
        finish(request, socket, u"unmatched"_s, HttpResponse::error(error), timer, client);
        return true;
    }

    HttpRequest req{request, std::move(params), {}, route->pattern, client};
    const QByteArray body = request.body();
    if (!body.isEmpty()) {
        QByteArray type = request.value("content-type");
        if (const qsizetype semicolon = type.indexOf(';'); semicolon >= 0)
            type.truncate(semicolon);
        type = type.trimmed().toLower();
        if (!route->options.bodyTypes.contains(type)) {
            const Error error{ErrorCode::UnsupportedMediaType,
                              u"Content-Type must be one of: %1"_s.arg(
                                      QString::fromLatin1(route->options.bodyTypes.join(", "))),
                              {}};
            finish(request, socket, route->pattern, HttpResponse::error(error), timer, client);
            return true;
        }
    }
    if (m_authorizer) {
        if (auto denied = m_authorizer(req, route->options.access)) {
            finish(request, socket, route->pattern, *denied, timer, client);
            return true;
        }
    }
    if (route->streamHandler) {
        GuardedTcpServer::markStreaming(socket);
        log(methodName(request.method()), route->pattern, 200, 0, req.peer());
        route->streamHandler(req, socket);
        return true;
    }
    if (route->asyncHandler) {
        Reply reply;
        auto slot = std::make_shared<Slot>();
        queueOf(socket).append(slot);
        reply.m_state = std::make_shared<Reply::State>(
                Reply::State{this, socket, std::move(slot), methodName(request.method()), route->pattern,
                             req.peer(), timer, wantsClose(request), false});
        ++m_pendingReplies;
        route->asyncHandler(req, reply);
        return true;
    }
    finish(request, socket, route->pattern, route->handler(req), timer, client);
    return true;
}

QHostAddress HttpServer::clientAddress(const QHttpServerRequest &request) const
{
    if (m_trustedProxies.isEmpty())
        return normalizedAddress(request.remoteAddress());
    QByteArray forwarded;
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("x-forwarded-for", Qt::CaseInsensitive) == 0)
            forwarded += (forwarded.isEmpty() ? "" : ",") + value;
    }
    return m_trustedProxies.clientAddress(request.remoteAddress(), forwarded);
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    finish(request, socket, u"unmatched"_s,
           HttpResponse::error({ErrorCode::NotFound, u"no such endpoint"_s, {}}), timer,
           clientAddress(request));
}

void HttpServer::finish(const QHttpServerRequest &request, QTcpSocket *socket, const QString &route,
                        const HttpResponse &response, const QElapsedTimer &timer, const QHostAddress &client)
{
    const bool close = wantsClose(request);
    QByteArray bytes = response.serialize(close);
    // A response to HEAD carries no content (RFC 9110, 9.3.2): body bytes would be read as
    // the start of the next response on a keep-alive connection.
    if (request.method() == QHttpServerRequest::Method::Head)
        bytes.chop(response.body.size());
    if (const auto waiting = m_queues.find(socket); waiting != m_queues.end())
        waiting->append(std::make_shared<Slot>(Slot{std::move(bytes), true, close}));
    else
        write(socket, bytes, close);
    log(methodName(request.method()), route, response.status, timer.nsecsElapsed() / 1e9, client);
}

void HttpServer::write(QTcpSocket *socket, const QByteArray &bytes, bool close)
{
    socket->write(bytes);
    if (close)
        socket->disconnectFromHost();
}

QList<std::shared_ptr<HttpServer::Slot>> &HttpServer::queueOf(QTcpSocket *socket)
{
    auto it = m_queues.find(socket);
    if (it == m_queues.end()) {
        it = m_queues.insert(socket, {});
        connect(socket, &QObject::destroyed, this, [this, socket] { m_queues.remove(socket); });
    }
    return *it;
}

void HttpServer::drain(QTcpSocket *socket)
{
    const auto it = m_queues.find(socket);
    if (it == m_queues.end())
        return;
    QList<std::shared_ptr<Slot>> &queue = *it;
    while (!queue.isEmpty() && queue.first()->ready) {
        const std::shared_ptr<Slot> slot = queue.takeFirst();
        write(socket, slot->bytes, slot->close);
        if (slot->close) {
            queue.clear();
            break;
        }
    }
    if (queue.isEmpty()) {
        m_queues.erase(it);
        disconnect(socket, &QObject::destroyed, this, nullptr);
    }
}

void Reply::send(const HttpResponse &response) const
{
    if (!m_state || m_state->sent)
        return;
    m_state->sent = true;
    if (m_state->server)
        m_state->server->finishAsync(*m_state, response);
}

bool Reply::isWanted() const
{
    return m_state && !m_state->sent && m_state->server && m_state->socket;
}

void HttpServer::finishAsync(Reply::State &state, const HttpResponse &response)
{
    --m_pendingReplies;
    if (!state.socket) {
        log(state.method, state.route, 499, state.timer.nsecsElapsed() / 1e9, state.peer);
        return;
    }
    state.slot->bytes = response.serialize(state.close);
    state.slot->close = state.close;
    state.slot->ready = true;
    drain(state.socket.get());
    log(state.method, state.route, response.status, state.timer.nsecsElapsed() / 1e9, state.peer);
}

void HttpServer::log(QByteArrayView method, const QString &route, int status, double seconds,
                     const QHostAddress &peer)
{
    const QString statusText = QString::number(status);
    m_metrics.increment("http_requests_total", {{"method", QString::fromLatin1(method)},
                                                {"route", route},
                                                {"status", statusText}});
    m_metrics.observe("http_request_duration_seconds", {{"route", route}, {"method", QString::fromLatin1(method)}, {"status", statusText}}, seconds);
    const double ms = seconds * 1000;
    if (m_jsonLogs) {
        const QJsonObject line{{u"ts"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                               {u"method"_s, QString::fromLatin1(method)},
                               {u"route"_s, route},
                               {u"status"_s, status},
                               {u"ms"_s, qRound(ms * 1000) / 1000.0},
                               {u"peer"_s, peer.toString()}};
        const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact);
        if (ms > m_slowMs)
            qCWarning(lcHttp).noquote() << text;
        else
            qCInfo(lcHttp).noquote() << text;
        return;
    }
    if (ms > m_slowMs)
        qCWarning(lcHttp).noquote() << "slow request:" << method << route << status
                                    << QString::number(ms, 'f', 2) + u"ms"_s;
    else
        qCInfo(lcHttp).noquote() << method << route << status << QString::number(ms, 'f', 2) + u"ms"_s;
}

} // namespace tableorder::http
