#include "menuservice.h"

#include "database.h"
#include "edgeconfig.h"
#include "event.h"
#include "eventlog.h"
#include "imageprocessor.h"
#include "storage/menurepository.h"
#include "storage/storerepository.h"

#include <QCryptographicHash>
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

QJsonObject toJson(const MenuItem &item)
{
    const QString image = MenuService::imageUrl(item.imagePath);
    const QString thumb = MenuService::thumbnailUrl(item.imagePath);
    return {{u"id"_s, item.id},
            {u"category_id"_s, item.categoryId},
            {u"name"_s, item.name},
            {u"description"_s, item.description},
            {u"price"_s, item.price},
            {u"image_url"_s, image.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(image)},
            {u"thumbnail_url"_s, thumb.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(thumb)},
            {u"available"_s, item.available},
            {u"display_order"_s, item.displayOrder}};
}

QJsonObject toJson(const MenuCategory &category)
{
    return {{u"id"_s, category.id},
            {u"name"_s, category.name},
            {u"display_order"_s, category.displayOrder},
            {u"station"_s, category.station.isEmpty() ? MenuRepository::defaultStation() : category.station}};
}

bool MenuService::isValidStation(QStringView name)
{
    static const QRegularExpression pattern(u"^[a-z][a-z0-9_-]{0,31}$"_s);
    return pattern.match(name).hasMatch();
}

MenuService::MenuService(QSqlDatabase db, MenuRepository &menu, StoreRepository &store, EventLog &events,
                         const StoreLimits &limits, QString imageDir, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_menu(menu), m_store(store), m_events(events), m_limits(limits),
      m_imageDir(std::move(imageDir))
{
}

Result<std::shared_ptr<const MenuSnapshot>> MenuService::snapshot()
{
    if (m_snapshot)
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

    auto snap = std::make_shared<MenuSnapshot>();
    snap->version = store->menuVersion;
    QJsonArray categoryArray;
    for (const MenuCategory &category : *categories) {
        QJsonObject c = toJson(category);
        QJsonArray itemArray;
        for (const MenuItem &item : *items) {
            if (item.categoryId == category.id) {
                itemArray.append(toJson(item));
                snap->stations.insert(item.id, c.value(u"station"_s).toString());
            }
        }
        c.insert(u"items"_s, itemArray);
        categoryArray.append(c);
    }
    for (const MenuItem &item : *items)
        snap->items.insert(item.id, item);
    snap->json = QJsonDocument(QJsonObject{{u"version"_s, snap->version},
                                           {u"currency"_s, store->currency},
                                           {u"store_name"_s, store->name},
                                           {u"categories"_s, categoryArray}})
                         .toJson(QJsonDocument::Compact);
    snap->etag = "\"menu-" + QByteArray::number(snap->version) + '"';
    m_snapshot = snap;
    return m_snapshot;
}

template<typename T, typename F>
Result<T> MenuService::write(F &&change, const char *eventType)
{
    db::Transaction tx(m_db);
    Result<T> result = change();
    if (!result)
        return result;
    auto version = m_store.bumpMenuVersion();
    if (!version)
        return fail(version.error());
    QJsonObject data{{u"menu_version"_s, *version}};
    if constexpr (std::is_same_v<T, MenuItem>) {
        if (eventType)
            data.insert(u"item"_s, toJson(*result));
    }
    auto event = m_events.record(QString::fromLatin1(eventType ? eventType : events::MenuUpdated), 0, data);
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

Result<MenuCategory> MenuService::createCategory(const CategoryInput &input)
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
        auto id = m_menu.insertCategory(category);
        if (!id)
            return fail(id.error());
        category.id = *id;
        return category;
    });
}

Result<MenuCategory> MenuService::updateCategory(qint64 id, const CategoryInput &input)
{
    // Which station cooks a category is the store's call, like sold-out, even under HQ's menu.
    const bool stationOnly = !input.name && !input.displayOrder;
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
        if (auto ok = m_menu.updateCategory(category); !ok)
            return fail(ok.error());
        return category;
    });
}

