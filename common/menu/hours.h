#pragma once

#include "menu/menumodel.h"

#include <QDateTime>
#include <QTimeZone>

namespace tableorder::menu {

/// Whether every one of `hours` (e.g. an item's and its category's) is open at `at` in the
/// store's `zone`. An empty list is always open.
bool isOpenAt(const QList<Hours> &hours, const QDateTime &at, const QTimeZone &zone);
bool isOpenAt(const Hours &hours, const QDateTime &at, const QTimeZone &zone);

/// The first instant at or after `after` when all of `hours` are open (UTC); `after` itself
/// when open then; nullopt when they never are open together within the next eight days.
std::optional<QDateTime> nextOpening(const QList<Hours> &hours, const QDateTime &after,
                                     const QTimeZone &zone);

/// The first instant strictly after `after` at which some window of `hours` starts or ends
/// (UTC), nullopt when none (all lists empty): when a menu's "available now" may change.
std::optional<QDateTime> nextBoundary(const QList<Hours> &hours, const QDateTime &after,
                                      const QTimeZone &zone);

} // namespace tableorder::menu
