#include "hqaccountrepository.h"

#include "database.h"
#include "domain.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {

const QString userColumns = u"id, org_id, username, role, store_id, disabled, password_hash = '', created_at"_s;

HqUser readUser(const QSqlQuery &q)
{
    HqUser user{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), {},
                q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toInt() != 0};
    user.invited = q.value(6).toBool();
    user.createdAt = q.value(7).toString();
    return user;
}

} // namespace

Result<QList<HqUser>> HqAccountRepository::users(qint64 orgId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + userColumns + u" FROM hq_users WHERE org_id = ? ORDER BY username"_s);
    q.addBindValue(orgId);
    if (auto ok = db::exec(q, "list HQ accounts"); !ok)
        return fail(ok.error());
    QList<HqUser> out;
    while (q.next())
        out.append(readUser(q));
    q.finish();
    for (HqUser &user : out) {
        auto stores = m_tenants.userStores(user.id);
        if (!stores)
            return fail(stores.error());
        user.storeIds = *stores;
    }
    return out;
}

Result<std::optional<HqUser>> HqAccountRepository::user(qint64 orgId, qint64 userId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + userColumns + u" FROM hq_users WHERE org_id = ? AND id = ?"_s);
    q.addBindValue(orgId);
    q.addBindValue(userId);
    if (auto ok = db::exec(q, "read HQ account"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<HqUser>();
    HqUser user = readUser(q);
    q.finish();
    auto stores = m_tenants.userStores(user.id);
    if (!stores)
        return fail(stores.error());
    user.storeIds = *stores;
    return std::optional(user);
}

Status HqAccountRepository::changeUser(const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery q = db::prepared(m_db, sql);
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (auto ok = db::exec(q, what); !ok)
        return ok;
    if (q.numRowsAffected() == 0)
        return fail(Error::notFound(u"HQ user"_s));
    return {};
}

Status HqAccountRepository::setRole(qint64 userId, const QString &role, const QList<qint64> &storeIds)
{
    if (auto ok = changeUser(u"UPDATE hq_users SET role = ?, token_generation = token_generation + 1 WHERE id = ?"_s,
                             {role, userId}, "set HQ account role");
        !ok)
        return ok;
    return m_tenants.setUserStores(userId, storeIds);
}

Status HqAccountRepository::setDisabled(qint64 userId, bool disabled)
{
    return changeUser(u"UPDATE hq_users SET disabled = ?, token_generation = token_generation + 1 WHERE id = ?"_s,
                      {disabled ? 1 : 0, userId}, "set HQ account disabled");
}

Status HqAccountRepository::setPasswordHash(qint64 userId, const QString &hash)
{
    return changeUser(u"UPDATE hq_users SET password_hash = ?, token_generation = token_generation + 1 WHERE id = ?"_s,
                      {db::text(hash), userId}, "set HQ account password");
}

Status HqAccountRepository::putInvitation(qint64 userId, const QString &tokenHash, const QDateTime &expiresAt)
{
    if (auto ok = deleteInvitation(userId); !ok)
        return ok;
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO hq_invitations (token_hash, user_id, expires_at, created_at) "
                                      "VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(tokenHash);
    q.addBindValue(userId);
    q.addBindValue(timestampText(expiresAt));
    q.addBindValue(timestampText(QDateTime::currentDateTimeUtc()));
    return db::exec(q, "store HQ invitation");
}

Result<std::optional<HqInvitation>> HqAccountRepository::invitation(const QString &tokenHash)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT i.user_id, i.expires_at, u.org_id, u.username FROM hq_invitations i "
                                      "JOIN hq_users u ON u.id = i.user_id WHERE i.token_hash = ?"_s);
    q.addBindValue(tokenHash);
    if (auto ok = db::exec(q, "read HQ invitation"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<HqInvitation>();
    return std::optional(HqInvitation{q.value(0).toLongLong(), parseTimestamp(q.value(1).toString()),
                                      q.value(2).toLongLong(), q.value(3).toString()});
}

Status HqAccountRepository::deleteInvitation(qint64 userId)
{
    QSqlQuery q = db::prepared(m_db, u"DELETE FROM hq_invitations WHERE user_id = ?"_s);
    q.addBindValue(userId);
    return db::exec(q, "delete HQ invitation");
}

Status HqAccountRepository::addAudit(const HqAuditEntry &e)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO hq_audit (org_id, at, actor_user_id, actor_username, action, "
                                      "target_kind, target_id, target_name, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &value : QVariantList{e.orgId, timestampText(QDateTime::currentDateTimeUtc()), e.actorUserId,
                                              db::text(e.actorUsername), e.action, e.targetKind, e.targetId,
                                              db::text(e.targetName),
                                              QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact))})
        q.addBindValue(value);
    return db::exec(q, "write HQ audit");
}

Result<QList<HqAuditEntry>> HqAccountRepository::audit(qint64 orgId, int limit)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, org_id, at, actor_user_id, actor_username, action, target_kind, "
                                      "target_id, target_name, details FROM hq_audit WHERE org_id = ? "
                                      "ORDER BY id DESC LIMIT ?"_s);
    q.addBindValue(orgId);
    q.addBindValue(limit);
    if (auto ok = db::exec(q, "read HQ audit"); !ok)
        return fail(ok.error());
    QList<HqAuditEntry> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toLongLong(),
                    q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toLongLong(),
                    q.value(8).toString(), QJsonDocument::fromJson(q.value(9).toByteArray()).object()});
    return out;
}

} // namespace tableorder::central
