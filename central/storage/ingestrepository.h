#pragma once

#include "domain.h"
#include "event.h"
#include "journal.h"
#include "storage/pgparams.h"
#include "sync/syncmessages.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>

namespace tableorder::central {

/// One line a store marked done (order.lines_done), as HQ keeps it for kitchen times.
struct LineDone
{
    qint64 lineId = 0;
    qint64 orderId = 0;
    QString businessDate;
    QDateTime orderCreatedAt;
    qint64 menuItemId = 0;
    QString name;
    QString station;
    QDateTime doneAt;
};


struct SyncReport
{
    qint64 backlog = 0;
    qint64 lagMs = 0;
    QString edgeVersion;
    qint64 edgeMenuVersion = 0;
    qint64 edgeLastSeq = 0;
};

struct ReconciliationRow
{
    qint64 storeId = 0;
    QString storeName;
    QString businessDate;
    qint64 edgeOrders = 0;
    Money edgeTotal = 0;
    qint64 centralOrders = 0;
    Money centralTotal = 0;
};

/// A store's dead letters received since some time: how many, and the newest.
struct DeadLetterSummary
{
    qint64 storeId = 0;
    qint64 count = 0;
    qint64 lastSeq = 0;
    QString lastError;
};

struct DeadLetter
{
    qint64 id = 0;
    qint64 storeId = 0;
    qint64 seq = 0;
    QString type;
    QString error;
    QString receivedAt;
};

/// An order event as the live feed shows it: its seq in the store's log, type and data.
struct OrderEvent
{
    qint64 seq = 0;
    QString type;
    QJsonObject order;
};

/// Where a store's applied log ends: its seq and that event's journal hash (raw, empty when
/// not known).
struct AppliedPosition
{
    qint64 seq = 0;
    QByteArray journalHash;
};

/// An event that arrived and did not chain (journal_broken).
struct JournalBreak
{
    qint64 storeId = 0;
    qint64 seq = 0;
    QString reason;
    QString detectedAt;
};

/// A store's place in its event log, as central has applied it.
struct StorePosition
{
    qint64 storeId = 0;
    QString name;
    qint64 appliedSeq = 0;
};

/// Many rows into one table in few round trips. PostgreSQL: one statement per call, each
/// column one array parameter, unnested, sent through libpq as a text parameter
/// (pg::PreparedStatement: nothing escaped or lexed as SQL). SQLite: multi-row VALUES,
/// prepared once per power-of-two row count (1 to 64).
class BulkInsert
{
public:
    struct Column
    {
        QString name;
        QString type; // the PostgreSQL type: bigint, integer or text (a QString or UTF-8 QByteArray)
    };
    BulkInsert(QSqlDatabase db, QString table, QList<Column> columns, QString conflict);
    [[nodiscard]] Status insert(const QList<QVariantList> &rows, const char *what);

private:
    QString columnNames() const;
    QSqlQuery &statement(int rows);

    QSqlDatabase m_db;
    QString m_table;
    QList<Column> m_columns;
    QString m_conflict;
    bool m_arrays = false;
    std::unique_ptr<pg::PreparedStatement> m_arrayStatement; // PostgreSQL: the one statement
    QHash<int, QSqlQuery> m_statements; // SQLite: by row count
};

/// Many rows of one UPDATE in one round trip. PostgreSQL: the statement is joined to the
/// rows, bound as one array per column (`UPDATE ... FROM unnest(...)`); SQLite (no round
/// trips): the one-row statement, prepared once, run per row. A row holds the `set`
/// columns' values, then the `key` columns'; rows must not repeat a key.
class BulkUpdate
{
public:
    BulkUpdate(QSqlDatabase db, const QString &table, const QList<BulkInsert::Column> &set,
               const QList<BulkInsert::Column> &key, const QString &alsoSet = {});
    [[nodiscard]] Status update(const QList<QVariantList> &rows, const char *what);

private:
    QSqlDatabase m_db;
    QList<BulkInsert::Column> m_columns; // set, then key
    bool m_arrays = false;
    std::unique_ptr<pg::PreparedStatement> m_arrayStatement; // PostgreSQL
    QSqlQuery m_statement; // SQLite
};

/// One store's rows in a group commit: what its upload applies, written with the other
/// stores' of the group in a few multi-row statements (IngestRepository::writeRows).
struct StoreRows
{
    qint64 storeId = 0;
    QList<Event> events;   // the new events, in seq order
    QList<journal::EncodedEvent> encoded; // their data and actor JSON, as hashed and stored
    QList<Order> orders;   // orders central has not seen, as first seen (a repeat changes nothing)
    QList<Order> updates;  // order.updated: each order's newest state, once per order
    qint64 appliedSeq = 0; // where the store's applied log ends, and its journal hash
    QByteArray journalHash;
    SyncReport report;
    QList<sync::DailyTotal> dailyTotals; // the edge's own figures, for reconciliation
};

/// What sync writes: the raw events, the orders projected from them, dead letters, the
/// store's sync status and the edge's reconciliation figures.
class IngestRepository
{
public:
    explicit IngestRepository(QSqlDatabase db);

