#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QTimer>

#include <optional>

namespace tableorder::client {

class MenuModel;

/// What the guests are about to order: one line per menu item, chosen options and note, with
/// a quantity, priced from the menu (base + option deltas, never below 0; the edge prices
/// the order itself, this is what the screen shows). The same item with other options or
/// another note is another line. Lines that can no longer be ordered (sold out, outside its
/// hours, an option gone) stay, marked with their problem, so the guests see why.
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
        OptionsTextRole,
        LineNoteRole,
        ProblemRole,
    };
    /// Why a line cannot be ordered (ProblemRole).
    enum class Problem { None, SoldOut, Hours, OptionUnavailable, Options };
    Q_ENUM(Problem)

    /// The edge's limits: quantity per line, characters of a line's note.
    static constexpr int maxQuantity = 100;
    static constexpr int maxNoteLength = 140;

    explicit CartModel(const MenuModel &menu, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// +1 of a menu item without options or note (false when its groups require a choice).
    Q_INVOKABLE bool add(qint64 itemId);
    /// `quantity` of an item with these options and note: more on the line that has exactly
    /// them, else a new line. False when it cannot be ordered so (unknown, sold out, outside
    /// its hours, options the item's groups refuse or unavailable, note too long, beyond
    /// the quantity limit or the stock left).
    bool addLine(qint64 itemId, QList<qint64> optionIds, const QString &note, int quantity = 1);
    Q_INVOKABLE void incrementRow(int row);
    Q_INVOKABLE void decrementRow(int row);
    Q_INVOKABLE void removeRow(int row);
    /// The first line of an item (for callers that know items, not lines).
    Q_INVOKABLE void increment(qint64 itemId) { incrementRow(int(rowOf(itemId))); }
    Q_INVOKABLE void decrement(qint64 itemId) { decrementRow(int(rowOf(itemId))); }
    Q_INVOKABLE void remove(qint64 itemId) { removeRow(int(rowOf(itemId))); }
    /// Empties the cart for good (after an order was placed, a new session).
    Q_INVOKABLE void clear();
    /// The guests emptied the cart: the same, but restore() brings it back, note and all,
    /// for kRestoreMs or until something is added.
    Q_INVOKABLE void discard();
    Q_INVOKABLE bool restore();
    [[nodiscard]] bool canRestore() const { return m_discarded.has_value(); }
    /// Portions of an item over all its lines.
    Q_INVOKABLE int quantityOf(qint64 itemId) const;

    [[nodiscard]] int totalQuantity() const;
    [[nodiscard]] qint64 total() const;
    [[nodiscard]] QString totalText() const;
    /// Not empty and every line can be ordered.
    [[nodiscard]] bool isOrderable() const;
    [[nodiscard]] QString note() const { return m_note; }
    void setNote(const QString &note);
    /// The order's `items` for POST /api/v1/orders: {menu_item_id, quantity, options?, note?}.
    [[nodiscard]] QJsonArray orderItems() const;
    /// Re-reads names, prices and availability from the menu (after a menu change).
    void refresh();
    [[nodiscard]] Problem problemAt(int row) const;

signals:
    void changed();
    void noteChanged();
    void restorableChanged();

private:
    struct Line
    {
        qint64 itemId = 0;
        QList<qint64> optionIds; // sorted
        QString note;
        int quantity = 0;
    };
    [[nodiscard]] qsizetype rowOf(qint64 itemId) const;
    [[nodiscard]] Problem problemOf(const Line &line) const;
    [[nodiscard]] bool stockAllows(qint64 itemId, int more) const;
    void lineChanged(qsizetype row);
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
