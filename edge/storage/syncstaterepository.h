#pragma once

#include "error.h"
#include "sync/syncmessages.h"

#include <QSqlDatabase>

namespace tableorder::edge {

using DailyTotal = sync::DailyTotal;

/// Key-value sync state, and the edge's own daily figures for reconciliation.
class SyncStateRepository
{
public:
    explicit SyncStateRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] Result<QString> get(const QString &key, const QString &fallback = {});
    [[nodiscard]] Status set(const QString &key, const QString &value);
    /// set() without waiting for the disk (the WAL is flushed by the next durable commit): for
    /// a value whose loss in a power cut is harmless, such as the position central has
    /// acknowledged (an older one only makes the edge resend events central skips as
    /// duplicates). Saves a flush on the event loop per upload.
    [[nodiscard]] Status setWithoutFlush(const QString &key, const QString &value);
    /// Orders not canceled and their total, per business date, for the given dates.
    [[nodiscard]] Result<QList<DailyTotal>> dailyTotals(const QStringList &businessDates);

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::edge
