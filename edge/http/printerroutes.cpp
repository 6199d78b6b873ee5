#include "access.h"
#include "edgejson.h"
#include "json.h"
#include "routes.h"
#include "services/printerservice.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {

QJsonObject toJson(const Printer &p)
{
    return {{u"id"_s, p.id},
            {u"name"_s, p.name},
            {u"host"_s, p.host},
            {u"port"_s, p.port},
            {u"paper_mm"_s, p.paperMm},
            {u"encoding"_s, p.encoding},
            {u"stations"_s, QJsonArray::fromStringList(p.stations)},
            {u"status"_s, p.status},
            {u"status_at"_s, timestampJson(p.statusAt)},
            {u"queued"_s, p.queued}};
}

QJsonObject toJson(const StationMode &m)
{
    return {{u"station"_s, m.station}, {u"mode"_s, m.mode}, {u"fallback_seconds"_s, m.fallbackSeconds}};
}

QJsonObject toJson(const PrintJob &j)
{
    return {{u"id"_s, j.id},
            {u"printer_id"_s, j.printerId},
            {u"order_id"_s, j.orderId > 0 ? QJsonValue(j.orderId) : QJsonValue()},
            {u"station"_s, j.station},
            {u"kind"_s, j.kind},
            {u"status"_s, j.status},
            {u"attempts"_s, j.attempts},
            {u"last_error"_s, j.lastError.isEmpty() ? QJsonValue() : QJsonValue(j.lastError)},
            {u"created_at"_s, timestampJson(j.createdAt)},
            {u"printed_at"_s, timestampJson(j.printedAt)}};
}

/// POST and PUT take the whole printer; absent fields take their defaults.
Result<PrinterInput> printerInput(const QByteArray &body)
{
    auto object = json::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = json::allowOnly(*object, {u"name"_s, u"host"_s, u"port"_s, u"paper_mm"_s, u"encoding"_s,
                                            u"stations"_s});
        !ok)
        return fail(ok.error());
    PrinterInput in;
    auto name = json::requireString(*object, u"name"_s, 1, 60);
    if (!name)
        return fail(name.error());
    in.name = *name;
    auto host = json::requireString(*object, u"host"_s, 1, 253);
    if (!host)
        return fail(host.error());
    in.host = *host;
    if (object->contains(u"port"_s)) {
        auto port = json::requireInt(*object, u"port"_s, 1, 65535);
        if (!port)
            return fail(port.error());
        in.port = int(*port);
    }
    if (object->contains(u"paper_mm"_s)) {
        auto paper = json::requireInt(*object, u"paper_mm"_s, 58, 80);
        if (!paper)
            return fail(paper.error());
        in.paperMm = int(*paper);
    }
    auto encoding = json::optionalString(*object, u"encoding"_s, 16, u"cp949"_s);
    if (!encoding)
        return fail(encoding.error());
    in.encoding = encoding->toLower();
    if (object->contains(u"stations"_s)) {
        auto stations = json::requireArray(*object, u"stations"_s);
        if (!stations)
            return fail(stations.error());
        for (const QJsonValue &v : std::as_const(*stations)) {
            if (!v.isString())
                return fail(Error::validation(u"stations"_s, u"stations must be an array of station names"_s));
            in.stations.append(v.toString());
        }
    }
    return in;
}

} // namespace

void registerPrinterRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    Q_ASSERT(ctx.printers);
    PrinterService &printers = *ctx.printers;

    server.route(Method::Get, u"/api/v1/printers"_s, {Access::AnyStaff}, [&printers](HttpRequest &) {
        return http::respond(printers.printers(), [](const QList<Printer> &list) {
            QJsonArray array;
            for (const Printer &p : list)
                array.append(toJson(p));
            return HttpResponse::json(QJsonObject{{u"printers"_s, array}});
        });
    });

    server.route(Method::Post, u"/api/v1/printers"_s, {Access::Manager}, [&printers](HttpRequest &req) {
        auto input = printerInput(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        return http::respond(printers.add(*input), [](const Printer &p) { return HttpResponse::json(201, toJson(p)); });
    });

    server.route(Method::Put, u"/api/v1/printers/{id}"_s, {Access::Manager}, [&printers](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"printer"_s));
        auto input = printerInput(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        return http::respond(printers.update(req.idParam(), *input),
                             [](const Printer &p) { return HttpResponse::json(toJson(p)); });
    });

    server.route(Method::Delete, u"/api/v1/printers/{id}"_s, {Access::Manager}, [&printers](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"printer"_s));
        if (auto ok = printers.remove(req.idParam()); !ok)
            return HttpResponse::error(ok.error());
        return HttpResponse::noContent();
    });

    server.route(Method::Post, u"/api/v1/printers/{id}/test"_s, {Access::Manager}, [&printers](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"printer"_s));
        return http::respond(printers.testPrint(req.idParam()), [](qint64 job) {
            return HttpResponse::json(202, QJsonObject{{u"job_ids"_s, QJsonArray{job}}});
        });
    });

    server.route(Method::Get, u"/api/v1/stations"_s, {Access::AnyStaff}, [&printers](HttpRequest &) {
        return http::respond(printers.stations(), [](const QList<StationMode> &list) {
            QJsonArray array;
            for (const StationMode &m : list)
                array.append(toJson(m));
            return HttpResponse::json(QJsonObject{{u"stations"_s, array}});
        });
    });

    server.route(Method::Get, u"/api/v1/stations/{station}/mode"_s, {Access::AnyStaff}, [&printers](HttpRequest &req) {
        return http::respond(printers.stationMode(req.params.value(0)),
                             [](const StationMode &m) { return HttpResponse::json(toJson(m)); });
    });

    server.route(Method::Put, u"/api/v1/stations/{station}/mode"_s, {Access::Manager}, [&printers](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"mode"_s, u"fallback_seconds"_s}); !ok)
            return HttpResponse::error(ok.error());
        auto mode = json::requireString(*body, u"mode"_s, 1, 16);
        if (!mode)
            return HttpResponse::error(mode.error());
        qint64 seconds = 15;
        if (body->contains(u"fallback_seconds"_s)) {
            auto s = json::requireInt(*body, u"fallback_seconds"_s, 1, 3600);
            if (!s)
                return HttpResponse::error(s.error());
            seconds = *s;
        }
        return http::respond(printers.setStationMode(req.params.value(0), *mode, int(seconds)),
                             [](const StationMode &m) { return HttpResponse::json(toJson(m)); });
    });

    server.route(Method::Post, u"/api/v1/orders/{id}/reprint"_s, {Access::KitchenStaff}, [&printers](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"order"_s));
        QString station;
        if (!req.body().trimmed().isEmpty()) {
            auto body = json::parseObject(req.body());
            if (!body)
                return HttpResponse::error(body.error());
            if (auto ok = json::allowOnly(*body, {u"station"_s}); !ok)
                return HttpResponse::error(ok.error());
            auto s = json::optionalString(*body, u"station"_s, 32);
            if (!s)
                return HttpResponse::error(s.error());
            station = *s;
        }
        return http::respond(printers.reprint(Principal::fromClaims(req.claims), req.idParam(), station),
                             [](const QList<qint64> &ids) {
                                 QJsonArray array;
                                 for (qint64 id : ids)
                                     array.append(id);
                                 return HttpResponse::json(202, QJsonObject{{u"job_ids"_s, array}});
                             });
    });

    server.route(Method::Get, u"/api/v1/print-jobs"_s, {.access = Access::Manager, .query = {u"status"_s, u"limit"_s, u"offset"_s}}, [&printers](HttpRequest &req) {
        auto page = pageFromQuery(req, 100, 1000);
        if (!page)
            return HttpResponse::error(page.error());
        return http::respond(printers.jobs(req.query(u"status"_s), page->first), [](const QList<PrintJob> &list) {
            QJsonArray array;
            for (const PrintJob &j : list)
                array.append(toJson(j));
            return HttpResponse::json(QJsonObject{{u"jobs"_s, array}});
        });
    });
}

} // namespace tableorder::edge
