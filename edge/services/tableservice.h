#pragma once

#include "domain.h"
#include "storage/tablerepository.h"

#include <QObject>
#include <QSqlDatabase>

namespace tableorder::edge {

struct StoreLimits;
class EventLog;

struct ClosedSession
{
    qint64 tableId = 0;
    int tableNumber = 0;
    qint64 sessionId = 0;
    QDateTime closedAt;
};

/// Tables, their passwords, and the manager's close-session and history views.
class TableService : public QObject
{
    Q_OBJECT
public:
    TableService(QSqlDatabase db, TableRepository &tables, EventLog &events, const StoreLimits &limits,
                 QObject *parent = nullptr);

    [[nodiscard]] Result<QList<TableInfo>> overview();
    [[nodiscard]] Result<TableInfo> create(int number, const QString &password);
    [[nodiscard]] Result<TableInfo> update(qint64 id, std::optional<int> number,
                                           std::optional<QString> password);
    /// The table's open session (the party REST and its streams are scoped to) and the
    /// store's newest session id.
    [[nodiscard]] Result<TableVisit> currentVisit(qint64 tableId);
    /// NO_OPEN_SESSION (409) when the table is already free.
    [[nodiscard]] Result<ClosedSession> closeSession(qint64 tableId);
    [[nodiscard]] Result<HistoryPage> history(qint64 tableId, const QDateTime &from,
                                              const QDateTime &to, int limit, int offset);

private:
    QSqlDatabase m_db;
    TableRepository &m_tables;
    EventLog &m_events;
    const StoreLimits &m_limits;
};

} // namespace tableorder::edge
