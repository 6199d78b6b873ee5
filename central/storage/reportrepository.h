#pragma once

#include "domain.h"

#include <QSqlDatabase>

namespace tableorder::central {

struct ReportOrder
{
    qint64 storeId = 0;
    QString storeName;
    QString timezone;
    QString businessDate;
    Money total = 0;
    QDateTime createdAt;
    QDateTime completedAt;
};

struct ItemTotal
{
    QString name;
    qint64 orders = 0;
    qint64 quantity = 0;
    Money total = 0;
};

/// One option's orders: lines that carried it, the quantity of those lines, what the
/// option itself added (price_delta x quantity) and those lines' totals.
struct OptionTotal
{
    qint64 optionId = 0;
    QString group;
    QString name;
    qint64 orders = 0;
    qint64 quantity = 0;
    Money sales = 0;
    Money lineTotal = 0;
};

/// A done line of a completed or served order, with its store (kitchen times).
struct KitchenLine
{
    qint64 storeId = 0;
    QString storeName;
    QString timezone;
    QString businessDate;
    QDateTime orderCreatedAt;
    QDateTime doneAt;
    qint64 menuItemId = 0;
    QString name;
    QString station;
};

/// Reads for HQ's reports: orders that count (not canceled) by business date.
class ReportRepository
{
public:
    explicit ReportRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] Result<QList<ReportOrder>> orders(qint64 orgId, qint64 storeId, const QString &fromDate,
                                                    const QString &toDate);
    [[nodiscard]] Result<QList<ItemTotal>> items(qint64 orgId, qint64 storeId, const QString &fromDate,
                                                 const QString &toDate);

    [[nodiscard]] Result<QList<OptionTotal>> options(qint64 orgId, qint64 storeId, const QString &fromDate,
                                                     const QString &toDate);

    [[nodiscard]] Result<QList<KitchenLine>> kitchenLines(qint64 orgId, qint64 storeId, const QString &fromDate,
                                                          const QString &toDate);

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::central
