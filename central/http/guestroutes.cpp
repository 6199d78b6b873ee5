#include "centralconfig.h"
#include "http/ratelimiter.h"
#include "routes.h"
#include "services/relayhub.h"
#include "services/storeservice.h"
#include "storage/relayrepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

namespace {

qint64 storeParam(const HttpRequest &req)
{
    bool ok = false;
    const qint64 id = req.params.value(0).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

Error storeNotFound()
{
    return Error::notFound(u"store"_s);
}

/// A file of the guest app (`:/guest/`, registered by common/), served as the edge serves it:
/// revalidated on every load (ETag, 304), the same policy (scripts, styles and API calls from
/// this origin only, nothing framed, no inline script).
HttpResponse guestFile(const HttpRequest &req, const QString &name)
{
    struct StaticFile
    {
        QByteArray body;
        QByteArray etag;
        QByteArray contentType;
    };
    static const QRegularExpression safeName(u"^[a-z0-9][a-z0-9_.-]{0,63}$"_s);
    static QHash<QString, StaticFile> cache;
    if (!safeName.match(name).hasMatch() || name.contains(u".."_s))
        return HttpResponse::error(Error::notFound(u"file"_s));
    auto it = cache.constFind(name);
    if (it == cache.cend()) {
        QFile file(u":/guest/"_s + name);
        if (!file.open(QIODevice::ReadOnly))
            return HttpResponse::error(Error::notFound(u"file"_s));
        StaticFile f;
        f.body = file.readAll();
        f.etag = '"' + QCryptographicHash::hash(f.body, QCryptographicHash::Sha256).toHex().left(16) + '"';
        static const QList<std::pair<QString, QByteArray>> types{
                {u".html"_s, "text/html; charset=utf-8"}, {u".js"_s, "text/javascript; charset=utf-8"},
                {u".css"_s, "text/css; charset=utf-8"},   {u".svg"_s, "image/svg+xml"},
                {u".png"_s, "image/png"},                 {u".json"_s, "application/manifest+json"},
                {u".webmanifest"_s, "application/manifest+json"}};
        f.contentType = "application/octet-stream";
        for (const auto &[suffix, mime] : types) {
            if (name.endsWith(suffix))
                f.contentType = mime;
        }
        it = cache.insert(name, std::move(f));
    }
    HttpResponse response;
    if (req.header("if-none-match") == it->etag)
        response.status = 304;
    else
        response = HttpResponse::raw(200, it->contentType, it->body);
    response.withHeader("ETag", it->etag).withHeader("Cache-Control", "no-cache").withHeader("X-Content-Type-Options", "nosniff");
    if (it->contentType.startsWith("text/html"))
        response.withHeader("Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
                            "frame-ancestors 'none'")
                .withHeader("Referrer-Policy", "no-referrer");
    return response;
}

/// The phone as the edge knows it: a keyed hash of its address (64 bits, hex), so the edge
/// can limit it without learning the address.
QByteArray clientIdOf(const CentralContext &ctx, const HttpRequest &req)
{
    return QMessageAuthenticationCode::hash("guest-client:" + req.peer().toString().toUtf8(), ctx.relayClientKey,
                                            QCryptographicHash::Sha256)
            .first(8)
            .toHex();
}

/// Rate limits at central, before the store's own: per phone and per store.
std::optional<HttpResponse> limited(CentralContext &ctx, const HttpRequest &req, qint64 store)
{
    const auto client = ctx.limiter.take(u"guest-client:"_s + req.peer().toString(),
                                         ctx.config.guestRequestsPerMinute, 60);
    const auto perStore = client ? client : ctx.limiter.take(u"guest-store:%1"_s.arg(store),
                                                             ctx.config.guestStoreRequestsPerMinute, 60);
    if (!perStore)
        return std::nullopt;
    return HttpResponse::error({ErrorCode::RateLimited, u"too many requests; retry later"_s, {}})
            .withHeader("Retry-After", QByteArray::number(*perStore));
}

/// STORE_OFFLINE with where the store is on its own Wi-Fi, or NOT_FOUND for no such store.
Error offline(CentralContext &ctx, qint64 store)
{
    auto info = ctx.relayInfo.find(store);
    if (!info)
        return info.error();
    if (!info->has_value())
        return storeNotFound();
    return Error{ErrorCode::StoreOffline,
                 u"the store cannot be reached through HQ right now; on the store's Wi-Fi, open its own address"_s,
                 QJsonObject{{u"lan_url"_s, (*info)->lanUrl}, {u"wifi_ssid"_s, (*info)->wifiSsid}}};
}

/// The relayed request: method, path after /s/{store}, query, body and the contract's headers.
Result<relay::RelayRequest> relayRequest(const CentralContext &ctx, const HttpRequest &req)
{
    const QUrl url = req.raw.url();
    const QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    const qsizetype at = path.indexOf("/api/v1/guest/");
    relay::RelayRequest out;
    out.method = http::methodName(req.raw.method());
    out.target = path.sliced(at);
    if (out.target.contains("..") || out.target.toLower().contains("%2e"))
        return fail(Error::notFound(u"endpoint"_s));
    if (url.hasQuery())
        out.target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    for (const QByteArray &name : relay::forwardedRequestHeaders()) {
        if (name == "x-request-id")
            continue;
        if (const QByteArray value = req.header(name); !value.isEmpty())
            out.headers.append({name, value});
    }
    out.headers.append({"x-request-id", req.requestId});
    out.clientId = clientIdOf(ctx, req);
    out.body = req.body();
    return out;
}

bool wantsEventStream(const QHttpServerRequest &request)
{
    return request.method() == QHttpServerRequest::Method::Get
            && request.value("accept").toLower().contains("text/event-stream");
}

/// An SSE stream (or any GET asking for one) through the relay: written to the phone as it
/// comes, close-delimited, no deadline once it has begun.
void relayStream(CentralContext &ctx, HttpRequest &req, QTcpSocket *socket)
{
    const qint64 store = storeParam(req);
    QPointer<QTcpSocket> phone(socket);
    const QByteArray requestId = req.requestId;
    auto refuse = [phone, requestId](const HttpResponse &response) {
        if (!phone)
            return;
        HttpResponse copy = response;
        phone->write(copy.withHeader("X-Request-Id", requestId).serialize(true));
        phone->disconnectFromHost();
    };
    if (!store)
        return refuse(HttpResponse::error(storeNotFound()));
    if (auto denied = limited(ctx, req, store))
        return refuse(*denied);
    if (!ctx.relay.isConnected(store))
        return refuse(HttpResponse::error(offline(ctx, store)));
    auto request = relayRequest(ctx, req);
    if (!request)
        return refuse(HttpResponse::error(request.error()));
    auto headSent = std::make_shared<bool>(false);
    RelayHub::Sink sink;
    sink.head = [phone, requestId, headSent](const relay::ResponseHead &head) {
        if (!phone)
            return;
        *headSent = true;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(head.status) + ' ' + http::reasonPhrase(head.status) + "\r\n";
        for (const auto &[name, value] : head.headers)
            out += name + ": " + value + "\r\n";
        out += "X-Request-Id: " + requestId + "\r\nX-Accel-Buffering: no\r\nConnection: close\r\n\r\n";
        phone->write(out);
    };
    sink.body = [phone](const QByteArray &bytes) {
        if (phone)
            phone->write(bytes);
    };
    sink.end = [phone, headSent, refuse](std::optional<Error> error) {
        if (error && !*headSent)
            return refuse(HttpResponse::error(*error));
        if (phone)
            phone->disconnectFromHost();
    };
    auto stream = ctx.relay.open(store, *request, true, std::move(sink));
    if (!stream)
        return refuse(HttpResponse::error(stream.error().code == ErrorCode::StoreOffline ? offline(ctx, store)
                                                                                        : stream.error())
                              .withHeader("Retry-After", "1"));
    RelayHub *hub = &ctx.relay;
    const quint32 id = *stream;
    auto cancel = [hub, store, id] { hub->cancel(store, id); };
    QObject::connect(socket, &QTcpSocket::disconnected, hub, cancel);
    QObject::connect(socket, &QObject::destroyed, hub, cancel);
}

void relayBuffered(CentralContext &ctx, HttpRequest &req, http::Reply reply)
{
    const qint64 store = storeParam(req);
    if (!store)
        return reply.send(HttpResponse::error(storeNotFound()));
    if (auto denied = limited(ctx, req, store))
        return reply.send(*denied);
    if (!ctx.relay.isConnected(store))
        return reply.send(HttpResponse::error(offline(ctx, store)));
    auto request = relayRequest(ctx, req);
    if (!request)
        return reply.send(HttpResponse::error(request.error()));
    auto response = std::make_shared<HttpResponse>();
    RelayHub::Sink sink;
    sink.head = [response](const relay::ResponseHead &head) {
        response->status = head.status;
        response->headers = head.headers;
    };
    sink.body = [response](const QByteArray &bytes) { response->body += bytes; };
    sink.end = [response, reply](std::optional<Error> error) {
        reply.send(error ? HttpResponse::error(*error) : *response);
    };
    auto stream = ctx.relay.open(store, *request, false, std::move(sink));
    if (!stream)
        return reply.send(HttpResponse::error(stream.error().code == ErrorCode::StoreOffline ? offline(ctx, store)
                                                                                            : stream.error())
                                  .withHeader("Retry-After", "1"));
    RelayHub *hub = &ctx.relay;
    const quint32 id = *stream;
    reply.onAbandoned(hub, [hub, store, id] { hub->cancel(store, id); });
}

} // namespace

void registerGuestRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;

