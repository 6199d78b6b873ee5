#pragma once

namespace tableorder::edge {

/// Route access policies: who may call, as bit flags checked by the edge's authorizer.
/// The role bits name one role each; the combinations below are what routes use.
enum Access : int {
    Public = 0,
    TableOnly = 1,
    Kitchen = 2,
    Manager = 4,
    /// Counted against the per-table order limit (30/min) rather than the general one.
    OrderRate = 8,
    /// The `staff` role: floor staff (calls, bills, payments, moves).
    Floor = 16,
    /// Kitchen work: order status, kitchen receipts, sold-out switches.
    KitchenStaff = Kitchen | Manager,
    /// Floor work: calls, bills, payments, moving guests.
    FloorStaff = Floor | Manager,
    /// Any staff account, whatever its role (reading tables, orders, streams).
    AnyStaff = Kitchen | Manager | Floor,
    AnyPrincipal = TableOnly | AnyStaff,
};

} // namespace tableorder::edge
