#pragma once

#include "sync/syncmessages.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <functional>

namespace tableorder {
class Metrics;
}
namespace tableorder::edge {

class HealthRepository;
class SyncStateRepository;

struct HealthSettings
{
    int intervalMs = 60'000;   // one snapshot per window
    int queueMax = 10'080;     // a week of minutes, about 10 MiB: an outage cannot fill the disk
    int slowQueryMs = 100;     // statements and commits slower than this are counted by name
    QString dataDir;           // for free disk
    QString databasePath;      // for database and WAL size
    QString edgeVersion;
};

/// What the monitor reads from the rest of the daemon at snapshot time.
struct LiveFigures
{
    qint64 unacknowledgedOrders = 0;
    qint64 oldestUnacknowledgedMs = 0;
    qint64 overdueCalls = 0; // calls for staff past the overdue time, nobody acknowledged
    qint64 oldestOverdueCallMs = 0;
    QList<sync::PrinterFault> printerFaults; // kitchen printers not ok
    int tablets = 0;
    int kitchenScreens = 0;
    qint64 syncBacklog = 0;
    qint64 syncLagMs = 0;
};

/// The edge measuring itself: per-route latency percentiles and error counts, order-to-
/// kitchen time, devices, CPU, memory, disk, database size, slow statements, sync backlog.
/// Everything is on /metrics; every window it also queues a HealthSnapshot for central
/// (when the store is linked), bounded so that an outage cannot fill the disk.
class HealthMonitor : public QObject
{
    Q_OBJECT
public:
    HealthMonitor(HealthSettings settings, HealthRepository &queue, SyncStateRepository &state, Metrics &metrics,
                  std::function<LiveFigures()> live, QObject *parent = nullptr);
    ~HealthMonitor() override;

    /// Starts the windows; `queueForCentral` queues each snapshot for upload.
    void start(bool queueForCentral);
    /// An incident (an order nobody acknowledged): snapshot now rather than at the window's
    /// end, at most once per few seconds.
    void snapshotSoon();
    /// Snapshots dropped from the full queue since the store was installed.
    [[nodiscard]] qint64 dropped() const { return m_dropped; }

    /// Closes the current window: the snapshot of it (id unset). Public for tests.
    [[nodiscard]] sync::HealthSnapshot closeWindow();

signals:
    void snapshotQueued();

private:
    struct Window
    {
        QHash<QString, QList<quint64>> latency; // "METHOD route" -> cumulative bucket counts
        QHash<QString, std::array<quint64, 3>> requests; // -> {all, 4xx, 5xx}, cumulative
        QList<quint64> kitchen;
        double ordersCreated = 0;
        double cpuSeconds = 0;
        qint64 startedMs = 0;
        double menuCacheHits = 0;
        double menuCacheMisses = 0;
        quint64 within500Ms = 0; // all routes, cumulative
        quint64 within1S = 0;
        quint64 systemBusy = 0;  // /proc/stat jiffies
        quint64 systemTotal = 0;
    };
    struct SlowQuery
    {
        qint64 count = 0;
        double maxMs = 0;
    };
    void tick();
    Window readCumulative() const;
    void recordSlowQuery(const QString &name, double ms);

    HealthSettings m_settings;
    HealthRepository &m_queue;
    SyncStateRepository &m_state;
    Metrics &m_metrics;
    std::function<LiveFigures()> m_live;
    QTimer m_timer;
    QElapsedTimer m_clock;
    Window m_last;
    QHash<QString, SlowQuery> m_slow; // this window's
    bool m_queueing = false;
    qint64 m_dropped = 0;
    qint64 m_lastIncidentMs = -1'000'000;
};

} // namespace tableorder::edge
