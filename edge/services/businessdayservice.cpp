#include "businessdayservice.h"

#include "database.h"
#include "event.h"
#include "eventlog.h"
#include "storage/billrepository.h"
#include "visitservice.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

BusinessDayService::BusinessDayService(QSqlDatabase db, BillRepository &bills, VisitService &visits,
                                       EventLog &events, BusinessDate businessDate, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_bills(bills), m_visits(visits), m_events(events),
      m_businessDate(std::move(businessDate))
{
}

Status BusinessDayService::checkDate(const QString &date) const
{
    const QDate parsed = QDate::fromString(date, u"yyyy-MM-dd"_s);
    if (!parsed.isValid())
        return fail(Error::validation(u"date"_s, u"the business day is a date, yyyy-MM-dd"_s));
    if (date > m_businessDate(QDateTime::currentDateTimeUtc()))
        return fail(Error::validation(u"date"_s, u"%1 is a business day still to come"_s.arg(date)));
    return {};
}

Result<QJsonObject> BusinessDayService::compute(const QString &date)
{
    auto sessions = m_bills.sessionsOfDay(date);
    if (!sessions)
        return fail(sessions.error());
    qint64 orders = 0;
    Money gross = 0, voids = 0, discounts = 0, net = 0, paid = 0, due = 0;
    QMap<QString, Money> byMethod{{u"cash"_s, 0}, {u"card"_s, 0}, {u"transfer"_s, 0}, {u"other"_s, 0}};
    struct Item
    {
        QString name;
        qint64 quantity = 0;
        Money amount = 0;
    };
    QMap<std::pair<qint64, QString>, Item> items;
    QJsonArray openVisits;
    for (const BillRepository::DaySession &session : std::as_const(*sessions)) {
        auto bill = m_visits.billOfSession(session.id);
        if (!bill)
            return fail(bill.error());
        QSet<qint64> orderIds;
        for (const BillLine &line : std::as_const(bill->lines)) {
            orderIds.insert(line.orderId);
            gross += line.lineTotal;
            if (line.voided) {
                voids += line.lineTotal;
                continue;
            }
            Item &item = items[{line.menuItemId, line.name}];
            item.name = line.name;
            item.quantity += line.quantity;
            item.amount += line.lineTotal;
        }
        orders += orderIds.size();
        discounts += bill->discountTotal;
        net += bill->total;
        paid += bill->paid;
        due += bill->due;
        for (const BillPayment &payment : std::as_const(bill->payments))
            byMethod[payment.method] += payment.amount;
        if (session.open)
            openVisits.append(QJsonObject{{u"session_id"_s, session.id},
                                          {u"table_id"_s, bill->tableId},
                                          {u"table_number"_s, bill->tableNumber},
                                          {u"total"_s, bill->total},
                                          {u"due"_s, bill->due}});
    }
    Q_ASSERT(net == gross - voids - discounts && net == paid + due);
    QJsonObject payments;
    for (auto it = byMethod.cbegin(); it != byMethod.cend(); ++it)
        payments.insert(it.key(), it.value());
    QJsonArray itemList;
    for (auto it = items.cbegin(); it != items.cend(); ++it)
        itemList.append(QJsonObject{{u"menu_item_id"_s, it.key().first},
                                    {u"name"_s, it->name},
                                    {u"quantity"_s, it->quantity},
                                    {u"amount"_s, it->amount}});
    qint64 calls = 0;
    if (m_calls) {
        auto counted = m_calls(date);
        if (!counted)
            return fail(counted.error());
        calls = *counted;
    }
    return QJsonObject{{u"date"_s, date},
                       {u"visits"_s, sessions->size()},
                       {u"orders"_s, orders},
                       {u"gross"_s, gross},
                       {u"voids"_s, voids},
                       {u"discounts"_s, discounts},
                       {u"net"_s, net},
                       {u"paid"_s, paid},
                       {u"due"_s, due},
                       {u"payments_by_method"_s, payments},
                       {u"items"_s, itemList},
                       {u"calls"_s, calls},
                       {u"open_visits"_s, openVisits}};
}

Result<QJsonObject> BusinessDayService::report(const QString &date)
{
    if (auto ok = checkDate(date); !ok)
        return fail(ok.error());
    auto closed = m_bills.closedDay(date);
    if (!closed)
        return fail(closed.error());
    if (closed->has_value())
        return (*closed)->report;
    auto report = compute(date);
    if (report)
        report->insert(u"closed"_s, false);
    return report;
}

Result<QJsonObject> BusinessDayService::close(const Principal &who, const QString &date, bool force,
                                              const QString &reason)
{
    QString forcedReason;
    if (force) {
        auto checked = VisitService::checkReason(reason);
        if (!checked)
            return fail(checked.error());
        forcedReason = *checked;
    }
    if (auto ok = checkDate(date); !ok)
        return fail(ok.error());
    auto closed = m_bills.closedDay(date);
    if (!closed)
        return fail(closed.error());
    if (closed->has_value())
        return (*closed)->report; // closing twice: the report it was closed with
    auto report = compute(date);
    if (!report)
        return fail(report.error());
    QJsonArray unpaid;
    for (const QJsonValue &visit : report->value(u"open_visits"_s).toArray()) {
        if (visit.toObject().value(u"due"_s).toInteger() > 0)
            unpaid.append(visit);
    }
    if (!unpaid.isEmpty() && !force)
        return fail(ErrorCode::DayUnsettled,
                    u"%1 visit(s) of %2 are still unpaid; settle them, or close the day anyway with force and a reason"_s
                            .arg(unpaid.size())
                            .arg(date),
                    QJsonObject{{u"open_visits"_s, unpaid}});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ClosedDay day{date, now, who.actor(), unpaid.isEmpty() ? QString() : forcedReason, {}};
    report->insert(u"closed"_s, true);
    report->insert(u"closed_at"_s, timestampJson(now));
    report->insert(u"closed_by"_s, QJsonObject{{u"kind"_s, u"staff"_s}, {u"name"_s, who.name}});
    report->insert(u"forced_reason"_s, day.forcedReason.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                 : QJsonValue(day.forcedReason));
    day.report = *report;
    db::Transaction tx(m_db);
    if (auto ok = m_bills.insertClosedDay(day); !ok)
        return fail(ok.error());
    QJsonObject data{{u"date"_s, date}, {u"report"_s, *report}};
    auto event = m_events.record(QString::fromLatin1(events::BusinessDayClosed), 0, data, who.actor());
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_events.publish(*event);
    return *report;
}

} // namespace tableorder::edge
