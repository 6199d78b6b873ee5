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
    p.name = claims.value(u"name"_s).toString();
    p.tableNumber = claims.value(u"tn"_s).toInt();
    p.generation = claims.value(u"gen"_s).toInteger();
    p.tokenId = claims.value(u"jti"_s).toString();
    p.expiresAt = claims.value(u"exp"_s).toInteger();
    p.guest = claims.value(u"guest"_s).toBool();
    p.visitId = claims.value(u"vid"_s).toInteger();
    return p;
}

QJsonObject Principal::claims() const
{
    QJsonObject claims{{u"role"_s, roleName(role)}, {u"sub"_s, subject}};
    if (tableId)
        claims.insert(u"tid"_s, tableId);
    if (staffId)
        claims.insert(u"uid"_s, staffId);
    if (!name.isEmpty())
        claims.insert(u"name"_s, name);
    if (tableNumber)
        claims.insert(u"tn"_s, tableNumber);
    if (generation)
        claims.insert(u"gen"_s, generation);
    if (!tokenId.isEmpty())
        claims.insert(u"jti"_s, tokenId);
    if (expiresAt)
        claims.insert(u"exp"_s, expiresAt);
    if (guest)
        claims.insert(u"guest"_s, true);
    if (visitId)
        claims.insert(u"vid"_s, visitId);
    return claims;
}

QJsonObject Principal::commandLineActor()
{
    return {{u"kind"_s, u"cli"_s}};
}

QJsonObject Principal::actor() const
{
    if (isTable() && guest)
        return {{u"kind"_s, u"table"_s}, {u"table_id"_s, tableId}, {u"table_number"_s, tableNumber},
                {u"via"_s, u"phone"_s}};
    if (isTable())
        return {{u"kind"_s, u"table"_s}, {u"table_id"_s, tableId}, {u"table_number"_s, tableNumber}};
    return {{u"kind"_s, u"staff"_s}, {u"staff_id"_s, staffId}, {u"name"_s, name}, {u"role"_s, roleName(role)}};
}

} // namespace tableorder::edge
