#include "access.h"
#include "edgejson.h"
#include "json.h"
#include "routes.h"
#include "services/businessdayservice.h"
#include "services/visitservice.h"
#include "storage/storerepository.h"

#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {

HttpResponse noTable()
{
    return HttpResponse::error(Error::notFound(u"table"_s));
}

/// A body that may be empty (no options given).
Result<QJsonObject> optionalBody(const HttpRequest &req)
{
    if (req.body().trimmed().isEmpty())
        return QJsonObject();
    return json::parseObject(req.body());
}

/// `{force?: bool, reason?: string}` of the close endpoints.
Result<CloseRequest> closeRequestFromJson(const HttpRequest &req)
{
    auto body = optionalBody(req);
    if (!body)
        return fail(body.error());
    if (auto ok = json::allowOnly(*body, {u"force"_s, u"reason"_s}); !ok)
        return fail(ok.error());
    CloseRequest request;
    if (body->contains(u"force"_s)) {
        auto force = json::requireBool(*body, u"force"_s);
        if (!force)
            return fail(force.error());
        request.force = *force;
    }
    auto reason = json::optionalString(*body, u"reason"_s, 140);
    if (!reason)
        return fail(reason.error());
    request.reason = *reason;
    if (request.force && request.reason.isEmpty())
        return fail(Error::validation(u"reason"_s, u"closing with force needs a reason (1 to 140 characters)"_s));
    return request;
}

/// The bill, with `split: {kind: "even", ways, shares}` for `?split=even&ways=N`.
HttpResponse billResponse(const HttpRequest &req, const Result<Bill> &bill)
{
    if (!bill)
        return HttpResponse::error(bill.error());
    QJsonObject json = toJson(*bill);
    if (req.hasQuery(u"ways"_s) && !req.hasQuery(u"split"_s))
        return HttpResponse::error(Error::validation(u"ways"_s, u"ways goes with split=even"_s));
    if (req.hasQuery(u"split"_s)) {
        if (req.query(u"split"_s) != u"even"_s)
            return HttpResponse::error(Error::validation(u"split"_s, u"split must be even (by lines: POST .../bill/split)"_s));
        bool ok = false;
        const int ways = req.query(u"ways"_s).toInt(&ok);
        if (!ok || ways < 1 || ways > 100)
            return HttpResponse::error(Error::validation(u"ways"_s, u"ways must be a whole number from 1 to 100"_s));
        QJsonArray shares;
        for (Money share : splitEven(bill->due, ways))
            shares.append(share);
        json.insert(u"split"_s, QJsonObject{{u"kind"_s, u"even"_s}, {u"ways"_s, ways}, {u"shares"_s, shares}});
    }
    return HttpResponse::json(json);
}

QJsonObject movedJson(const MovedVisit &moved)
{
    return {{u"session_id"_s, moved.sessionId},
            {u"moved_session_id"_s, moved.movedSessionId},
            {u"from_table_id"_s, moved.fromTableId},
            {u"from_table_number"_s, moved.fromTableNumber},
            {u"to_table_id"_s, moved.toTableId},
            {u"to_table_number"_s, moved.toTableNumber}};
}

/// `{<field>: table id}` of move and merge.
Result<qint64> tableField(const HttpRequest &req, const QString &field)
{
    auto body = json::parseObject(req.body());
    if (!body)
        return fail(body.error());
    if (auto ok = json::allowOnly(*body, {field}); !ok)
        return fail(ok.error());
    return json::requireInt(*body, field, 1, std::numeric_limits<int>::max());
}

/// POST .../bill/split: `{groups: [[line_id, ...], ...]}` -> each group's share of what is due.
HttpResponse splitResponse(HttpRequest &req, VisitService &visits, qint64 tableId)
{
    auto body = json::parseObject(req.body());
    if (!body)
        return HttpResponse::error(body.error());
    if (auto ok = json::allowOnly(*body, {u"groups"_s}); !ok)
        return HttpResponse::error(ok.error());
    auto array = json::requireArray(*body, u"groups"_s);
    if (!array)
        return HttpResponse::error(array.error());
    if (array->size() > 100)
        return HttpResponse::error(Error::validation(u"groups"_s, u"at most 100 groups"_s));
    QList<QList<qint64>> groups;
    for (qsizetype g = 0; g < array->size(); ++g) {
        if (!array->at(g).isArray())
            return HttpResponse::error(Error::validation(u"groups[%1]"_s.arg(g), u"a group is an array of line ids"_s));
        QList<qint64> ids;
        for (const QJsonValue &id : array->at(g).toArray()) {
            auto value = json::intValue(id, u"groups[%1]"_s.arg(g), 1, std::numeric_limits<qint64>::max() >> 11);
            if (!value)
                return HttpResponse::error(value.error());
            ids.append(*value);
        }
        groups.append(ids);
    }
    return http::respond(visits.splitByLines(tableId, groups), [](const QList<SplitShare> &shares) {
        QJsonArray out;
        for (const SplitShare &share : shares) {
            QJsonArray ids;
            for (qint64 id : share.lineIds)
                ids.append(id);
            out.append(QJsonObject{{u"line_ids"_s, ids}, {u"subtotal"_s, share.subtotal}, {u"amount"_s, share.amount}});
        }
        return HttpResponse::json(QJsonObject{{u"groups"_s, out}});
    });
}

} // namespace

void registerBillRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    Q_ASSERT(ctx.visits && ctx.days);
    VisitService &visits = *ctx.visits;
    BusinessDayService &days = *ctx.days;

    server.route(Method::Get, u"/api/v1/bill"_s, {.access = Access::TableOnly, .query = {u"split"_s, u"ways"_s}}, [&visits](HttpRequest &req) {
        return billResponse(req, visits.billOfTable(Principal::fromClaims(req.claims).tableId));
    });

    server.route(Method::Get, u"/api/v1/tables/{id}/bill"_s, {.access = Access::FloorStaff, .query = {u"split"_s, u"ways"_s}}, [&visits](HttpRequest &req) {
        if (!req.idParam())
            return noTable();
        return billResponse(req, visits.billOfTable(req.idParam()));
    });

    // Split by lines: staff for any table, a tablet for its own visit.
    server.route(Method::Post, u"/api/v1/tables/{id}/bill/split"_s, {Access::FloorStaff}, [&visits](HttpRequest &req) {
        if (!req.idParam())
            return noTable();
        return splitResponse(req, visits, req.idParam());
    });
    server.route(Method::Post, u"/api/v1/bill/split"_s, {Access::TableOnly}, [&visits](HttpRequest &req) {
        return splitResponse(req, visits, Principal::fromClaims(req.claims).tableId);
    });

    server.route(Method::Post, u"/api/v1/tables/{id}/payments"_s, {Access::FloorStaff}, [&visits](HttpRequest &req) {
        if (!req.idParam())
            return noTable();
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"client_payment_id"_s, u"method"_s, u"amount"_s}); !ok)
            return HttpResponse::error(ok.error());
        auto id = json::requireString(*body, u"client_payment_id"_s, 36, 36);
        if (!id)
            return HttpResponse::error(id.error());
        auto method = json::requireString(*body, u"method"_s, 1, 16);
        if (!method)
            return HttpResponse::error(method.error());
        auto amount = json::requireInt(*body, u"amount"_s, 1, 1'000'000'000'000);
        if (!amount)
            return HttpResponse::error(amount.error());
        return http::respond(visits.pay(Principal::fromClaims(req.claims), req.idParam(), {*id, *method, *amount}),
                             [](const RecordedPayment &p) {
                                 return HttpResponse::json(p.created ? 201 : 200, toJson(p.payment));
                             });
    });

    server.route(Method::Post, u"/api/v1/orders/{id}/void"_s, {Access::FloorStaff}, [&visits](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"order"_s));
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"line_ids"_s, u"reason"_s}); !ok)
            return HttpResponse::error(ok.error());
        auto reason = json::requireString(*body, u"reason"_s, 1, 140);
        if (!reason)
            return HttpResponse::error(reason.error());
        QList<qint64> lineIds;
        if (body->contains(u"line_ids"_s)) {
            auto array = json::requireArray(*body, u"line_ids"_s);
            if (!array)
                return HttpResponse::error(array.error());
            if (array->isEmpty() || array->size() > 500)
                return HttpResponse::error(Error::validation(
                        u"line_ids"_s, u"line_ids lists 1 to 500 lines; leave it out to void the whole order"_s));
            for (const QJsonValue &id : *array) {
                auto value = json::intValue(id, u"line_ids"_s, 1, std::numeric_limits<qint64>::max() >> 11);
                if (!value)
                    return HttpResponse::error(value.error());
                lineIds.append(*value);
            }
        }
        return http::respond(visits.voidLines(Principal::fromClaims(req.claims), req.idParam(), lineIds, *reason),
                             [](const Bill &bill) { return HttpResponse::json(toJson(bill)); });
    });

    server.route(Method::Post, u"/api/v1/tables/{id}/discounts"_s, {Access::FloorStaff}, [&visits](HttpRequest &req) {
        if (!req.idParam())
            return noTable();
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"kind"_s, u"value"_s, u"reason"_s}); !ok)
            return HttpResponse::error(ok.error());
        auto kind = json::requireString(*body, u"kind"_s, 1, 16);
        if (!kind)
            return HttpResponse::error(kind.error());
        auto value = json::requireInt(*body, u"value"_s, 1, 1'000'000'000'000);
        if (!value)
            return HttpResponse::error(value.error());
        auto reason = json::requireString(*body, u"reason"_s, 1, 140);
        if (!reason)
            return HttpResponse::error(reason.error());
        return http::respond(visits.addDiscount(Principal::fromClaims(req.claims), req.idParam(), *kind, *value, *reason),
                             [](const BillDiscount &d) { return HttpResponse::json(201, toJson(d)); });
    });

    // What floor staff may void and discount by themselves; a manager sets it.
    const auto limitsJson = [](const StaffLimits &l) {
        return HttpResponse::json(QJsonObject{{u"void_limit"_s, l.voidWon}, {u"discount_limit"_s, l.discountWon}});
    };
    server.route(Method::Get, u"/api/v1/staff-limits"_s, {Access::FloorStaff}, [&visits, limitsJson](HttpRequest &) {
        return http::respond(visits.staffLimits(), limitsJson);
    });
    server.route(Method::Put, u"/api/v1/staff-limits"_s, {Access::Manager}, [&visits, limitsJson](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"void_limit"_s, u"discount_limit"_s}); !ok)
            return HttpResponse::error(ok.error());
        auto voidLimit = json::requireInt(*body, u"void_limit"_s, 0, 100'000'000);
        if (!voidLimit)
            return HttpResponse::error(voidLimit.error());
        auto discountLimit = json::requireInt(*body, u"discount_limit"_s, 0, 100'000'000);
        if (!discountLimit)
            return HttpResponse::error(discountLimit.error());
        return http::respond(visits.setStaffLimits(Principal::fromClaims(req.claims), {*voidLimit, *discountLimit}),
                             limitsJson);
    });

    server.route(Method::Post, u"/api/v1/tables/{id}/move"_s, {Access::FloorStaff}, [&visits](HttpRequest &req) {
        if (!req.idParam())
            return noTable();
        auto to = tableField(req, u"to_table"_s);
        if (!to)
            return HttpResponse::error(to.error());
        return http::respond(visits.move(Principal::fromClaims(req.claims), req.idParam(), *to),
                             [](const MovedVisit &m) { return HttpResponse::json(movedJson(m)); });
    });

    server.route(Method::Post, u"/api/v1/tables/{id}/merge"_s, {Access::FloorStaff}, [&visits](HttpRequest &req) {
        if (!req.idParam())
            return noTable();
        auto from = tableField(req, u"from_table"_s);
        if (!from)
            return HttpResponse::error(from.error());
        return http::respond(visits.merge(Principal::fromClaims(req.claims), req.idParam(), *from),
                             [](const MovedVisit &m) { return HttpResponse::json(movedJson(m)); });
    });

    server.route(Method::Post, u"/api/v1/tables/{id}/close-session"_s, {Access::FloorStaff}, [&visits](HttpRequest &req) {
        if (!req.idParam())
            return noTable();
        auto request = closeRequestFromJson(req);
        if (!request)
            return HttpResponse::error(request.error());
        return http::respond(visits.close(Principal::fromClaims(req.claims), req.idParam(), *request),
                             [](const ClosedSession &c) {
                                 return HttpResponse::json(QJsonObject{
                                         {u"table_id"_s, c.tableId},
                                         {u"table_number"_s, c.tableNumber},
                                         {u"session_id"_s, c.sessionId},
                                         {u"closed_at"_s, timestampJson(c.closedAt)},
                                         {u"close"_s, c.kind},
                                         {u"reason"_s, c.reason.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                          : QJsonValue(c.reason)}});
                             });
    });

    server.route(Method::Post, u"/api/v1/business-days/{date}/close"_s, {Access::Manager}, [&days](HttpRequest &req) {
        auto request = closeRequestFromJson(req);
        if (!request)
            return HttpResponse::error(request.error());
        return http::respond(days.close(Principal::fromClaims(req.claims), req.params.value(0), request->force,
                                        request->reason),
                             [](const QJsonObject &report) { return HttpResponse::json(report); });
    });

    server.route(Method::Get, u"/api/v1/business-days/{date}/report"_s, {Access::Manager}, [&days](HttpRequest &req) {
        return http::respond(days.report(req.params.value(0)),
                             [](const QJsonObject &report) { return HttpResponse::json(report); });
    });
}

} // namespace tableorder::edge
