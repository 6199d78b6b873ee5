#include "access.h"
#include "edgejson.h"
#include "routes.h"
#include "services/eventlog.h"
#include "storage/eventrepository.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {

/// `from`, `to`, `actor` (a staff id, `table:N` or `cli`), `after` (seq) and `limit`.
Result<AuditFilter> auditFilterFromQuery(const HttpRequest &req, const QTimeZone &zone)
{
    AuditFilter filter;
    auto range = timeRangeFromQuery(req, zone);
    if (!range)
        return fail(range.error());
    std::tie(filter.from, filter.to) = *range;
    auto page = pageFromQuery(req, 100, 1000);
    if (!page)
        return fail(page.error());
    filter.limit = page->first;
    if (req.hasQuery(u"after"_s)) {
        bool ok = false;
        filter.after = req.query(u"after"_s).toLongLong(&ok);
        if (!ok || filter.after < 0)
            return fail(Error::validation(u"after"_s, u"after must be an event seq (a non-negative integer)"_s));
    }
    if (req.hasQuery(u"actor"_s)) {
        static const QRegularExpression staff(u"^[1-9][0-9]{0,17}$"_s);
        static const QRegularExpression table(u"^table:([1-9][0-9]{0,3})$"_s);
        const QString actor = req.query(u"actor"_s);
        if (staff.match(actor).hasMatch()) {
            filter.actorKind = u"staff"_s;
            filter.staffId = actor.toLongLong();
        } else if (const auto m = table.match(actor); m.hasMatch()) {
            filter.actorKind = u"table"_s;
            filter.tableNumber = m.captured(1).toInt();
        } else if (actor == u"cli"_s) {
            filter.actorKind = u"cli"_s;
        } else {
            return fail(Error::validation(u"actor"_s, u"actor must be a staff id, table:N or cli"_s));
        }
    }
    return filter;
}

} // namespace

void registerAuditRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    Q_ASSERT(ctx.events);

    server.route(Method::Get, u"/api/v1/audit"_s, {.access = Access::Manager, .query = {u"from"_s, u"to"_s, u"limit"_s, u"offset"_s, u"after"_s, u"actor"_s}}, [&ctx](HttpRequest &req) {
        auto filter = auditFilterFromQuery(req, ctx.zone);
        if (!filter)
            return HttpResponse::error(filter.error());
        const int limit = filter->limit;
        return http::respond(ctx.events->audit(*filter), [limit](const QList<Event> &events) {
            QJsonArray array;
            for (const Event &event : events)
                array.append(event.toJson());
            // A full page may have more after it: the next page starts after its last seq.
            const QJsonValue next = events.size() == limit ? QJsonValue(events.last().seq) : QJsonValue();
            return HttpResponse::json(QJsonObject{{u"events"_s, array}, {u"next_after"_s, next}});
        });
    });
}

} // namespace tableorder::edge
