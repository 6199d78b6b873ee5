#include "menuservice.h"

#include "metrics.h"

#include "http/compression.h"

#include "database.h"
#include "edgeconfig.h"
#include "event.h"
#include "eventlog.h"
#include "imageprocessor.h"
#include "storage/menurepository.h"
#include "storage/storerepository.h"
#include "menu/hours.h"

#include <QCryptographicHash>
#include <QSet>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

QString MenuService::imageUrl(const QString &imagePath)
{
    // Centrally managed items carry a URL of their own.
    if (imagePath.startsWith(u"http"_s) || imagePath.startsWith(u'/'))
        return imagePath;
    return imagePath.isEmpty() ? QString() : u"/images/"_s + imagePath;
}

QString MenuService::thumbnailUrl(const QString &imagePath)
{
    if (imagePath.isEmpty() || imagePath.startsWith(u"http"_s) || imagePath.startsWith(u'/'))
        return imageUrl(imagePath);
    QString thumb = imagePath;
    thumb.insert(thumb.lastIndexOf(u'.'), u"-thumb"_s);
    return u"/images/"_s + thumb;
}

QJsonObject toJson(const MenuCategory &category)
{
    QJsonObject out = menu::categoryToJson(category);
    out.insert(u"station"_s, category.station.isEmpty() ? MenuRepository::defaultStation() : category.station);
    return out;
}

namespace {
QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

/// `available_now` and `next_available_at` of something with these hours.
void insertHoursState(QJsonObject &out, const QList<menu::Hours> &hours, const QDateTime &now,
                      const QTimeZone &zone)
{
    const bool open = menu::isOpenAt(hours, now, zone);
    out.insert(u"available_now"_s, open);
    const auto next = open ? std::nullopt : menu::nextOpening(hours, now, zone);
    out.insert(u"next_available_at"_s, next ? timestampJson(*next) : QJsonValue(QJsonValue::Null));
}
} // namespace

QJsonObject MenuService::itemJson(const MenuItem &item, const QList<menu::OptionGroup> &groups,
                                  const menu::Hours &categoryHours, const QDateTime &now) const
{
    QJsonObject out = menu::itemToJson(item, groups);
    out.insert(u"image_url"_s, nullable(imageUrl(item.imagePath)));
    out.insert(u"thumbnail_url"_s, nullable(thumbnailUrl(item.imagePath)));
    QJsonArray ids;
    for (qint64 id : item.optionGroupIds)
        ids.append(id);
    out.insert(u"option_group_ids"_s, ids);
    insertHoursState(out, {item.hours, categoryHours}, now, m_zone);
    return out;
}

QJsonObject MenuService::categoryJson(const MenuCategory &category, const QDateTime &now) const
{
    QJsonObject out = toJson(category);
    insertHoursState(out, {category.hours}, now, m_zone);
    return out;
}

QJsonObject MenuService::describe(const MenuItem &item)
{
    auto groups = m_menu.groups();
    auto category = m_menu.category(item.categoryId);
    const menu::Hours categoryHours = category && category->has_value() ? (*category)->hours : menu::Hours();
    return itemJson(item, groups ? *groups : QList<menu::OptionGroup>(), categoryHours,
                    QDateTime::currentDateTimeUtc());
}

bool MenuService::isValidStation(QStringView name)
{
    static const QRegularExpression pattern(u"^[a-z][a-z0-9_-]{0,31}$"_s);
    return pattern.match(name).hasMatch();
}

MenuService::MenuService(QSqlDatabase db, MenuRepository &menu, StoreRepository &store, EventLog &events,
                         const StoreLimits &limits, QString imageDir, QTimeZone zone, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_menu(menu), m_store(store), m_events(events), m_limits(limits),
      m_imageDir(std::move(imageDir)), m_zone(std::move(zone))
{
    m_boundary.setSingleShot(true);
    m_boundary.setTimerType(Qt::PreciseTimer);
    connect(&m_boundary, &QTimer::timeout, this, &MenuService::onBoundary);
}

void MenuService::scheduleBoundary(const QDateTime &at)
{
    if (!at.isValid()) {
        m_boundary.stop();
        return;
    }
    // nextBoundary() looks eight days ahead at most, well inside QTimer's range.
    m_boundary.start(int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(at) + 1, 0, 9LL * 86'400'000)));
}

