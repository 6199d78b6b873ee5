#include "menumodel.h"

#include "money.h"

#include <QJsonArray>
#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tableorder::client {

QString translated(const QJsonObject &translations, const QString &language, const QString &field,
                   const QString &korean)
{
    if (language.isEmpty() || language == u"ko"_s)
        return korean;
    const QString text = translations.value(language).toObject().value(field).toString();
    return text.isEmpty() ? korean : text;
}

const MenuOption *MenuEntry::option(qint64 optionId) const
{
    for (const MenuOptionGroup &group : optionGroups) {
        for (const MenuOption &o : group.options) {
            if (o.id == optionId)
                return &o;
        }
    }
    return nullptr;
}

const MenuOptionGroup *MenuEntry::groupOf(qint64 optionId) const
{
    for (const MenuOptionGroup &group : optionGroups) {
        for (const MenuOption &o : group.options) {
            if (o.id == optionId)
                return &group;
        }
    }
    return nullptr;
}

qint64 MenuEntry::unitPrice(const QList<qint64> &optionIds) const
{
    qint64 sum = price;
    for (qint64 id : optionIds) {
        if (const MenuOption *o = option(id))
            sum += o->priceDelta;
    }
    return std::max<qint64>(0, sum);
}

bool MenuEntry::selectionValid(const QList<qint64> &optionIds) const
{
    QSet<qint64> seen;
    QHash<qint64, int> perGroup;
    for (qint64 id : optionIds) {
        const MenuOptionGroup *group = groupOf(id);
        if (!group || seen.contains(id))
            return false;
        seen.insert(id);
        ++perGroup[group->id];
    }
    return std::all_of(optionGroups.begin(), optionGroups.end(), [&](const MenuOptionGroup &g) {
        const int n = perGroup.value(g.id);
        return n >= g.minSelect && n <= g.maxSelect;
    });
}

QList<qint64> MenuEntry::unavailableOptions(const QList<qint64> &optionIds) const
{
    QList<qint64> out;
    for (qint64 id : optionIds) {
        const MenuOption *o = option(id);
        if (o && !o->available)
            out.append(id);
    }
    return out;
}

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

MenuOption optionFromJson(const QJsonObject &o)
{
    return {o.value(u"id"_s).toInteger(), o.value(u"name"_s).toString(), o.value(u"price_delta"_s).toInteger(),
            o.value(u"available"_s).toBool(true), o.value(u"translations"_s).toObject()};
}

