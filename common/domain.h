#pragma once

#include "error.h"
#include "menu/linepricing.h"
#include "menu/menumodel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tableorder {

/// `Completed` keeps its wire name "completed" and means "ready": every line not voided is
/// done. `Served` (a runner brought it to the table) is terminal. docs/api.md, "Order status".
enum class OrderStatus { Pending, Preparing, Completed, Canceled, Served };

QString orderStatusName(OrderStatus status);
std::optional<OrderStatus> parseOrderStatus(QStringView name);
/// What PATCH /orders/{id} may do: pending -> preparing -> completed -> served;
/// pending|preparing -> canceled. A recall (completed -> preparing) is its own operation.
bool isAllowedTransition(OrderStatus from, OrderStatus to);
/// Pending or preparing: on the kitchen's board. Completed, served and canceled are not.
bool isActive(OrderStatus status);

/// `Staff` is floor staff: calls, bills, payments, moves; no menu, accounts or kitchen work.
enum class Role { Table, Kitchen, Manager, Staff };
QString roleName(Role role);
std::optional<Role> parseRole(QStringView name);

/// The menu's types live in common/menu (one model for edge and central).
using MenuCategory = menu::Category;
using MenuItem = menu::Item;

struct OrderLine
{
    qint64 menuItemId = 0;
    QString name;
    Money unitPrice = 0;
    int quantity = 0;
    Money lineTotal = 0;
    /// The station of the item's category when it was ordered; empty when unknown.
    QString station;
    /// The options chosen, copied at order time; unitPrice already includes their deltas.
    QList<menu::PricedOption> options;
    /// The guest's note on this line ("양파 빼주세요"); empty when none.
    QString note;
    /// The item's own price when the line was priced (unitPrice = max(0, basePrice + Σ
    /// deltas)); nullopt on lines from before it was kept (edge schema < 9, older edges).
    std::optional<Money> basePrice;
    /// The line's own id (order_items.id, the bill's line_id); 0 where not known.
    qint64 id = 0;
    /// When the kitchen marked the line done (null: not yet).
    QDateTime doneAt;
    /// Voided on the bill: it no longer counts for the order's readiness. Not in toJson().
    bool voided = false;
};

struct Order
{
    qint64 id = 0;
    int number = 0;
    QString businessDate; // yyyy-MM-dd in the store's time zone
    qint64 sessionId = 0;
    qint64 tableId = 0;
    int tableNumber = 0;
    OrderStatus status = OrderStatus::Pending;
    QList<OrderLine> items;
    Money total = 0;
    QString note;
    QString clientOrderId;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime preparingAt;
    QDateTime completedAt;
    QDateTime canceledAt;
    QDateTime servedAt;
    /// The first delivery receipt from a kitchen screen (null: none yet). Read by the table's
    /// tablet after a reconnect, when the order.acknowledged event is not replayed.
    QDateTime kitchenAckedAt;
};

/// Which party a table's streams are bound to: the table's open session (0: none) and the
/// store's newest session id, so that a session opened later is known as a later party's.
struct TableVisit
{
    qint64 openSession = 0;
    qint64 newestSession = 0;
};

struct TableInfo
{
    qint64 id = 0;
    int number = 0;
    qint64 openSessionId = 0; // 0 when the table is free
    QDateTime sessionOpenedAt;
    int orderCount = 0;
    Money total = 0;
};

/// A guest's call for staff (직원 호출). One open call per reason per table; it is
/// acknowledged ("coming") and done by staff, and closes with the table's visit.
struct StaffCall
{
    qint64 id = 0;
    qint64 tableId = 0;
    int tableNumber = 0;
    qint64 sessionId = 0;
    QString reason; // water | cutlery | bill | other
    QString note;
    QString status; // open | acknowledged | done
    QDateTime createdAt;
    QDateTime acknowledgedAt;
    QJsonObject acknowledgedBy; // Principal::actor() of who acknowledged; empty until then
    QDateTime doneAt;
    QJsonObject doneBy; // empty when the visit's close ended it
    QDateTime overdueAt; // when call.overdue was raised; null if never
};

namespace calls {
inline const QStringList reasons{QStringLiteral("water"), QStringLiteral("cutlery"),
                                 QStringLiteral("bill"), QStringLiteral("other")};
inline constexpr int maxNoteLength = 140;
} // namespace calls

/// ISO-8601 UTC with milliseconds, e.g. 2026-11-21T10:43:02.123Z; null stays null.
QJsonValue timestampJson(const QDateTime &time);
QString timestampText(const QDateTime &time);
QDateTime parseTimestamp(const QString &text);

QJsonObject toJson(const Order &order);
/// The same object as toJson(order), written straight into `out`: an order list (a staff
/// screen's poll) spent two thirds of its time building and serializing QJsonObjects.
void appendJson(QByteArray &out, const Order &order);
/// The inverse of toJson(Order), for events that carry an order; VALIDATION_FAILED when a
/// required field is missing or has the wrong type.
[[nodiscard]] Result<Order> orderFromJson(const QJsonObject &object);
QJsonObject toJson(const OrderLine &line);
/// `{id, table_id, table_number, session_id, reason, note, status, created_at,
/// acknowledged_at, acknowledged_by, done_at, done_by, overdue}`
QJsonObject toJson(const StaffCall &call);

} // namespace tableorder
