#pragma once

#include "error.h"

#include <QByteArray>
#include <QSqlDatabase>

#include <optional>

namespace tableorder::central {

/// Event-stream tickets: issued with the claims of the account that asked, taken once.
class StreamTicketRepository
{
public:
    explicit StreamTicketRepository(QSqlDatabase db);

    /// Stores a ticket (by its hash) and drops tickets expired before `nowMs`.
    [[nodiscard]] Status insert(const QByteArray &ticketHash, const QByteArray &claims, qint64 expiresAtMs,
                                qint64 nowMs);
    /// Removes the ticket and returns its claims and expiry; nullopt when there is none (never
    /// issued, or already taken).
    [[nodiscard]] Result<std::optional<std::pair<QByteArray, qint64>>> take(const QByteArray &ticketHash);

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::central
