#pragma once

#include "error.h"
#include "principal.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>

#include <functional>

namespace tableorder::edge {

class BillRepository;
class EventLog;
class VisitService;

/// The business day's close and its Z report. A visit belongs to the business day of its
/// first order; the report adds up the bills of the day's visits, so its figures are the
/// sum of those bills to the won: net = gross - voids - discounts, and net = paid + due.
class BusinessDayService : public QObject
{
    Q_OBJECT
public:
    using BusinessDate = std::function<QString(const QDateTime &)>;
    /// Staff calls of a business day (issue 13, branch calls): 0 until one is set.
    using CallCounter = std::function<Result<qint64>(const QString &date)>;

    BusinessDayService(QSqlDatabase db, BillRepository &bills, VisitService &visits, EventLog &events,
                       BusinessDate businessDate, QObject *parent = nullptr);

    void setCallCounter(CallCounter counter) { m_calls = std::move(counter); }

    /// The stored Z report of a closed day, or the running figures of an open one
    /// (`closed: false`).
    [[nodiscard]] Result<QJsonObject> report(const QString &date);
    /// Closes the day and returns its Z report. Closing a closed day again returns the
    /// report it was closed with (idempotent). DAY_UNSETTLED while visits of the day owe
    /// money, unless forced with a reason.
    [[nodiscard]] Result<QJsonObject> close(const Principal &who, const QString &date, bool force,
                                            const QString &reason);

private:
    [[nodiscard]] Status checkDate(const QString &date) const;
    [[nodiscard]] Result<QJsonObject> compute(const QString &date);

    QSqlDatabase m_db;
    BillRepository &m_bills;
    VisitService &m_visits;
    EventLog &m_events;
    BusinessDate m_businessDate;
    CallCounter m_calls;
};

} // namespace tableorder::edge
