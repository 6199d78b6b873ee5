#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QTimer>

#include <optional>

namespace tableorder::client {

class MenuModel;

/// What the guests are about to order: one line per menu item with a quantity, priced from
/// the menu (the edge prices the order itself; this is what the screen shows). Lines whose
/// item sells out stay, marked unavailable, so the guests see why they cannot order them.
class CartModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY changed)
    Q_PROPERTY(int quantity READ totalQuantity NOTIFY changed)
    Q_PROPERTY(qint64 total READ total NOTIFY changed)
    Q_PROPERTY(QString totalText READ totalText NOTIFY changed)
    Q_PROPERTY(bool orderable READ isOrderable NOTIFY changed)
    Q_PROPERTY(QString note READ note WRITE setNote NOTIFY noteChanged)
    Q_PROPERTY(bool canRestore READ canRestore NOTIFY restorableChanged)
public:
    /// How long a cart the guests emptied can be brought back.
    static constexpr int kRestoreMs = 10'000;

    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        QuantityRole,
        UnitPriceTextRole,
        LineTotalTextRole,
        AvailableRole,
        ThumbnailUrlRole,
    };

    explicit CartModel(const MenuModel &menu, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// +1 of a menu item (a new line at the end, or one more on its line).
    Q_INVOKABLE bool add(qint64 itemId);
    Q_INVOKABLE void increment(qint64 itemId) { add(itemId); }
    Q_INVOKABLE void decrement(qint64 itemId);
    Q_INVOKABLE void remove(qint64 itemId);
    /// Empties the cart for good (after an order was placed, a new session).
    Q_INVOKABLE void clear();
    /// The guests emptied the cart: the same, but restore() brings it back, note and all,
    /// for kRestoreMs or until something is added.
    Q_INVOKABLE void discard();
    Q_INVOKABLE bool restore();
    [[nodiscard]] bool canRestore() const { return m_discarded.has_value(); }
    Q_INVOKABLE int quantityOf(qint64 itemId) const;

    [[nodiscard]] int totalQuantity() const;
    [[nodiscard]] qint64 total() const;
    [[nodiscard]] QString totalText() const;
    /// Not empty and nothing sold out.
    [[nodiscard]] bool isOrderable() const;
    [[nodiscard]] QString note() const { return m_note; }
    void setNote(const QString &note);
    /// The order's `items` for POST /api/v1/orders.
    [[nodiscard]] QJsonArray orderItems() const;
    /// Re-reads names, prices and availability from the menu (after a menu change).
    void refresh();

signals:
    void changed();
    void noteChanged();
    void restorableChanged();

private:
    struct Line
    {
        qint64 itemId = 0;
        int quantity = 0;
    };
    [[nodiscard]] qsizetype rowOf(qint64 itemId) const;
    void forgetDiscarded();

    const MenuModel &m_menu;
    QList<Line> m_lines;
    QString m_note;
    struct Discarded
    {
        QList<Line> lines;
        QString note;
    };
    std::optional<Discarded> m_discarded;
    QTimer m_restoreWindow;
};

} // namespace tableorder::client
