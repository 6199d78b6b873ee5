#include "access.h"
#include "edgejson.h"
#include "realtime/eventhub.h"
#include "routes.h"
#include "services/printerservice.h"
#include "services/authservice.h"
#include "services/orderservice.h"

#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {

/// `since` (or SSE's Last-Event-ID): a non-negative seq, or absent for a fresh snapshot.
Result<std::optional<qint64>> parseCursor(const QString &text)
{
    if (text.isEmpty())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 seq = text.toLongLong(&ok);
    if (!ok || seq < 0)
        return fail(Error::validation(u"since"_s, u"since / Last-Event-ID must be an event seq (integer >= 0)"_s));
    return std::optional(seq);
}

QString tokenFrom(const QByteArray &authorization, const QUrlQuery &query)
{
    if (authorization.size() > 7 && authorization.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return QString::fromLatin1(authorization.sliced(7).trimmed());
    return query.queryItemValue(u"access_token"_s, QUrl::FullyDecoded);
}

struct WebSocketRequest
{
    Principal who;
    std::optional<qint64> since;
    QStringList stations;
};

Result<WebSocketRequest> checkWebSocket(RouteContext &ctx, const QUrl &url, const QByteArray &authorization)
{
    if (url.path() != u"/api/v1/ws"_s)
        return fail(Error::notFound(u"WebSocket endpoint"_s));
    const QUrlQuery query(url);
    auto who = ctx.auth.authenticate(tokenFrom(authorization, query).toLatin1());
    if (!who)
        return fail(who.error());
    if (auto ok = ctx.hub->admit(*who); !ok)
        return fail(ok.error());
    auto since = parseCursor(query.queryItemValue(u"since"_s));
    if (!since)
        return fail(since.error());
    auto stations = stationsFromQuery(query.queryItemValue(u"stations"_s, QUrl::FullyDecoded));
    if (!stations)
        return fail(stations.error());
    return WebSocketRequest{*who, *since, *stations};
}

} // namespace

void registerRealtimeRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;

    server.routeStream(Method::Get, u"/api/v1/events"_s, {.access = Access::AnyPrincipal, .query = {u"since"_s, u"stations"_s}},
                       [&ctx](HttpRequest &req, QTcpSocket *socket) {
                           QString cursorText = QString::fromLatin1(req.header("last-event-id"));
                           if (cursorText.isEmpty())
                               cursorText = req.query(u"since"_s);
                           auto since = parseCursor(cursorText);
                           auto stations = stationsFromQuery(req.query(u"stations"_s));
                           const Principal who = Principal::fromClaims(req.claims);
                           Status admitted = !since ? Status(fail(since.error()))
                                   : !stations     ? Status(fail(stations.error()))
                                                   : ctx.hub->admit(who);
                           if (!admitted) {
                               socket->write(HttpResponse::error(admitted.error()).serialize(true));
                               socket->disconnectFromHost();
                               return;
                           }
                           ctx.hub->addSse(who, socket, *since, *stations);
                       });

    // Answered after the group commit that records the receipt (OrderService).
    server.routeAsync(Method::Post, u"/api/v1/orders/{id}/ack"_s, {.access = Access::KitchenStaff, .query = {u"stations"_s}}, [&ctx](HttpRequest &req, http::Reply reply) {
        if (!req.idParam())
            return reply.send(HttpResponse::error(Error::notFound(u"order"_s)));
        // ?stations=bar,kitchen: the screen's stations, for the fallback printer (none: all).
        auto stations = stationsFromQuery(req.query(u"stations"_s));
        if (!stations)
            return reply.send(HttpResponse::error(stations.error()));
        ctx.orders.acknowledgeLater(Principal::fromClaims(req.claims), req.idParam(),
                                    [reply, &ctx, stations = *stations](const Result<Acknowledgement> &acknowledged) {
                                        if (acknowledged && ctx.printers)
                                            ctx.printers->screenAcknowledged(acknowledged->order.id, stations);
                                        reply.send(http::respond(acknowledged, [](const Acknowledgement &ack) {
                                            return HttpResponse::json(QJsonObject{{u"order_id"_s, ack.order.id},
                                                                                  {u"acknowledged_at"_s, timestampJson(ack.at)},
                                                                                  {u"first"_s, ack.first}});
                                        }));
                                    });
    });

    QObject::connect(&server, &http::HttpServer::newWebSocketConnection, &server, [&server, &ctx] {
        while (auto socket = server.nextPendingWebSocketConnection()) {
            std::unique_ptr<QWebSocket> ws(std::move(socket));
            // Checked before the upgrade too (webSocketUpgradeCheck); checked again here
            // because the two run at different moments.
            auto accepted = checkWebSocket(ctx, ws->requestUrl(), ws->request().rawHeader("Authorization"));
            if (!accepted) {
                ws->close(QWebSocketProtocol::CloseCodePolicyViolated, accepted.error().message);
                ws.release()->deleteLater();
                continue;
            }
            ctx.hub->addWebSocket(accepted->who, std::move(ws), accepted->since, accepted->stations);
        }
    });
}

QByteArray webSocketUpgradeCheck(RouteContext &ctx, QByteArrayView target,
                                 const QHash<QByteArray, QByteArray> &headers)
{
    const QUrl url(QString::fromLatin1(target.toByteArray()));
    auto accepted = checkWebSocket(ctx, url, headers.value("authorization"));
    if (accepted)
        return {};
    return HttpResponse::error(accepted.error()).serialize(true);
}

} // namespace tableorder::edge
