#include "linepricing.h"

#include "json.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace tableorder::menu {

Result<PricedLine> priceLine(const Item &item, const QList<OptionGroup> &groups,
                             const QList<qint64> &optionIds, const QString &field)
{
    QSet<qint64> chosen;
    for (qint64 id : optionIds) {
        if (chosen.contains(id))
            return fail(Error::validation(field, u"option %1 is chosen twice"_s.arg(id)));
        chosen.insert(id);
    }
    PricedLine line;
    Money sum = 0;
    QJsonArray unavailable;
    QSet<qint64> matched;
    for (qint64 groupId : item.optionGroupIds) {
        const auto group = std::find_if(groups.begin(), groups.end(),
                                        [groupId](const OptionGroup &g) { return g.id == groupId; });
        if (group == groups.end())
            continue;
        int count = 0;
        for (const Option &option : group->options) {
            if (!chosen.contains(option.id) || matched.contains(option.id))
                continue;
            matched.insert(option.id);
            ++count;
            sum += option.priceDelta;
            if (!option.available)
                unavailable.append(option.id);
            line.options.append({option.id, group->name, option.name, option.priceDelta});
        }
        if (count < group->minSelect)
            return fail(Error::validation(field, group->minSelect == group->maxSelect
                                                         ? u"choose %1 of %2"_s.arg(group->minSelect).arg(group->name)
                                                         : u"choose at least %1 of %2"_s.arg(group->minSelect).arg(group->name)));
        if (count > group->maxSelect)
            return fail(Error::validation(field, u"choose at most %1 of %2"_s.arg(group->maxSelect).arg(group->name)));
    }
    for (qint64 id : optionIds) {
        if (!matched.contains(id))
            return fail(Error::validation(field, u"option %1 is not an option of %2"_s.arg(id).arg(item.name)));
    }
    if (!unavailable.isEmpty())
        return fail(ErrorCode::OptionUnavailable, u"an option chosen is not available now"_s,
                    QJsonObject{{u"option_ids"_s, unavailable}});
    line.unitPrice = std::max<Money>(0, item.price + sum);
    return line;
}

QJsonObject toJson(const PricedOption &option)
{
    return {{u"id"_s, option.id},
            {u"group"_s, option.group},
            {u"name"_s, option.name},
            {u"price_delta"_s, option.priceDelta}};
}

QJsonArray toJson(const QList<PricedOption> &options)
{
    QJsonArray out;
    for (const PricedOption &option : options)
        out.append(toJson(option));
    return out;
}

Result<QList<PricedOption>> pricedOptionsFromJson(const QJsonValue &value, const QString &path)
{
    if (value.isUndefined() || value.isNull())
        return QList<PricedOption>();
    if (!value.isArray())
        return fail(Error::validation(path, u"%1 must be an array"_s.arg(path)));
    QList<PricedOption> out;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString field = u"%1[%2]"_s.arg(path).arg(i);
        const QJsonObject o = array.at(i).toObject();
        if (!array.at(i).isObject() || !o.value(u"group"_s).isString() || !o.value(u"name"_s).isString())
            return fail(Error::validation(field, u"%1 must be {id, group, name, price_delta}"_s.arg(field)));
        auto id = json::intValue(o.value(u"id"_s), field + u".id"_s, 1, std::numeric_limits<qint32>::max());
        if (!id)
            return fail(id.error());
        auto delta = json::intValue(o.value(u"price_delta"_s), field + u".price_delta"_s,
                                    -maxPriceDelta, maxPriceDelta);
        if (!delta)
            return fail(delta.error());
        out.append({*id, o.value(u"group"_s).toString(), o.value(u"name"_s).toString(), *delta});
    }
    return out;
}

} // namespace tableorder::menu
