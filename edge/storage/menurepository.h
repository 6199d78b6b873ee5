#pragma once

#include "domain.h"

#include <QSqlDatabase>

namespace tableorder::edge {

/// Menu categories and items.
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
    [[nodiscard]] Result<qint64> insertItem(const MenuItem &item);
    [[nodiscard]] Status updateItem(const MenuItem &item);
    [[nodiscard]] Status deleteItem(qint64 id);
    [[nodiscard]] Status setAvailable(qint64 id, bool available);
    [[nodiscard]] Status setImage(qint64 id, const QString &imagePath);
    /// Replaces the whole menu with one published centrally, keeping the ids it carries;
    /// the caller owns the transaction. Items keep their `available` flag as given; a category
    /// without a station keeps the one it had (or gets the default).
    [[nodiscard]] Status replaceAll(const QList<MenuCategory> &categories, const QList<MenuItem> &items);

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::edge
