#include "tablelistmodel.h"

#include "money.h"
#include "orderlistmodel.h"

using namespace Qt::StringLiterals;

namespace tableorder::client {

TableListModel::TableListModel(QObject *parent) : QAbstractListModel(parent) {}

int TableListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

QVariant TableListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tables.size())
        return {};
    const QJsonObject &t = m_tables.at(index.row());
    switch (role) {
    case IdRole: return t.value(u"id"_s).toInteger();
    case NumberRole: return t.value(u"number"_s).toInt();
    case OpenRole: return !t.value(u"session_id"_s).isNull();
    case SessionIdRole: return t.value(u"session_id"_s).toInteger();
    case OpenedMsRole: return timestampMs(t.value(u"session_opened_at"_s));
    case OrderCountRole: return t.value(u"order_count"_s).toInt();
    case TotalRole: return t.value(u"total"_s).toInteger();
    case TotalTextRole: return formatMoney(t.value(u"total"_s).toInteger(), m_currency);
    default: return {};
    }
}

QHash<int, QByteArray> TableListModel::roleNames() const
{
    return {{IdRole, "tableId"},           {NumberRole, "number"},
            {OpenRole, "open"},            {SessionIdRole, "sessionId"},
            {OpenedMsRole, "openedMs"},    {OrderCountRole, "orderCount"},
            {TotalRole, "total"},          {TotalTextRole, "totalText"}};
}

void TableListModel::setTables(const QJsonArray &tables)
{
    beginResetModel();
    m_tables.clear();
    for (const QJsonValue &value : tables)
        m_tables.append(value.toObject());
    endResetModel();
    emit countChanged();
}

int TableListModel::openCount() const
{
    return int(std::count_if(m_tables.begin(), m_tables.end(),
                             [](const QJsonObject &t) { return !t.value(u"session_id"_s).isNull(); }));
}

QJsonObject TableListModel::table(qint64 id) const
{
    for (const QJsonObject &t : m_tables) {
        if (t.value(u"id"_s).toInteger() == id)
            return t;
    }
    return {};
}

} // namespace tableorder::client
