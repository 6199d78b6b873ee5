#include "tenantrepository.h"

#include "database.h"
#include "domain.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {

const QString storeColumns = u"id, org_id, name, timezone, created_at, applied_seq, menu_version, "
                             "edge_menu_version, last_sync_at, edge_version, backlog, lag_ms, "
                             "edge_last_seq, sync_error, business_day_cutoff_hour"_s;

StoreRecord readStore(const QSqlQuery &q)
{
    return StoreRecord{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                       q.value(3).toString(), parseTimestamp(q.value(4).toString()),
                       q.value(5).toLongLong(), q.value(6).toLongLong(), q.value(7).toLongLong(),
                       parseTimestamp(q.value(8).toString()), q.value(9).toString(),
                       q.value(10).toLongLong(), q.value(11).toLongLong(), q.value(12).toLongLong(),
                       q.value(13).toString(), q.value(14).toInt()};
}


Result<QList<StoreRecord>> readStores(QSqlQuery &q)
{
    if (auto ok = db::exec(q, "read stores"); !ok)
        return fail(ok.error());
    QList<StoreRecord> out;
    while (q.next())
        out.append(readStore(q));
    return out;
}

} // namespace

Result<qint64> TenantRepository::createOrganization(const QString &name)
{
    return db::insertReturningId(m_db, u"INSERT INTO organizations (name, created_at) VALUES (?, ?)"_s,
                             {name, timestampText(QDateTime::currentDateTimeUtc())}, "create organization");
}

Result<std::optional<qint64>> TenantRepository::organizationByName(const QString &name)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id FROM organizations WHERE name = ?"_s);
    q.addBindValue(name);
    if (auto ok = db::exec(q, "find organization"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<qint64>();
    return std::optional(q.value(0).toLongLong());
}

Result<qint64> TenantRepository::createUser(const HqUser &user)
{
    auto existing = userByName(user.username);
    if (!existing)
        return fail(existing.error());
    if (existing->has_value())
        return fail(ErrorCode::AlreadyExists, u"username %1 is taken"_s.arg(user.username));
    auto id = db::insertReturningId(m_db,
                             u"INSERT INTO hq_users (org_id, username, password_hash, role, store_id, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"_s,
                             {user.orgId, user.username, db::text(user.passwordHash), user.role,
                              user.storeId ? QVariant(user.storeId) : QVariant(QMetaType::fromType<qint64>()),
                              timestampText(QDateTime::currentDateTimeUtc())},
                             "create HQ user");
    if (!id)
        return id;
    QList<qint64> stores = user.storeIds;
    if (stores.isEmpty() && user.storeId)
        stores.append(user.storeId);
    if (user.role != u"hq_admin"_s && !stores.isEmpty()) {
        if (auto ok = setUserStores(*id, stores); !ok)
            return fail(ok.error());
    }
    return id;
}

Result<QList<qint64>> TenantRepository::userStores(qint64 userId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT store_id FROM hq_user_stores WHERE user_id = ? ORDER BY store_id"_s);
    q.addBindValue(userId);
    if (auto ok = db::exec(q, "read HQ user stores"); !ok)
        return fail(ok.error());
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

Status TenantRepository::setUserStores(qint64 userId, const QList<qint64> &storeIds)
{
    QSqlQuery clear = db::prepared(m_db, u"DELETE FROM hq_user_stores WHERE user_id = ?"_s);
    clear.addBindValue(userId);
    if (auto ok = db::exec(clear, "clear HQ user stores"); !ok)
        return ok;
    for (qint64 store : storeIds) {
        QSqlQuery q = db::prepared(m_db, u"INSERT INTO hq_user_stores (user_id, store_id) VALUES (?, ?)"_s);
        q.addBindValue(userId);
        q.addBindValue(store);
        if (auto ok = db::exec(q, "add HQ user store"); !ok)
            return ok;
    }
    QSqlQuery first = db::prepared(m_db, u"UPDATE hq_users SET store_id = ? WHERE id = ?"_s);
    first.addBindValue(storeIds.isEmpty() ? QVariant(QMetaType::fromType<qint64>()) : QVariant(*std::min_element(storeIds.begin(), storeIds.end())));
    first.addBindValue(userId);
    return db::exec(first, "set HQ user's first store");
}

Result<std::optional<HqUser>> TenantRepository::userByName(const QString &username)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, org_id, username, password_hash, role, store_id, disabled "
                                      "FROM hq_users WHERE username = ?"_s);
    q.addBindValue(username);
    if (auto ok = db::exec(q, "find HQ user"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<HqUser>();
    HqUser user{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong(),
                q.value(6).toInt() != 0};
    q.finish();
    auto stores = userStores(user.id);
    if (!stores)
        return fail(stores.error());
    user.storeIds = *stores;
    return std::optional(user);
}

Result<QList<HqUser>> TenantRepository::users()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT id, org_id, username, role, store_id, disabled FROM hq_users "
                                      "ORDER BY org_id, username"_s);
    if (auto ok = db::exec(q, "list HQ users"); !ok)
        return fail(ok.error());
    QList<HqUser> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), {},
                    q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toInt() != 0});
    return out;
}

