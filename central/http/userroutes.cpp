#include "json.h"
#include "routes.h"
#include "services/hqaccountservice.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

namespace {

/// `store_ids`: an array of positive integers (absent: none).
Result<QList<qint64>> storeIdsOf(const QJsonObject &body)
{
    QList<qint64> out;
    const QJsonValue value = body.value(u"store_ids"_s);
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isArray() || value.toArray().size() > 1000)
        return fail(Error::validation(u"store_ids"_s, u"store_ids must be an array of store ids"_s));
    for (const QJsonValue &id : value.toArray()) {
        auto store = json::intValue(id, u"store_ids"_s, 1, qint64(1) << 53);
        if (!store)
            return fail(store.error());
        if (!out.contains(*store))
            out.append(*store);
    }
    std::sort(out.begin(), out.end());
    return out;
}

HttpResponse invitationJson(int status, const IssuedInvitation &invitation)
{
    return HttpResponse::json(status, QJsonObject{{u"user"_s, HqAccountService::toJson(invitation.user)},
                                                  {u"invitation"_s, QJsonObject{{u"token"_s, invitation.token},
                                                                                {u"expires_at"_s, timestampJson(invitation.expiresAt)}}}})
            .withHeader("Cache-Control", "no-store");
}

HttpResponse userJson(const HqUser &user)
{
    return HttpResponse::json(HqAccountService::toJson(user));
}

} // namespace

void registerUserRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;
    auto who = [](const HttpRequest &req) { return HqPrincipal::fromClaims(req.claims); };

    server.route(Method::Get, u"/api/v1/users"_s, {HqAdmin}, [&ctx, who](HttpRequest &req) {
        return http::respond(ctx.accounts.list(who(req)), [](const QList<HqUser> &users) {
            QJsonArray out;
            for (const HqUser &user : users)
                out.append(HqAccountService::toJson(user));
            return HttpResponse::json(QJsonObject{{u"users"_s, out}});
        });
    });

    server.route(Method::Post, u"/api/v1/users"_s, {HqAdmin}, [&ctx, who](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"username"_s, u"role"_s, u"store_ids"_s}); !ok)
            return HttpResponse::error(ok.error());
        auto username = json::requireString(*body, u"username"_s, 1, 64);
        if (!username)
            return HttpResponse::error(username.error());
        auto role = json::requireString(*body, u"role"_s, 1, 32);
        if (!role)
            return HttpResponse::error(role.error());
        auto stores = storeIdsOf(*body);
        if (!stores)
            return HttpResponse::error(stores.error());
        return http::respond(ctx.accounts.invite(who(req), *username, *role, *stores),
                             [](const IssuedInvitation &i) { return invitationJson(201, i); });
    });

    server.route(Method::Put, u"/api/v1/users/{id}"_s, {HqAdmin}, [&ctx, who](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        if (auto ok = json::allowOnly(*body, {u"role"_s, u"store_ids"_s}); !ok)
            return HttpResponse::error(ok.error());
        auto role = json::requireString(*body, u"role"_s, 1, 32);
        if (!role)
            return HttpResponse::error(role.error());
        auto stores = storeIdsOf(*body);
        if (!stores)
            return HttpResponse::error(stores.error());
        return http::respond(ctx.accounts.setRole(who(req), req.idParam(), *role, *stores), userJson);
    });

    for (const bool disable : {true, false}) {
        server.route(Method::Post, disable ? u"/api/v1/users/{id}/disable"_s : u"/api/v1/users/{id}/enable"_s, {HqAdmin},
                     [&ctx, who, disable](HttpRequest &req) {
                         return http::respond(ctx.accounts.setDisabled(who(req), req.idParam(), disable), userJson);
                     });
    }

    server.route(Method::Post, u"/api/v1/users/{id}/reset-password"_s, {HqAdmin}, [&ctx, who](HttpRequest &req) {
        return http::respond(ctx.accounts.resetPassword(who(req), req.idParam()),
                             [](const IssuedInvitation &i) { return invitationJson(200, i); });
    });

    // Public: the invitation token is the credential (256 random bits, single use, 72 h).
    server.route(Method::Post, u"/api/v1/invitations/accept"_s, {HqPublic}, [&ctx](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        auto token = json::requireString(*body, u"token"_s, 1, 128);
        if (!token)
            return HttpResponse::error(token.error());
        auto password = json::requireString(*body, u"password"_s, 1, 256, false);
        if (!password)
            return HttpResponse::error(password.error());
        return http::respond(ctx.accounts.acceptInvitation(*token, *password), [](const HqUser &user) {
            return HttpResponse::json(QJsonObject{{u"username"_s, user.username}});
        });
    });

    server.route(Method::Get, u"/api/v1/hq-audit"_s, {.access = HqAdmin, .query = {u"limit"_s}}, [&ctx, who](HttpRequest &req) {
        int limit = 200;
        if (req.hasQuery(u"limit"_s)) {
            bool parsed = false;
            limit = req.query(u"limit"_s).toInt(&parsed);
            if (!parsed || limit < 1 || limit > 1000)
                return HttpResponse::error(Error::validation(u"limit"_s, u"limit must be 1 to 1000"_s));
        }
        return http::respond(ctx.accounts.audit(who(req), limit), [](const QList<HqAuditEntry> &entries) {
            QJsonArray out;
            for (const HqAuditEntry &e : entries)
                out.append(HqAccountService::toJson(e));
            return HttpResponse::json(QJsonObject{{u"entries"_s, out}});
        });
    });
}

} // namespace tableorder::central
