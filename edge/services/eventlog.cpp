#include "eventlog.h"

#include "storage/eventrepository.h"

namespace tableorder::edge {

EventLog::EventLog(EventRepository &repository, QObject *parent)
    : QObject(parent), m_repository(repository)
{
}

qint64 EventLog::monotonicNs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}

Result<Event> EventLog::record(const QString &type, qint64 tableId, const QJsonObject &data,
                               const QJsonObject &actor)
{
    Event event;
    event.type = type;
    event.at = QDateTime::currentDateTimeUtc();
    event.tableId = tableId;
    event.data = data;
    event.actor = actor;
    if (auto ok = m_repository.append(event); !ok)
        return fail(ok.error());
    return event;
}

void EventLog::publish(const Event &event)
{
    emit committed(event, monotonicNs());
}

Result<QList<Event>> EventLog::since(qint64 after, int limit, qint64 tableId)
{
    return m_repository.since(after, limit, tableId);
}

Result<QList<Event>> EventLog::audit(const AuditFilter &filter)
{
    return m_repository.audit(filter);
}

Result<qint64> EventLog::lastSeq()
{
    return m_repository.lastSeq();
}

Result<qint64> EventLog::firstSeq()
{
    return m_repository.firstSeq();
}

Result<JournalCheck> EventLog::verifyJournal()
{
    return m_repository.verifyJournal();
}

Status EventLog::prune(qint64 keep)
{
    auto last = m_repository.lastSeq();
    if (!last)
        return fail(last.error());
    auto pruned = m_repository.pruneBefore(*last - keep + 1);
    if (!pruned)
        return fail(pruned.error());
    return {};
}

Result<int> EventLog::continueAfter(qint64 fromSeq, qint64 appliedSeq, qint64 maxOrderId,
                                    const QByteArray &appliedHash, const std::function<Status()> &inTransaction)
{
    return m_repository.continueAfter(fromSeq, appliedSeq, maxOrderId, appliedHash, inTransaction);
}

} // namespace tableorder::edge
