#pragma once

#include "error.h"
#include "hqauthservice.h"

#include <QDateTime>

namespace tableorder::central {

class StreamTicketRepository;

struct StreamTicket
{
    QString ticket;
    QDateTime expiresAt;
};

/// Short-lived, single-use tickets that open an HQ event stream (GET /api/v1/feed?ticket=):
/// EventSource cannot send an Authorization header, and the bearer token itself must never
/// travel in a URL (logs, proxies, browser history). A ticket is worth one stream, for
/// kTicketSeconds, on any instance sharing the database.
class StreamTicketService
{
public:
    static constexpr int kTicketSeconds = 30;

    explicit StreamTicketService(StreamTicketRepository &tickets);

    [[nodiscard]] Result<StreamTicket> issue(const HqPrincipal &who);
    /// The account the ticket was issued to; INVALID_TOKEN when it is unknown or was used,
    /// TOKEN_EXPIRED when it is too old. Either way the ticket is gone.
    [[nodiscard]] Result<HqPrincipal> redeem(QByteArrayView ticket);

private:
    StreamTicketRepository &m_tickets;
};

} // namespace tableorder::central
