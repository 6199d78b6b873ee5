#pragma once

#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace tableorder::edge {

struct QueuedSnapshot
{
    qint64 id = 0;
    QByteArray snapshot; // a serialized sync::v1::HealthSnapshot (its id field unset)
};

/// The queue of health snapshots waiting for central: bounded, oldest dropped first.
class HealthRepository
{
public:
    explicit HealthRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// Appends a snapshot and drops the oldest beyond `maxQueued`, in one transaction;
    /// returns how many were dropped.
    [[nodiscard]] Result<qint64> enqueue(const QDateTime &takenAt, const QByteArray &snapshot, qint64 maxQueued);
    /// Oldest first.
    [[nodiscard]] Result<QList<QueuedSnapshot>> oldest(int limit);
    /// Central has stored every snapshot up to `id`.
    [[nodiscard]] Status acknowledge(qint64 id);
    [[nodiscard]] Result<qint64> count();

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::edge
