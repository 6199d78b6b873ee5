#pragma once

#include "domain.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>

namespace tableorder::edge {

class TableRepository;

/// A code that pairs one tablet with one table, as the manager's screen shows it.
struct PairingCode
{
    /// 12 characters of Crockford's base32 (60 bits), shown as XXXX-XXXX-XXXX.
    QString code;
    qint64 tableId = 0;
    int tableNumber = 0;
    QDateTime expiresAt;
    int ttlSeconds = 0;
};

/// Short-lived single-use pairing codes: a manager issues one for a table (the QR the
/// manager screen shows carries it), a tablet exchanges it once for that table's token, so a
/// photo of the QR taken later pairs nothing and the table's password never travels in it.
/// Held in memory only, as SHA-256 digests: a restart forgets every code (the manager shows
/// a new one). A table has one live code at a time: a new one replaces the previous.
/// Codes used, expired or replaced are remembered for an hour after they expire so that a
/// second attempt gets a clear answer instead of "wrong code".
class PairingService
{
public:
    struct Settings
    {
        int ttlSeconds = 600;
        /// Codes remembered at most; the oldest are forgotten past it.
        int maxCodes = 10'000;
    };

    PairingService(TableRepository &tables, Settings settings);

    /// A new code for the table `tableId` (NOT_FOUND when there is none).
    [[nodiscard]] Result<PairingCode> issue(qint64 tableId);
    /// Consumes `code` for table number `tableNumber` and returns the table's id.
    /// INVALID_CREDENTIALS for an unknown code or a code of another table (the code stays
    /// usable for its own table), PAIRING_CODE_USED, PAIRING_CODE_EXPIRED (also when replaced
    /// by a newer code or when its table was removed).
    [[nodiscard]] Result<qint64> redeem(int tableNumber, const QString &code);
    /// Voids the table's live code if it is `code` (the manager closed its QR unused), or
    /// whatever code is live when `code` is empty; true if one was voided. Naming the code
    /// keeps a late cancel from voiding the newer code the manager asked for since.
    bool cancel(qint64 tableId, const QString &code = {});

    /// "abcd efgh-jkmn" -> "ABCDEFGHJKMN" (Crockford: I and L read as 1, O as 0); empty when
    /// it cannot be a code.
    [[nodiscard]] static QString normalize(const QString &text);
    /// "ABCDEFGHJKMN" -> "ABCD-EFGH-JKMN".
    [[nodiscard]] static QString display(const QString &code);

    [[nodiscard]] const Settings &settings() const { return m_settings; }
    /// For tests: pretend `ms` more milliseconds have passed.
    void advance(qint64 ms) { m_offsetMs += ms; }

private:
    enum class State { Live, Used, Replaced, Cancelled };
    struct Entry
    {
        qint64 tableId = 0;
        qint64 expiresMs = 0;
        qint64 usedMs = 0;
        State state = State::Live;
    };
    [[nodiscard]] qint64 now() const { return m_clock.elapsed() + m_offsetMs; }
    void prune();

    TableRepository &m_tables;
    Settings m_settings;
    QHash<QByteArray, Entry> m_codes;       // SHA-256 of the code -> entry
    QHash<qint64, QByteArray> m_liveByTable; // table id -> digest of its live code
    QElapsedTimer m_clock;
    qint64 m_offsetMs = 0;
};

} // namespace tableorder::edge
