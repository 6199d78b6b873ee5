#include "orderlistmodel.h"

#include "money.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace tableorder::client {

qint64 timestampMs(const QJsonValue &value)
{
    if (!value.isString())
        return 0;
    const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

OrderListModel::OrderListModel(QObject *parent) : QAbstractListModel(parent) {}

int OrderListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_orders.size());
}

QVariant OrderListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_orders.size())
        return {};
    const QJsonObject &o = m_orders.at(index.row());
    switch (role) {
    case IdRole: return o.value(u"id"_s).toInteger();
    case NumberRole: return o.value(u"number"_s).toInt();
    case TableNumberRole: return o.value(u"table_number"_s).toInt();
    case StatusRole: return o.value(u"status"_s).toString();
    case ItemsRole: return o.value(u"items"_s).toArray().toVariantList();
    case ItemCountRole: {
        int n = 0;
        for (const QJsonValue &line : o.value(u"items"_s).toArray())
            n += line.toObject().value(u"quantity"_s).toInt();
        return n;
    }
    case NoteRole: return o.value(u"note"_s).toString();
    case TotalRole: return o.value(u"total"_s).toInteger();
    case TotalTextRole: return formatMoney(o.value(u"total"_s).toInteger(), m_currency);
    case CreatedMsRole: return timestampMs(o.value(u"created_at"_s));
    case PreparingMsRole: return timestampMs(o.value(u"preparing_at"_s));
    case CompletedMsRole: return timestampMs(o.value(u"completed_at"_s));
    case UpdatedMsRole: return timestampMs(o.value(u"updated_at"_s));
    case MarkedRole: return m_marked.contains(o.value(u"id"_s).toInteger());
    case KitchenConfirmedRole: return kitchenConfirmed(o);
    default: return {};
    }
}

QHash<int, QByteArray> OrderListModel::roleNames() const
{
    return {{IdRole, "orderId"},         {NumberRole, "number"},
            {TableNumberRole, "tableNumber"}, {StatusRole, "status"},
            {ItemsRole, "items"},        {ItemCountRole, "itemCount"},
            {NoteRole, "note"},          {TotalRole, "total"},
            {TotalTextRole, "totalText"}, {CreatedMsRole, "createdMs"},
            {PreparingMsRole, "preparingMs"}, {CompletedMsRole, "completedMs"},
            {UpdatedMsRole, "updatedMs"}, {MarkedRole, "marked"},
            {KitchenConfirmedRole, "kitchenConfirmed"}};
}

bool OrderListModel::accepts(const QJsonObject &order) const
{
    return m_statuses.isEmpty() || m_statuses.contains(order.value(u"status"_s).toString());
}

qsizetype OrderListModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_orders.size(); ++i) {
        if (m_orders.at(i).value(u"id"_s).toInteger() == id)
            return i;
    }
    return -1;
}

qsizetype OrderListModel::insertionRow(const QJsonObject &order) const
{
    // Creation order; ids break ties (the edge sorts by created_at, then id).
    const auto key = [](const QJsonObject &o) {
        return std::pair(o.value(u"created_at"_s).toString(), o.value(u"id"_s).toInteger());
    };
    const auto k = key(order);
    for (qsizetype i = 0; i < m_orders.size(); ++i) {
        const auto other = key(m_orders.at(i));
        if (m_newestFirst ? other < k : k < other)
            return i;
    }
    return m_orders.size();
}

void OrderListModel::replaceAll(const QJsonArray &orders)
{
    beginResetModel();
    m_orders.clear();
    m_marked.clear();
    for (const QJsonValue &value : orders) {
        const QJsonObject order = value.toObject();
        if (accepts(order))
            m_orders.insert(insertionRow(order), order);
    }
    endResetModel();
    emit countChanged();
}

bool OrderListModel::upsert(const QJsonObject &order)
{
    const qint64 id = order.value(u"id"_s).toInteger();
    const qsizetype row = rowOf(id);
    if (!accepts(order)) {
        remove(id);
        return false;
    }
    if (row >= 0) {
        m_orders[row] = order;
        emit dataChanged(index(int(row)), index(int(row)));
        emit countChanged(); // totals may change
        return true;
    }
    const qsizetype at = insertionRow(order);
    beginInsertRows({}, int(at), int(at));
    m_orders.insert(at, order);
    endInsertRows();
    emit countChanged();
    return true;
}

void OrderListModel::remove(qint64 id)
{
    const qsizetype row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, int(row), int(row));
    m_orders.removeAt(row);
    m_marked.remove(id);
    endRemoveRows();
    emit countChanged();
}

void OrderListModel::clear()
{
    replaceAll({});
}

void OrderListModel::setMarked(qint64 id, bool marked)
{
    if (marked)
        m_marked.insert(id);
    else
        m_marked.remove(id);
    const qsizetype row = rowOf(id);
    if (row >= 0)
        emit dataChanged(index(int(row)), index(int(row)), {MarkedRole});
}

bool OrderListModel::kitchenConfirmed(const QJsonObject &order)
{
    return order.value(u"kitchen_acked_at"_s).isString() || order.value(u"status"_s).toString() != u"pending"_s;
}

void OrderListModel::setKitchenAcked(qint64 id, const QString &at)
{
    const qsizetype row = rowOf(id);
    if (row < 0 || m_orders.at(row).value(u"kitchen_acked_at"_s).isString())
        return;
    m_orders[row].insert(u"kitchen_acked_at"_s, at);
    emit dataChanged(index(int(row)), index(int(row)), {KitchenConfirmedRole});
}

bool OrderListModel::contains(qint64 id) const
{
    return rowOf(id) >= 0;
}

QJsonObject OrderListModel::order(qint64 id) const
{
    const qsizetype row = rowOf(id);
    return row < 0 ? QJsonObject() : m_orders.at(row);
}

qint64 OrderListModel::total() const
{
    qint64 sum = 0;
    for (const QJsonObject &o : m_orders) {
        if (o.value(u"status"_s).toString() != u"canceled"_s)
            sum += o.value(u"total"_s).toInteger();
    }
    return sum;
}

QString OrderListModel::totalText() const
{
    return formatMoney(total(), m_currency);
}

QVariantMap OrderListModel::get(int row) const
{
    if (row < 0 || row >= m_orders.size())
        return {};
    return m_orders.at(row).toVariantMap();
}

} // namespace tableorder::client
