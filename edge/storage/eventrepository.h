#pragma once

#include "error.h"
#include "event.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>

namespace tableorder::edge {

/// Which events the audit log shows: those with an actor, optionally in a time range
/// (`at` in [from, to)), of one actor, after a seq (the page cursor).
struct AuditFilter
{
    QDateTime from;
    QDateTime to;
    QString actorKind;    // empty: any; "staff", "table" or "cli"
    qint64 staffId = 0;   // with actorKind "staff"
    int tableNumber = 0;  // with actorKind "table"
    qint64 after = 0;
    int limit = 100;
};

/// The store's event log (table `events`).
class EventRepository
{
public:
    explicit EventRepository(QSqlDatabase db);

    /// Appends inside the caller's transaction; fills seq and id.
    [[nodiscard]] Status append(Event &event);
    /// Events with seq > after, oldest first, at most limit; tableId > 0 keeps that table's
    /// events and the store-wide ones (table_id NULL).
    [[nodiscard]] Result<QList<Event>> since(qint64 after, int limit, qint64 tableId = 0);
    [[nodiscard]] Result<qint64> lastSeq();
    [[nodiscard]] Result<qint64> firstSeq();
    /// After a restore from a backup, continues the log after what central applied, in one
    /// transaction: events from `fromSeq` on (0: none) move to `appliedSeq + 1` onwards,
    /// orders they created whose ids central already holds (<= maxOrderId) get new ids
    /// (in orders, their lines, history and the events' data), and new events and orders
    /// are numbered past `appliedSeq` and `maxOrderId`. `inTransaction` runs before the
    /// commit (to record what central acknowledged). Returns how many events moved.
    [[nodiscard]] Result<int> continueAfter(qint64 fromSeq, qint64 appliedSeq, qint64 maxOrderId,
                                            const std::function<Status()> &inTransaction);
    /// Events that someone caused (actor set), oldest first, as the filter says.
    [[nodiscard]] Result<QList<Event>> audit(const AuditFilter &filter);
    /// Deletes events with seq < keepFrom; returns how many.
    [[nodiscard]] Result<int> pruneBefore(qint64 keepFrom);

private:
    QSqlDatabase m_db;
    QSqlQuery m_append;
};

} // namespace tableorder::edge
