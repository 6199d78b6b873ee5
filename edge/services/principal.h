#pragma once

#include "domain.h"

#include <QJsonObject>

namespace tableorder::edge {

/// Who is calling: a table (scoped to its own data) or a staff member with a role.
struct Principal
{
    Role role = Role::Table;
    qint64 tableId = 0;   // tables only
    qint64 staffId = 0;   // staff only
    QString subject;      // "table:3" or "staff:1", the rate-limit key
    QString name;         // staff only: the account's username when the token was issued
    int tableNumber = 0;  // tables only: the table's number when the token was issued
    // The token's own claims, for revocation: the principal's generation when it was
    // issued, its random id and its expiry (seconds since the epoch).
    qint64 generation = 0;
    QString tokenId;
    qint64 expiresAt = 0;
    /// A guest's phone (issue 16): a table principal scoped to one visit of the table.
    bool guest = false;
    /// Guests: the visit (session id) their token belongs to; 0: not bound yet (the
    /// first order may open the table's visit). An order into another visit is VISIT_ENDED.
    qint64 visitId = 0;

    [[nodiscard]] bool isTable() const { return role == Role::Table; }
    [[nodiscard]] bool isStaff() const { return role != Role::Table; }
    /// Kitchen work (order status, kitchen receipts): the kitchen and managers, not floor staff.
    [[nodiscard]] bool isKitchenStaff() const { return role == Role::Kitchen || role == Role::Manager; }

    /// Who did it, as events and audit entries record it:
    /// `{kind: "table", table_id, table_number}` or `{kind: "staff", staff_id, name, role}`.
    [[nodiscard]] QJsonObject actor() const;

    /// The admin command line (`tableorder-edge user|table ...`) as an actor: `{kind: "cli"}`.
    static QJsonObject commandLineActor();

    static Principal fromClaims(const QJsonObject &claims);
    [[nodiscard]] QJsonObject claims() const;
};

} // namespace tableorder::edge
