#include "storesettingsservice.h"

#include "database.h"
#include "hqaccountservice.h"
#include "menupublisher.h"
#include "storeservice.h"

#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace tableorder::central {

StoreSettingsService::StoreSettingsService(QSqlDatabase db, TenantRepository &tenants, StoreService &stores,
                                           MenuPublisher &publisher, HqAccountService &accounts)
    : m_db(std::move(db)), m_tenants(tenants), m_stores(stores), m_publisher(publisher), m_accounts(accounts)
{
}

Result<StoreRecord> StoreSettingsService::update(const HqPrincipal &who, qint64 storeId, const StoreSettingsEdit &edit)
{
    auto store = m_stores.get(who, storeId);
    if (!store)
        return store;
    if (!who.canManage(storeId))
        return fail(ErrorCode::Forbidden, u"only an HQ admin or the store's manager changes its settings"_s);
    const QString name = edit.name.value_or(store->name).trimmed();
    const QString timezone = edit.timezone.value_or(store->timezone);
    const int cutoff = edit.businessDayCutoffHour.value_or(store->businessDayCutoffHour);
    if (name.isEmpty() || name.size() > 100)
        return fail(Error::validation(u"name"_s, u"a store name is 1 to 100 characters"_s));
    if (!QTimeZone(timezone.toUtf8()).isValid())
        return fail(Error::validation(u"timezone"_s, u"unknown time zone %1 (use an IANA name like Asia/Seoul)"_s.arg(timezone)));
    // A business day that ends after noon would put a lunch in the day before.
    if (cutoff < 0 || cutoff > 12)
        return fail(Error::validation(u"business_day_cutoff_hour"_s, u"the business day ends between 0 and 12 o'clock"_s));
    QJsonObject changes;
    if (name != store->name)
        changes.insert(u"name"_s, QJsonObject{{u"from"_s, store->name}, {u"to"_s, name}});
    if (timezone != store->timezone)
        changes.insert(u"timezone"_s, QJsonObject{{u"from"_s, store->timezone}, {u"to"_s, timezone}});
    if (cutoff != store->businessDayCutoffHour)
        changes.insert(u"business_day_cutoff_hour"_s, QJsonObject{{u"from"_s, store->businessDayCutoffHour}, {u"to"_s, cutoff}});
    if (changes.isEmpty())
        return store;
    db::Transaction tx(m_db);
    if (auto ok = m_tenants.updateStoreSettings(storeId, name, timezone, cutoff); !ok)
        return fail(ok.error());
    if (auto ok = m_accounts.record(who, u"store.updated"_s, u"store"_s, storeId, name, {{u"changes"_s, changes}}); !ok)
        return fail(ok.error());
    if (auto version = m_publisher.republishForSettings(storeId); !version)
        return fail(version.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_publisher.wakeStore(storeId);
    return m_stores.get(who, storeId);
}

} // namespace tableorder::central
