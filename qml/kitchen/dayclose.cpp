#include "dayclose.h"

#include "apireply.h"
#include "edgeapi.h"
#include "floortext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QVariantMap>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::kitchen {

namespace {
// The edge's business_day_cutoff_hour default (docs/operations.md): 01:30 is the evening before.
constexpr int cutoffHour = 4;
} // namespace

DayClose::DayClose(EdgeApi &api, QObject *parent) : QObject(parent), m_api(api), m_date(today())
{
}

void DayClose::setLanguage(const QString &language)
{
    m_language = language;
    emit dateChanged();
    emit reportChanged();
}

void DayClose::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    const bool wasToday = m_date == today();
    m_zone = zone;
    if (wasToday)
        m_date = today();
    emit dateChanged();
}

QDate DayClose::today() const
{
    return QDateTime::currentDateTimeUtc().toTimeZone(m_zone).addSecs(-cutoffHour * 3600).date();
}

void DayClose::setDate(const QString &isoDate)
{
    const QDate date = QDate::fromString(isoDate, Qt::ISODate);
    if (!date.isValid() || date == m_date)
        return;
    m_date = date;
    ++m_generation;
    m_report = {};
    m_refused = false;
    m_refusedVisits = {};
    m_error.clear();
    emit dateChanged();
    emit reportChanged();
    load();
}

void DayClose::shiftDays(int days)
{
    const QDate next = m_date.addDays(days);
    if (next <= today())
        setDate(next.toString(Qt::ISODate));
}

void DayClose::showToday()
{
    if (m_date == today())
        load();
    else
        setDate(today().toString(Qt::ISODate)); // loads it
}

void DayClose::load()
{
    const quint64 generation = m_generation;
    m_api.get(u"/api/v1/business-days/%1/report"_s.arg(date()), [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        if (reply.ok()) {
            m_report = reply.json;
            m_error.clear();
        } else {
            m_error = reply.noAnswer() ? tr("No answer from the edge") : reply.errorMessage();
        }
        emit reportChanged();
    });
}

void DayClose::close(bool force, const QString &reason)
{
    if (m_busy)
        return;
    QJsonObject body;
    if (force)
        body = {{u"force"_s, true}, {u"reason"_s, reason.trimmed()}};
    setBusy(true);
    const quint64 generation = m_generation;
    const QString day = date();
    m_api.post(u"/api/v1/business-days/%1/close"_s.arg(day), body, [this, generation, day](const ApiReply &reply) {
        setBusy(false);
        if (generation != m_generation)
            return;
        m_error.clear();
        if (reply.ok()) {
            m_report = reply.json;
            m_refused = false;
            m_refusedVisits = {};
            emit reportChanged();
            emit dayClosed(day);
            return;
        }
        if (reply.errorCode() == u"DAY_UNSETTLED"_s) {
            m_refused = true;
            m_refusedVisits = reply.errorDetails().value(u"open_visits"_s).toArray();
        } else {
            m_error = reply.noAnswer() ? tr("No answer from the edge: the day may or may not be closed; try again "
                                            "(closing twice changes nothing)")
                                       : reply.errorMessage();
        }
        emit reportChanged();
        load();
    });
}

QString DayClose::dateText() const
{
    return kitchen::dateText(m_date, m_language);
}

QString DayClose::won(qint64 amount) const
{
    return wonText(amount, m_language);
}

QVariantMap DayClose::figures() const
{
    const auto money = [this](const char *key) { return won(m_report.value(QLatin1StringView(key)).toInteger()); };
    const QJsonObject by = m_report.value(u"closed_by"_s).toObject();
    const QDateTime closedAt = QDateTime::fromString(m_report.value(u"closed_at"_s).toString(), Qt::ISODateWithMs);
    return {
            {u"orders"_s, tr("%n order(s)", nullptr, m_report.value(u"orders"_s).toInt())},
            {u"visits"_s, tr("%n visit(s)", nullptr, m_report.value(u"visits"_s).toInt())},
            {u"calls"_s, tr("%n call(s)", nullptr, m_report.value(u"calls"_s).toInt())},
            {u"gross"_s, money("gross")},
            {u"voids"_s, won(-m_report.value(u"voids"_s).toInteger())},
            {u"discounts"_s, won(-m_report.value(u"discounts"_s).toInteger())},
            {u"net"_s, money("net")},
            {u"paid"_s, money("paid")},
            {u"due"_s, money("due")},
            {u"closedAtText"_s, closedAt.isValid()
                     ? kitchen::dateText(closedAt.toTimeZone(m_zone).date(), m_language) + u' '
                             + closedAt.toTimeZone(m_zone).toString(u"HH:mm"_s)
                     : QString()},
            {u"closedBy"_s, by.value(u"name"_s).toString()},
            {u"forcedReason"_s, m_report.value(u"forced_reason"_s).toString()},
    };
}

QVariantList DayClose::methods() const
{
    const QJsonObject byMethod = m_report.value(u"payments_by_method"_s).toObject();
    QVariantList out;
    for (const auto &[method, label] : {std::pair{u"card"_s, tr("Card")}, std::pair{u"cash"_s, tr("Cash")},
                                        std::pair{u"transfer"_s, tr("Transfer")}, std::pair{u"other"_s, tr("Other")}}) {
        out.append(QVariantMap{{u"method"_s, method},
                               {u"label"_s, label},
                               {u"amountText"_s, won(byMethod.value(method).toInteger())}});
    }
    return out;
}

QVariantList DayClose::items() const
{
    QList<QJsonObject> list;
    for (const QJsonValue &item : m_report.value(u"items"_s).toArray())
        list.append(item.toObject());
    std::stable_sort(list.begin(), list.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"quantity"_s).toInt() > b.value(u"quantity"_s).toInt();
    });
    QVariantList out;
    for (const QJsonObject &item : list)
        out.append(QVariantMap{{u"name"_s, item.value(u"name"_s).toString()},
                               {u"quantity"_s, item.value(u"quantity"_s).toInt()},
                               {u"amountText"_s, won(item.value(u"amount"_s).toInteger())}});
    return out;
}

QVariantList DayClose::openVisits() const
{
    const QJsonArray visits = m_refused ? m_refusedVisits : m_report.value(u"open_visits"_s).toArray();
    QVariantList out;
    for (const QJsonValue &v : visits) {
        const QJsonObject visit = v.toObject();
        out.append(QVariantMap{{u"tableNumber"_s, visit.value(u"table_number"_s).toInt()},
                               {u"totalText"_s, won(visit.value(u"total"_s).toInteger())},
                               {u"dueText"_s, won(visit.value(u"due"_s).toInteger())}});
    }
    return out;
}

void DayClose::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

} // namespace tableorder::kitchen