    // The guest app: the page a table's QR opens, and its files.
    server.route(Method::Get, u"/s/{store}/t/{code}"_s, {HqPublic}, [&ctx](HttpRequest &req) {
        const qint64 store = storeParam(req);
        auto info = store ? ctx.relayInfo.find(store) : Result<std::optional<StoreRelayInfo>>(std::nullopt);
        if (!info)
            return HttpResponse::error(info.error());
        if (!info->has_value())
            return HttpResponse::error(storeNotFound());
        return guestFile(req, u"index.html"_s);
    });
    server.route(Method::Get, u"/s/{store}/guest/{file}"_s, {HqPublic}, [](HttpRequest &req) {
        return guestFile(req, req.params.value(1));
    });

    // The guest API, relayed to that store's edge and to nothing else. Event streams first:
    // the route takes the socket when the phone asks for one.
    const QString api = u"/s/{store}/api/v1/guest/{*}"_s;
    server.routeStream(Method::Get, api, {.access = HqPublic, .anyQuery = true, .when = wantsEventStream},
                       [&ctx](HttpRequest &req, QTcpSocket *socket) { relayStream(ctx, req, socket); });
    for (Method method : {Method::Get, Method::Post, Method::Put, Method::Patch, Method::Delete})
        server.routeAsync(method, api, {.access = HqPublic, .anyQuery = true},
                          [&ctx](HttpRequest &req, http::Reply reply) { relayBuffered(ctx, req, reply); });

