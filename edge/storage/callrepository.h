#pragma once

#include "domain.h"

#include <QSqlDatabase>

namespace tableorder::edge {

/// Guests' calls for staff: the `calls` table. Callers hold the transaction.
class CallRepository
{
public:
    explicit CallRepository(QSqlDatabase db);

    [[nodiscard]] Result<qint64> insert(const StaffCall &call);
    [[nodiscard]] Result<std::optional<StaffCall>> byId(qint64 id);
    /// The table's call for this reason that is still open or acknowledged, if any.
    [[nodiscard]] Result<std::optional<StaffCall>> openFor(qint64 tableId, const QString &reason);
    /// Calls with these statuses, oldest first.
    [[nodiscard]] Result<QList<StaffCall>> list(const QStringList &statuses, int limit);
    /// The open or acknowledged calls of a session.
    [[nodiscard]] Result<QList<StaffCall>> activeOfSession(qint64 sessionId);
    /// Active calls whose session has been closed (a visit that closed while the daemon was
    /// down, or before the call service heard of it).
    [[nodiscard]] Result<QList<StaffCall>> activeOfClosedSessions();
    /// When each call made at or after `since` was made (for a business day's count).
    [[nodiscard]] Result<QList<QDateTime>> createdSince(const QDateTime &since);
    [[nodiscard]] Status acknowledge(qint64 id, const QDateTime &at, const QJsonObject &by);
    [[nodiscard]] Status finish(qint64 id, const QDateTime &at, const QJsonObject &by);
    /// Open calls created before `before` that were never announced as overdue.
    [[nodiscard]] Result<QList<StaffCall>> dueForOverdue(const QDateTime &before);
    [[nodiscard]] Status markOverdue(qint64 id, const QDateTime &at);
    /// Calls still open (not acknowledged) that were announced overdue, and the creation
    /// time of the oldest of them.
    [[nodiscard]] Result<std::pair<qint64, QDateTime>> overdueNow();

private:
    Result<QList<StaffCall>> select(const QString &where, const QVariantList &values, const char *what);

    QSqlDatabase m_db;
};

} // namespace tableorder::edge
