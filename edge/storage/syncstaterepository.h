#pragma once

#include "error.h"

#include <QSqlDatabase>

namespace tableorder::edge {

struct DailyTotal
{
    QString businessDate;
    qint64 orders = 0;
    qint64 total = 0;
};

/// Key-value sync state, and the edge's own daily figures for reconciliation.
class SyncStateRepository
{
public:
    explicit SyncStateRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] Result<QString> get(const QString &key, const QString &fallback = {});
    [[nodiscard]] Status set(const QString &key, const QString &value);
    /// Orders not canceled and their total, per business date, for the given dates.
    [[nodiscard]] Result<QList<DailyTotal>> dailyTotals(const QStringList &businessDates);

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::edge
