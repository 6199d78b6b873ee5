#pragma once

#include "domain.h"
#include "principal.h"
#include "storage/guestrepository.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>

namespace tableorder::edge {

class TableRepository;

/// A phone admitted to a table: its token (shown once) and what it is scoped to.
struct GuestJoin
{
    QString token;
    GuestTable table;
    qint64 sessionId = 0; // 0: the first order opens the visit (store setting)
    QString admittedBy;   // visit_code | staff | table_code
    QDateTime expiresAt;
};

/// The caller of a guest route, after its token was checked.
struct Guest
{
    qint64 tokenId = 0;
    qint64 tableId = 0;
    int tableNumber = 0;
    qint64 sessionId = 0; // 0: not bound yet (it may open the table's visit)

    /// The table's principal, scoped to this phone's visit (Principal::visitId).
    [[nodiscard]] Principal principal() const;
};

/// The code a table's tablet shows as a QR: admits phones into the table's current visit
/// (or, while the table is free, opens the next one). It changes with every visit.
struct VisitCode
{
    QString code;
    QString tableCode;
    qint64 sessionId = 0; // 0: the table is free
};

/// Guests ordering from their phones (issue 16). A table's printed code (random, 50 bits,
/// regenerable) opens the menu; ordering needs being part of the current visit:
/// - the visit code the table's tablet shows (HMAC of the table and its visit, so it changes
///   with every visit and survives a restart; joining with the code of a free table opens
///   the visit),
/// - or a visit staff opened to phones,
/// - or, when the store allows it, the table code alone (the first order opens the visit).
/// A phone's token is random (256 bits), stored as its SHA-256 digest, scoped to one visit:
/// refused (VISIT_ENDED) once that visit closes, and after `tokenHours` in any case.
class GuestService
{
public:
    GuestService(QSqlDatabase db, GuestRepository &guests, TableRepository &tables, const QByteArray &secret,
                 int tokenHours);

    /// Gives every table in service without a code one (tables added since).
    [[nodiscard]] Status ensureCodes();
    /// Every table in service with its code.
    [[nodiscard]] Result<QList<GuestTable>> tables();
    /// A new code for the table: its printed cards stop working. NOT_FOUND for no such table.
    [[nodiscard]] Result<GuestTable> regenerateCode(qint64 tableId);

    /// NOT_FOUND (table code), VISIT_CODE_INVALID, VISIT_CODE_REQUIRED.
    [[nodiscard]] Result<GuestJoin> join(const QString &tableCode, const QString &visitCode);
    /// UNAUTHENTICATED, INVALID_TOKEN, TOKEN_EXPIRED, VISIT_ENDED; for a token not bound yet,
    /// bound now to the table's open visit, or VISIT_CODE_REQUIRED when the store no longer lets
    /// a table code alone order.
    [[nodiscard]] Result<Guest> authenticate(QByteArrayView token);
    /// After a not yet bound phone's first order or call opened (or joined) `sessionId`.
    [[nodiscard]] Status bind(const Guest &guest, qint64 sessionId);

    /// For the table's tablet (a table token).
    [[nodiscard]] Result<VisitCode> visitCode(qint64 tableId);
    /// Staff seat guests: the table's visit (opened now if the table is free) admits phones
    /// with the table code alone until it ends. Returns the visit's id.
    [[nodiscard]] Result<qint64> openVisitToGuests(qint64 tableId);

    [[nodiscard]] Result<QString> storeName() { return m_guests.storeName(); }
    [[nodiscard]] Result<bool> selfOpen() { return m_guests.selfOpen(); }
    [[nodiscard]] Status setSelfOpen(bool on) { return m_guests.setSelfOpen(on); }

    static constexpr int tableCodeLength = 10;
    static constexpr int visitCodeLength = 8;

private:
    [[nodiscard]] QString visitCodeFor(qint64 tableId, const QString &state) const;
    [[nodiscard]] Result<QString> visitState(qint64 tableId);
    [[nodiscard]] Result<QString> assignCode(qint64 tableId);

    QSqlDatabase m_db;
    GuestRepository &m_guests;
    TableRepository &m_tables;
    QByteArray m_visitKey;
    int m_tokenHours;
};

} // namespace tableorder::edge
