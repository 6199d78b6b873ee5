#include "fleetrepository.h"

#include "database.h"
#include "domain.h"

using namespace Qt::StringLiterals;

namespace tableorder::central {

Result<bool> FleetRepository::insertPoint(qint64 storeId, int resolution, const HealthPoint &point)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO health_points (store_id, resolution, at, samples, data) "
                                      "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s);
    for (const QVariant &v : {QVariant(storeId), QVariant(resolution), QVariant(point.atMs), QVariant(point.samples),
                              QVariant(QString::fromUtf8(point.data))})
        q.addBindValue(v);
    if (auto ok = db::exec(q, "insert health point"); !ok)
        return fail(ok.error());
    return q.numRowsAffected() > 0;
}

Result<std::optional<HealthPoint>> FleetRepository::point(qint64 storeId, int resolution, qint64 atMs)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT samples, data FROM health_points WHERE store_id = ? AND resolution = ? "
                                      "AND at = ?"_s);
    q.addBindValue(storeId);
    q.addBindValue(resolution);
    q.addBindValue(atMs);
    if (auto ok = db::exec(q, "read health point"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<HealthPoint>();
    return std::optional<HealthPoint>(HealthPoint{atMs, q.value(0).toInt(), q.value(1).toString().toUtf8()});
}

Status FleetRepository::upsertPoint(qint64 storeId, int resolution, const HealthPoint &point)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO health_points (store_id, resolution, at, samples, data) "
                                      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (store_id, resolution, at) DO UPDATE "
                                      "SET samples = excluded.samples, data = excluded.data"_s);
    for (const QVariant &v : {QVariant(storeId), QVariant(resolution), QVariant(point.atMs), QVariant(point.samples),
                              QVariant(QString::fromUtf8(point.data))})
        q.addBindValue(v);
    return db::exec(q, "upsert health point");
}

Result<QList<HealthPoint>> FleetRepository::points(qint64 storeId, int resolution, qint64 fromMs, qint64 toMs)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT at, samples, data FROM health_points WHERE store_id = ? "
                                      "AND resolution = ? AND at >= ? AND at <= ? ORDER BY at"_s);
    q.addBindValue(storeId);
    q.addBindValue(resolution);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (auto ok = db::exec(q, "read health series"); !ok)
        return fail(ok.error());
    QList<HealthPoint> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString().toUtf8()});
    return out;
}

Status FleetRepository::updateLatest(qint64 storeId, const HealthPoint &point, qint64 received, qint64 dropped)
{
    QSqlQuery q = db::prepared(m_db, uR"(
        INSERT INTO store_health (store_id, at, data, snapshots_received, snapshots_dropped) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (store_id) DO UPDATE SET
            at = CASE WHEN excluded.at >= store_health.at THEN excluded.at ELSE store_health.at END,
            data = CASE WHEN excluded.at >= store_health.at THEN excluded.data ELSE store_health.data END,
            snapshots_received = store_health.snapshots_received + excluded.snapshots_received,
            snapshots_dropped = excluded.snapshots_dropped)"_s);
    for (const QVariant &v : {QVariant(storeId), QVariant(point.atMs), QVariant(QString::fromUtf8(point.data)),
                              QVariant(received), QVariant(dropped)})
        q.addBindValue(v);
    return db::exec(q, "update latest health");
}

Result<QList<StoreHealthRow>> FleetRepository::latest(qint64 orgId)
{
    QSqlQuery q = db::prepared(m_db, uR"(
        SELECT s.id, s.org_id, s.name, s.last_sync_at, s.lag_ms, s.backlog,
               h.at, h.data, h.snapshots_received, h.snapshots_dropped,
               (SELECT e.received_at FROM store_events e WHERE e.store_id = s.id ORDER BY e.seq DESC LIMIT 1)
        FROM stores s LEFT JOIN store_health h ON h.store_id = s.id
        WHERE ? = 0 OR s.org_id = ?
        ORDER BY s.id)"_s);
    q.addBindValue(orgId);
    q.addBindValue(orgId);
    if (auto ok = db::exec(q, "fleet health"); !ok)
        return fail(ok.error());
    QList<StoreHealthRow> out;
    while (q.next()) {
        StoreHealthRow row;
        row.storeId = q.value(0).toLongLong();
        row.orgId = q.value(1).toLongLong();
        row.storeName = q.value(2).toString();
        row.lastSyncAt = q.value(3).isNull() ? QDateTime() : parseTimestamp(q.value(3).toString());
        row.lagMs = q.value(4).toLongLong();
        row.backlog = q.value(5).toLongLong();
        row.atMs = q.value(6).toLongLong();
        row.data = q.value(7).toString().toUtf8();
        row.snapshotsReceived = q.value(8).toLongLong();
        row.snapshotsDropped = q.value(9).toLongLong();
        row.lastAppliedAt = q.value(10).isNull() ? QDateTime() : parseTimestamp(q.value(10).toString());
        out.append(std::move(row));
    }
    return out;
}

Result<qint64> FleetRepository::prune(int resolution, qint64 beforeMs)
{
    QSqlQuery q = db::prepared(m_db, u"DELETE FROM health_points WHERE resolution = ? AND at < ?"_s);
    q.addBindValue(resolution);
    q.addBindValue(beforeMs);
    if (auto ok = db::exec(q, "prune health points"); !ok)
        return fail(ok.error());
    return qint64(q.numRowsAffected());
}

} // namespace tableorder::central
