#pragma once

#include "error.h"
#include "event.h"
#include "storage/ingestrepository.h"
#include "storage/moneyrepository.h"
#include "storage/tenantrepository.h"
#include "sync/syncmessages.h"

#include <QObject>
#include <QSqlDatabase>
#include <QThread>

#include <functional>
#include <memory>

namespace tableorder {
class Metrics;
}

namespace tableorder::central {

inline constexpr int kSyncSchemaVersion = 1;
/// Central accepts events of this schema version up to the current one.
inline constexpr int kOldestAcceptedSchemaVersion = 1;
inline constexpr int kMaxBatchEvents = 500;
inline constexpr qint64 kMaxBatchBytes = 1024 * 1024;
/// Bounds of one group commit: at most this many uploads, and at most this many events
/// (an upload alone may carry kMaxBatchEvents) in one transaction. What is left waits for
/// the next one, at once.
inline constexpr int kMaxGroupUploads = 64;
inline constexpr int kMaxGroupEvents = 4000;

using UploadOutcome = sync::UploadOutcome;

/// The checks of an upload that need no database: at most kMaxBatchEvents events, each of
/// an accepted schema version (SCHEMA_NOT_SUPPORTED, details `{"seq":..}`) with seq > 0,
/// event_id and type, seqs consecutive (VALIDATION_FAILED). Pure, so that it is fuzzed
/// (tests/fuzz/fuzz_sync_upload.cpp).
[[nodiscard]] Status checkBatch(const sync::UploadBatch &batch);

/// Applies stores' uploaded events, idempotent by (store, seq), strictly in seq order;
/// projects orders, payments, voids, discounts, closed days and staff actions (the audit
/// log) for the reports; keeps what it cannot apply in dead_letters.
/// Group commit across stores: the uploads that arrive together (in one pass of the event
/// loop, which includes those that arrived while the previous group was written) are applied
/// in one transaction, each judged alone, and made durable by one commit; every upload is
/// answered after that commit. One group at a time, on the writer thread when there is one
/// (startWriterThread), else on the event loop.
class SyncService : public QObject
{
    Q_OBJECT
public:
    using UploadDone = std::function<void(const Result<UploadOutcome> &)>;

    SyncService(QSqlDatabase db, IngestRepository &ingest, MoneyRepository &money, Metrics &metrics,
                QObject *parent = nullptr);
    ~SyncService() override;

    /// Group commits on a thread of their own, on the connection `open` returns (called on
    /// that thread): the event loop keeps reading and decoding the next uploads while a group
    /// is written. PostgreSQL only (two SQLite writers would wait on each other's locks);
    /// without it, groups are written on the event loop with the service's connection.
    [[nodiscard]] Status startWriterThread(const std::function<Result<QSqlDatabase>()> &open);

    /// VALIDATION_FAILED for a malformed batch, SCHEMA_NOT_SUPPORTED (422) for an event of
    /// a newer schema; a batch that skips ahead returns an outcome with expectedSeq set, one
    /// that reuses an applied seq for another event (an edge restored from a backup) with
    /// conflictSeq set too. Neither applies anything.
    /// The journal: each new event must chain from the one before (central keeps the last
    /// hash per store); one that does not is recorded in journal_breaks (the journal_broken
    /// alert) and stored all the same, and the chain goes on from its hash.
    /// Queues the upload for the next group commit; `done` runs once: at once for a batch
    /// checkBatch refuses, otherwise after the group's commit. A failed write or commit
    /// fails every upload of the group (Internal or STORAGE_FULL: the stores retry); a
    /// busy database (a lock another instance holds too long) fails only the upload that
    /// waited.
    void uploadLater(const StoreRecord &store, sync::UploadBatch batch, UploadDone done);

signals:
    /// An order event was applied (after commit); for the live feed.
    void orderApplied(qint64 orgId, qint64 storeId, const QString &storeName, const tableorder::central::OrderEvent &event);
    /// A batch with order events was applied (after commit): seqs `fromSeq`..`toSeq`.
    void batchApplied(qint64 orgId, qint64 storeId, const QString &storeName, qint64 fromSeq, qint64 toSeq);

private:
    /// What can be worked out of an upload alone, before its group is written (on the
    /// service's thread, while the writer thread writes the group before): each order event's
    /// checked order, and whether each event chains from the hash of the one before it in
    /// the batch. The writer then only checks a batch's first new event against the store's
    /// journal hash.
    struct Prechecked
    {
        QList<Result<Order>> orders; // per event; only order.created / order.updated are set
        enum Link : qint8 { Chains, NoHash, Broken };
        QList<Link> links;           // per event; [0] unused
    };
    /// What the writer needs of an upload.
    struct GroupItem
    {
        StoreRecord store;
        sync::UploadBatch batch;
        Prechecked pre;
    };
    [[nodiscard]] static Prechecked precheck(const sync::UploadBatch &batch);
    struct PendingUpload : GroupItem
    {
        UploadDone done; // runs on the service's thread only
    };
    /// One upload's part of a group, kept until the commit: its answer and what it
    /// announces once durable.
    struct Applied
    {
        UploadOutcome outcome;
        QList<OrderEvent> orders; // applied order events, for the live feed
        int duplicates = 0;
        int deadLetters = 0;
        int breaks = 0;
        double seconds = 0;
    };

