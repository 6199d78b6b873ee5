#include "routes.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

namespace {

HttpResponse asset(const QString &name)
{
    static const QRegularExpression safe(u"^[a-z0-9-]+\\.(html|js|css)$"_s);
    QFile file(u":/dashboard/"_s + name);
    if (!safe.match(name).hasMatch() || !file.open(QIODevice::ReadOnly))
        return HttpResponse::error(Error::notFound(u"file"_s));
    const QByteArray type = name.endsWith(u".html"_s) ? "text/html; charset=utf-8"
            : name.endsWith(u".js"_s)                  ? "application/javascript; charset=utf-8"
                                                         : "text/css; charset=utf-8";
    return HttpResponse::raw(200, type, file.readAll())
            .withHeader("Cache-Control", "no-cache")
            .withHeader("X-Content-Type-Options", "nosniff")
            .withHeader("Referrer-Policy", "no-referrer")
            .withHeader("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; frame-ancestors 'none'; "
                        "form-action 'self'; base-uri 'none'; object-src 'none'");
}

} // namespace

void registerDashboardRoutes(http::HttpServer &server)
{
    using Method = http::HttpServer::Method;
    server.route(Method::Get, u"/"_s, {HqPublic}, [](HttpRequest &) { return asset(u"index.html"_s); });
    server.route(Method::Get, u"/dashboard/{file}"_s, {HqPublic},
                 [](HttpRequest &req) { return asset(req.params.value(0)); });
}

} // namespace tableorder::central
