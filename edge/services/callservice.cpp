#include "callservice.h"

#include "database.h"
#include "event.h"
#include "eventlog.h"
#include "storage/callrepository.h"
#include "storage/tablerepository.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

Q_LOGGING_CATEGORY(lcCalls, "tableorder.edge.calls")

namespace {

QJsonObject closedWithVisit(const StaffCall &call)
{
    QJsonObject data = toJson(call);
    data.insert(u"closed_with_visit"_s, true);
    return data;
}

} // namespace

CallService::CallService(QSqlDatabase db, CallRepository &calls, TableRepository &tables,
                         EventLog &events, int overdueSeconds, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_calls(calls), m_tables(tables), m_events(events),
      m_overdueSeconds(overdueSeconds)
{
    connect(&events, &EventLog::committed, this, &CallService::onCommitted);
    connect(&m_timer, &QTimer::timeout, this, &CallService::checkOverdue);
}

void CallService::start()
{
    closeLeftovers();
    // A quarter of the overdue time, at most a second: a call is announced at most that late.
    m_timer.start(std::clamp(m_overdueSeconds * 250, 50, 1000));
}

Result<PlacedCall> CallService::create(const Principal &table, const QString &reason, const QString &note)
{
    Q_ASSERT(table.isTable());
    if (!calls::reasons.contains(reason))
        return fail(Error::validation(u"reason"_s, u"reason must be water, cutlery, bill or other"_s));
    const QString trimmed = note.trimmed();
    if (trimmed.size() > calls::maxNoteLength)
        return fail(Error::validation(u"note"_s, u"note must be at most %1 characters"_s.arg(calls::maxNoteLength)));
    auto record = m_tables.byId(table.tableId);
    if (!record)
        return fail(record.error());
    if (!record->has_value())
        return fail(Error::notFound(u"table"_s));

    db::Transaction tx(m_db);
    auto existing = m_calls.openFor(table.tableId, reason);
    if (!existing)
        return fail(existing.error());
    if (existing->has_value())
        return PlacedCall{**existing, false};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto session = m_tables.openOrCreateSession(table.tableId, now);
    if (!session)
        return fail(session.error());
    StaffCall call;
    call.tableId = table.tableId;
    call.tableNumber = (*record)->number;
    call.sessionId = session->id;
    call.reason = reason;
    call.note = trimmed;
    call.status = u"open"_s;
    call.createdAt = now;
    auto id = m_calls.insert(call);
    if (!id)
        return fail(id.error());
    call.id = *id;
    auto event = m_events.record(QString::fromLatin1(events::CallCreated), call.tableId, toJson(call),
                                 table.actor());
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_events.publish(*event);
    return PlacedCall{call, true};
}

Result<QList<StaffCall>> CallService::list(const Principal &who, const QString &status, int limit)
{
    if (who.isTable()) {
        auto session = m_tables.openSession(who.tableId);
        if (!session)
            return fail(session.error());
        if (!session->has_value())
            return QList<StaffCall>();
        return m_calls.activeOfSession((*session)->id);
    }
    QStringList statuses;
    if (status.isEmpty() || status == u"active"_s)
        statuses = {u"open"_s, u"acknowledged"_s};
    else if (status == u"open"_s || status == u"acknowledged"_s || status == u"done"_s)
        statuses = {status};
    else
        return fail(Error::validation(u"status"_s, u"status must be open, acknowledged, done or active"_s));
    return m_calls.list(statuses, limit);
}

Result<StaffCall> CallService::acknowledge(const Principal &staff, qint64 id)
{
    return change(staff, id, false);
}

Result<StaffCall> CallService::finish(const Principal &staff, qint64 id)
{
    return change(staff, id, true);
}

Result<StaffCall> CallService::change(const Principal &staff, qint64 id, bool finish)
{
    db::Transaction tx(m_db);
    auto found = m_calls.byId(id);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(Error::notFound(u"call"_s));
    StaffCall call = **found;
    if (call.status == u"done"_s) {
        if (finish)
            return call;
        return fail(ErrorCode::InvalidTransition, u"call %1 is already done"_s.arg(id),
                    QJsonObject{{u"status"_s, call.status}});
    }
    if (!finish && call.status == u"acknowledged"_s)
        return call;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject actor = staff.actor();
    if (finish) {
        if (auto ok = m_calls.finish(id, now, actor); !ok)
            return fail(ok.error());
        call.status = u"done"_s;
        call.doneAt = now;
        call.doneBy = actor;
    } else {
        if (auto ok = m_calls.acknowledge(id, now, actor); !ok)
            return fail(ok.error());
        call.status = u"acknowledged"_s;
        call.acknowledgedAt = now;
        call.acknowledgedBy = actor;
    }
    auto event = m_events.record(QString::fromLatin1(finish ? events::CallDone : events::CallAcknowledged),
                                 call.tableId, toJson(call), actor);
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_events.publish(*event);
    return call;
}

std::pair<qint64, qint64> CallService::overdue()
{
    auto now = m_calls.overdueNow();
    if (!now || now->first == 0)
        return {0, 0};
    return {now->first, std::max<qint64>(0, now->second.msecsTo(QDateTime::currentDateTimeUtc()))};
}

void CallService::closeLeftovers()
{
    auto calls = m_calls.activeOfClosedSessions();
    if (!calls) {
        qCWarning(lcCalls) << "cannot read calls of closed visits:" << calls.error().message;
        return;
    }
    closeCallsOf(*calls);
}

void CallService::onCommitted(const Event &event)
{
    if (event.type != QLatin1StringView(events::SessionClosed))
        return;
    // After the close's own delivery: recording from inside its signal would send these
    // calls' events to the screens before the close that caused them.
    const qint64 session = event.data.value(u"session_id"_s).toInteger();
    QMetaObject::invokeMethod(this, [this, session] {
        auto calls = m_calls.activeOfSession(session);
        if (!calls) {
            qCWarning(lcCalls) << "cannot read the calls of a closed visit:" << calls.error().message;
            return;
        }
        closeCallsOf(*calls);
    }, Qt::QueuedConnection);
}

void CallService::closeCallsOf(const QList<StaffCall> &calls)
{
    if (calls.isEmpty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Event> recorded;
    db::Transaction tx(m_db);
    for (StaffCall call : calls) {
        if (auto ok = m_calls.finish(call.id, now, {}); !ok) {
            qCWarning(lcCalls) << "cannot close a call of a closed visit:" << ok.error().message;
            return; // rolled back; retried at the next start (closeLeftovers)
        }
        call.status = u"done"_s;
        call.doneAt = now;
        auto event = m_events.record(QString::fromLatin1(events::CallDone), call.tableId, closedWithVisit(call));
        if (!event) {
            qCWarning(lcCalls) << "cannot record call.done:" << event.error().message;
            return;
        }
        recorded.append(*event);
    }
    if (auto ok = tx.commit(); !ok) {
        qCWarning(lcCalls) << "cannot close the calls of a closed visit:" << ok.error().message;
        return;
    }
    for (const Event &event : std::as_const(recorded))
        m_events.publish(event);
}

void CallService::checkOverdue()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto due = m_calls.dueForOverdue(now.addSecs(-m_overdueSeconds));
    if (!due || due->isEmpty())
        return;
    QList<Event> recorded;
    db::Transaction tx(m_db);
    for (StaffCall call : *due) {
        if (auto ok = m_calls.markOverdue(call.id, now); !ok) {
            qCWarning(lcCalls) << "cannot mark a call overdue:" << ok.error().message;
            return; // rolled back; the next check tries again
        }
        call.overdueAt = now;
        QJsonObject data = toJson(call);
        data.insert(u"waited_s"_s, call.createdAt.secsTo(now));
        auto event = m_events.record(QString::fromLatin1(events::CallOverdue), call.tableId, data);
        if (!event) {
            qCWarning(lcCalls) << "cannot record call.overdue:" << event.error().message;
            return;
        }
        recorded.append(*event);
    }
    if (auto ok = tx.commit(); !ok) {
        qCWarning(lcCalls) << "cannot record overdue calls:" << ok.error().message;
        return;
    }
    for (const Event &event : std::as_const(recorded))
        m_events.publish(event);
    emit callsOverdue();
}

} // namespace tableorder::edge
