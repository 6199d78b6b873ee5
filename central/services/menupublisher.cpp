#include "menupublisher.h"

#include "database.h"
#include "storeservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tableorder::central {

QJsonObject toJson(const CentralItem &item)
{
    QJsonArray groupIds;
    for (qint64 id : item.optionGroupIds)
        groupIds.append(id);
    return {{u"id"_s, item.id},
            {u"category_id"_s, item.categoryId},
            {u"name"_s, item.name},
            {u"description"_s, item.description},
            {u"price"_s, item.price},
            {u"image_url"_s, item.imageUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(item.imageUrl)},
            {u"display_order"_s, item.displayOrder},
            {u"option_group_ids"_s, groupIds},
            {u"allergens"_s, QJsonArray::fromStringList(item.allergens)},
            {u"tags"_s, QJsonArray::fromStringList(item.tags)},
            {u"translations"_s, menu::toJson(item.translations)},
            {u"available_hours"_s, menu::toJson(item.hours)}};
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
    // The published menu is what the common model writes: edges read it with menuFromJson.
    auto categories = m_menus.categories(storeId);
    if (!categories)
        return fail(categories.error());
    auto items = m_menus.items(storeId);
    if (!items)
        return fail(items.error());
    auto groups = m_menus.optionGroups(storeId);
    if (!groups)
        return fail(groups.error());
    menu::Menu menu{*categories, {}, *groups};
    for (const CentralItem &i : std::as_const(*items))
        menu.items.append(toMenuItem(i));
    return QJsonDocument(menu::menuToJson(menu)).toJson(QJsonDocument::Compact);
}

Result<QJsonObject> MenuPublisher::workingMenu(const HqPrincipal &who, qint64 storeId)
{
    auto store = m_stores.get(who, storeId);
    if (!store)
        return fail(store.error());
    auto categories = m_menus.categories(storeId);
    if (!categories)
        return fail(categories.error());
    auto items = m_menus.items(storeId);
    if (!items)
        return fail(items.error());
    auto groups = m_menus.optionGroups(storeId);
    if (!groups)
        return fail(groups.error());
    QJsonArray out;
    for (const MenuCategory &c : std::as_const(*categories)) {
        QJsonArray list;
        for (const CentralItem &i : std::as_const(*items)) {
            if (i.categoryId == c.id)
                list.append(toJson(i));
        }
        QJsonObject category = menu::categoryToJson(c);
        category.insert(u"items"_s, list);
        out.append(category);
    }
    QJsonArray groupList;
    for (const menu::OptionGroup &g : std::as_const(*groups))
        groupList.append(menu::toJson(g));
    return QJsonObject{{u"categories"_s, out}, {u"option_groups"_s, groupList},
                       {u"published_version"_s, store->menuVersion}};
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
        c.translations = edit.translations.value_or(menu::Translations());
        c.hours = edit.hours.value_or(menu::Hours());
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
        c.translations = edit.translations.value_or(c.translations);
        c.hours = edit.hours.value_or(c.hours);
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
// The model's fields an edit sets, onto an item.
void applyModelFields(CentralItem &item, const ItemEdit &edit)
{
    item.optionGroupIds = edit.optionGroupIds.value_or(item.optionGroupIds);
    item.allergens = edit.allergens.value_or(item.allergens);
    item.tags = edit.tags.value_or(item.tags);
    item.translations = edit.translations.value_or(item.translations);
    item.hours = edit.hours.value_or(item.hours);
}

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
        if (auto ok = checkGroupIds(storeId, edit); !ok)
            return fail(ok.error());
        CentralItem item{0, storeId, *edit.categoryId, *edit.name, edit.description.value_or(QString()),
                         *edit.price, edit.imageUrl.value_or(QString()), edit.displayOrder.value_or(0)};
        applyModelFields(item, edit);
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
        if (auto ok = checkGroupIds(storeId, edit); !ok)
            return fail(ok.error());
        CentralItem item = **existing;
        applyModelFields(item, edit);
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
    if (edit.optionGroupIds)
        return fail(Error::validation(u"option_group_ids"_s, u"option groups are each store's own: set them per store"_s));
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
                applyModelFields(item, edit);
                if (auto ok = m_menus.updateItem(item); !ok)
                    return fail(ok.error());
            } else {
                if (!edit.price)
                    return fail(Error::validation(u"price"_s, u"price is required for a new item"_s));
                CentralItem item{0, storeId, categoryId, itemName, edit.description.value_or(QString()),
                                 *edit.price, edit.imageUrl.value_or(QString()), edit.displayOrder.value_or(0)};
                applyModelFields(item, edit);
                if (auto id = m_menus.insertItem(item); !id)
                    return fail(id.error());
            }
            if (auto version = publishNow(storeId, publishAt, u"bulk edit"_s); !version)
                return fail(version.error());
        }
        return storeIds;
    }, [this, storeIds] { for (qint64 s : storeIds) wake(s); });
    return done;
}

