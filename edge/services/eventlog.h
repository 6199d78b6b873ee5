#pragma once

#include "event.h"
#include "error.h"
#include "journal.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>

#include <deque>
#include <functional>

namespace tableorder::edge {

class EventRepository;
struct JournalCheck;
struct AuditFilter;

/// Records events inside the transaction of the change they describe, and announces
/// them once that transaction has committed — so an event exists, and is sent, if and
/// only if its change is durable.
class EventLog : public QObject
{
    Q_OBJECT
public:
    explicit EventLog(EventRepository &repository, QObject *parent = nullptr);

    /// Call inside the change's transaction. `actor`: who caused it (Principal::actor()),
    /// empty for the daemon's own events.
    [[nodiscard]] Result<Event> record(const QString &type, qint64 tableId, const QJsonObject &data,
                                       const QJsonObject &actor = {});
    /// Call after the commit succeeded (and is durable: synchronous=FULL). Waits behind held
    /// events, if any.
    void publish(const Event &event);
    /// Events of a commit that is not durable yet (the group commit, db::WalFlusher): they are
    /// announced by release(), and every event published meanwhile waits behind them, so every
    /// listener sees the log in seq order and nothing before it is durable. Until then since()
    /// and lastSeq() end before them: streams' replays and the sync upload read durable events
    /// only. Returns 0 (nothing held) for no events.
    [[nodiscard]] quint64 hold(const QList<Event> &events);
    /// The hold's commit is durable (or will never be: its events are announced either way,
    /// the change is in the database).
    void release(quint64 hold);

    /// See EventRepository::since (`stored`: an upload's events, their JSON as stored).
    [[nodiscard]] Result<QList<Event>> since(qint64 after, int limit, qint64 tableId = 0,
                                             QList<journal::EncodedEvent> *stored = nullptr);
    /// The audit log: events someone caused (see EventRepository::audit).
    [[nodiscard]] Result<QList<Event>> audit(const AuditFilter &filter);
    [[nodiscard]] Result<qint64> lastSeq();
    [[nodiscard]] Result<qint64> firstSeq();
    /// See EventRepository::continueAfter (a restored edge catching up with central).
    [[nodiscard]] Result<int> continueAfter(qint64 fromSeq, qint64 appliedSeq, qint64 maxOrderId,
                                            const QByteArray &appliedHash,
                                            const std::function<Status()> &inTransaction);
    /// See EventRepository::verifyJournal (`tableorder-edge journal verify`).
    [[nodiscard]] Result<JournalCheck> verifyJournal();
    /// Keeps the newest `keep` events.
    [[nodiscard]] Status prune(qint64 keep);

    /// Monotonic nanoseconds of the last publish() call's commit, for commit-to-send latency.
    [[nodiscard]] static qint64 monotonicNs();

signals:
    /// commitNs: monotonicNs() right after the commit.
    void committed(const tableorder::Event &event, qint64 commitNs);

private:
    /// Events not announced yet, in seq order; `hold` 0: durable, waiting behind a hold.
    struct Queued
    {
        quint64 hold = 0;
        Event event;
    };
    void announceReady();
    /// The seq below which the log is durable and announced; 0: no limit.
    [[nodiscard]] qint64 firstWaitingSeq() const;

    EventRepository &m_repository;
    std::deque<Queued> m_waiting;
    QSet<quint64> m_holds;
    quint64 m_lastHold = 0;
};

} // namespace tableorder::edge
