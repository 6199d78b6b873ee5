#include "alldaymodel.h"

#include "lineoptions.h"

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
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case NameRole: return row.option.isEmpty() ? row.item : row.option;
    case QuantityRole: return row.quantity;
    case IsOptionRole: return !row.option.isEmpty();
    case RemovalRole: return row.removal;
    default: return {};
    }
}

QHash<int, QByteArray> AllDayModel::roleNames() const
{
    return {{NameRole, "name"}, {QuantityRole, "quantity"}, {IsOptionRole, "isOption"}, {RemovalRole, "removal"}};
}

void AllDayModel::recount(const QList<QJsonObject> &orders, const QStringList &stations)
{
    struct Counts
    {
        int quantity = 0;
        std::map<QString, std::pair<int, bool>> options; // name -> portions, removal
    };
    std::map<QString, Counts> items;
    for (const QJsonObject &order : orders) {
        for (const QJsonValue &value : order.value(u"items"_s).toArray()) {
            const QJsonObject line = value.toObject();
            if (!stations.isEmpty() && !stations.contains(line.value(u"station"_s).toString(u"kitchen"_s)))
                continue;
            const int quantity = line.value(u"quantity"_s).toInt();
            Counts &counts = items[line.value(u"name"_s).toString()];
            counts.quantity += quantity;
            for (const QJsonValue &ov : line.value(u"options"_s).toArray()) {
                const QJsonObject option = ov.toObject();
                const QString name = option.value(u"name"_s).toString();
                auto &[portions, removal] = counts.options[name];
                portions += quantity;
                removal = isRemovalOption(name, option.value(u"price_delta"_s).toInteger());
            }
        }
    }
    auto mostFirst = [](const Row &a, const Row &b) { return a.quantity > b.quantity; };
    QList<Row> itemRows;
    for (const auto &[name, counts] : items)
        itemRows.append({name, {}, counts.quantity, false});
    std::stable_sort(itemRows.begin(), itemRows.end(), mostFirst);
    QList<Row> rows;
    for (const Row &itemRow : itemRows) {
        rows.append(itemRow);
        QList<Row> optionRows;
        for (const auto &[option, counted] : items.at(itemRow.item).options)
            optionRows.append({itemRow.item, option, counted.first, counted.second});
        std::stable_sort(optionRows.begin(), optionRows.end(), mostFirst);
        rows.append(optionRows);
    }
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
    for (const Row &row : m_rows)
        sum += row.option.isEmpty() ? row.quantity : 0;
    return sum;
}

int AllDayModel::quantityOf(const QString &name) const
{
    for (const Row &row : m_rows) {
        if (row.option.isEmpty() && row.item == name)
            return row.quantity;
    }
    return 0;
}

int AllDayModel::optionQuantityOf(const QString &item, const QString &option) const
{
    for (const Row &row : m_rows) {
        if (row.item == item && row.option == option && !option.isEmpty())
            return row.quantity;
    }
    return 0;
}

} // namespace tableorder::kitchen
