#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace tableorder::client {

/// Orders (a table's visit, or a kitchen column of tickets) as the edge sends them, kept in
/// creation order (oldest first, or newest first). `statuses` narrows it: an order whose new
/// status is not listed leaves the model. Rows carry a `marked` flag the screen may use
/// (e.g. a kitchen tap waiting for its undo window).
class OrderListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(qint64 total READ total NOTIFY countChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NumberRole,
        TableNumberRole,
        StatusRole,
        ItemsRole,
        ItemCountRole,
        NoteRole,
        TotalRole,
        TotalTextRole,
        CreatedMsRole,
        PreparingMsRole,
        CompletedMsRole,
        UpdatedMsRole,
        MarkedRole,
        /// A kitchen screen has it: `kitchen_acked_at` is set, or the order moved on.
        KitchenConfirmedRole,
    };

    explicit OrderListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setStatuses(const QStringList &statuses) { m_statuses = statuses; }
    void setNewestFirst(bool newestFirst) { m_newestFirst = newestFirst; }
    void setCurrency(const QString &currency) { m_currency = currency; }

    void replaceAll(const QJsonArray &orders);
    /// Inserts or updates by id; removes it when its status is not one of `statuses`.
    /// True when the order is in the model afterwards.
    bool upsert(const QJsonObject &order);
    void remove(qint64 id);
    void clear();
    void setMarked(qint64 id, bool marked);
    /// Records a kitchen screen's receipt (`order.acknowledged`) on an order of the model.
    void setKitchenAcked(qint64 id, const QString &at);
    /// Whether a kitchen screen has this order (see KitchenConfirmedRole).
    [[nodiscard]] static bool kitchenConfirmed(const QJsonObject &order);

    [[nodiscard]] bool contains(qint64 id) const;
    [[nodiscard]] QJsonObject order(qint64 id) const;
    [[nodiscard]] QList<QJsonObject> orders() const { return m_orders; }
    [[nodiscard]] qint64 total() const;
    [[nodiscard]] QString totalText() const;
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void countChanged();

private:
    [[nodiscard]] qsizetype rowOf(qint64 id) const;
    [[nodiscard]] bool accepts(const QJsonObject &order) const;
    [[nodiscard]] qsizetype insertionRow(const QJsonObject &order) const;

    QList<QJsonObject> m_orders;
    QSet<qint64> m_marked;
    QStringList m_statuses;
    bool m_newestFirst = false;
    QString m_currency = QStringLiteral("KRW");
};

/// Milliseconds since the epoch of an edge timestamp, or 0 for null.
[[nodiscard]] qint64 timestampMs(const QJsonValue &value);

} // namespace tableorder::client
