#include "json.h"
#include "routes.h"
#include "services/hqauthservice.h"
#include "services/menupublisher.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using tableorder::http::HttpRequest;
using tableorder::http::HttpResponse;

namespace tableorder::central {

namespace {

Result<CategoryEdit> categoryEdit(const QByteArray &body)
{
    auto o = json::parseObject(body);
    if (!o)
        return fail(o.error());
    if (auto ok = json::allowOnly(*o, {u"name"_s, u"display_order"_s, u"translations"_s, u"available_hours"_s}); !ok)
        return fail(ok.error());
    CategoryEdit edit;
    if (o->contains(u"name"_s)) {
        auto name = json::requireString(*o, u"name"_s, 1, 100);
        if (!name)
            return fail(name.error());
        edit.name = *name;
    }
    if (o->contains(u"display_order"_s)) {
        auto order = json::requireInt(*o, u"display_order"_s, -1'000'000, 1'000'000);
        if (!order)
            return fail(order.error());
        edit.displayOrder = int(*order);
    }
    if (o->contains(u"translations"_s)) {
        auto translations = menu::translationsFromJson(o->value(u"translations"_s), u"translations"_s);
        if (!translations)
            return fail(translations.error());
        edit.translations = *translations;
    }
    if (o->contains(u"available_hours"_s)) {
        auto hours = menu::hoursFromJson(o->value(u"available_hours"_s), u"available_hours"_s);
        if (!hours)
            return fail(hours.error());
        edit.hours = *hours;
    }
    return edit;
}

Result<ItemEdit> itemEdit(const QJsonObject &o)
{
    ItemEdit edit;
    if (o.contains(u"category_id"_s)) {
        auto v = json::requireInt(o, u"category_id"_s, 1, std::numeric_limits<qint32>::max());
        if (!v)
            return fail(v.error());
        edit.categoryId = *v;
    }
    for (const auto &[field, target, max] : {std::tuple{u"name"_s, &edit.name, 100}, std::tuple{u"description"_s, &edit.description, 500},
                                           std::tuple{u"image_url"_s, &edit.imageUrl, 1000}}) {
        if (!o.contains(field))
            continue;
        auto v = json::optionalString(o, field, max);
        if (!v)
            return fail(v.error());
        *target = *v;
    }
    if (o.contains(u"price"_s)) {
        auto v = json::requireInt(o, u"price"_s, 0, 100'000'000);
        if (!v)
            return fail(v.error());
        edit.price = *v;
    }
    if (o.contains(u"display_order"_s)) {
        auto v = json::requireInt(o, u"display_order"_s, -1'000'000, 1'000'000);
        if (!v)
            return fail(v.error());
        edit.displayOrder = int(*v);
    }
    // The common model's fields, read by its strict readers (field paths, LIMIT_REACHED).
    if (o.contains(u"option_group_ids"_s)) {
        auto ids = menu::groupIdsFromJson(o.value(u"option_group_ids"_s), u"option_group_ids"_s);
        if (!ids)
            return fail(ids.error());
        edit.optionGroupIds = *ids;
    }
    if (o.contains(u"allergens"_s)) {
        auto allergens = menu::allergensFromJson(o.value(u"allergens"_s), u"allergens"_s);
        if (!allergens)
            return fail(allergens.error());
        edit.allergens = *allergens;
    }
    if (o.contains(u"tags"_s)) {
        auto tags = menu::tagsFromJson(o.value(u"tags"_s), u"tags"_s);
        if (!tags)
            return fail(tags.error());
        edit.tags = *tags;
    }
    if (o.contains(u"translations"_s)) {
        auto translations = menu::translationsFromJson(o.value(u"translations"_s), u"translations"_s);
        if (!translations)
            return fail(translations.error());
        edit.translations = *translations;
    }
    if (o.contains(u"available_hours"_s)) {
        auto hours = menu::hoursFromJson(o.value(u"available_hours"_s), u"available_hours"_s);
        if (!hours)
            return fail(hours.error());
        edit.hours = *hours;
    }
    return edit;
}

Result<ItemEdit> itemEditFromBody(const QByteArray &body)
{
    auto o = json::parseObject(body);
    if (!o)
        return fail(o.error());
    if (auto ok = json::allowOnly(*o, {u"category_id"_s, u"name"_s, u"description"_s, u"price"_s, u"image_url"_s,
                                       u"display_order"_s, u"option_group_ids"_s, u"allergens"_s, u"tags"_s,
                                       u"translations"_s, u"available_hours"_s});
        !ok)
        return fail(ok.error());
    return itemEdit(*o);
}

Result<QDateTime> publishTime(const QJsonObject &o)
{
    const QString at = o.value(u"publish_at"_s).toString();
    if (at.isEmpty())
        return QDateTime();
    QDateTime time = QDateTime::fromString(at, Qt::ISODateWithMs);
    if (!time.isValid())
        return fail(Error::validation(u"publish_at"_s, u"publish_at must be an ISO-8601 time"_s));
    return time.toUTC();
}

QJsonObject categoryJson(const MenuCategory &c)
{
    return menu::categoryToJson(c);
}

Result<menu::OptionGroup> optionGroupFromBody(const QByteArray &body)
{
    auto o = json::parseObject(body);
    if (!o)
        return fail(o.error());
    return menu::optionGroupFromJson(*o, QString());
}

} // namespace

/// `?publish=later` stages an edit in the working copy; without it (or `?publish=now`) the
/// edit publishes now; any other value is refused.
Result<PublishMode> publishModeOf(const http::HttpRequest &req)
{
    if (!req.hasQuery(u"publish"_s))
        return PublishMode::Now;
    const QString mode = req.query(u"publish"_s);
    if (mode == u"later"_s)
        return PublishMode::Staged;
    if (mode == u"now"_s)
        return PublishMode::Now;
    return fail(Error::validation(u"publish"_s, u"publish must be now or later"_s));
}

void registerCentralMenuRoutes(http::HttpServer &server, CentralContext &ctx)
{
    using Method = http::HttpServer::Method;
    MenuPublisher &menus = ctx.menus;
    auto who = [](const HttpRequest &req) { return HqPrincipal::fromClaims(req.claims); };

    server.route(Method::Get, u"/api/v1/stores/{id}/menu"_s, {HqAny}, [&menus, who](HttpRequest &req) {
        return http::respond(menus.workingMenu(who(req), req.idParam()),
                             [](const QJsonObject &menu) { return HttpResponse::json(menu); });
    });
    server.route(Method::Post, u"/api/v1/stores/{id}/menu/categories"_s, {.access = HqAdmin, .query = {u"publish"_s}}, [&menus, who](HttpRequest &req) {
        const auto mode = publishModeOf(req);
        if (!mode)
            return HttpResponse::error(mode.error());
        auto edit = categoryEdit(req.body());
        if (!edit)
            return HttpResponse::error(edit.error());
        return http::respond(menus.createCategory(who(req), req.idParam(), *edit, *mode),
                             [](const MenuCategory &c) { return HttpResponse::json(201, categoryJson(c)); });
    });
    server.route(Method::Put, u"/api/v1/stores/{id}/menu/categories/{cid}"_s, {.access = HqAdmin, .query = {u"publish"_s}}, [&menus, who](HttpRequest &req) {
        const auto mode = publishModeOf(req);
        if (!mode)
            return HttpResponse::error(mode.error());
        auto edit = categoryEdit(req.body());
        if (!edit)
            return HttpResponse::error(edit.error());
        return http::respond(menus.updateCategory(who(req), req.idParam(), req.idParam(1), *edit, *mode),
                             [](const MenuCategory &c) { return HttpResponse::json(categoryJson(c)); });
    });
    server.route(Method::Delete, u"/api/v1/stores/{id}/menu/categories/{cid}"_s, {.access = HqAdmin, .query = {u"publish"_s}}, [&menus, who](HttpRequest &req) {
        const auto mode = publishModeOf(req);
        if (!mode)
            return HttpResponse::error(mode.error());
        auto done = menus.deleteCategory(who(req), req.idParam(), req.idParam(1), *mode);
        return done ? HttpResponse::noContent() : HttpResponse::error(done.error());
    });
    server.route(Method::Post, u"/api/v1/stores/{id}/menu/items"_s, {.access = HqAdmin, .query = {u"publish"_s}}, [&menus, who](HttpRequest &req) {
        const auto mode = publishModeOf(req);
        if (!mode)
            return HttpResponse::error(mode.error());
        auto edit = itemEditFromBody(req.body());
        if (!edit)
            return HttpResponse::error(edit.error());
        return http::respond(menus.createItem(who(req), req.idParam(), *edit, *mode),
                             [](const CentralItem &i) { return HttpResponse::json(201, toJson(i)); });
    });
    server.route(Method::Put, u"/api/v1/stores/{id}/menu/items/{iid}"_s, {.access = HqAdmin, .query = {u"publish"_s}}, [&menus, who](HttpRequest &req) {
        const auto mode = publishModeOf(req);
        if (!mode)
            return HttpResponse::error(mode.error());
        auto edit = itemEditFromBody(req.body());
        if (!edit)
            return HttpResponse::error(edit.error());
        return http::respond(menus.updateItem(who(req), req.idParam(), req.idParam(1), *edit, *mode),
                             [](const CentralItem &i) { return HttpResponse::json(toJson(i)); });
    });
    server.route(Method::Delete, u"/api/v1/stores/{id}/menu/items/{iid}"_s, {.access = HqAdmin, .query = {u"publish"_s}}, [&menus, who](HttpRequest &req) {
        const auto mode = publishModeOf(req);
        if (!mode)
            return HttpResponse::error(mode.error());
        auto done = menus.deleteItem(who(req), req.idParam(), req.idParam(1), *mode);
        return done ? HttpResponse::noContent() : HttpResponse::error(done.error());
    });
    server.route(Method::Get, u"/api/v1/stores/{id}/menu/option-groups"_s, {HqAny}, [&menus, who](HttpRequest &req) {
        return http::respond(menus.optionGroups(who(req), req.idParam()), [](const QList<menu::OptionGroup> &groups) {
            QJsonArray out;
            for (const menu::OptionGroup &g : groups)
                out.append(menu::toJson(g));
            return HttpResponse::json(QJsonObject{{u"groups"_s, out}});
        });
    });
    server.route(Method::Post, u"/api/v1/stores/{id}/menu/option-groups"_s, {.access = HqAdmin, .query = {u"publish"_s}}, [&menus, who](HttpRequest &req) {
        const auto mode = publishModeOf(req);
        if (!mode)
            return HttpResponse::error(mode.error());
        auto group = optionGroupFromBody(req.body());
        if (!group)
            return HttpResponse::error(group.error());
        return http::respond(menus.createOptionGroup(who(req), req.idParam(), *group, *mode),
                             [](const menu::OptionGroup &g) { return HttpResponse::json(201, menu::toJson(g)); });
    });
    server.route(Method::Put, u"/api/v1/stores/{id}/menu/option-groups/{gid}"_s, {.access = HqAdmin, .query = {u"publish"_s}}, [&menus, who](HttpRequest &req) {
        const auto mode = publishModeOf(req);
        if (!mode)
            return HttpResponse::error(mode.error());
        auto group = optionGroupFromBody(req.body());
        if (!group)
            return HttpResponse::error(group.error());
        return http::respond(menus.updateOptionGroup(who(req), req.idParam(), req.idParam(1), *group, *mode),
                             [](const menu::OptionGroup &g) { return HttpResponse::json(menu::toJson(g)); });
    });
    server.route(Method::Delete, u"/api/v1/stores/{id}/menu/option-groups/{gid}"_s, {.access = HqAdmin, .query = {u"publish"_s}}, [&menus, who](HttpRequest &req) {
        const auto mode = publishModeOf(req);
        if (!mode)
            return HttpResponse::error(mode.error());
        auto done = menus.deleteOptionGroup(who(req), req.idParam(), req.idParam(1), *mode);
        return done ? HttpResponse::noContent() : HttpResponse::error(done.error());
    });
    server.route(Method::Post, u"/api/v1/stores/{id}/menu/publish"_s, {HqAdmin}, [&menus, who](HttpRequest &req) {
        QJsonObject body;
        if (!req.body().isEmpty()) {
            auto parsed = json::parseObject(req.body());
            if (!parsed)
                return HttpResponse::error(parsed.error());
            body = *parsed;
        }
        auto at = publishTime(body);
        if (!at)
            return HttpResponse::error(at.error());
        return http::respond(menus.publish(who(req), req.idParam(), *at, body.value(u"note"_s).toString()),
                             [&at](qint64 version) {
                                 return HttpResponse::json(201, QJsonObject{{u"version"_s, version},
                                                                            {u"publish_at"_s, timestampJson(*at)}});
                             });
    });
    server.route(Method::Get, u"/api/v1/stores/{id}/menu/versions"_s, {HqAny}, [&menus, who](HttpRequest &req) {
        return http::respond(menus.versions(who(req), req.idParam()), [](const QList<MenuVersion> &list) {
            QJsonArray out;
            for (const MenuVersion &v : list)
                out.append(QJsonObject{{u"version"_s, v.version}, {u"created_at"_s, v.createdAt},
                                       {u"publish_at"_s, v.publishAt},
                                       {u"published_at"_s, v.publishedAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.publishedAt)},
                                       {u"note"_s, v.note}});
            return HttpResponse::json(QJsonObject{{u"versions"_s, out}});
        });
    });
    server.route(Method::Post, u"/api/v1/stores/{id}/menu/rollback"_s, {HqAdmin}, [&menus, who](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        auto version = json::requireInt(*body, u"version"_s, 1, std::numeric_limits<qint32>::max());
        if (!version)
            return HttpResponse::error(version.error());
        return http::respond(menus.rollback(who(req), req.idParam(), *version), [](qint64 v) {
            return HttpResponse::json(201, QJsonObject{{u"version"_s, v}});
        });
    });
    // One item for many stores at once: {store_ids, category, name, price?, description?,
    // image_url?, display_order?, publish_at?}.
    server.route(Method::Post, u"/api/v1/menus/bulk-item"_s, {HqAdmin}, [&menus, who](HttpRequest &req) {
        auto body = json::parseObject(req.body());
        if (!body)
            return HttpResponse::error(body.error());
        QList<qint64> stores;
        auto ids = json::requireArray(*body, u"store_ids"_s);
        if (!ids)
            return HttpResponse::error(ids.error());
        for (const QJsonValue &v : *ids) {
            auto id = json::intValue(v, u"store_ids"_s, 1, std::numeric_limits<qint32>::max());
            if (!id)
                return HttpResponse::error(id.error());
            stores.append(*id);
        }
        auto category = json::requireString(*body, u"category"_s, 1, 100);
        if (!category)
            return HttpResponse::error(category.error());
        auto name = json::requireString(*body, u"name"_s, 1, 100);
        if (!name)
            return HttpResponse::error(name.error());
        auto edit = itemEdit(*body);
        if (!edit)
            return HttpResponse::error(edit.error());
        auto at = publishTime(*body);
        if (!at)
            return HttpResponse::error(at.error());
        return http::respond(menus.applyToStores(who(req), stores, *category, *name, *edit, *at),
                             [](const QList<qint64> &done) {
                                 QJsonArray out;
                                 for (qint64 id : done)
                                     out.append(id);
                                 return HttpResponse::json(QJsonObject{{u"store_ids"_s, out}});
                             });
    });
}

} // namespace tableorder::central
