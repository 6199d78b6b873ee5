#include "access.h"
#include "edgejson.h"
#include "json.h"
#include "routes.h"
#include "services/principal.h"
#include "services/tableservice.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {

QJsonObject toJson(const TableInfo &table)
{
    return {{u"id"_s, table.id},
            {u"number"_s, table.number},
            {u"session_id"_s, table.openSessionId ? QJsonValue(table.openSessionId) : QJsonValue(QJsonValue::Null)},
            {u"session_opened_at"_s, timestampJson(table.sessionOpenedAt)},
            {u"order_count"_s, table.orderCount},
            {u"total"_s, table.total}};
}

HttpResponse noTable()
{
    return HttpResponse::error(Error::notFound(u"table"_s));
}

} // namespace

void registerTableRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    TableService &tables = ctx.tables;

    server.route(Method::Get, u"/api/v1/tables"_s, {Access::AnyStaff}, [&tables](HttpRequest &) {
        return http::respond(tables.overview(), [](const QList<TableInfo> &list) {
            QJsonArray array;
            for (const TableInfo &table : list)
                array.append(toJson(table));
            return HttpResponse::json(QJsonObject{{u"tables"_s, array}});
        });
    });

    server.route(Method::Post, u"/api/v1/tables"_s, {Access::Manager}, [&tables](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"number"_s, u"password"_s}); !ok)
            return HttpResponse::error(ok.error());
        auto number = json::requireInt(*body, u"number"_s, 1, 9999);
        if (!number)
            return HttpResponse::error(number.error());
        auto password = json::requireString(*body, u"password"_s, 4, 64, false);
        if (!password)
            return HttpResponse::error(password.error());
        return http::respond(tables.create(int(*number), *password, Principal::fromClaims(req.claims).actor()),
                             [](const TableInfo &t) { return HttpResponse::json(201, toJson(t)); });
    });

    server.route(Method::Put, u"/api/v1/tables/{id}"_s, {Access::Manager}, [&tables](HttpRequest &req) {
        if (!req.idParam())
            return noTable();
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"number"_s, u"password"_s}); !ok)
            return HttpResponse::error(ok.error());
        std::optional<int> number;
        std::optional<QString> password;
        if (body->contains(u"number"_s)) {
            auto n = json::requireInt(*body, u"number"_s, 1, 9999);
            if (!n)
                return HttpResponse::error(n.error());
            number = int(*n);
        }
        if (body->contains(u"password"_s)) {
            auto p = json::requireString(*body, u"password"_s, 4, 64, false);
            if (!p)
                return HttpResponse::error(p.error());
            password = *p;
        }
        return http::respond(tables.update(req.idParam(), number, password, Principal::fromClaims(req.claims).actor()),
                             [](const TableInfo &t) { return HttpResponse::json(toJson(t)); });
    });

    server.route(Method::Get, u"/api/v1/tables/{id}/history"_s, {.access = Access::Manager, .query = {u"from"_s, u"to"_s, u"limit"_s, u"offset"_s}}, [&ctx, &tables](HttpRequest &req) {
        if (!req.idParam())
            return noTable();
        auto range = timeRangeFromQuery(req, ctx.zone);
        if (!range)
            return HttpResponse::error(range.error());
        auto page = pageFromQuery(req, 50, 500);
        if (!page)
            return HttpResponse::error(page.error());
        const QDateTime from = range->first.isValid() ? range->first : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
        const QDateTime to = range->second.isValid() ? range->second
                                                      : QDateTime::currentDateTimeUtc().addYears(100);
        return http::respond(tables.history(req.idParam(), from, to, page->first, page->second),
                             [page](const HistoryPage &history) {
                                 QJsonArray orders;
                                 for (const QJsonObject &order : history.orders)
                                     orders.append(order);
                                 return HttpResponse::json(QJsonObject{{u"orders"_s, orders},
                                                                       {u"total"_s, history.total},
                                                                       {u"limit"_s, page->first},
                                                                       {u"offset"_s, page->second}});
                             });
    });
}

} // namespace tableorder::edge
