#pragma once

#include <QString>

namespace tableorder::client {

/// Prices as the store shows them: integers in the currency's minor unit, formatted with
/// the currency's symbol and grouping ("₩9,000" for KRW 9000; "$12.50" for USD 1250).
[[nodiscard]] QString formatMoney(qint64 minorUnits, const QString &currency = QStringLiteral("KRW"));

} // namespace tableorder::client
