#include "sloservice.h"

#include "domain.h"
#include "storage/fleetrepository.h"
#include "storeservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {

QJsonValue percentOrNull(double part, double whole)
{
    return whole > 0 ? QJsonValue(std::round(10000.0 * part / whole) / 100.0) : QJsonValue();
}

} // namespace

Result<QJsonObject> SloService::week(const HqPrincipal &who, qint64 storeId, const QDate &day)
{
    auto store = m_stores.get(who, storeId);
    if (!store)
        return fail(store.error());
    QTimeZone zone(store->timezone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate anchor = day.isValid() ? day : now.toTimeZone(zone).date();
    const QDate monday = anchor.addDays(1 - anchor.dayOfWeek());
    const QDateTime start = monday.startOfDay(zone).toUTC();
    const QDateTime end = monday.addDays(7).startOfDay(zone).toUTC();
    const QDateTime to = std::min(end, now);
    if (start >= now)
        return fail(Error::validation(u"week"_s, u"that week has not begun"_s));
    // Hourly roll-ups (kept longer than minutes; their counts are sums): the hours from the
    // one holding the week's start (a zone with a half-hour offset starts mid-hour).
    const qint64 fromMs = start.toMSecsSinceEpoch() - start.toMSecsSinceEpoch() % 3'600'000;
    auto points = m_fleet.points(storeId, kHourResolution, fromMs, to.toMSecsSinceEpoch());
    if (!points)
        return fail(points.error());
    double requests = 0, errors = 0, within500 = 0, within1s = 0;
    struct Day { double requests = 0, within500 = 0, within1s = 0, errors = 0; };
    QMap<QString, Day> days;
    for (const HealthPoint &p : std::as_const(*points)) {
        if (p.atMs >= end.toMSecsSinceEpoch())
            continue; // the next week's first hour
        const QJsonObject data = QJsonDocument::fromJson(p.data).object();
        // Only what edges that count the SLO reported (an older edge's requests would count
        // as slow).
        if (!data.contains(u"http_requests_within_1s"_s))
            continue;
        const QString date = QDateTime::fromMSecsSinceEpoch(p.atMs, QTimeZone::utc()).toTimeZone(zone).date().toString(Qt::ISODate);
        Day &d = days[date];
        const double r = data.value(u"http_requests"_s).toDouble();
        const double e = data.value(u"http_server_errors"_s).toDouble();
        const double a = data.value(u"http_requests_within_500ms"_s).toDouble();
        const double b = data.value(u"http_requests_within_1s"_s).toDouble();
        requests += r, errors += e, within500 += a, within1s += b;
        d.requests += r, d.errors += e, d.within500 += a, d.within1s += b;
    }
    QJsonArray objectiveList;
    for (const Objective &o : objectives) {
        const double within = o.thresholdMs == 500 ? within500 : within1s;
        const double slow = requests - within;
        const double allowed = requests * (100.0 - o.targetPercent) / 100.0;
        QJsonObject json{{u"name"_s, QString::fromLatin1(o.name)},
                         {u"threshold_ms"_s, o.thresholdMs},
                         {u"target_percent"_s, o.targetPercent},
                         {u"within"_s, qint64(within)},
                         {u"slow"_s, qint64(slow)},
                         {u"share_percent"_s, percentOrNull(within, requests)},
                         {u"allowed_slow"_s, std::floor(allowed)},
                         // What is left of the week's budget of slow requests: 100 untouched,
                         // 0 spent, below 0 overspent.
                         {u"budget_left_percent"_s, allowed > 0 ? QJsonValue(std::round(1000.0 * (1.0 - slow / allowed)) / 10.0)
                                                                : QJsonValue()},
                         {u"met"_s, requests > 0 ? QJsonValue(100.0 * within / requests >= o.targetPercent) : QJsonValue()}};
        objectiveList.append(json);
    }
    QJsonArray dayList;
    for (auto it = days.cbegin(); it != days.cend(); ++it)
        dayList.append(QJsonObject{{u"date"_s, it.key()},
                                   {u"requests"_s, qint64(it->requests)},
                                   {u"within_500ms"_s, qint64(it->within500)},
                                   {u"within_1s"_s, qint64(it->within1s)},
                                   {u"server_errors"_s, qint64(it->errors)}});
    return QJsonObject{{u"store_id"_s, storeId},
                       {u"timezone"_s, QString::fromUtf8(zone.id())},
                       {u"week_start"_s, monday.toString(Qt::ISODate)},
                       {u"from"_s, timestampText(start)},
                       {u"to"_s, timestampText(to)},
                       {u"requests"_s, qint64(requests)},
                       {u"server_errors"_s, qint64(errors)},
                       {u"server_error_percent"_s, percentOrNull(errors, requests)},
                       {u"objectives"_s, objectiveList},
                       {u"days"_s, dayList}};
}

} // namespace tableorder::central
