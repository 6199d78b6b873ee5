#pragma once

#include "storage/tenantrepository.h"

#include <QSqlDatabase>

#include <functional>

namespace tableorder::central {

class HqTokenRepository;

/// HQ account management after creation (the admin commands): password, role,
/// disable/enable. Each change bumps the user's token generation and the auth version, so
/// every running instance revokes the user's tokens and closes its live feeds within a
/// second.
class HqUserService
{
public:
    HqUserService(QSqlDatabase db, TenantRepository &tenants, HqTokenRepository &tokens);

    [[nodiscard]] Result<QList<HqUser>> list();
    /// At least HqAuthService::minimumPasswordLength characters.
    [[nodiscard]] Status setPassword(const QString &username, const QString &password);
    [[nodiscard]] Status setDisabled(const QString &username, bool disabled);
    /// hq_admin (storeId 0) or store_viewer of one of the user's organization's stores.
    [[nodiscard]] Status setRole(const QString &username, const QString &role, qint64 storeId);

private:
    [[nodiscard]] Status commitChange(const std::function<Status()> &change);

    QSqlDatabase m_db;
    TenantRepository &m_tenants;
    HqTokenRepository &m_tokens;
};

} // namespace tableorder::central
