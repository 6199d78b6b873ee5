#include "categorymodel.h"

#include "menumodel.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tableorder::client {

CategoryModel::CategoryModel(QObject *parent) : QAbstractListModel(parent) {}

int CategoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_categories.size());
}

QVariant CategoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_categories.size())
        return {};
    const Category &c = m_categories.at(index.row());
    switch (role) {
    case IdRole: return c.id;
    case NameRole: return translated(c.translations, m_language, u"name"_s, c.name);
    case StationRole: return c.station;
    case ItemCountRole: return c.itemCount;
    default: return {};
    }
}

QHash<int, QByteArray> CategoryModel::roleNames() const
{
    return {{IdRole, "categoryId"}, {NameRole, "name"}, {StationRole, "station"}, {ItemCountRole, "itemCount"}};
}

void CategoryModel::setCategories(const QJsonArray &categories)
{
    beginResetModel();
    m_categories.clear();
    for (const QJsonValue &value : categories) {
        const QJsonObject c = value.toObject();
        m_categories.append({c.value(u"id"_s).toInteger(), c.value(u"name"_s).toString(),
                             c.value(u"station"_s).toString(u"kitchen"_s),
                             int(c.value(u"items"_s).toArray().size()), c.value(u"translations"_s).toObject()});
    }
    endResetModel();
    emit countChanged();
}

QStringList CategoryModel::stations() const
{
    QStringList out{u"kitchen"_s, u"bar"_s, u"dessert"_s};
    for (const Category &c : m_categories) {
        if (!out.contains(c.station))
            out.append(c.station);
    }
    return out;
}

qint64 CategoryModel::idAt(int row) const
{
    return row >= 0 && row < m_categories.size() ? m_categories.at(row).id : 0;
}

} // namespace tableorder::client

namespace tableorder::client {

void CategoryModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (!m_categories.isEmpty())
        emit dataChanged(index(0), index(int(m_categories.size()) - 1), {NameRole});
}

} // namespace tableorder::client