    // The edge's side: GET /relay/v1/connect upgrades to the relay WebSocket (store key).
    QObject::connect(&server, &http::HttpServer::newWebSocketConnection, &server, [&server, &ctx] {
        while (auto socket = server.nextPendingWebSocketConnection()) {
            std::unique_ptr<QWebSocket> ws(std::move(socket));
            // Checked before the upgrade too (relayUpgradeCheck); again here, the store's id.
            const QByteArray auth = ws->request().rawHeader("Authorization");
            auto store = auth.size() > 7 && auth.first(7).compare("bearer ", Qt::CaseInsensitive) == 0
                    ? ctx.stores.byKey(QString::fromLatin1(auth.sliced(7).trimmed()))
                    : Result<StoreRecord>(std::unexpected(Error{ErrorCode::Unauthenticated, u"no store key"_s, {}}));
            if (ws->requestUrl().path() != u"/relay/v1/connect"_s || !store) {
                ws->close(QWebSocketProtocol::CloseCodePolicyViolated, u"not a linked store"_s);
                ws.release()->deleteLater();
                continue;
            }
            ctx.relay.accept(store->id, std::move(ws));
        }
    });
}

QByteArray relayUpgradeCheck(CentralContext &ctx, QByteArrayView target, const QHash<QByteArray, QByteArray> &headers)
{
    if (target != "/relay/v1/connect")
        return HttpResponse::error(Error::notFound(u"WebSocket endpoint"_s)).serialize(true);
    const QByteArray auth = headers.value("authorization");
    if (auth.size() <= 7 || auth.first(7).compare("bearer ", Qt::CaseInsensitive) != 0)
        return HttpResponse::error({ErrorCode::Unauthenticated, u"send the store key as Authorization: Bearer"_s, {}})
                .serialize(true);
    if (auto store = ctx.stores.byKey(QString::fromLatin1(auth.sliced(7).trimmed())); !store)
        return HttpResponse::error(store.error()).serialize(true);
    return {};
}

} // namespace tableorder::central
