#include "alldaymodel.h"

#include <QJsonArray>

#include <map>

using namespace Qt::StringLiterals;

namespace tableorder::kitchen {

AllDayModel::AllDayModel(QObject *parent) : QAbstractListModel(parent) {}

int AllDayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AllDayModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto &[name, quantity] = m_rows.at(index.row());
    return role == NameRole ? QVariant(name) : role == QuantityRole ? QVariant(quantity) : QVariant();
}

QHash<int, QByteArray> AllDayModel::roleNames() const
{
    return {{NameRole, "name"}, {QuantityRole, "quantity"}};
}

void AllDayModel::recount(const QList<QJsonObject> &orders, const QStringList &stations)
{
    std::map<QString, int> counts;
    for (const QJsonObject &order : orders) {
        for (const QJsonValue &value : order.value(u"items"_s).toArray()) {
            const QJsonObject line = value.toObject();
            if (!stations.isEmpty() && !stations.contains(line.value(u"station"_s).toString(u"kitchen"_s)))
                continue;
            counts[line.value(u"name"_s).toString()] += line.value(u"quantity"_s).toInt();
        }
    }
    QList<std::pair<QString, int>> rows(counts.begin(), counts.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

int AllDayModel::totalItems() const
{
    int sum = 0;
    for (const auto &row : m_rows)
        sum += row.second;
    return sum;
}

int AllDayModel::quantityOf(const QString &name) const
{
    for (const auto &row : m_rows) {
        if (row.first == name)
            return row.second;
    }
    return 0;
}

} // namespace tableorder::kitchen