void MenuService::onBoundary()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_snapshot && m_snapshot->validUntil.isValid() && now < m_snapshot->validUntil) {
        scheduleBoundary(m_snapshot->validUntil); // the timer fired early
        return;
    }
    m_snapshot.reset();
    auto snap = snapshot();
    if (!snap)
        return;
    // The tablets refetch: the ETag names the hours period as well as the version.
    Result<Event> event;
    {
        db::Transaction tx(m_db);
        event = m_events.record(QString::fromLatin1(events::MenuUpdated), 0,
                                QJsonObject{{u"menu_version"_s, (*snap)->version}, {u"reason"_s, u"hours"_s}});
        if (!event || !tx.commit())
            return;
    }
    m_events.publish(*event);
}

Unavailability MenuService::unavailability(const MenuSnapshot &snapshot, const MenuItem &item,
                                           const QDateTime &at) const
{
    if (!item.isAvailable())
        return Unavailability::SoldOut;
    const auto category = snapshot.categories.constFind(item.categoryId);
    const menu::Hours categoryHours = category == snapshot.categories.cend() ? menu::Hours() : category->hours;
    if (!menu::isOpenAt({item.hours, categoryHours}, at, m_zone))
        return Unavailability::Hours;
    return Unavailability::None;
}

const QByteArray &MenuSnapshot::gzipJson() const
{
    if (m_gzipJson.isEmpty())
        m_gzipJson = http::gzip(json);
    return m_gzipJson;
}

void MenuService::setMetrics(Metrics *metrics)
{
    m_metrics = metrics;
    if (m_metrics)
        m_metrics->declareCounter("tableorder_menu_cache_requests_total",
                                  "Menu snapshots served from the cache (hit) or rebuilt from the database (miss).");
}

Result<std::shared_ptr<const MenuSnapshot>> MenuService::snapshot()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool hit = m_snapshot && (!m_snapshot->validUntil.isValid() || now < m_snapshot->validUntil);
    if (m_metrics)
        m_metrics->increment("tableorder_menu_cache_requests_total", {{"result", hit ? u"hit"_s : u"miss"_s}});
    if (hit)
        return m_snapshot;
    auto store = m_store.settings();
    if (!store)
        return fail(store.error());
    auto categories = m_menu.categories();
    if (!categories)
        return fail(categories.error());
    auto items = m_menu.items();
    if (!items)
        return fail(items.error());
    auto groups = m_menu.groups();
    if (!groups)
        return fail(groups.error());

    auto snap = std::make_shared<MenuSnapshot>();
    snap->version = store->menuVersion;
    snap->groups = *groups;
    QList<menu::Hours> allHours;
    QJsonArray categoryArray;
    for (const MenuCategory &category : *categories) {
        snap->categories.insert(category.id, category);
        allHours.append(category.hours);
        QJsonObject c = categoryJson(category, now);
        QJsonArray itemArray;
        for (const MenuItem &item : *items) {
            if (item.categoryId == category.id) {
                itemArray.append(itemJson(item, *groups, category.hours, now));
                snap->stations.insert(item.id, c.value(u"station"_s).toString());
            }
        }
        c.insert(u"items"_s, itemArray);
        categoryArray.append(c);
    }
    for (const MenuItem &item : *items) {
        snap->items.insert(item.id, item);
        allHours.append(item.hours);
    }
    if (const auto boundary = menu::nextBoundary(allHours, now, m_zone))
        snap->validUntil = *boundary;
    snap->json = QJsonDocument(QJsonObject{{u"version"_s, snap->version},
                                           {u"currency"_s, store->currency},
                                           {u"store_name"_s, store->name},
                                           {u"time_zone"_s, QString::fromUtf8(m_zone.id())},
                                           {u"languages"_s, QJsonArray::fromStringList(menu::languages())},
                                           {u"categories"_s, categoryArray}})
                         .toJson(QJsonDocument::Compact);
    // The second number changes at every hours boundary, so a tablet's cached copy with the
    // old "available now" flags is not taken for current.
    snap->etag = "\"menu-" + QByteArray::number(snap->version) + '-'
            + QByteArray::number(snap->validUntil.isValid() ? snap->validUntil.toSecsSinceEpoch() : 0) + '"';
    snap->gzipEtag = snap->etag.chopped(1) + "-gzip\"";
    m_snapshot = snap;
    scheduleBoundary(snap->validUntil);
    return m_snapshot;
}

