#pragma once

#include <QAbstractListModel>
#include <QJsonObject>
#include <QStringList>

namespace tableorder::kitchen {

/// The "all day": how many of each item are in progress (pending and preparing tickets),
/// most first, counting only lines of the stations this screen shows.
class AllDayModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalItems READ totalItems NOTIFY countChanged)
public:
    enum Role { NameRole = Qt::UserRole + 1, QuantityRole };

    explicit AllDayModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void recount(const QList<QJsonObject> &orders, const QStringList &stations);
    [[nodiscard]] int totalItems() const;
    [[nodiscard]] int quantityOf(const QString &name) const;

signals:
    void countChanged();

private:
    QList<std::pair<QString, int>> m_rows;
};

} // namespace tableorder::kitchen
