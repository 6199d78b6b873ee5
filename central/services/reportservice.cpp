#include "reportservice.h"

#include "storage/reportrepository.h"

#include <QJsonObject>
#include <QTimeZone>

#include <map>

using namespace Qt::StringLiterals;

namespace tableorder::central {

std::optional<GroupBy> parseGroupBy(QStringView text)
{
    if (text == u"store")
        return GroupBy::Store;
    if (text == u"day")
        return GroupBy::Day;
    if (text == u"hour")
        return GroupBy::Hour;
    if (text == u"item")
        return GroupBy::Item;
    if (text == u"option")
        return GroupBy::Option;
    return std::nullopt;
}

Result<QJsonArray> ReportService::sales(const HqPrincipal &who, const QDate &from, const QDate &to,
                                        GroupBy groupBy, qint64 storeId)
{
    if (!from.isValid() || !to.isValid() || from > to)
        return fail(Error::validation(u"from"_s, u"from and to must be dates (YYYY-MM-DD), from <= to"_s));
    if (from.daysTo(to) > 366)
        return fail(Error::validation(u"to"_s, u"a report covers at most 366 days"_s));
    if (!who.isAdmin()) {
        if (storeId && storeId != who.storeId)
            return fail(Error::notFound(u"store"_s));
        storeId = who.storeId;
    }
    const QString fromText = from.toString(Qt::ISODate);
    const QString toText = to.toString(Qt::ISODate);
    QJsonArray rows;
    if (groupBy == GroupBy::Item) {
        auto items = m_reports.items(who.orgId, storeId, fromText, toText);
        if (!items)
            return fail(items.error());
        for (const ItemTotal &item : *items)
            rows.append(QJsonObject{{u"key"_s, item.name}, {u"orders"_s, item.orders},
                                    {u"quantity"_s, item.quantity}, {u"total"_s, item.total}});
        return rows;
    }
    if (groupBy == GroupBy::Option) {
        auto options = m_reports.options(who.orgId, storeId, fromText, toText);
        if (!options)
            return fail(options.error());
        for (const OptionTotal &o : *options)
            rows.append(QJsonObject{{u"key"_s, u"%1: %2"_s.arg(o.group, o.name)}, {u"option_id"_s, o.optionId},
                                    {u"group"_s, o.group}, {u"option"_s, o.name}, {u"orders"_s, o.orders},
                                    {u"quantity"_s, o.quantity}, {u"sales"_s, o.sales}, {u"total"_s, o.lineTotal}});
        return rows;
    }
    auto orders = m_reports.orders(who.orgId, storeId, fromText, toText);
    if (!orders)
        return fail(orders.error());
    struct Bucket
    {
        QString label;
        qint64 storeId = 0;
        qint64 orders = 0;
        Money total = 0;
        qint64 prepSeconds = 0;
        qint64 completed = 0;
    };
    std::map<QString, Bucket> buckets;
    QHash<QString, QTimeZone> zones;
    for (const ReportOrder &o : *orders) {
        QString key;
        switch (groupBy) {
        case GroupBy::Store: key = QString::number(o.storeId); break;
        case GroupBy::Day: key = o.businessDate; break;
        case GroupBy::Hour: {
            auto zone = zones.constFind(o.timezone);
            if (zone == zones.cend())
                zone = zones.insert(o.timezone, QTimeZone(o.timezone.toUtf8()));
            key = u"%1"_s.arg(o.createdAt.toTimeZone(*zone).time().hour(), 2, 10, QChar(u'0'));
            break;
        }
        case GroupBy::Item:
        case GroupBy::Option: break;
        }
        Bucket &b = buckets[key];
        b.label = groupBy == GroupBy::Store ? o.storeName : key;
        b.storeId = o.storeId;
        ++b.orders;
        b.total += o.total;
        if (o.completedAt.isValid()) {
            b.prepSeconds += o.createdAt.secsTo(o.completedAt);
            ++b.completed;
        }
    }
    for (const auto &[key, b] : buckets) {
        QJsonObject row{{u"key"_s, b.label}, {u"orders"_s, b.orders}, {u"total"_s, b.total},
                        {u"avg_prep_seconds"_s, b.completed ? QJsonValue(double(b.prepSeconds) / b.completed)
                                                            : QJsonValue(QJsonValue::Null)}};
        if (groupBy == GroupBy::Store)
            row.insert(u"store_id"_s, b.storeId);
        rows.append(row);
    }
    return rows;
}

} // namespace tableorder::central
