#include "kitchentimes.h"

#include "apireply.h"
#include "edgeapi.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QVariantMap>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::kitchen {

KitchenTimes::KitchenTimes(EdgeApi &api, QObject *parent) : QObject(parent), m_api(api)
{
}

void KitchenTimes::setByHour(bool byHour)
{
    if (byHour == m_byHour)
        return;
    m_byHour = byHour;
    ++m_generation;
    m_report = {};
    emit reportChanged();
    load();
}

void KitchenTimes::load()
{
    const quint64 generation = m_generation;
    // No dates: the edge's own business day today.
    QUrlQuery query;
    query.addQueryItem(u"by"_s, m_byHour ? u"hour"_s : u"day"_s);
    m_api.get(u"/api/v1/kitchen/times"_s, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        if (reply.ok()) {
            m_report = reply.json;
            m_error.clear();
        } else {
            m_error = reply.noAnswer() ? tr("No answer from the edge") : reply.errorMessage();
        }
        emit reportChanged();
    }, query);
}

QString KitchenTimes::durationText(double seconds)
{
    const qint64 total = std::llround(std::max(0.0, seconds));
    if (total < 60)
        return tr("%1 s").arg(total);
    if (total % 60 == 0)
        return tr("%1 min").arg(total / 60);
    return tr("%1 min %2 s").arg(total / 60).arg(total % 60);
}

QVariantList KitchenTimes::rows(QStringView key) const
{
    QVariantList out;
    for (const QJsonValue &value : m_report.value(key).toArray()) {
        const QJsonObject row = value.toObject();
        QVariantMap map{{u"station"_s, row.value(u"station"_s).toString()},
                        {u"count"_s, row.value(u"count"_s).toInt()},
                        {u"p50Text"_s, durationText(row.value(u"p50_s"_s).toDouble())},
                        {u"p90Text"_s, durationText(row.value(u"p90_s"_s).toDouble())},
                        {u"hourText"_s, row.contains(u"hour"_s) ? tr("%1:00").arg(row.value(u"hour"_s).toInt(), 2, 10, QChar(u'0'))
                                                                 : QString()}};
        if (row.contains(u"name"_s))
            map.insert(u"name"_s, row.value(u"name"_s).toString());
        out.append(map);
    }
    return out;
}

} // namespace tableorder::kitchen