Status MenuService::deleteCategory(qint64 id)
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
    });
    if (!done)
        return fail(done.error());
    return {};
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

Result<MenuItem> MenuService::createItem(const ItemInput &input)
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
        auto id = m_menu.insertItem(item);
        if (!id)
            return fail(id.error());
        item.id = *id;
        return item;
    });
}

Result<MenuItem> MenuService::updateItem(qint64 id, const ItemInput &input)
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
        if (auto ok = m_menu.updateItem(item); !ok)
            return fail(ok.error());
        return item;
    });
}

Status MenuService::deleteItem(qint64 id)
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
    });
    if (!done)
        return fail(done.error());
    return {};
}

Result<MenuItem> MenuService::setAvailability(qint64 id, bool available)
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
    }, events::ItemAvailabilityChanged);
    return item;
}

Result<MenuItem> MenuService::storeImage(qint64 id, const QString &imagePath)
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
    });
}

Result<MenuItem> MenuService::setImageNow(qint64 id, const QByteArray &data)
{
    auto existing = m_menu.item(id);
    if (!existing)
        return fail(existing.error());
    if (!existing->has_value())
        return fail(Error::notFound(u"menu item"_s));
    auto path = ImageProcessor::process(data, m_imageDir, u"item-%1"_s.arg(id));
    if (!path)
        return fail(path.error());
    return storeImage(id, *path);
}

void MenuService::setImage(qint64 id, QByteArray data, std::function<void(Result<MenuItem>)> done)
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
    QThreadPool::globalInstance()->start([self, id, data = std::move(data), dir, done = std::move(done)] {
        auto path = ImageProcessor::process(data, dir, u"item-%1"_s.arg(id));
        QMetaObject::invokeMethod(
                self.data(),
                [self, id, path = std::move(path), done] {
                    if (!self)
                        return;
                    --self->m_pendingImages;
                    if (!path)
                        return done(fail(path.error()));
                    done(self->storeImage(id, *path));
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
    const QJsonObject menu = QJsonDocument::fromJson(menuJson).object();
    auto current = snapshot();
    if (!current)
        return fail(current.error());
    QList<MenuCategory> categories;
    QList<MenuItem> items;
    for (const QJsonValue &cv : menu.value(u"categories"_s).toArray()) {
        const QJsonObject c = cv.toObject();
        const qint64 categoryId = c.value(u"id"_s).toInteger();
        if (categoryId <= 0)
            return fail(Error::validation(u"categories"_s, u"central menu category without id"_s));
        categories.append({categoryId, c.value(u"name"_s).toString(), int(c.value(u"display_order"_s).toInteger()),
                           c.value(u"station"_s).toString()});
        for (const QJsonValue &iv : c.value(u"items"_s).toArray()) {
            const QJsonObject i = iv.toObject();
            const qint64 id = i.value(u"id"_s).toInteger();
            if (id <= 0 || i.value(u"price"_s).toInteger() < 0)
                return fail(Error::validation(u"items"_s, u"central menu item without id or price"_s));
            // Sold out is the store's call and survives HQ's menu updates.
            const auto old = (*current)->items.constFind(id);
            // An HQ picture is served from this edge's own copy (tablets keep their pictures
            // when the internet is down), or not at all until that copy is here.
            QString image = i.value(u"image_url"_s).toString();
            if (const QString hash = centralImageHash(image); !hash.isEmpty())
                image = missing.contains(hash) ? QString() : hash + u".jpg"_s;
            items.append({id, categoryId, i.value(u"name"_s).toString(), i.value(u"description"_s).toString(),
                          i.value(u"price"_s).toInteger(), image,
                          old == (*current)->items.cend() ? true : old->available,
                          int(i.value(u"display_order"_s).toInteger())});
        }
    }
    auto done = write<bool>([&]() -> Result<bool> {
        if (auto ok = m_menu.replaceAll(categories, items); !ok)
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
