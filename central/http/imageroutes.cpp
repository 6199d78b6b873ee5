#include "imageprocessor.h"
#include "routes.h"
#include "services/hqauthservice.h"
#include "services/imagelibrary.h"
#include "services/menupublisher.h"

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

namespace {

/// Content-addressed, so a URL's bytes never change: cache for a year, ETag the hash.
HttpResponse imageResponse(const HttpRequest &req, const Result<std::optional<QByteArray>> &image)
{
    if (!image)
        return HttpResponse::error(image.error());
    if (!image->has_value())
        return HttpResponse::error(Error::notFound(u"image"_s));
    const QByteArray etag = '"' + req.params.value(0).toLatin1() + '"';
    if (req.header("if-none-match") == etag)
        return HttpResponse::raw(304, "image/jpeg", {}).withHeader("ETag", etag);
    return HttpResponse::raw(200, "image/jpeg", **image)
            .withHeader("ETag", etag)
            .withHeader("Cache-Control", "public, max-age=31536000, immutable")
            .withHeader("X-Content-Type-Options", "nosniff");
}

QJsonObject imageJson(const QString &hash)
{
    return {{u"hash"_s, hash},
            {u"image_url"_s, ImageLibrary::urlOf(hash)},
            {u"thumbnail_url"_s, ImageLibrary::urlOf(hash, true)}};
}

} // namespace

void registerImageRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;
    const http::HttpServer::RouteOptions upload{HqAdmin, ImageProcessor::uploadTypes(), ImageProcessor::maxUploadBytes};
    http::HttpServer::RouteOptions itemUpload = upload;
    itemUpload.query = {u"publish"_s};
    auto who = [](const HttpRequest &req) { return HqPrincipal::fromClaims(req.claims); };

    // A picture for any number of stores (then named by image_url, e.g. in bulk-item).
    server.routeAsync(Method::Post, u"/api/v1/images"_s, upload, [&ctx](HttpRequest &req, http::Reply reply) {
        ctx.images.upload(req.body(), [reply](Result<QString> hash) {
            reply.send(http::respond(hash, [](const QString &h) { return HttpResponse::json(201, imageJson(h)); }));
        });
    });

    // One item's picture: stored, then the item points at it (published per ?publish=).
    server.routeAsync(Method::Post, u"/api/v1/stores/{id}/menu/items/{iid}/image"_s, itemUpload,
                      [&ctx, who](HttpRequest &req, http::Reply reply) {
                          const HqPrincipal principal = who(req);
                          const qint64 storeId = req.idParam();
                          const qint64 itemId = req.idParam(1);
                          // Checked before the picture is stored: a refused upload changes nothing.
                          if (auto item = ctx.menus.editableItem(principal, storeId, itemId); !item)
                              return reply.send(HttpResponse::error(item.error()));
                          const auto publish = publishModeOf(req);
                          if (!publish)
                              return reply.send(HttpResponse::error(publish.error()));
                          const PublishMode mode = *publish;
                          ctx.images.upload(req.body(), [&ctx, reply, principal, storeId, itemId, mode](Result<QString> hash) {
                              if (!hash)
                                  return reply.send(HttpResponse::error(hash.error()));
                              ItemEdit edit;
                              edit.imageUrl = ImageLibrary::urlOf(*hash);
                              reply.send(http::respond(ctx.menus.updateItem(principal, storeId, itemId, edit, mode),
                                                       [](const CentralItem &i) { return HttpResponse::json(toJson(i)); }));
                          });
                      });

    server.route(Method::Get, u"/images/{file}"_s, {HqPublic}, [&ctx](HttpRequest &req) {
        return imageResponse(req, ctx.images.file(req.params.value(0)));
    });

    // The edge fetches the pictures its menus name with its store key, so it can serve them
    // to its tablets when the internet is down.
    server.route(Method::Get, u"/sync/v1/images/{file}"_s, {StoreKey}, [&ctx](HttpRequest &req) {
        auto store = storeFromKey(ctx, req);
        if (!store)
            return HttpResponse::error(store.error());
        return imageResponse(req, ctx.images.fileForStore(*store, req.params.value(0)));
    });
}

} // namespace tableorder::central