    /// Each store's applied seq and journal hash, locking their rows for the transaction on
    /// PostgreSQL (in id order, in one statement) so two central instances cannot apply one
    /// store's batches at once. A store that is gone is not in the answer.
    [[nodiscard]] Result<QHash<qint64, AppliedPosition>> lockStores(QList<qint64> storeIds);
    /// The event_id central applied for each seq in [fromSeq, toSeq].
    [[nodiscard]] Result<QHash<qint64, QString>> eventIds(qint64 storeId, qint64 fromSeq, qint64 toSeq);
    /// The highest order id of the store, 0 for none.
    [[nodiscard]] Result<qint64> maxOrderId(qint64 storeId);
    /// What a group's uploads apply, every store's together, one multi-row statement per
    /// table: the events (data and actor as compact JSON, the journal hash in hex), the new
    /// orders with their lines, options and notes (an order that exists keeps its row and
    /// lines), the updated orders' status and timestamps, each store's position and sync
    /// report, and the edge's daily totals. One row per store.
    [[nodiscard]] Status writeRows(const QList<StoreRows> &stores, const QString &receivedAt);
    /// order.lines_done: each line's done time, replacing what a line done before (and
    /// recalled since) had; a replay writes the same values.
    [[nodiscard]] Status upsertLineTimes(qint64 storeId, const QList<LineDone> &lines);
    /// order.recalled: the lines are not done any more.
    [[nodiscard]] Status deleteLineTimes(qint64 storeId, const QList<qint64> &lineIds);
    [[nodiscard]] Status deadLetter(
        qint64 storeId, const Event &event, const QString &error, const QString &receivedAt);
    /// Records that the store's event `seq` did not chain (once per seq).
    [[nodiscard]] Status recordJournalBreak(
        qint64 storeId, qint64 seq, const QString &reason, const QString &at);
    /// The journal breaks of an organization's stores, newest first (at most 100).
    [[nodiscard]] Result<QList<JournalBreak>> journalBreaks(qint64 orgId);
    [[nodiscard]] Status setSyncError(qint64 storeId, const QString &error);
    [[nodiscard]] Result<QList<ReconciliationRow>> reconciliation(qint64 orgId, qint64 storeId = 0);
    [[nodiscard]] Result<QList<DeadLetter>> deadLetters(qint64 orgId, qint64 storeId = 0);
    /// Per store of the organization, the dead letters received at or after `since`.
    [[nodiscard]] Result<QList<DeadLetterSummary>> recentDeadLetters(qint64 orgId, const QString &since);
    /// The order events a store uploaded with seqs `fromSeq`..`toSeq`, in seq order; with
    /// `limit` > 0 only the last `limit` of them.
    [[nodiscard]] Result<QList<OrderEvent>> orderEvents(qint64 storeId, qint64 fromSeq, qint64 toSeq,
                                                        int limit = 0);
    /// Where the live feed stands: each store's name and applied seq, for the stores of an
    /// organization (`storeId` 0) or one of them.
    [[nodiscard]] Result<QList<StorePosition>> positions(qint64 orgId, qint64 storeId = 0);

private:
    QSqlDatabase m_db;
    BulkInsert m_events;
    BulkInsert m_orders;
    BulkInsert m_lines;
    BulkInsert m_lineOptions;
    // Every statement of the ingest path is prepared once per connection: on PostgreSQL a
    // statement prepared per call costs PREPARE, EXECUTE and DEALLOCATE round trips.
    QSqlQuery m_lockStore;
    QSqlQuery m_eventIds;
    QSqlQuery m_maxOrderId;
    QSqlQuery m_upsertLineTime;
    QSqlQuery m_deleteLineTime;
    QSqlQuery m_deadLetter;
    QSqlQuery m_journalBreak;
    BulkInsert m_reconcile;
    BulkUpdate m_orderStatus;
    BulkUpdate m_positions;
};

} // namespace tableorder::central
