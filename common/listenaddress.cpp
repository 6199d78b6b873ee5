#include "listenaddress.h"

using namespace Qt::StringLiterals;

namespace tableorder {

Result<std::pair<QHostAddress, quint16>> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon < 0 ? 0 : text.sliced(colon + 1).toUInt(&ok);
    QString host = colon < 0 ? QString() : text.first(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.sliced(1, host.size() - 2);
    QHostAddress address;
    if (host == u"localhost"_s)
        address = QHostAddress::LocalHost;
    else if (host.isEmpty() || host == u"*"_s)
        address = QHostAddress::Any;
    else
        address = QHostAddress(host);
    if (!ok || port > 65535 || address.isNull())
        return fail(Error::validation(u"listen"_s, u"--listen must be ADDRESS:PORT, e.g. 0.0.0.0:8080"_s));
    return std::pair{address, quint16(port)};
}

} // namespace tableorder