Result<QList<Event>> MenuService::takeStock(const MenuSnapshot &snapshot,
                                            const QList<std::pair<qint64, int>> &quantities)
{
    QList<qint64> moved;
    for (const auto &[id, quantity] : quantities) {
        const auto item = snapshot.items.constFind(id);
        // Whether an item counts stock only changes by a manager's edit, which drops the
        // snapshot; the count itself is read and taken in the database.
        if (item == snapshot.items.cend() || !item->stock)
            continue;
        auto taken = m_menu.takeStock(id, quantity);
        if (!taken)
            return fail(taken.error());
        if (!*taken) {
            auto left = m_menu.stock(id);
            if (!left)
                return fail(left.error());
            const qint64 remaining = left->value_or(0);
            if (remaining == 0)
                return fail(ErrorCode::ItemUnavailable, u"some items are sold out"_s,
                            QJsonObject{{u"menu_item_ids"_s, QJsonArray{id}}, {u"reason"_s, u"sold_out"_s}});
            return fail(ErrorCode::OutOfStock, u"only %1 left of %2"_s.arg(remaining).arg(item->name),
                        QJsonObject{{u"menu_item_id"_s, id}, {u"remaining"_s, remaining}});
        }
        moved.append(id);
    }
    if (moved.isEmpty())
        return QList<Event>();
    auto version = m_store.bumpMenuVersion();
    if (!version)
        return fail(version.error());
    QList<Event> out;
    for (qint64 id : moved) {
        auto item = m_menu.item(id);
        if (!item)
            return fail(item.error());
        if (!item->has_value())
            continue;
        const auto category = snapshot.categories.constFind((*item)->categoryId);
        const QJsonObject json = itemJson(**item, snapshot.groups,
                                          category == snapshot.categories.cend() ? menu::Hours() : category->hours,
                                          QDateTime::currentDateTimeUtc());
        auto event = m_events.record(QString::fromLatin1(events::ItemAvailabilityChanged), 0,
                                     QJsonObject{{u"menu_version"_s, *version}, {u"item"_s, json}});
        if (!event)
            return fail(event.error());
        out.append(*event);
    }
    return out;
}

template<typename T, typename F>
Result<T> MenuService::write(F &&change, const char *eventType, const QJsonObject &actor, const QJsonObject &what)
{
    db::Transaction tx(m_db);
    Result<T> result = change();
    if (!result)
        return result;
    auto version = m_store.bumpMenuVersion();
    if (!version)
        return fail(version.error());
    QJsonObject data{{u"menu_version"_s, *version}};
    // What changed, for the audit log (the menu itself is refetched by screens).
    for (auto it = what.begin(); it != what.end(); ++it)
        data.insert(it.key(), it.value());
    if constexpr (requires { result->id; }) {
        if (!data.contains(u"id"_s))
            data.insert(u"id"_s, result->id);
    }
    if constexpr (std::is_same_v<T, MenuItem>) {
        if (eventType)
            data.insert(u"item"_s, describe(*result));
    }
    if constexpr (std::is_same_v<T, menu::Option>) {
        if (eventType)
            data.insert(u"option"_s, menu::toJson(*result));
    }
    auto event = m_events.record(QString::fromLatin1(eventType ? eventType : events::MenuUpdated), 0, data, actor);
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_snapshot.reset();
    m_events.publish(*event);
    return result;
}

Status MenuService::checkCategory(const CategoryInput &input)
{
    if (input.name && (input.name->isEmpty() || input.name->size() > 100))
        return fail(Error::validation(u"name"_s, u"name must be 1 to 100 characters"_s));
    if (input.station && !MenuService::isValidStation(*input.station))
        return fail(Error::validation(u"station"_s,
                                      u"station must be 1 to 32 characters: a-z first, then a-z, 0-9, _ or -"_s));
    return {};
}

