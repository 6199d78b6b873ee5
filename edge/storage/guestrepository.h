#pragma once

#include "domain.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace tableorder::edge {

/// A table as a guest's printed code names it.
struct GuestTable
{
    qint64 id = 0;
    int number = 0;
    QString code;
};

/// A phone's token as stored: its digest's row.
struct GuestTokenRecord
{
    qint64 id = 0;
    qint64 tableId = 0;
    int tableNumber = 0;
    qint64 sessionId = 0; // 0: not bound to a visit yet
    QString admittedBy;   // visit_code | staff | table_code
    QDateTime expiresAt;
};

/// Guests' SQL (issue 16): the tables' printed codes, visits opened to phones by staff, the
/// store's "a table code alone may order" switch, and the phones' tokens (digests only).
class GuestRepository
{
public:
    explicit GuestRepository(QSqlDatabase db);

    /// The table (in service) whose printed code is `code`, if any.
    [[nodiscard]] Result<std::optional<GuestTable>> tableByCode(const QString &code);
    /// Every table in service with its code, by number.
    [[nodiscard]] Result<QList<GuestTable>> tables();
    /// Tables in service without a code yet (new since), to give one.
    [[nodiscard]] Result<QList<qint64>> tablesWithoutCode();
    /// CONFLICT when the code is taken (the caller draws another).
    [[nodiscard]] Status setCode(qint64 tableId, const QString &code);

    [[nodiscard]] Result<bool> sessionOpenToGuests(qint64 sessionId);
    [[nodiscard]] Status openSessionToGuests(qint64 sessionId);
    /// The highest session id the table ever had (0: none).
    [[nodiscard]] Result<qint64> lastSessionOfTable(qint64 tableId);

    [[nodiscard]] Result<QString> storeName();
    [[nodiscard]] Result<bool> selfOpen();
    [[nodiscard]] Status setSelfOpen(bool on);

    [[nodiscard]] Result<qint64> insertToken(const QByteArray &digest, qint64 tableId, qint64 sessionId,
                                             const QString &admittedBy, const QDateTime &now,
                                             const QDateTime &expiresAt);
    [[nodiscard]] Result<std::optional<GuestTokenRecord>> tokenByDigest(const QByteArray &digest);
    [[nodiscard]] Status bindToken(qint64 tokenId, qint64 sessionId);
    /// Forgets tokens that expired before `now`.
    [[nodiscard]] Status pruneTokens(const QDateTime &now);

private:
    QSqlDatabase m_db;
    QSqlQuery m_tokenByDigest;
    QSqlQuery m_tableByCode;
};

} // namespace tableorder::edge