Status MenuPublisher::checkGroupIds(qint64 storeId, const ItemEdit &edit)
{
    if (!edit.optionGroupIds || edit.optionGroupIds->isEmpty())
        return {};
    auto groups = m_menus.optionGroups(storeId);
    if (!groups)
        return fail(groups.error());
    for (qint64 id : std::as_const(*edit.optionGroupIds)) {
        if (std::none_of(groups->cbegin(), groups->cend(), [id](const menu::OptionGroup &g) { return g.id == id; }))
            return fail(Error::validation(u"option_group_ids"_s,
                                          u"option_group_ids: %1 names no option group of this store"_s.arg(id)));
    }
    return {};
}

Result<QList<menu::OptionGroup>> MenuPublisher::optionGroups(const HqPrincipal &who, qint64 storeId)
{
    if (auto store = m_stores.get(who, storeId); !store)
        return fail(store.error());
    return m_menus.optionGroups(storeId);
}

Result<menu::OptionGroup> MenuPublisher::createOptionGroup(const HqPrincipal &who, qint64 storeId,
                                                           const menu::OptionGroup &group, PublishMode mode)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    return inTransaction<menu::OptionGroup>(m_db, [&]() -> Result<menu::OptionGroup> {
        auto count = m_menus.optionGroupCount(storeId);
        if (!count)
            return fail(count.error());
        if (*count >= menu::maxGroupsPerStore)
            return fail(ErrorCode::LimitReached, u"a store has at most %1 option groups"_s.arg(menu::maxGroupsPerStore),
                        QJsonObject{{u"limit"_s, menu::maxGroupsPerStore}});
        menu::OptionGroup fresh = group;
        fresh.id = 0;
        for (menu::Option &o : fresh.options)
            o.id = 0;
        auto created = m_menus.insertOptionGroup(storeId, fresh);
        if (!created)
            return created;
        if (auto ok = afterEdit(storeId, mode); !ok)
            return fail(ok.error());
        return created;
    }, [this, storeId, mode] { if (mode == PublishMode::Now) wake(storeId); });
}

Result<menu::OptionGroup> MenuPublisher::updateOptionGroup(const HqPrincipal &who, qint64 storeId, qint64 id,
                                                           const menu::OptionGroup &group, PublishMode mode)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    return inTransaction<menu::OptionGroup>(m_db, [&]() -> Result<menu::OptionGroup> {
        auto existing = m_menus.optionGroup(storeId, id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"option group"_s));
        menu::OptionGroup changed = group;
        changed.id = id;
        for (qsizetype k = 0; k < changed.options.size(); ++k) {
            const qint64 optionId = changed.options.at(k).id;
            if (optionId && std::none_of((*existing)->options.cbegin(), (*existing)->options.cend(),
                                         [optionId](const menu::Option &o) { return o.id == optionId; }))
                return fail(Error::validation(u"options[%1].id"_s.arg(k),
                                              u"options[%1].id: %2 is no option of this group"_s.arg(k).arg(optionId)));
        }
        auto updated = m_menus.updateOptionGroup(storeId, changed);
        if (!updated)
            return updated;
        if (auto ok = afterEdit(storeId, mode); !ok)
            return fail(ok.error());
        return updated;
    }, [this, storeId, mode] { if (mode == PublishMode::Now) wake(storeId); });
}

Status MenuPublisher::deleteOptionGroup(const HqPrincipal &who, qint64 storeId, qint64 id, PublishMode mode)
{
    if (auto store = editable(who, storeId); !store)
        return fail(store.error());
    auto done = inTransaction<bool>(m_db, [&]() -> Result<bool> {
        auto existing = m_menus.optionGroup(storeId, id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(Error::notFound(u"option group"_s));
        if (auto ok = m_menus.deleteOptionGroup(storeId, id); !ok)
            return fail(ok.error());
        if (auto ok = afterEdit(storeId, mode); !ok)
            return fail(ok.error());
        return true;
    }, [this, storeId, mode] { if (mode == PublishMode::Now) wake(storeId); });
    return done ? Status() : Status(fail(done.error()));
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
    // The version's menu as the common model reads it (versions from before option groups
    // read as menus without them). A group no item used was not published, so it is not
    // in the version and does not come back.
    auto menu = menu::menuFromJson(QJsonDocument::fromJson(menuJson).object());
    if (!menu)
        return fail(menu.error());
    QList<CentralItem> items;
    for (const menu::Item &i : std::as_const(menu->items)) {
        CentralItem item{i.id, storeId, i.categoryId, i.name, i.description, i.price, i.imagePath, i.displayOrder};
        item.optionGroupIds = i.optionGroupIds;
        item.allergens = i.allergens;
        item.tags = i.tags;
        item.translations = i.translations;
        item.hours = i.hours;
        items.append(item);
    }
    return m_menus.replaceWorkingMenu(storeId, menu->categories, items, menu->groups);
}

Result<qint64> MenuPublisher::republishForSettings(qint64 storeId)
{
    auto current = m_menus.published(storeId);
    if (!current)
        return fail(current.error());
    if (current->first == 0)
        return 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return m_menus.insertVersion(storeId, current->second, now, now, u"store settings"_s);
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
