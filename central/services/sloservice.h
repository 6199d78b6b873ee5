#pragma once

#include "hqauthservice.h"

#include <QDate>
#include <QJsonObject>

namespace tableorder::central {

class FleetRepository;
class StoreService;

/// A store's service-level objectives over one week (Monday 00:00 to Monday 00:00 in the
/// store's time zone), from the request counts its edge reports in each health snapshot:
/// 95 % of requests answered within 500 ms (p95 < 500 ms) and 99 % within 1 s (p99 < 1 s),
/// with the share met and the error budget left (the slow requests the objective still
/// allows this week). In place of a single "performance score": each figure says what it
/// counts.
class SloService
{
public:
    struct Objective
    {
        const char *name;
        int thresholdMs;
        double targetPercent;
    };
    static constexpr Objective objectives[] = {{"p95", 500, 95.0}, {"p99", 1000, 99.0}};

    SloService(FleetRepository &fleet, StoreService &stores) : m_fleet(fleet), m_stores(stores) {}

    /// The week holding `day` (a date in the store's time zone; invalid: this week), up to now.
    [[nodiscard]] Result<QJsonObject> week(const HqPrincipal &who, qint64 storeId, const QDate &day);

private:
    FleetRepository &m_fleet;
    StoreService &m_stores;
};

} // namespace tableorder::central
