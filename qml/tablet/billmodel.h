#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonObject>
#include <QVariantList>

namespace tableorder::client {
class MenuModel;
}

namespace tableorder::tablet {

/// The table's bill as the guests read it (GET /api/v1/bill): one row per line, void ones
/// included, with where each came from and when (in the store's time zone, 24 h), and the
/// figures as the edge computed them, formatted in the store's currency. Names of dishes and
/// options in the guests' language where the menu has them; everything else is the edge's.
class BillModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY billChanged)
    /// The table has a visit (a bill with a session).
    Q_PROPERTY(bool hasVisit READ hasVisit NOTIFY billChanged)
    Q_PROPERTY(QString subtotalText READ subtotalText NOTIFY billChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY billChanged)
    Q_PROPERTY(QString paidText READ paidText NOTIFY billChanged)
    Q_PROPERTY(QString dueText READ dueText NOTIFY billChanged)
    Q_PROPERTY(qint64 due READ due NOTIFY billChanged)
    Q_PROPERTY(qint64 paid READ paid NOTIFY billChanged)
    /// [{kind, value, amountText (what it takes off, positive), reason}]
    Q_PROPERTY(QVariantList discounts READ discounts NOTIFY billChanged)
    /// [{method, amountText, time}]
    Q_PROPERTY(QVariantList payments READ payments NOTIFY billChanged)
    /// The edge's even split of `due` (`?split=even&ways=N`): its shares, formatted; empty
    /// without a split.
    Q_PROPERTY(QStringList shareTexts READ shareTexts NOTIFY billChanged)
    Q_PROPERTY(int splitWays READ splitWays NOTIFY billChanged)
public:
    enum Role {
        LineIdRole = Qt::UserRole + 1,
        NameRole,
        OptionsTextRole,
        NoteRole,
        QuantityRole,
        UnitPriceTextRole,
        LineTotalTextRole,
        /// "table" or "staff"
        OriginKindRole,
        /// The staff member's name (data: plain text).
        OriginNameRole,
        OriginTableRole,
        /// "19:42", the order's time in the store's time zone.
        AddedTimeRole,
        VoidedRole,
        /// "staff", or "" when the order was canceled (no one in particular).
        VoidByKindRole,
        VoidByNameRole,
        VoidTimeRole,
        VoidReasonRole,
    };
    Q_ENUM(Role)

    explicit BillModel(const client::MenuModel &menu, QObject *parent = nullptr);

    /// The edge's bill object (with `split` when asked for).
    void setBill(const QJsonObject &bill);
    /// Names again in the menu's current language.
    void refreshNames();
    void clear();
    [[nodiscard]] QJsonObject json() const { return m_bill; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool hasVisit() const;
    [[nodiscard]] QString subtotalText() const { return money(u"subtotal"); }
    [[nodiscard]] QString totalText() const { return money(u"total"); }
    [[nodiscard]] QString paidText() const { return money(u"paid"); }
    [[nodiscard]] QString dueText() const { return money(u"due"); }
    [[nodiscard]] qint64 due() const;
    [[nodiscard]] qint64 paid() const;
    [[nodiscard]] QVariantList discounts() const;
    [[nodiscard]] QVariantList payments() const;
    [[nodiscard]] QStringList shareTexts() const;
    [[nodiscard]] int splitWays() const;

    /// "19:42": a timestamp of the edge in the store's time zone (the tablet's own without one).
    [[nodiscard]] QString timeOf(const QJsonValue &timestamp) const;
    [[nodiscard]] QString clockTime(const QDateTime &at) const;
    /// An amount of the edge's in the store's currency, as the bill shows money.
    [[nodiscard]] QString moneyText(qint64 amount) const { return format(amount); }

signals:
    void billChanged();

private:
    [[nodiscard]] QString money(QStringView field) const;
    [[nodiscard]] QString format(qint64 amount) const;
    [[nodiscard]] QString nameOf(const QJsonObject &line) const;
    [[nodiscard]] QString optionsOf(const QJsonObject &line) const;

    const client::MenuModel &m_menu;
    QJsonObject m_bill;
    QList<QJsonObject> m_lines;
};

} // namespace tableorder::tablet
