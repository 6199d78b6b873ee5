#pragma once

#include <QAbstractListModel>
#include <QJsonObject>
#include <QStringList>

namespace tableorder::kitchen {

/// The "all day": how many of each item are in progress (pending and preparing tickets),
/// most first, counting only lines of the stations this screen shows; under each item, how
/// many of those portions have each option ("곱빼기 2"), most first.
class AllDayModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalItems READ totalItems NOTIFY countChanged)
public:
    enum Role { NameRole = Qt::UserRole + 1, QuantityRole, IsOptionRole, RemovalRole };

    explicit AllDayModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void recount(const QList<QJsonObject> &orders, const QStringList &stations);
    /// Portions of items (option rows not counted).
    [[nodiscard]] int totalItems() const;
    [[nodiscard]] int quantityOf(const QString &name) const;
    /// Portions of an item that have this option.
    [[nodiscard]] int optionQuantityOf(const QString &item, const QString &option) const;

signals:
    void countChanged();

private:
    struct Row
    {
        QString item;
        QString option; // empty on an item's row
        int quantity = 0;
        bool removal = false;
        bool operator==(const Row &) const = default;
    };
    QList<Row> m_rows;
};

} // namespace tableorder::kitchen
