#include "http/logingate.h"
#include "json.h"
#include "routes.h"
#include "services/hqauthservice.h"
#include "services/livefeed.h"
#include "services/relayhub.h"
#include "services/storeservice.h"
#include "services/streamtickets.h"
#include "storage/ingestrepository.h"

#include <QJsonArray>
#include <QTcpSocket>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

http::HttpServer::Authorizer makeCentralAuthorizer(CentralContext &ctx)
{
    return [&ctx](HttpRequest &request, int access) -> std::optional<HttpResponse> {
        if (access == HqPublic || access == StoreKey)
            return std::nullopt;
        // The token only ever comes in the Authorization header: a token in a URL ends up
        // in proxy logs and browser history. An event stream (EventSource sends no headers)
        // opens with a single-use ticket instead.
        QByteArray token = request.header("authorization");
        if (token.size() > 7 && token.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
            token = token.sliced(7).trimmed();
        else
            token.clear();
        const QString ticket = (access & HqStreamTicket) && token.isEmpty() ? request.query(u"ticket"_s) : QString();
        auto who = ticket.isEmpty() ? ctx.auth.authenticate(token) : ctx.tickets.redeem(ticket.toLatin1());
        if (!who)
            return HttpResponse::error(who.error());
        // A ticket carries the claims of the token it was issued for: a token revoked since
        // (logout, password, role, disable) opens no stream with it.
        if (!ticket.isEmpty()) {
            if (auto valid = ctx.auth.stillValid(*who); !valid)
                return HttpResponse::error(valid.error());
        }
        if (access == HqAdmin && !who->isAdmin())
            return HttpResponse::error({ErrorCode::Forbidden, u"this needs the role: hq_admin"_s, {}});
        request.claims = who->claims();
        return std::nullopt;
    };
}

void registerHqRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;

    // Failed logins are limited per user and per client address (behind nginx: the address
    // X-Forwarded-For gives, see --trusted-proxy); argon2id runs on a worker (http::LoginGate).
    server.routeAsync(Method::Post, u"/api/v1/auth/login"_s, {HqPublic}, [&ctx](HttpRequest &req, http::Reply reply) {
        auto body = json::parseObject(req.body());
        if (!body)
            return reply.send(HttpResponse::error(body.error()));
        auto username = json::requireString(*body, u"username"_s, 1, 64);
        if (!username)
            return reply.send(HttpResponse::error(username.error()));
        auto password = json::requireString(*body, u"password"_s, 1, 256, false);
        if (!password)
            return reply.send(HttpResponse::error(password.error()));
        auto candidate = ctx.auth.loginCandidate(*username);
        if (!candidate)
            return reply.send(HttpResponse::error(candidate.error()));
        ctx.logins.check(u"hq:"_s + *username, req.peer(), candidate->passwordHash, *password, reply,
                         [&ctx, candidate = *candidate]() -> Result<HttpResponse> {
                             auto login = ctx.auth.completeLogin(candidate);
                             if (!login)
                                 return fail(login.error());
                             return HttpResponse::json(QJsonObject{
                                     {u"token"_s, login->token},
                                     {u"expires_at"_s, timestampJson(login->expiresAt)},
                                     {u"role"_s, login->principal.role},
                                     {u"store_id"_s, login->principal.storeId ? QJsonValue(login->principal.storeId)
                                                                              : QJsonValue(QJsonValue::Null)},
                                     {u"store_ids"_s, login->principal.claims().value(u"stores"_s).toArray()}});
                         });
    });

    // Revokes the calling token only; the user's other sessions stay.
    server.route(Method::Post, u"/api/v1/auth/logout"_s, {HqAny}, [&ctx](HttpRequest &req) {
        auto done = ctx.auth.logout(HqPrincipal::fromClaims(req.claims));
        return done ? HttpResponse::noContent() : HttpResponse::error(done.error());
    });

    server.route(Method::Get, u"/api/v1/stores"_s, {HqAny}, [&ctx](HttpRequest &req) {
        return http::respond(ctx.stores.list(HqPrincipal::fromClaims(req.claims)), [&ctx](const QList<StoreRecord> &list) {
            QJsonArray stores;
            for (const StoreRecord &s : list)
                stores.append(ctx.stores.toJson(s));
            return HttpResponse::json(QJsonObject{{u"stores"_s, stores}});
        });
    });

    server.route(Method::Get, u"/api/v1/stores/{id}"_s, {HqAny}, [&ctx](HttpRequest &req) {
        return http::respond(ctx.stores.get(HqPrincipal::fromClaims(req.claims), req.idParam()),
                             [&ctx](const StoreRecord &s) { return HttpResponse::json(ctx.stores.toJson(s)); });
    });

    server.route(Method::Post, u"/api/v1/stores"_s, {HqAdmin}, [&ctx](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        auto name = json::requireString(*body, u"name"_s, 1, 100);
        if (!name)
            return HttpResponse::error(name.error());
        auto zone = json::optionalString(*body, u"timezone"_s, 64, u"Asia/Seoul"_s);
        if (!zone)
            return HttpResponse::error(zone.error());
        return http::respond(ctx.stores.registerStore(HqPrincipal::fromClaims(req.claims), *name, *zone),
                             [](const RegisteredStore &r) {
                                 return HttpResponse::json(201, QJsonObject{{u"id"_s, r.store.id},
                                                                            {u"name"_s, r.store.name},
                                                                            {u"timezone"_s, r.store.timezone},
                                                                            {u"store_key"_s, r.storeKey}});
                             });
    });

    server.route(Method::Post, u"/api/v1/stores/{id}/key"_s, {HqAdmin}, [&ctx](HttpRequest &req) {
        return http::respond(ctx.stores.rotateKey(HqPrincipal::fromClaims(req.claims), req.idParam()),
                             [&ctx, &req](const QString &key) {
                                 // The old key stops working at once, its guest relay too.
                                 ctx.relay.disconnectStore(req.idParam());
                                 return HttpResponse::json(QJsonObject{{u"store_key"_s, key}});
                             });
    });

    server.route(Method::Get, u"/api/v1/dead-letters"_s, {.access = HqAny, .query = {u"store_id"_s}}, [&ctx](HttpRequest &req) {
        const HqPrincipal who = HqPrincipal::fromClaims(req.claims);
        qint64 storeId = 0; // every store of the organisation
        if (req.hasQuery(u"store_id"_s)) {
            bool ok = false;
            storeId = req.query(u"store_id"_s).toLongLong(&ok);
            if (!ok || storeId <= 0)
                return HttpResponse::error(Error::validation(u"store_id"_s, u"store_id must be a positive integer"_s));
        }
        // A store's own viewer sees that store only, whatever it asks for.
        if (!who.isAdmin()) {
            if (storeId && !who.canSee(storeId))
                return HttpResponse::error(Error{ErrorCode::Forbidden, u"this account sees its own stores only"_s, {}});
            if (!storeId && who.stores.size() > 1)
                return HttpResponse::error(Error::validation(u"store_id"_s, u"this account sees several stores: choose one with store_id"_s));
            storeId = storeId ? storeId : who.storeId;
        }
        return http::respond(ctx.ingest.deadLetters(who.orgId, storeId),
                             [](const QList<DeadLetter> &rows) {
                                 QJsonArray out;
                                 for (const DeadLetter &d : rows)
                                     out.append(QJsonObject{{u"id"_s, d.id}, {u"store_id"_s, d.storeId},
                                                            {u"seq"_s, d.seq}, {u"type"_s, d.type},
                                                            {u"error"_s, d.error}, {u"received_at"_s, d.receivedAt}});
                                 return HttpResponse::json(QJsonObject{{u"dead_letters"_s, out}});
                             });
    });

    server.route(Method::Post, u"/api/v1/feed/stream-ticket"_s, {HqAny}, [&ctx](HttpRequest &req) {
        return http::respond(ctx.tickets.issue(HqPrincipal::fromClaims(req.claims)), [](const StreamTicket &t) {
            return HttpResponse::json(201, QJsonObject{{u"ticket"_s, t.ticket},
                                                       {u"expires_at"_s, timestampJson(t.expiresAt)},
                                                       {u"expires_in_s"_s, StreamTicketService::kTicketSeconds}});
        });
    });

    server.routeStream(Method::Get, u"/api/v1/feed"_s, {.access = HqAny | HqStreamTicket, .query = {u"since"_s, u"ticket"_s}}, [&ctx](HttpRequest &req, QTcpSocket *socket) {
        // Where a reconnecting dashboard resumes: `since` (EventSource's own reconnect would
        // send Last-Event-ID, but a ticket opens one stream, so the page passes it itself).
        QString since = req.query(u"since"_s);
        if (since.isEmpty())
            since = QString::fromLatin1(req.header("last-event-id"));
        ctx.feed.subscribe(HqPrincipal::fromClaims(req.claims), socket, LiveFeed::parseCursor(since));
    });
}

} // namespace tableorder::central
