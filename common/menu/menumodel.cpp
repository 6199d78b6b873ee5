#include "menumodel.h"

#include "json.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tableorder::menu {

const QStringList &languages()
{
    static const QStringList list{u"ko"_s, u"en"_s, u"zh"_s, u"ja"_s};
    return list;
}

const QStringList &translationLanguages()
{
    static const QStringList list{u"en"_s, u"zh"_s, u"ja"_s};
    return list;
}

const QStringList &allergenCodes()
{
    // 식품 등의 표시기준 (Ministry of Food and Drug Safety): the 19 mandatory allergens.
    static const QStringList list{u"egg"_s,      u"milk"_s,     u"buckwheat"_s, u"peanut"_s,
                                  u"soybean"_s,  u"wheat"_s,    u"mackerel"_s,  u"crab"_s,
                                  u"shrimp"_s,   u"pork"_s,     u"peach"_s,     u"tomato"_s,
                                  u"sulfites"_s, u"walnut"_s,   u"chicken"_s,   u"beef"_s,
                                  u"squid"_s,    u"shellfish"_s, u"pine_nut"_s};
    return list;
}

const QStringList &tagCodes()
{
    static const QStringList list{u"spicy"_s, u"vegetarian"_s, u"new"_s, u"best"_s};
    return list;
}

namespace {

QString sub(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

QString at(const QString &path, qsizetype index)
{
    return u"%1[%2]"_s.arg(path).arg(index);
}

/// Unknown keys are refused, named with their full path.
Status allowOnly(const QJsonObject &object, const QString &path, std::initializer_list<QString> keys)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (std::find(keys.begin(), keys.end(), it.key()) == keys.end())
            return fail(Error::validation(sub(path, it.key()), u"unknown field %1"_s.arg(sub(path, it.key()))));
    }
    return {};
}

Result<QString> text(const QJsonValue &value, const QString &field, qsizetype minLength,
                     qsizetype maxLength)
{
    if (value.isUndefined())
        return fail(Error::validation(field, u"%1 is required"_s.arg(field)));
    if (!value.isString())
        return fail(Error::validation(field, u"%1 must be a string"_s.arg(field)));
    const QString t = value.toString().trimmed();
    if (t.size() < minLength || t.size() > maxLength)
        return fail(Error::validation(
                field, u"%1 must be %2 to %3 characters"_s.arg(field).arg(minLength).arg(maxLength)));
    return t;
}

Result<qint64> integer(const QJsonObject &object, const QString &key, const QString &path,
                       qint64 min, qint64 max)
{
    const QString field = sub(path, key);
    if (!object.contains(key))
        return fail(Error::validation(field, u"%1 is required"_s.arg(field)));
    return json::intValue(object.value(key), field, min, max);
}

Result<QStringList> codes(const QJsonValue &value, const QString &path, const QStringList &known,
                          const QString &what)
{
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (!value.isArray())
        return fail(Error::validation(path, u"%1 must be an array of %2 codes"_s.arg(path, what)));
    QStringList out;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString code = array.at(i).toString();
        if (!array.at(i).isString() || !known.contains(code))
            return fail(Error::validation(at(path, i), u"%1 is not a known %2 code (%3)"_s.arg(
                                                               at(path, i), what, known.join(u", "_s))));
        if (out.contains(code))
            return fail(Error::validation(at(path, i), u"%1 is listed twice"_s.arg(code)));
        out.append(code);
    }
    // Stored and compared in the list's own order, whatever order the client sent.
    std::sort(out.begin(), out.end(), [&](const QString &a, const QString &b) {
        return known.indexOf(a) < known.indexOf(b);
    });
    return out;
}

Result<QTime> clockTime(const QJsonValue &value, const QString &field)
{
    static const QRegularExpression pattern(u"^([01][0-9]|2[0-3]):([0-5][0-9])$"_s);
    const auto match = value.isString() ? pattern.match(value.toString()) : QRegularExpressionMatch();
    if (!match.hasMatch())
        return fail(Error::validation(field, u"%1 must be a time HH:MM (00:00 to 23:59)"_s.arg(field)));
    return QTime(match.captured(1).toInt(), match.captured(2).toInt());
}

