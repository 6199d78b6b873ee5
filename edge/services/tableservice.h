#pragma once

#include "domain.h"
#include "storage/tablerepository.h"

#include <QObject>
#include <QSqlDatabase>

namespace tableorder::edge {

struct StoreLimits;
class EventLog;
class TokenRepository;

struct ClosedSession
{
    qint64 tableId = 0;
    int tableNumber = 0;
    qint64 sessionId = 0;
    QDateTime closedAt;
    QString kind;   // "paid", "closed" or "forced"
    QString reason; // the manager's reason when forced
};

/// Tables, their passwords, and the manager's history view (closing a visit: VisitService).
class TableService : public QObject
{
    Q_OBJECT
public:
    TableService(QSqlDatabase db, TableRepository &tables, TokenRepository &tokens, EventLog &events,
                 const StoreLimits &limits, QObject *parent = nullptr);

    [[nodiscard]] Result<QList<TableInfo>> overview();
    [[nodiscard]] Result<TableInfo> create(int number, const QString &password);
    /// A new password revokes the table's tokens (credentialsChanged).
    [[nodiscard]] Result<TableInfo> update(qint64 id, std::optional<int> number,
                                           std::optional<QString> password);
    /// The table's open session (the party REST and its streams are scoped to) and the
    /// store's newest session id.
    [[nodiscard]] Result<TableVisit> currentVisit(qint64 tableId);
    /// Takes the table out of service and revokes its tokens; orders and history stay, and
    /// create() with its number later puts the same table back with a new password.
    /// CONFLICT while the table has an open session.
    [[nodiscard]] Status remove(int number);
    [[nodiscard]] Result<HistoryPage> history(qint64 tableId, const QDateTime &from,
                                              const QDateTime &to, int limit, int offset);

signals:
    /// A change that revokes tokens was committed.
    void credentialsChanged();

private:
    QSqlDatabase m_db;
    TableRepository &m_tables;
    TokenRepository &m_tokens;
    EventLog &m_events;
    const StoreLimits &m_limits;
};

} // namespace tableorder::edge
