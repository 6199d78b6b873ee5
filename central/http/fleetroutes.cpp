#include "json.h"
#include "routes.h"
#include "services/alertservice.h"
#include "services/fleetservice.h"
#include "services/hqauthservice.h"

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

namespace {
HttpResponse ok(const QJsonObject &body)
{
    return HttpResponse::json(body);
}
} // namespace

void registerFleetRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;
    auto who = [](const HttpRequest &req) { return HqPrincipal::fromClaims(req.claims); };

    server.route(Method::Get, u"/api/v1/fleet"_s, {.access = HqAny, .query = {u"store_id"_s}}, [&ctx, who](HttpRequest &req) {
        qint64 storeId = 0;
        if (req.hasQuery(u"store_id"_s)) {
            bool parsed = false;
            storeId = req.query(u"store_id"_s).toLongLong(&parsed);
            if (!parsed || storeId <= 0)
                return HttpResponse::error(Error::validation(u"store_id"_s, u"store_id must be a store id"_s));
        }
        return http::respond(ctx.fleet.fleet(who(req), storeId), ok);
    });

    server.route(Method::Get, u"/api/v1/stores/{id}/metrics"_s, {.access = HqAny, .query = {u"from"_s, u"to"_s, u"names"_s, u"resolution"_s}}, [&ctx, who](HttpRequest &req) {
        return http::respond(ctx.fleet.series(who(req), req.idParam(), req.query(u"from"_s), req.query(u"to"_s),
                                              req.query(u"names"_s), req.query(u"resolution"_s)),
                             ok);
    });

    server.route(Method::Get, u"/api/v1/alerts"_s, {.access = HqAny, .query = {u"store_id"_s, u"limit"_s, u"state"_s}}, [&ctx, who](HttpRequest &req) {
        qint64 storeId = 0;
        int limit = 200;
        for (const auto &[name, target, max] : {std::tuple{u"store_id"_s, &storeId, qint64(1) << 53},
                                                std::tuple{u"limit"_s, static_cast<qint64 *>(nullptr), qint64(1000)}}) {
            if (!req.hasQuery(name))
                continue;
            bool parsed = false;
            const qint64 value = req.query(name).toLongLong(&parsed);
            if (!parsed || value <= 0 || value > max)
                return HttpResponse::error(Error::validation(name, u"%1 must be a positive integer up to %2"_s.arg(name).arg(max)));
            if (target)
                *target = value;
            else
                limit = int(value);
        }
        return http::respond(ctx.alerts.list(who(req), req.query(u"state"_s), storeId, limit), ok);
    });

    server.route(Method::Get, u"/api/v1/alerts/{id}"_s, {HqAny}, [&ctx, who](HttpRequest &req) {
        return http::respond(ctx.alerts.get(who(req), req.idParam()), ok);
    });

    server.route(Method::Post, u"/api/v1/alerts/{id}/ack"_s, {HqAdmin}, [&ctx, who](HttpRequest &req) {
        return http::respond(ctx.alerts.acknowledge(who(req), req.idParam()), ok);
    });

    server.route(Method::Get, u"/api/v1/alert-settings"_s, {HqAny}, [&ctx, who](HttpRequest &req) {
        return http::respond(ctx.alerts.settings(who(req)), ok);
    });

    server.route(Method::Put, u"/api/v1/alert-settings"_s, {HqAdmin}, [&ctx, who](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        return http::respond(ctx.alerts.updateSettings(who(req), *body), ok);
    });
}

} // namespace tableorder::central
