#include "access.h"
#include "edgeconfig.h"
#include "edgejson.h"
#include "json.h"
#include "routes.h"
#include "imageprocessor.h"
#include "services/menuservice.h"
#include "http/compression.h"
#include "services/principal.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::edge {

namespace {


HttpResponse notFound(const QString &what)
{
    return HttpResponse::error(Error::notFound(what));
}

} // namespace

HttpResponse menuResponse(MenuService &menu, const HttpRequest &req)
{
    auto snapshot = menu.snapshot();
    if (!snapshot)
        return HttpResponse::error(snapshot.error());
    const auto &snap = **snapshot;
    // Tablets (QNetworkAccessManager) and browsers accept gzip: a big menu is ~10x smaller.
    const bool gzip = http::acceptsGzip(req.header("accept-encoding")) && !snap.gzipJson().isEmpty();
    const QByteArray &etag = gzip ? snap.gzipEtag : snap.etag;
    const QByteArray ifNoneMatch = req.header("if-none-match");
    if (ifNoneMatch == snap.etag || ifNoneMatch == snap.gzipEtag) {
        HttpResponse notModified;
        notModified.status = 304;
        return notModified.withHeader("ETag", etag).withHeader("Vary", "Accept-Encoding");
    }
    HttpResponse response = HttpResponse::raw(200, "application/json", gzip ? snap.gzipJson() : snap.json)
                                    .withHeader("ETag", etag)
                                    .withHeader("Cache-Control", "no-cache")
                                    .withHeader("Vary", "Accept-Encoding");
    return gzip ? response.withHeader("Content-Encoding", "gzip") : response;
}

HttpResponse imageResponse(const QString &imageDir, const QString &name)
{
    static const QRegularExpression safeName(u"^[a-z0-9-]+\\.jpg$"_s);
    QFile file(QDir(imageDir).filePath(name));
    if (!safeName.match(name).hasMatch() || !file.open(QIODevice::ReadOnly))
        return notFound(u"image"_s);
    return HttpResponse::raw(200, "image/jpeg", file.readAll())
            .withHeader("Cache-Control", "public, max-age=31536000, immutable");
}