Result<MenuCategory> MenuService::createCategory(const CategoryInput &input, const QJsonObject &actor)
{
    if (auto ok = checkLocallyManaged(); !ok)
        return fail(ok.error());
    if (!input.name)
        return fail(Error::validation(u"name"_s, u"name is required"_s));
    if (auto ok = checkCategory(input); !ok)
        return fail(ok.error());
    return write<MenuCategory>([&]() -> Result<MenuCategory> {
        auto count = m_menu.categoryCount();
        if (!count)
            return fail(count.error());
        if (*count >= m_limits.maxCategories)
            return fail(ErrorCode::LimitReached,
                        u"a store has at most %1 categories"_s.arg(m_limits.maxCategories));
        MenuCategory category{0, *input.name, input.displayOrder.value_or(0),
                              input.station.value_or(MenuRepository::defaultStation())};
        category.translations = input.translations.value_or(menu::Translations());
        category.hours = input.hours.value_or(menu::Hours());
        auto id = m_menu.insertCategory(category);
        if (!id)
            return fail(id.error());
        category.id = *id;
        return category;
    }, nullptr, actor, QJsonObject{{u"change"_s, u"category.created"_s}});
}

Result<MenuCategory> MenuService::updateCategory(qint64 id, const CategoryInput &input, const QJsonObject &actor)
{
    // Which station cooks a category is the store's call, like sold-out, even under HQ's menu.
    const bool stationOnly = !input.name && !input.displayOrder && !input.translations && !input.hours;
    if (auto ok = checkLocallyManaged(); !ok && !stationOnly)
        return fail(ok.error());
    if (auto ok = checkCategory(input); !ok)
        return fail(ok.error());
    return write<MenuCategory>([&]() -> Result<MenuCategory> {
        auto existing = m_menu.category(id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"category"_s));
        MenuCategory category = **existing;
        category.name = input.name.value_or(category.name);
        category.displayOrder = input.displayOrder.value_or(category.displayOrder);
        category.station = input.station.value_or(category.station);
        category.translations = input.translations.value_or(category.translations);
        category.hours = input.hours.value_or(category.hours);
        if (auto ok = m_menu.updateCategory(category); !ok)
            return fail(ok.error());
        return category;
    }, nullptr, actor, QJsonObject{{u"change"_s, u"category.updated"_s}, {u"id"_s, id}});
}

Status MenuService::deleteCategory(qint64 id, const QJsonObject &actor)
{
    if (auto ok = checkLocallyManaged(); !ok)
        return fail(ok.error());
    auto done = write<bool>([&]() -> Result<bool> {
        auto existing = m_menu.category(id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"category"_s));
        auto items = m_menu.itemCountInCategory(id);
        if (!items)
            return fail(items.error());
        if (*items > 0)
            return fail(ErrorCode::Conflict,
                        u"category still has %1 items; move or delete them first"_s.arg(*items));
        if (auto ok = m_menu.deleteCategory(id); !ok)
            return fail(ok.error());
        return true;
    }, nullptr, actor, QJsonObject{{u"change"_s, u"category.deleted"_s}, {u"id"_s, id}});
    if (!done)
        return fail(done.error());
    return {};
}

namespace {

/// `ids` names exactly the ids of `existing`, each once (the parser refused repeats).
template<typename T>
Status sameIds(const QList<qint64> &ids, const QList<T> &existing, const QString &what)
{
    QSet<qint64> known;
    for (const T &e : existing)
        known.insert(e.id);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (!known.contains(ids.at(i)))
            return fail(Error::validation(u"ids[%1]"_s.arg(i), u"%1 %2 does not exist"_s.arg(what).arg(ids.at(i))));
    }
    if (ids.size() != known.size())
        return fail(Error::validation(u"ids"_s, u"ids must list every %1 exactly once (%2 of %3 listed)"_s
                                                        .arg(what).arg(ids.size()).arg(known.size())));
    return {};
}

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

} // namespace

Result<QList<MenuCategory>> MenuService::reorderCategories(const QList<qint64> &ids, const QJsonObject &actor)
{
    if (auto ok = checkLocallyManaged(); !ok)
        return fail(ok.error());
    return write<QList<MenuCategory>>([&]() -> Result<QList<MenuCategory>> {
        auto categories = m_menu.categories();
        if (!categories)
            return fail(categories.error());
        if (auto ok = sameIds(ids, *categories, u"category"_s); !ok)
            return fail(ok.error());
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (auto ok = m_menu.setCategoryOrder(ids.at(i), int(i + 1) * 10); !ok)
                return fail(ok.error());
        }
        return m_menu.categories();
    }, nullptr, actor, QJsonObject{{u"change"_s, u"categories.reordered"_s}, {u"ids"_s, idArray(ids)}});
}

