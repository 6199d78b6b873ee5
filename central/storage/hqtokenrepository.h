#pragma once

#include "tokenrevocation.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace tableorder::central {

/// What HQ tokens are checked against: the users' token generations (bumped by
/// TenantRepository), revoked token ids, and the auth version that every revoking change
/// bumps, so every instance notices changes made by the CLI or another instance.
class HqTokenRepository : public TokenStore
{
public:
    explicit HqTokenRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The generations of enabled HQ users, and unexpired revoked ids.
    [[nodiscard]] Result<TokenRevocation::State> load(qint64 nowSeconds) override;
    /// One cheap row, read every second by each instance.
    [[nodiscard]] Result<qint64> version() override;
    /// Call inside the transaction of every revoking change.
    [[nodiscard]] Status bumpVersion();
    /// Denies one token until it expires (and forgets those that have); bumps the version.
    [[nodiscard]] Status revokeId(const QString &jti, qint64 expiresAt, qint64 nowSeconds) override;

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::central
