#include "healthmonitor.h"

#include "database.h"
#include "diskspace.h"
#include "domain.h"
#include "metrics.h"
#include "processstats.h"
#include "storage/healthrepository.h"
#include "storage/syncstaterepository.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHealth, "tableorder.edge.health")

namespace tableorder::edge {

namespace {
const QString droppedKey = u"health_dropped"_s;
constexpr int kIncidentGapMs = 5'000;

QList<quint64> minus(const QList<quint64> &now, const QList<quint64> &before)
{
    QList<quint64> out = now;
    for (qsizetype i = 0; i < out.size() && i < before.size(); ++i)
        out[i] -= std::min(out[i], before[i]);
    return out;
}

void add(QList<quint64> &into, const QList<quint64> &counts)
{
    if (into.size() < counts.size())
        into.resize(counts.size());
    for (qsizetype i = 0; i < counts.size(); ++i)
        into[i] += counts[i];
}

/// The machine's CPU jiffies since boot, (busy, total), from /proc/stat's first line.
std::pair<quint64, quint64> systemCpu()
{
    QFile file(u"/proc/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {0, 0};
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    quint64 total = 0;
    quint64 idle = 0;
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i) {
        const quint64 v = fields[i].toULongLong();
        total += v;
        if (i == 4 || i == 5) // idle, iowait
            idle += v;
    }
    return {total - idle, total};
}

/// The machine's memory in use (MemTotal - MemAvailable) and its total, from /proc/meminfo.
std::pair<qint64, qint64> systemMemory()
{
    QFile file(u"/proc/meminfo"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {0, 0};
    qint64 total = 0;
    qint64 available = 0;
    // /proc files report size 0: read until the read comes back empty, not to atEnd().
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2)
            continue;
        if (fields[0] == "MemTotal:")
            total = fields[1].toLongLong() * 1024;
        else if (fields[0] == "MemAvailable:")
            available = fields[1].toLongLong() * 1024;
    }
    return {std::max<qint64>(0, total - available), total};
}

double ms(double seconds)
{
    return std::round(seconds * 1e6) / 1e3; // microsecond precision is plenty
}
} // namespace

HealthMonitor::HealthMonitor(HealthSettings settings, HealthRepository &queue, SyncStateRepository &state,
                             Metrics &metrics, std::function<LiveFigures()> live, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_queue(queue), m_state(state), m_metrics(metrics),
      m_live(std::move(live))
{
    m_clock.start();
    m_dropped = m_state.get(droppedKey, u"0"_s).value_or(u"0"_s).toLongLong();
    m_metrics.declareGauge("tableorder_http_route_latency_seconds",
                           "Request latency percentiles per route over the last health window.");
    m_metrics.declareGauge("tableorder_order_to_kitchen_seconds",
                           "Order committed to first kitchen-screen receipt, percentiles over the last window.");
    m_metrics.declareCounter("process_cpu_seconds_total", "CPU time of this process (user + system).",
                             [] { return processStats().cpuSeconds; });
    m_metrics.declareGauge("process_resident_memory_bytes", "Resident memory of this process.",
                           [] { return double(processStats().residentBytes); });
    const QString dataDir = m_settings.dataDir;
    m_metrics.declareGauge("tableorder_disk_free_bytes", "Free space on the data directory's filesystem.",
                           [dataDir] { return double(diskSpace(dataDir).value_or(DiskSpace{}).availableBytes); });
    m_metrics.declareGauge("tableorder_disk_total_bytes", "Size of the data directory's filesystem.",
                           [dataDir] { return double(diskSpace(dataDir).value_or(DiskSpace{}).totalBytes); });
    const QString dbPath = m_settings.databasePath;
    m_metrics.declareGauge("tableorder_database_bytes", "Size of the SQLite database file.",
                           [dbPath] { return double(QFileInfo(dbPath).size()); });
    m_metrics.declareGauge("tableorder_database_wal_bytes", "Size of the SQLite write-ahead log.",
                           [dbPath] { return double(QFileInfo(dbPath + u"-wal"_s).size()); });
    m_metrics.declareCounter("tableorder_db_slow_queries_total",
                             "Statements (by name in the code, never their data) slower than the threshold.");
    m_metrics.declareGauge("tableorder_health_queue_snapshots", "Health snapshots waiting for central.");
    m_metrics.declareCounter("tableorder_health_snapshots_total", "Health snapshots queued for central.");
    m_metrics.declareCounter("tableorder_health_snapshots_dropped_total",
                             "Health snapshots dropped because the queue was full (central unreachable).",
                             [this] { return double(m_dropped); });
    m_metrics.set("tableorder_health_queue_snapshots", {}, double(m_queue.count().value_or(0)));

    // Statements run on this thread and on backup threads: count them on ours.
    db::setSlowQueryObserver(m_settings.slowQueryMs, [this](const char *name, double elapsedMs) {
        QMetaObject::invokeMethod(this, [this, what = QString::fromLatin1(name), elapsedMs] {
            recordSlowQuery(what, elapsedMs);
        }, Qt::QueuedConnection);
    });
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::tick);
}

