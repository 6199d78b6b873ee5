#include "centralconfig.h"
#include "metrics.h"
#include "services/fleetservice.h"
#include "routes.h"

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

namespace {

bool constantTimeEqual(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

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
    // /metrics names every organisation's stores: only a scraper holding the configured
    // token gets it, and without a configured token it is off.
    server.route(Method::Get, u"/metrics"_s, {HqPublic}, [&ctx](HttpRequest &req) {
        const QByteArray expected = ctx.config.metricsToken.toLatin1();
        if (expected.isEmpty())
            return HttpResponse::error({ErrorCode::Forbidden, u"/metrics is off: set --metrics-token-file"_s, {}});
        QByteArray given = req.header("authorization");
        if (given.size() > 7 && given.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
            given = given.sliced(7).trimmed();
        else
            given.clear();
        if (!constantTimeEqual(given, expected))
            return HttpResponse::error({ErrorCode::Unauthenticated, u"/metrics needs the scrape token "
                                                                     "(Authorization: Bearer)"_s, {}})
                    .withHeader("WWW-Authenticate", "Bearer");
        ctx.fleet.refreshGauges(); // per-store gauges (label `store`): one scrape covers the fleet
        return HttpResponse::raw(200, "text/plain; version=0.0.4; charset=utf-8", ctx.metrics.render());
    });
}

} // namespace tableorder::central
