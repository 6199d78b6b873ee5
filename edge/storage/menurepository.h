#pragma once

#include "domain.h"

#include <QSqlDatabase>

namespace tableorder::edge {

/// Menu categories, items, option groups and their options.
class MenuRepository
{
public:
    explicit MenuRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The station of a category that was never given one.
    [[nodiscard]] static QString defaultStation() { return QStringLiteral("kitchen"); }

    [[nodiscard]] Result<QList<MenuCategory>> categories();
    [[nodiscard]] Result<QList<MenuItem>> items();
    [[nodiscard]] Result<std::optional<MenuCategory>> category(qint64 id);
    [[nodiscard]] Result<std::optional<MenuItem>> item(qint64 id);
    [[nodiscard]] Result<int> categoryCount();
    [[nodiscard]] Result<int> itemCount();
    [[nodiscard]] Result<int> itemCountInCategory(qint64 categoryId);

    [[nodiscard]] Result<qint64> insertCategory(const MenuCategory &category);
    [[nodiscard]] Status updateCategory(const MenuCategory &category);
    [[nodiscard]] Status deleteCategory(qint64 id);
    [[nodiscard]] Status setCategoryOrder(qint64 id, int displayOrder);
    [[nodiscard]] Status setItemOrder(qint64 id, int displayOrder);
    /// Inserts the item with its option group links.
    [[nodiscard]] Result<qint64> insertItem(const MenuItem &item);
    /// Updates every field but the picture, links included.
    [[nodiscard]] Status updateItem(const MenuItem &item);
    [[nodiscard]] Status deleteItem(qint64 id);
    [[nodiscard]] Status setAvailable(qint64 id, bool available);
    [[nodiscard]] Status setImage(qint64 id, const QString &imagePath);
    [[nodiscard]] Status setStock(qint64 id, std::optional<qint64> stock);
    /// Takes `quantity` portions when the item has that many (or unlimited stock): true;
    /// false, and nothing changes, when fewer are left.
    [[nodiscard]] Result<bool> takeStock(qint64 id, qint64 quantity);
    [[nodiscard]] Result<std::optional<qint64>> stock(qint64 id);

    [[nodiscard]] Result<QList<menu::OptionGroup>> groups();
    [[nodiscard]] Result<std::optional<menu::OptionGroup>> group(qint64 id);
    [[nodiscard]] Result<int> groupCount();
    /// Inserts the group and its options; fills in their ids.
    [[nodiscard]] Status insertGroup(menu::OptionGroup &group);
    /// Options with an id are updated, without one added (ids filled in), others removed.
    [[nodiscard]] Status updateGroup(menu::OptionGroup &group);
    /// Deletes the group, its options and its links to items.
    [[nodiscard]] Status deleteGroup(qint64 id);
    /// The group of an option, or nullopt when there is no such option.
    [[nodiscard]] Result<std::optional<qint64>> groupOfOption(qint64 optionId);
    [[nodiscard]] Status setOptionAvailable(qint64 optionId, bool available);
    /// Items that list the group.
    [[nodiscard]] Result<QList<qint64>> itemsUsingGroup(qint64 groupId);

    /// Replaces the whole menu with one published centrally, keeping the ids it carries;
    /// the caller owns the transaction. Items keep their `available` flag and stock as given;
    /// a category without a station keeps the one it had (or gets the default).
    [[nodiscard]] Status replaceAll(const QList<MenuCategory> &categories, const QList<MenuItem> &items,
                                    const QList<menu::OptionGroup> &groups);

private:
    Status setItemGroups(qint64 itemId, const QList<qint64> &groupIds);
    Status insertOption(qint64 groupId, int position, menu::Option &option);
    Status loadGroupIds(QList<MenuItem> &items);

    QSqlDatabase m_db;
};

} // namespace tableorder::edge
