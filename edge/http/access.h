#pragma once

namespace tableorder::edge {

/// Route access policies: who may call, as bit flags checked by the edge's authorizer.
enum Access : int {
    Public = 0,
    TableOnly = 1,
    Kitchen = 2,
    Manager = 4,
    Staff = Kitchen | Manager,
    AnyPrincipal = TableOnly | Kitchen | Manager,
    /// Counted against the per-table order limit (30/min) rather than the general one.
    OrderRate = 8,
};

} // namespace tableorder::edge
