#include "hours.h"

#include <algorithm>

namespace tableorder::menu {

namespace {

bool windowOpen(const HoursWindow &w, const QDate &date, const QTime &time)
{
    const int day = date.dayOfWeek();
    if (w.from < w.to)
        return w.days.contains(day) && time >= w.from && time < w.to;
    // Past midnight: from `from` to the end of a listed day, and on the next day until `to`.
    if (w.days.contains(day) && time >= w.from)
        return true;
    const int previous = day == 1 ? 7 : day - 1;
    return w.days.contains(previous) && time < w.to;
}

/// Local wall-clock time to an instant. A time that does not exist (the hour skipped when
/// clocks go forward; Qt 6.4 makes such a QDateTime invalid) is the moment the clock jumps.
QDateTime instant(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    const QDateTime local(date, time, zone);
    if (local.isValid())
        return local.toUTC();
    const QDateTime dayBefore = QDateTime(date, time, QTimeZone::utc()).addDays(-1);
    const QTimeZone::OffsetData jump = zone.nextTransition(dayBefore);
    return jump.atUtc.isValid() ? jump.atUtc.toUTC() : QDateTime(date, time, QTimeZone::utc());
}

/// Window starts and ends from the local day before `after` to eight days later.
QList<QDateTime> edges(const QList<Hours> &hours, const QDateTime &after, const QTimeZone &zone,
                       bool startsOnly)
{
    QList<QDateTime> out;
    const QDate today = after.toTimeZone(zone).date();
    for (const Hours &list : hours) {
        for (const HoursWindow &w : list) {
            for (int k = -1; k <= 8; ++k) {
                const QDate date = today.addDays(k);
                if (!w.days.contains(date.dayOfWeek()))
                    continue;
                out.append(instant(date, w.from, zone));
                if (!startsOnly)
                    out.append(instant(w.to < w.from ? date.addDays(1) : date, w.to, zone));
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

bool isOpenAt(const Hours &hours, const QDateTime &at, const QTimeZone &zone)
{
    if (hours.isEmpty())
        return true;
    const QDateTime local = at.toTimeZone(zone);
    return std::any_of(hours.begin(), hours.end(), [&](const HoursWindow &w) {
        return windowOpen(w, local.date(), local.time());
    });
}

bool isOpenAt(const QList<Hours> &hours, const QDateTime &at, const QTimeZone &zone)
{
    return std::all_of(hours.begin(), hours.end(),
                       [&](const Hours &h) { return isOpenAt(h, at, zone); });
}

std::optional<QDateTime> nextOpening(const QList<Hours> &hours, const QDateTime &after,
                                     const QTimeZone &zone)
{
    if (isOpenAt(hours, after, zone))
        return after.toUTC();
    // Openness only changes at window edges, so the first moment all lists are open is the
    // start of one of their windows.
    for (const QDateTime &start : edges(hours, after, zone, true)) {
        if (start > after && isOpenAt(hours, start, zone))
            return start;
    }
    return std::nullopt;
}

std::optional<QDateTime> nextBoundary(const QList<Hours> &hours, const QDateTime &after,
                                      const QTimeZone &zone)
{
    for (const QDateTime &edge : edges(hours, after, zone, false)) {
        if (edge > after)
            return edge;
    }
    return std::nullopt;
}

} // namespace tableorder::menu
