#pragma once

#include "error.h"
#include "menu/menumodel.h"

#include <QJsonObject>

namespace tableorder::central {

/// The most money central takes for one order line, and for one order: 100,000,000 won
/// (the edge's and HQ's menus refuse prices above it too).
inline constexpr qint64 kMaxOrderMoney = 100'000'000;
/// The most of one item on one order line central takes (the edge allows 100).
inline constexpr qint64 kMaxLineQuantity = 10'000;
/// An option's price change, either way (the menu model's bound).
inline constexpr qint64 kMaxOptionDelta = menu::maxPriceDelta;
/// Options on one line: at most 10 groups of at most 30 options each.
inline constexpr qsizetype kMaxLineOptions = menu::maxGroupsPerItem * menu::maxOptionsPerGroup;
/// A line's note, in characters (code points).
inline constexpr qsizetype kMaxLineNote = menu::maxLineNoteLength;

/// Checks the money of an order as a store uploaded it (`order.created` / `order.updated`
/// data), before anything is stored: every `unit_price`, `line_total` and the `total` a
/// whole number from 0 to kMaxOrderMoney, each quantity from 1 to kMaxLineQuantity, each
/// line's total its price times its quantity, and the order's total the sum of its lines.
/// A line's `options` ({id, group, name, price_delta}) have deltas within
/// ±kMaxOptionDelta. A line with `base_price` (the item's price the store priced it from,
/// 0 to kMaxOrderMoney) must have `unit_price` = max(0, base_price + Σ price_delta) exactly;
/// a line without one (an edge from before it was sent) must have a `unit_price` of at least
/// the sum of its deltas (the store priced it as max(0, base + Σ) with base >= 0, so a price
/// below its options cannot come from any menu). Its `note` is text of at most kMaxLineNote
/// characters.
/// VALIDATION_FAILED says which figure is wrong; the event then goes to the dead letters.
[[nodiscard]] Status checkOrderMoney(const QJsonObject &order);

} // namespace tableorder::central
