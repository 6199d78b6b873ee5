#include "guestservice.h"

#include "crypto.h"
#include "database.h"
#include "humancode.h"
#include "storage/tablerepository.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

QByteArray digest(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

} // namespace

Principal Guest::principal() const
{
    Principal p;
    p.role = Role::Table;
    p.tableId = tableId;
    p.tableNumber = tableNumber;
    p.subject = u"guest:%1"_s.arg(tokenId);
    p.tokenId = u"guest-%1"_s.arg(tokenId);
    p.visitId = sessionId;
    p.guest = true;
    return p;
}

GuestService::GuestService(QSqlDatabase db, GuestRepository &guests, TableRepository &tables,
                           const QByteArray &secret, int tokenHours)
    : m_db(std::move(db)), m_guests(guests), m_tables(tables),
      // A key of its own: a visit code never doubles as anything the JWT secret signs.
      m_visitKey(QMessageAuthenticationCode::hash("tableorder guest visit codes", secret,
                                                  QCryptographicHash::Sha256)),
      m_tokenHours(tokenHours)
{
}

Result<QString> GuestService::assignCode(qint64 tableId)
{
    // 50 random bits; a collision (never seen in practice) just draws again.
    for (int attempt = 0; attempt < 8; ++attempt) {
        const QString code = humancode::encode(crypto::randomBytes(8), tableCodeLength);
        auto set = m_guests.setCode(tableId, code);
        if (set)
            return code;
        if (set.error().code != ErrorCode::Conflict)
            return fail(set.error());
    }
    return fail(Error::internal());
}

Status GuestService::ensureCodes()
{
    auto missing = m_guests.tablesWithoutCode();
    if (!missing)
        return fail(missing.error());
    if (missing->isEmpty())
        return {};
    db::Transaction tx(m_db);
    for (qint64 id : std::as_const(*missing)) {
        if (auto code = assignCode(id); !code)
            return fail(code.error());
    }
    return tx.commit();
}

Result<QList<GuestTable>> GuestService::tables()
{
    if (auto ok = ensureCodes(); !ok)
        return fail(ok.error());
    return m_guests.tables();
}

