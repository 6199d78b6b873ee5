#pragma once

#include "domain.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace tableorder::edge {

struct TableRecord
{
    qint64 id = 0;
    int number = 0;
    QString passwordHash;
};

struct SessionRecord
{
    qint64 id = 0;
    qint64 tableId = 0;
    QDateTime openedAt;
};

struct HistoryPage
{
    QList<QJsonObject> orders;
    int total = 0;
};

/// Tables, their sessions, and the order history of closed sessions. The statements every
/// order runs are prepared once.
class TableRepository
{
public:
    explicit TableRepository(QSqlDatabase db);

    [[nodiscard]] Result<QList<TableInfo>> overview();
    [[nodiscard]] Result<std::optional<TableRecord>> byNumber(int number);
    [[nodiscard]] Result<std::optional<TableRecord>> byId(qint64 id);
    [[nodiscard]] Result<int> count();
    [[nodiscard]] Result<qint64> insert(int number, const QString &passwordHash);
    /// Bumps the table's token generation when `revokeTokens` (a new password).
    [[nodiscard]] Status update(const TableRecord &table, bool revokeTokens = false);
    /// Removes a table from service: its tokens stop counting, its number is free for a
    /// new table (which takes the removed row's place, so its history stays), its orders
    /// and history stay. NOT_FOUND for an unknown number.
    [[nodiscard]] Status remove(int number, const QDateTime &now);
    /// The id of the removed table with this number, given a new password and back in
    /// service; nullopt when there is none.
    [[nodiscard]] Result<std::optional<qint64>> reinstate(int number, const QString &passwordHash);
    /// The id of the removed table holding this number (numbers stay unique), if any.
    [[nodiscard]] Result<std::optional<qint64>> removedWithNumber(int number);

    [[nodiscard]] Result<std::optional<SessionRecord>> openSession(qint64 tableId);
    /// The highest session id of the store (any table, open or closed), 0 if none: every
    /// session opened later has a higher one (sessions are never deleted).
    [[nodiscard]] Result<qint64> newestSessionId();
    /// The open session, or a new one opened at `now`.
    [[nodiscard]] Result<SessionRecord> openOrCreateSession(qint64 tableId, const QDateTime &now);
    /// Copies the session's orders into order_history and closes it (same transaction as caller).
    [[nodiscard]] Status archiveAndClose(const SessionRecord &session, const QDateTime &now);
    [[nodiscard]] Result<HistoryPage> history(qint64 tableId, const QDateTime &from,
                                              const QDateTime &to, int limit, int offset);

private:
    QSqlDatabase m_db;
    QSqlQuery m_byId;
    QSqlQuery m_openSession;
    QSqlQuery m_insertSession;
};

} // namespace tableorder::edge
