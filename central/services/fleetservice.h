#pragma once

#include "error.h"
#include "storage/alertrepository.h"
#include "storage/fleetrepository.h"
#include "sync/syncmessages.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace tableorder {
class Metrics;
}

namespace tableorder::central {

struct HqPrincipal;
struct StoreRecord;
class StoreService;

inline constexpr int kMaxHealthPerUpload = 100;

struct FleetSettings
{
    int minuteDays = 7;  // snapshot points kept
    int hourDays = 90;   // hourly roll-ups kept
};

/// Fleet observability at central: stores the edges' health snapshots as per-store time
/// series (snapshots and hourly roll-ups, with retention), answers the fleet and series
/// queries, and keeps per-store gauges on central's own /metrics.
class FleetService
{
public:
    FleetService(QSqlDatabase db, FleetRepository &fleet, AlertRepository &alerts, StoreService &stores,
                 Metrics &metrics, FleetSettings settings);

    /// Stores the upload's snapshots (idempotent by store and time) in one transaction;
    /// returns the highest snapshot id stored, which the edge may forget. 0 for none.
    [[nodiscard]] Result<qint64> ingest(const StoreRecord &store, const sync::UploadBatch &batch);
    /// GET /stores/{id}/metrics. VALIDATION_FAILED for a bad range, resolution or name list.
    [[nodiscard]] Result<QJsonObject> series(const HqPrincipal &who, qint64 storeId, const QString &from,
                                             const QString &to, const QString &names, const QString &resolution);
    /// GET /fleet: every visible store with its newest snapshot and worst open alert, worst
    /// first; `storeId` (not 0): that store only, NOT_FOUND when it is not visible.
    [[nodiscard]] Result<QJsonObject> fleet(const HqPrincipal &who, qint64 storeId = 0);
    /// Drops points past their retention.
    [[nodiscard]] Status prune(const QDateTime &now);
    /// Sets the per-store gauges (label `store`) of central's /metrics from the database.
    void refreshGauges();

    /// A snapshot as the flat {name: value} object the series are made of.
    [[nodiscard]] static QJsonObject flatten(const sync::HealthSnapshot &snapshot);
    /// Adds a snapshot's values into an hourly roll-up of `samples` snapshots.
    [[nodiscard]] static QJsonObject rollUp(const QJsonObject &hour, int samples, const QJsonObject &minute);

private:
    QSqlDatabase m_db;
    FleetRepository &m_fleet;
    AlertRepository &m_alerts;
    StoreService &m_stores;
    Metrics &m_metrics;
    FleetSettings m_settings;
};

} // namespace tableorder::central
