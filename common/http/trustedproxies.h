#pragma once

#include "error.h"

#include <QByteArrayView>
#include <QHostAddress>
#include <QList>

namespace tableorder::http {

/// The reverse proxies whose X-Forwarded-For is believed (addresses or CIDR subnets), and the
/// one function that turns a connection's peer and that header into the client's address.
class TrustedProxies
{
public:
    /// "127.0.0.1, 10.0.0.0/8 ::1" (commas and/or spaces); empty trusts nobody.
    [[nodiscard]] static Result<TrustedProxies> parse(const QString &list);

    [[nodiscard]] bool isEmpty() const { return m_subnets.isEmpty(); }
    [[nodiscard]] bool contains(const QHostAddress &address) const;
    /// The peer itself unless it is trusted; then X-Forwarded-For (all of its headers joined
    /// in order, as RFC 9110 5.3 allows) read from the right, skipping trusted hops: the
    /// right-most address that is not a trusted proxy. A malformed entry ends the walk at the
    /// trusted hop just right of it (what lies further left is the client's own claim).
    [[nodiscard]] QHostAddress clientAddress(const QHostAddress &peer,
                                             QByteArrayView forwardedFor) const;

private:
    QList<std::pair<QHostAddress, int>> m_subnets;
};

/// An IPv4-mapped IPv6 address (::ffff:1.2.3.4) as plain IPv4; others unchanged.
[[nodiscard]] QHostAddress normalizedAddress(const QHostAddress &address);

} // namespace tableorder::http
