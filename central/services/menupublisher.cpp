#include "menupublisher.h"

#include "database.h"
#include "storeservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace tableorder::central {

QJsonObject toJson(const CentralItem &item)
{
    return {{u"id"_s, item.id},
            {u"category_id"_s, item.categoryId},
            {u"name"_s, item.name},
            {u"description"_s, item.description},
            {u"price"_s, item.price},
            {u"image_url"_s, item.imageUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(item.imageUrl)},
            {u"display_order"_s, item.displayOrder}};
}

MenuPublisher::MenuPublisher(QSqlDatabase db, CentralMenuRepository &menus, StoreService &stores, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_menus(menus), m_stores(stores)
{
    connect(&m_scheduler, &QTimer::timeout, this, &MenuPublisher::publishDue);
    m_scheduler.start(1000);
}

Result<StoreRecord> MenuPublisher::editable(const HqPrincipal &who, qint64 storeId)
{
    auto store = m_stores.get(who, storeId);
    if (!store)
        return store;
    if (!who.isAdmin())
        return fail(ErrorCode::Forbidden, u"only an HQ admin can change menus"_s);
    return store;
}

Result<QByteArray> MenuPublisher::buildMenuJson(qint64 storeId)
{
    auto categories = m_menus.categories(storeId);
    if (!categories)
        return fail(categories.error());
    auto items = m_menus.items(storeId);
    if (!items)
        return fail(items.error());
    QJsonArray out;
    for (const MenuCategory &c : *categories) {
        QJsonArray list;
        for (const CentralItem &i : *items) {
            if (i.categoryId == c.id)
                list.append(toJson(i));
        }
        out.append(QJsonObject{{u"id"_s, c.id}, {u"name"_s, c.name}, {u"display_order"_s, c.displayOrder},
                               {u"items"_s, list}});
    }
    return QJsonDocument(QJsonObject{{u"categories"_s, out}}).toJson(QJsonDocument::Compact);
}

Result<QJsonObject> MenuPublisher::workingMenu(const HqPrincipal &who, qint64 storeId)
{
    auto store = m_stores.get(who, storeId);
    if (!store)
        return fail(store.error());
    auto json = buildMenuJson(storeId);
    if (!json)
        return fail(json.error());
    QJsonObject menu = QJsonDocument::fromJson(*json).object();
    menu.insert(u"published_version"_s, store->menuVersion);
    return menu;
}

Result<qint64> MenuPublisher::publishNow(qint64 storeId, const QDateTime &publishAt, const QString &note)
{
    auto json = buildMenuJson(storeId);
    if (!json)
        return fail(json.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return m_menus.insertVersion(storeId, *json, publishAt.isValid() ? publishAt : now, now, note);
}

Status MenuPublisher::afterEdit(qint64 storeId, PublishMode mode)
{
    if (mode == PublishMode::Staged)
        return {};
    auto version = publishNow(storeId, {}, u"edit"_s);
    if (!version)
        return fail(version.error());
    return {};
}

namespace {
template<typename T, typename F>
Result<T> inTransaction(QSqlDatabase &db, F &&work, std::function<void()> afterCommit)
{
    db::Transaction tx(db);
    Result<T> result = work();
    if (!result)
        return result;
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    afterCommit();
    return result;
}
} // namespace

Result<MenuCategory> MenuPublisher::createCategory(const HqPrincipal &who, qint64 storeId, const CategoryEdit &edit,
                                                   PublishMode mode)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    if (!edit.name || edit.name->isEmpty())
        return fail(Error::validation(u"name"_s, u"name is required"_s));
    return inTransaction<MenuCategory>(m_db, [&]() -> Result<MenuCategory> {
        MenuCategory c{0, *edit.name, edit.displayOrder.value_or(0)};
        auto id = m_menus.insertCategory(storeId, c);
        if (!id)
            return fail(id.error());
        c.id = *id;
        if (auto ok = afterEdit(storeId, mode); !ok)
            return fail(ok.error());
        return c;
    }, [this, storeId, mode] { if (mode == PublishMode::Now) wake(storeId); });
}

Result<MenuCategory> MenuPublisher::updateCategory(const HqPrincipal &who, qint64 storeId, qint64 id,
                                                   const CategoryEdit &edit, PublishMode mode)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    return inTransaction<MenuCategory>(m_db, [&]() -> Result<MenuCategory> {
        auto existing = m_menus.category(storeId, id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"category"_s));
        MenuCategory c = **existing;
        c.name = edit.name.value_or(c.name);
        c.displayOrder = edit.displayOrder.value_or(c.displayOrder);
        if (auto ok = m_menus.updateCategory(storeId, c); !ok)
            return fail(ok.error());
        if (auto ok = afterEdit(storeId, mode); !ok)
            return fail(ok.error());
        return c;
    }, [this, storeId, mode] { if (mode == PublishMode::Now) wake(storeId); });
}

