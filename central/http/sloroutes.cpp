#include "routes.h"
#include "services/hqauthservice.h"
#include "services/sloservice.h"

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

void registerSloRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;
    server.route(Method::Get, u"/api/v1/stores/{id}/slo"_s, {.access = HqAny, .query = {u"week"_s}}, [&ctx](HttpRequest &req) {
        QDate day;
        if (req.hasQuery(u"week"_s)) {
            day = QDate::fromString(req.query(u"week"_s), Qt::ISODate);
            if (!day.isValid())
                return HttpResponse::error(Error::validation(u"week"_s, u"week must be a date (YYYY-MM-DD) in the week"_s));
        }
        return http::respond(ctx.slo.week(HqPrincipal::fromClaims(req.claims), req.idParam(), day),
                             [](const QJsonObject &o) { return HttpResponse::json(o); });
    });
}

} // namespace tableorder::central
