#include "hqaccountservice.h"

#include "crypto.h"
#include "database.h"
#include "domain.h"
#include "storage/hqtokenrepository.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {

QJsonArray idsJson(const QList<qint64> &ids)
{
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

Error forbidden(const QString &why)
{
    return {ErrorCode::Forbidden, why, {}};
}

} // namespace

HqAccountService::HqAccountService(QSqlDatabase db, HqAccountRepository &accounts, TenantRepository &tenants,
                                   HqTokenRepository &tokens)
    : m_db(std::move(db)), m_accounts(accounts), m_tenants(tenants), m_tokens(tokens)
{
}

QJsonObject HqAccountService::toJson(const HqUser &user)
{
    return {{u"id"_s, user.id},
            {u"username"_s, user.username},
            {u"role"_s, user.role},
            {u"store_ids"_s, idsJson(user.role == u"hq_admin"_s ? QList<qint64>() : user.storeIds)},
            {u"status"_s, user.disabled ? u"disabled"_s : user.invited ? u"invited"_s : u"active"_s},
            {u"created_at"_s, user.createdAt}};
}

QJsonObject HqAccountService::toJson(const HqAuditEntry &e)
{
    return {{u"id"_s, e.id},
            {u"at"_s, e.at},
            {u"actor"_s, QJsonObject{{u"user_id"_s, e.actorUserId}, {u"username"_s, e.actorUsername}}},
            {u"action"_s, e.action},
            {u"target"_s, QJsonObject{{u"kind"_s, e.targetKind}, {u"id"_s, e.targetId}, {u"name"_s, e.targetName}}},
            {u"details"_s, e.details}};
}

Result<QList<HqUser>> HqAccountService::list(const HqPrincipal &who)
{
    if (!who.isAdmin())
        return fail(forbidden(u"this needs the role: hq_admin"_s));
    return m_accounts.users(who.orgId);
}

Status HqAccountService::checkRoleAndStores(const HqPrincipal &who, const QString &role, const QList<qint64> &storeIds)
{
    if (!isHqRole(role))
        return fail(Error::validation(u"role"_s, u"role must be hq_admin, store_manager or store_viewer"_s));
    if (role == u"hq_admin"_s) {
        if (!storeIds.isEmpty())
            return fail(Error::validation(u"store_ids"_s, u"an hq_admin sees every store: give no store_ids"_s));
        return {};
    }
    if (storeIds.isEmpty())
        return fail(Error::validation(u"store_ids"_s, u"a store manager or viewer needs at least one store"_s));
    for (qint64 id : storeIds) {
        auto store = id > 0 ? m_tenants.store(who.orgId, id) : Result<std::optional<StoreRecord>>(std::nullopt);
        if (!store)
            return fail(store.error());
        if (!store->has_value())
            return fail(Error::validation(u"store_ids"_s, u"store %1 is not a store of this organisation"_s.arg(id)));
    }
    return {};
}

Result<HqUser> HqAccountService::target(const HqPrincipal &who, qint64 userId)
{
    if (!who.isAdmin())
        return fail(forbidden(u"this needs the role: hq_admin"_s));
    auto user = m_accounts.user(who.orgId, userId);
    if (!user)
        return fail(user.error());
    if (!user->has_value())
        return fail(Error::notFound(u"HQ user"_s));
    return **user;
}

Status HqAccountService::record(const HqPrincipal &who, const QString &action, const QString &targetKind,
                                qint64 targetId, const QString &targetName, const QJsonObject &details)
{
    // The actor's name as it is now (a token carries only the id).
    QString actorName;
    if (auto actor = m_accounts.user(who.orgId, who.userId); actor && actor->has_value())
        actorName = (*actor)->username;
    return m_accounts.addAudit({0, who.orgId, {}, who.userId, actorName, action, targetKind, targetId, targetName, details});
}

Result<IssuedInvitation> HqAccountService::newInvitation(const HqUser &user)
{
    // 256 random bits: shown once to the admin, stored as SHA-256 (no slow hash needed).
    const QString token = u"inv_"_s + crypto::randomToken(32);
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(qint64(invitationHours) * 3600);
    if (auto ok = m_accounts.putInvitation(user.id, crypto::sha256Hex(token.toUtf8()), expires); !ok)
        return fail(ok.error());
    return IssuedInvitation{user, token, expires};
}

