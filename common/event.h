#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace tableorder {

/// One entry of a store's event log: `{seq, type, at, data, actor?}`. `data` carries the whole
/// order or item, so a screen needs no second request. `tableId` (0: none) scopes
/// order events to their table's tablet.
struct Event
{
    qint64 seq = 0;
    QString id; // UUID, stable across sync
    QString type;
    QDateTime at;
    qint64 tableId = 0;
    QJsonObject data;
    int schemaVersion = 1;
    /// Who caused it (see Principal::actor on the edge); empty for the daemon's own events.
    QJsonObject actor;
    /// The journal hash (common/journal.h): 32 raw bytes, empty where not known (events of
    /// an edge older than the journal).
    QByteArray hash;

    [[nodiscard]] QJsonObject toJson() const;
    /// `id: <seq>\nevent: <type>\ndata: <json>\n\n`
    [[nodiscard]] QByteArray sseFrame() const;
};

namespace events {
inline constexpr auto OrderCreated = "order.created";
inline constexpr auto OrderUpdated = "order.updated";
inline constexpr auto OrderUnacknowledged = "order.unacknowledged";
inline constexpr auto OrderAcknowledged = "order.acknowledged";
inline constexpr auto SessionClosed = "table.session_closed";
// Issue 14, staff only (not a party event): lines a station finished, and lines recalled.
/// {order_id, number, table_number, item_ids, station (null: lines named one by one or the
/// whole order), done_at, business_date, order_created_at, lines: [{id, menu_item_id, name,
/// station}]} (the lines' details: HQ's kitchen times need nothing else)
inline constexpr auto OrderLinesDone = "order.lines_done";
/// {order_id, number, table_number, item_ids, station (null: all), recalled_at}
inline constexpr auto OrderRecalled = "order.recalled";
// Issue 13, the bill. Table-scoped (they carry table_id and the visit's session_id): the
// staff screens and that table's tablets get them.
/// Lines of an order voided: {order_id, session_id, line_ids, amount, reason, by, at, bill}.
inline constexpr auto OrderVoided = "order.voided";
/// {discount, session_id, bill}.
inline constexpr auto DiscountAdded = "bill.discount_added";
/// {payment, session_id, bill}; when due reached 0, table.session_closed follows.
inline constexpr auto PaymentRecorded = "payment.recorded";
/// The visit left this table (moved or merged): {session_id, kind: "move"|"merge",
/// from_table_id, from_table_number, to_table_id, to_table_number, into_session_id}.
/// The table's streams of that visit end with it, as with table.session_closed.
inline constexpr auto VisitLeft = "table.visit_left";
/// A visit came to this table: {session_id (the visit now at this table), kind,
/// moved_session_id, from_table_id, from_table_number, to_table_id, to_table_number,
/// orders}. A free table's stream binds to it.
inline constexpr auto VisitArrived = "table.visit_arrived";
/// A business day was closed: {date, report, forced_reason?}. Staff only.
inline constexpr auto BusinessDayClosed = "business_day.closed";
/// The floor staff's correction limits changed: {void_limit, discount_limit} (won per action).
inline constexpr auto StaffLimitsChanged = "store.staff_limits_changed";
inline constexpr auto MenuUpdated = "menu.updated";
inline constexpr auto ItemAvailabilityChanged = "menu.item_availability_changed";
inline constexpr auto OptionAvailabilityChanged = "menu.option_availability_changed";
inline constexpr auto CallCreated = "call.created";
inline constexpr auto CallAcknowledged = "call.acknowledged";
inline constexpr auto CallDone = "call.done";
inline constexpr auto CallOverdue = "call.overdue";
/// A staff account added or changed (password, role, disabled): no secret in it.
inline constexpr auto StaffChanged = "staff.changed";
/// A table added, renumbered, given a new password, or removed: no secret in it.
inline constexpr auto TableChanged = "table.changed";
inline constexpr auto Snapshot = "snapshot";
inline constexpr auto Reset = "reset";
} // namespace events

} // namespace tableorder
