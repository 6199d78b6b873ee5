#pragma once

#include "error.h"

#include <QJsonObject>

namespace tableorder::central {

/// The most money central takes for one order line, and for one order: 100,000,000 won
/// (the edge's and HQ's menus refuse prices above it too).
inline constexpr qint64 kMaxOrderMoney = 100'000'000;
/// The most of one item on one order line central takes (the edge allows 100).
inline constexpr qint64 kMaxLineQuantity = 10'000;

/// Checks the money of an order as a store uploaded it (`order.created` / `order.updated`
/// data), before anything is stored: every `unit_price`, `line_total` and the `total` a
/// whole number from 0 to kMaxOrderMoney, each quantity from 1 to kMaxLineQuantity, each
/// line's total its price times its quantity, and the order's total the sum of its lines.
/// VALIDATION_FAILED says which figure is wrong; the event then goes to the dead letters.
[[nodiscard]] Status checkOrderMoney(const QJsonObject &order);

} // namespace tableorder::central
