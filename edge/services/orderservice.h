#pragma once

#include "domain.h"
#include "event.h"
#include "principal.h"

#include <QObject>
#include <QSqlDatabase>
#include <QTimeZone>

#include <functional>
#include <optional>

namespace tableorder {
class Metrics;
namespace db {
class WalFlusher;
}
}

namespace tableorder::edge {

class OrderRepository;
class TableRepository;
class MenuService;
class EventLog;
struct StoreLimits;
struct OrderFilter;

struct OrderLineInput
{
    qint64 menuItemId = 0;
    int quantity = 0;
    QList<qint64> options;
    QString note;
};

struct OrderInput
{
    QString clientOrderId;
    QList<OrderLineInput> items;
    QString note;
};

struct Acknowledgement
{
    Order order;
    QDateTime at;
    bool first = false; // false: a screen had already acknowledged it
    /// order.acknowledged, recorded with the first receipt; published after the commit.
    std::optional<Event> event;
};

struct PlacedOrder
{
    bool created = false; // false: an idempotent repeat of an earlier request
    QJsonObject json;     // toJson(order), built once for the event log and the response
};

/// Places orders (priced from the menu, idempotent by client_order_id, durable before it
/// is confirmed) and moves them through the kitchen's statuses.
///
/// Group commit: the orders that arrive during one pass of the event loop are written in one
/// transaction, each in its own savepoint (one refused order fails only itself), and made
/// durable by one flush of the WAL; each caller hears its result after that flush. A lone
/// order is written on the next pass, so it waits for nothing. With a WalFlusher the flush runs
/// on its thread: the event loop commits, goes on reading and answering, and commits the next
/// group while the disk works; answers and events of a group follow its flush.
class OrderService : public QObject
{
    Q_OBJECT
public:
    OrderService(QSqlDatabase db, OrderRepository &orders, TableRepository &tables,
                 MenuService &menu, EventLog &events, Metrics &metrics, const StoreLimits &limits,
                 QTimeZone timeZone, int businessDayCutoffHour, db::WalFlusher *flusher = nullptr,
                 QObject *parent = nullptr);

    using PlaceCallback = std::function<void(const Result<PlacedOrder> &)>;
    /// Queues the order for the next group commit; `done` runs after it (or at once when the
    /// batch is full). `table` is the table's own principal, or a staff member's with
    /// `tableId` set to the table they order for (the order's actor is then the staff member).
    void placeLater(const Principal &table, const OrderInput &input, PlaceCallback done);
    /// Tables see their open session's orders only; staff filter freely.
    [[nodiscard]] Result<QList<Order>> list(const Principal &who, OrderFilter filter);
    /// NOT_FOUND also for another table's order.
    [[nodiscard]] Result<Order> get(const Principal &who, qint64 id);
    /// PATCH status: completed also marks every line done; floor staff may only set served.
    [[nodiscard]] Result<Order> changeStatus(const Principal &staff, qint64 id, OrderStatus to);
    /// Marks one line (`lineId` > 0) or every line of `station` done. A pending order becomes
    /// preparing; when no line is left undone it is completed. Lines already done: the order
    /// unchanged (idempotent). NOT_FOUND for an unknown line or a station without lines here;
    /// INVALID_TRANSITION when the order is not pending or preparing.
    [[nodiscard]] Result<Order> markDone(const Principal &staff, qint64 id, qint64 lineId,
                                         const QString &station);
    /// The done lines (of `station`, or all) lose their done time; a completed order is
    /// preparing again. INVALID_TRANSITION when no such line is done or the order is served,
    /// canceled or pending.
    [[nodiscard]] Result<Order> recall(const Principal &staff, qint64 id, const QString &station);
    /// Kitchen times of these business days (kitchen::report), per day or per local hour.
    [[nodiscard]] Result<QJsonObject> kitchenTimes(const QString &fromDate, const QString &toDate, bool byHour);
    using AckCallback = std::function<void(const Result<Acknowledgement> &)>;
    /// A kitchen screen has put the order on screen (delivery receipt). Written with the
    /// next group commit, like orders; `done` runs after it.
    void acknowledgeLater(const Principal &staff, qint64 id, AckCallback done);
    struct Overdue
    {
        qint64 orderId = 0;
        qint64 ageMs = 0;
    };
    /// Records and announces `order.unacknowledged` for orders no screen confirmed, all in
    /// one transaction (one flush, however many fell due together).
    [[nodiscard]] Status raiseUnacknowledged(const QList<Overdue> &overdue);
    [[nodiscard]] Result<QList<std::pair<qint64, QDateTime>>> unacknowledged();

