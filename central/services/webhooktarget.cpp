#include "webhooktarget.h"

#include <QHostInfo>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {

const QList<std::pair<QHostAddress, int>> &internalRanges()
{
    static const QList<std::pair<QHostAddress, int>> ranges = [] {
        QList<std::pair<QHostAddress, int>> out;
        for (const char *range : {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                                  "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
                                  "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
                                  "::/128", "::1/128", "fe80::/10", "fec0::/10", "fc00::/7", "ff00::/8",
                                  "2001:db8::/32", "100::/64"})
            out.append(QHostAddress::parseSubnet(QString::fromLatin1(range)));
        return out;
    }();
    return ranges;
}

} // namespace

bool isInternalAddress(const QHostAddress &address)
{
    if (address.isNull())
        return true;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        // ::ffff:a.b.c.d and 64:ff9b::a.b.c.d reach the IPv4 address they carry.
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        static const QHostAddress nat64(u"64:ff9b::"_s);
        const bool mapped = address.isInSubnet(QHostAddress(u"::ffff:0:0"_s), 96);
        if (mapped || address.isInSubnet(nat64, 96)) {
            const quint32 v4 = (quint32(v6[12]) << 24) | (quint32(v6[13]) << 16) | (quint32(v6[14]) << 8) | v6[15];
            return isInternalAddress(QHostAddress(v4));
        }
    }
    if (address.isLoopback() || address.isLinkLocal() || address.isMulticast() || address.isBroadcast())
        return true;
    for (const auto &[subnet, bits] : internalRanges()) {
        if (subnet.protocol() == address.protocol() && address.isInSubnet(subnet, bits))
            return true;
    }
    return false;
}

std::optional<QHostAddress> firstInternal(const QList<QHostAddress> &addresses)
{
    for (const QHostAddress &a : addresses) {
        if (isInternalAddress(a))
            return a;
    }
    return std::nullopt;
}

Status checkWebhookUrl(const QString &text, bool allowInternal)
{
    const QUrl url(text, QUrl::StrictMode);
    if (text.size() > 2000 || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
        return fail(Error::validation(u"webhook_url"_s, u"webhook_url must be an http(s) URL or null"_s));
    if (allowInternal)
        return {};
    const QString host = url.host();
    QList<QHostAddress> addresses;
    if (QHostAddress literal; literal.setAddress(host)) {
        addresses = {literal};
    } else {
        const QHostInfo info = QHostInfo::fromName(host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return fail(Error::validation(u"webhook_url"_s, u"webhook_url: the host %1 does not resolve"_s.arg(host)));
        addresses = info.addresses();
    }
    if (const auto internal = firstInternal(addresses))
        return fail(Error::validation(u"webhook_url"_s, u"webhook_url: %1 is an internal address (loopback, "
                                                         "link-local or private); central refuses it unless started "
                                                         "with --allow-private-webhooks"_s
                                                                 .arg(internal->toString())));
    return {};
}

} // namespace tableorder::central
