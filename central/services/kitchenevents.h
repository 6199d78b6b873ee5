#pragma once

#include "error.h"
#include "event.h"
#include "storage/ingestrepository.h"

#include <QDateTime>
#include <QList>

namespace tableorder::central {

/// Pure conversions of a store's kitchen events (issue 14) into what HQ keeps; a malformed
/// event is VALIDATION_FAILED (it goes to dead_letters).
namespace kitchenevents {

[[nodiscard]] bool isKitchenEvent(const Event &event);
/// order.lines_done: its lines.
[[nodiscard]] Result<QList<LineDone>> linesDone(const Event &event);
/// order.recalled: the line ids that lost their done time.
[[nodiscard]] Result<QList<qint64>> recalled(const Event &event);
/// Either event's check, for the upload's first pass.
[[nodiscard]] Status check(const Event &event);

} // namespace kitchenevents
} // namespace tableorder::central