Status MenuPublisher::deleteCategory(const HqPrincipal &who, qint64 storeId, qint64 id, PublishMode mode)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    auto done = inTransaction<bool>(m_db, [&]() -> Result<bool> {
        auto existing = m_menus.category(storeId, id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"category"_s));
        auto count = m_menus.itemCountInCategory(storeId, id);
        if (!count)
            return fail(count.error());
        if (*count > 0)
            return fail(ErrorCode::Conflict, u"category still has %1 items"_s.arg(*count));
        if (auto ok = m_menus.deleteCategory(storeId, id); !ok)
            return fail(ok.error());
        if (auto ok = afterEdit(storeId, mode); !ok)
            return fail(ok.error());
        return true;
    }, [this, storeId, mode] { if (mode == PublishMode::Now) wake(storeId); });
    return done ? Status() : Status(fail(done.error()));
}

namespace {
Status checkItem(const ItemEdit &edit)
{
    if (edit.name && (edit.name->isEmpty() || edit.name->size() > 100))
        return fail(Error::validation(u"name"_s, u"name must be 1 to 100 characters"_s));
    if (edit.price && (*edit.price < 0 || *edit.price > 100'000'000))
        return fail(Error::validation(u"price"_s, u"price must be between 0 and 100000000"_s));
    return {};
}
} // namespace

Result<CentralItem> MenuPublisher::createItem(const HqPrincipal &who, qint64 storeId, const ItemEdit &edit,
                                              PublishMode mode)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    if (!edit.categoryId || !edit.name || !edit.price)
        return fail(Error::validation(!edit.categoryId ? u"category_id"_s : !edit.name ? u"name"_s : u"price"_s,
                                      u"category_id, name and price are required"_s));
    if (auto ok = checkItem(edit); !ok)
        return fail(ok.error());
    return inTransaction<CentralItem>(m_db, [&]() -> Result<CentralItem> {
        auto category = m_menus.category(storeId, *edit.categoryId);
        if (!category)
            return fail(category.error());
        if (!category->has_value())
            return fail(Error::validation(u"category_id"_s, u"category_id names no category of this store"_s));
        CentralItem item{0, storeId, *edit.categoryId, *edit.name, edit.description.value_or(QString()),
                         *edit.price, edit.imageUrl.value_or(QString()), edit.displayOrder.value_or(0)};
        auto id = m_menus.insertItem(item);
        if (!id)
            return fail(id.error());
        item.id = *id;
        if (auto ok = afterEdit(storeId, mode); !ok)
            return fail(ok.error());
        return item;
    }, [this, storeId, mode] { if (mode == PublishMode::Now) wake(storeId); });
}

Result<CentralItem> MenuPublisher::updateItem(const HqPrincipal &who, qint64 storeId, qint64 id, const ItemEdit &edit,
                                              PublishMode mode)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    if (auto ok = checkItem(edit); !ok)
        return fail(ok.error());
    return inTransaction<CentralItem>(m_db, [&]() -> Result<CentralItem> {
        auto existing = m_menus.item(storeId, id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"menu item"_s));
        if (edit.categoryId) {
            auto category = m_menus.category(storeId, *edit.categoryId);
            if (!category)
                return fail(category.error());
            if (!category->has_value())
                return fail(Error::validation(u"category_id"_s, u"category_id names no category of this store"_s));
        }
        CentralItem item = **existing;
        item.categoryId = edit.categoryId.value_or(item.categoryId);
        item.name = edit.name.value_or(item.name);
        item.description = edit.description.value_or(item.description);
        item.price = edit.price.value_or(item.price);
        item.imageUrl = edit.imageUrl.value_or(item.imageUrl);
        item.displayOrder = edit.displayOrder.value_or(item.displayOrder);
        if (auto ok = m_menus.updateItem(item); !ok)
            return fail(ok.error());
        if (auto ok = afterEdit(storeId, mode); !ok)
            return fail(ok.error());
        return item;
    }, [this, storeId, mode] { if (mode == PublishMode::Now) wake(storeId); });
}

