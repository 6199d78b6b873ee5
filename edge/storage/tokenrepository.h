#pragma once

#include "tokenrevocation.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace tableorder::edge {

/// What the store's tokens are checked against: the token generations of tables and staff
/// (bumped by the table and staff repositories), revoked token ids, and the auth version
/// that every revoking change bumps so a running daemon notices changes made elsewhere.
class TokenRepository : public TokenStore
{
public:
    explicit TokenRepository(QSqlDatabase db);

    /// The generations of existing tables and enabled staff, and unexpired revoked ids.
    [[nodiscard]] Result<TokenRevocation::State> load(qint64 nowSeconds) override;
    /// One cheap row, read every second by the daemon.
    [[nodiscard]] Result<qint64> version() override;
    /// Call inside the transaction of every revoking change.
    [[nodiscard]] Status bumpVersion();
    /// Denies one token until it expires (and forgets those that have); bumps the version.
    [[nodiscard]] Status revokeId(const QString &jti, qint64 expiresAt, qint64 nowSeconds) override;

private:
    QSqlDatabase m_db;
    QSqlQuery m_version;
};

} // namespace tableorder::edge
