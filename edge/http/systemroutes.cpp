#include "access.h"
#include "metrics.h"
#include "routes.h"
#include "http/tlsidentity.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

void registerSystemRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    server.route(Method::Get, u"/healthz"_s, {Access::Public}, [](HttpRequest &) {
        return HttpResponse::json(QJsonObject{{u"status"_s, u"ok"_s}});
    });
    server.route(Method::Get, u"/readyz"_s, {Access::Public}, [&ctx](HttpRequest &) {
        if (!ctx.databaseUsable())
            return HttpResponse::error({ErrorCode::Unavailable, u"the database is not usable"_s, {}});
        return HttpResponse::json(QJsonObject{{u"status"_s, u"ready"_s}});
    });
    // What a manager pairs tablets with: the certificate's fingerprint.
    server.route(Method::Get, u"/api/v1/system/tls"_s, {Access::Manager}, [&ctx](HttpRequest &) {
        const bool on = !ctx.tlsFingerprint.isEmpty();
        return HttpResponse::json(QJsonObject{
                {u"enabled"_s, on},
                {u"fingerprint_sha256"_s, on ? QJsonValue(ctx.tlsFingerprint) : QJsonValue()},
                {u"fingerprint_display"_s, on ? QJsonValue(http::displayFingerprint(ctx.tlsFingerprint)) : QJsonValue()},
                {u"urls"_s, QJsonArray::fromStringList(ctx.edgeUrls)},
        });
    });
    server.route(Method::Get, u"/metrics"_s, {Access::Public}, [&ctx](HttpRequest &) {
        return HttpResponse::raw(200, "text/plain; version=0.0.4; charset=utf-8", ctx.metrics.render());
    });
}

} // namespace tableorder::edge
