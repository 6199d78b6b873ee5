#include "access.h"
#include "edgeconfig.h"
#include "http/ratelimiter.h"
#include "routes.h"
#include "services/authservice.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

http::HttpResponse rateLimited(int retryAfterSeconds)
{
    return http::HttpResponse::error({ErrorCode::RateLimited,
                                      u"too many requests; retry after %1 s"_s.arg(retryAfterSeconds),
                                      QJsonObject{{u"retry_after"_s, retryAfterSeconds}}})
            .withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
}

namespace {

int roleBit(Role role)
{
    switch (role) {
    case Role::Table: return Access::TableOnly;
    case Role::Kitchen: return Access::Kitchen;
    case Role::Manager: return Access::Manager;
    case Role::Staff: return Access::Floor;
    }
    return 0;
}

/// What FORBIDDEN says: "manager", "table", "kitchen or manager", "staff or manager",
/// "kitchen, staff or manager".
QString requiredRoles(int roles)
{
    switch (roles) {
    case Access::Manager: return u"manager"_s;
    case Access::TableOnly: return u"table"_s;
    case Access::KitchenStaff: return u"kitchen or manager"_s;
    case Access::FloorStaff: return u"staff or manager"_s;
    case Access::AnyStaff: return u"kitchen, staff or manager"_s;
    default: return u"another role"_s;
    }
}

QByteArray bearerToken(const http::HttpRequest &request)
{
    const QByteArray header = request.header("authorization");
    if (header.size() > 7 && header.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return header.sliced(7).trimmed();
    // For clients that cannot set headers (EventSource, WebSocket in browsers).
    return request.query(u"access_token"_s).toLatin1();
}

} // namespace

http::HttpServer::Authorizer makeAuthorizer(RouteContext &ctx)
{
    return [&ctx](http::HttpRequest &request, int access) -> std::optional<http::HttpResponse> {
        const int roles = access & Access::AnyPrincipal;
        if (roles == Access::Public)
            return std::nullopt;
        auto principal = ctx.auth.authenticate(bearerToken(request));
        if (!principal)
            return http::HttpResponse::error(principal.error());
        if (!(roles & roleBit(principal->role)))
            return http::HttpResponse::error(
                    {ErrorCode::Forbidden, u"this needs the role: %1"_s.arg(requiredRoles(roles)), {}});
        const bool orderRate = access & Access::OrderRate;
        const auto retry = orderRate
                ? ctx.limiter.take(u"orders:"_s + principal->subject, ctx.config.rates.ordersPerMinute, 60)
                : ctx.limiter.take(u"token:"_s + principal->subject, ctx.config.rates.requestsPerMinute, 60);
        if (retry)
            return rateLimited(*retry);
        request.claims = principal->claims();
        return std::nullopt;
    };
}

} // namespace tableorder::edge
