#pragma once

#include "hqauthservice.h"

#include <QJsonArray>

namespace tableorder::central {

class ReportRepository;
class MoneyRepository;
class IngestRepository;
struct DayFigures;

/// GET /api/v1/audit's filter: times as the query gave them (ISO 8601), staff id 0 for all.
struct AuditRequest
{
    qint64 storeId = 0;
    QDateTime from;
    QDateTime to;
    qint64 staffId = 0;
    int limit = 200;
};

enum class GroupBy { Store, Day, Hour, Item, Option };

/// Sales reports over business dates: totals, order counts and average prep time
/// (creation to completion, from the status timestamps), hours in each store's time zone;
/// the stores' money per business day (gross, voids, discounts, net, payments by method);
/// reconciliation of HQ's figures with what the stores report (daily totals, Z reports); the
/// stores' staff actions (audit log). A store viewer sees its own store only.
class ReportService
{
public:
    ReportService(ReportRepository &reports, MoneyRepository &money, IngestRepository &ingest)
        : m_reports(reports), m_money(money), m_ingest(ingest)
    {
    }

    [[nodiscard]] Result<QJsonArray> sales(const HqPrincipal &who, const QDate &from, const QDate &to,
                                           GroupBy groupBy, qint64 storeId);
    /// One row per store and business day in [from, to].
    [[nodiscard]] Result<QJsonArray> days(const HqPrincipal &who, const QDate &from, const QDate &to,
                                          qint64 storeId);
    /// Per store and day: the store's daily totals and its Z report against HQ's own sums.
    [[nodiscard]] Result<QJsonArray> reconciliation(const HqPrincipal &who, qint64 storeId);
    /// Kitchen times (kitchen::report) per store: `{from, to, by, items, stations}`, each row
    /// with store_id and store_name, stores in id order; hours in each store's time zone.
    [[nodiscard]] Result<QJsonObject> kitchenTimes(const HqPrincipal &who, const QString &from, const QString &to,
                                                   const QString &by, qint64 storeId);
    [[nodiscard]] Result<QJsonArray> audit(const HqPrincipal &who, const AuditRequest &request);

private:
    [[nodiscard]] static Result<qint64> scope(const HqPrincipal &who, qint64 storeId);

    ReportRepository &m_reports;
    MoneyRepository &m_money;
    IngestRepository &m_ingest;
};

/// A day's figures as the reports give them: gross, voids, discounts, net, paid,
/// payments_by_method, orders, canceled_orders.
[[nodiscard]] QJsonObject toJson(const DayFigures &day);

std::optional<GroupBy> parseGroupBy(QStringView text);

} // namespace tableorder::central
