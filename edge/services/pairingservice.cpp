#include "pairingservice.h"

#include "crypto.h"
#include "humancode.h"
#include "storage/tablerepository.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

constexpr int codeLength = 12;
// A used or expired code keeps its clear answer this long after it expired.
constexpr qint64 rememberMs = 3600 * 1000;

QByteArray digest(const QString &normalized)
{
    return QCryptographicHash::hash(normalized.toLatin1(), QCryptographicHash::Sha256);
}

} // namespace

PairingService::PairingService(TableRepository &tables, Settings settings)
    : m_tables(tables), m_settings(settings)
{
    m_clock.start();
}

QString PairingService::normalize(const QString &text)
{
    return humancode::normalize(text, codeLength);
}

QString PairingService::display(const QString &code)
{
    return code.left(4) + u'-' + code.mid(4, 4) + u'-' + code.mid(8);
}

Result<PairingCode> PairingService::issue(qint64 tableId)
{
    auto table = m_tables.byId(tableId);
    if (!table)
        return fail(table.error());
    if (!table->has_value())
        return fail(Error::notFound(u"table"_s));
    prune();
    // 8 random bytes, 5 bits per character: 60 bits, unguessable in ten minutes at the
    // login rate limits.
    const QString code = humancode::encode(crypto::randomBytes(8), codeLength);

    if (auto previous = m_liveByTable.constFind(tableId); previous != m_liveByTable.constEnd()) {
        if (auto entry = m_codes.find(*previous); entry != m_codes.end() && entry->state == State::Live)
            entry->state = State::Replaced;
    }
    const QByteArray key = digest(code);
    const qint64 ttlMs = qint64(m_settings.ttlSeconds) * 1000;
    m_codes.insert(key, Entry{tableId, now() + ttlMs, 0, State::Live});
    m_liveByTable.insert(tableId, key);
    return PairingCode{code, tableId, (*table)->number,
                       QDateTime::currentDateTimeUtc().addSecs(m_settings.ttlSeconds), m_settings.ttlSeconds};
}

Result<qint64> PairingService::redeem(int tableNumber, const QString &text)
{
    const QString code = normalize(text);
    if (code.isEmpty())
        return fail(ErrorCode::InvalidCredentials, u"wrong pairing code"_s);
    auto entry = m_codes.find(digest(code));
    if (entry == m_codes.end())
        return fail(ErrorCode::InvalidCredentials, u"wrong pairing code"_s);
    auto table = m_tables.byId(entry->tableId);
    if (!table)
        return fail(table.error());
    if (!table->has_value())
        return fail(ErrorCode::PairingCodeExpired, u"the table of this pairing code was removed"_s);
    if ((*table)->number != tableNumber)
        return fail(ErrorCode::InvalidCredentials,
                    u"this pairing code is not for table %1: show the QR of that table"_s.arg(tableNumber));
    const qint64 t = now();
    switch (entry->state) {
    case State::Used:
        return fail(ErrorCode::PairingCodeUsed,
                    u"this pairing code was already used %1 s ago: show a new QR on the manager screen"_s
                            .arg((t - entry->usedMs) / 1000));
    case State::Replaced:
        return fail(ErrorCode::PairingCodeExpired,
                    u"this pairing code was replaced by a newer one: scan the QR the manager screen shows now"_s);
    case State::Cancelled:
        return fail(ErrorCode::PairingCodeExpired,
                    u"this pairing code was cancelled on the manager screen: show a new QR"_s);
    case State::Live:
        break;
    }
    if (t >= entry->expiresMs)
        return fail(ErrorCode::PairingCodeExpired,
                    u"this pairing code expired %1 s ago (codes last %2 s): show a new QR on the manager screen"_s
                            .arg((t - entry->expiresMs) / 1000)
                            .arg(m_settings.ttlSeconds));
    entry->state = State::Used;
    entry->usedMs = t;
    m_liveByTable.remove(entry->tableId);
    return entry->tableId;
}

bool PairingService::cancel(qint64 tableId, const QString &code)
{
    const QByteArray key = m_liveByTable.value(tableId);
    if (key.isEmpty() || (!code.isEmpty() && digest(normalize(code)) != key))
        return false;
    m_liveByTable.remove(tableId);
    auto entry = m_codes.find(key);
    if (entry == m_codes.end() || entry->state != State::Live)
        return false;
    entry->state = State::Cancelled;
    return true;
}

void PairingService::prune()
{
    const qint64 t = now();
    for (auto it = m_codes.begin(); it != m_codes.end();) {
        if (t - it->expiresMs > rememberMs) {
            if (m_liveByTable.value(it->tableId) == it.key())
                m_liveByTable.remove(it->tableId);
            it = m_codes.erase(it);
        } else {
            ++it;
        }
    }
    while (m_codes.size() >= m_settings.maxCodes) {
        // Rare (thousands of codes in an hour): drop the one that expires first.
        auto oldest = m_codes.begin();
        for (auto it = m_codes.begin(); it != m_codes.end(); ++it)
            if (it->expiresMs < oldest->expiresMs)
                oldest = it;
        if (m_liveByTable.value(oldest->tableId) == oldest.key())
            m_liveByTable.remove(oldest->tableId);
        m_codes.erase(oldest);
    }
}

} // namespace tableorder::edge