Result<IssuedInvitation> HqAccountService::invite(const HqPrincipal &who, const QString &username, const QString &role,
                                                  const QList<qint64> &storeIds)
{
    if (!who.isAdmin())
        return fail(forbidden(u"this needs the role: hq_admin"_s));
    static const QRegularExpression valid(u"^[A-Za-z0-9._@-]{1,64}$"_s);
    if (!valid.match(username).hasMatch())
        return fail(Error::validation(u"username"_s, u"a username is 1 to 64 letters, digits, '.', '_', '@' or '-'"_s));
    if (auto ok = checkRoleAndStores(who, role, storeIds); !ok)
        return fail(ok.error());
    db::Transaction tx(m_db);
    HqUser user{0, who.orgId, username, QString(), role, storeIds.isEmpty() ? 0 : storeIds.first()};
    user.storeIds = storeIds;
    auto id = m_tenants.createUser(user);
    if (!id)
        return fail(id.error());
    auto created = m_accounts.user(who.orgId, *id);
    if (!created || !created->has_value())
        return fail(created ? Error::internal() : created.error());
    auto invitation = newInvitation(**created);
    if (!invitation)
        return invitation;
    if (auto ok = record(who, u"user.invited"_s, u"user"_s, *id, username,
                         {{u"role"_s, role}, {u"store_ids"_s, idsJson(storeIds)}});
        !ok)
        return fail(ok.error());
    if (auto ok = m_tokens.bumpVersion(); !ok)
        return fail(ok.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    return invitation;
}

Status HqAccountService::commitRevoking(db::Transaction &tx)
{
    if (auto ok = m_tokens.bumpVersion(); !ok)
        return ok;
    if (auto ok = tx.commit(); !ok)
        return ok;
    if (m_revoked)
        m_revoked(); // tokens issued before the change are refused from the next request on
    return {};
}

Result<HqUser> HqAccountService::setRole(const HqPrincipal &who, qint64 userId, const QString &role,
                                         const QList<qint64> &storeIds)
{
    auto user = target(who, userId);
    if (!user)
        return user;
    if (userId == who.userId)
        return fail(forbidden(u"an admin cannot change their own role (ask another admin)"_s));
    if (auto ok = checkRoleAndStores(who, role, storeIds); !ok)
        return fail(ok.error());
    db::Transaction tx(m_db);
    if (auto ok = m_accounts.setRole(userId, role, role == u"hq_admin"_s ? QList<qint64>() : storeIds); !ok)
        return fail(ok.error());
    if (auto ok = record(who, u"user.role_changed"_s, u"user"_s, userId, user->username,
                         {{u"from"_s, QJsonObject{{u"role"_s, user->role}, {u"store_ids"_s, idsJson(user->storeIds)}}},
                          {u"to"_s, QJsonObject{{u"role"_s, role}, {u"store_ids"_s, idsJson(storeIds)}}}});
        !ok)
        return fail(ok.error());
    if (auto ok = commitRevoking(tx); !ok)
        return fail(ok.error());
    return target(who, userId);
}

Result<HqUser> HqAccountService::setDisabled(const HqPrincipal &who, qint64 userId, bool disabled)
{
    auto user = target(who, userId);
    if (!user)
        return user;
    if (userId == who.userId)
        return fail(forbidden(u"an admin cannot disable themselves"_s));
    db::Transaction tx(m_db);
    if (auto ok = m_accounts.setDisabled(userId, disabled); !ok)
        return fail(ok.error());
    if (auto ok = record(who, disabled ? u"user.disabled"_s : u"user.enabled"_s, u"user"_s, userId, user->username, {}); !ok)
        return fail(ok.error());
    if (auto ok = commitRevoking(tx); !ok)
        return fail(ok.error());
    return target(who, userId);
}

Result<IssuedInvitation> HqAccountService::resetPassword(const HqPrincipal &who, qint64 userId)
{
    auto user = target(who, userId);
    if (!user)
        return fail(user.error());
    if (userId == who.userId)
        return fail(forbidden(u"an admin cannot reset their own password here (use the admin command)"_s));
    db::Transaction tx(m_db);
    if (auto ok = m_accounts.setPasswordHash(userId, QString()); !ok)
        return fail(ok.error());
    auto invitation = newInvitation(*user);
    if (!invitation)
        return invitation;
    if (auto ok = record(who, u"user.password_reset"_s, u"user"_s, userId, user->username, {}); !ok)
        return fail(ok.error());
    if (auto ok = commitRevoking(tx); !ok)
        return fail(ok.error());
    invitation->user.invited = true;
    return invitation;
}

Result<HqUser> HqAccountService::acceptInvitation(const QString &token, const QString &password)
{
    auto invitation = m_accounts.invitation(crypto::sha256Hex(token.toUtf8()));
    if (!invitation)
        return fail(invitation.error());
    if (!invitation->has_value() || (*invitation)->expiresAt < QDateTime::currentDateTimeUtc())
        return fail(Error::notFound(u"invitation"_s));
    if (auto ok = checkHqPassword(password, m_minPasswordLength); !ok)
        return fail(ok.error());
    const qint64 userId = (*invitation)->userId;
    // argon2id on the event loop: an invitation is accepted once per account, unlike logins.
    const QString hash = crypto::hashPassword(password);
    db::Transaction tx(m_db);
    if (auto ok = m_accounts.setPasswordHash(userId, hash); !ok)
        return fail(ok.error());
    if (auto ok = m_accounts.deleteInvitation(userId); !ok)
        return fail(ok.error());
    const HqInvitation &used = **invitation;
    if (auto ok = m_accounts.addAudit({0, used.orgId, {}, userId, used.username, u"user.invitation_accepted"_s,
                                       u"user"_s, userId, used.username, {}});
        !ok)
        return fail(ok.error());
    if (auto ok = commitRevoking(tx); !ok)
        return fail(ok.error());
    HqUser user{userId, used.orgId, used.username};
    return user;
}

Result<QList<HqAuditEntry>> HqAccountService::audit(const HqPrincipal &who, int limit)
{
    if (!who.isAdmin())
        return fail(forbidden(u"this needs the role: hq_admin"_s));
    return m_accounts.audit(who.orgId, std::clamp(limit, 1, 1000));
}

} // namespace tableorder::central
