#include "streamtickets.h"

#include "crypto.h"
#include "storage/streamticketrepository.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::central {

StreamTicketService::StreamTicketService(StreamTicketRepository &tickets) : m_tickets(tickets) {}

Result<StreamTicket> StreamTicketService::issue(const HqPrincipal &who)
{
    const QString ticket = u"stk_"_s + crypto::randomToken(32);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime expires = now.addSecs(kTicketSeconds);
    if (auto ok = m_tickets.insert(crypto::sha256Hex(ticket.toUtf8()).toLatin1(),
                                   QJsonDocument(who.claims()).toJson(QJsonDocument::Compact),
                                   expires.toMSecsSinceEpoch(), now.toMSecsSinceEpoch());
        !ok)
        return fail(ok.error());
    return StreamTicket{ticket, expires};
}

Result<HqPrincipal> StreamTicketService::redeem(QByteArrayView ticket)
{
    if (ticket.isEmpty() || ticket.size() > 128)
        return fail(ErrorCode::InvalidToken, u"unknown or used stream ticket"_s);
    auto taken = m_tickets.take(crypto::sha256Hex(ticket.toByteArray()).toLatin1());
    if (!taken)
        return fail(taken.error());
    if (!*taken)
        return fail(ErrorCode::InvalidToken, u"unknown or used stream ticket"_s);
    if ((*taken)->second < QDateTime::currentMSecsSinceEpoch())
        return fail(ErrorCode::TokenExpired, u"the stream ticket expired; ask for a new one"_s);
    return HqPrincipal::fromClaims(QJsonDocument::fromJson((*taken)->first).object());
}

} // namespace tableorder::central
