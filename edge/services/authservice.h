#pragma once

#include "domain.h"
#include "jwt.h"
#include "principal.h"

namespace tableorder::edge {

class TableRepository;
class StaffRepository;

struct IssuedToken
{
    QString token;
    QDateTime expiresAt;
    Principal principal;
    int tableNumber = 0;
};

/// Logins for tables and staff, and verification of the tokens they get.
class AuthService
{
public:
    AuthService(TableRepository &tables, StaffRepository &staff, QByteArray secret,
                int tableTokenDays, int staffTokenHours);

    /// INVALID_CREDENTIALS for an unknown table or a wrong password (same answer, same time).
    [[nodiscard]] Result<IssuedToken> tableLogin(int number, const QString &password);
    [[nodiscard]] Result<IssuedToken> staffLogin(const QString &username, const QString &password);
    /// INVALID_TOKEN or TOKEN_EXPIRED; UNAUTHENTICATED when there is no token.
    [[nodiscard]] Result<Principal> authenticate(QByteArrayView token) const;

    [[nodiscard]] Result<qint64> addStaff(const QString &username, const QString &password, Role role);

private:
    TableRepository &m_tables;
    StaffRepository &m_staff;
    JwtSigner m_signer;
    qint64 m_tableTtl;
    qint64 m_staffTtl;
};

} // namespace tableorder::edge
