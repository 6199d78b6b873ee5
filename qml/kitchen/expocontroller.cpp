#include "expocontroller.h"

#include "apireply.h"
#include "edgeapi.h"
#include "orderlistmodel.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::kitchen {

ExpoController::ExpoController(EdgeApi &api, QObject *parent) : QObject(parent), m_api(api)
{
    // A rush sends many events at once: one rebuild per burst.
    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(50);
    connect(&m_rebuild, &QTimer::timeout, this, &ExpoController::rebuild);
}

ExpoController::~ExpoController() = default;

void ExpoController::refresh()
{
    QUrlQuery query;
    query.addQueryItem(u"status"_s, u"pending,preparing,completed"_s);
    query.addQueryItem(u"from"_s, QDateTime::currentDateTimeUtc().addMSecs(-readyKeptMs).toString(Qt::ISODateWithMs));
    query.addQueryItem(u"limit"_s, u"1000"_s);
    m_api.listOrders(query, [this](const ApiReply &reply) {
        if (!reply.ok()) {
            emit notice(tr("Could not load the orders: %1")
                                .arg(reply.noAnswer() ? tr("no connection") : reply.errorMessage()));
            return;
        }
        m_orders.clear();
        for (const QJsonValue &order : reply.json.value(u"orders"_s).toArray())
            upsert(order.toObject());
        m_loaded = true;
        rebuild();
    });
}

void ExpoController::clear()
{
    m_orders.clear();
    m_loaded = false;
    rebuild();
}

void ExpoController::markServed(qint64 orderId)
{
    const int number = m_orders.value(orderId).value(u"number"_s).toInt();
    m_api.setOrderStatus(orderId, u"served"_s, [this, orderId, number](const ApiReply &reply) {
        if (reply.ok()) {
            upsert(reply.json);
            rebuild();
            return;
        }
        emit notice(tr("Order #%1 could not be marked served: %2")
                            .arg(number)
                            .arg(reply.noAnswer() ? tr("no connection") : reply.errorMessage()));
        refetch(orderId);
    });
}

void ExpoController::onEvent(const QString &type, const QJsonObject &data)
{
    if (!m_loaded)
        return; // loaded in full when the page is first shown
    // A line or station bump and a recall come as order.lines_done / order.recalled, then
    // order.updated with the whole order: that one is enough here.
    if (type == u"order.created"_s || type == u"order.updated"_s) {
        upsert(data);
        m_rebuild.start();
    } else if (type == u"snapshot"_s) {
        refresh(); // back after a gap: events may be missing
    }
}

void ExpoController::upsert(const QJsonObject &order)
{
    const qint64 id = order.value(u"id"_s).toInteger();
    const QString status = order.value(u"status"_s).toString();
    if (status == u"pending"_s || status == u"preparing"_s || status == u"completed"_s)
        m_orders.insert(id, order);
    else
        m_orders.remove(id); // served or canceled: off the pass
}

void ExpoController::refetch(qint64 orderId)
{
    if (orderId <= 0)
        return;
    m_api.get(u"/api/v1/orders/%1"_s.arg(orderId), [this](const ApiReply &reply) {
        if (reply.ok()) {
            upsert(reply.json);
            m_rebuild.start();
        }
    });
}

void ExpoController::rebuild()
{
    m_rebuild.stop();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QVariantMap> ready;
    QList<QVariantMap> cooking;
    for (const QJsonObject &order : std::as_const(m_orders)) {
        const QString status = order.value(u"status"_s).toString();
        const qint64 readyMs = timestampMs(order.value(u"completed_at"_s));
        if (status == u"completed"_s && now - readyMs > readyKeptMs)
            continue;
        QStringList names;
        QHash<QString, std::pair<int, int>> progress; // station -> (done, total)
        QVariantList lines;
        for (const QJsonValue &value : order.value(u"items"_s).toArray()) {
            const QJsonObject line = value.toObject();
            QString station = line.value(u"station"_s).toString();
            if (station.isEmpty())
                station = u"kitchen"_s;
            const bool done = status == u"completed"_s || timestampMs(line.value(u"done_at"_s)) > 0;
            if (!names.contains(station))
                names.append(station);
            auto &counts = progress[station];
            counts.first += done ? 1 : 0;
            counts.second += 1;
            lines.append(QVariantMap{{u"name"_s, line.value(u"name"_s).toString()},
                                     {u"quantity"_s, line.value(u"quantity"_s).toInt()},
                                     {u"station"_s, station},
                                     {u"done"_s, done}});
        }
        QVariantList stations;
        for (const QString &name : std::as_const(names))
            stations.append(QVariantMap{{u"name"_s, name},
                                        {u"done"_s, progress.value(name).first},
                                        {u"total"_s, progress.value(name).second}});
        QVariantMap entry{{u"id"_s, order.value(u"id"_s).toInteger()},
                          {u"number"_s, order.value(u"number"_s).toInt()},
                          {u"tableNumber"_s, order.value(u"table_number"_s).toInt()},
                          {u"status"_s, status},
                          {u"ready"_s, status == u"completed"_s},
                          {u"createdMs"_s, timestampMs(order.value(u"created_at"_s))},
                          {u"readyMs"_s, readyMs},
                          {u"note"_s, order.value(u"note"_s).toString()},
                          {u"stations"_s, stations},
                          {u"lines"_s, lines}};
        (status == u"completed"_s ? ready : cooking).append(entry);
    }
    std::stable_sort(ready.begin(), ready.end(), [](const QVariantMap &a, const QVariantMap &b) {
        return a.value(u"readyMs"_s).toLongLong() < b.value(u"readyMs"_s).toLongLong();
    });
    std::stable_sort(cooking.begin(), cooking.end(), [](const QVariantMap &a, const QVariantMap &b) {
        return a.value(u"createdMs"_s).toLongLong() < b.value(u"createdMs"_s).toLongLong();
    });
    m_list.clear();
    for (const QVariantMap &entry : std::as_const(ready))
        m_list.append(entry);
    for (const QVariantMap &entry : std::as_const(cooking))
        m_list.append(entry);
    m_readyCount = int(ready.size());
    emit ordersChanged();
}

} // namespace tableorder::kitchen