Result<Option> optionFromJson(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return fail(Error::validation(path, u"%1 must be an object"_s.arg(path)));
    const QJsonObject o = value.toObject();
    if (auto ok = allowOnly(o, path, {u"id"_s, u"name"_s, u"price_delta"_s, u"available"_s,
                                       u"translations"_s});
        !ok)
        return fail(ok.error());
    Option option;
    if (o.contains(u"id"_s)) {
        auto id = json::intValue(o.value(u"id"_s), sub(path, u"id"_s), 1,
                                 std::numeric_limits<qint32>::max());
        if (!id)
            return fail(id.error());
        option.id = *id;
    }
    auto name = text(o.value(u"name"_s), sub(path, u"name"_s), 1, maxNameLength);
    if (!name)
        return fail(name.error());
    option.name = *name;
    auto delta = integer(o, u"price_delta"_s, path, -maxPriceDelta, maxPriceDelta);
    if (!delta)
        return fail(delta.error());
    option.priceDelta = *delta;
    if (o.contains(u"available"_s)) {
        if (!o.value(u"available"_s).isBool())
            return fail(Error::validation(sub(path, u"available"_s),
                                          u"%1 must be true or false"_s.arg(sub(path, u"available"_s))));
        option.available = o.value(u"available"_s).toBool();
    }
    auto translations = translationsFromJson(o.value(u"translations"_s), sub(path, u"translations"_s), false);
    if (!translations)
        return fail(translations.error());
    option.translations = *translations;
    return option;
}

} // namespace

QString timeText(const QTime &time)
{
    return time.toString(u"HH:mm"_s);
}

Result<Translations> translationsFromJson(const QJsonValue &value, const QString &path,
                                          bool withDescription)
{
    if (value.isUndefined() || value.isNull())
        return Translations();
    if (!value.isObject())
        return fail(Error::validation(path, u"%1 must be an object keyed by language (en, zh, ja)"_s.arg(path)));
    Translations out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString field = sub(path, it.key());
        if (!translationLanguages().contains(it.key()))
            return fail(Error::validation(field, u"%1: translations are in en, zh or ja (Korean is the base text)"_s.arg(field)));
        if (!it.value().isObject())
            return fail(Error::validation(field, u"%1 must be an object"_s.arg(field)));
        const QJsonObject t = it.value().toObject();
        Status ok = withDescription ? allowOnly(t, field, {u"name"_s, u"description"_s})
                                    : allowOnly(t, field, {u"name"_s});
        if (!ok)
            return fail(ok.error());
        Translation translation;
        if (t.contains(u"name"_s) && !t.value(u"name"_s).isNull()) {
            auto name = text(t.value(u"name"_s), sub(field, u"name"_s), 1, maxNameLength);
            if (!name)
                return fail(name.error());
            translation.name = *name;
        }
        if (t.contains(u"description"_s) && !t.value(u"description"_s).isNull()) {
            auto description = text(t.value(u"description"_s), sub(field, u"description"_s), 0,
                                    maxDescriptionLength);
            if (!description)
                return fail(description.error());
            translation.description = *description;
        }
        if (!translation.name.isEmpty() || !translation.description.isEmpty())
            out.insert(it.key(), translation);
    }
    return out;
}

Result<Hours> hoursFromJson(const QJsonValue &value, const QString &path)
{
    if (value.isUndefined() || value.isNull())
        return Hours();
    if (!value.isArray())
        return fail(Error::validation(path, u"%1 must be an array of {days, from, to}"_s.arg(path)));
    const QJsonArray array = value.toArray();
    if (array.size() > maxHoursWindows)
        return fail(ErrorCode::LimitReached,
                    u"%1 has at most %2 windows"_s.arg(path).arg(maxHoursWindows),
                    QJsonObject{{u"field"_s, path}, {u"limit"_s, maxHoursWindows}});
    Hours out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString field = at(path, i);
        if (!array.at(i).isObject())
            return fail(Error::validation(field, u"%1 must be an object"_s.arg(field)));
        const QJsonObject w = array.at(i).toObject();
        if (auto ok = allowOnly(w, field, {u"days"_s, u"from"_s, u"to"_s}); !ok)
            return fail(ok.error());
        HoursWindow window;
        const QJsonValue days = w.value(u"days"_s);
        if (!days.isArray() || days.toArray().isEmpty())
            return fail(Error::validation(sub(field, u"days"_s),
                                          u"%1 must list days 1 (Monday) to 7 (Sunday)"_s.arg(sub(field, u"days"_s))));
        const QJsonArray dayList = days.toArray();
        for (qsizetype d = 0; d < dayList.size(); ++d) {
            auto day = json::intValue(dayList.at(d), at(sub(field, u"days"_s), d), 1, 7);
            if (!day)
                return fail(day.error());
            if (window.days.contains(int(*day)))
                return fail(Error::validation(at(sub(field, u"days"_s), d), u"day %1 is listed twice"_s.arg(*day)));
            window.days.append(int(*day));
        }
        std::sort(window.days.begin(), window.days.end());
        auto from = clockTime(w.value(u"from"_s), sub(field, u"from"_s));
        if (!from)
            return fail(from.error());
        auto to = clockTime(w.value(u"to"_s), sub(field, u"to"_s));
        if (!to)
            return fail(to.error());
        if (*from == *to)
            return fail(Error::validation(sub(field, u"to"_s),
                                          u"%1: from and to are the same time; leave hours empty for always"_s.arg(field)));
        window.from = *from;
        window.to = *to;
        out.append(window);
    }
    return out;
}

