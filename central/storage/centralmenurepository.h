#pragma once

#include "domain.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace tableorder::central {

struct CentralItem
{
    qint64 id = 0;
    qint64 storeId = 0;
    qint64 categoryId = 0;
    QString name;
    QString description;
    Money price = 0;
    QString imageUrl;
    int displayOrder = 0;
    // The common menu model's fields (common/menu); stock and sold-out are the store's own.
    QList<qint64> optionGroupIds;
    QStringList allergens;
    QStringList tags;
    menu::Translations translations;
    menu::Hours hours;
};

/// The item as the common model sees it (image_url as its picture path).
menu::Item toMenuItem(const CentralItem &item);

struct MenuVersion
{
    qint64 storeId = 0;
    qint64 version = 0;
    QString createdAt;
    QString publishAt;
    QString publishedAt; // empty while scheduled
    QString note;
};

/// HQ's working menus (per store) and the published versions the edges receive.
class CentralMenuRepository
{
public:
    explicit CentralMenuRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] Result<QList<MenuCategory>> categories(qint64 storeId);
    [[nodiscard]] Result<QList<CentralItem>> items(qint64 storeId);
    [[nodiscard]] Result<std::optional<MenuCategory>> category(qint64 storeId, qint64 id);
    [[nodiscard]] Result<std::optional<CentralItem>> item(qint64 storeId, qint64 id);
    [[nodiscard]] Result<qint64> insertCategory(qint64 storeId, const MenuCategory &category);
    [[nodiscard]] Status updateCategory(qint64 storeId, const MenuCategory &category);
    [[nodiscard]] Status deleteCategory(qint64 storeId, qint64 id);
    [[nodiscard]] Result<int> itemCountInCategory(qint64 storeId, qint64 categoryId);
    [[nodiscard]] Result<qint64> insertItem(const CentralItem &item);
    [[nodiscard]] Status updateItem(const CentralItem &item);
    [[nodiscard]] Status deleteItem(qint64 storeId, qint64 id);
    /// The item's option groups, in order (replacing the ones it had).
    [[nodiscard]] Status setItemGroups(qint64 itemId, const QList<qint64> &groupIds);

    /// The store's option groups with their options, by id.
    [[nodiscard]] Result<QList<menu::OptionGroup>> optionGroups(qint64 storeId);
    [[nodiscard]] Result<std::optional<menu::OptionGroup>> optionGroup(qint64 storeId, qint64 id);
    [[nodiscard]] Result<int> optionGroupCount(qint64 storeId);
    /// Inserts the group and its options; returns it with the new ids.
    [[nodiscard]] Result<menu::OptionGroup> insertOptionGroup(qint64 storeId, const menu::OptionGroup &group);
    /// Updates the group (it exists): options with an id of the group are kept and updated,
    /// those without are added, the group's others are removed. Returns it with the ids.
    [[nodiscard]] Result<menu::OptionGroup> updateOptionGroup(qint64 storeId, const menu::OptionGroup &group);
    /// Deletes the group, its options and every item's link to it.
    [[nodiscard]] Status deleteOptionGroup(qint64 storeId, qint64 id);

    /// Replaces the store's whole working menu, keeping the given ids (a rollback restores
    /// the categories, items and option groups of an earlier version as they were).
    [[nodiscard]] Status replaceWorkingMenu(qint64 storeId, const QList<MenuCategory> &categories,
                                            const QList<CentralItem> &items,
                                            const QList<menu::OptionGroup> &groups);

    /// Allocates the store's next menu version and stores the snapshot; published now when
    /// publishAt is not in the future.
    [[nodiscard]] Result<qint64> insertVersion(qint64 storeId, const QByteArray &menuJson,
                                               const QDateTime &publishAt, const QDateTime &now,
                                               const QString &note);
    [[nodiscard]] Result<QList<MenuVersion>> versions(qint64 storeId);
    [[nodiscard]] Result<std::optional<QByteArray>> versionJson(qint64 storeId, qint64 version);
    /// Scheduled versions whose time has come: marks them published, returns (store, version).
    [[nodiscard]] Result<QList<std::pair<qint64, qint64>>> publishDue(const QDateTime &now);
    /// The newest published version of a store: (version, json), or version 0.
    [[nodiscard]] Result<std::pair<qint64, QByteArray>> published(qint64 storeId);

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::central
