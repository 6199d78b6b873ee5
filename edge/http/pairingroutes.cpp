#include "access.h"
#include "http/loginthrottle.h"
#include "http/logingate.h"
#include "http/tlsidentity.h"
#include "json.h"
#include "routes.h"
#include "services/authservice.h"
#include "services/pairingservice.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

// A manager asks for a table's pairing code and shows it as a QR; a tablet exchanges it once
// for the table's token. Exchanges are limited like logins: failures (wrong, used, expired or
// another table's code) count per table ("pair:table:N") and per client address, a lock
// refuses even a good code until it ends.
void registerPairingRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    Q_ASSERT(ctx.pairing);

    server.route(Method::Post, u"/api/v1/tables/{id}/pairing-code"_s, {Access::Manager}, [&ctx](HttpRequest &req) {
        if (!req.idParam())
            return HttpResponse::error(Error::notFound(u"table"_s));
        auto issued = ctx.pairing->issue(req.idParam());
        if (!issued)
            return HttpResponse::error(issued.error());
        const bool tls = !ctx.tlsFingerprint.isEmpty();
        QJsonArray urls;
        for (const QString &url : ctx.edgeUrls)
            urls.append(url);
        return HttpResponse::json(201, QJsonObject{
                {u"code"_s, issued->code},
                {u"code_display"_s, PairingService::display(issued->code)},
                {u"table"_s, QJsonObject{{u"id"_s, issued->tableId}, {u"number"_s, issued->tableNumber}}},
                {u"expires_at"_s, timestampJson(issued->expiresAt)},
                {u"expires_in"_s, issued->ttlSeconds},
                {u"fingerprint_sha256"_s, tls ? QJsonValue(ctx.tlsFingerprint) : QJsonValue()},
                {u"edge_urls"_s, urls},
        });
    });

    // The manager closed the QR without using it: the code (body {"code"}, or whichever is
    // live without one) pairs nothing from now on.
    server.route(Method::Delete, u"/api/v1/tables/{id}/pairing-code"_s, {Access::Manager}, [&ctx](HttpRequest &req) {
        QString code;
        if (!req.body().isEmpty()) {
            auto body = json::parseObject(req.body());
            if (!body)
                return HttpResponse::error(body.error());
            auto given = json::optionalString(*body, u"code"_s, 64);
            if (!given)
                return HttpResponse::error(given.error());
            code = *given;
        }
        ctx.pairing->cancel(req.idParam(), code);
        return HttpResponse::noContent();
    });

    server.route(Method::Post, u"/api/v1/auth/table-pair"_s, {Access::Public}, [&ctx](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        auto number = json::requireInt(*body, u"table_number"_s, 1, 9999);
        if (!number)
            return HttpResponse::error(number.error());
        auto code = json::requireString(*body, u"code"_s, 1, 64, false);
        if (!code)
            return HttpResponse::error(code.error());
        http::LoginThrottle &throttle = ctx.logins.throttle();
        const QString account = u"pair:table:%1"_s.arg(*number);
        const QString client = req.peer().toString();
        if (auto retry = throttle.begin(account, client))
            return http::tooManyLogins(*retry);
        auto tableId = ctx.pairing->redeem(int(*number), *code);
        auto issued = tableId ? ctx.auth.completeTablePairing(*tableId) : Result<IssuedToken>(fail(tableId.error()));
        if (!issued) {
            const ErrorCode why = issued.error().code;
            if (why == ErrorCode::InvalidCredentials || why == ErrorCode::PairingCodeUsed
                || why == ErrorCode::PairingCodeExpired)
                throttle.failed(account, client);
            else
                throttle.abandoned(account, client);
            return HttpResponse::error(issued.error());
        }
        throttle.succeeded(account, client);
        return HttpResponse::json(QJsonObject{
                {u"token"_s, issued->token},
                {u"expires_at"_s, timestampJson(issued->expiresAt)},
                {u"table"_s, QJsonObject{{u"id"_s, issued->principal.tableId}, {u"number"_s, issued->tableNumber}}},
        });
    });
}

} // namespace tableorder::edge
