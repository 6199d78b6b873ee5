#include "access.h"
#include "edgejson.h"
#include "json.h"
#include "kitchentimes.h"
#include "routes.h"
#include "services/menuservice.h"
#include "services/orderservice.h"


using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {
/// `{"station": "bar"}`; `required` false: an empty body or no station is every station ("").
Result<QString> stationFromBody(const QByteArray &body, bool required)
{
    if (!required && body.trimmed().isEmpty())
        return QString();
    auto object = json::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = json::allowOnly(*object, {u"station"_s}); !ok)
        return fail(ok.error());
    auto station = required ? json::requireString(*object, u"station"_s, 1, 32)
                            : json::optionalString(*object, u"station"_s, 32);
    if (!station)
        return fail(station.error());
    if ((required || !station->isEmpty()) && !MenuService::isValidStation(*station))
        return fail(Error::validation(u"station"_s, u"station must be a station name (letters, digits, - or _)"_s));
    return *station;
}
} // namespace

void registerOrderRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    OrderService &orders = ctx.orders;

    // Answered after the group commit that makes the order durable (OrderService).
    server.routeAsync(Method::Post, u"/api/v1/orders"_s, {Access::TableOnly | Access::OrderRate},
                      [&orders](HttpRequest &req, http::Reply reply) {
                          auto input = orderInputFromJson(req.body());
                          if (!input)
                              return reply.send(HttpResponse::error(input.error()));
                          orders.placeLater(Principal::fromClaims(req.claims), *input,
                                            [reply](const Result<PlacedOrder> &placed) {
                                                reply.send(http::respond(placed, [](const PlacedOrder &p) {
                                                    return HttpResponse::json(p.created ? 201 : 200, p.json);
                                                }));
                                            });
                      });

    // Floor staff order for a table (a guest without the tablet, a dish added at the table):
    // the same order, its lines' origin the staff member.
    server.routeAsync(Method::Post, u"/api/v1/tables/{id}/orders"_s, {Access::FloorStaff},
                      [&orders](HttpRequest &req, http::Reply reply) {
                          if (!req.idParam())
                              return reply.send(HttpResponse::error(Error::notFound(u"table"_s)));
                          auto input = orderInputFromJson(req.body());
                          if (!input)
                              return reply.send(HttpResponse::error(input.error()));
                          Principal placer = Principal::fromClaims(req.claims);
                          placer.tableId = req.idParam();
                          orders.placeLater(placer, *input, [reply](const Result<PlacedOrder> &placed) {
                              reply.send(http::respond(placed, [](const PlacedOrder &p) {
                                  return HttpResponse::json(p.created ? 201 : 200, p.json);
                              }));
                          });
                      });

    server.route(Method::Get, u"/api/v1/orders"_s, {.access = Access::AnyPrincipal, .query = {u"status"_s, u"stations"_s, u"from"_s, u"to"_s, u"limit"_s, u"offset"_s}}, [&ctx, &orders](HttpRequest &req) {
        auto filter = orderFilterFromQuery(req, ctx.zone);
        if (!filter)
            return HttpResponse::error(filter.error());
        return http::respond(orders.list(Principal::fromClaims(req.claims), *filter), [](const QList<Order> &list) {
            // Written directly: staff screens poll this, up to 200 orders at a time.
            QByteArray body = "{\"orders\":[";
            for (qsizetype i = 0; i < list.size(); ++i) {
                if (i > 0)
                    body += ',';
                appendJson(body, list.at(i));
            }
            body += "]}";
            return HttpResponse::raw(200, "application/json", std::move(body));
        });
    });

    server.route(Method::Get, u"/api/v1/orders/{id}"_s, {Access::AnyPrincipal}, [&orders](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"order"_s));
        return http::respond(orders.get(Principal::fromClaims(req.claims), req.idParam()),
                             [](const Order &order) { return HttpResponse::json(toJson(order)); });
    });

    // Any staff: floor staff mark orders served (OrderService::changeStatus checks the rest).
    server.route(Method::Patch, u"/api/v1/orders/{id}"_s, {Access::AnyStaff}, [&orders](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"order"_s));
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        auto name = json::requireString(*body, u"status"_s, 1, 32);
        if (!name)
            return HttpResponse::error(name.error());
        const auto status = parseOrderStatus(*name);
        if (!status)
            return HttpResponse::error(Error::validation(
                    u"status"_s, u"status must be pending, preparing, completed, served or canceled"_s));
        return http::respond(orders.changeStatus(Principal::fromClaims(req.claims), req.idParam(), *status),
                             [](const Order &order) { return HttpResponse::json(toJson(order)); });
    });

    // Issue 14: lines done, a station done, recall (docs/api.md, "Order status").
    server.route(Method::Post, u"/api/v1/orders/{id}/lines/{itemId}/done"_s, {Access::KitchenStaff},
                 [&orders](HttpRequest &req) {
                     if (!req.idParam())
                         return HttpResponse::error(Error::notFound(u"order"_s));
                     if (!req.idParam(1))
                         return HttpResponse::error(Error::notFound(u"order line"_s));
                     return http::respond(orders.markDone(Principal::fromClaims(req.claims), req.idParam(),
                                                          req.idParam(1), {}),
                                          [](const Order &order) { return HttpResponse::json(toJson(order)); });
                 });

    server.route(Method::Post, u"/api/v1/orders/{id}/done"_s, {Access::KitchenStaff}, [&orders](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"order"_s));
        auto station = stationFromBody(req.body(), true);
        if (!station)
            return HttpResponse::error(station.error());
        return http::respond(orders.markDone(Principal::fromClaims(req.claims), req.idParam(), 0, *station),
                             [](const Order &order) { return HttpResponse::json(toJson(order)); });
    });

    server.route(Method::Post, u"/api/v1/orders/{id}/recall"_s, {Access::KitchenStaff}, [&orders](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"order"_s));
        auto station = stationFromBody(req.body(), false);
        if (!station)
            return HttpResponse::error(station.error());
        return http::respond(orders.recall(Principal::fromClaims(req.claims), req.idParam(), *station),
                             [](const Order &order) { return HttpResponse::json(toJson(order)); });
    });

    server.route(Method::Get, u"/api/v1/kitchen/times"_s, {.access = Access::Manager, .query = {u"from"_s, u"to"_s, u"by"_s}}, [&orders](HttpRequest &req) {
        auto query = kitchen::parseQuery(req.query(u"from"_s), req.query(u"to"_s), req.query(u"by"_s),
                                         orders.businessDate(QDateTime::currentDateTimeUtc()));
        if (!query)
            return HttpResponse::error(query.error());
        return http::respond(orders.kitchenTimes(query->from, query->to, query->byHour),
                             [](const QJsonObject &report) { return HttpResponse::json(report); });
    });
}

} // namespace tableorder::edge