Result<QList<MenuItem>> MenuService::reorderItems(qint64 categoryId, const QList<qint64> &ids, const QJsonObject &actor)
{
    if (auto ok = checkLocallyManaged(); !ok)
        return fail(ok.error());
    return write<QList<MenuItem>>([&]() -> Result<QList<MenuItem>> {
        auto category = m_menu.category(categoryId);
        if (!category)
            return fail(category.error());
        if (!category->has_value())
            return fail(Error::notFound(u"category"_s));
        auto all = m_menu.items();
        if (!all)
            return fail(all.error());
        QList<MenuItem> items;
        for (const MenuItem &item : *all)
            if (item.categoryId == categoryId)
                items.append(item);
        if (auto ok = sameIds(ids, items, u"item of this category"_s); !ok)
            return fail(ok.error());
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (auto ok = m_menu.setItemOrder(ids.at(i), int(i + 1) * 10); !ok)
                return fail(ok.error());
        }
        QList<MenuItem> ordered;
        for (qint64 id : ids) {
            auto item = m_menu.item(id);
            if (!item)
                return fail(item.error());
            ordered.append(**item);
        }
        return ordered;
    }, nullptr, actor, QJsonObject{{u"change"_s, u"items.reordered"_s}, {u"id"_s, categoryId}, {u"ids"_s, idArray(ids)}});
}

Status MenuService::checkItem(const ItemInput &input)
{
    if (input.name && (input.name->isEmpty() || input.name->size() > 100))
        return fail(Error::validation(u"name"_s, u"name must be 1 to 100 characters"_s));
    if (input.description && input.description->size() > 500)
        return fail(Error::validation(u"description"_s, u"description must be at most 500 characters"_s));
    if (input.price && (*input.price < 0 || *input.price > 100'000'000))
        return fail(Error::validation(u"price"_s, u"price must be between 0 and 100000000"_s));
    return {};
}

Result<MenuItem> MenuService::createItem(const ItemInput &input, const QJsonObject &actor)
{
    if (auto ok = checkLocallyManaged(); !ok)
        return fail(ok.error());
    if (!input.categoryId)
        return fail(Error::validation(u"category_id"_s, u"category_id is required"_s));
    if (!input.name)
        return fail(Error::validation(u"name"_s, u"name is required"_s));
    if (!input.price)
        return fail(Error::validation(u"price"_s, u"price is required"_s));
    if (auto ok = checkItem(input); !ok)
        return fail(ok.error());
    return write<MenuItem>([&]() -> Result<MenuItem> {
        auto count = m_menu.itemCount();
        if (!count)
            return fail(count.error());
        if (*count >= m_limits.maxItems)
            return fail(ErrorCode::LimitReached, u"a store has at most %1 menu items"_s.arg(m_limits.maxItems));
        auto category = m_menu.category(*input.categoryId);
        if (!category)
            return fail(category.error());
        if (!category->has_value())
            return fail(Error::validation(u"category_id"_s, u"category_id names no category"_s));
        MenuItem item{0, *input.categoryId, *input.name, input.description.value_or(QString()),
                      *input.price, QString(), input.available.value_or(true),
                      input.displayOrder.value_or(0)};
        item.optionGroupIds = input.optionGroupIds.value_or(QList<qint64>());
        if (auto ok = checkGroupIds(item.optionGroupIds); !ok)
            return fail(ok.error());
        item.allergens = input.allergens.value_or(QStringList());
        item.tags = input.tags.value_or(QStringList());
        item.translations = input.translations.value_or(menu::Translations());
        item.hours = input.hours.value_or(menu::Hours());
        item.stock = input.stock.value_or(std::nullopt);
        auto id = m_menu.insertItem(item);
        if (!id)
            return fail(id.error());
        item.id = *id;
        return item;
    }, nullptr, actor, QJsonObject{{u"change"_s, u"item.created"_s}});
}

