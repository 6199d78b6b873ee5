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
    if (m_waiting.empty()) {
        emit committed(event, monotonicNs());
        return;
    }
    m_waiting.push_back({0, event});
}

quint64 EventLog::hold(const QList<Event> &events)
{
    if (events.isEmpty())
        return 0;
    const quint64 hold = ++m_lastHold;
    m_holds.insert(hold);
    for (const Event &event : events)
        m_waiting.push_back({hold, event});
    return hold;
}

void EventLog::release(quint64 hold)
{
    if (hold == 0 || !m_holds.remove(hold))
        return;
    announceReady();
}

void EventLog::announceReady()
{
    // Taken off the queue before it is announced: a listener may publish an event of its own.
    while (!m_waiting.empty() && !m_holds.contains(m_waiting.front().hold)) {
        const Event event = std::move(m_waiting.front().event);
        m_waiting.pop_front();
        emit committed(event, monotonicNs());
    }
}

qint64 EventLog::firstWaitingSeq() const
{
    return m_waiting.empty() ? 0 : m_waiting.front().event.seq;
}

Result<QList<Event>> EventLog::since(qint64 after, int limit, qint64 tableId, QList<journal::EncodedEvent> *stored)
{
    auto events = m_repository.since(after, limit, tableId, stored);
    if (const qint64 limitSeq = firstWaitingSeq(); events && limitSeq > 0) {
        const auto end = std::find_if(events->begin(), events->end(),
                                      [limitSeq](const Event &e) { return e.seq >= limitSeq; });
        if (stored)
            stored->resize(end - events->begin());
        events->erase(end, events->end());
    }
    return events;
}

Result<QList<Event>> EventLog::audit(const AuditFilter &filter)
{
    return m_repository.audit(filter);
}

Result<qint64> EventLog::lastSeq()
{
    if (const qint64 limitSeq = firstWaitingSeq(); limitSeq > 0)
        return limitSeq - 1;
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
