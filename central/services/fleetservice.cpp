#include "fleetservice.h"

#include "database.h"
#include "domain.h"
#include "hqauthservice.h"
#include "metrics.h"
#include "storeservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcFleet, "tableorder.central.fleet")

namespace tableorder::central {

namespace {

constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDayMs = 24 * kHourMs;

enum class RollUp { Sum, Max, Min, Average };

/// How an hour's point combines its snapshots' values.
RollUp rollUpOf(const QString &name)
{
    const QString stem = name.first(name.indexOf(u'{') < 0 ? name.size() : name.indexOf(u'{'));
    static const QSet<QString> sums{u"orders"_s, u"kitchen_acks"_s, u"http_requests"_s, u"http_server_errors"_s,
                                    u"http_client_errors"_s, u"slow_queries"_s, u"menu_cache_hits"_s,
                                    u"menu_cache_misses"_s, u"http_requests_within_500ms"_s,
                                    u"http_requests_within_1s"_s};
    if (sums.contains(stem))
        return RollUp::Sum;
    if (stem.startsWith(u"disk_free"_s))
        return RollUp::Min;
    if (stem.endsWith(u"_ms"_s) || stem.endsWith(u"_s"_s) || stem == u"unacknowledged_orders"_s
        || stem == u"overdue_calls"_s || stem == u"printer_faults"_s || stem == u"printer_fault"_s
        || stem == u"sync_backlog"_s || stem.endsWith(u"_bytes"_s))
        return RollUp::Max;
    return RollUp::Average;
}

/// Sums a snapshot's counts without signed overflow: they are whatever the store sent
/// (two routes of 2^63-1 requests; the seed tests/fuzz/corpus/sync_upload/health_route_overflow).
qint64 addSaturating(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return sum;
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QString severityWorst(const QString &a, const QString &b)
{
    auto rank = [](const QString &s) { return s == u"critical"_s ? 2 : s == u"warning"_s ? 1 : 0; };
    return rank(b) > rank(a) ? b : a;
}

Result<QDateTime> parseTime(const QString &text, const QString &field, const QDateTime &fallback)
{
    if (text.isEmpty())
        return fallback;
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = d.startOfDay(Qt::UTC);
    }
    if (!t.isValid())
        return fail(Error::validation(field, u"%1 must be an ISO-8601 time (e.g. 2026-11-21T09:00:00Z)"_s.arg(field)));
    return t.toUTC();
}

} // namespace

FleetService::FleetService(QSqlDatabase db, FleetRepository &fleet, AlertRepository &alerts, StoreService &stores,
                           Metrics &metrics, FleetSettings settings)
    : m_db(std::move(db)), m_fleet(fleet), m_alerts(alerts), m_stores(stores), m_metrics(metrics),
      m_settings(settings)
{
    m_metrics.declareCounter("tableorder_central_health_snapshots_total", "Health snapshots stored, by store.");
    struct Gauge { const char *name; const char *help; };
    for (const Gauge &g : {Gauge{"tableorder_store_online", "1 when the store synced recently."},
                           Gauge{"tableorder_store_sync_backlog_events", "Events the store has not uploaded yet."},
                           Gauge{"tableorder_store_sync_lag_seconds", "Age of the store's oldest event not uploaded."},
                           Gauge{"tableorder_store_http_p99_seconds", "Slowest route's p99 in the store's newest snapshot."},
                           Gauge{"tableorder_store_kitchen_p95_seconds", "Order to kitchen-screen receipt, p95, newest snapshot."},
                           Gauge{"tableorder_store_unacknowledged_orders", "Orders no kitchen screen acknowledged in time."},
                           Gauge{"tableorder_store_cpu_percent", "The edge process's CPU, newest snapshot."},
                           Gauge{"tableorder_store_resident_memory_bytes", "The edge process's memory, newest snapshot."},
                           Gauge{"tableorder_store_disk_free_ratio", "Free disk on the edge's data filesystem (0..1)."},
                           Gauge{"tableorder_store_open_alerts", "Unresolved alerts of the store."}})
        m_metrics.declareGauge(g.name, g.help);
}

QJsonObject FleetService::flatten(const sync::HealthSnapshot &s)
{
    QJsonObject d{{u"window_s"_s, s.windowS},
                  {u"orders"_s, s.orders},
                  {u"kitchen_acks"_s, s.kitchenAcks},
                  {u"kitchen_p50_ms"_s, s.kitchenP50Ms},
                  {u"kitchen_p95_ms"_s, s.kitchenP95Ms},
                  {u"kitchen_p99_ms"_s, s.kitchenP99Ms},
                  {u"unacknowledged_orders"_s, s.unacknowledgedOrders},
                  {u"oldest_unacknowledged_s"_s, s.oldestUnacknowledgedS},
                  {u"overdue_calls"_s, s.overdueCalls},
                  {u"oldest_overdue_call_s"_s, s.oldestOverdueCallS},
                  {u"tablets"_s, s.tablets},
                  {u"kitchen_screens"_s, s.kitchenScreens},
                  {u"cpu_percent"_s, s.cpuPercent},
                  {u"rss_bytes"_s, s.rssBytes},
                  {u"disk_free_bytes"_s, s.diskFreeBytes},
                  {u"disk_total_bytes"_s, s.diskTotalBytes},
                  {u"db_bytes"_s, s.dbBytes},
                  {u"wal_bytes"_s, s.walBytes},
                  {u"sync_backlog"_s, s.syncBacklog},
                  {u"sync_lag_ms"_s, s.syncLagMs}};
    if (s.diskTotalBytes > 0)
        d.insert(u"disk_free_percent"_s, std::round(1000.0 * double(s.diskFreeBytes) / double(s.diskTotalBytes)) / 10.0);
    // Printers in fault: the count (charted), and one key per printer naming its status, for
    // the printer_fault alert.
    d.insert(u"printer_faults"_s, qint64(s.printerFaults.size()));
    for (const sync::PrinterFault &f : s.printerFaults)
        d.insert(u"printer_fault{"_s + f.name.left(60) + u'|' + f.status.left(20) + u'}', f.sinceS);
    qint64 requests = 0, serverErrors = 0, clientErrors = 0;
    double p50 = 0, p95 = 0, p99 = 0;
    for (const sync::RouteHealth &r : s.routes) {
        const QString route = r.route.left(120);
        requests = addSaturating(requests, r.requests);
        serverErrors = addSaturating(serverErrors, r.serverErrors);
        clientErrors = addSaturating(clientErrors, r.clientErrors);
        p50 = std::max(p50, r.p50Ms);
        p95 = std::max(p95, r.p95Ms);
        p99 = std::max(p99, r.p99Ms);
        const QString key = u'{' + route + u'}';
        d.insert(u"http_requests"_s + key, r.requests);
        if (r.serverErrors)
            d.insert(u"http_server_errors"_s + key, r.serverErrors);
        d.insert(u"http_p95_ms"_s + key, r.p95Ms);
        d.insert(u"http_p99_ms"_s + key, r.p99Ms);
    }
    d.insert(u"http_requests"_s, requests);
    d.insert(u"http_server_errors"_s, serverErrors);
    d.insert(u"http_client_errors"_s, clientErrors);
    if (requests > 0)
        d.insert(u"http_server_error_percent"_s, std::round(10000.0 * double(serverErrors) / double(requests)) / 100.0);
    // Issue 17: the SLO's counts, the menu cache, the machine's memory and CPU.
    // An edge from before issue 17 sends neither count (nor the machine's memory): no SLO
    // figures rather than "every request slow".
    if (s.requestsWithin1S > 0 || s.memTotalBytes > 0) {
        // Whatever the store sent (negative counts from a leaked key): within 0..requests.
        const qint64 most = std::max<qint64>(0, requests);
        d.insert(u"http_requests_within_500ms"_s, std::clamp<qint64>(s.requestsWithin500Ms, 0, most));
        d.insert(u"http_requests_within_1s"_s, std::clamp<qint64>(s.requestsWithin1S, 0, most));
    }
    d.insert(u"menu_cache_hits"_s, std::max<qint64>(0, s.menuCacheHits));
    d.insert(u"menu_cache_misses"_s, std::max<qint64>(0, s.menuCacheMisses));
    if (s.menuCacheHits > 0 || s.menuCacheMisses > 0) {
        const double lookups = double(std::max<qint64>(0, s.menuCacheHits)) + double(std::max<qint64>(0, s.menuCacheMisses));
        d.insert(u"menu_cache_hit_percent"_s, lookups > 0 ? std::round(1000.0 * double(std::max<qint64>(0, s.menuCacheHits)) / lookups) / 10.0 : 0.0);
    }
    if (s.memTotalBytes > 0) {
        d.insert(u"mem_used_bytes"_s, s.memUsedBytes);
        d.insert(u"mem_total_bytes"_s, s.memTotalBytes);
        d.insert(u"mem_used_percent"_s, std::round(1000.0 * double(std::clamp(s.memUsedBytes, qint64(0), s.memTotalBytes))
                                                   / double(s.memTotalBytes)) / 10.0);
    }
    if ((s.systemCpuPercent > 0 || s.memTotalBytes > 0) && std::isfinite(s.systemCpuPercent))
        d.insert(u"system_cpu_percent"_s, std::clamp(s.systemCpuPercent, 0.0, 100.0));
    d.insert(u"http_p50_ms"_s, p50);
    d.insert(u"http_p95_ms"_s, p95);
    d.insert(u"http_p99_ms"_s, p99);
    qint64 slow = 0;
    QJsonArray slowNames;
    for (const sync::SlowQuery &q : s.slowQueries) {
        slow = addSaturating(slow, q.count);
        slowNames.append(QJsonObject{{u"name"_s, q.name.left(80)}, {u"count"_s, q.count}, {u"max_ms"_s, q.maxMs}});
    }
    d.insert(u"slow_queries"_s, slow);
    if (!slowNames.isEmpty())
        d.insert(u"slow_query_names"_s, slowNames);
    if (!s.edgeVersion.isEmpty())
        d.insert(u"edge_version"_s, s.edgeVersion.left(40));
    return d;
}

QJsonObject FleetService::rollUp(const QJsonObject &hour, int samples, const QJsonObject &minute)
{
    QJsonObject out = hour;
    for (auto it = minute.begin(); it != minute.end(); ++it) {
        if (!it.value().isDouble())
            continue;
        const double v = it.value().toDouble();
        if (!hour.contains(it.key()) || samples == 0) {
            out.insert(it.key(), v);
            continue;
        }
        const double h = hour.value(it.key()).toDouble();
        switch (rollUpOf(it.key())) {
        case RollUp::Sum: out.insert(it.key(), h + v); break;
        case RollUp::Max: out.insert(it.key(), std::max(h, v)); break;
        case RollUp::Min: out.insert(it.key(), std::min(h, v)); break;
        case RollUp::Average:
            out.insert(it.key(), std::round((h * samples + v) / (samples + 1) * 100) / 100);
            break;
        }
    }
    return out;
}

Result<qint64> FleetService::ingest(const StoreRecord &store, const sync::UploadBatch &batch)
{
    if (batch.health.isEmpty())
        return 0;
    if (batch.health.size() > kMaxHealthPerUpload)
        return fail(Error::validation(u"health"_s, u"an upload carries at most %1 health snapshots"_s.arg(kMaxHealthPerUpload)));
    qint64 ackedId = 0;
    qint64 stored = 0;
    std::optional<HealthPoint> newest;
    db::Transaction tx(m_db);
    for (const sync::HealthSnapshot &snapshot : batch.health) {
        ackedId = std::max<qint64>(ackedId, snapshot.id);
        const QDateTime &at = snapshot.at;
        if (!at.isValid()) {
            qCWarning(lcFleet) << "store" << store.id << "sent a health snapshot without a valid time; skipped";
            continue;
        }
        const QJsonObject data = flatten(snapshot);
        const HealthPoint point{at.toMSecsSinceEpoch(), 1, QJsonDocument(data).toJson(QJsonDocument::Compact)};
        auto inserted = m_fleet.insertPoint(store.id, kMinuteResolution, point);
        if (!inserted)
            return fail(inserted.error());
        if (!*inserted)
            continue; // sent before: already in the series and the roll-up
        ++stored;
        const qint64 hourMs = point.atMs - point.atMs % kHourMs;
        auto hour = m_fleet.point(store.id, kHourResolution, hourMs);
        if (!hour)
            return fail(hour.error());
        const int samples = *hour ? (*hour)->samples : 0;
        const QJsonObject merged = rollUp(*hour ? parseObject((*hour)->data) : QJsonObject(), samples, data);
        if (auto ok = m_fleet.upsertPoint(store.id, kHourResolution,
                                          {hourMs, samples + 1, QJsonDocument(merged).toJson(QJsonDocument::Compact)});
            !ok)
            return fail(ok.error());
        if (!newest || point.atMs >= newest->atMs)
            newest = point;
    }
    if (newest || batch.healthDropped > 0) {
        if (auto ok = m_fleet.updateLatest(store.id, newest.value_or(HealthPoint{0, 0, "{}"}), stored,
                                           batch.healthDropped);
            !ok)
            return fail(ok.error());
    }
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    if (stored)
        m_metrics.increment("tableorder_central_health_snapshots_total", {{"store", QString::number(store.id)}}, double(stored));
    return ackedId;
}

Result<QJsonObject> FleetService::series(const HqPrincipal &who, qint64 storeId, const QString &fromText,
                                         const QString &toText, const QString &namesText, const QString &resolutionText)
{
    auto store = m_stores.get(who, storeId);
    if (!store)
        return fail(store.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto to = parseTime(toText, u"to"_s, now);
    if (!to)
        return fail(to.error());
    auto from = parseTime(fromText, u"from"_s, to->addSecs(-24 * 3600));
    if (!from)
        return fail(from.error());
    if (*from >= *to)
        return fail(Error::validation(u"from"_s, u"from must be before to"_s));
    if (from->daysTo(*to) > m_settings.hourDays)
        return fail(Error::validation(u"from"_s, u"at most %1 days at once"_s.arg(m_settings.hourDays)));
    const QString resolution = resolutionText.isEmpty() ? u"auto"_s : resolutionText;
    if (resolution != u"auto"_s && resolution != u"minute"_s && resolution != u"hour"_s)
        return fail(Error::validation(u"resolution"_s, u"resolution must be minute, hour or auto"_s));
    const bool minutes = resolution == u"minute"_s
            || (resolution == u"auto"_s && from->msecsTo(*to) <= 2 * kDayMs);
    QStringList names;
    if (!namesText.isEmpty()) {
        names = namesText.split(u',', Qt::SkipEmptyParts);
        if (names.size() > 50)
            return fail(Error::validation(u"names"_s, u"at most 50 names"_s));
        for (QString &n : names) {
            n = n.trimmed();
            if (n.isEmpty() || n.size() > 160)
                return fail(Error::validation(u"names"_s, u"names must be a comma-separated list of series names"_s));
        }
    }
    qint64 fromMs = from->toMSecsSinceEpoch();
    if (!minutes)
        fromMs -= fromMs % kHourMs; // the hour that holds `from`
    auto points = m_fleet.points(storeId, minutes ? kMinuteResolution : kHourResolution, fromMs, to->toMSecsSinceEpoch());
    if (!points)
        return fail(points.error());

    // Series in first-seen order (or the order asked for).
    QHash<QString, QJsonArray> byName;
    QStringList order = names;
    for (const HealthPoint &p : std::as_const(*points)) {
        const QJsonObject data = parseObject(p.data);
        auto add = [&](const QString &name, const QJsonValue &value) {
            if (!value.isDouble())
                return;
            auto it = byName.find(name);
            if (it == byName.end()) {
                it = byName.insert(name, {});
                if (names.isEmpty())
                    order.append(name);
            }
            it->append(QJsonArray{p.atMs, value.toDouble()});
        };
        if (names.isEmpty()) {
            for (auto it = data.begin(); it != data.end(); ++it)
                add(it.key(), it.value());
        } else {
            for (const QString &name : std::as_const(names))
                add(name, data.value(name));
        }
    }
    QJsonArray series;
    for (const QString &name : std::as_const(order))
        series.append(QJsonObject{{u"name"_s, name}, {u"points"_s, byName.value(name)}});
    return QJsonObject{{u"store_id"_s, storeId},
                       {u"resolution"_s, minutes ? u"minute"_s : u"hour"_s},
                       {u"from"_s, timestampText(*from)},
                       {u"to"_s, timestampText(*to)},
                       {u"series"_s, series}};
}

Result<QJsonObject> FleetService::fleet(const HqPrincipal &who, qint64 storeId)
{
    if (storeId != 0) {
        if (auto store = m_stores.get(who, storeId); !store)
            return fail(store.error());
    }
    auto rows = m_fleet.latest(who.orgId);
    if (!rows)
        return fail(rows.error());
    auto active = m_alerts.active(who.orgId);
    if (!active)
        return fail(active.error());
    // The colour is the worst alert nobody has taken on yet; acknowledged ones are counted.
    struct StoreAlerts { QString worst; int open = 0; int acknowledged = 0; };
    QHash<qint64, StoreAlerts> alertsByStore;
    for (const Alert &a : std::as_const(*active)) {
        StoreAlerts &entry = alertsByStore[a.storeId];
        if (a.state == u"open"_s) {
            entry.worst = severityWorst(entry.worst, a.severity);
            ++entry.open;
        } else {
            ++entry.acknowledged;
        }
    }
    struct Tile { int rank; bool online; QString name; QJsonObject json; };
    QList<Tile> tiles;
    for (const StoreHealthRow &row : std::as_const(*rows)) {
        if (!who.canSee(row.storeId) || (storeId != 0 && row.storeId != storeId))
            continue;
        const auto alerts = alertsByStore.value(row.storeId);
        const bool online = m_stores.isOnline(row.lastSyncAt);
        QJsonObject health = parseObject(row.data);
        if (row.atMs > 0)
            health.insert(u"at"_s, timestampText(QDateTime::fromMSecsSinceEpoch(row.atMs, Qt::UTC)));
        QJsonObject json{{u"id"_s, row.storeId},
                         {u"name"_s, row.storeName},
                         {u"status"_s, online ? u"online"_s : u"offline"_s},
                         {u"last_sync_at"_s, row.lastSyncAt.isValid() ? QJsonValue(timestampText(row.lastSyncAt)) : QJsonValue()},
                         {u"sync_backlog"_s, row.backlog},
                         {u"sync_lag_ms"_s, row.lagMs},
                         {u"worst_severity"_s, alerts.worst.isEmpty() ? QJsonValue() : QJsonValue(alerts.worst)},
                         {u"open_alerts"_s, alerts.open},
                         {u"acknowledged_alerts"_s, alerts.acknowledged},
                         {u"snapshots_received"_s, row.snapshotsReceived},
                         {u"snapshots_dropped"_s, row.snapshotsDropped},
                         {u"health"_s, row.atMs > 0 ? QJsonValue(health) : QJsonValue()}};
        const int rank = alerts.worst == u"critical"_s ? 2 : alerts.worst == u"warning"_s ? 1 : 0;
        tiles.append({rank, online, row.storeName, json});
    }
    std::stable_sort(tiles.begin(), tiles.end(), [](const Tile &a, const Tile &b) {
        if (a.rank != b.rank)
            return a.rank > b.rank;
        if (a.online != b.online)
            return !a.online;
        return a.name < b.name;
    });
    QJsonArray stores;
    for (const Tile &t : std::as_const(tiles))
        stores.append(t.json);
    return QJsonObject{{u"stores"_s, stores}};
}

Status FleetService::prune(const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    auto minutes = m_fleet.prune(kMinuteResolution, nowMs - m_settings.minuteDays * kDayMs);
    if (!minutes)
        return fail(minutes.error());
    auto hours = m_fleet.prune(kHourResolution, nowMs - m_settings.hourDays * kDayMs);
    if (!hours)
        return fail(hours.error());
    if (*minutes + *hours > 0)
        qCInfo(lcFleet) << "retention: dropped" << *minutes << "snapshot points and" << *hours << "hourly points";
    return {};
}

void FleetService::refreshGauges()
{
    auto rows = m_fleet.latest(0);
    auto active = m_alerts.active(0);
    if (!rows || !active)
        return;
    QHash<qint64, int> open;
    for (const Alert &a : std::as_const(*active))
        ++open[a.storeId];
    for (const StoreHealthRow &row : std::as_const(*rows)) {
        const Metrics::Labels labels{{"store", QString::number(row.storeId)}, {"store_name", row.storeName}};
        const QJsonObject h = parseObject(row.data);
        m_metrics.set("tableorder_store_online", labels, m_stores.isOnline(row.lastSyncAt) ? 1 : 0);
        m_metrics.set("tableorder_store_sync_backlog_events", labels, double(row.backlog));
        m_metrics.set("tableorder_store_sync_lag_seconds", labels, row.lagMs / 1000.0);
        m_metrics.set("tableorder_store_open_alerts", labels, open.value(row.storeId));
        if (row.atMs == 0)
            continue; // never sent a snapshot: no figures to show
        m_metrics.set("tableorder_store_http_p99_seconds", labels, h.value(u"http_p99_ms"_s).toDouble() / 1000.0);
        m_metrics.set("tableorder_store_kitchen_p95_seconds", labels, h.value(u"kitchen_p95_ms"_s).toDouble() / 1000.0);
        m_metrics.set("tableorder_store_unacknowledged_orders", labels, h.value(u"unacknowledged_orders"_s).toDouble());
        m_metrics.set("tableorder_store_cpu_percent", labels, h.value(u"cpu_percent"_s).toDouble());
        m_metrics.set("tableorder_store_resident_memory_bytes", labels, h.value(u"rss_bytes"_s).toDouble());
        if (h.contains(u"disk_free_percent"_s))
            m_metrics.set("tableorder_store_disk_free_ratio", labels, h.value(u"disk_free_percent"_s).toDouble() / 100.0);
    }
}

} // namespace tableorder::central