    struct GroupDone;
    void scheduleFlush();
    /// Takes the next group and has it written (at most one group at a time).
    void flushPending();
    /// On the service's thread: metrics, the live feed and the answers of the group written.
    void finishGroup(const GroupDone &done);
    /// One upload judged against its store's position: its answer, and what it writes
    /// (nothing for a gap or a conflict).
    struct Judged
    {
        Applied applied;
        bool writes = false;
        StoreRows rows;      // events, orders, updates, position, daily totals
        QList<Event> money;  // payments, voids, discounts, closed days, staff actions
        QList<Event> kitchen; // lines done and recalled, in seq order
    };

    /// The group's transaction, made durable by one commit. First all its uploads together
    /// (applyTogether); when that meets a busy database, again one upload at a time, each in
    /// a savepoint. An error returned fails the whole group; `out` holds each upload's own
    /// result otherwise.
    [[nodiscard]] Status writeGroup(const QList<GroupItem> &group, QList<Result<Applied>> &out);
    /// Uploads of distinct stores inside the group's transaction: their store rows locked in
    /// one statement, each judged alone, every store's rows written together (one multi-row
    /// statement per table), then each upload's payments, kitchen times and audit. Fails as
    /// a whole when a statement fails; an upload's own result otherwise (a store that is
    /// gone: NOT_FOUND).
    [[nodiscard]] Result<QList<Result<Applied>>> applyTogether(const QList<const GroupItem *> &uploads);
    /// A gap or a conflict writes nothing; new events are sorted out into rows, dead
    /// letters (written at once) and journal breaks (recorded at once).
    [[nodiscard]] Result<Judged> judge(const GroupItem &upload, const AppliedPosition &position, const QString &now);
    /// What reads the rows written: payments, voids, discounts and closed days (their
    /// orders' dates), kitchen line times, the audit log; central's highest order id for an
    /// edge restored from a backup.
    [[nodiscard]] Status writeAfterRows(const StoreRecord &store, const sync::UploadBatch &batch, Judged &judged,
                                        const QString &now);
    /// Checks each new event's journal hash from `lastHash` on; records the breaks; returns
    /// the hash of the last event (empty when it had none).
    [[nodiscard]] Result<QByteArray> followJournal(qint64 storeId, const StoreRows &rows, const Prechecked &pre,
                                                   qsizetype firstIndex, QByteArray lastHash, const QString &now,
                                                   int *breaks);

    /// Payments, voids, discounts, closed days and staff actions of the batch's new events,
    /// after their orders are in (a payment's business date is its visit's).
    [[nodiscard]] Status projectMoney(qint64 storeId, const QList<Event> &events, const QString &now);

    /// The connection and repositories group commits use (writeGroup and what it calls):
    /// the service's own, or the writer thread's.
    struct Writer
    {
        QSqlDatabase db;
        IngestRepository *ingest = nullptr;
        MoneyRepository *money = nullptr;
        std::unique_ptr<IngestRepository> ownIngest;
        std::unique_ptr<MoneyRepository> ownMoney;
    };
    struct GroupDone
    {
        Status committed;
        QList<Result<Applied>> results; // one per upload of the group, in its order
        double seconds = 0;
    };

    IngestRepository &m_ingest; // the service's thread (a refused batch's sync error)
    Metrics &m_metrics;
    Writer m_w;
    std::unique_ptr<QThread> m_thread;
    QObject *m_threadContext = nullptr; // lives on m_thread
    QList<PendingUpload> m_pending;
    QList<PendingUpload> m_inGroup; // the group being written
    bool m_flushScheduled = false;
    bool m_writing = false;
};

} // namespace tableorder::central
