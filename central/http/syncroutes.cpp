#include "centralconfig.h"
#include "http/ratelimiter.h"
#include "routes.h"
#include "services/fleetservice.h"
#include "services/menupublisher.h"
#include "services/storeservice.h"
#include "services/syncservice.h"
#include "sync.pb.h"
#include "sync/syncmessages.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

namespace {

constexpr auto protobufType = "application/x-protobuf";

HttpResponse protobuf(int status, const google::protobuf::MessageLite &message)
{
    return HttpResponse::raw(status, protobufType, QByteArray::fromStdString(message.SerializeAsString()));
}

} // namespace

Result<StoreRecord> storeFromKey(CentralContext &ctx, const HttpRequest &req)
{
    QByteArray auth = req.header("authorization");
    if (auth.size() <= 7 || auth.first(7).compare("bearer ", Qt::CaseInsensitive) != 0)
        return fail(ErrorCode::Unauthenticated, u"send the store key as Authorization: Bearer"_s);
    return ctx.stores.byKey(QString::fromLatin1(auth.sliced(7).trimmed()));
}

void registerSyncRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;

    server.routeAsync(Method::Post, u"/sync/v1/events"_s, {StoreKey, {protobufType}, kMaxBatchBytes + 64 * 1024},
                      [&ctx](HttpRequest &req, http::Reply reply) {
        auto store = storeFromKey(ctx, req);
        if (!store)
            return reply.send(HttpResponse::error(store.error()));
        if (auto retry = ctx.limiter.take(u"upload:%1"_s.arg(store->id), ctx.config.uploadsPerMinute, 60))
            return reply.send(HttpResponse::error({ErrorCode::RateLimited, u"too many uploads; retry later"_s, {}})
                                      .withHeader("Retry-After", QByteArray::number(*retry)));
        sync::v1::UploadRequest request;
        const QByteArray body = req.body();
        if (!request.ParseFromArray(body.constData(), int(body.size())))
            return reply.send(HttpResponse::error(Error::validation(u"body"_s, u"not an UploadRequest protobuf"_s)));
        // Health snapshots first, in their own transaction: a store whose events are
        // refused (a newer schema) still reports its health.
        sync::UploadBatch batch = sync::fromProto(request);
        batch.encoded = sync::receivedJson(request, batch.events);
        auto healthAcked = ctx.fleet.ingest(*store, batch);
        if (!healthAcked && healthAcked.error().code != ErrorCode::Internal)
            return reply.send(HttpResponse::error(healthAcked.error()));
        // The events join the next group commit; the answer comes after it.
        ctx.sync.uploadLater(*store, std::move(batch),
                             [reply, healthAckedId = healthAcked.value_or(0)](const Result<UploadOutcome> &outcome) {
            if (!outcome) {
                if (outcome.error().code == ErrorCode::Internal)
                    return reply.send(HttpResponse::error({ErrorCode::Unavailable, u"could not apply the batch; retry"_s, {}})
                                              .withHeader("Retry-After", "2"));
                return reply.send(HttpResponse::error(outcome.error()));
            }
            UploadOutcome answered = *outcome;
            answered.healthAckedId = healthAckedId;
            sync::v1::UploadResponse response;
            sync::toProto(answered, &response);
            if (answered.isConflict())
                return reply.send(protobuf(409, response)
                                          .withHeader("X-Expected-Seq", QByteArray::number(answered.expectedSeq))
                                          .withHeader("X-Error-Code", answered.code().toLatin1()));
            reply.send(protobuf(200, response));
        });
    });

    // Long poll: answers at once when a version newer than `after` is published, else
    // waits up to long-poll-ms and answers 204.
    server.routeAsync(Method::Get, u"/sync/v1/menu"_s, {.access = StoreKey, .query = {u"after"_s, u"wait"_s}}, [&ctx](HttpRequest &req, http::Reply reply) {
        auto store = storeFromKey(ctx, req);
        if (!store)
            return reply.send(HttpResponse::error(store.error()));
        const qint64 after = req.query(u"after"_s).toLongLong();
        const int wait = req.query(u"wait"_s) == u"0"_s ? 0 : ctx.config.longPollMs;
        ctx.menus.waitForVersion(store->id, after, wait, [reply, &ctx, orgId = store->orgId, storeId = store->id](qint64 version, const QByteArray &json) {
            if (version == 0)
                return reply.send(HttpResponse::noContent());
            sync::v1::MenuUpdate update;
            update.set_version(version);
            update.set_menu_json(json.toStdString());
            // The settings as they are now, not when the poll began (issue 17).
            if (auto now = ctx.stores.current(orgId, storeId); now)
                update.set_store_json(QJsonDocument(QJsonObject{{u"name"_s, now->name},
                                                                {u"timezone"_s, now->timezone},
                                                                {u"business_day_cutoff_hour"_s, now->businessDayCutoffHour}})
                                              .toJson(QJsonDocument::Compact)
                                              .toStdString());
            reply.send(protobuf(200, update));
        }, &ctx.menus);
    });
}

} // namespace tableorder::central
