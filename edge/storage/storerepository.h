#pragma once

#include "error.h"

#include <QSqlDatabase>
#include <QString>

namespace tableorder::edge {

/// What floor staff (the `staff` role) may correct by themselves, in won per action;
/// 0: nothing (voids and discounts stay the manager's).
struct StaffLimits
{
    qint64 voidWon = 0;
    qint64 discountWon = 0;
};

struct StoreSettings
{
    QString name;
    QString currency;
    QString timezone;
    int businessDayCutoffHour = 4;
    qint64 menuVersion = 1;
    StaffLimits staffLimits;
};

/// The single `store` row: settings and the menu version counter.
class StoreRepository
{
public:
    explicit StoreRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] Result<StoreSettings> settings();
    [[nodiscard]] Status setName(const QString &name);
    [[nodiscard]] Status setStaffLimits(const StaffLimits &limits);
    /// The settings HQ holds for the store (issue 17): name, time zone, business-day cutoff.
    [[nodiscard]] Status setHqSettings(const QString &name, const QString &timezone, int cutoffHour);
    /// Increments and returns the menu version; call inside the menu write's transaction.
    [[nodiscard]] Result<qint64> bumpMenuVersion();

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::edge
