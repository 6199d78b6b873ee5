#include "trustedproxies.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tableorder::http {

QHostAddress normalizedAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

Result<TrustedProxies> TrustedProxies::parse(const QString &list)
{
    TrustedProxies proxies;
    static const QRegularExpression separators(u"[,\\s]+"_s);
    for (const QString &entry : list.split(separators, Qt::SkipEmptyParts)) {
        std::pair<QHostAddress, int> subnet;
        if (entry.contains(u'/'))
            subnet = QHostAddress::parseSubnet(entry);
        else if (QHostAddress address(entry); !address.isNull())
            subnet = {address, address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        if (subnet.first.isNull() || subnet.second < 0)
            return fail(Error::validation(u"trusted-proxy"_s,
                                          u"%1 is not an IP address or CIDR subnet"_s.arg(entry)));
        proxies.m_subnets.append(subnet);
    }
    return proxies;
}

bool TrustedProxies::contains(const QHostAddress &address) const
{
    const QHostAddress plain = normalizedAddress(address);
    for (const auto &subnet : m_subnets) {
        if (plain.isInSubnet(subnet))
            return true;
    }
    return false;
}

QHostAddress TrustedProxies::clientAddress(const QHostAddress &peer, QByteArrayView forwardedFor) const
{
    QHostAddress client = normalizedAddress(peer);
    if (!contains(client))
        return client;
    const QList<QByteArray> hops = QByteArray(forwardedFor.data(), forwardedFor.size()).split(',');
    for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
        QByteArray text = hop->trimmed();
        // "[2001:db8::1]:443" and "1.2.3.4:5678" carry a port some proxies add.
        if (text.startsWith('[') && text.contains(']'))
            text = text.mid(1, text.indexOf(']') - 1);
        else if (text.count(':') == 1)
            text.truncate(text.indexOf(':'));
        const QHostAddress address(QString::fromLatin1(text));
        if (address.isNull())
            return client;
        client = normalizedAddress(address);
        if (!contains(client))
            return client;
    }
    return client;
}

} // namespace tableorder::http
