#include "access.h"
#include "edgeconfig.h"
#include "edgejson.h"
#include "json.h"
#include "realtime/eventhub.h"
#include "routes.h"
#include "http/compression.h"
#include "http/ratelimiter.h"
#include "services/bill.h"
#include "services/callservice.h"
#include "services/guestservice.h"
#include "services/orderservice.h"
#include "services/visitservice.h"
#include "storage/orderrepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpSocket>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {

// The guest app's pages are the store's own: scripts, styles, pictures and API calls from this
// origin only, nothing framed, no inline script.
constexpr const char *contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// One file of the guest app, read once from the binary's resources.
struct StaticFile
{
    QByteArray body;
    QByteArray etag;
    QByteArray contentType;
    QByteArray gzipBody; // empty when it does not pay
    QByteArray gzipEtag;
};

const StaticFile *guestFile(const QString &name)
{
    static const QRegularExpression safeName(u"^[a-z0-9][a-z0-9_.-]{0,63}$"_s);
    static QHash<QString, StaticFile> cache;
    if (!safeName.match(name).hasMatch() || name.contains(u".."_s))
        return nullptr;
    if (auto it = cache.constFind(name); it != cache.cend())
        return &*it;
    QFile file(u":/guest/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    StaticFile f;
    f.body = file.readAll();
    f.etag = '"' + QCryptographicHash::hash(f.body, QCryptographicHash::Sha256).toHex().left(16) + '"';
    if (name.endsWith(u".html"_s))
        f.contentType = "text/html; charset=utf-8";
    else if (name.endsWith(u".js"_s))
        f.contentType = "text/javascript; charset=utf-8";
    else if (name.endsWith(u".css"_s))
        f.contentType = "text/css; charset=utf-8";
    else if (name.endsWith(u".svg"_s))
        f.contentType = "image/svg+xml";
    else if (name.endsWith(u".json"_s) || name.endsWith(u".webmanifest"_s))
        f.contentType = "application/manifest+json";
    else
        f.contentType = "application/octet-stream";
    // Compressed once: the app's script is a third of its size gzipped (a phone on 3G).
    if (!f.contentType.startsWith("application/octet-stream") && f.body.size() >= 1024) {
        QByteArray packed = http::gzip(f.body, 9);
        if (!packed.isEmpty() && packed.size() < f.body.size()) {
            f.gzipBody = std::move(packed);
            f.gzipEtag = f.etag.chopped(1) + "-gzip\"";
        }
    }
    return &*cache.insert(name, std::move(f));
}

/// A file of the app: revalidated on every load (ETag, 304), so a new edge version's files are
/// never mixed with an old one's.
HttpResponse fileResponse(const HttpRequest &req, const QString &name)
{
    const StaticFile *file = guestFile(name);
    if (!file)
        return HttpResponse::error(Error::notFound(u"file"_s));
    const bool gzip = !file->gzipBody.isEmpty() && http::acceptsGzip(req.header("accept-encoding"));
    HttpResponse response;
    const QByteArray ifNoneMatch = req.header("if-none-match");
    if (ifNoneMatch == file->etag || (!file->gzipEtag.isEmpty() && ifNoneMatch == file->gzipEtag))
        response.status = 304;
    else if (gzip)
        response = HttpResponse::raw(200, file->contentType, file->gzipBody).withHeader("Content-Encoding", "gzip");
    else
        response = HttpResponse::raw(200, file->contentType, file->body);
    response.withHeader("ETag", gzip ? file->gzipEtag : file->etag)
            .withHeader("Cache-Control", "no-cache")
            .withHeader("X-Content-Type-Options", "nosniff");
    if (!file->gzipBody.isEmpty())
        response.withHeader("Vary", "Accept-Encoding");
    if (file->contentType.startsWith("text/html"))
        response.withHeader("Content-Security-Policy", contentSecurityPolicy)
                .withHeader("Referrer-Policy", "no-referrer");
    return response;
}

QByteArray bearer(const HttpRequest &req)
{
    const QByteArray header = req.header("authorization");
    if (header.size() > 7 && header.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return header.sliced(7).trimmed();
    // EventSource cannot set headers: the stream takes ?token=.
    return req.query(u"token"_s).toLatin1();
}

QString html(const QString &text)
{
    return text.toHtmlEscaped();
}

QJsonObject tableJson(qint64 id, int number)
{
    return QJsonObject{{u"id"_s, id}, {u"number"_s, number}};
}

} // namespace

QString guestClientKey(const HttpRequest &req)
{
    return u"client:"_s + req.peer().toString();
}

QString guestLanUrl(const RouteContext &ctx)
{
    if (!ctx.config.guest.lanUrl.isEmpty())
        return ctx.config.guest.lanUrl;
    // edgeUrls lists IPv4 first (phones on a store's Wi-Fi).
    return ctx.edgeUrls.isEmpty() ? ctx.listenUrl : ctx.edgeUrls.first();
}

QString guestOrderUrl(const RouteContext &ctx, const QString &tableCode)
{
    const QString base = ctx.config.guest.publicUrl.isEmpty() ? guestLanUrl(ctx) : ctx.config.guest.publicUrl;
    return base + u"/t/"_s + tableCode;
}

void registerGuestRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    Q_ASSERT(ctx.guests && ctx.calls && ctx.visits && ctx.hub);
    GuestService &guests = *ctx.guests;

    // Every guest call counts against its client's budget first; then the token.
    auto admit = [&ctx, &guests](HttpRequest &req) -> Result<Guest> {
        if (const auto retry = ctx.limiter.take(u"guest:"_s + guestClientKey(req),
                                                ctx.config.guest.requestsPerMinute, 60))
            return fail(ErrorCode::RateLimited, u"too many requests; retry after %1 s"_s.arg(*retry),
                        QJsonObject{{u"retry_after"_s, *retry}});
        return guests.authenticate(bearer(req));
    };
    auto refuse = [](const Error &error) {
        if (error.code == ErrorCode::RateLimited)
            return rateLimited(error.details.toObject().value(u"retry_after"_s).toInt(60));
        return HttpResponse::error(error);
    };
    // Orders and calls: per visit, all its phones together. Keyed on the table, which has one
    // visit at a time, so a phone's first order (which may open the visit) counts in the same
    // budget as the ones after it.
    auto visitKey = [](const Guest &guest) { return u"table:%1"_s.arg(guest.tableId); };

    server.route(Method::Get, u"/"_s, {Access::Public}, [&ctx, &guests](HttpRequest &req) {
        auto name = guests.storeName();
        QString body = u"<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                       "<title>%1</title><link rel=\"stylesheet\" href=\"/guest/app.css\"></head>"
                       "<body class=\"root\"><main class=\"page\"><h1>%1</h1>"_s.arg(html(name ? *name : QString()));
        body += u"<section class=\"how\"><h2>주문 방법 · How to order</h2><ul>"
                "<li lang=\"ko\">테이블의 QR 코드를 휴대폰 카메라로 스캔하세요.</li>"
                "<li lang=\"en\">Scan the QR code on your table with your phone's camera.</li>"
                "<li lang=\"zh\">请用手机相机扫描桌上的二维码点餐。</li>"
                "<li lang=\"ja\">テーブルのQRコードをスマートフォンのカメラで読み取ってください。</li>"
                "</ul></section>"_s;
        if (ctx.config.demo) {
            if (auto tables = guests.tables()) {
                body += u"<section class=\"demo\"><h2>Demo tables</h2><ul class=\"tables\">"_s;
                for (const GuestTable &t : std::as_const(*tables))
                    body += u"<li><a href=\"/t/%1\">%2 %3</a></li>"_s.arg(html(t.code), u"Table"_s).arg(t.number);
                body += u"</ul></section>"_s;
            }
        }
        body += u"<p class=\"staff\">Staff: the tablet and kitchen apps connect to this address; "
                "the API is described in docs/api.md.</p></main></body></html>"_s;
        Q_UNUSED(req);
        return HttpResponse::raw(200, "text/html; charset=utf-8", body.toUtf8())
                .withHeader("Cache-Control", "no-cache")
                .withHeader("Content-Security-Policy", contentSecurityPolicy)
                .withHeader("X-Content-Type-Options", "nosniff");
    });

    server.route(Method::Get, u"/t/{code}"_s, {Access::Public}, [](HttpRequest &req) {
        return fileResponse(req, u"index.html"_s);
    });
    server.route(Method::Get, u"/guest/{file}"_s, {Access::Public}, [](HttpRequest &req) {
        return fileResponse(req, req.params.value(0));
    });

    // --- The guests' API: everything a phone calls is under /api/v1/guest/ (central relays
    // exactly that prefix).

    server.route(Method::Post, u"/api/v1/guest/join"_s, {Access::Public}, [&ctx, &guests](HttpRequest &req) {
        // Join attempts have their own, small budget: codes cannot be guessed one by one.
        if (const auto retry = ctx.limiter.take(u"guest-join:"_s + guestClientKey(req),
                                                ctx.config.guest.joinsPerMinute, 60))
            return rateLimited(*retry);
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"table_code"_s, u"visit_code"_s}); !ok)
            return HttpResponse::error(ok.error());
        auto tableCode = json::requireString(*body, u"table_code"_s, 1, 32);
        if (!tableCode)
            return HttpResponse::error(tableCode.error());
        auto visitCode = json::optionalString(*body, u"visit_code"_s, 32);
        if (!visitCode)
            return HttpResponse::error(visitCode.error());
        return http::respond(guests.join(*tableCode, *visitCode), [](const GuestJoin &joined) {
            return HttpResponse::json(QJsonObject{
                    {u"token"_s, joined.token},
                    {u"visit_id"_s, joined.sessionId ? QJsonValue(joined.sessionId) : QJsonValue()},
                    {u"table"_s, tableJson(joined.table.id, joined.table.number)},
                    {u"admitted_by"_s, joined.admittedBy},
                    {u"expires_at"_s, timestampJson(joined.expiresAt)},
            });
        });
    });

    // Who am I: the app checks a token it kept (reload, back from the camera).
    server.route(Method::Get, u"/api/v1/guest/session"_s, {Access::Public}, [admit, refuse, &guests](HttpRequest &req) {
        auto guest = admit(req);
        if (!guest)
            return refuse(guest.error());
        auto name = guests.storeName();
        return HttpResponse::json(QJsonObject{
                {u"visit_id"_s, guest->sessionId ? QJsonValue(guest->sessionId) : QJsonValue()},
                {u"table"_s, tableJson(guest->tableId, guest->tableNumber)},
                {u"store_name"_s, name ? *name : QString()},
        });
    });

    server.route(Method::Get, u"/api/v1/guest/menu"_s, {Access::Public}, [&ctx](HttpRequest &req) {
        if (const auto retry = ctx.limiter.take(u"guest:"_s + guestClientKey(req), ctx.config.guest.requestsPerMinute, 60))
            return rateLimited(*retry);
        return menuResponse(ctx.menu, req);
    });

    const QString imageDir = ctx.config.imageDir();
    server.route(Method::Get, u"/api/v1/guest/images/{file}"_s, {Access::Public}, [imageDir](HttpRequest &req) {
        return imageResponse(imageDir, req.params.value(0));
    });

    // Answered after the group commit that makes the order durable; the same idempotent
    // client_order_id as the tablets' (a retry after a lost answer gets the same order, 200).
    server.routeAsync(Method::Post, u"/api/v1/guest/orders"_s, {Access::Public},
                      [&ctx, &guests, admit, refuse, visitKey](HttpRequest &req, http::Reply reply) {
                          auto guest = admit(req);
                          if (!guest)
                              return reply.send(refuse(guest.error()));
                          auto input = orderInputFromJson(req.body());
                          if (!input)
                              return reply.send(HttpResponse::error(input.error()));
                          if (const auto retry = ctx.limiter.take(u"guest-orders:"_s + visitKey(*guest),
                                                                  ctx.config.guest.ordersPerMinute, 60))
                              return reply.send(rateLimited(*retry));
                          ctx.orders.placeLater(guest->principal(), *input,
                                                [reply, &guests, g = *guest](const Result<PlacedOrder> &placed) {
                                                    if (placed && !g.sessionId)
                                                        (void)guests.bind(g, placed->json.value(u"session_id"_s).toInteger());
                                                    reply.send(http::respond(placed, [](const PlacedOrder &p) {
                                                        return HttpResponse::json(p.created ? 201 : 200, p.json);
                                                    }));
                                                });
                      });

    server.route(Method::Get, u"/api/v1/guest/orders"_s, {Access::Public}, [&ctx, admit, refuse](HttpRequest &req) {
        auto guest = admit(req);
        if (!guest)
            return refuse(guest.error());
        if (!guest->sessionId)
            return HttpResponse::json(QJsonObject{{u"orders"_s, QJsonArray()}});
        OrderFilter filter;
        filter.limit = 200;
        return http::respond(ctx.orders.list(guest->principal(), filter), [](const QList<Order> &orders) {
            QJsonArray array;
            for (const Order &order : orders)
                array.append(toJson(order));
            return HttpResponse::json(QJsonObject{{u"orders"_s, array}});
        });
    });

    // Live status: the table's stream, scoped to this phone's visit (it ends with the visit).
    server.routeStream(Method::Get, u"/api/v1/guest/events"_s, {.access = Access::Public, .query = {u"token"_s, u"since"_s}},
                       [&ctx, admit](HttpRequest &req, QTcpSocket *socket) {
                           auto guest = admit(req);
                           std::optional<qint64> since;
                           Status admitted = guest ? Status() : Status(fail(guest.error()));
                           QString cursor = QString::fromLatin1(req.header("last-event-id"));
                           if (cursor.isEmpty())
                               cursor = req.query(u"since"_s);
                           if (admitted && !cursor.isEmpty()) {
                               bool ok = false;
                               const qint64 seq = cursor.toLongLong(&ok);
                               if (!ok || seq < 0)
                                   admitted = fail(Error::validation(u"since"_s, u"since / Last-Event-ID must be an event seq (integer >= 0)"_s));
                               else
                                   since = seq;
                           }
                           if (admitted && !guest->sessionId)
                               admitted = fail(ErrorCode::NoOpenSession, u"the visit starts with the first order"_s);
                           if (admitted)
                               admitted = ctx.hub->admit(guest->principal());
                           if (!admitted) {
                               socket->write(HttpResponse::error(admitted.error()).serialize(true));
                               socket->disconnectFromHost();
                               return;
                           }
                           ctx.hub->addSse(guest->principal(), socket, since);
                       });

    server.route(Method::Post, u"/api/v1/guest/calls"_s, {Access::Public}, [&ctx, &guests, admit, refuse, visitKey](HttpRequest &req) {
        auto guest = admit(req);
        if (!guest)
            return refuse(guest.error());
        if (const auto retry = ctx.limiter.take(u"guest-calls:"_s + visitKey(*guest), ctx.config.guest.callsPerMinute, 60))
            return rateLimited(*retry);
        auto input = callInputFromJson(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        auto placed = ctx.calls->create(guest->principal(), input->first, input->second);
        if (placed && !guest->sessionId)
            (void)guests.bind(*guest, placed->call.sessionId);
        return http::respond(placed, [](const PlacedCall &p) {
            return HttpResponse::json(p.created ? 201 : 200, toJson(p.call));
        });
    });

    server.route(Method::Get, u"/api/v1/guest/calls"_s, {Access::Public}, [&ctx, admit, refuse](HttpRequest &req) {
        auto guest = admit(req);
        if (!guest)
            return refuse(guest.error());
        if (!guest->sessionId)
            return HttpResponse::json(QJsonObject{{u"calls"_s, QJsonArray()}});
        return http::respond(ctx.calls->list(guest->principal(), {}, 100), [](const QList<StaffCall> &list) {
            QJsonArray array;
            for (const StaffCall &call : list)
                array.append(toJson(call));
            return HttpResponse::json(QJsonObject{{u"calls"_s, array}});
        });
    });

    server.route(Method::Get, u"/api/v1/guest/bill"_s, {Access::Public}, [&ctx, admit, refuse](HttpRequest &req) {
        auto guest = admit(req);
        if (!guest)
            return refuse(guest.error());
        auto bill = ctx.visits->billOfTable(guest->tableId);
        return http::respond(bill, [](const Bill &b) { return HttpResponse::json(toJson(b)); });
    });

    // --- Staff: table codes, visits opened to phones, the store's setting, the tablet's code.

    server.route(Method::Get, u"/api/v1/guest-tables"_s, {Access::Manager}, [&ctx, &guests](HttpRequest &) {
        auto tables = guests.tables();
        if (!tables)
            return HttpResponse::error(tables.error());
        auto self = guests.selfOpen();
        if (!self)
            return HttpResponse::error(self.error());
        QJsonArray array;
        for (const GuestTable &t : std::as_const(*tables))
            array.append(QJsonObject{{u"id"_s, t.id}, {u"number"_s, t.number}, {u"code"_s, t.code},
                                     {u"order_url"_s, guestOrderUrl(ctx, t.code)}});
        return HttpResponse::json(QJsonObject{
                {u"tables"_s, array},
                {u"self_open"_s, *self},
                {u"lan_url"_s, guestLanUrl(ctx)},
                {u"public_url"_s, ctx.config.guest.publicUrl.isEmpty() ? QJsonValue() : QJsonValue(ctx.config.guest.publicUrl)},
                {u"wifi_ssid"_s, ctx.config.guest.wifiSsid},
                // The cards' Wi-Fi QR prints it; managers only, never logged.
                {u"wifi_password"_s, ctx.config.guest.wifiPassword},
                {u"store_name"_s, guests.storeName().value_or(QString())},
        });
    });

    // A new printed code: the table's old cards (and photos of them) stop working.
    server.route(Method::Post, u"/api/v1/tables/{id}/guest-code"_s, {Access::Manager}, [&ctx, &guests](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"table"_s));
        return http::respond(guests.regenerateCode(req.idParam()), [&ctx](const GuestTable &t) {
            return HttpResponse::json(QJsonObject{{u"id"_s, t.id}, {u"number"_s, t.number}, {u"code"_s, t.code},
                                                  {u"order_url"_s, guestOrderUrl(ctx, t.code)}});
        });
    });

    // Staff seat guests: phones with the table's code alone join this visit until it ends.
    server.route(Method::Post, u"/api/v1/tables/{id}/guest-visit"_s, {Access::FloorStaff}, [&guests](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"table"_s));
        return http::respond(guests.openVisitToGuests(req.idParam()), [&req](qint64 visit) {
            return HttpResponse::json(QJsonObject{{u"table_id"_s, req.idParam()}, {u"visit_id"_s, visit}});
        });
    });

    // The tablet's QR: the table's order address with this visit's code (it changes with every visit).
    server.route(Method::Get, u"/api/v1/guest-visit-code"_s, {Access::TableOnly}, [&ctx, &guests](HttpRequest &req) {
        const Principal table = Principal::fromClaims(req.claims);
        return http::respond(guests.visitCode(table.tableId), [&ctx](const VisitCode &code) {
            return HttpResponse::json(QJsonObject{
                    {u"code"_s, code.code},
                    {u"table_code"_s, code.tableCode},
                    {u"visit_id"_s, code.sessionId ? QJsonValue(code.sessionId) : QJsonValue()},
                    {u"url"_s, QString(guestOrderUrl(ctx, code.tableCode) + u"#v="_s + code.code)},
            });
        });
    });

    server.route(Method::Get, u"/api/v1/guest-settings"_s, {Access::Manager}, [&guests](HttpRequest &) {
        return http::respond(guests.selfOpen(), [](bool on) { return HttpResponse::json(QJsonObject{{u"self_open"_s, on}}); });
    });
    server.route(Method::Put, u"/api/v1/guest-settings"_s, {Access::Manager}, [&guests](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"self_open"_s}); !ok)
            return HttpResponse::error(ok.error());
        auto on = json::requireBool(*body, u"self_open"_s);
        if (!on)
            return HttpResponse::error(on.error());
        if (auto ok = guests.setSelfOpen(*on); !ok)
            return HttpResponse::error(ok.error());
        return HttpResponse::json(QJsonObject{{u"self_open"_s, *on}});
    });
}

} // namespace tableorder::edge
