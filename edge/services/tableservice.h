#pragma once

#include "domain.h"
#include "event.h"
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
    /// `actor`: who made the change (Principal::actor), recorded with a `table.changed`
    /// event (never the password); the demo's seeding passes none and records none.
    [[nodiscard]] Result<TableInfo> create(int number, const QString &password, const QJsonObject &actor = {});
    /// A new password revokes the table's tokens (credentialsChanged).
    [[nodiscard]] Result<TableInfo> update(qint64 id, std::optional<int> number,
                                           std::optional<QString> password, const QJsonObject &actor = {});
    /// The table's open session (the party REST and its streams are scoped to) and the
    /// store's newest session id.
    [[nodiscard]] Result<TableVisit> currentVisit(qint64 tableId);
    /// Takes the table out of service and revokes its tokens; orders and history stay, and
    /// create() with its number later puts the same table back with a new password.
    /// CONFLICT while the table has an open session.
    [[nodiscard]] Status remove(int number, const QJsonObject &actor = {});
    [[nodiscard]] Result<HistoryPage> history(qint64 tableId, const QDateTime &from,
                                              const QDateTime &to, int limit, int offset);

signals:
    /// A change that revokes tokens was committed.
    void credentialsChanged();

private:
    /// Records table.changed inside the caller's transaction when there is an actor.
    [[nodiscard]] Result<std::optional<Event>> recordChange(qint64 tableId, int number, const QString &what,
                                                            const QJsonObject &actor);

    QSqlDatabase m_db;
    TableRepository &m_tables;
    TokenRepository &m_tokens;
    EventLog &m_events;
    const StoreLimits &m_limits;
};

} // namespace tableorder::edge
