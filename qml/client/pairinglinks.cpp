#include "pairinglinks.h"

#include "pairinglink.h"

using namespace Qt::StringLiterals;

namespace tableorder::client {

QVariantMap PairingLinks::parse(const QString &text) const
{
    const auto link = PairingLink::parse(text);
    if (!link)
        return {{u"ok"_s, false}, {u"error"_s, link.error()}};
    return {{u"ok"_s, true},
            {u"edge"_s, link->edge.toString()},
            {u"fingerprint"_s, link->fingerprint},
            {u"table"_s, link->tableNumber},
            {u"code"_s, link->code}};
}

bool PairingLinks::looksLikeLink(const QString &text) const
{
    return text.trimmed().startsWith(u"tableorder:"_s, Qt::CaseInsensitive);
}

} // namespace tableorder::client
