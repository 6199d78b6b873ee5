#pragma once

#include <QDate>
#include <QString>

namespace tableorder::kitchen {

/// Money and dates as the floor reads them: "12,345원" and "2026년 12월 6일 (일)" in Korean,
/// "₩12,345" and "Sun 6 Dec 2026" in English.
[[nodiscard]] QString wonText(qint64 won, const QString &language);
[[nodiscard]] QString dateText(const QDate &date, const QString &language);
/// "19:42" in the device's local time for an edge timestamp (ISO 8601, UTC).
[[nodiscard]] QString clockText(const QString &timestamp);

} // namespace tableorder::kitchen
