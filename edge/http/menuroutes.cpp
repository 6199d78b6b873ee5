#include "access.h"
#include "edgeconfig.h"
#include "edgejson.h"
#include "json.h"
#include "routes.h"
#include "imageprocessor.h"
#include "services/menuservice.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {

HttpResponse itemResponse(int status, const MenuItem &item)
{
    return HttpResponse::json(status, toJson(item));
}

HttpResponse notFound(const QString &what)
{
    return HttpResponse::error(Error::notFound(what));
}

} // namespace

void registerMenuRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    MenuService &menu = ctx.menu;

    server.route(Method::Get, u"/api/v1/menu"_s, {Access::Public}, [&menu](HttpRequest &req) {
        auto snapshot = menu.snapshot();
        if (!snapshot)
            return HttpResponse::error(snapshot.error());
        const auto &snap = **snapshot;
        if (req.header("if-none-match") == snap.etag) {
            HttpResponse notModified;
            notModified.status = 304;
            return notModified.withHeader("ETag", snap.etag);
        }
        return HttpResponse::raw(200, "application/json", snap.json)
                .withHeader("ETag", snap.etag)
                .withHeader("Cache-Control", "no-cache");
    });

    server.route(Method::Post, u"/api/v1/menu/categories"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        auto input = categoryInputFromJson(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        return http::respond(menu.createCategory(*input),
                             [](const MenuCategory &c) { return HttpResponse::json(201, toJson(c)); });
    });
    server.route(Method::Put, u"/api/v1/menu/categories/{id}"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        if (!req.idParam())
            return notFound(u"category"_s);
        auto input = categoryInputFromJson(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        return http::respond(menu.updateCategory(req.idParam(), *input),
                             [](const MenuCategory &c) { return HttpResponse::json(toJson(c)); });
    });
    server.route(Method::Delete, u"/api/v1/menu/categories/{id}"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        if (!req.idParam())
            return notFound(u"category"_s);
        auto done = menu.deleteCategory(req.idParam());
        return done ? HttpResponse::noContent() : HttpResponse::error(done.error());
    });

    server.route(Method::Post, u"/api/v1/menu/items"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        auto input = itemInputFromJson(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        return http::respond(menu.createItem(*input), [](const MenuItem &i) { return itemResponse(201, i); });
    });
    server.route(Method::Put, u"/api/v1/menu/items/{id}"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        if (!req.idParam())
            return notFound(u"menu item"_s);
        auto input = itemInputFromJson(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        return http::respond(menu.updateItem(req.idParam(), *input),
                             [](const MenuItem &i) { return itemResponse(200, i); });
    });
    server.route(Method::Delete, u"/api/v1/menu/items/{id}"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        if (!req.idParam())
            return notFound(u"menu item"_s);
        auto done = menu.deleteItem(req.idParam());
        return done ? HttpResponse::noContent() : HttpResponse::error(done.error());
    });
    server.route(Method::Patch, u"/api/v1/menu/items/{id}/availability"_s, {Access::Staff},
                 [&menu](HttpRequest &req) {
                     if (!req.idParam())
                         return notFound(u"menu item"_s);
                     auto body = json::parseObject(req.body());
                     if (!body)
                         return HttpResponse::error(body.error());
                     auto available = json::requireBool(*body, u"available"_s);
                     if (!available)
                         return HttpResponse::error(available.error());
                     return http::respond(menu.setAvailability(req.idParam(), *available),
                                          [](const MenuItem &i) { return itemResponse(200, i); });
                 });

    server.routeAsync(Method::Post, u"/api/v1/menu/items/{id}/image"_s,
                      {Access::Manager, ImageProcessor::uploadTypes(), ImageProcessor::maxUploadBytes},
                      [&menu](HttpRequest &req, http::Reply reply) {
                          if (!req.idParam())
                              return reply.send(notFound(u"menu item"_s));
                          menu.setImage(req.idParam(), req.body(), [reply](Result<MenuItem> item) {
                              reply.send(http::respond(item, [](const MenuItem &i) { return itemResponse(200, i); }));
                          });
                      });

    // Picture files are named by their content hash, so they never change: cache forever.
    const QString imageDir = ctx.config.imageDir();
    server.route(Method::Get, u"/images/{file}"_s, {Access::Public}, [imageDir](HttpRequest &req) {
        static const QRegularExpression safeName(u"^[a-z0-9-]+\\.jpg$"_s);
        const QString name = req.params.value(0);
        QFile file(QDir(imageDir).filePath(name));
        if (!safeName.match(name).hasMatch() || !file.open(QIODevice::ReadOnly))
            return notFound(u"image"_s);
        return HttpResponse::raw(200, "image/jpeg", file.readAll())
                .withHeader("Cache-Control", "public, max-age=31536000, immutable");
    });
}

} // namespace tableorder::edge
