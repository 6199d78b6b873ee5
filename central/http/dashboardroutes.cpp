#include "routes.h"

#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

namespace {

Q_LOGGING_CATEGORY(lcDashboard, "tableorder.central.dashboard")

// Chart.js is Debian's (libjs-chart.js, a dependency of the tableorder-central package), read
// from the package's file rather than copied into the binary, so a security update of the
// package reaches the dashboard without a rebuild. TABLEORDER_CHARTJS names another copy
// (a development machine without the package).
QString chartJsPath()
{
    const QString configured = qEnvironmentVariable("TABLEORDER_CHARTJS");
    return configured.isEmpty() ? u"/usr/share/javascript/chart.js/chart.min.js"_s : configured;
}

void addHeaders(HttpResponse &response)
{
    response.withHeader("Cache-Control", "no-cache")
            .withHeader("X-Content-Type-Options", "nosniff")
            .withHeader("Referrer-Policy", "no-referrer")
            .withHeader("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; frame-ancestors 'none'; "
                        "form-action 'self'; base-uri 'none'; object-src 'none'");
}

HttpResponse chartJs()
{
    QFile file(chartJsPath());
    if (!file.open(QIODevice::ReadOnly))
        return HttpResponse::error(Error::notFound(u"file"_s));
    HttpResponse response = HttpResponse::raw(200, "application/javascript; charset=utf-8", file.readAll());
    addHeaders(response);
    return response;
}

HttpResponse asset(const QString &name)
{
    static const QRegularExpression safe(u"^[a-z0-9-]+\\.(html|js|css)$"_s);
    QFile file(u":/dashboard/"_s + name);
    if (!safe.match(name).hasMatch() || !file.open(QIODevice::ReadOnly))
        return HttpResponse::error(Error::notFound(u"file"_s));
    const QByteArray type = name.endsWith(u".html"_s) ? "text/html; charset=utf-8"
            : name.endsWith(u".js"_s)                  ? "application/javascript; charset=utf-8"
                                                         : "text/css; charset=utf-8";
    HttpResponse response = HttpResponse::raw(200, type, file.readAll());
    addHeaders(response);
    return response;
}

} // namespace

void registerDashboardRoutes(http::HttpServer &server)
{
    using Method = http::HttpServer::Method;
    server.route(Method::Get, u"/"_s, {HqPublic}, [](HttpRequest &) { return asset(u"index.html"_s); });
    server.route(Method::Get, u"/dashboard/{file}"_s, {HqPublic},
                 [](HttpRequest &req) { return asset(req.params.value(0)); });
    server.route(Method::Get, u"/dashboard/vendor/chart.js"_s, {HqPublic}, [](HttpRequest &) { return chartJs(); });
    if (!QFile::exists(chartJsPath()))
        qCWarning(lcDashboard, "Chart.js not found at %s: the dashboard shows no charts (install libjs-chart.js)",
                  qPrintable(chartJsPath()));
}

} // namespace tableorder::central
