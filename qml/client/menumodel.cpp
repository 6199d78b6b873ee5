#include "menumodel.h"

#include "money.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tableorder::client {

namespace {

MenuEntry entryFromJson(const QJsonObject &item, const QUrl &baseUrl)
{
    auto url = [&](const QString &key) {
        const QString path = item.value(key).toString();
        return path.isEmpty() ? QUrl() : baseUrl.resolved(QUrl(path));
    };
    MenuEntry e;
    e.id = item.value(u"id"_s).toInteger();
    e.categoryId = item.value(u"category_id"_s).toInteger();
    e.name = item.value(u"name"_s).toString();
    e.description = item.value(u"description"_s).toString();
    e.price = item.value(u"price"_s).toInteger();
    e.imageUrl = url(u"image_url"_s);
    e.thumbnailUrl = url(u"thumbnail_url"_s);
    e.available = item.value(u"available"_s).toBool(true);
    return e;
}

} // namespace

MenuModel::MenuModel(QObject *parent) : QAbstractListModel(parent) {}

int MenuModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant MenuModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_visible.size())
        return {};
    const MenuEntry &e = m_all.at(m_visible.at(index.row()));
    switch (role) {
    case IdRole: return e.id;
    case CategoryIdRole: return e.categoryId;
    case CategoryNameRole: return e.categoryName;
    case StationRole: return e.station;
    case NameRole: return e.name;
    case DescriptionRole: return e.description;
    case PriceRole: return e.price;
    case PriceTextRole: return formatMoney(e.price, m_currency);
    case ImageUrlRole: return e.imageUrl;
    case ThumbnailUrlRole: return e.thumbnailUrl;
    case AvailableRole: return e.available;
    default: return {};
    }
}

QHash<int, QByteArray> MenuModel::roleNames() const
{
    return {{IdRole, "itemId"},
            {CategoryIdRole, "categoryId"},
            {CategoryNameRole, "categoryName"},
            {StationRole, "station"},
            {NameRole, "name"},
            {DescriptionRole, "description"},
            {PriceRole, "price"},
            {PriceTextRole, "priceText"},
            {ImageUrlRole, "imageUrl"},
            {ThumbnailUrlRole, "thumbnailUrl"},
            {AvailableRole, "available"}};
}

void MenuModel::setMenu(const QJsonObject &menu, const QUrl &baseUrl)
{
    beginResetModel();
    m_baseUrl = baseUrl;
    m_currency = menu.value(u"currency"_s).toString(u"KRW"_s);
    m_storeName = menu.value(u"store_name"_s).toString();
    m_version = menu.value(u"version"_s).toInteger();
    m_all.clear();
    m_index.clear();
    m_categories.clear();
    for (const QJsonValue &cv : menu.value(u"categories"_s).toArray()) {
        const QJsonObject c = cv.toObject();
        const QString name = c.value(u"name"_s).toString();
        const QString station = c.value(u"station"_s).toString(u"kitchen"_s);
        m_categories.insert(c.value(u"id"_s).toInteger(), {name, station});
        for (const QJsonValue &iv : c.value(u"items"_s).toArray()) {
            MenuEntry e = entryFromJson(iv.toObject(), baseUrl);
            e.categoryName = name;
            e.station = station;
            m_index.insert(e.id, m_all.size());
            m_all.append(std::move(e));
        }
    }
    rebuildVisible();
    endResetModel();
    emit countChanged();
    emit menuChanged();
}

bool MenuModel::updateItem(const QJsonObject &item)
{
    const qint64 id = item.value(u"id"_s).toInteger();
    const auto it = m_index.constFind(id);
    if (it == m_index.cend())
        return false;
    MenuEntry &e = m_all[*it];
    const bool wasAvailable = e.available;
    MenuEntry updated = entryFromJson(item, m_baseUrl);
    updated.categoryName = e.categoryName;
    updated.station = e.station;
    if (updated.categoryId != e.categoryId)
        return false; // moved between categories: the caller refetches the menu
    e = std::move(updated);
    const qsizetype row = m_visible.indexOf(*it);
    if (row >= 0)
        emit dataChanged(index(int(row)), index(int(row)));
    if (wasAvailable != e.available)
        emit availabilityChanged(id, e.available);
    return true;
}

void MenuModel::setCategoryId(qint64 id)
{
    if (id == m_categoryId)
        return;
    beginResetModel();
    m_categoryId = id;
    rebuildVisible();
    endResetModel();
    emit categoryIdChanged();
    emit countChanged();
}

void MenuModel::rebuildVisible()
{
    m_visible.clear();
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        if (m_categoryId == 0 || m_all.at(i).categoryId == m_categoryId)
            m_visible.append(i);
    }
}

std::optional<MenuEntry> MenuModel::find(qint64 id) const
{
    const auto it = m_index.constFind(id);
    if (it == m_index.cend())
        return std::nullopt;
    return m_all.at(*it);
}

QString MenuModel::formatPrice(qint64 amount) const
{
    return formatMoney(amount, m_currency);
}

} // namespace tableorder::client
