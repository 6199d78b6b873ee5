#include "authservice.h"

#include "crypto.h"
#include "storage/staffrepository.h"
#include "storage/tablerepository.h"
#include "storage/tokenrepository.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {
Error invalidCredentials()
{
    return Error{ErrorCode::InvalidCredentials, u"wrong credentials"_s, {}};
}
} // namespace

AuthService::AuthService(TableRepository &tables, StaffRepository &staff, TokenRepository &tokens,
                         QByteArray secret, int tableTokenDays, int staffTokenHours)
    : m_tables(tables), m_staff(staff), m_tracker(tokens), m_signer(std::move(secret)),
      m_tableTtl(qint64(tableTokenDays) * 86400), m_staffTtl(qint64(staffTokenHours) * 3600)
{
}

QString AuthService::issue(const Principal &principal, qint64 ttl, qint64 now) const
{
    QJsonObject claims = principal.claims();
    const QJsonObject stamp = m_tracker.revocation().stamp(principal.subject);
    for (auto it = stamp.begin(); it != stamp.end(); ++it)
        claims.insert(it.key(), it.value());
    return m_signer.sign(claims, ttl, now);
}

Result<LoginCandidate> AuthService::tableCandidate(int number)
{
    auto table = m_tables.byNumber(number);
    if (!table)
        return fail(table.error());
    return LoginCandidate{table->has_value() ? (*table)->passwordHash : QString(), number, {}};
}

Result<LoginCandidate> AuthService::staffCandidate(const QString &username)
{
    auto account = m_staff.byUsername(username);
    if (!account)
        return fail(account.error());
    return LoginCandidate{account->has_value() ? (*account)->passwordHash : QString(), 0, username};
}

Result<IssuedToken> AuthService::completeTableLogin(const LoginCandidate &candidate)
{
    auto table = m_tables.byNumber(candidate.tableNumber);
    if (!table)
        return fail(table.error());
    if (!table->has_value() || candidate.passwordHash.isEmpty()
        || (*table)->passwordHash != candidate.passwordHash)
        return fail(invalidCredentials());
    return issueTable((*table)->id, (*table)->number);
}

Result<IssuedToken> AuthService::completeTablePairing(qint64 tableId)
{
    auto table = m_tables.byId(tableId);
    if (!table)
        return fail(table.error());
    if (!table->has_value())
        return fail(ErrorCode::PairingCodeExpired, u"the table of this pairing code was removed"_s);
    return issueTable((*table)->id, (*table)->number);
}

Result<IssuedToken> AuthService::issueTable(qint64 tableId, int tableNumber)
{
    Principal principal{Role::Table, tableId, 0, u"table:%1"_s.arg(tableId)};
    principal.tableNumber = tableNumber;
    // A change the CLI made a moment ago must be known before the token takes a generation.
    if (auto ok = refreshFor(principal.subject); !ok)
        return fail(ok.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString token = issue(principal, m_tableTtl, now.toSecsSinceEpoch());
    return IssuedToken{token, now.addSecs(m_tableTtl), principal, tableNumber};
}

Result<IssuedToken> AuthService::completeStaffLogin(const LoginCandidate &candidate)
{
    auto account = m_staff.byUsername(candidate.username);
    if (!account)
        return fail(account.error());
    // A disabled account gets the answer of a wrong password, after the same work.
    if (!account->has_value() || candidate.passwordHash.isEmpty()
        || (*account)->passwordHash != candidate.passwordHash || (*account)->disabled)
        return fail(invalidCredentials());
    Principal principal{(*account)->role, 0, (*account)->id, u"staff:%1"_s.arg((*account)->id)};
    principal.name = (*account)->username;
    if (auto ok = refreshFor(principal.subject); !ok)
        return fail(ok.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString token = issue(principal, m_staffTtl, now.toSecsSinceEpoch());
    return IssuedToken{token, now.addSecs(m_staffTtl), principal, 0};
}

Result<Principal> AuthService::authenticate(QByteArrayView token) const
{
    if (token.isEmpty())
        return fail(ErrorCode::Unauthenticated, u"a bearer token is required"_s);
    auto claims = m_signer.verify(token, QDateTime::currentSecsSinceEpoch());
    if (!claims)
        return fail(claims.error());
    if (!parseRole(claims->value(u"role"_s).toString()))
        return fail(ErrorCode::InvalidToken, u"token has no valid role"_s);
    if (auto ok = m_tracker.revocation().check(*claims); !ok)
        return fail(ok.error());
    return Principal::fromClaims(*claims);
}

Result<qint64> AuthService::addStaff(const QString &username, const QString &password, Role role)
{
    if (role == Role::Table)
        return fail(Error::validation(u"role"_s, u"role must be manager, kitchen or staff"_s));
    if (username.trimmed().isEmpty() || username.size() > 64)
        return fail(Error::validation(u"username"_s, u"username must be 1 to 64 characters"_s));
    if (password.size() < 4 || password.size() > 256)
        return fail(Error::validation(u"password"_s, u"password must be 4 to 256 characters"_s));
    return m_staff.insert({0, username.trimmed(), crypto::hashPassword(password), role});
}

} // namespace tableorder::edge
