#pragma once

#include "event.h"
#include "error.h"

#include <QElapsedTimer>
#include <QObject>

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
    /// Call after the commit succeeded.
    void publish(const Event &event);

    [[nodiscard]] Result<QList<Event>> since(qint64 after, int limit, qint64 tableId = 0);
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
    EventRepository &m_repository;
};

} // namespace tableorder::edge
