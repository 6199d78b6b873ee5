#pragma once

#include "error.h"
#include "event.h"
#include "storage/ingestrepository.h"
#include "storage/moneyrepository.h"
#include "storage/tenantrepository.h"
#include "sync/syncmessages.h"

#include <QObject>
#include <QSqlDatabase>

namespace tableorder {
class Metrics;
}

namespace tableorder::central {

inline constexpr int kSyncSchemaVersion = 1;
/// Central accepts events of this schema version up to the current one.
inline constexpr int kOldestAcceptedSchemaVersion = 1;
inline constexpr int kMaxBatchEvents = 500;
inline constexpr qint64 kMaxBatchBytes = 1024 * 1024;

using UploadOutcome = sync::UploadOutcome;

/// The checks of an upload that need no database: at most kMaxBatchEvents events, each of
/// an accepted schema version (SCHEMA_NOT_SUPPORTED, details `{"seq":..}`) with seq > 0,
/// event_id and type, seqs consecutive (VALIDATION_FAILED). Pure, so that it is fuzzed
/// (tests/fuzz/fuzz_sync_upload.cpp).
[[nodiscard]] Status checkBatch(const sync::UploadBatch &batch);

/// Applies a store's uploaded events: one transaction per batch, idempotent by
/// (store, seq), strictly in seq order; projects orders, payments, voids, discounts, closed
/// days and staff actions (the audit log) for the reports; keeps what it cannot apply in
/// dead_letters.
class SyncService : public QObject
{
    Q_OBJECT
public:
    SyncService(QSqlDatabase db, IngestRepository &ingest, MoneyRepository &money, Metrics &metrics,
                QObject *parent = nullptr);

    /// VALIDATION_FAILED for a malformed batch, SCHEMA_NOT_SUPPORTED (422) for an event of
    /// a newer schema; a batch that skips ahead returns an outcome with expectedSeq set, one
    /// that reuses an applied seq for another event (an edge restored from a backup) with
    /// conflictSeq set too. Neither applies anything.
    /// The journal: each new event must chain from the one before (central keeps the last
    /// hash per store); one that does not is recorded in journal_breaks (the journal_broken
    /// alert) and stored all the same, and the chain goes on from its hash.
    [[nodiscard]] Result<UploadOutcome> upload(const StoreRecord &store, const sync::UploadBatch &batch);

signals:
    /// An order event was applied (after commit); for the live feed.
    void orderApplied(qint64 orgId, qint64 storeId, const QString &storeName, const tableorder::central::OrderEvent &event);
    /// A batch with order events was applied (after commit): seqs `fromSeq`..`toSeq`.
    void batchApplied(qint64 orgId, qint64 storeId, const QString &storeName, qint64 fromSeq, qint64 toSeq);

private:
    /// Checks each new event's journal hash from `lastHash` on; records the breaks; returns
    /// the hash of the last event (empty when it had none).
    [[nodiscard]] Result<QByteArray> followJournal(qint64 storeId, const QList<Event> &fresh, QByteArray lastHash,
                                                   const QString &now, int *breaks);

    /// Payments, voids, discounts, closed days and staff actions of the batch's new events,
    /// after their orders are in (a payment's business date is its visit's).
    [[nodiscard]] Status projectMoney(qint64 storeId, const QList<Event> &events, const QString &now);

    QSqlDatabase m_db;
    IngestRepository &m_ingest;
    MoneyRepository &m_money;
    Metrics &m_metrics;
};

} // namespace tableorder::central
