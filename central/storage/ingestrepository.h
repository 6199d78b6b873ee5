#pragma once

#include "domain.h"
#include "event.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace tableorder::central {

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

struct DeadLetter
{
    qint64 id = 0;
    qint64 storeId = 0;
    qint64 seq = 0;
    QString type;
    QString error;
    QString receivedAt;
};

/// What sync writes: the raw events, the orders projected from them, dead letters, the
/// store's sync status and the edge's reconciliation figures.
class IngestRepository
{
public:
    explicit IngestRepository(QSqlDatabase db);

    /// The store's applied seq, locking its row for the transaction on PostgreSQL so two
    /// central instances cannot apply one store's batches at once.
    [[nodiscard]] Result<qint64> lockAppliedSeq(qint64 storeId);
    [[nodiscard]] Status insertEvent(qint64 storeId, const Event &event, const QString &receivedAt);
    /// order.created: inserts the order and its lines (a repeat changes nothing).
    [[nodiscard]] Status insertOrder(qint64 storeId, const Order &order);
    /// order.updated: status and its timestamps; inserts the order when it is unknown.
    [[nodiscard]] Status updateOrder(qint64 storeId, const Order &order);
    [[nodiscard]] Status deadLetter(qint64 storeId, const Event &event, const QString &error,
                                    const QString &receivedAt);
    [[nodiscard]] Status setApplied(qint64 storeId, qint64 appliedSeq, const SyncReport &report,
                                    const QString &at);
    [[nodiscard]] Status setSyncError(qint64 storeId, const QString &error);
    [[nodiscard]] Status upsertReconciliation(qint64 storeId, const QString &businessDate,
                                              qint64 orders, Money total, const QString &at);
    [[nodiscard]] Result<QList<ReconciliationRow>> reconciliation(qint64 orgId, qint64 storeId = 0);
    [[nodiscard]] Result<QList<DeadLetter>> deadLetters(qint64 orgId, qint64 storeId = 0);

private:
    QSqlDatabase m_db;
    QSqlQuery m_insertEvent;
    QSqlQuery m_insertOrder;
    QSqlQuery m_insertLine;
    QSqlQuery m_updateOrder;
};

} // namespace tableorder::central