HealthMonitor::~HealthMonitor()
{
    db::setSlowQueryObserver(m_settings.slowQueryMs, {});
}

void HealthMonitor::start(bool queueForCentral)
{
    m_queueing = queueForCentral;
    m_last = readCumulative();
    m_timer.start(m_settings.intervalMs);
}

void HealthMonitor::snapshotSoon()
{
    if (!m_timer.isActive() || m_clock.elapsed() - m_lastIncidentMs < kIncidentGapMs)
        return;
    m_lastIncidentMs = m_clock.elapsed();
    QMetaObject::invokeMethod(this, &HealthMonitor::tick, Qt::QueuedConnection);
}

void HealthMonitor::recordSlowQuery(const QString &name, double elapsedMs)
{
    SlowQuery &s = m_slow[name];
    ++s.count;
    s.maxMs = std::max(s.maxMs, elapsedMs);
    m_metrics.increment("tableorder_db_slow_queries_total", {{"query", name}});
}

HealthMonitor::Window HealthMonitor::readCumulative() const
{
    Window w;
    for (const Metrics::HistogramSeries &h : m_metrics.histograms("http_request_duration_seconds")) {
        QString method, route;
        int status = 0;
        for (const auto &[key, value] : h.labels) {
            if (key == "method")
                method = value;
            else if (key == "route")
                route = value;
            else if (key == "status")
                status = value.toInt();
        }
        const QString key = method + u' ' + route;
        add(w.latency[key], h.counts);
        auto &r = w.requests[key];
        r[0] += h.count;
        r[1] += status >= 400 && status < 500 ? h.count : 0;
        r[2] += status >= 500 ? h.count : 0;
    }
    // Requests answered within the SLO's 500 ms and 1 s: the buckets up to those bounds.
    const QList<double> bounds = m_metrics.bounds("http_request_duration_seconds");
    for (const Metrics::HistogramSeries &h : m_metrics.histograms("http_request_duration_seconds")) {
        for (qsizetype i = 0; i < h.counts.size() && i < bounds.size(); ++i) {
            if (bounds[i] <= 0.5)
                w.within500Ms += h.counts[i];
            if (bounds[i] <= 1.0)
                w.within1S += h.counts[i];
        }
    }
    for (const auto &[labels, value] : m_metrics.series("tableorder_menu_cache_requests_total")) {
        const bool hit = std::any_of(labels.begin(), labels.end(),
                                     [](const auto &label) { return label.first == "result" && label.second == u"hit"_s; });
        (hit ? w.menuCacheHits : w.menuCacheMisses) += value;
    }
    std::tie(w.systemBusy, w.systemTotal) = systemCpu();
    for (const Metrics::HistogramSeries &h : m_metrics.histograms("tableorder_order_ack_seconds"))
        add(w.kitchen, h.counts);
    w.ordersCreated = m_metrics.value("tableorder_orders_created_total");
    w.cpuSeconds = processStats().cpuSeconds;
    w.startedMs = m_clock.elapsed();
    return w;
}

