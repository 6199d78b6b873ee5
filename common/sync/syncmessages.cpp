#include "syncmessages.h"

#include "domain.h"
#include "json.h"
#include "sync.pb.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::sync {

namespace {

QJsonObject object(const std::string &json)
{
    return json.empty() ? QJsonObject() : QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

QByteArrayView view(const std::string &s)
{
    return QByteArrayView(s.data(), qsizetype(s.size()));
}

/// The event's data and actor JSON as received when Qt writes exactly those bytes for the
/// objects it read from them (json::isCanonicalCompact: what an edge sends, its log's own
/// bytes), so they are hashed and stored without being written again; otherwise written
/// from the objects, as journal::encode does. An empty actor is no bytes, not "{}".
journal::EncodedEvent receivedJson(const v1::Event &e, const Event &event)
{
    const QByteArrayView data = view(e.data_json());
    const QByteArrayView actor = view(e.actor_json());
    if (json::isCanonicalCompact(data)
        && (actor.isEmpty() || (actor != QByteArrayView("{}") && json::isCanonicalCompact(actor))))
        return {data.toByteArray(), actor.toByteArray()};
    return journal::encode(event);
}

} // namespace

QString UploadOutcome::code() const
{
    if (!expectedSeq)
        return {};
    return conflictSeq ? u"SEQ_CONFLICT"_s : u"SEQ_GAP"_s;
}

void toProto(const Event &event, const journal::EncodedEvent &encoded, v1::Event *out)
{
    out->set_event_id(event.id.toStdString());
    out->set_seq(event.seq);
    out->set_schema_version(event.schemaVersion);
    out->set_type(event.type.toStdString());
    out->set_at(timestampText(event.at).toStdString());
    out->set_table_id(event.tableId);
    out->set_data_json(encoded.data.constData(), size_t(encoded.data.size()));
    if (!encoded.actor.isEmpty())
        out->set_actor_json(encoded.actor.constData(), size_t(encoded.actor.size()));
    if (!event.hash.isEmpty())
        out->set_hash(event.hash.toStdString());
}

void toProto(const Event &event, v1::Event *out)
{
    toProto(event, journal::encode(event), out);
}

Event fromProto(const v1::Event &e)
{
    Event event;
    event.seq = e.seq();
    event.id = text(e.event_id());
    event.type = text(e.type());
    event.at = parseTimestamp(text(e.at()));
    event.tableId = e.table_id();
    event.schemaVersion = e.schema_version();
    event.data = object(e.data_json());
    event.actor = object(e.actor_json());
    event.hash = QByteArray::fromStdString(e.hash());
    return event;
}

void toProto(const HealthSnapshot &s, v1::HealthSnapshot *out)
{
    out->Clear();
    if (s.id)
        out->set_id(s.id);
    out->set_at(timestampText(s.at).toStdString());
    out->set_window_s(s.windowS);
    for (const RouteHealth &r : s.routes) {
        auto *route = out->add_routes();
        route->set_route(r.route.toStdString());
        route->set_requests(r.requests);
        route->set_server_errors(r.serverErrors);
        route->set_client_errors(r.clientErrors);
        route->set_p50_ms(r.p50Ms);
        route->set_p95_ms(r.p95Ms);
        route->set_p99_ms(r.p99Ms);
    }
    out->set_orders(s.orders);
    out->set_kitchen_acks(s.kitchenAcks);
    out->set_kitchen_p50_ms(s.kitchenP50Ms);
    out->set_kitchen_p95_ms(s.kitchenP95Ms);
    out->set_kitchen_p99_ms(s.kitchenP99Ms);
    out->set_unacknowledged_orders(s.unacknowledgedOrders);
    out->set_oldest_unacknowledged_s(s.oldestUnacknowledgedS);
    out->set_tablets(s.tablets);
    out->set_kitchen_screens(s.kitchenScreens);
    out->set_cpu_percent(s.cpuPercent);
    out->set_rss_bytes(s.rssBytes);
    out->set_disk_free_bytes(s.diskFreeBytes);
    out->set_disk_total_bytes(s.diskTotalBytes);
    out->set_db_bytes(s.dbBytes);
    out->set_wal_bytes(s.walBytes);
    for (const SlowQuery &q : s.slowQueries) {
        auto *slow = out->add_slow_queries();
        slow->set_name(q.name.toStdString());
        slow->set_count(q.count);
        slow->set_max_ms(q.maxMs);
    }
    out->set_sync_backlog(s.syncBacklog);
    out->set_sync_lag_ms(s.syncLagMs);
    out->set_edge_version(s.edgeVersion.toStdString());
    out->set_overdue_calls(s.overdueCalls);
    out->set_oldest_overdue_call_s(s.oldestOverdueCallS);
    for (const PrinterFault &f : s.printerFaults) {
        auto *fault = out->add_printer_faults();
        fault->set_printer_id(f.printerId);
        fault->set_name(f.name.toStdString());
        fault->set_status(f.status.toStdString());
        fault->set_since_s(f.sinceS);
    }
    out->set_menu_cache_hits(s.menuCacheHits);
    out->set_menu_cache_misses(s.menuCacheMisses);
    out->set_requests_within_500ms(s.requestsWithin500Ms);
    out->set_requests_within_1s(s.requestsWithin1S);
    out->set_mem_used_bytes(s.memUsedBytes);
    out->set_mem_total_bytes(s.memTotalBytes);
    out->set_system_cpu_percent(s.systemCpuPercent);
}

HealthSnapshot fromProto(const v1::HealthSnapshot &h)
{
    HealthSnapshot s;
    s.id = h.id();
    s.at = parseTimestamp(text(h.at()));
    s.windowS = h.window_s();
    s.routes.reserve(h.routes_size());
    for (const auto &r : h.routes())
        s.routes.append({text(r.route()), r.requests(), r.server_errors(), r.client_errors(), r.p50_ms(), r.p95_ms(),
                         r.p99_ms()});
    s.orders = h.orders();
    s.kitchenAcks = h.kitchen_acks();
    s.kitchenP50Ms = h.kitchen_p50_ms();
    s.kitchenP95Ms = h.kitchen_p95_ms();
    s.kitchenP99Ms = h.kitchen_p99_ms();
    s.unacknowledgedOrders = h.unacknowledged_orders();
    s.oldestUnacknowledgedS = h.oldest_unacknowledged_s();
    s.overdueCalls = h.overdue_calls();
    s.oldestOverdueCallS = h.oldest_overdue_call_s();
    for (const auto &f : h.printer_faults())
        s.printerFaults.append({f.printer_id(), text(f.name()), text(f.status()), f.since_s()});
    s.tablets = h.tablets();
    s.kitchenScreens = h.kitchen_screens();
    s.cpuPercent = h.cpu_percent();
    s.rssBytes = h.rss_bytes();
    s.diskFreeBytes = h.disk_free_bytes();
    s.diskTotalBytes = h.disk_total_bytes();
    s.dbBytes = h.db_bytes();
    s.walBytes = h.wal_bytes();
    for (const auto &q : h.slow_queries())
        s.slowQueries.append({text(q.name()), q.count(), q.max_ms()});
    s.syncBacklog = h.sync_backlog();
    s.syncLagMs = h.sync_lag_ms();
    s.edgeVersion = text(h.edge_version());
    s.menuCacheHits = h.menu_cache_hits();
    s.menuCacheMisses = h.menu_cache_misses();
    s.requestsWithin500Ms = h.requests_within_500ms();
    s.requestsWithin1S = h.requests_within_1s();
    s.memUsedBytes = h.mem_used_bytes();
    s.memTotalBytes = h.mem_total_bytes();
    s.systemCpuPercent = h.system_cpu_percent();
    return s;
}

QByteArray serialize(const HealthSnapshot &snapshot)
{
    v1::HealthSnapshot message;
    toProto(snapshot, &message);
    message.clear_id();
    return QByteArray::fromStdString(message.SerializeAsString());
}

std::optional<HealthSnapshot> parseHealthSnapshot(const QByteArray &bytes)
{
    v1::HealthSnapshot message;
    if (!message.ParseFromArray(bytes.constData(), int(bytes.size())))
        return std::nullopt;
    return fromProto(message);
}

void toProto(const UploadBatch &batch, v1::UploadRequest *out)
{
    out->clear_events();
    const bool encoded = batch.encoded.size() == batch.events.size();
    for (qsizetype i = 0; i < batch.events.size(); ++i) {
        if (encoded)
            toProto(batch.events.at(i), batch.encoded.at(i), out->add_events());
        else
            toProto(batch.events.at(i), out->add_events());
    }
    out->set_backlog(batch.backlog);
    out->set_lag_ms(batch.lagMs);
    out->set_edge_version(batch.edgeVersion.toStdString());
    out->clear_daily_totals();
    for (const DailyTotal &t : batch.dailyTotals) {
        auto *d = out->add_daily_totals();
        d->set_business_date(t.businessDate.toStdString());
        d->set_orders(t.orders);
        d->set_total(t.total);
    }
    out->set_menu_version(batch.menuVersion);
    out->set_last_seq(batch.lastSeq);
    out->set_health_dropped(batch.healthDropped);
    out->clear_health();
    for (const HealthSnapshot &snapshot : batch.health)
        toProto(snapshot, out->add_health());
}

UploadBatch fromProto(const v1::UploadRequest &request)
{
    UploadBatch batch;
    batch.events.reserve(request.events_size());
    for (const auto &e : request.events())
        batch.events.append(fromProto(e));
    batch.backlog = request.backlog();
    batch.lagMs = request.lag_ms();
    batch.edgeVersion = text(request.edge_version());
    for (const auto &t : request.daily_totals())
        batch.dailyTotals.append({text(t.business_date()), t.orders(), t.total()});
    batch.menuVersion = request.menu_version();
    batch.lastSeq = request.last_seq();
    batch.healthDropped = request.health_dropped();
    batch.health.reserve(request.health_size());
    for (const auto &snapshot : request.health())
        batch.health.append(fromProto(snapshot));
    return batch;
}

QList<journal::EncodedEvent> receivedJson(const v1::UploadRequest &request, const QList<Event> &events)
{
    QList<journal::EncodedEvent> out;
    if (events.size() != request.events_size())
        return out;
    out.reserve(events.size());
    for (qsizetype i = 0; i < events.size(); ++i)
        out.append(receivedJson(request.events(int(i)), events.at(i)));
    return out;
}

void toProto(const UploadOutcome &outcome, v1::UploadResponse *out)
{
    out->set_applied_seq(outcome.appliedSeq);
    out->set_menu_version(outcome.menuVersion);
    out->set_max_order_id(outcome.maxOrderId);
    out->set_health_acked_id(outcome.healthAckedId);
    if (!outcome.appliedHash.isEmpty())
        out->set_applied_hash(outcome.appliedHash.toStdString());
    if (outcome.expectedSeq) {
        out->set_expected_seq(outcome.expectedSeq);
        out->set_conflict_seq(outcome.conflictSeq);
        out->set_code(outcome.code().toStdString());
        out->set_message(outcome.conflictSeq ? "seq already applied for another event_id; renumber from "
                                               "conflict_seq to continue at expected_seq"
                                             : "batch skips ahead; resend from expected_seq");
    }
}

UploadOutcome fromProto(const v1::UploadResponse &response)
{
    UploadOutcome outcome;
    outcome.appliedSeq = response.applied_seq();
    outcome.expectedSeq = response.expected_seq();
    // A conflict is only a conflict with the code that says so (an older central sends
    // conflict_seq 0 otherwise).
    outcome.conflictSeq = response.code() == "SEQ_CONFLICT" ? response.conflict_seq() : 0;
    outcome.maxOrderId = response.max_order_id();
    outcome.menuVersion = response.menu_version();
    outcome.healthAckedId = response.health_acked_id();
    outcome.appliedHash = QByteArray::fromStdString(response.applied_hash());
    return outcome;
}

} // namespace tableorder::sync