Result<MenuItem> MenuService::updateItem(qint64 id, const ItemInput &input, const QJsonObject &actor)
{
    if (auto ok = checkLocallyManaged(); !ok)
        return fail(ok.error());
    if (auto ok = checkItem(input); !ok)
        return fail(ok.error());
    return write<MenuItem>([&]() -> Result<MenuItem> {
        auto existing = m_menu.item(id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"menu item"_s));
        if (input.categoryId) {
            auto category = m_menu.category(*input.categoryId);
            if (!category)
                return fail(category.error());
            if (!category->has_value())
                return fail(Error::validation(u"category_id"_s, u"category_id names no category"_s));
        }
        MenuItem item = **existing;
        item.categoryId = input.categoryId.value_or(item.categoryId);
        item.name = input.name.value_or(item.name);
        item.description = input.description.value_or(item.description);
        item.price = input.price.value_or(item.price);
        item.available = input.available.value_or(item.available);
        item.displayOrder = input.displayOrder.value_or(item.displayOrder);
        if (input.optionGroupIds) {
            if (auto ok = checkGroupIds(*input.optionGroupIds); !ok)
                return fail(ok.error());
            item.optionGroupIds = *input.optionGroupIds;
        }
        item.allergens = input.allergens.value_or(item.allergens);
        item.tags = input.tags.value_or(item.tags);
        item.translations = input.translations.value_or(item.translations);
        item.hours = input.hours.value_or(item.hours);
        item.stock = input.stock.value_or(item.stock);
        if (auto ok = m_menu.updateItem(item); !ok)
            return fail(ok.error());
        return item;
    }, nullptr, actor, QJsonObject{{u"change"_s, u"item.updated"_s}, {u"id"_s, id}});
}

Status MenuService::deleteItem(qint64 id, const QJsonObject &actor)
{
    if (auto ok = checkLocallyManaged(); !ok)
        return fail(ok.error());
    // Past orders keep their own copy of name and price, so deleting is safe.
    auto done = write<bool>([&]() -> Result<bool> {
        auto existing = m_menu.item(id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"menu item"_s));
        if (auto ok = m_menu.deleteItem(id); !ok)
            return fail(ok.error());
        return true;
    }, nullptr, actor, QJsonObject{{u"change"_s, u"item.deleted"_s}, {u"id"_s, id}});
    if (!done)
        return fail(done.error());
    return {};
}

Result<MenuItem> MenuService::setAvailability(qint64 id, bool available, const QJsonObject &actor)
{
    auto item = write<MenuItem>([&]() -> Result<MenuItem> {
        auto existing = m_menu.item(id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"menu item"_s));
        if (auto ok = m_menu.setAvailable(id, available); !ok)
            return fail(ok.error());
        MenuItem changed = **existing;
        changed.available = available;
        return changed;
    }, events::ItemAvailabilityChanged, actor, QJsonObject{{u"change"_s, u"item.availability"_s}, {u"id"_s, id}});
    return item;
}

Status MenuService::checkGroupIds(const QList<qint64> &ids)
{
    auto groups = m_menu.groups();
    if (!groups)
        return fail(groups.error());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (std::none_of(groups->begin(), groups->end(), [&](const menu::OptionGroup &g) { return g.id == ids.at(i); }))
            return fail(Error::validation(u"option_group_ids[%1]"_s.arg(i),
                                          u"option group %1 does not exist"_s.arg(ids.at(i))));
    }
    return {};
}

Result<QList<menu::OptionGroup>> MenuService::groups()
{
    return m_menu.groups();
}

Result<menu::OptionGroup> MenuService::createGroup(menu::OptionGroup group, const QJsonObject &actor)
{
    if (auto ok = checkLocallyManaged(); !ok)
        return fail(ok.error());
    for (menu::Option &option : group.options)
        option.id = 0; // new options get new ids
    return write<menu::OptionGroup>([&]() -> Result<menu::OptionGroup> {
        auto count = m_menu.groupCount();
        if (!count)
            return fail(count.error());
        if (*count >= menu::maxGroupsPerStore)
            return fail(ErrorCode::LimitReached,
                        u"a store has at most %1 option groups"_s.arg(menu::maxGroupsPerStore),
                        QJsonObject{{u"limit"_s, menu::maxGroupsPerStore}});
        group.id = 0;
        if (auto ok = m_menu.insertGroup(group); !ok)
            return fail(ok.error());
        return group;
    }, nullptr, actor, QJsonObject{{u"change"_s, u"option_group.created"_s}});
}

