#pragma once

#include "error.h"
#include "event.h"
#include "storage/moneyrepository.h"

#include <optional>

namespace tableorder::central {

/// Pure conversions of a store's money and staff events (the edge's bill: payment.recorded,
/// order.voided, bill.discount_added, business_day.closed) into what HQ keeps. A store (or a
/// leaked store key) must not put negative or absurd amounts into HQ's figures: such an
/// event is a VALIDATION_FAILED (it goes to dead_letters). The business date is left empty:
/// the caller finds the visit's.
namespace storemoney {

/// The largest amount HQ accepts in one payment, void or discount (won).
inline constexpr Money kMaxAmount = 1'000'000'000;

[[nodiscard]] Result<StorePayment> payment(const Event &event);
[[nodiscard]] Result<StoreVoid> voided(const Event &event);
[[nodiscard]] Result<StoreDiscount> discount(const Event &event);
[[nodiscard]] Result<StoreDayClose> dayClose(const Event &event);
/// The audit entry of an event whose actor is a staff member; nullopt for any other. The
/// bill snapshot some events carry stays out (the store has it).
[[nodiscard]] std::optional<AuditEntry> auditEntry(const Event &event);

} // namespace storemoney
} // namespace tableorder::central
