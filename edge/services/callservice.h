#pragma once

#include "domain.h"
#include "principal.h"

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace tableorder {
struct Event;
}

namespace tableorder::edge {

class CallRepository;
class TableRepository;
class EventLog;

struct PlacedCall
{
    StaffCall call;
    bool created = false; // false: the table's open call for this reason, returned again
};

/// Calls for staff (직원 호출): a table calls with a reason, staff acknowledge ("coming")
/// and finish it. One open call per reason per table; calls close with the table's visit.
/// A call left unacknowledged past the overdue time raises `call.overdue` once.
class CallService : public QObject
{
    Q_OBJECT
public:
    CallService(QSqlDatabase db, CallRepository &calls, TableRepository &tables, EventLog &events,
                int overdueSeconds, QObject *parent = nullptr);

    /// A table's call; it opens the table's visit if none is open (guests call before they
    /// order). VALIDATION_FAILED for an unknown reason or a note over 140 characters.
    [[nodiscard]] Result<PlacedCall> create(const Principal &table, const QString &reason,
                                            const QString &note);
    /// Staff: calls by status (`open`, `acknowledged`, `done`, or `active` for open and
    /// acknowledged). A table: its current visit's calls, whatever `status` says.
    [[nodiscard]] Result<QList<StaffCall>> list(const Principal &who, const QString &status, int limit);
    /// "Coming": an acknowledged call stays as it was (the first who tapped is recorded);
    /// INVALID_TRANSITION for a done call.
    [[nodiscard]] Result<StaffCall> acknowledge(const Principal &staff, qint64 id);
    /// Done: a done call stays as it was.
    [[nodiscard]] Result<StaffCall> finish(const Principal &staff, qint64 id);
    /// Calls past the overdue time that nobody acknowledged yet, and how long the oldest has
    /// waited (ms), for the health snapshot.
    [[nodiscard]] std::pair<qint64, qint64> overdue();

    /// Closes calls left active by visits that closed while the daemon was down, and starts
    /// watching for overdue calls.
    void start();

signals:
    /// Calls went past the overdue time unacknowledged (`call.overdue` was recorded).
    void callsOverdue();

private:
    void closeLeftovers();
    void onCommitted(const tableorder::Event &event);
    void closeCallsOf(const QList<StaffCall> &calls);
    void checkOverdue();
    Result<StaffCall> change(const Principal &staff, qint64 id, bool finish);

    QSqlDatabase m_db;
    CallRepository &m_calls;
    TableRepository &m_tables;
    EventLog &m_events;
    int m_overdueSeconds;
    QTimer m_timer;
};

} // namespace tableorder::edge
