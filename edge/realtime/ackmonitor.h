#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace tableorder {
class Metrics;
struct Event;
}

namespace tableorder::edge {

class EventLog;
class OrderService;

/// Watches delivery receipts: every new order must be acknowledged by a kitchen screen
/// within the timeout, or `order.unacknowledged` goes to the staff screens (once per order)
/// and the order counts in `tableorder_orders_unacknowledged`.
class AckMonitor : public QObject
{
    Q_OBJECT
public:
    AckMonitor(OrderService &orders, EventLog &log, Metrics &metrics, int timeoutMs,
               QObject *parent = nullptr);
    /// Picks up orders left unacknowledged before a restart.
    void loadPending();
    /// Orders past the timeout without a receipt, and the age of the oldest of them.
    [[nodiscard]] std::pair<qint64, qint64> overdue() const;

signals:
    /// An order went past the timeout without a receipt (once per order).
    void overdueOrder(qint64 orderId);

private:
    void onCommitted(const tableorder::Event &event);
    void onAcknowledged(qint64 orderId, double seconds);
    void check();

    struct Pending
    {
        qint64 createdMs = 0; // on m_clock
        bool alerted = false;
    };
    OrderService &m_orders;
    Metrics &m_metrics;
    int m_timeoutMs;
    QHash<qint64, Pending> m_pending;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace tableorder::edge