Result<CentralItem> MenuPublisher::editableItem(const HqPrincipal &who, qint64 storeId, qint64 id)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    auto existing = m_menus.item(storeId, id);
    if (!existing)
        return fail(existing.error());
    if (!existing->has_value())
        return fail(Error::notFound(u"menu item"_s));
    return **existing;
}

Status MenuPublisher::deleteItem(const HqPrincipal &who, qint64 storeId, qint64 id, PublishMode mode)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    auto done = inTransaction<bool>(m_db, [&]() -> Result<bool> {
        auto existing = m_menus.item(storeId, id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"menu item"_s));
        if (auto ok = m_menus.deleteItem(storeId, id); !ok)
            return fail(ok.error());
        if (auto ok = afterEdit(storeId, mode); !ok)
            return fail(ok.error());
        return true;
    }, [this, storeId, mode] { if (mode == PublishMode::Now) wake(storeId); });
    return done ? Status() : Status(fail(done.error()));
}

Result<QList<qint64>> MenuPublisher::applyToStores(const HqPrincipal &who, const QList<qint64> &storeIds,
                                                   const QString &categoryName, const QString &itemName,
                                                   const ItemEdit &edit, const QDateTime &publishAt)
{
    if (storeIds.isEmpty())
        return fail(Error::validation(u"store_ids"_s, u"name at least one store"_s));
    if (categoryName.isEmpty() || itemName.isEmpty())
        return fail(Error::validation(u"item"_s, u"category and name are required"_s));
    if (auto ok = checkItem(edit); !ok)
        return fail(ok.error());
    for (qint64 storeId : storeIds) {
        if (auto store = editable(who, storeId); !store)
            return fail(store.error());
    }
    // All stores in one transaction: twenty stores change together or not at all.
    auto done = inTransaction<QList<qint64>>(m_db, [&]() -> Result<QList<qint64>> {
        for (qint64 storeId : storeIds) {
            auto categories = m_menus.categories(storeId);
            if (!categories)
                return fail(categories.error());
            qint64 categoryId = 0;
            for (const MenuCategory &c : *categories) {
                if (c.name == categoryName)
                    categoryId = c.id;
            }
            if (!categoryId) {
                auto id = m_menus.insertCategory(storeId, {0, categoryName, int(categories->size()) * 10 + 10});
                if (!id)
                    return fail(id.error());
                categoryId = *id;
            }
            auto items = m_menus.items(storeId);
            if (!items)
                return fail(items.error());
            std::optional<CentralItem> match;
            for (const CentralItem &i : *items) {
                if (i.categoryId == categoryId && i.name == itemName)
                    match = i;
            }
            if (match) {
                CentralItem item = *match;
                item.description = edit.description.value_or(item.description);
                item.price = edit.price.value_or(item.price);
                item.imageUrl = edit.imageUrl.value_or(item.imageUrl);
                item.displayOrder = edit.displayOrder.value_or(item.displayOrder);
                if (auto ok = m_menus.updateItem(item); !ok)
                    return fail(ok.error());
            } else {
                if (!edit.price)
                    return fail(Error::validation(u"price"_s, u"price is required for a new item"_s));
                if (auto id = m_menus.insertItem({0, storeId, categoryId, itemName, edit.description.value_or(QString()),
                                                  *edit.price, edit.imageUrl.value_or(QString()),
                                                  edit.displayOrder.value_or(0)});
                    !id)
                    return fail(id.error());
            }
            if (auto version = publishNow(storeId, publishAt, u"bulk edit"_s); !version)
                return fail(version.error());
        }
        return storeIds;
    }, [this, storeIds] { for (qint64 s : storeIds) wake(s); });
    return done;
}

Result<qint64> MenuPublisher::publish(const HqPrincipal &who, qint64 storeId, const QDateTime &publishAt,
                                      const QString &note)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    return inTransaction<qint64>(m_db, [&] { return publishNow(storeId, publishAt, note); },
                                 [this, storeId] { wake(storeId); });
}

