#include "metrics.h"
#include "services/fleetservice.h"
#include "routes.h"

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

void registerCentralSystemRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;
    server.route(Method::Get, u"/healthz"_s, {HqPublic}, [](HttpRequest &) {
        return HttpResponse::json(QJsonObject{{u"status"_s, u"ok"_s}});
    });
    server.route(Method::Get, u"/readyz"_s, {HqPublic}, [&ctx](HttpRequest &) {
        if (!ctx.databaseUsable())
            return HttpResponse::error({ErrorCode::Unavailable, u"the database is not usable"_s, {}})
                    .withHeader("Retry-After", "5");
        return HttpResponse::json(QJsonObject{{u"status"_s, u"ready"_s}});
    });
    server.route(Method::Get, u"/metrics"_s, {HqPublic}, [&ctx](HttpRequest &) {
        ctx.fleet.refreshGauges(); // per-store gauges (label `store`): one scrape covers the fleet
        return HttpResponse::raw(200, "text/plain; version=0.0.4; charset=utf-8", ctx.metrics.render());
    });
}

} // namespace tableorder::central