Result<menu::OptionGroup> MenuService::updateGroup(qint64 id, menu::OptionGroup group, const QJsonObject &actor)
{
    if (auto ok = checkLocallyManaged(); !ok)
        return fail(ok.error());
    return write<menu::OptionGroup>([&]() -> Result<menu::OptionGroup> {
        auto existing = m_menu.group(id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"option group"_s));
        for (qsizetype i = 0; i < group.options.size(); ++i) {
            const qint64 optionId = group.options.at(i).id;
            const auto &kept = (*existing)->options;
            if (optionId != 0
                && std::none_of(kept.begin(), kept.end(), [&](const menu::Option &o) { return o.id == optionId; }))
                return fail(Error::validation(u"options[%1].id"_s.arg(i),
                                              u"option %1 is not an option of this group"_s.arg(optionId)));
        }
        group.id = id;
        if (auto ok = m_menu.updateGroup(group); !ok)
            return fail(ok.error());
        return group;
    }, nullptr, actor, QJsonObject{{u"change"_s, u"option_group.updated"_s}, {u"id"_s, id}});
}

Status MenuService::deleteGroup(qint64 id, const QJsonObject &actor)
{
    if (auto ok = checkLocallyManaged(); !ok)
        return fail(ok.error());
    auto done = write<bool>([&]() -> Result<bool> {
        auto existing = m_menu.group(id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"option group"_s));
        if (auto ok = m_menu.deleteGroup(id); !ok)
            return fail(ok.error());
        return true;
    }, nullptr, actor, QJsonObject{{u"change"_s, u"option_group.deleted"_s}, {u"id"_s, id}});
    if (!done)
        return fail(done.error());
    return {};
}

Result<menu::Option> MenuService::setOptionAvailability(qint64 optionId, bool available, const QJsonObject &actor)
{
    return write<menu::Option>([&]() -> Result<menu::Option> {
        auto groupId = m_menu.groupOfOption(optionId);
        if (!groupId)
            return fail(groupId.error());
        if (!groupId->has_value())
            return fail(Error::notFound(u"option"_s));
        if (auto ok = m_menu.setOptionAvailable(optionId, available); !ok)
            return fail(ok.error());
        auto group = m_menu.group(**groupId);
        if (!group)
            return fail(group.error());
        for (const menu::Option &option : (*group)->options) {
            if (option.id == optionId)
                return option;
        }
        return fail(Error::internal());
    }, events::OptionAvailabilityChanged, actor, QJsonObject{{u"change"_s, u"option.availability"_s}, {u"id"_s, optionId}});
}

Result<MenuItem> MenuService::setStock(qint64 id, std::optional<qint64> stock, const QJsonObject &actor)
{
    return write<MenuItem>([&]() -> Result<MenuItem> {
        auto existing = m_menu.item(id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"menu item"_s));
        if (auto ok = m_menu.setStock(id, stock); !ok)
            return fail(ok.error());
        MenuItem changed = **existing;
        changed.stock = stock;
        return changed;
    }, events::ItemAvailabilityChanged, actor, QJsonObject{{u"change"_s, u"item.stock"_s}, {u"id"_s, id}});
}

Result<MenuItem> MenuService::storeImage(qint64 id, const QString &imagePath, const QJsonObject &actor)
{
    return write<MenuItem>([&]() -> Result<MenuItem> {
        auto existing = m_menu.item(id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"menu item"_s));
        if (auto ok = m_menu.setImage(id, imagePath); !ok)
            return fail(ok.error());
        MenuItem changed = **existing;
        changed.imagePath = imagePath;
        return changed;
    }, nullptr, actor, QJsonObject{{u"change"_s, u"item.image"_s}, {u"id"_s, id}});
}

Result<MenuItem> MenuService::setImageNow(qint64 id, const QByteArray &data, const QJsonObject &actor)
{
    auto existing = m_menu.item(id);
    if (!existing)
        return fail(existing.error());
    if (!existing->has_value())
        return fail(Error::notFound(u"menu item"_s));
    auto path = ImageProcessor::process(data, m_imageDir, u"item-%1"_s.arg(id));
    if (!path)
        return fail(path.error());
    return storeImage(id, *path, actor);
}

