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
