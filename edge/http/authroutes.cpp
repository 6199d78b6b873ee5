#include "access.h"
#include "http/logingate.h"
#include "json.h"
#include "routes.h"
#include "services/authservice.h"

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {

QJsonObject tokenJson(const IssuedToken &issued)
{
    return {{u"token"_s, issued.token}, {u"expires_at"_s, timestampJson(issued.expiresAt)}};
}

} // namespace

// Failed logins are limited per account (table:N, staff:NAME) and per client address
// (http::LoginThrottle); the password is checked on a worker thread (http::LoginGate), the
// database is read before and after on the event loop's thread. The edge has no proxy in
// front of it: the client address is the TCP peer, and X-Forwarded-For is never read.
void registerAuthRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;

    server.routeAsync(Method::Post, u"/api/v1/auth/table-login"_s, {Access::Public}, [&ctx](HttpRequest &req, http::Reply reply) {
        auto body = json::parseObject(req.body());
        if (!body)
            return reply.send(HttpResponse::error(body.error()));
        auto number = json::requireInt(*body, u"table_number"_s, 1, 9999);
        if (!number)
            return reply.send(HttpResponse::error(number.error()));
        auto password = json::requireString(*body, u"password"_s, 1, 256, false);
        if (!password)
            return reply.send(HttpResponse::error(password.error()));
        auto candidate = ctx.auth.tableCandidate(int(*number));
        if (!candidate)
            return reply.send(HttpResponse::error(candidate.error()));
        ctx.logins.check(u"table:%1"_s.arg(*number), req.peer(), candidate->passwordHash, *password, reply,
                         [&ctx, candidate = *candidate]() -> Result<HttpResponse> {
                             auto issued = ctx.auth.completeTableLogin(candidate);
                             if (!issued)
                                 return fail(issued.error());
                             QJsonObject out = tokenJson(*issued);
                             out.insert(u"table"_s, QJsonObject{{u"id"_s, issued->principal.tableId},
                                                                {u"number"_s, issued->tableNumber}});
                             return HttpResponse::json(out);
                         });
    });

    server.routeAsync(Method::Post, u"/api/v1/auth/staff-login"_s, {Access::Public}, [&ctx](HttpRequest &req, http::Reply reply) {
        auto body = json::parseObject(req.body());
        if (!body)
            return reply.send(HttpResponse::error(body.error()));
        auto username = json::requireString(*body, u"username"_s, 1, 64);
        if (!username)
            return reply.send(HttpResponse::error(username.error()));
        auto password = json::requireString(*body, u"password"_s, 1, 256, false);
        if (!password)
            return reply.send(HttpResponse::error(password.error()));
        auto candidate = ctx.auth.staffCandidate(*username);
        if (!candidate)
            return reply.send(HttpResponse::error(candidate.error()));
        ctx.logins.check(u"staff:"_s + *username, req.peer(), candidate->passwordHash, *password, reply,
                         [&ctx, candidate = *candidate]() -> Result<HttpResponse> {
                             auto issued = ctx.auth.completeStaffLogin(candidate);
                             if (!issued)
                                 return fail(issued.error());
                             QJsonObject out = tokenJson(*issued);
                             out.insert(u"role"_s, roleName(issued->principal.role));
                             return HttpResponse::json(out);
                         });
    });

    // Revokes the calling token only: a table's other tablets stay logged in.
    server.route(Method::Post, u"/api/v1/auth/logout"_s, {Access::AnyPrincipal}, [&ctx](HttpRequest &req) {
        auto done = ctx.auth.logout(Principal::fromClaims(req.claims));
        return done ? HttpResponse::noContent() : HttpResponse::error(done.error());
    });
}

} // namespace tableorder::edge
