#pragma once

#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace tableorder::central {

inline constexpr int kMinuteResolution = 60;
inline constexpr int kHourResolution = 3600;

struct HealthPoint
{
    qint64 atMs = 0;
    int samples = 1;
    QByteArray data; // JSON object {name: value}
};

/// A store with its newest health snapshot (empty data when it never sent one).
struct StoreHealthRow
{
    qint64 storeId = 0;
    qint64 orgId = 0;
    QString storeName;
    QDateTime lastSyncAt;
    qint64 lagMs = 0;
    qint64 backlog = 0;
    qint64 atMs = 0;
    QByteArray data;
    qint64 snapshotsReceived = 0;
    qint64 snapshotsDropped = 0;
    QDateTime lastAppliedAt; // when central last applied one of its events
};

/// Per-store health time series (snapshots and hourly roll-ups) and the newest snapshot.
class FleetRepository
{
public:
    explicit FleetRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// False when the point was already there (a re-sent snapshot).
    [[nodiscard]] Result<bool> insertPoint(qint64 storeId, int resolution, const HealthPoint &point);
    [[nodiscard]] Result<std::optional<HealthPoint>> point(qint64 storeId, int resolution, qint64 atMs);
    [[nodiscard]] Status upsertPoint(qint64 storeId, int resolution, const HealthPoint &point);
    /// Oldest first.
    [[nodiscard]] Result<QList<HealthPoint>> points(qint64 storeId, int resolution, qint64 fromMs, qint64 toMs);
    /// Keeps the newer of the stored and the given snapshot; counts `received` more snapshots.
    [[nodiscard]] Status updateLatest(qint64 storeId, const HealthPoint &point, qint64 received, qint64 dropped);
    /// Every store of an organization (0: of all organizations) with its newest snapshot.
    [[nodiscard]] Result<QList<StoreHealthRow>> latest(qint64 orgId);
    /// Deletes points of `resolution` older than `beforeMs`; returns how many.
    [[nodiscard]] Result<qint64> prune(int resolution, qint64 beforeMs);

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::central
