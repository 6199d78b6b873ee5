#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace tableorder::test {

/// The value of one series in a Prometheus text exposition, e.g.
/// `tableorder_order_ack_seconds_count` or
/// `tableorder_realtime_connections{transport="sse",role="staff"}` (labels exactly as the
/// daemon writes them); nothing when the series is absent.
[[nodiscard]] std::optional<double> metricValue(const QByteArray &text, QByteArrayView series);

} // namespace tableorder::test