Result<QStringList> allergensFromJson(const QJsonValue &value, const QString &path)
{
    return codes(value, path, allergenCodes(), u"allergen"_s);
}

Result<QStringList> tagsFromJson(const QJsonValue &value, const QString &path)
{
    return codes(value, path, tagCodes(), u"tag"_s);
}

Result<QList<qint64>> groupIdsFromJson(const QJsonValue &value, const QString &path)
{
    if (value.isUndefined() || value.isNull())
        return QList<qint64>();
    if (!value.isArray())
        return fail(Error::validation(path, u"%1 must be an array of option group ids"_s.arg(path)));
    const QJsonArray array = value.toArray();
    if (array.size() > maxGroupsPerItem)
        return fail(ErrorCode::LimitReached,
                    u"an item has at most %1 option groups"_s.arg(maxGroupsPerItem),
                    QJsonObject{{u"field"_s, path}, {u"limit"_s, maxGroupsPerItem}});
    QList<qint64> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto id = json::intValue(array.at(i), at(path, i), 1, std::numeric_limits<qint32>::max());
        if (!id)
            return fail(id.error());
        if (out.contains(*id))
            return fail(Error::validation(at(path, i), u"option group %1 is listed twice"_s.arg(*id)));
        out.append(*id);
    }
    return out;
}

Result<std::optional<qint64>> stockFromJson(const QJsonValue &value, const QString &path)
{
    if (value.isNull())
        return std::optional<qint64>();
    if (value.isUndefined())
        return fail(Error::validation(path, u"%1 is required (null for unlimited)"_s.arg(path)));
    auto stock = json::intValue(value, path, 0, 1'000'000);
    if (!stock)
        return fail(stock.error());
    return std::optional<qint64>(*stock);
}

Result<OptionGroup> optionGroupFromJson(const QJsonObject &o, const QString &path, bool withId)
{
    Status ok = withId ? allowOnly(o, path, {u"id"_s, u"name"_s, u"min_select"_s, u"max_select"_s,
                                             u"translations"_s, u"options"_s})
                       : allowOnly(o, path, {u"name"_s, u"min_select"_s, u"max_select"_s,
                                             u"translations"_s, u"options"_s});
    if (!ok)
        return fail(ok.error());
    OptionGroup group;
    if (withId) {
        auto id = integer(o, u"id"_s, path, 1, std::numeric_limits<qint32>::max());
        if (!id)
            return fail(id.error());
        group.id = *id;
    }
    auto name = text(o.value(u"name"_s), sub(path, u"name"_s), 1, maxNameLength);
    if (!name)
        return fail(name.error());
    group.name = *name;
    auto translations = translationsFromJson(o.value(u"translations"_s), sub(path, u"translations"_s), false);
    if (!translations)
        return fail(translations.error());
    group.translations = *translations;
    const QString optionsField = sub(path, u"options"_s);
    const QJsonValue options = o.value(u"options"_s);
    if (!options.isArray() || options.toArray().isEmpty())
        return fail(Error::validation(optionsField, u"%1 must list at least one option"_s.arg(optionsField)));
    const QJsonArray list = options.toArray();
    if (list.size() > maxOptionsPerGroup)
        return fail(ErrorCode::LimitReached,
                    u"an option group has at most %1 options"_s.arg(maxOptionsPerGroup),
                    QJsonObject{{u"field"_s, optionsField}, {u"limit"_s, maxOptionsPerGroup}});
    QSet<qint64> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto option = optionFromJson(list.at(i), at(optionsField, i));
        if (!option)
            return fail(option.error());
        if (option->id != 0 && ids.contains(option->id))
            return fail(Error::validation(sub(at(optionsField, i), u"id"_s), u"option %1 is listed twice"_s.arg(option->id)));
        ids.insert(option->id);
        group.options.append(*option);
    }
    auto min = integer(o, u"min_select"_s, path, 0, maxOptionsPerGroup);
    if (!min)
        return fail(min.error());
    auto max = integer(o, u"max_select"_s, path, 1, maxOptionsPerGroup);
    if (!max)
        return fail(max.error());
    if (*min > *max)
        return fail(Error::validation(sub(path, u"min_select"_s), u"min_select must not exceed max_select"_s));
    if (*max > list.size())
        return fail(Error::validation(sub(path, u"max_select"_s),
                                      u"max_select must not exceed the number of options (%1)"_s.arg(list.size())));
    group.minSelect = int(*min);
    group.maxSelect = int(*max);
    return group;
}

