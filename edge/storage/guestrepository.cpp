#include "guestrepository.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

GuestRepository::GuestRepository(QSqlDatabase db)
    : m_db(std::move(db)),
      m_tokenByDigest(db::prepared(m_db, uR"(
          SELECT g.id, g.table_id, t.number, COALESCE(g.session_id, 0), g.admitted_by, g.expires_at
          FROM guest_tokens g JOIN tables t ON t.id = g.table_id AND t.removed_at IS NULL
          WHERE g.digest = ?)"_s)),
      m_tableByCode(db::prepared(m_db, u"SELECT id, number, guest_code FROM tables "
                                        "WHERE guest_code = ? AND removed_at IS NULL"_s))
{
}

Result<std::optional<GuestTable>> GuestRepository::tableByCode(const QString &code)
{
    QSqlQuery &q = m_tableByCode;
    q.addBindValue(code);
    if (auto ok = db::exec(q, "read table by code"); !ok)
        return fail(ok.error());
    std::optional<GuestTable> table;
    if (q.next())
        table = GuestTable{q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString()};
    q.finish();
    return table;
}

Result<QList<GuestTable>> GuestRepository::tables()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, number, COALESCE(guest_code, '') FROM tables "
                                      "WHERE removed_at IS NULL ORDER BY number"_s);
    if (auto ok = db::exec(q, "read table codes"); !ok)
        return fail(ok.error());
    QList<GuestTable> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString()});
    return out;
}

Result<QList<qint64>> GuestRepository::tablesWithoutCode()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id FROM tables WHERE guest_code IS NULL AND removed_at IS NULL"_s);
    if (auto ok = db::exec(q, "read tables without code"); !ok)
        return fail(ok.error());
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

Status GuestRepository::setCode(qint64 tableId, const QString &code)
{
    QSqlQuery taken = db::prepared(m_db, u"SELECT 1 FROM tables WHERE guest_code = ?"_s);
    taken.addBindValue(code);
    if (auto ok = db::exec(taken, "check table code"); !ok)
        return ok;
    if (taken.next())
        return fail(ErrorCode::Conflict, u"table code taken"_s);
    QSqlQuery q = db::prepared(m_db, u"UPDATE tables SET guest_code = ? WHERE id = ?"_s);
    q.addBindValue(code);
    q.addBindValue(tableId);
    return db::exec(q, "set table code");
}

Result<bool> GuestRepository::sessionOpenToGuests(qint64 sessionId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT guest_open FROM table_sessions WHERE id = ?"_s);
    q.addBindValue(sessionId);
    if (auto ok = db::exec(q, "read session guest_open"); !ok)
        return fail(ok.error());
    return q.next() && q.value(0).toInt() != 0;
}

Status GuestRepository::openSessionToGuests(qint64 sessionId)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE table_sessions SET guest_open = 1 WHERE id = ?"_s);
    q.addBindValue(sessionId);
    return db::exec(q, "open session to guests");
}

Result<qint64> GuestRepository::lastSessionOfTable(qint64 tableId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT COALESCE(MAX(id), 0) FROM table_sessions WHERE table_id = ?"_s);
    q.addBindValue(tableId);
    if (auto ok = db::exec(q, "read last session of table"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QString> GuestRepository::storeName()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT name FROM store WHERE id = 1"_s);
    if (auto ok = db::exec(q, "read store name"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toString() : QString();
}

Result<bool> GuestRepository::selfOpen()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT guest_self_open FROM store WHERE id = 1"_s);
    if (auto ok = db::exec(q, "read guest_self_open"); !ok)
        return fail(ok.error());
    return q.next() && q.value(0).toInt() != 0;
}

Status GuestRepository::setSelfOpen(bool on)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE store SET guest_self_open = ? WHERE id = 1"_s);
    q.addBindValue(on ? 1 : 0);
    return db::exec(q, "set guest_self_open");
}

Result<qint64> GuestRepository::insertToken(const QByteArray &digest, qint64 tableId, qint64 sessionId,
                                            const QString &admittedBy, const QDateTime &now,
                                            const QDateTime &expiresAt)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO guest_tokens (digest, table_id, session_id, admitted_by, "
                                      "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(digest);
    q.addBindValue(tableId);
    q.addBindValue(sessionId > 0 ? QVariant(sessionId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(admittedBy);
    q.addBindValue(timestampText(now));
    q.addBindValue(timestampText(expiresAt));
    if (auto ok = db::exec(q, "insert guest token"); !ok)
        return fail(ok.error());
    return q.lastInsertId().toLongLong();
}

Result<std::optional<GuestTokenRecord>> GuestRepository::tokenByDigest(const QByteArray &digest)
{
    QSqlQuery &q = m_tokenByDigest;
    q.addBindValue(digest);
    if (auto ok = db::exec(q, "read guest token"); !ok)
        return fail(ok.error());
    std::optional<GuestTokenRecord> token;
    if (q.next())
        token = GuestTokenRecord{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(),
                                 q.value(3).toLongLong(), q.value(4).toString(),
                                 parseTimestamp(q.value(5).toString())};
    q.finish();
    return token;
}

Status GuestRepository::bindToken(qint64 tokenId, qint64 sessionId)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE guest_tokens SET session_id = ? WHERE id = ? AND session_id IS NULL"_s);
    q.addBindValue(sessionId);
    q.addBindValue(tokenId);
    return db::exec(q, "bind guest token");
}

Status GuestRepository::pruneTokens(const QDateTime &now)
{
    QSqlQuery q = db::prepared(m_db, u"DELETE FROM guest_tokens WHERE expires_at < ?"_s);
    q.addBindValue(timestampText(now));
    return db::exec(q, "prune guest tokens");
}

} // namespace tableorder::edge