    /// The business day an instant belongs to: the store's local date, shifted back by the
    /// cutoff hour so that orders after midnight count for the evening before.
    [[nodiscard]] QString businessDate(const QDateTime &at) const;
    /// HQ changed the store's time zone or cutoff (issue 17): business dates and reports
    /// follow from the next call.
    void setBusinessDay(QTimeZone zone, int cutoffHour)
    {
        m_timeZone = std::move(zone);
        m_cutoffHour = cutoffHour;
    }
    [[nodiscard]] static QString requestHash(const OrderInput &input);

signals:
    void acknowledged(qint64 orderId, double secondsSinceCreated);

private:
    QSqlDatabase m_db;
    OrderRepository &m_orders;
    TableRepository &m_tables;
    MenuService &m_menu;
    EventLog &m_events;
    Metrics &m_metrics;
    const StoreLimits &m_limits;
    QTimeZone m_timeZone;
    int m_cutoffHour;
    db::WalFlusher *m_flusher; // null: each group commit flushes before it returns
    /// Pending + preparing orders: counted once, then kept by the group commit and
    /// changeStatus() after each commit (they are the only writers of orders).
    std::optional<int> m_activeOrders;
    struct PendingOrder
    {
        Principal table;
        OrderInput input;
        PlaceCallback done;
    };
    QList<PendingOrder> m_pending;
    struct PendingAck
    {
        Principal staff;
        qint64 orderId = 0;
        AckCallback done;
    };
    QList<PendingAck> m_pendingAcks;
    bool m_flushScheduled = false;
    int m_flushesInFlight = 0; // groups committed, waiting for the flusher

    /// What one group commit produced, in the order of its requests.
    struct BatchResults
    {
        QList<Result<PlacedOrder>> orders;
        QList<Result<Acknowledgement>> acks;
        QList<Event> events; // order.created and stock changes, published after the commit
        int created = 0;
        bool stockMoved = false;
    };
    struct LineChange
    {
        QList<qint64> done;     // lines marked done now
        QList<qint64> recalled; // lines that lose their done time
        QString station;        // the station named by the request; empty: none
    };
    /// Writes the order's new status and line changes with their events in one transaction,
    /// then publishes them.
    [[nodiscard]] Result<Order> commitChange(const Principal &staff, Order order, OrderStatus from,
                                             const LineChange &change, const QDateTime &now);
    [[nodiscard]] static Result<Order> invalidTransition(OrderStatus from, OrderStatus to);
    void scheduleFlush();
    /// Writes every queued order and receipt (one transaction, one flush), then answers each.
    void flushPending();
    /// After the group's flush: its events announced, its callers answered (in order).
    void answer(const QList<PendingOrder> &orders, const QList<PendingAck> &acks, BatchResults &results);
    [[nodiscard]] Status writeBatch(const QList<PendingOrder> &orders, const QList<PendingAck> &acks,
                                    BatchResults &out);
    [[nodiscard]] Result<PlacedOrder> placeWithSavepoint(const PendingOrder &order, BatchResults &out);
    [[nodiscard]] Result<int> activeOrders(bool recount, int uncommitted);
    /// One order inside the batch's transaction; `created` counts the batch's orders so far.
    /// After its commit: the first receipt of an order tells the ack monitor and metrics.
    void announce(const Acknowledgement &ack);
    [[nodiscard]] Result<Acknowledgement> acknowledgeInTransaction(const Principal &staff, qint64 id,
                                                                   const QDateTime &now);
    struct PlaceResult
    {
        PlacedOrder placed;
        std::optional<Event> created;
        QList<Event> stock; // menu.item_availability_changed of items whose stock moved
    };
    [[nodiscard]] Result<PlaceResult>
    placeInTransaction(const Principal &table, const OrderInput &input, int created);
};

} // namespace tableorder::edge
