#include "principal.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

Principal Principal::fromClaims(const QJsonObject &claims)
{
    Principal p;
    p.role = parseRole(claims.value(u"role"_s).toString()).value_or(Role::Table);
    p.tableId = claims.value(u"tid"_s).toInteger();
    p.staffId = claims.value(u"uid"_s).toInteger();
    p.subject = claims.value(u"sub"_s).toString();
    return p;
}

QJsonObject Principal::claims() const
{
    QJsonObject claims{{u"role"_s, roleName(role)}, {u"sub"_s, subject}};
    if (tableId)
        claims.insert(u"tid"_s, tableId);
    if (staffId)
        claims.insert(u"uid"_s, staffId);
    return claims;
}

} // namespace tableorder::edge
