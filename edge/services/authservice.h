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

/// What a login checks the password against, read on the event loop's thread (the database's):
/// the stored hash (empty when there is no such account) and the name to finish the login with.
struct LoginCandidate
{
    QString passwordHash;
    int tableNumber = 0;  // table logins
    QString username;     // staff logins
};

/// Logins for tables and staff, and verification of the tokens they get. A login is three
/// steps so that argon2id runs off the event loop: read the candidate, check its hash on a
/// worker (crypto::PasswordVerifier), then complete on the event loop again.
class AuthService
{
public:
    AuthService(TableRepository &tables, StaffRepository &staff, QByteArray secret,
                int tableTokenDays, int staffTokenHours);

    [[nodiscard]] Result<LoginCandidate> tableCandidate(int number);
    [[nodiscard]] Result<LoginCandidate> staffCandidate(const QString &username);
    /// After the password matched candidate.passwordHash: the token, provided the account still
    /// has that hash (a password changed while it was being checked fails the login).
    /// INVALID_CREDENTIALS otherwise, the same answer as a wrong password or unknown account.
    [[nodiscard]] Result<IssuedToken> completeTableLogin(const LoginCandidate &candidate);
    [[nodiscard]] Result<IssuedToken> completeStaffLogin(const LoginCandidate &candidate);
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
