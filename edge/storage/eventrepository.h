#pragma once

#include "error.h"
#include "event.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace tableorder::edge {

/// The store's event log (table `events`).
class EventRepository
{
public:
    explicit EventRepository(QSqlDatabase db);

    /// Appends inside the caller's transaction; fills seq and id.
    [[nodiscard]] Status append(Event &event);
    /// Events with seq > after, oldest first, at most limit; tableId > 0 keeps that table's
    /// events and the store-wide ones (table_id NULL).
    [[nodiscard]] Result<QList<Event>> since(qint64 after, int limit, qint64 tableId = 0);
    [[nodiscard]] Result<qint64> lastSeq();
    [[nodiscard]] Result<qint64> firstSeq();
    /// Deletes events with seq < keepFrom; returns how many.
    [[nodiscard]] Result<int> pruneBefore(qint64 keepFrom);

private:
    QSqlDatabase m_db;
    QSqlQuery m_append;
};

} // namespace tableorder::edge