QJsonObject toJson(const Translations &translations)
{
    QJsonObject out;
    for (auto it = translations.begin(); it != translations.end(); ++it) {
        QJsonObject t;
        if (!it->name.isEmpty())
            t.insert(u"name"_s, it->name);
        if (!it->description.isEmpty())
            t.insert(u"description"_s, it->description);
        if (!t.isEmpty())
            out.insert(it.key(), t);
    }
    return out;
}

QJsonArray toJson(const Hours &hours)
{
    QJsonArray out;
    for (const HoursWindow &w : hours) {
        QJsonArray days;
        for (int d : w.days)
            days.append(d);
        out.append(QJsonObject{{u"days"_s, days}, {u"from"_s, timeText(w.from)}, {u"to"_s, timeText(w.to)}});
    }
    return out;
}

QJsonObject toJson(const Option &option)
{
    return {{u"id"_s, option.id},
            {u"name"_s, option.name},
            {u"price_delta"_s, option.priceDelta},
            {u"available"_s, option.available},
            {u"translations"_s, toJson(option.translations)}};
}

QJsonObject toJson(const OptionGroup &group)
{
    QJsonArray options;
    for (const Option &option : group.options)
        options.append(toJson(option));
    return {{u"id"_s, group.id},
            {u"name"_s, group.name},
            {u"min_select"_s, group.minSelect},
            {u"max_select"_s, group.maxSelect},
            {u"translations"_s, toJson(group.translations)},
            {u"options"_s, options}};
}

QJsonObject categoryToJson(const Category &category)
{
    QJsonObject out{{u"id"_s, category.id},
                    {u"name"_s, category.name},
                    {u"display_order"_s, category.displayOrder},
                    {u"translations"_s, toJson(category.translations)},
                    {u"available_hours"_s, toJson(category.hours)}};
    if (!category.station.isEmpty())
        out.insert(u"station"_s, category.station);
    return out;
}

QJsonObject itemToJson(const Item &item, const QList<OptionGroup> &groups)
{
    QJsonArray expanded;
    for (qint64 id : item.optionGroupIds) {
        const auto group = std::find_if(groups.begin(), groups.end(),
                                        [id](const OptionGroup &g) { return g.id == id; });
        if (group != groups.end())
            expanded.append(toJson(*group));
    }
    return {{u"id"_s, item.id},
            {u"category_id"_s, item.categoryId},
            {u"name"_s, item.name},
            {u"description"_s, item.description},
            {u"price"_s, item.price},
            {u"available"_s, item.isAvailable()},
            {u"stock"_s, item.stock ? QJsonValue(*item.stock) : QJsonValue(QJsonValue::Null)},
            {u"allergens"_s, QJsonArray::fromStringList(item.allergens)},
            {u"tags"_s, QJsonArray::fromStringList(item.tags)},
            {u"translations"_s, toJson(item.translations)},
            {u"available_hours"_s, toJson(item.hours)},
            {u"option_groups"_s, expanded},
            {u"display_order"_s, item.displayOrder}};
}

QJsonObject menuToJson(const Menu &menu)
{
    QJsonArray categories;
    for (const Category &c : menu.categories) {
        QJsonArray items;
        for (const Item &i : menu.items) {
            if (i.categoryId != c.id)
                continue;
            QJsonObject item = itemToJson(i, menu.groups);
            // Sold out and stock are the store's own, never published.
            item.remove(u"available"_s);
            item.remove(u"stock"_s);
            item.insert(u"image_url"_s, i.imagePath.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                              : QJsonValue(i.imagePath));
            items.append(item);
        }
        QJsonObject category = categoryToJson(c);
        category.insert(u"items"_s, items);
        categories.append(category);
    }
    return {{u"categories"_s, categories}};
}