sync::HealthSnapshot HealthMonitor::closeWindow()
{
    const Window now = readCumulative();
    const QList<double> httpBounds = m_metrics.bounds("http_request_duration_seconds");
    const QList<double> ackBounds = m_metrics.bounds("tableorder_order_ack_seconds");
    const double seconds = std::max<qint64>(1, now.startedMs - m_last.startedMs) / 1000.0;

    sync::HealthSnapshot s;
    s.at = QDateTime::currentDateTimeUtc();
    s.windowS = int(std::lround(seconds));
    for (auto it = now.latency.cbegin(); it != now.latency.cend(); ++it) {
        const auto &before = m_last.requests.value(it.key());
        const auto &after = now.requests.value(it.key());
        const quint64 requests = after[0] - std::min(after[0], before[0]);
        if (requests == 0)
            continue;
        const QList<quint64> counts = minus(it.value(), m_last.latency.value(it.key()));
        sync::RouteHealth r;
        r.route = it.key();
        r.requests = qint64(requests);
        r.clientErrors = qint64(after[1] - std::min(after[1], before[1]));
        r.serverErrors = qint64(after[2] - std::min(after[2], before[2]));
        const qsizetype space = it.key().indexOf(u' ');
        const Metrics::Labels labels{{"route", it.key().sliced(space + 1)}, {"method", it.key().first(space)}};
        for (const auto &[q, field] : {std::pair{0.5, &sync::RouteHealth::p50Ms}, std::pair{0.95, &sync::RouteHealth::p95Ms},
                                       std::pair{0.99, &sync::RouteHealth::p99Ms}}) {
            const double value = Metrics::quantile(httpBounds, counts, q);
            r.*field = ms(value);
            m_metrics.set("tableorder_http_route_latency_seconds",
                          labels + Metrics::Labels{{"quantile", QString::number(q)}}, value);
        }
        s.routes.append(r);
    }
    const QList<quint64> kitchen = minus(now.kitchen, m_last.kitchen);
    quint64 acks = 0;
    for (quint64 c : kitchen)
        acks += c;
    s.kitchenAcks = qint64(acks);
    for (const auto &[q, field] : {std::pair{0.5, &sync::HealthSnapshot::kitchenP50Ms},
                                   std::pair{0.95, &sync::HealthSnapshot::kitchenP95Ms},
                                   std::pair{0.99, &sync::HealthSnapshot::kitchenP99Ms}}) {
        const double value = Metrics::quantile(ackBounds, kitchen, q);
        s.*field = ms(value);
        if (acks)
            m_metrics.set("tableorder_order_to_kitchen_seconds", {{"quantile", QString::number(q)}}, value);
    }
    s.orders = qint64(now.ordersCreated - m_last.ordersCreated);
    s.cpuPercent = std::round(1000.0 * (now.cpuSeconds - m_last.cpuSeconds) / seconds) / 10.0;

    const LiveFigures live = m_live ? m_live() : LiveFigures{};
    s.unacknowledgedOrders = live.unacknowledgedOrders;
    s.oldestUnacknowledgedS = live.oldestUnacknowledgedMs / 1000;
    s.overdueCalls = live.overdueCalls;
    s.oldestOverdueCallS = live.oldestOverdueCallMs / 1000;
    s.printerFaults = live.printerFaults;
    s.tablets = live.tablets;
    s.kitchenScreens = live.kitchenScreens;
    s.syncBacklog = live.syncBacklog;
    s.syncLagMs = live.syncLagMs;

    s.rssBytes = processStats().residentBytes;
    const DiskSpace disk = diskSpace(m_settings.dataDir).value_or(DiskSpace{});
    s.diskFreeBytes = disk.availableBytes;
    s.diskTotalBytes = disk.totalBytes;
    s.dbBytes = QFileInfo(m_settings.databasePath).size();
    s.walBytes = QFileInfo(m_settings.databasePath + u"-wal"_s).size();
    for (auto it = m_slow.cbegin(); it != m_slow.cend(); ++it)
        s.slowQueries.append({it.key(), it->count, std::round(it->maxMs * 10) / 10});
    s.edgeVersion = m_settings.edgeVersion;
    s.menuCacheHits = qint64(now.menuCacheHits - m_last.menuCacheHits);
    s.menuCacheMisses = qint64(now.menuCacheMisses - m_last.menuCacheMisses);
    s.requestsWithin500Ms = qint64(now.within500Ms - std::min(now.within500Ms, m_last.within500Ms));
    s.requestsWithin1S = qint64(now.within1S - std::min(now.within1S, m_last.within1S));
    std::tie(s.memUsedBytes, s.memTotalBytes) = systemMemory();
    if (now.systemTotal > m_last.systemTotal)
        s.systemCpuPercent = std::round(1000.0 * double(now.systemBusy - std::min(now.systemBusy, m_last.systemBusy))
                                        / double(now.systemTotal - m_last.systemTotal)) / 10.0;
    m_slow.clear();
    m_last = now;
    return s;
}

void HealthMonitor::tick()
{
    const sync::HealthSnapshot snapshot = closeWindow();
    m_timer.start(m_settings.intervalMs); // an incident snapshot starts a new window
    if (!m_queueing)
        return;
    auto dropped = m_queue.enqueue(QDateTime::currentDateTimeUtc(), sync::serialize(snapshot),
                                   m_settings.queueMax);
    if (!dropped) {
        qCWarning(lcHealth).noquote() << "cannot queue a health snapshot:" << dropped.error().message;
        return;
    }
    m_metrics.increment("tableorder_health_snapshots_total");
    if (*dropped > 0) {
        m_dropped += *dropped;
        (void)m_state.set(droppedKey, QString::number(m_dropped));
        qCWarning(lcHealth) << "health queue full (" << m_settings.queueMax << "snapshots): dropped the oldest"
                            << *dropped << "- central has been unreachable;" << m_dropped << "dropped in all";
    }
    m_metrics.set("tableorder_health_queue_snapshots", {}, double(m_queue.count().value_or(0)));
    emit snapshotQueued();
}

} // namespace tableorder::edge
