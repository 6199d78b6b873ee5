#pragma once

#include "error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace tableorder::kitchen {

/// One done order line: how long the kitchen took from the order to the line's done time.
struct LineSample
{
    QString businessDate; // yyyy-MM-dd, the order's business day
    int hour = -1;        // the store's local hour (0-23) the order was placed in; -1: by day
    qint64 menuItemId = 0;
    QString name;
    QString station;
    qint64 ms = 0; // line done_at - order created_at, in milliseconds (>= 0)
};

struct TimeStats
{
    qsizetype count = 0;
    qint64 p50Ms = 0;
    qint64 p90Ms = 0;
};

/// The nearest-rank percentile of ascending `sorted` (not empty): the smallest value with at
/// least `percent`% of the values at or below it, i.e. sorted[ceil(percent/100 * n) - 1].
/// Always one of the values, never interpolated; edge and HQ both use this one function.
[[nodiscard]] qint64 nearestRank(const QList<qint64> &sorted, int percent);
/// Count, p50 and p90 of these durations (any order; empty: all zero).
[[nodiscard]] TimeStats timeStats(QList<qint64> ms);

/// The kitchen times report of GET /api/v1/kitchen/times and HQ's reports/kitchen-times:
/// `{items: [{business_date, hour?, menu_item_id, name, station, count, p50_s, p90_s}],
///   stations: [{business_date, hour?, station, count, p50_s, p90_s}]}`, each list by period
/// (day, then hour) and, within it, slowest first (p90, then p50, then name). `hour` is there
/// only when the samples carry one. Seconds with millisecond precision.
[[nodiscard]] QJsonObject report(const QList<LineSample> &samples);

/// The query of both kitchen times routes: from/to business days (YYYY-MM-DD, inclusive;
/// each defaults to `today`), at most 92 days, and by=day|hour (default day).
struct Query
{
    QString from;
    QString to;
    bool byHour = false;
};
/// VALIDATION_FAILED naming the field for a bad date, to before from, a range too long or
/// an unknown `by`.
[[nodiscard]] Result<Query> parseQuery(const QString &from, const QString &to, const QString &by,
                                       const QString &today);

} // namespace tableorder::kitchen
