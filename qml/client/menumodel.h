#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

#include <optional>

namespace tableorder::client {

/// A text in the guest's language: `translations[language][field]`, or the Korean base text
/// when that language or field is missing or empty (the edge never invents translations).
[[nodiscard]] QString translated(const QJsonObject &translations, const QString &language,
                                 const QString &field, const QString &korean);

/// One choice of an option group (GET /api/v1/menu item.option_groups[].options[]).
struct MenuOption
{
    qint64 id = 0;
    QString name;
    qint64 priceDelta = 0;
    bool available = true;
    QJsonObject translations;
};

/// An option group as it hangs under an item: min/max choices and its options.
struct MenuOptionGroup
{
    qint64 id = 0;
    QString name;
    int minSelect = 0;
    int maxSelect = 1;
    QJsonObject translations;
    QList<MenuOption> options;

    [[nodiscard]] bool required() const { return minSelect >= 1; }
};

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
    /// The sold-out switch and stock != 0 (the edge works it out).
    bool available = true;
    /// Inside the item's and its category's hours.
    bool availableNow = true;
    QDateTime nextAvailableAt;
    /// Portions left; nullopt = unlimited.
    std::optional<int> stock;
    QStringList allergens;
    QStringList tags;
    QJsonObject translations;
    QList<MenuOptionGroup> optionGroups;
    /// The item as the edge sent it (events may carry only some fields).
    QJsonObject json;

    /// Can be ordered right now.
    [[nodiscard]] bool orderable() const { return available && availableNow; }
    [[nodiscard]] const MenuOption *option(qint64 optionId) const;
    /// The group that holds an option, or null.
    [[nodiscard]] const MenuOptionGroup *groupOf(qint64 optionId) const;
    /// What one portion costs with these options: base + Σ deltas, never below 0.
    [[nodiscard]] qint64 unitPrice(const QList<qint64> &optionIds) const;
    /// The rules the edge checks (docs/design/menu-contract.md, priceLine): every option
    /// belongs to one of the item's groups, none twice, each group's min/max. Availability
    /// is not part of it (see unavailableOptions()).
    [[nodiscard]] bool selectionValid(const QList<qint64> &optionIds) const;
    [[nodiscard]] QList<qint64> unavailableOptions(const QList<qint64> &optionIds) const;
};

/// The items of GET /api/v1/menu, in menu order, narrowed to one category (categoryId) or
/// all of them (0), without the items that contain an allergen the guests chose to avoid.
/// Names are shown in `language` (Korean fallback). Sold-out, stock and option availability
/// arrive as single updates and change the rows concerned.
class MenuModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(qint64 categoryId READ categoryId WRITE setCategoryId NOTIFY categoryIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString currency READ currency NOTIFY menuChanged)
    Q_PROPERTY(QString storeName READ storeName NOTIFY menuChanged)
    Q_PROPERTY(qint64 version READ version NOTIFY menuChanged)
    Q_PROPERTY(int totalItems READ totalItems NOTIFY menuChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    /// Allergen codes whose items are hidden.
    Q_PROPERTY(QStringList hiddenAllergens READ hiddenAllergens WRITE setHiddenAllergens NOTIFY hiddenAllergensChanged)
    /// Items of the current category hidden by the allergen filter.
    Q_PROPERTY(int hiddenCount READ hiddenCount NOTIFY countChanged)
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
        AvailableNowRole,
        NextAvailableTextRole,
        OrderableRole,
        StockRole,
        LowStockRole,
        AllergensRole,
        TagsRole,
        HasOptionsRole,
    };

    /// At or under this many portions left, the menu says how many.
    static constexpr int lowStock = 5;

    explicit MenuModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Replaces the menu; picture paths are resolved against `baseUrl`.
    void setMenu(const QJsonObject &menu, const QUrl &baseUrl);
    /// One item changed (menu.item_availability_changed: sold out, stock): true when it was
    /// known. Fields the update leaves out keep their value.
    bool updateItem(const QJsonObject &item);
    /// One option changed (menu.option_availability_changed), in every item whose groups
    /// hold it: true when some item has it.
    bool updateOption(const QJsonObject &option);

    [[nodiscard]] qint64 categoryId() const { return m_categoryId; }
    void setCategoryId(qint64 id);
    [[nodiscard]] QString currency() const { return m_currency; }
    [[nodiscard]] QString storeName() const { return m_storeName; }
    /// The store's time zone (the menu's `time_zone`); invalid when the menu has none.
    [[nodiscard]] QTimeZone timeZone() const { return m_timeZone; }
    [[nodiscard]] qint64 version() const { return m_version; }
    [[nodiscard]] int totalItems() const { return int(m_all.size()); }
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] QStringList hiddenAllergens() const { return m_hiddenAllergens; }
    void setHiddenAllergens(const QStringList &codes);
    Q_INVOKABLE void toggleHiddenAllergen(const QString &code);
    [[nodiscard]] int hiddenCount() const { return m_hiddenCount; }
    [[nodiscard]] std::optional<MenuEntry> find(qint64 id) const;
    [[nodiscard]] const MenuEntry *entry(qint64 id) const;
    [[nodiscard]] const QList<MenuEntry> &allItems() const { return m_all; }
    [[nodiscard]] Q_INVOKABLE QString formatPrice(qint64 amount) const;
    /// "+₩1,000" / "−₩500" / "" for 0.
    [[nodiscard]] Q_INVOKABLE QString formatDelta(qint64 delta) const;
    /// The item's, group's or option's name in the current language.
    [[nodiscard]] QString nameOf(const MenuEntry &entry) const;
    [[nodiscard]] QString nameOf(const MenuOptionGroup &group) const;
    [[nodiscard]] QString nameOf(const MenuOption &option) const;
    [[nodiscard]] QString descriptionOf(const MenuEntry &entry) const;
    /// When an item not available now can be ordered again, in the store's time zone (the
    /// menu's `time_zone`; the tablet's own when missing): "11:00", or "Mon 11:00" when
    /// not today.
    [[nodiscard]] QString nextAvailableText(const MenuEntry &entry) const;

signals:
    void categoryIdChanged();
    void countChanged();
    void menuChanged();
    void languageChanged();
    void hiddenAllergensChanged();
    /// An item's availability changed (sold out or back).
    void availabilityChanged(qint64 itemId, bool available);
    /// An item changed in place (availability, stock, options): carts and sheets re-read it.
    void itemChanged(qint64 itemId);

private:
    void rebuildVisible();
    void rowChanged(qsizetype allIndex);

    QList<MenuEntry> m_all;
    QList<qsizetype> m_visible; // indexes into m_all
    QHash<qint64, qsizetype> m_index;
    struct Category
    {
        QString name;
        QString station;
        QJsonObject translations;
    };
    QHash<qint64, Category> m_categories;
    QUrl m_baseUrl;
    qint64 m_categoryId = 0;
    QString m_currency = QStringLiteral("KRW");
    QString m_storeName;
    QTimeZone m_timeZone;
    qint64 m_version = 0;
    QString m_language = QStringLiteral("ko");
    QStringList m_hiddenAllergens;
    int m_hiddenCount = 0;
};

} // namespace tableorder::client
