#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>

namespace tableorder::client {

class CartModel;
class MenuModel;

/// The line a guest is putting together on an item's sheet before it goes into the cart:
/// the options chosen group by group, a note and a quantity, with the price as it stands.
/// A group with max_select 1 behaves like radio buttons (a choice replaces the other; an
/// optional one can be taken back), others like checkboxes that refuse a choice beyond max.
/// Unavailable options cannot be chosen (and are dropped if they become unavailable while
/// the sheet is open). Adding is possible only when every group has between min and max.
class LineDraft : public QObject
{
    Q_OBJECT
    Q_PROPERTY(qint64 itemId READ itemId NOTIFY itemChanged)
    Q_PROPERTY(QString name READ name NOTIFY itemChanged)
    Q_PROPERTY(QString description READ description NOTIFY itemChanged)
    Q_PROPERTY(QUrl imageUrl READ imageUrl NOTIFY itemChanged)
    Q_PROPERTY(QStringList allergens READ allergens NOTIFY itemChanged)
    Q_PROPERTY(QStringList tags READ tags NOTIFY itemChanged)
    Q_PROPERTY(bool orderable READ orderable NOTIFY itemChanged)
    /// [{groupId, name, minSelect, maxSelect, required,
    ///   options: [{optionId, name, priceDelta, deltaText, available}]}]; changes with the
    /// item (not with each choice, so a tapped option's delegate is not re-created under
    /// the finger).
    Q_PROPERTY(QVariantList groups READ groups NOTIFY itemChanged)
    /// The chosen option ids.
    Q_PROPERTY(QVariantList selectedIds READ selectedIds NOTIFY selectionChanged)
    /// How many options are chosen in each group: {"<groupId>": n}.
    Q_PROPERTY(QVariantMap groupCounts READ groupCounts NOTIFY selectionChanged)
    /// Names of the required groups still missing a choice.
    Q_PROPERTY(QStringList missing READ missing NOTIFY selectionChanged)
    Q_PROPERTY(qint64 unitPrice READ unitPrice NOTIFY selectionChanged)
    Q_PROPERTY(QString unitPriceText READ unitPriceText NOTIFY selectionChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY selectionChanged)
    Q_PROPERTY(bool canAdd READ canAdd NOTIFY selectionChanged)
    Q_PROPERTY(QString note READ note WRITE setNote NOTIFY noteChanged)
    Q_PROPERTY(int noteLimit READ noteLimit CONSTANT)
    Q_PROPERTY(int quantity READ quantity WRITE setQuantity NOTIFY selectionChanged)
    Q_PROPERTY(int maxQuantity READ maxQuantity NOTIFY selectionChanged)
public:
    LineDraft(const MenuModel &menu, CartModel &cart, QObject *parent = nullptr);

    /// Starts a fresh line for an item; false for an unknown item.
    Q_INVOKABLE bool start(qint64 itemId);
    /// Chooses or un-chooses an option; false when refused (unavailable, not the item's,
    /// or the group already has its maximum of a checkbox group).
    Q_INVOKABLE bool toggle(qint64 optionId);
    Q_INVOKABLE bool isSelected(qint64 optionId) const { return m_selected.contains(optionId); }
    /// Puts the line into the cart; false when it cannot be added as it stands.
    Q_INVOKABLE bool addToCart();

    [[nodiscard]] qint64 itemId() const { return m_itemId; }
    [[nodiscard]] QString name() const;
    [[nodiscard]] QString description() const;
    [[nodiscard]] QUrl imageUrl() const;
    [[nodiscard]] QStringList allergens() const;
    [[nodiscard]] QStringList tags() const;
    [[nodiscard]] bool orderable() const;
    [[nodiscard]] QVariantList groups() const;
    [[nodiscard]] QStringList missing() const;
    [[nodiscard]] QVariantList selectedIds() const;
    [[nodiscard]] QVariantMap groupCounts() const;
    [[nodiscard]] QList<qint64> selected() const { return m_selected; }
    [[nodiscard]] qint64 unitPrice() const;
    [[nodiscard]] QString unitPriceText() const;
    [[nodiscard]] QString totalText() const;
    [[nodiscard]] bool canAdd() const;
    [[nodiscard]] QString note() const { return m_note; }
    /// Cut to noteLimit characters.
    void setNote(const QString &note);
    [[nodiscard]] int noteLimit() const;
    [[nodiscard]] int quantity() const { return m_quantity; }
    void setQuantity(int quantity);
    /// What the cart can still take of this item (quantity limit, stock left).
    [[nodiscard]] int maxQuantity() const;

signals:
    void itemChanged();
    void selectionChanged();
    void noteChanged();

private:
    void onMenuItemChanged(qint64 itemId);

    const MenuModel &m_menu;
    CartModel &m_cart;
    qint64 m_itemId = 0;
    QList<qint64> m_selected; // in the order chosen
    QString m_note;
    int m_quantity = 1;
};

} // namespace tableorder::client