Result<QList<MenuVersion>> MenuPublisher::versions(const HqPrincipal &who, qint64 storeId)
{
    if (auto store = m_stores.get(who, storeId); !store)
        return fail(store.error());
    return m_menus.versions(storeId);
}

Result<qint64> MenuPublisher::rollback(const HqPrincipal &who, qint64 storeId, qint64 version)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    return inTransaction<qint64>(m_db, [&]() -> Result<qint64> {
        auto json = m_menus.versionJson(storeId, version);
        if (!json)
            return fail(json.error());
        if (!json->has_value())
            return fail(Error::notFound(u"menu version"_s));
        // HQ's working menu goes back too: otherwise the next edit would publish the
        // rolled-back content again.
        if (auto ok = restoreWorkingMenu(storeId, **json); !ok)
            return fail(ok.error());
        // The old content becomes a new version, so edges apply it like any other.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return m_menus.insertVersion(storeId, **json, now, now, u"rollback to version %1"_s.arg(version));
    }, [this, storeId] { wake(storeId); });
}

Status MenuPublisher::restoreWorkingMenu(qint64 storeId, const QByteArray &menuJson)
{
    QList<MenuCategory> categories;
    QList<CentralItem> items;
    for (const QJsonValue &cv : QJsonDocument::fromJson(menuJson).object().value(u"categories"_s).toArray()) {
        const QJsonObject c = cv.toObject();
        MenuCategory category;
        category.id = c.value(u"id"_s).toInteger();
        category.name = c.value(u"name"_s).toString();
        category.displayOrder = int(c.value(u"display_order"_s).toInteger());
        categories.append(category);
        for (const QJsonValue &iv : c.value(u"items"_s).toArray()) {
            const QJsonObject i = iv.toObject();
            items.append({i.value(u"id"_s).toInteger(), storeId, category.id, i.value(u"name"_s).toString(),
                          i.value(u"description"_s).toString(), i.value(u"price"_s).toInteger(),
                          i.value(u"image_url"_s).toString(), int(i.value(u"display_order"_s).toInteger())});
        }
    }
    return m_menus.replaceWorkingMenu(storeId, categories, items);
}

Result<std::pair<qint64, QByteArray>> MenuPublisher::published(qint64 storeId)
{
    return m_menus.published(storeId);
}

void MenuPublisher::publishDue()
{
    db::Transaction tx(m_db);
    auto due = m_menus.publishDue(QDateTime::currentDateTimeUtc());
    if (!due || due->isEmpty() || !tx.commit())
        return;
    for (const auto &[storeId, version] : *due)
        wake(storeId);
}

void MenuPublisher::notifyPublished(qint64 storeId)
{
    auto current = m_menus.published(storeId);
    if (!current || current->first == 0)
        return;
    const auto waiters = m_waiters.values(storeId);
    for (const auto &waiter : waiters) {
        if (current->first <= waiter->after)
            continue;
        m_waiters.remove(storeId, waiter);
        waiter->timer->stop();
        waiter->timer->deleteLater();
        if (waiter->context)
            waiter->done(current->first, current->second);
    }
}

void MenuPublisher::wake(qint64 storeId)
{
    auto current = m_menus.published(storeId);
    if (current && current->first > 0)
        emit versionPublished(storeId, current->first);
    notifyPublished(storeId);
}

void MenuPublisher::waitForVersion(qint64 storeId, qint64 after, int timeoutMs,
                                   std::function<void(qint64, QByteArray)> done, QObject *context)
{
    auto current = m_menus.published(storeId);
    if (current && current->first > after) {
        done(current->first, current->second);
        return;
    }
    auto waiter = std::make_shared<Waiter>(Waiter{after, std::move(done), context, new QTimer(this)});
    waiter->timer->setSingleShot(true);
    connect(waiter->timer, &QTimer::timeout, this, [this, storeId, waiter] {
        m_waiters.remove(storeId, waiter);
        waiter->timer->deleteLater();
        if (waiter->context)
            waiter->done(0, {});
    });
    waiter->timer->start(timeoutMs);
    m_waiters.insert(storeId, waiter);
}

} // namespace tableorder::central
