#pragma once

#include "domain.h"
#include "jwt.h"
#include "principal.h"
#include "tokenrevocation.h"

#include <functional>

namespace tableorder::edge {

class TableRepository;
class StaffRepository;
class TokenRepository;

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

/// Logins for tables and staff, and verification of the tokens they get. Tokens carry
/// their principal's generation and an id, checked against TokenRevocation in memory. A
/// login is three steps so that argon2id runs off the event loop: read the candidate, check
/// its hash on a worker (crypto::PasswordVerifier), then complete on the event loop again.
class AuthService
{
public:
    /// Called with what a refresh or a logout revoked (to close those streams).
    using RevocationListener = RevocationTracker::Listener;

    AuthService(TableRepository &tables, StaffRepository &staff, TokenRepository &tokens,
                QByteArray secret, int tableTokenDays, int staffTokenHours);

    [[nodiscard]] Result<LoginCandidate> tableCandidate(int number);
    [[nodiscard]] Result<LoginCandidate> staffCandidate(const QString &username);
    /// After the password matched candidate.passwordHash: the token, provided the account still
    /// has that hash (a password changed while it was being checked fails the login).
    /// INVALID_CREDENTIALS otherwise, the same answer as a wrong password or unknown account.
    [[nodiscard]] Result<IssuedToken> completeTableLogin(const LoginCandidate &candidate);
    [[nodiscard]] Result<IssuedToken> completeStaffLogin(const LoginCandidate &candidate);
    /// A table token for a tablet that exchanged a pairing code (PairingService) of the table
    /// `tableId`; the same token a table login gives, revoked by the same changes.
    [[nodiscard]] Result<IssuedToken> completeTablePairing(qint64 tableId);
    /// INVALID_TOKEN, TOKEN_EXPIRED or TOKEN_REVOKED; UNAUTHENTICATED when there is no token.
    [[nodiscard]] Result<Principal> authenticate(QByteArrayView token) const;
    /// Revokes the calling token only (other tablets of the same table stay logged in).
    [[nodiscard]] Status logout(const Principal &who) { return m_tracker.revokeToken(who.tokenId, who.expiresAt); }

    /// Reloads generations and revoked ids when the database's auth version moved (a change
    /// here, or by the CLI in another process); cheap when it did not. Tells the listener.
    [[nodiscard]] Status refresh(bool force = false) { return m_tracker.refresh(force); }
    void setRevocationListener(RevocationListener listener) { m_tracker.setListener(std::move(listener)); }

    [[nodiscard]] Result<qint64> addStaff(const QString &username, const QString &password, Role role);

private:
    /// refresh(), and a forced reload when `subject` is still unknown (created since).
    [[nodiscard]] Status refreshFor(const QString &subject) { return m_tracker.refreshFor(subject); }
    [[nodiscard]] QString issue(const Principal &principal, qint64 ttl, qint64 now) const;
    [[nodiscard]] Result<IssuedToken> issueTable(qint64 tableId, int tableNumber);

    TableRepository &m_tables;
    StaffRepository &m_staff;
    RevocationTracker m_tracker;
    JwtSigner m_signer;
    qint64 m_tableTtl;
    qint64 m_staffTtl;
};

} // namespace tableorder::edge
