#include "healthsnapshot.h"

namespace tableorder::bench {

namespace pb = tableorder::sync::v1;

pb::HealthSnapshot healthSnapshot(
    qint64 id, const QDateTime &at, QRandomGenerator &random, const char *edgeVersion)
{
    static const char *routes[] = { "POST /api/v1/orders", "GET /api/v1/menu",
        "GET /api/v1/orders", "PATCH /api/v1/orders/{id}", "POST /api/v1/auth/table-login",
        "GET /api/v1/events", "GET /api/v1/tables", "POST /api/v1/orders/{id}/ack" };
    pb::HealthSnapshot s;
    s.set_id(id);
    s.set_at(at.toString(Qt::ISODateWithMs).toStdString());
    s.set_window_s(60);
    for (const char *route : routes) {
        auto *r = s.add_routes();
        r->set_route(route);
        r->set_requests(5 + random.bounded(200));
        r->set_client_errors(random.bounded(3));
        r->set_server_errors(random.bounded(50) == 0 ? 1 : 0);
        const double p50 = 1 + random.bounded(20.0);
        r->set_p50_ms(p50);
        r->set_p95_ms(p50 * (2 + random.bounded(2.0)));
        r->set_p99_ms(p50 * (4 + random.bounded(4.0)));
    }
    s.set_orders(random.bounded(40));
    s.set_kitchen_acks(s.orders());
    s.set_kitchen_p50_ms(40 + random.bounded(40.0));
    s.set_kitchen_p95_ms(120 + random.bounded(100.0));
    s.set_kitchen_p99_ms(250 + random.bounded(200.0));
    s.set_tablets(20 + int(random.bounded(10)));
    s.set_kitchen_screens(2);
    s.set_cpu_percent(2 + random.bounded(15.0));
    s.set_rss_bytes(90'000'000 + random.bounded(20'000'000));
    s.set_disk_total_bytes(64'000'000'000);
    s.set_disk_free_bytes(40'000'000'000 - random.bounded(1'000'000));
    s.set_db_bytes(50'000'000);
    s.set_wal_bytes(4'000'000);
    for (const char *name : { "orders.insert", "events.append" }) {
        auto *q = s.add_slow_queries();
        q->set_name(name);
        q->set_count(random.bounded(3));
        q->set_max_ms(50 + random.bounded(100.0));
    }
    s.set_sync_backlog(random.bounded(5));
    s.set_sync_lag_ms(random.bounded(800));
    s.set_edge_version(edgeVersion);
    return s;
}

} // namespace tableorder::bench