Result<Menu> menuFromJson(const QJsonObject &object)
{
    // HQ may be newer than this edge: fields this model does not know are skipped, the ones
    // it knows are checked as strictly as a manager's input.
    Menu menu;
    const QJsonArray categories = object.value(u"categories"_s).toArray();
    for (qsizetype ci = 0; ci < categories.size(); ++ci) {
        const QString cpath = at(u"categories"_s, ci);
        const QJsonObject c = categories.at(ci).toObject();
        Category category;
        auto id = integer(c, u"id"_s, cpath, 1, std::numeric_limits<qint32>::max());
        if (!id)
            return fail(id.error());
        category.id = *id;
        auto name = text(c.value(u"name"_s), sub(cpath, u"name"_s), 1, maxNameLength);
        if (!name)
            return fail(name.error());
        category.name = *name;
        category.displayOrder = int(c.value(u"display_order"_s).toInteger());
        category.station = c.value(u"station"_s).toString();
        auto translations = translationsFromJson(c.value(u"translations"_s), sub(cpath, u"translations"_s));
        if (!translations)
            return fail(translations.error());
        category.translations = *translations;
        auto hours = hoursFromJson(c.value(u"available_hours"_s), sub(cpath, u"available_hours"_s));
        if (!hours)
            return fail(hours.error());
        category.hours = *hours;
        menu.categories.append(category);
        const QJsonArray items = c.value(u"items"_s).toArray();
        for (qsizetype ii = 0; ii < items.size(); ++ii) {
            const QString ipath = at(sub(cpath, u"items"_s), ii);
            const QJsonObject i = items.at(ii).toObject();
            Item item;
            item.categoryId = category.id;
            auto itemId = integer(i, u"id"_s, ipath, 1, std::numeric_limits<qint32>::max());
            if (!itemId)
                return fail(itemId.error());
            item.id = *itemId;
            auto itemName = text(i.value(u"name"_s), sub(ipath, u"name"_s), 1, maxNameLength);
            if (!itemName)
                return fail(itemName.error());
            item.name = *itemName;
            item.description = i.value(u"description"_s).toString();
            auto price = integer(i, u"price"_s, ipath, 0, maxPrice);
            if (!price)
                return fail(price.error());
            item.price = *price;
            item.imagePath = i.value(u"image_url"_s).toString();
            item.displayOrder = int(i.value(u"display_order"_s).toInteger());
            auto allergens = allergensFromJson(i.value(u"allergens"_s), sub(ipath, u"allergens"_s));
            if (!allergens)
                return fail(allergens.error());
            item.allergens = *allergens;
            auto tags = tagsFromJson(i.value(u"tags"_s), sub(ipath, u"tags"_s));
            if (!tags)
                return fail(tags.error());
            item.tags = *tags;
            auto itemTranslations = translationsFromJson(i.value(u"translations"_s), sub(ipath, u"translations"_s));
            if (!itemTranslations)
                return fail(itemTranslations.error());
            item.translations = *itemTranslations;
            auto itemHours = hoursFromJson(i.value(u"available_hours"_s), sub(ipath, u"available_hours"_s));
            if (!itemHours)
                return fail(itemHours.error());
            item.hours = *itemHours;
            const QJsonArray groups = i.value(u"option_groups"_s).toArray();
            if (groups.size() > maxGroupsPerItem)
                return fail(ErrorCode::LimitReached,
                            u"an item has at most %1 option groups"_s.arg(maxGroupsPerItem));
            for (qsizetype gi = 0; gi < groups.size(); ++gi) {
                const QString gpath = at(sub(ipath, u"option_groups"_s), gi);
                QJsonObject g = groups.at(gi).toObject();
                // The published form carries every option's id and availability.
                for (const QString &key : g.keys()) {
                    if (key != u"id"_s && key != u"name"_s && key != u"min_select"_s && key != u"max_select"_s
                        && key != u"translations"_s && key != u"options"_s)
                        g.remove(key);
                }
                auto group = optionGroupFromJson(g, gpath, true);
                if (!group)
                    return fail(group.error());
                for (const Option &option : group->options) {
                    if (option.id == 0)
                        return fail(Error::validation(sub(gpath, u"options"_s), u"published options carry ids"_s));
                }
                if (item.optionGroupIds.contains(group->id))
                    return fail(Error::validation(gpath, u"option group %1 is listed twice"_s.arg(group->id)));
                item.optionGroupIds.append(group->id);
                const auto known = std::find_if(menu.groups.begin(), menu.groups.end(),
                                                [&](const OptionGroup &k) { return k.id == group->id; });
                if (known == menu.groups.end())
                    menu.groups.append(*group);
                else if (!(*known == *group))
                    return fail(Error::validation(gpath, u"option group %1 differs between items"_s.arg(group->id)));
            }
            menu.items.append(item);
        }
    }
    return menu;
}

} // namespace tableorder::menu
