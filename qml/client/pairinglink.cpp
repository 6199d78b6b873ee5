#include "pairinglink.h"

#include "certificatepins.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace tableorder::client {

namespace {

bool isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == u"localhost"_s || host.endsWith(u".localhost"_s))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

std::expected<PairingLink, QString> PairingLink::parse(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().toLower() != u"tableorder"_s || url.host().toLower() != u"pair"_s)
        return std::unexpected(u"not a pairing link (tableorder://pair?...)"_s);
    const QUrlQuery query(url);
    PairingLink link;
    link.edge = QUrl(query.queryItemValue(u"edge"_s, QUrl::FullyDecoded), QUrl::StrictMode);
    const QString scheme = link.edge.scheme().toLower();
    if (!link.edge.isValid() || link.edge.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s)
        || !link.edge.userInfo().isEmpty() || !link.edge.query().isEmpty() || !link.edge.fragment().isEmpty())
        return std::unexpected(u"the link has no valid edge address"_s);
    link.edge.setPath({});
    if (scheme == u"https"_s) {
        link.fingerprint = CertificatePins::normalize(query.queryItemValue(u"fp"_s));
        if (link.fingerprint.isEmpty())
            return std::unexpected(u"the link has no valid certificate fingerprint for its https edge"_s);
    }
    const QString table = query.queryItemValue(u"table"_s);
    const QString code = query.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    if (table.isEmpty() != code.isEmpty())
        return std::unexpected(u"the link has a table without a pairing code, or a code without a table"_s);
    if (!table.isEmpty()) {
        bool ok = false;
        link.tableNumber = table.toInt(&ok);
        if (!ok || link.tableNumber < 1 || link.tableNumber > 9999)
            return std::unexpected(u"the link's table number is not from 1 to 9999"_s);
        static const QRegularExpression codeChars(u"^[A-Za-z0-9-]{1,64}$"_s);
        if (!codeChars.match(code).hasMatch())
            return std::unexpected(u"the link's pairing code is not valid"_s);
        link.code = code;
    }
    return link;
}

QString PairingLink::toString() const
{
    // Built by hand: the edge's URL goes in percent-encoded whole, and nothing else needs it.
    QString out = u"tableorder://pair?edge="_s
            + QString::fromLatin1(QUrl::toPercentEncoding(edge.toString(QUrl::FullyEncoded)));
    if (!fingerprint.isEmpty())
        out += u"&fp="_s + fingerprint;
    if (hasTable())
        out += u"&table=%1&code=%2"_s.arg(tableNumber).arg(QString::fromLatin1(QUrl::toPercentEncoding(code)));
    return out;
}

QUrl PairingLink::edgeForTablets(const QUrl &managerUrl, const QStringList &edgeUrls)
{
    if (!isLoopback(managerUrl) || edgeUrls.isEmpty())
        return managerUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    return QUrl(edgeUrls.first());
}

} // namespace tableorder::client
