#pragma once

#include "hqauthservice.h"

#include <QJsonArray>

namespace tableorder::central {

class ReportRepository;

enum class GroupBy { Store, Day, Hour, Item, Option };

/// Sales reports over business dates: totals, order counts and average prep time
/// (creation to completion, from the status timestamps), hours in each store's time zone.
class ReportService
{
public:
    explicit ReportService(ReportRepository &reports) : m_reports(reports) {}

    [[nodiscard]] Result<QJsonArray> sales(const HqPrincipal &who, const QDate &from, const QDate &to,
                                           GroupBy groupBy, qint64 storeId);

private:
    ReportRepository &m_reports;
};

std::optional<GroupBy> parseGroupBy(QStringView text);

} // namespace tableorder::central