MenuEntry entryFromJson(const QJsonObject &item, const QUrl &baseUrl)
{
    auto url = [&](const QString &key) {
        const QString path = item.value(key).toString();
        return path.isEmpty() ? QUrl() : baseUrl.resolved(QUrl(path));
    };
    MenuEntry e;
    e.json = item;
    e.id = item.value(u"id"_s).toInteger();
    e.categoryId = item.value(u"category_id"_s).toInteger();
    e.name = item.value(u"name"_s).toString();
    e.description = item.value(u"description"_s).toString();
    e.price = item.value(u"price"_s).toInteger();
    e.imageUrl = url(u"image_url"_s);
    e.thumbnailUrl = url(u"thumbnail_url"_s);
    e.available = item.value(u"available"_s).toBool(true);
    e.availableNow = item.value(u"available_now"_s).toBool(true);
    e.nextAvailableAt = QDateTime::fromString(item.value(u"next_available_at"_s).toString(), Qt::ISODateWithMs);
    if (const QJsonValue stock = item.value(u"stock"_s); stock.isDouble())
        e.stock = stock.toInt();
    e.allergens = strings(item.value(u"allergens"_s));
    e.tags = strings(item.value(u"tags"_s));
    e.translations = item.value(u"translations"_s).toObject();
    for (const QJsonValue &gv : item.value(u"option_groups"_s).toArray()) {
        const QJsonObject g = gv.toObject();
        MenuOptionGroup group{g.value(u"id"_s).toInteger(), g.value(u"name"_s).toString(),
                              g.value(u"min_select"_s).toInt(), g.value(u"max_select"_s).toInt(1),
                              g.value(u"translations"_s).toObject(), {}};
        for (const QJsonValue &ov : g.value(u"options"_s).toArray())
            group.options.append(optionFromJson(ov.toObject()));
        e.optionGroups.append(std::move(group));
    }
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
    case CategoryNameRole: {
        const Category c = m_categories.value(e.categoryId);
        return translated(c.translations, m_language, u"name"_s, c.name);
    }
    case StationRole: return e.station;
    case NameRole: return nameOf(e);
    case DescriptionRole: return descriptionOf(e);
    case PriceRole: return e.price;
    case PriceTextRole: return formatMoney(e.price, m_currency);
    case ImageUrlRole: return e.imageUrl;
    case ThumbnailUrlRole: return e.thumbnailUrl;
    case AvailableRole: return e.available;
    case AvailableNowRole: return e.availableNow;
    case NextAvailableTextRole: return nextAvailableText(e);
    case OrderableRole: return e.orderable();
    case StockRole: return e.stock.value_or(-1);
    case LowStockRole: return e.stock && *e.stock > 0 && *e.stock <= lowStock;
    case AllergensRole: return e.allergens;
    case TagsRole: return e.tags;
    case HasOptionsRole: return !e.optionGroups.isEmpty();
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
            {AvailableRole, "available"},
            {AvailableNowRole, "availableNow"},
            {NextAvailableTextRole, "nextAvailableText"},
            {OrderableRole, "orderable"},
            {StockRole, "stock"},
            {LowStockRole, "lowStock"},
            {AllergensRole, "allergens"},
            {TagsRole, "tags"},
            {HasOptionsRole, "hasOptions"}};
}

void MenuModel::setMenu(const QJsonObject &menu, const QUrl &baseUrl)
{
    beginResetModel();
    m_baseUrl = baseUrl;
    m_currency = menu.value(u"currency"_s).toString(u"KRW"_s);
    m_storeName = menu.value(u"store_name"_s).toString();
    m_version = menu.value(u"version"_s).toInteger();
    m_timeZone = QTimeZone(menu.value(u"time_zone"_s).toString().toUtf8());
    m_all.clear();
    m_index.clear();
    m_categories.clear();
    for (const QJsonValue &cv : menu.value(u"categories"_s).toArray()) {
        const QJsonObject c = cv.toObject();
        const QString name = c.value(u"name"_s).toString();
        const QString station = c.value(u"station"_s).toString(u"kitchen"_s);
        m_categories.insert(c.value(u"id"_s).toInteger(), {name, station, c.value(u"translations"_s).toObject()});
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
    QJsonObject merged = e.json;
    for (auto field = item.begin(); field != item.end(); ++field)
        merged.insert(field.key(), field.value());
    MenuEntry updated = entryFromJson(merged, m_baseUrl);
    updated.categoryName = e.categoryName;
    updated.station = e.station;
    if (updated.categoryId != e.categoryId)
        return false; // moved between categories: the caller refetches the menu
    const bool allergensChanged = updated.allergens != e.allergens;
    e = std::move(updated);
    if (allergensChanged && !m_hiddenAllergens.isEmpty()) {
        beginResetModel();
        rebuildVisible();
        endResetModel();
        emit countChanged();
    } else {
        rowChanged(*it);
    }
    if (wasAvailable != e.available)
        emit availabilityChanged(id, e.available);
    emit itemChanged(id);
    return true;
}

bool MenuModel::updateOption(const QJsonObject &option)
{
    const qint64 id = option.value(u"id"_s).toInteger();
    bool found = false;
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        MenuEntry &e = m_all[i];
        bool touched = false;
        for (MenuOptionGroup &group : e.optionGroups) {
            for (MenuOption &o : group.options) {
                if (o.id != id)
                    continue;
                const MenuOption next = optionFromJson(option);
                o.available = next.available;
                if (option.contains(u"price_delta"_s))
                    o.priceDelta = next.priceDelta;
                if (option.contains(u"name"_s))
                    o.name = next.name;
                if (option.contains(u"translations"_s))
                    o.translations = next.translations;
                touched = true;
            }
        }
        if (touched) {
            found = true;
            rowChanged(i);
            emit itemChanged(e.id);
        }
    }
    return found;
}

