#include "ackmonitor.h"

#include "event.h"
#include "metrics.h"
#include "services/eventlog.h"
#include "services/orderservice.h"

#include <QDateTime>

namespace tableorder::edge {

AckMonitor::AckMonitor(OrderService &orders, EventLog &log, Metrics &metrics, int timeoutMs,
                       QObject *parent)
    : QObject(parent), m_orders(orders), m_metrics(metrics), m_timeoutMs(timeoutMs)
{
    m_clock.start();
    m_metrics.declareHistogram("tableorder_order_ack_seconds",
                               "From an order's creation to its first kitchen-screen acknowledgement.",
                               Metrics::latencyBuckets());
    m_metrics.declareCounter("tableorder_orders_unacknowledged_total",
                             "Orders that no kitchen screen acknowledged in time.");
    m_metrics.declareGauge("tableorder_orders_unacknowledged",
                           "Pending orders past the acknowledgement timeout without a receipt.",
                           [this] { return double(overdue().first); });
    connect(&log, &EventLog::committed, this, &AckMonitor::onCommitted);
    connect(&orders, &OrderService::acknowledged, this, &AckMonitor::onAcknowledged);
    connect(&m_timer, &QTimer::timeout, this, &AckMonitor::check);
    m_timer.start(std::clamp(m_timeoutMs / 4, 50, 1000));
}

void AckMonitor::loadPending()
{
    auto pending = m_orders.unacknowledged();
    if (!pending)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Orders already past the timeout were announced before the restart: count them, do
    // not announce them again.
    for (const auto &[id, created] : *pending) {
        const qint64 age = std::max<qint64>(0, created.msecsTo(now));
        m_pending.insert(id, {m_clock.elapsed() - age, age >= m_timeoutMs});
    }
}

std::pair<qint64, qint64> AckMonitor::overdue() const
{
    qint64 count = 0;
    qint64 oldest = 0;
    const qint64 now = m_clock.elapsed();
    for (const Pending &p : m_pending) {
        if (!p.alerted)
            continue;
        ++count;
        oldest = std::max(oldest, now - p.createdMs);
    }
    return {count, oldest};
}

void AckMonitor::onCommitted(const Event &event)
{
    const qint64 orderId = event.data.value(QLatin1StringView("id")).toInteger();
    if (event.type == QLatin1StringView(events::OrderCreated))
        m_pending.insert(orderId, {m_clock.elapsed(), false});
    else if (event.type == QLatin1StringView(events::OrderUpdated)
             && event.data.value(QLatin1StringView("status")).toString() != QLatin1StringView("pending"))
        m_pending.remove(orderId); // finished or canceled: nothing left to show
}

void AckMonitor::onAcknowledged(qint64 orderId, double seconds)
{
    m_pending.remove(orderId);
    m_metrics.observe("tableorder_order_ack_seconds", {}, seconds);
}

void AckMonitor::check()
{
    const qint64 now = m_clock.elapsed();
    QList<OrderService::Overdue> overdue;
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->alerted || now - it->createdMs < m_timeoutMs)
            continue;
        it->alerted = true;
        overdue.append({it.key(), now - it->createdMs});
    }
    if (overdue.isEmpty())
        return;
    m_metrics.increment("tableorder_orders_unacknowledged_total", {}, double(overdue.size()));
    // One transaction for all that fell due together: at 100 orders/s with no screen
    // confirming, one commit per order stalled the order path (docs/PERFORMANCE.md).
    (void)m_orders.raiseUnacknowledged(overdue);
    for (const OrderService::Overdue &due : std::as_const(overdue))
        emit overdueOrder(due.orderId);
}

} // namespace tableorder::edge
