#pragma once

#include "error.h"
#include "event.h"
#include "journal.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>

namespace tableorder::edge {

/// What `journal verify` found: how many events it checked, from which seq, and the first
/// seq that does not chain (0: none).
struct JournalCheck
{
    qint64 events = 0;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    qint64 brokenSeq = 0;
    QString reason;
};

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

/// The store's event log (table `events`) and its journal chain (docs/design/journal.md).
class EventRepository
{
public:
    explicit EventRepository(QSqlDatabase db);

    /// Appends inside the caller's transaction; fills seq, id and the journal hash (chained
    /// from the journal head, which moves to it in the same transaction).
    [[nodiscard]] Status append(Event &event);
    /// Once, after migration 011_journal on a store that already had events: hashes them in seq
    /// order from the genesis value and sets the journal head. Returns how many it hashed
    /// (0 when the journal was already set up).
    [[nodiscard]] Result<qint64> initializeJournal();
    /// Walks the log in seq order and recomputes every hash; the first event that does not
    /// chain is reported. Events older than the oldest kept (pruned) start from its anchor.
    [[nodiscard]] Result<JournalCheck> verifyJournal();
    /// Events with seq > after, oldest first, at most limit; tableId > 0 keeps that table's
    /// events and the store-wide ones (table_id NULL). With `stored` (an upload): each event's
    /// data and actor JSON as stored (what its hash covers), one per event, and not parsed (the
    /// events' data and actor stay empty).
    [[nodiscard]] Result<QList<Event>> since(qint64 after, int limit, qint64 tableId = 0,
                                             QList<journal::EncodedEvent> *stored = nullptr);
    [[nodiscard]] Result<qint64> lastSeq();
    [[nodiscard]] Result<qint64> firstSeq();
    /// After a restore from a backup, continues the log after what central applied, in one
    /// transaction: events from `fromSeq` on (0: none) move to `appliedSeq + 1` onwards,
    /// orders they created whose ids central already holds (<= maxOrderId) get new ids
    /// (in orders, their lines, history and the events' data), and new events and orders
    /// are numbered past `appliedSeq` and `maxOrderId`. The journal re-chains from
    /// `appliedHash`, the hash central holds for `appliedSeq` (genesis when empty): the moved
    /// events get new hashes and the next event chains from it. `inTransaction` runs before
    /// the commit (to record what central acknowledged). Returns how many events moved.
    [[nodiscard]] Result<int> continueAfter(qint64 fromSeq, qint64 appliedSeq, qint64 maxOrderId,
                                            const QByteArray &appliedHash,
                                            const std::function<Status()> &inTransaction);
    /// Events that someone caused (actor set), oldest first, as the filter says.
    [[nodiscard]] Result<QList<Event>> audit(const AuditFilter &filter);
    /// Deletes events with seq < keepFrom; returns how many.
    [[nodiscard]] Result<int> pruneBefore(qint64 keepFrom);

private:
    /// Chains `events` (in seq order) from `head`, stores each one's hash, and leaves `head`
    /// at the last one's. Call inside a transaction.
    [[nodiscard]] Status storeChain(QList<Event> &events, QByteArray &head);

    QSqlDatabase m_db;
    QSqlQuery m_append;
    QSqlQuery m_head;
    QSqlQuery m_setHead;
};

} // namespace tableorder::edge