void registerMenuRoutes(http::HttpServer &server, RouteContext &ctx)
{
    using Method = http::HttpServer::Method;
    MenuService &menu = ctx.menu;
    auto itemResponse = [&menu](int status, const MenuItem &item) {
        return HttpResponse::json(status, menu.describe(item));
    };

    server.route(Method::Get, u"/api/v1/menu"_s, {Access::Public}, [&menu](HttpRequest &req) {
        return menuResponse(menu, req);
    });

    server.route(Method::Post, u"/api/v1/menu/categories"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        auto input = categoryInputFromJson(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        return http::respond(menu.createCategory(*input, Principal::fromClaims(req.claims).actor()),
                             [](const MenuCategory &c) { return HttpResponse::json(201, toJson(c)); });
    });
    server.route(Method::Put, u"/api/v1/menu/categories/{id}"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        if (!req.idParam())
            return notFound(u"category"_s);
        auto input = categoryInputFromJson(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        return http::respond(menu.updateCategory(req.idParam(), *input, Principal::fromClaims(req.claims).actor()),
                             [](const MenuCategory &c) { return HttpResponse::json(toJson(c)); });
    });
    server.route(Method::Delete, u"/api/v1/menu/categories/{id}"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        if (!req.idParam())
            return notFound(u"category"_s);
        auto done = menu.deleteCategory(req.idParam(), Principal::fromClaims(req.claims).actor());
        return done ? HttpResponse::noContent() : HttpResponse::error(done.error());
    });

    // Display order in one change (one menu version): every category, or every item of one.
    server.route(Method::Put, u"/api/v1/menu/category-order"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        auto ids = idOrderFromJson(req.body());
        if (!ids)
            return HttpResponse::error(ids.error());
        return http::respond(menu.reorderCategories(*ids, Principal::fromClaims(req.claims).actor()), [](const QList<MenuCategory> &categories) {
            QJsonArray list;
            for (const MenuCategory &c : categories)
                list.append(toJson(c));
            return HttpResponse::json(QJsonObject{{u"categories"_s, list}});
        });
    });
    server.route(Method::Put, u"/api/v1/menu/categories/{id}/item-order"_s, {Access::Manager},
                 [&menu](HttpRequest &req) {
                     if (!req.idParam())
                         return notFound(u"category"_s);
                     auto ids = idOrderFromJson(req.body());
                     if (!ids)
                         return HttpResponse::error(ids.error());
                     return http::respond(menu.reorderItems(req.idParam(), *ids, Principal::fromClaims(req.claims).actor()), [&menu](const QList<MenuItem> &items) {
                         QJsonArray list;
                         for (const MenuItem &i : items)
                             list.append(menu.describe(i));
                         return HttpResponse::json(QJsonObject{{u"items"_s, list}});
                     });
                 });

    server.route(Method::Post, u"/api/v1/menu/items"_s, {Access::Manager}, [&menu, itemResponse](HttpRequest &req) {
        auto input = itemInputFromJson(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        return http::respond(menu.createItem(*input, Principal::fromClaims(req.claims).actor()), [&itemResponse](const MenuItem &i) { return itemResponse(201, i); });
    });
    server.route(Method::Put, u"/api/v1/menu/items/{id}"_s, {Access::Manager}, [&menu, itemResponse](HttpRequest &req) {
        if (!req.idParam())
            return notFound(u"menu item"_s);
        auto input = itemInputFromJson(req.body());
        if (!input)
            return HttpResponse::error(input.error());
        return http::respond(menu.updateItem(req.idParam(), *input, Principal::fromClaims(req.claims).actor()),
                             [&itemResponse](const MenuItem &i) { return itemResponse(200, i); });
    });
    server.route(Method::Delete, u"/api/v1/menu/items/{id}"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        if (!req.idParam())
            return notFound(u"menu item"_s);
        auto done = menu.deleteItem(req.idParam(), Principal::fromClaims(req.claims).actor());
        return done ? HttpResponse::noContent() : HttpResponse::error(done.error());
    });
    server.route(Method::Patch, u"/api/v1/menu/items/{id}/availability"_s, {Access::KitchenStaff},
                 [&menu, itemResponse](HttpRequest &req) {
                     if (!req.idParam())
                         return notFound(u"menu item"_s);
                     auto body = json::parseObject(req.body());
                     if (!body)
                         return HttpResponse::error(body.error());
                     auto available = json::requireBool(*body, u"available"_s);
                     if (!available)
                         return HttpResponse::error(available.error());
                     return http::respond(menu.setAvailability(req.idParam(), *available, Principal::fromClaims(req.claims).actor()),
                                          [&itemResponse](const MenuItem &i) { return itemResponse(200, i); });
                 });

    server.route(Method::Patch, u"/api/v1/menu/items/{id}/stock"_s, {Access::Manager},
                 [&menu, itemResponse](HttpRequest &req) {
                     if (!req.idParam())
                         return notFound(u"menu item"_s);
                     auto stock = stockInputFromJson(req.body());
                     if (!stock)
                         return HttpResponse::error(stock.error());
                     return http::respond(menu.setStock(req.idParam(), *stock, Principal::fromClaims(req.claims).actor()),
                                          [&itemResponse](const MenuItem &i) { return itemResponse(200, i); });
                 });
    server.route(Method::Patch, u"/api/v1/menu/options/{id}/availability"_s, {Access::KitchenStaff},
                 [&menu](HttpRequest &req) {
                     if (!req.idParam())
                         return notFound(u"option"_s);
                     auto body = json::parseObject(req.body());
                     if (!body)
                         return HttpResponse::error(body.error());
                     if (auto ok = json::allowOnly(*body, {u"available"_s}); !ok)
                         return HttpResponse::error(ok.error());
                     auto available = json::requireBool(*body, u"available"_s);
                     if (!available)
                         return HttpResponse::error(available.error());
                     return http::respond(menu.setOptionAvailability(req.idParam(), *available, Principal::fromClaims(req.claims).actor()),
                                          [](const menu::Option &o) { return HttpResponse::json(menu::toJson(o)); });
                 });

    server.route(Method::Get, u"/api/v1/menu/option-groups"_s, {Access::Manager}, [&menu](HttpRequest &) {
        return http::respond(menu.groups(), [](const QList<menu::OptionGroup> &groups) {
            QJsonArray list;
            for (const menu::OptionGroup &g : groups)
                list.append(menu::toJson(g));
            return HttpResponse::json(QJsonObject{{u"groups"_s, list}});
        });
    });
    server.route(Method::Post, u"/api/v1/menu/option-groups"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        auto group = optionGroupInputFromJson(req.body());
        if (!group)
            return HttpResponse::error(group.error());
        return http::respond(menu.createGroup(*group, Principal::fromClaims(req.claims).actor()),
                             [](const menu::OptionGroup &g) { return HttpResponse::json(201, menu::toJson(g)); });
    });
    server.route(Method::Put, u"/api/v1/menu/option-groups/{id}"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        if (!req.idParam())
            return notFound(u"option group"_s);
        auto group = optionGroupInputFromJson(req.body());
        if (!group)
            return HttpResponse::error(group.error());
        return http::respond(menu.updateGroup(req.idParam(), *group, Principal::fromClaims(req.claims).actor()),
                             [](const menu::OptionGroup &g) { return HttpResponse::json(menu::toJson(g)); });
    });
    server.route(Method::Delete, u"/api/v1/menu/option-groups/{id}"_s, {Access::Manager}, [&menu](HttpRequest &req) {
        if (!req.idParam())
            return notFound(u"option group"_s);
        auto done = menu.deleteGroup(req.idParam(), Principal::fromClaims(req.claims).actor());
        return done ? HttpResponse::noContent() : HttpResponse::error(done.error());
    });

    server.routeAsync(Method::Post, u"/api/v1/menu/items/{id}/image"_s,
                      {Access::Manager, ImageProcessor::uploadTypes(), ImageProcessor::maxUploadBytes},
                      [&menu, itemResponse](HttpRequest &req, http::Reply reply) {
                          if (!req.idParam())
                              return reply.send(notFound(u"menu item"_s));
                          menu.setImage(req.idParam(), req.body(), [reply, itemResponse](Result<MenuItem> item) {
                              reply.send(http::respond(item, [&itemResponse](const MenuItem &i) { return itemResponse(200, i); }));
                          }, Principal::fromClaims(req.claims).actor());
                      });

    // Picture files are named by their content hash, so they never change: cache forever.
    const QString imageDir = ctx.config.imageDir();
    server.route(Method::Get, u"/images/{file}"_s, {Access::Public}, [imageDir](HttpRequest &req) {
        return imageResponse(imageDir, req.params.value(0));
    });
}

} // namespace tableorder::edge
