#include "httpserver.h"

#include "../metrics.h"
#include "compression.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <sys/resource.h>

#include <sodium.h>

#include <algorithm>

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

/// One request as the response and the access log need it.
struct HttpServer::Exchange
{
    QByteArray method;
    QString route = u"unmatched"_s;
    QHostAddress peer;
    QByteArray requestId;   // the client's X-Request-Id when well-formed, else a new one
    QString principal;      // table number or user name from the token; never the token
    bool relayed = false;   // a relayed request whose client id the relay secret vouched for
    QByteArray origin;      // the request's Origin when it is on the CORS allow-list
    bool acceptsGzip = false;
    bool head = false;
    bool close = false;
    QElapsedTimer timer;
};

struct Reply::State
{
    QPointer<HttpServer> server;
    QPointer<QTcpSocket> socket;
    std::shared_ptr<HttpServer::Slot> slot;
    HttpServer::Exchange exchange;
    bool sent = false;
};

namespace {

bool wantsClose(const QHttpServerRequest &request)
{
    return request.value("connection").compare("close", Qt::CaseInsensitive) == 0;
}

/// A client's request id is kept when it is 1 to 128 characters a log line and a header can
/// carry as they are; anything else is replaced, not repaired.
bool isRequestId(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == ':' || c == '/' || c == '+' || c == '=';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray newRequestId()
{
    return QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
}

/// Who a token names, for the access log: the table number, else the user name, else the
/// token's subject (an id). The token itself is never logged.
QString principalLabel(const QJsonObject &claims)
{
    if (const int table = claims.value(u"tn"_s).toInt(); table > 0)
        return u"table %1"_s.arg(table);
    if (const QString name = claims.value(u"name"_s).toString(); !name.isEmpty())
        return name;
    return claims.value(u"sub"_s).toString();
}

bool isCompressible(QByteArrayView contentType)
{
    return contentType.startsWith("application/json") || contentType.startsWith("text/")
            || contentType.startsWith("application/javascript") || contentType.startsWith("image/svg+xml");
}

void addVary(HttpResponse &response, QByteArrayView token)
{
    for (auto &[name, value] : response.headers) {
        if (name.compare("Vary", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &present : value.split(','))
            if (present.trimmed().compare(token, Qt::CaseInsensitive) == 0)
                return;
        value += ", " + token.toByteArray();
        return;
    }
    response.withHeader("Vary", token.toByteArray());
}

constexpr qsizetype minGzipBytes = 1024;

} // namespace

QHostAddress relayClientAddress(QByteArrayView clientId)
{
    if (clientId.size() != 16)
        return {};
    bool ok = false;
    const quint64 id = clientId.toULongLong(&ok, 16);
    if (!ok)
        return {};
    Q_IPV6ADDR bytes{};
    bytes[0] = 0x01; // 100::/64, the IPv6 discard-only prefix: never a real peer
    for (int i = 0; i < 8; ++i)
        bytes[8 + i] = quint8(id >> (56 - 8 * i));
    return QHostAddress(bytes);
}

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
    // Every client is a descriptor: a fleet of stores, or a store's tablets and phones, must
    // meet the connection cap (503) before the process's descriptor limit, so the soft limit
    // is raised to the hard one (systemd's LimitNOFILE; a shell's 1,024 otherwise).
    if (rlimit files{}; getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        (void)setrlimit(RLIMIT_NOFILE, &files);
    }
    auto *tcp = new GuardedTcpServer(std::move(limits), this);
    // Out of descriptors, Qt stops accepting: say so (once a minute at most) and try again
    // shortly, when connections have closed.
    connect(tcp, &QTcpServer::acceptError, this, [this, tcp](QAbstractSocket::SocketError) {
        if (!m_acceptErrorLogged.isValid() || m_acceptErrorLogged.hasExpired(60'000)) {
            qCWarning(lcHttp) << "cannot accept connections:" << tcp->errorString() << "(retrying)";
            m_acceptErrorLogged.start();
        }
        QTimer::singleShot(100, tcp, [tcp] { tcp->resumeAccepting(); });
    });
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
                                           bool &pathKnown, const QHttpServerRequest *request) const
{
    const QList<QStringView> segments = path.split(u'/');
    for (const auto &route : m_routes) {
        // A last segment `{*}` takes the rest of the path (one or more segments).
        const bool tail = route->segments.last() == u"{*}"_s;
        if (tail ? segments.size() < route->segments.size() : route->segments.size() != segments.size())
            continue;
        QStringList captured;
        bool same = true;
        for (qsizetype i = 0; i < route->segments.size() && same; ++i) {
            const QString &expected = route->segments.at(i);
            if (tail && i == route->segments.size() - 1) {
                QStringList rest;
                for (qsizetype j = i; j < segments.size(); ++j)
                    rest.append(segments.at(j).toString());
                const QString joined = rest.join(u'/');
                same = !joined.isEmpty() && (captured.append(joined), true);
            } else if (expected.startsWith(u'{')) {
                same = !segments.at(i).isEmpty() && (captured.append(segments.at(i).toString()), true);
            } else {
                same = expected == segments.at(i);
            }
        }
        if (!same)
            continue;
        pathKnown = true;
        if (route->method == method && request && route->options.when && !route->options.when(*request))
            continue;
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
    Exchange exchange = begin(request);
    if (request.method() == Method::Options && !request.value("access-control-request-method").isEmpty()) {
        finish(socket, exchange, preflight(request, exchange));
        return true;
    }
    const QString path = request.url().path();
    QStringList params;
    bool pathKnown = false;
    const Route *route = match(request.method(), path, params, pathKnown, &request);
    if (!route) {
        const Error error = pathKnown ? Error{ErrorCode::MethodNotAllowed, u"method not allowed"_s, {}}
                                      : Error{ErrorCode::NotFound, u"no such endpoint"_s, {}};
        finish(socket, exchange, HttpResponse::error(error));
        return true;
    }
    exchange.route = route->pattern;

    // Every query parameter is one the route reads, and only once: a parameter the API
    // accepts must do something, and two values for one name have no single reading.
    const QList<std::pair<QString, QString>> items = route->options.anyQuery
            ? QList<std::pair<QString, QString>>() : QUrlQuery(request.url()).queryItems();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString &name = items.at(i).first;
        const bool repeated = std::any_of(items.begin(), items.begin() + i,
                                          [&name](const auto &item) { return item.first == name; });
        if (!(route->options.query.contains(name) || m_commonQuery.contains(name)) || repeated) {
            const QString accepted = route->options.query.isEmpty() ? u"none"_s : route->options.query.join(u", "_s);
            const Error error = Error::validation(
                    name, repeated ? u"query parameter '%1' is given more than once"_s.arg(name)
                                   : u"unknown query parameter '%1' (this endpoint reads: %2)"_s.arg(name, accepted));
            finish(socket, exchange, HttpResponse::error(error));
            return true;
        }
    }

    HttpRequest req{request, std::move(params), {}, route->pattern, exchange.peer, exchange.requestId, exchange.relayed};
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
            finish(socket, exchange, HttpResponse::error(error));
            return true;
        }
    }
    if (m_authorizer) {
        if (auto denied = m_authorizer(req, route->options.access)) {
            finish(socket, exchange, *denied);
            return true;
        }
    }
    exchange.principal = principalLabel(req.claims);
    if (route->streamHandler) {
        GuardedTcpServer::markStreaming(socket);
        log(exchange, 200);
        route->streamHandler(req, socket);
        return true;
    }
    if (route->asyncHandler) {
        Reply reply;
        auto slot = std::make_shared<Slot>();
        queueOf(socket).append(slot);
        reply.m_state = std::make_shared<Reply::State>(Reply::State{this, socket, std::move(slot), std::move(exchange), false});
        ++m_pendingReplies;
        route->asyncHandler(req, reply);
        return true;
    }
    finish(socket, exchange, route->handler(req));
    return true;
}

