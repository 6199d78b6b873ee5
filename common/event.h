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
