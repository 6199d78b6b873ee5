#pragma once

#include "hqauthservice.h"
#include "storage/tenantrepository.h"

#include <QSqlDatabase>

#include <optional>

namespace tableorder::central {

class StoreService;
class MenuPublisher;
class HqAccountService;

/// What PUT /api/v1/stores/{id} may change; absent fields stay as they are.
struct StoreSettingsEdit
{
    std::optional<QString> name;
    std::optional<QString> timezone;
    std::optional<int> businessDayCutoffHour;
};

/// A store's name, time zone and business-day cutoff edited at HQ (issue 17) by an admin
/// or one of the store's managers: validated, written with an HQ audit row, and sent to the
/// store over the menu channel (a new menu version of the same content, whose MenuUpdate
/// carries the settings), so the edge's long poll has them within a second.
class StoreSettingsService
{
public:
    StoreSettingsService(QSqlDatabase db, TenantRepository &tenants, StoreService &stores, MenuPublisher &publisher,
                         HqAccountService &accounts);

    [[nodiscard]] Result<StoreRecord> update(const HqPrincipal &who, qint64 storeId, const StoreSettingsEdit &edit);

private:
    QSqlDatabase m_db;
    TenantRepository &m_tenants;
    StoreService &m_stores;
    MenuPublisher &m_publisher;
    HqAccountService &m_accounts;
};

} // namespace tableorder::central
