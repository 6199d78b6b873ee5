#include "streamticketrepository.h"

#include "database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace tableorder::central {

StreamTicketRepository::StreamTicketRepository(QSqlDatabase db) : m_db(std::move(db)) {}

Status StreamTicketRepository::insert(const QByteArray &ticketHash, const QByteArray &claims, qint64 expiresAtMs,
                                      qint64 nowMs)
{
    QSqlQuery prune = db::prepared(m_db, u"DELETE FROM stream_tickets WHERE expires_at < ?"_s);
    prune.addBindValue(nowMs);
    if (auto ok = db::exec(prune, "prune stream tickets"); !ok)
        return ok;
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO stream_tickets (ticket_hash, claims, expires_at) VALUES (?, ?, ?)"_s);
    q.addBindValue(QString::fromLatin1(ticketHash));
    q.addBindValue(QString::fromUtf8(claims));
    q.addBindValue(expiresAtMs);
    return db::exec(q, "insert stream ticket");
}

Result<std::optional<std::pair<QByteArray, qint64>>> StreamTicketRepository::take(const QByteArray &ticketHash)
{
    // One statement removes and reads: of two requests racing with one ticket (on one
    // instance or two), only one gets the row.
    QSqlQuery q = db::prepared(m_db, u"DELETE FROM stream_tickets WHERE ticket_hash = ? RETURNING claims, expires_at"_s);
    q.addBindValue(QString::fromLatin1(ticketHash));
    if (auto ok = db::exec(q, "take stream ticket"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<std::pair<QByteArray, qint64>>();
    return std::optional(std::pair{q.value(0).toString().toUtf8(), q.value(1).toLongLong()});
}

} // namespace tableorder::central