void MenuModel::rowChanged(qsizetype allIndex)
{
    const qsizetype row = m_visible.indexOf(allIndex);
    if (row >= 0)
        emit dataChanged(index(int(row)), index(int(row)));
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

void MenuModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    // Same rows, other texts: no reset, so the grid keeps its scroll position.
    if (!m_visible.isEmpty())
        emit dataChanged(index(0), index(int(m_visible.size()) - 1),
                         {NameRole, DescriptionRole, CategoryNameRole, NextAvailableTextRole});
    emit languageChanged();
}

void MenuModel::setHiddenAllergens(const QStringList &codes)
{
    QStringList sorted = codes;
    sorted.sort();
    sorted.removeDuplicates();
    if (sorted == m_hiddenAllergens)
        return;
    beginResetModel();
    m_hiddenAllergens = sorted;
    rebuildVisible();
    endResetModel();
    emit hiddenAllergensChanged();
    emit countChanged();
}

void MenuModel::toggleHiddenAllergen(const QString &code)
{
    QStringList codes = m_hiddenAllergens;
    if (!codes.removeOne(code))
        codes.append(code);
    setHiddenAllergens(codes);
}

void MenuModel::rebuildVisible()
{
    m_visible.clear();
    m_hiddenCount = 0;
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        const MenuEntry &e = m_all.at(i);
        if (m_categoryId != 0 && e.categoryId != m_categoryId)
            continue;
        const bool hidden = std::any_of(e.allergens.begin(), e.allergens.end(),
                                        [this](const QString &a) { return m_hiddenAllergens.contains(a); });
        if (hidden)
            ++m_hiddenCount;
        else
            m_visible.append(i);
    }
}

std::optional<MenuEntry> MenuModel::find(qint64 id) const
{
    if (const MenuEntry *e = entry(id))
        return *e;
    return std::nullopt;
}

const MenuEntry *MenuModel::entry(qint64 id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_all.at(*it);
}

QString MenuModel::formatPrice(qint64 amount) const
{
    return formatMoney(amount, m_currency);
}

QString MenuModel::formatDelta(qint64 delta) const
{
    if (delta == 0)
        return {};
    return (delta > 0 ? u"+"_s : u"−"_s) + formatMoney(delta > 0 ? delta : -delta, m_currency);
}

QString MenuModel::nameOf(const MenuEntry &entry) const
{
    return translated(entry.translations, m_language, u"name"_s, entry.name);
}

QString MenuModel::nameOf(const MenuOptionGroup &group) const
{
    return translated(group.translations, m_language, u"name"_s, group.name);
}

QString MenuModel::nameOf(const MenuOption &option) const
{
    return translated(option.translations, m_language, u"name"_s, option.name);
}

QString MenuModel::descriptionOf(const MenuEntry &entry) const
{
    return translated(entry.translations, m_language, u"description"_s, entry.description);
}

QString MenuModel::nextAvailableText(const MenuEntry &entry) const
{
    if (entry.availableNow || !entry.nextAvailableAt.isValid())
        return {};
    const bool storeZone = m_timeZone.isValid();
    const QDateTime at = storeZone ? entry.nextAvailableAt.toTimeZone(m_timeZone) : entry.nextAvailableAt.toLocalTime();
    const QDate today = storeZone ? QDateTime::currentDateTimeUtc().toTimeZone(m_timeZone).date() : QDate::currentDate();
    const QString time = at.toString(u"HH:mm"_s);
    if (at.date() == today)
        return time;
    return QLocale().dayName(at.date().dayOfWeek(), QLocale::ShortFormat) + u' ' + time;
}

} // namespace tableorder::client
