#include "hquserservice.h"

#include "crypto.h"
#include "database.h"
#include "hqauthservice.h"
#include "storage/hqtokenrepository.h"

using namespace Qt::StringLiterals;

namespace tableorder::central {

HqUserService::HqUserService(QSqlDatabase db, TenantRepository &tenants, HqTokenRepository &tokens)
    : m_db(std::move(db)), m_tenants(tenants), m_tokens(tokens)
{
}

Result<QList<HqUser>> HqUserService::list()
{
    return m_tenants.users();
}

Status HqUserService::commitChange(const std::function<Status()> &change)
{
    db::Transaction tx(m_db);
    if (auto ok = change(); !ok)
        return ok;
    if (auto ok = m_tokens.bumpVersion(); !ok)
        return ok;
    return tx.commit();
}

Status HqUserService::setPassword(const QString &username, const QString &password)
{
    if (auto ok = checkHqPassword(password, HqAuthService::minimumPasswordLength); !ok)
        return ok;
    const QString hash = crypto::hashPassword(password);
    return commitChange([&] { return m_tenants.setUserPassword(username, hash); });
}

Status HqUserService::setDisabled(const QString &username, bool disabled)
{
    return commitChange([&] { return m_tenants.setUserDisabled(username, disabled); });
}

Status HqUserService::setRole(const QString &username, const QString &role, qint64 storeId)
{
    if (!isHqRole(role))
        return fail(Error::validation(u"role"_s, u"role must be hq_admin, store_manager or store_viewer"_s));
    if (role != u"hq_admin"_s && storeId <= 0)
        return fail(Error::validation(u"store_id"_s, u"a store manager or viewer needs a store"_s));
    auto user = m_tenants.userByName(username);
    if (!user)
        return fail(user.error());
    if (!user->has_value())
        return fail(Error::notFound(u"HQ user"_s));
    if (storeId) {
        auto store = m_tenants.store((*user)->orgId, storeId);
        if (!store)
            return fail(store.error());
        if (!store->has_value())
            return fail(Error::validation(u"store-id"_s, u"--store-id names no store of the user's organization"_s));
    }
    return commitChange([&] {
        return m_tenants.setUserRole(username, role, role == u"hq_admin"_s ? 0 : storeId);
    });
}

} // namespace tableorder::central