Result<GuestTable> GuestService::regenerateCode(qint64 tableId)
{
    auto table = m_tables.byId(tableId);
    if (!table)
        return fail(table.error());
    if (!table->has_value())
        return fail(Error::notFound(u"table"_s));
    db::Transaction tx(m_db);
    auto code = assignCode(tableId);
    if (!code)
        return fail(code.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    return GuestTable{tableId, (*table)->number, *code};
}

QString GuestService::visitCodeFor(qint64 tableId, const QString &state) const
{
    const QByteArray mac = QMessageAuthenticationCode::hash(u"%1|%2"_s.arg(tableId).arg(state).toUtf8(),
                                                            m_visitKey, QCryptographicHash::Sha256);
    return humancode::encode(mac, visitCodeLength);
}

Result<QString> GuestService::visitState(qint64 tableId)
{
    // Open: the visit's id. Free: the last visit the table had, so the code of a free table
    // also changes once a visit has come and gone.
    auto open = m_tables.openSession(tableId);
    if (!open)
        return fail(open.error());
    if (open->has_value())
        return u"open:%1"_s.arg((*open)->id);
    auto last = m_guests.lastSessionOfTable(tableId);
    if (!last)
        return fail(last.error());
    return u"free:%1"_s.arg(*last);
}

Result<VisitCode> GuestService::visitCode(qint64 tableId)
{
    if (auto ok = ensureCodes(); !ok)
        return fail(ok.error());
    auto state = visitState(tableId);
    if (!state)
        return fail(state.error());
    auto open = m_tables.openSession(tableId);
    if (!open)
        return fail(open.error());
    QString tableCode;
    auto all = m_guests.tables();
    if (!all)
        return fail(all.error());
    for (const GuestTable &t : std::as_const(*all)) {
        if (t.id == tableId)
            tableCode = t.code;
    }
    if (tableCode.isEmpty())
        return fail(Error::notFound(u"table"_s));
    return VisitCode{visitCodeFor(tableId, *state), tableCode, open->has_value() ? (*open)->id : 0};
}

Result<GuestJoin> GuestService::join(const QString &tableCodeText, const QString &visitCodeText)
{
    const QString tableCode = humancode::normalize(tableCodeText, tableCodeLength);
    if (tableCode.isEmpty())
        return fail(Error::notFound(u"table code"_s));
    auto table = m_guests.tableByCode(tableCode);
    if (!table)
        return fail(table.error());
    if (!table->has_value())
        return fail(Error::notFound(u"table code"_s));
    const GuestTable &t = **table;
    const QDateTime now = QDateTime::currentDateTimeUtc();

    db::Transaction tx(m_db);
    auto open = m_tables.openSession(t.id);
    if (!open)
        return fail(open.error());
    qint64 sessionId = open->has_value() ? (*open)->id : 0;
    QString admittedBy;
    if (!visitCodeText.isEmpty()) {
        const QString visitCode = humancode::normalize(visitCodeText, visitCodeLength);
        auto state = visitState(t.id);
        if (!state)
            return fail(state.error());
        if (visitCode.isEmpty() || visitCode != visitCodeFor(t.id, *state))
            return fail(ErrorCode::VisitCodeInvalid,
                        u"this is not the code the table's tablet shows now; scan it again"_s);
        if (!sessionId) {
            // The tablet of a free table admits its new guests: their visit starts now.
            auto session = m_tables.openOrCreateSession(t.id, now);
            if (!session)
                return fail(session.error());
            sessionId = session->id;
        }
        admittedBy = u"visit_code"_s;
    } else {
        bool staffOpened = false;
        if (sessionId) {
            auto opened = m_guests.sessionOpenToGuests(sessionId);
            if (!opened)
                return fail(opened.error());
            staffOpened = *opened;
        }
        auto self = m_guests.selfOpen();
        if (!self)
            return fail(self.error());
        if (staffOpened)
            admittedBy = u"staff"_s;
        else if (*self)
            admittedBy = u"table_code"_s;
        else
            return fail(ErrorCode::VisitCodeRequired,
                        u"to order, scan the code on the table's tablet or ask staff to open the table"_s,
                        QJsonObject{{u"table"_s, QJsonObject{{u"number"_s, t.number}}}});
    }
    const QString token = crypto::randomToken(32);
    const QDateTime expiresAt = now.addSecs(qint64(m_tokenHours) * 3600);
    auto id = m_guests.insertToken(digest(token.toLatin1()), t.id, sessionId, admittedBy, now, expiresAt);
    if (!id)
        return fail(id.error());
    if (auto ok = m_guests.pruneTokens(now); !ok)
        return fail(ok.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    return GuestJoin{token, t, sessionId, admittedBy, expiresAt};
}

Result<Guest> GuestService::authenticate(QByteArrayView token)
{
    if (token.isEmpty())
        return fail(ErrorCode::Unauthenticated, u"join the table first (POST /api/v1/guest/join)"_s);
    if (token.size() > 128)
        return fail(ErrorCode::InvalidToken, u"invalid token"_s);
    auto record = m_guests.tokenByDigest(digest(token));
    if (!record)
        return fail(record.error());
    if (!record->has_value())
        return fail(ErrorCode::InvalidToken, u"invalid token"_s);
    const GuestTokenRecord &r = **record;
    if (r.expiresAt <= QDateTime::currentDateTimeUtc())
        return fail(ErrorCode::TokenExpired, u"this phone's session has expired; scan the table's code again"_s);
    auto open = m_tables.openSession(r.tableId);
    if (!open)
        return fail(open.error());
    const qint64 openId = open->has_value() ? (*open)->id : 0;
    Guest guest{r.id, r.tableId, r.tableNumber, r.sessionId};
    if (r.sessionId) {
        if (openId != r.sessionId)
            return fail(ErrorCode::VisitEnded, u"this visit has ended; scan the table's code to order again"_s);
        return guest;
    }
    // Not bound yet: admitted by the table code alone, which the store must still allow.
    auto self = m_guests.selfOpen();
    if (!self)
        return fail(self.error());
    if (!*self)
        return fail(ErrorCode::VisitCodeRequired,
                    u"to order, scan the code on the table's tablet or ask staff to open the table"_s);
    if (openId) {
        if (auto ok = bind(guest, openId); !ok)
            return fail(ok.error());
        guest.sessionId = openId;
    }
    return guest;
}

Status GuestService::bind(const Guest &guest, qint64 sessionId)
{
    if (guest.sessionId || !sessionId)
        return {};
    return m_guests.bindToken(guest.tokenId, sessionId);
}

Result<qint64> GuestService::openVisitToGuests(qint64 tableId)
{
    auto table = m_tables.byId(tableId);
    if (!table)
        return fail(table.error());
    if (!table->has_value())
        return fail(Error::notFound(u"table"_s));
    db::Transaction tx(m_db);
    auto session = m_tables.openOrCreateSession(tableId, QDateTime::currentDateTimeUtc());
    if (!session)
        return fail(session.error());
    if (auto ok = m_guests.openSessionToGuests(session->id); !ok)
        return fail(ok.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    return session->id;
}

} // namespace tableorder::edge
