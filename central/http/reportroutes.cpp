#include "routes.h"
#include "services/hqauthservice.h"
#include "services/reportservice.h"

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

void registerReportRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;
    server.route(Method::Get, u"/api/v1/reports/sales"_s, {HqAny}, [&ctx](HttpRequest &req) {
        const auto groupBy = parseGroupBy(req.query(u"group_by"_s));
        if (!groupBy)
            return HttpResponse::error(Error::validation(u"group_by"_s, u"group_by must be store, day, hour, item or option"_s));
        qint64 storeId = 0;
        if (req.hasQuery(u"store_id"_s)) {
            bool ok = false;
            storeId = req.query(u"store_id"_s).toLongLong(&ok);
            if (!ok || storeId <= 0)
                return HttpResponse::error(Error::validation(u"store_id"_s, u"store_id must be a store id"_s));
        }
        const QDate from = QDate::fromString(req.query(u"from"_s), Qt::ISODate);
        const QDate to = QDate::fromString(req.query(u"to"_s), Qt::ISODate);
        return http::respond(ctx.reports.sales(HqPrincipal::fromClaims(req.claims), from, to, *groupBy, storeId),
                             [&](const QJsonArray &rows) {
                                 return HttpResponse::json(QJsonObject{{u"from"_s, req.query(u"from"_s)},
                                                                       {u"to"_s, req.query(u"to"_s)},
                                                                       {u"group_by"_s, req.query(u"group_by"_s)},
                                                                       {u"rows"_s, rows}});
                             });
    });
}

} // namespace tableorder::central
