#include "routes.h"
#include "services/hqauthservice.h"
#include "services/reportservice.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

namespace {

/// `store_id`, when given, a positive id; 0 when absent.
Result<qint64> storeIdFromQuery(const HttpRequest &req)
{
    if (!req.hasQuery(u"store_id"_s))
        return 0;
    bool ok = false;
    const qint64 storeId = req.query(u"store_id"_s).toLongLong(&ok);
    if (!ok || storeId <= 0)
        return fail(Error::validation(u"store_id"_s, u"store_id must be a store id"_s));
    return storeId;
}

/// A time bound of the audit log: an ISO 8601 timestamp with its offset, or a date (the
/// start of that day in UTC for `from`, the end of it for `to`).
Result<QDateTime> timeFromQuery(const HttpRequest &req, const QString &name, bool end)
{
    if (!req.hasQuery(name))
        return QDateTime();
    const QString text = req.query(name);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return QDateTime(end ? date.addDays(1) : date, QTime(0, 0), Qt::UTC);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return fail(Error::validation(name, u"%1 must be a date (YYYY-MM-DD) or a timestamp with its offset"_s.arg(name)));
    return time.toUTC();
}

Result<AuditRequest> auditRequestFromQuery(const HttpRequest &req)
{
    AuditRequest request;
    auto store = storeIdFromQuery(req);
    if (!store)
        return fail(store.error());
    request.storeId = *store;
    auto from = timeFromQuery(req, u"from"_s, false);
    if (!from)
        return fail(from.error());
    auto to = timeFromQuery(req, u"to"_s, true);
    if (!to)
        return fail(to.error());
    if (from->isValid() && to->isValid() && *from > *to)
        return fail(Error::validation(u"from"_s, u"from must not be after to"_s));
    request.from = *from;
    request.to = *to;
    if (req.hasQuery(u"actor"_s)) {
        bool ok = false;
        request.staffId = req.query(u"actor"_s).toLongLong(&ok);
        if (!ok || request.staffId <= 0)
            return fail(Error::validation(u"actor"_s, u"actor must be a staff id of the store"_s));
    }
    if (req.hasQuery(u"limit"_s)) {
        bool ok = false;
        request.limit = req.query(u"limit"_s).toInt(&ok);
        if (!ok || request.limit < 1 || request.limit > 1000)
            return fail(Error::validation(u"limit"_s, u"limit must be from 1 to 1000"_s));
    }
    return request;
}

} // namespace

void registerReportRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;
    server.route(Method::Get, u"/api/v1/reports/sales"_s, {.access = HqAny, .query = {u"group_by"_s, u"store_id"_s, u"from"_s, u"to"_s}}, [&ctx](HttpRequest &req) {
        const auto groupBy = parseGroupBy(req.query(u"group_by"_s));
        if (!groupBy)
            return HttpResponse::error(Error::validation(u"group_by"_s, u"group_by must be store, day, hour, item or option"_s));
        auto storeId = storeIdFromQuery(req);
        if (!storeId)
            return HttpResponse::error(storeId.error());
        const QDate from = QDate::fromString(req.query(u"from"_s), Qt::ISODate);
        const QDate to = QDate::fromString(req.query(u"to"_s), Qt::ISODate);
        return http::respond(ctx.reports.sales(HqPrincipal::fromClaims(req.claims), from, to, *groupBy, *storeId),
                             [&](const QJsonArray &rows) {
                                 return HttpResponse::json(QJsonObject{{u"from"_s, req.query(u"from"_s)},
                                                                       {u"to"_s, req.query(u"to"_s)},
                                                                       {u"group_by"_s, req.query(u"group_by"_s)},
                                                                       {u"rows"_s, rows}});
                             });
    });

    server.route(Method::Get, u"/api/v1/reports/days"_s, {.access = HqAny, .query = {u"store_id"_s, u"from"_s, u"to"_s}}, [&ctx](HttpRequest &req) {
        auto storeId = storeIdFromQuery(req);
        if (!storeId)
            return HttpResponse::error(storeId.error());
        const QDate from = QDate::fromString(req.query(u"from"_s), Qt::ISODate);
        const QDate to = QDate::fromString(req.query(u"to"_s), Qt::ISODate);
        return http::respond(ctx.reports.days(HqPrincipal::fromClaims(req.claims), from, to, *storeId),
                             [&](const QJsonArray &rows) {
                                 return HttpResponse::json(QJsonObject{{u"from"_s, req.query(u"from"_s)},
                                                                       {u"to"_s, req.query(u"to"_s)},
                                                                       {u"rows"_s, rows}});
                             });
    });

    // Issue 14: kitchen times per store, item and station (the store's GET /kitchen/times).
    server.route(Method::Get, u"/api/v1/reports/kitchen-times"_s, {.access = HqAny, .query = {u"store_id"_s, u"from"_s, u"to"_s, u"by"_s}}, [&ctx](HttpRequest &req) {
        auto storeId = storeIdFromQuery(req);
        if (!storeId)
            return HttpResponse::error(storeId.error());
        return http::respond(ctx.reports.kitchenTimes(HqPrincipal::fromClaims(req.claims), req.query(u"from"_s),
                                                      req.query(u"to"_s), req.query(u"by"_s), *storeId),
                             [](const QJsonObject &report) { return HttpResponse::json(report); });
    });

    server.route(Method::Get, u"/api/v1/reconciliation"_s, {.access = HqAny, .query = {u"store_id"_s}}, [&ctx](HttpRequest &req) {
        auto storeId = storeIdFromQuery(req);
        if (!storeId)
            return HttpResponse::error(storeId.error());
        return http::respond(ctx.reports.reconciliation(HqPrincipal::fromClaims(req.claims), *storeId),
                             [](const QJsonArray &rows) { return HttpResponse::json(QJsonObject{{u"rows"_s, rows}}); });
    });

    server.route(Method::Get, u"/api/v1/audit"_s, {.access = HqAny, .query = {u"store_id"_s, u"from"_s, u"to"_s, u"actor"_s, u"limit"_s}}, [&ctx](HttpRequest &req) {
        auto request = auditRequestFromQuery(req);
        if (!request)
            return HttpResponse::error(request.error());
        return http::respond(ctx.reports.audit(HqPrincipal::fromClaims(req.claims), *request),
                             [](const QJsonArray &rows) { return HttpResponse::json(QJsonObject{{u"entries"_s, rows}}); });
    });
}

} // namespace tableorder::central
