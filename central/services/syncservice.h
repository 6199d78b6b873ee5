#pragma once

#include "error.h"
#include "event.h"
#include "storage/ingestrepository.h"
#include "storage/tenantrepository.h"

#include <QObject>
#include <QSqlDatabase>

namespace tableorder {
class Metrics;
}
namespace tableorder::sync::v1 {
class UploadRequest;
class UploadResponse;
} // namespace tableorder::sync::v1

namespace tableorder::central {

inline constexpr int kSyncSchemaVersion = 1;
/// Central accepts events of this schema version up to the current one.
inline constexpr int kOldestAcceptedSchemaVersion = 1;
inline constexpr int kMaxBatchEvents = 500;
inline constexpr qint64 kMaxBatchBytes = 1024 * 1024;

struct UploadOutcome
{
    qint64 appliedSeq = 0;
    qint64 expectedSeq = 0; // set when the batch skipped ahead or conflicts (409)
    qint64 conflictSeq = 0; // set when an applied seq came with another event_id (409)
    qint64 maxOrderId = 0;  // set with conflictSeq, or when central is ahead of the edge's log
    qint64 menuVersion = 0;
    int newlyApplied = 0;
};

/// An upload's events as SyncService applies them, each with its data_json as sent ("{}"
/// for none or not an object).
struct DecodedEvents
{
    QList<Event> events;
    QList<QByteArray> data;
};

/// The checks of an upload that need no database: at most kMaxBatchEvents events, each of
/// an accepted schema version (SCHEMA_NOT_SUPPORTED, details `{"seq":..}`) with seq > 0,
/// event_id and type, seqs consecutive (VALIDATION_FAILED). Pure, so that it is fuzzed
/// (tests/fuzz/fuzz_sync_upload.cpp).
[[nodiscard]] Result<DecodedEvents> decodeEvents(const tableorder::sync::v1::UploadRequest &request);

/// Applies a store's uploaded events: one transaction per batch, idempotent by
/// (store, seq), strictly in seq order; projects orders for the reports; keeps what it
/// cannot apply in dead_letters.
class SyncService : public QObject
{
    Q_OBJECT
public:
    SyncService(QSqlDatabase db, IngestRepository &ingest, Metrics &metrics, QObject *parent = nullptr);

    /// VALIDATION_FAILED for a malformed batch, SCHEMA_NOT_SUPPORTED (422) for an event of
    /// a newer schema; a batch that skips ahead returns an outcome with expectedSeq set, one
    /// that reuses an applied seq for another event (an edge restored from a backup) with
    /// conflictSeq set too. Neither applies anything.
    [[nodiscard]] Result<UploadOutcome> upload(const StoreRecord &store,
                                               const tableorder::sync::v1::UploadRequest &request);

signals:
    /// An order event was applied (after commit); for the live feed.
    void orderApplied(qint64 orgId, qint64 storeId, const QString &storeName, const tableorder::central::OrderEvent &event);
    /// A batch with order events was applied (after commit): seqs `fromSeq`..`toSeq`.
    void batchApplied(qint64 orgId, qint64 storeId, const QString &storeName, qint64 fromSeq, qint64 toSeq);

private:
    QSqlDatabase m_db;
    IngestRepository &m_ingest;
    Metrics &m_metrics;
};

} // namespace tableorder::central
