#pragma once

#include "hqauthservice.h"
#include "storage/centralmenurepository.h"
#include "storage/tenantrepository.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>

namespace tableorder::central {

class StoreService;

struct CategoryEdit
{
    std::optional<QString> name;
    std::optional<int> displayOrder;
    std::optional<menu::Translations> translations;
    std::optional<menu::Hours> hours;
};

struct ItemEdit
{
    std::optional<qint64> categoryId;
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<Money> price;
    std::optional<QString> imageUrl;
    std::optional<int> displayOrder;
    std::optional<QList<qint64>> optionGroupIds;
    std::optional<QStringList> allergens;
    std::optional<QStringList> tags;
    std::optional<menu::Translations> translations;
    std::optional<menu::Hours> hours;
};

/// How an HQ edit reaches the stores: at once as a new version (default), or staged in
/// the working copy until an explicit publish.
enum class PublishMode { Now, Staged };

/// HQ's menu editing and publishing: each store has a working copy; publishing freezes
/// it as a new version (now or at a set time); rolling back republishes an older
/// version's content as a new version. Edges wait on waitForVersion (long poll).
class MenuPublisher : public QObject
{
    Q_OBJECT
public:
    MenuPublisher(QSqlDatabase db, CentralMenuRepository &menus, StoreService &stores,
                  QObject *parent = nullptr);

    [[nodiscard]] Result<QJsonObject> workingMenu(const HqPrincipal &who, qint64 storeId);
    [[nodiscard]] Result<MenuCategory> createCategory(const HqPrincipal &who, qint64 storeId,
                                                      const CategoryEdit &edit, PublishMode mode);
    [[nodiscard]] Result<MenuCategory> updateCategory(const HqPrincipal &who, qint64 storeId, qint64 id,
                                                      const CategoryEdit &edit, PublishMode mode);
    [[nodiscard]] Status deleteCategory(const HqPrincipal &who, qint64 storeId, qint64 id, PublishMode mode);
    [[nodiscard]] Result<CentralItem> createItem(const HqPrincipal &who, qint64 storeId, const ItemEdit &edit,
                                                 PublishMode mode);
    [[nodiscard]] Result<CentralItem> updateItem(const HqPrincipal &who, qint64 storeId, qint64 id,
                                                 const ItemEdit &edit, PublishMode mode);
    /// The item for an HQ admin's edit: NOT_FOUND for another organization's store or an
    /// item the store does not have. Changes nothing.
    [[nodiscard]] Result<CentralItem> editableItem(const HqPrincipal &who, qint64 storeId, qint64 id);
    [[nodiscard]] Status deleteItem(const HqPrincipal &who, qint64 storeId, qint64 id, PublishMode mode);

    /// The store's option groups (shared by its items).
    [[nodiscard]] Result<QList<menu::OptionGroup>> optionGroups(const HqPrincipal &who, qint64 storeId);
    /// A new group; LIMIT_REACHED past menu::maxGroupsPerStore.
    [[nodiscard]] Result<menu::OptionGroup> createOptionGroup(const HqPrincipal &who, qint64 storeId,
                                                              const menu::OptionGroup &group, PublishMode mode);
    /// The group replaced whole: options with an id of this group are kept (and keep their
    /// id), without one are added, missing ones are removed.
    [[nodiscard]] Result<menu::OptionGroup> updateOptionGroup(const HqPrincipal &who, qint64 storeId, qint64 id,
                                                              const menu::OptionGroup &group, PublishMode mode);
    /// Deletes the group; the items that had it no longer do.
    [[nodiscard]] Status deleteOptionGroup(const HqPrincipal &who, qint64 storeId, qint64 id, PublishMode mode);

    /// One item edit for many stores at once, matched by category and item name (created
    /// when missing). Returns the stores it published to.
    [[nodiscard]] Result<QList<qint64>> applyToStores(const HqPrincipal &who, const QList<qint64> &storeIds,
                                                      const QString &categoryName, const QString &itemName,
                                                      const ItemEdit &edit, const QDateTime &publishAt);

    /// Freezes the working copy as a new version, live at publishAt (now when invalid).
    [[nodiscard]] Result<qint64> publish(const HqPrincipal &who, qint64 storeId, const QDateTime &publishAt,
                                         const QString &note);
    [[nodiscard]] Result<QList<MenuVersion>> versions(const HqPrincipal &who, qint64 storeId);
    [[nodiscard]] Result<qint64> rollback(const HqPrincipal &who, qint64 storeId, qint64 version);

    /// The store's settings changed (issue 17): its newest published menu again as a new
    /// version, inside the caller's transaction, so that edges waiting on the long poll get
    /// the settings with it (MenuUpdate.store_json). 0 when nothing was published yet (the
    /// settings then travel with the first version). Call wakeStore() after the commit.
    [[nodiscard]] Result<qint64> republishForSettings(qint64 storeId);
    void wakeStore(qint64 storeId) { wake(storeId); }
    /// The newest published menu of a store: (version, json). For the edges.
    [[nodiscard]] Result<std::pair<qint64, QByteArray>> published(qint64 storeId);
    /// Calls back with the published menu as soon as its version exceeds `after`, or
    /// with version 0 when timeoutMs passes first.
    void waitForVersion(qint64 storeId, qint64 after, int timeoutMs,
                        std::function<void(qint64 version, QByteArray json)> done, QObject *context);
    /// Another instance published (PostgreSQL NOTIFY): wake this instance's waiters.
    void notifyPublished(qint64 storeId);

signals:
    void versionPublished(qint64 storeId, qint64 version);

private:
    Result<StoreRecord> editable(const HqPrincipal &who, qint64 storeId);
    Result<QByteArray> buildMenuJson(qint64 storeId);
    Status afterEdit(qint64 storeId, PublishMode mode);
    Result<qint64> publishNow(qint64 storeId, const QDateTime &publishAt, const QString &note);
    Status restoreWorkingMenu(qint64 storeId, const QByteArray &menuJson);
    Status checkGroupIds(qint64 storeId, const ItemEdit &edit);
    void publishDue();
    void wake(qint64 storeId);

    struct Waiter
    {
        qint64 after = 0;
        std::function<void(qint64, QByteArray)> done;
        QPointer<QObject> context;
        QTimer *timer = nullptr;
    };
    QSqlDatabase m_db;
    CentralMenuRepository &m_menus;
    StoreService &m_stores;
    QMultiHash<qint64, std::shared_ptr<Waiter>> m_waiters;
    QTimer m_scheduler;
};

/// An item of HQ's working menu: the common model's fields with `option_group_ids` (the
/// groups themselves are listed once, in the menu's `option_groups`).
QJsonObject toJson(const CentralItem &item);

} // namespace tableorder::central
