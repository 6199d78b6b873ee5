#include "access.h"
#include "edgeconfig.h"
#include "http/ratelimiter.h"
#include "json.h"
#include "routes.h"
#include "services/authservice.h"

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {

/// Logins are limited per client address and per account, so neither guessing one
/// account from many addresses nor many accounts from one address gets far.
std::optional<HttpResponse> loginLimited(RouteContext &ctx, const HttpRequest &request,
                                         const QString &account)
{
    const int limit = ctx.config.rates.loginsPerMinute;
    if (auto retry = ctx.limiter.take(u"login-ip:"_s + request.peer().toString(), limit, 60))
        return rateLimited(*retry);
    if (auto retry = ctx.limiter.take(u"login-account:"_s + account, limit, 60))
        return rateLimited(*retry);
    return std::nullopt;
}

QJsonObject tokenJson(const IssuedToken &issued)
{
    return {{u"token"_s, issued.token}, {u"expires_at"_s, timestampJson(issued.expiresAt)}};
}

} // namespace

void registerAuthRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;

    server.route(Method::Post, u"/api/v1/auth/table-login"_s, {Access::Public}, [&ctx](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        auto number = json::requireInt(*body, u"table_number"_s, 1, 9999);
        if (!number)
            return HttpResponse::error(number.error());
        auto password = json::requireString(*body, u"password"_s, 1, 256, false);
        if (!password)
            return HttpResponse::error(password.error());
        if (auto limited = loginLimited(ctx, req, u"table:%1"_s.arg(*number)))
            return *limited;
        return http::respond(ctx.auth.tableLogin(int(*number), *password), [](const IssuedToken &t) {
            QJsonObject out = tokenJson(t);
            out.insert(u"table"_s, QJsonObject{{u"id"_s, t.principal.tableId}, {u"number"_s, t.tableNumber}});
            return HttpResponse::json(out);
        });
    });

    server.route(Method::Post, u"/api/v1/auth/staff-login"_s, {Access::Public}, [&ctx](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        auto username = json::requireString(*body, u"username"_s, 1, 64);
        if (!username)
            return HttpResponse::error(username.error());
        auto password = json::requireString(*body, u"password"_s, 1, 256, false);
        if (!password)
            return HttpResponse::error(password.error());
        if (auto limited = loginLimited(ctx, req, u"staff:"_s + *username))
            return *limited;
        return http::respond(ctx.auth.staffLogin(*username, *password), [](const IssuedToken &t) {
            QJsonObject out = tokenJson(t);
            out.insert(u"role"_s, roleName(t.principal.role));
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
