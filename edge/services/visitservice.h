#pragma once

#include "bill.h"
#include "event.h"
#include "principal.h"
#include "services/tableservice.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace tableorder::edge {

class BillRepository;
class EventLog;
class StoreRepository;
struct StaffLimits;
class OrderRepository;
class TableRepository;

struct PaymentInput
{
    QString clientPaymentId;
    QString method; // cash | card | transfer | other
    Money amount = 0;
};

struct RecordedPayment
{
    bool created = false; // false: an idempotent repeat
    BillPayment payment;
};

struct CloseRequest
{
    bool force = false;
    QString reason; // required with force
};

struct SplitShare
{
    QList<qint64> lineIds;
    Money subtotal = 0;
    Money amount = 0;
};

struct MovedVisit
{
    qint64 sessionId = 0;     // the visit now at the target table
    qint64 movedSessionId = 0;
    qint64 fromTableId = 0;
    int fromTableNumber = 0;
    qint64 toTableId = 0;
    int toTableNumber = 0;
};

/// A table's visit from its bill to its end: the bill and its splits, payments (recorded,
/// not processed; the visit closes itself when nothing is due), voids and discounts,
/// moving and merging visits, and closing a visit (refused while it owes money or has
/// orders cooking unless a manager forces it with a reason). Every change records an event
/// with its actor in the change's transaction.
class VisitService : public QObject
{
    Q_OBJECT
public:
    VisitService(QSqlDatabase db, BillRepository &bills, TableRepository &tables, OrderRepository &orders,
                 StoreRepository &store, EventLog &events, QObject *parent = nullptr);

    /// The table's open visit's bill (settled), or an empty bill when it has none.
    [[nodiscard]] Result<Bill> billOfTable(qint64 tableId);
    [[nodiscard]] Result<Bill> billOfSession(qint64 sessionId);
    /// Shares of what is due, one per group; every non-void line in exactly one group.
    [[nodiscard]] Result<QList<SplitShare>> splitByLines(qint64 tableId, const QList<QList<qint64>> &groups);

    [[nodiscard]] Result<RecordedPayment> pay(const Principal &who, qint64 tableId, const PaymentInput &input);
    /// Voids the given lines of an order, or every line still standing when `lineIds` is empty.
    [[nodiscard]] Result<Bill> voidLines(const Principal &who, qint64 orderId, const QList<qint64> &lineIds,
                                         const QString &reason);
    [[nodiscard]] Result<BillDiscount> addDiscount(const Principal &who, qint64 tableId, const QString &kind,
                                                   qint64 value, const QString &reason);
    [[nodiscard]] Result<ClosedSession> close(const Principal &who, qint64 tableId, const CloseRequest &request);
    [[nodiscard]] Result<MovedVisit> move(const Principal &who, qint64 fromTableId, qint64 toTableId);
    /// The visit at `fromTableId` joins the one at `intoTableId`.
    [[nodiscard]] Result<MovedVisit> merge(const Principal &who, qint64 intoTableId, qint64 fromTableId);

    /// What floor staff may void and discount by themselves (won per action; 0: nothing).
    [[nodiscard]] Result<StaffLimits> staffLimits();
    /// Manager only; each limit 0 to 100,000,000 won. Records store.staff_limits_changed.
    [[nodiscard]] Result<StaffLimits> setStaffLimits(const Principal &who, const StaffLimits &limits);

    /// Reason text of a correction or forced close: 1 to 140 characters.
    [[nodiscard]] static Result<QString> checkReason(const QString &reason);

private:
    struct OpenVisit
    {
        qint64 tableId = 0;
        int tableNumber = 0;
        qint64 sessionId = 0;
        QDateTime openedAt;
    };
    /// NOT_FOUND for an unknown table, NO_OPEN_SESSION when it is free.
    [[nodiscard]] Result<OpenVisit> openVisit(qint64 tableId);
    /// Closes the visit inside the caller's transaction: archives its orders, records how it
    /// ended and table.session_closed.
    [[nodiscard]] Result<Event> closeInTransaction(const OpenVisit &visit, const QString &kind,
                                                   const QString &reason, const QJsonObject &actor,
                                                   const QDateTime &now);
    [[nodiscard]] Result<QJsonArray> ordersJson(qint64 sessionId);
    /// FORBIDDEN when floor staff correct more than their limit (`which`: void or discount).
    [[nodiscard]] Status checkStaffLimit(const Principal &who, const char *which, Money amount);

    QSqlDatabase m_db;
    BillRepository &m_bills;
    TableRepository &m_tables;
    OrderRepository &m_orders;
    StoreRepository &m_store;
    EventLog &m_events;
};

} // namespace tableorder::edge
