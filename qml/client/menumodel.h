#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QJsonObject>
#include <QUrl>

#include <optional>

namespace tableorder::client {

/// A menu item as the screens show it.
struct MenuEntry
{
    qint64 id = 0;
    qint64 categoryId = 0;
    QString categoryName;
    QString station;
    QString name;
    QString description;
    qint64 price = 0;
    QUrl imageUrl;
    QUrl thumbnailUrl;
    bool available = true;
};

/// The items of GET /api/v1/menu, in menu order, narrowed to one category (categoryId) or
/// all of them (0). Sold-out switches arrive as single-item updates and change one row.
class MenuModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(qint64 categoryId READ categoryId WRITE setCategoryId NOTIFY categoryIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString currency READ currency NOTIFY menuChanged)
    Q_PROPERTY(QString storeName READ storeName NOTIFY menuChanged)
    Q_PROPERTY(qint64 version READ version NOTIFY menuChanged)
    Q_PROPERTY(int totalItems READ totalItems NOTIFY menuChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        CategoryIdRole,
        CategoryNameRole,
        StationRole,
        NameRole,
        DescriptionRole,
        PriceRole,
        PriceTextRole,
        ImageUrlRole,
        ThumbnailUrlRole,
        AvailableRole,
    };

    explicit MenuModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Replaces the menu; picture paths are resolved against `baseUrl`.
    void setMenu(const QJsonObject &menu, const QUrl &baseUrl);
    /// One item changed (menu.item_availability_changed): true when it was known.
    bool updateItem(const QJsonObject &item);

    [[nodiscard]] qint64 categoryId() const { return m_categoryId; }
    void setCategoryId(qint64 id);
    [[nodiscard]] QString currency() const { return m_currency; }
    [[nodiscard]] QString storeName() const { return m_storeName; }
    [[nodiscard]] qint64 version() const { return m_version; }
    [[nodiscard]] int totalItems() const { return int(m_all.size()); }
    [[nodiscard]] std::optional<MenuEntry> find(qint64 id) const;
    [[nodiscard]] const QList<MenuEntry> &allItems() const { return m_all; }
    [[nodiscard]] Q_INVOKABLE QString formatPrice(qint64 amount) const;

signals:
    void categoryIdChanged();
    void countChanged();
    void menuChanged();
    /// An item's availability changed (sold out or back).
    void availabilityChanged(qint64 itemId, bool available);

private:
    void rebuildVisible();

    QList<MenuEntry> m_all;
    QList<qsizetype> m_visible; // indexes into m_all
    QHash<qint64, qsizetype> m_index;
    QHash<qint64, std::pair<QString, QString>> m_categories; // id -> name, station
    QUrl m_baseUrl;
    qint64 m_categoryId = 0;
    QString m_currency = QStringLiteral("KRW");
    QString m_storeName;
    qint64 m_version = 0;
};

} // namespace tableorder::client
