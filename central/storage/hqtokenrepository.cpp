#include "hqtokenrepository.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace tableorder::central {

Result<TokenRevocation::State> HqTokenRepository::load(qint64 nowSeconds)
{
    TokenRevocation::State state;
    auto version = this->version();
    if (!version)
        return fail(version.error());
    state.version = *version;
    QSqlQuery q = db::prepared(m_db, u"SELECT id, token_generation FROM hq_users WHERE disabled = 0"_s);
    if (auto ok = db::exec(q, "read HQ token generations"); !ok)
        return fail(ok.error());
    while (q.next())
        state.generations.insert(u"hq:"_s + QString::number(q.value(0).toLongLong()), q.value(1).toLongLong());
    QSqlQuery revoked = db::prepared(m_db, u"SELECT jti, expires_at FROM hq_revoked_tokens WHERE expires_at > ?"_s);
    revoked.addBindValue(nowSeconds);
    if (auto ok = db::exec(revoked, "read revoked HQ tokens"); !ok)
        return fail(ok.error());
    while (revoked.next())
        state.revokedIds.insert(revoked.value(0).toString(), revoked.value(1).toLongLong());
    return state;
}

Result<qint64> HqTokenRepository::version()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT version FROM hq_auth_state WHERE id = 1"_s);
    if (auto ok = db::exec(q, "read HQ auth version"); !ok)
        return fail(ok.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Status HqTokenRepository::bumpVersion()
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE hq_auth_state SET version = version + 1 WHERE id = 1"_s);
    return db::exec(q, "bump HQ auth version");
}

Status HqTokenRepository::revokeId(const QString &jti, qint64 expiresAt, qint64 nowSeconds)
{
    db::Transaction tx(m_db);
    QSqlQuery prune = db::prepared(m_db, u"DELETE FROM hq_revoked_tokens WHERE expires_at <= ?"_s);
    prune.addBindValue(nowSeconds);
    if (auto ok = db::exec(prune, "prune revoked HQ tokens"); !ok)
        return ok;
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO hq_revoked_tokens (jti, expires_at) VALUES (?, ?) "
                                      "ON CONFLICT (jti) DO NOTHING"_s);
    q.addBindValue(jti);
    q.addBindValue(expiresAt);
    if (auto ok = db::exec(q, "revoke HQ token"); !ok)
        return ok;
    if (auto ok = bumpVersion(); !ok)
        return ok;
    return tx.commit();
}

} // namespace tableorder::central