HttpServer::Exchange HttpServer::begin(const QHttpServerRequest &request) const
{
    Exchange exchange;
    exchange.timer.start();
    exchange.method = methodName(request.method());
    // Once per request: with trusted proxies it reads X-Forwarded-For.
    exchange.peer = clientAddress(request);
    if (!m_relaySecret.isEmpty()) {
        const QByteArray relay = request.value("x-tableorder-relay");
        const qsizetype colon = relay.indexOf(':');
        if (colon > 0) {
            const QHostAddress phone = relayClientAddress(QByteArrayView(relay).sliced(colon + 1));
            if (!phone.isNull() && relay.first(colon).size() == m_relaySecret.size()
                && sodium_memcmp(relay.constData(), m_relaySecret.constData(), size_t(m_relaySecret.size())) == 0) {
                exchange.peer = phone;
                exchange.relayed = true;
            }
        }
    }
    const QByteArray id = request.value("x-request-id");
    exchange.requestId = isRequestId(id) ? id : newRequestId();
    exchange.acceptsGzip = acceptsGzip(request.value("accept-encoding"));
    exchange.head = request.method() == Method::Head;
    exchange.close = wantsClose(request);
    if (const QByteArray origin = request.value("origin"); !origin.isEmpty() && m_cors.allows(origin))
        exchange.origin = origin;
    return exchange;
}

