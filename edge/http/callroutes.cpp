#include "access.h"
#include "edgejson.h"
#include "edgeconfig.h"
#include "http/ratelimiter.h"
#include "json.h"
#include "routes.h"
#include "services/callservice.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

void registerCallRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    Q_ASSERT(ctx.calls);
    CallService &calls = *ctx.calls;

    server.route(Method::Post, u"/api/v1/calls"_s, {Access::TableOnly}, [&ctx, &calls](HttpRequest &req) {
        const Principal table = Principal::fromClaims(req.claims);
        // Its own budget: a guest tapping the button should not eat into the table's orders.
        if (const auto retry = ctx.limiter.take(u"calls:"_s + table.subject, ctx.config.rates.callsPerMinute, 60))
            return rateLimited(*retry);
        auto input = callInputFromJson(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        return http::respond(calls.create(table, input->first, input->second), [](const PlacedCall &placed) {
            return HttpResponse::json(placed.created ? 201 : 200, toJson(placed.call));
        });
    });

    server.route(Method::Get, u"/api/v1/calls"_s, {.access = Access::TableOnly | Access::FloorStaff, .query = {u"status"_s, u"limit"_s, u"offset"_s}}, [&calls](HttpRequest &req) {
        auto page = pageFromQuery(req, 200, 1000);
        if (!page)
            return HttpResponse::error(page.error());
        return http::respond(calls.list(Principal::fromClaims(req.claims), req.query(u"status"_s), page->first),
                             [](const QList<StaffCall> &list) {
                                 QJsonArray array;
                                 for (const StaffCall &call : list)
                                     array.append(toJson(call));
                                 return HttpResponse::json(QJsonObject{{u"calls"_s, array}});
                             });
    });

    server.route(Method::Post, u"/api/v1/calls/{id}/ack"_s, {Access::FloorStaff}, [&calls](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"call"_s));
        return http::respond(calls.acknowledge(Principal::fromClaims(req.claims), req.idParam()),
                             [](const StaffCall &call) { return HttpResponse::json(toJson(call)); });
    });

    server.route(Method::Post, u"/api/v1/calls/{id}/done"_s, {Access::FloorStaff}, [&calls](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"call"_s));
        return http::respond(calls.finish(Principal::fromClaims(req.claims), req.idParam()),
                             [](const StaffCall &call) { return HttpResponse::json(toJson(call)); });
    });
}

} // namespace tableorder::edge
