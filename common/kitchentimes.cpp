#include "kitchentimes.h"

#include <QDate>
#include <QJsonArray>
#include <QMap>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace tableorder::kitchen {

qint64 nearestRank(const QList<qint64> &sorted, int percent)
{
    Q_ASSERT(!sorted.isEmpty() && percent > 0 && percent <= 100);
    // ceil(percent * n / 100) in integers: no floating point, so edge and HQ cannot differ.
    const qsizetype n = sorted.size();
    const qsizetype rank = (qsizetype(percent) * n + 99) / 100;
    return sorted.at(std::clamp<qsizetype>(rank, 1, n) - 1);
}

TimeStats timeStats(QList<qint64> ms)
{
    if (ms.isEmpty())
        return {};
    std::sort(ms.begin(), ms.end());
    return {ms.size(), nearestRank(ms, 50), nearestRank(ms, 90)};
}

namespace {
struct Group
{
    QString businessDate;
    int hour = -1;
    QString key; // the item's id or the station
    QList<qint64> ms;
    qint64 menuItemId = 0;
    QString name;
    QString station;
};

QJsonArray rows(QMap<std::tuple<QString, int, QString>, Group> &groups, bool items)
{
    struct Row
    {
        Group *group;
        TimeStats stats;
    };
    QList<Row> list;
    for (Group &g : groups)
        list.append({&g, timeStats(g.ms)});
    std::sort(list.begin(), list.end(), [](const Row &a, const Row &b) {
        const Group &x = *a.group, &y = *b.group;
        if (x.businessDate != y.businessDate)
            return x.businessDate < y.businessDate;
        if (x.hour != y.hour)
            return x.hour < y.hour;
        if (a.stats.p90Ms != b.stats.p90Ms)
            return a.stats.p90Ms > b.stats.p90Ms;
        if (a.stats.p50Ms != b.stats.p50Ms)
            return a.stats.p50Ms > b.stats.p50Ms;
        return std::tie(x.name, x.station, x.menuItemId) < std::tie(y.name, y.station, y.menuItemId);
    });
    QJsonArray out;
    for (const Row &row : std::as_const(list)) {
        const Group &g = *row.group;
        QJsonObject o{{u"business_date"_s, g.businessDate}};
        if (g.hour >= 0)
            o.insert(u"hour"_s, g.hour);
        if (items) {
            o.insert(u"menu_item_id"_s, g.menuItemId);
            o.insert(u"name"_s, g.name);
        }
        o.insert(u"station"_s, g.station);
        o.insert(u"count"_s, row.stats.count);
        o.insert(u"p50_s"_s, row.stats.p50Ms / 1000.0);
        o.insert(u"p90_s"_s, row.stats.p90Ms / 1000.0);
        out.append(o);
    }
    return out;
}
} // namespace

QJsonObject report(const QList<LineSample> &samples)
{
    QMap<std::tuple<QString, int, QString>, Group> items;
    QMap<std::tuple<QString, int, QString>, Group> stations;
    for (const LineSample &s : samples) {
        // An item keeps the name and station of its latest sample (a renamed dish is one row).
        Group &item = items[{s.businessDate, s.hour, QString::number(s.menuItemId)}];
        item.businessDate = s.businessDate;
        item.hour = s.hour;
        item.menuItemId = s.menuItemId;
        item.name = s.name;
        item.station = s.station;
        item.ms.append(std::max<qint64>(0, s.ms));
        Group &station = stations[{s.businessDate, s.hour, s.station}];
        station.businessDate = s.businessDate;
        station.hour = s.hour;
        station.station = s.station;
        station.ms.append(std::max<qint64>(0, s.ms));
    }
    return {{u"items"_s, rows(items, true)}, {u"stations"_s, rows(stations, false)}};
}

Result<Query> parseQuery(const QString &from, const QString &to, const QString &by, const QString &today)
{
    Query query{from.isEmpty() ? today : from, to.isEmpty() ? today : to, false};
    for (const auto &[field, text] : {std::pair{u"from"_s, query.from}, std::pair{u"to"_s, query.to}}) {
        if (text.size() != 10 || !QDate::fromString(text, Qt::ISODate).isValid())
            return fail(Error::validation(field, field + u" must be a date (YYYY-MM-DD)"_s));
    }
    const qint64 days = QDate::fromString(query.from, Qt::ISODate).daysTo(QDate::fromString(query.to, Qt::ISODate));
    if (days < 0)
        return fail(Error::validation(u"to"_s, u"to must not be before from"_s));
    if (days >= 92)
        return fail(Error::validation(u"to"_s, u"a kitchen times report covers at most 92 days"_s));
    if (by == u"hour"_s)
        query.byHour = true;
    else if (!by.isEmpty() && by != u"day"_s)
        return fail(Error::validation(u"by"_s, u"by must be day or hour"_s));
    return query;
}

} // namespace tableorder::kitchen