/// A CORS preflight (OPTIONS with Access-Control-Request-Method): 204 with what the browser
/// may send when the origin is allowed and the route exists; 403 ORIGIN_NOT_ALLOWED when not.
HttpResponse HttpServer::preflight(const QHttpServerRequest &request, const Exchange &exchange) const
{
    if (exchange.origin.isEmpty())
        return HttpResponse::error({ErrorCode::OriginNotAllowed,
                                    u"this origin may not call the API; see the CORS allow-list "
                                    "(cors-origins) in docs/operations.md"_s,
                                    {}});
    const QByteArray wanted = request.value("access-control-request-method").trimmed().toUpper();
    std::optional<Method> method;
    for (Method m : {Method::Get, Method::Post, Method::Put, Method::Patch, Method::Delete, Method::Head}) {
        if (methodName(m) == wanted)
            method = m;
    }
    QStringList params;
    bool pathKnown = false;
    if (!method || !match(*method, request.url().path(), params, pathKnown))
        return HttpResponse::error(pathKnown ? Error{ErrorCode::MethodNotAllowed, u"method not allowed"_s, {}}
                                                       : Error{ErrorCode::NotFound, u"no such endpoint"_s, {}});
    return HttpResponse::noContent()
            .withHeader("Access-Control-Allow-Methods", wanted)
            .withHeader("Access-Control-Allow-Headers",
                        "Authorization, Content-Type, If-None-Match, Last-Event-ID, X-Request-Id")
            .withHeader("Access-Control-Max-Age", "600");
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
    finish(socket, begin(request), HttpResponse::error({ErrorCode::NotFound, u"no such endpoint"_s, {}}));
}

void HttpServer::finish(QTcpSocket *socket, const Exchange &exchange, const HttpResponse &response)
{
    QByteArray bytes = serialize(exchange, response);
    if (const auto waiting = m_queues.find(socket); waiting != m_queues.end())
        waiting->append(std::make_shared<Slot>(Slot{std::move(bytes), true, exchange.close}));
    else
        write(socket, bytes, exchange.close);
    log(exchange, response.status);
}