namespace {
Status changeUser(QSqlDatabase &db, const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery q = db::prepared(db, sql);
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (auto ok = db::exec(q, what); !ok)
        return ok;
    if (q.numRowsAffected() == 0)
        return fail(Error::notFound(u"HQ user"_s));
    return {};
}
} // namespace

Status TenantRepository::setUserPassword(const QString &username, const QString &passwordHash)
{
    return changeUser(m_db, u"UPDATE hq_users SET password_hash = ?, token_generation = token_generation + 1 "
                             "WHERE username = ?"_s,
                      {passwordHash, username}, "set HQ password");
}

Status TenantRepository::setUserDisabled(const QString &username, bool disabled)
{
    return changeUser(m_db, u"UPDATE hq_users SET disabled = ?, token_generation = token_generation + 1 "
                             "WHERE username = ?"_s,
                      {disabled ? 1 : 0, username}, "set HQ user disabled");
}

Status TenantRepository::setUserRole(const QString &username, const QString &role, qint64 storeId)
{
    if (auto ok = changeUser(m_db, u"UPDATE hq_users SET role = ?, store_id = ?, token_generation = token_generation + 1 "
                                    "WHERE username = ?"_s,
                             {role, storeId ? QVariant(storeId) : QVariant(QMetaType::fromType<qint64>()), username},
                             "set HQ user role");
        !ok)
        return ok;
    auto user = userByName(username);
    if (!user)
        return fail(user.error());
    return setUserStores((*user)->id, storeId ? QList<qint64>{storeId} : QList<qint64>());
}

Result<qint64> TenantRepository::createStore(qint64 orgId, const QString &name, const QString &timezone,
                                             const QString &keyHash)
{
    return db::insertReturningId(m_db,
                             u"INSERT INTO stores (org_id, name, timezone, key_hash, created_at) VALUES (?, ?, ?, ?, ?)"_s,
                             {orgId, name, timezone, keyHash, timestampText(QDateTime::currentDateTimeUtc())},
                             "create store");
}

Status TenantRepository::setKeyHash(qint64 storeId, const QString &keyHash)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE stores SET key_hash = ? WHERE id = ?"_s);
    q.addBindValue(keyHash);
    q.addBindValue(storeId);
    return db::exec(q, "rotate store key");
}

Status TenantRepository::updateStoreSettings(qint64 storeId, const QString &name, const QString &timezone, int cutoffHour)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE stores SET name = ?, timezone = ?, business_day_cutoff_hour = ? WHERE id = ?"_s);
    q.addBindValue(name);
    q.addBindValue(timezone);
    q.addBindValue(cutoffHour);
    q.addBindValue(storeId);
    return db::exec(q, "update store settings");
}

Result<std::optional<StoreRecord>> TenantRepository::storeByKeyHash(const QString &keyHash)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + storeColumns + u" FROM stores WHERE key_hash = ?"_s);
    q.addBindValue(keyHash);
    auto stores = readStores(q);
    if (!stores)
        return fail(stores.error());
    return stores->isEmpty() ? std::optional<StoreRecord>() : std::optional(stores->first());
}

Result<std::optional<StoreRecord>> TenantRepository::store(qint64 orgId, qint64 storeId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + storeColumns + u" FROM stores WHERE id = ? AND org_id = ?"_s);
    q.addBindValue(storeId);
    q.addBindValue(orgId);
    auto stores = readStores(q);
    if (!stores)
        return fail(stores.error());
    return stores->isEmpty() ? std::optional<StoreRecord>() : std::optional(stores->first());
}

Result<QList<StoreRecord>> TenantRepository::stores(qint64 orgId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + storeColumns + u" FROM stores WHERE org_id = ? ORDER BY id"_s);
    q.addBindValue(orgId);
    return readStores(q);
}

Result<QList<StoreRecord>> TenantRepository::allStores()
{
    QSqlQuery q = db::prepared(m_db, u"SELECT "_s + storeColumns + u" FROM stores ORDER BY id"_s);
    return readStores(q);
}

} // namespace tableorder::central
