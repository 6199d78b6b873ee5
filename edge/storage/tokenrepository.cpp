#include "tokenrepository.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

TokenRepository::TokenRepository(QSqlDatabase db)
    : m_db(std::move(db)), m_version(db::prepared(m_db, u"SELECT version FROM auth_state WHERE id = 1"_s))
{
}

Result<TokenRevocation::State> TokenRepository::load(qint64 nowSeconds)
{
    TokenRevocation::State state;
    auto version = this->version();
    if (!version)
        return fail(version.error());
    state.version = *version;
    QSqlQuery q = db::prepared(m_db, uR"(
        SELECT 'table:' || id, token_generation FROM tables WHERE removed_at IS NULL
        UNION ALL
        SELECT 'staff:' || id, token_generation FROM staff WHERE disabled = 0)"_s);
    if (auto ok = db::exec(q, "read token generations"); !ok)
        return fail(ok.error());
    while (q.next())
        state.generations.insert(q.value(0).toString(), q.value(1).toLongLong());
    QSqlQuery revoked = db::prepared(m_db, u"SELECT jti, expires_at FROM revoked_tokens WHERE expires_at > ?"_s);
    revoked.addBindValue(nowSeconds);
    if (auto ok = db::exec(revoked, "read revoked tokens"); !ok)
        return fail(ok.error());
    while (revoked.next())
        state.revokedIds.insert(revoked.value(0).toString(), revoked.value(1).toLongLong());
    return state;
}

Result<qint64> TokenRepository::version()
{
    if (auto ok = db::exec(m_version, "read auth version"); !ok)
        return fail(ok.error());
    const qint64 version = m_version.next() ? m_version.value(0).toLongLong() : 0;
    m_version.finish(); // a kept statement must not hold its read open
    return version;
}

Status TokenRepository::bumpVersion()
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE auth_state SET version = version + 1 WHERE id = 1"_s);
    return db::exec(q, "bump auth version");
}

Status TokenRepository::revokeId(const QString &jti, qint64 expiresAt, qint64 nowSeconds)
{
    db::Transaction tx(m_db);
    QSqlQuery prune = db::prepared(m_db, u"DELETE FROM revoked_tokens WHERE expires_at <= ?"_s);
    prune.addBindValue(nowSeconds);
    if (auto ok = db::exec(prune, "prune revoked tokens"); !ok)
        return ok;
    QSqlQuery q = db::prepared(m_db, u"INSERT OR IGNORE INTO revoked_tokens (jti, expires_at) VALUES (?, ?)"_s);
    q.addBindValue(jti);
    q.addBindValue(expiresAt);
    if (auto ok = db::exec(q, "revoke token"); !ok)
        return ok;
    if (auto ok = bumpVersion(); !ok)
        return ok;
    return tx.commit();
}

} // namespace tableorder::edge