/// The response as it leaves: request id, handler time, CORS, and gzip where it pays.
QByteArray HttpServer::serialize(const Exchange &exchange, HttpResponse response) const
{
    response.withHeader("X-Request-Id", exchange.requestId)
            .withHeader("Server-Timing", "app;dur=" + QByteArray::number(exchange.timer.nsecsElapsed() / 1e6, 'f', 3));
    if (!m_cors.isEmpty()) {
        addVary(response, "Origin");
        if (!exchange.origin.isEmpty()) {
            response.withHeader("Access-Control-Allow-Origin", exchange.origin);
            response.withHeader("Access-Control-Expose-Headers", "ETag, Retry-After, Server-Timing, X-Request-Id");
        }
    }
    // Compressible bodies of 1 KiB or more go gzipped to clients that accept it. Responses
    // with their own validator (the menu, pictures) choose their encoding themselves.
    if (response.body.size() >= minGzipBytes && isCompressible(response.header("Content-Type"))
        && response.header("Content-Encoding").isEmpty() && response.header("ETag").isEmpty()) {
        addVary(response, "Accept-Encoding");
        if (exchange.acceptsGzip) {
            if (QByteArray packed = gzip(response.body, 6); !packed.isEmpty() && packed.size() < response.body.size()) {
                response.body = std::move(packed);
                response.withHeader("Content-Encoding", "gzip");
            }
        }
    }
    QByteArray bytes = response.serialize(exchange.close);
    // A response to HEAD carries no content (RFC 9110, 9.3.2): body bytes would be read as
    // the start of the next response on a keep-alive connection.
    if (exchange.head)
        bytes.chop(response.body.size());
    return bytes;
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

void Reply::onAbandoned(QObject *context, std::function<void()> gone) const
{
    if (!m_state || !m_state->socket)
        return;
    std::weak_ptr<State> weak = m_state;
    auto fired = std::make_shared<bool>(false);
    auto fire = [weak, gone, fired] {
        if (auto state = weak.lock(); state && !state->sent && !*fired) {
            *fired = true;
            gone();
        }
    };
    QObject::connect(m_state->socket.get(), &QTcpSocket::disconnected, context, fire);
    QObject::connect(m_state->socket.get(), &QObject::destroyed, context, fire);
}

void HttpServer::finishAsync(Reply::State &state, const HttpResponse &response)
{
    --m_pendingReplies;
    if (!state.socket) {
        log(state.exchange, 499);
        return;
    }
    state.slot->bytes = serialize(state.exchange, response);
    state.slot->close = state.exchange.close;
    state.slot->ready = true;
    drain(state.socket.get());
    log(state.exchange, response.status);
}

void HttpServer::log(const Exchange &exchange, int status)
{
    const double seconds = exchange.timer.nsecsElapsed() / 1e9;
    const QString statusText = QString::number(status);
    const QString method = QString::fromLatin1(exchange.method);
    m_metrics.increment("http_requests_total", {{"method", method}, {"route", exchange.route}, {"status", statusText}});
    m_metrics.observe("http_request_duration_seconds", {{"route", exchange.route}, {"method", method}, {"status", statusText}}, seconds);
    const double ms = seconds * 1000;
    const bool slow = ms > m_slowMs;
    if (m_jsonLogs) {
        QJsonObject line{{u"ts"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                         {u"level"_s, slow ? u"warning"_s : u"info"_s},
                         {u"method"_s, method},
                         {u"route"_s, exchange.route},
                         {u"status"_s, status},
                         {u"duration_ms"_s, qRound(ms * 1000) / 1000.0},
                         {u"request_id"_s, QString::fromLatin1(exchange.requestId)},
                         {u"peer"_s, exchange.peer.toString()}};
        if (!exchange.principal.isEmpty())
            line.insert(u"principal"_s, exchange.principal);
        const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact);
        if (slow)
            qCWarning(lcHttp).noquote() << text;
        else
            qCInfo(lcHttp).noquote() << text;
        return;
    }
    const QString who = exchange.principal.isEmpty() ? QString() : u" ["_s + exchange.principal + u']';
    const QString text = method + u' ' + exchange.route + u' ' + statusText + u' '
            + QString::number(ms, 'f', 2) + u"ms id="_s + QString::fromLatin1(exchange.requestId) + who;
    if (slow)
        qCWarning(lcHttp).noquote() << "slow request:" << text;
    else
        qCInfo(lcHttp).noquote() << text;
}

} // namespace tableorder::http