void MenuService::setImage(qint64 id, QByteArray data, std::function<void(Result<MenuItem>)> done,
                           const QJsonObject &actor)
{
    if (auto ok = checkLocallyManaged(); !ok)
        return done(fail(ok.error()));
    auto existing = m_menu.item(id);
    if (!existing)
        return done(fail(existing.error()));
    if (!existing->has_value())
        return done(fail(Error::notFound(u"menu item"_s)));
    ++m_pendingImages;
    QPointer<MenuService> self(this);
    const QString dir = m_imageDir;
    QThreadPool::globalInstance()->start([self, id, data = std::move(data), dir, done = std::move(done), actor] {
        auto path = ImageProcessor::process(data, dir, u"item-%1"_s.arg(id));
        QMetaObject::invokeMethod(
                self.data(),
                [self, id, path = std::move(path), done, actor] {
                    if (!self)
                        return;
                    --self->m_pendingImages;
                    if (!path)
                        return done(fail(path.error()));
                    done(self->storeImage(id, *path, actor));
                },
                Qt::QueuedConnection);
    });
}

Status MenuService::checkLocallyManaged() const
{
    if (m_managedCentrally)
        return fail(ErrorCode::MenuManagedCentrally,
                    u"this store's menu is managed at HQ; change it there (sold-out toggles stay here)"_s);
    return {};
}

namespace {
/// The hash of an HQ picture URL (`/images/<64 hex>.jpg`), or empty.
QString centralImageHash(const QString &url)
{
    static const QRegularExpression pattern(u"^/images/([0-9a-f]{64})\\.jpg$"_s);
    const auto match = pattern.match(url);
    return match.hasMatch() ? match.captured(1) : QString();
}
} // namespace

QStringList MenuService::missingCentralImages(const QByteArray &menuJson) const
{
    QStringList missing;
    for (const QJsonValue &cv : QJsonDocument::fromJson(menuJson).object().value(u"categories"_s).toArray()) {
        for (const QJsonValue &iv : cv.toObject().value(u"items"_s).toArray()) {
            const QString hash = centralImageHash(iv.toObject().value(u"image_url"_s).toString());
            if (!hash.isEmpty() && !missing.contains(hash) && !QFile::exists(QDir(m_imageDir).filePath(hash + u".jpg"_s)))
                missing.append(hash);
        }
    }
    return missing;
}

Status MenuService::saveCentralImage(const QString &hash, const QByteArray &full, const QByteArray &thumb)
{
    if (!ImageProcessor::isContentHash(hash) || ImageProcessor::contentHash(full) != hash || thumb.isEmpty())
        return fail(Error::validation(u"image"_s, u"the picture from central does not match its hash"_s));
    return ImageProcessor::save(full, thumb, m_imageDir, hash);
}

Result<QStringList> MenuService::applyCentralMenu(const QByteArray &menuJson,
                                                  const std::function<Status()> &inTransaction)
{
    const QStringList missing = missingCentralImages(menuJson);
    auto published = menu::menuFromJson(QJsonDocument::fromJson(menuJson).object());
    if (!published)
        return fail(published.error());
    auto current = snapshot();
    if (!current)
        return fail(current.error());
    for (MenuItem &item : published->items) {
        // Sold out and stock are the store's call and survive HQ's menu updates.
        const auto old = (*current)->items.constFind(item.id);
        item.available = old == (*current)->items.cend() ? true : old->available;
        item.stock = old == (*current)->items.cend() ? std::nullopt : old->stock;
        // An HQ picture is served from this edge's own copy (tablets keep their pictures
        // when the internet is down), or not at all until that copy is here.
        if (const QString hash = centralImageHash(item.imagePath); !hash.isEmpty())
            item.imagePath = missing.contains(hash) ? QString() : hash + u".jpg"_s;
    }
    for (menu::OptionGroup &group : published->groups) {
        // So is an option switched off here.
        for (menu::Option &option : group.options) {
            for (const menu::OptionGroup &old : (*current)->groups) {
                for (const menu::Option &o : old.options) {
                    if (o.id == option.id)
                        option.available = o.available;
                }
            }
        }
    }
    auto done = write<bool>([&]() -> Result<bool> {
        if (auto ok = m_menu.replaceAll(published->categories, published->items, published->groups); !ok)
            return fail(ok.error());
        if (auto ok = inTransaction(); !ok)
            return fail(ok.error());
        return true;
    });
    if (!done)
        return fail(done.error());
    return missing;
}

} // namespace tableorder::edge
