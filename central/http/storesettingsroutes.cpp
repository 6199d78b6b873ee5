#include "json.h"
#include "routes.h"
#include "services/storeservice.h"
#include "services/storesettingsservice.h"

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

void registerStoreSettingsRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;
    // Admins, and the store's managers (the service checks which store).
    server.route(Method::Put, u"/api/v1/stores/{id}"_s, {HqAny}, [&ctx](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"name"_s, u"timezone"_s, u"business_day_cutoff_hour"_s}); !ok)
            return HttpResponse::error(ok.error());
        StoreSettingsEdit edit;
        if (body->contains(u"name"_s)) {
            auto name = json::requireString(*body, u"name"_s, 1, 100);
            if (!name)
                return HttpResponse::error(name.error());
            edit.name = *name;
        }
        if (body->contains(u"timezone"_s)) {
            auto zone = json::requireString(*body, u"timezone"_s, 1, 64);
            if (!zone)
                return HttpResponse::error(zone.error());
            edit.timezone = *zone;
        }
        if (body->contains(u"business_day_cutoff_hour"_s)) {
            auto cutoff = json::requireInt(*body, u"business_day_cutoff_hour"_s, 0, 12);
            if (!cutoff)
                return HttpResponse::error(cutoff.error());
            edit.businessDayCutoffHour = int(*cutoff);
        }
        return http::respond(ctx.storeSettings.update(HqPrincipal::fromClaims(req.claims), req.idParam(), edit),
                             [&ctx](const StoreRecord &s) { return HttpResponse::json(ctx.stores.toJson(s)); });
    });
}

} // namespace tableorder::central
