#include "livefeed.h"

#include "hqauthservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTcpSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {
const QString ordersChannel = u"tableorder_orders"_s;
const QString menuChannel = u"tableorder_menu"_s;
} // namespace

LiveFeed::LiveFeed(QSqlDatabase listenDb, QObject *parent) : QObject(parent), m_db(std::move(listenDb))
{
    if (m_db.isValid() && m_db.driver()->hasFeature(QSqlDriver::EventNotifications)) {
        m_distributed = m_db.driver()->subscribeToNotification(ordersChannel)
                && m_db.driver()->subscribeToNotification(menuChannel);
        connect(m_db.driver(), &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                    onNotification(name, payload);
                });
        // This connection only LISTENs and NOTIFYs: a notification is a hint for live
        // screens, not data, so its transaction need not wait for the WAL to reach the disk.
        // (Each NOTIFY is a transaction of its own; a durable commit per applied batch would
        // double the fsyncs of sync on PostgreSQL.)
        QSqlQuery(m_db).exec(u"SET synchronous_commit = off"_s);
        m_notify = QSqlQuery(m_db);
        m_notify.prepare(u"SELECT pg_notify(?, ?)"_s);
    }
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        for (const Subscriber &s : std::as_const(m_subscribers)) {
            if (s.socket)
                s.socket->write(": ping\n\n");
        }
    });
    m_heartbeat.start(15'000);
}

void LiveFeed::subscribe(const HqPrincipal &who, QTcpSocket *socket)
{
    const qint64 id = m_nextId++;
    m_subscribers.insert(id, {who.orgId, who.isAdmin() ? 0 : who.storeId, socket});
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\n"
                  "X-Accel-Buffering: no\r\nConnection: keep-alive\r\n\r\nretry: 2000\n\n");
    connect(socket, &QTcpSocket::disconnected, this, [this, id] { m_subscribers.remove(id); });
    connect(socket, &QObject::destroyed, this, [this, id] { m_subscribers.remove(id); });
}

void LiveFeed::publish(qint64 orgId, qint64 storeId, const QString &storeName, const QString &type,
                       const QJsonObject &order)
{
    // Only what a feed line shows: NOTIFY payloads are limited to 8000 bytes.
    const QJsonObject message{{u"org_id"_s, orgId},
                              {u"store_id"_s, storeId},
                              {u"store_name"_s, storeName},
                              {u"type"_s, type},
                              {u"order"_s, QJsonObject{{u"id"_s, order.value(u"id"_s)},
                                                       {u"number"_s, order.value(u"number"_s)},
                                                       {u"table_number"_s, order.value(u"table_number"_s)},
                                                       {u"status"_s, order.value(u"status"_s)},
                                                       {u"total"_s, order.value(u"total"_s)},
                                                       {u"created_at"_s, order.value(u"created_at"_s)},
                                                       {u"item_count"_s, order.value(u"items"_s).toArray().size()}}}};
    publishMessage(message);
}

void LiveFeed::publishAlert(qint64 orgId, qint64 storeId, const QString &storeName, const QString &type,
                            const QJsonObject &alert)
{
    publishMessage({{u"org_id"_s, orgId}, {u"store_id"_s, storeId}, {u"store_name"_s, storeName},
                    {u"type"_s, type}, {u"alert"_s, alert}});
}

void LiveFeed::publishMessage(const QJsonObject &message)
{
    if (!m_distributed) {
        deliver(message);
        return;
    }
    if (m_pending.isEmpty())
        QTimer::singleShot(0, this, &LiveFeed::flush);
    m_pending.append(message);
}

bool LiveFeed::notify(const QString &channel, const QString &payload)
{
    m_notify.addBindValue(channel);
    m_notify.addBindValue(payload);
    const bool ok = m_notify.exec();
    m_notify.finish();
    return ok;
}

void LiveFeed::flush()
{
    // NOTIFY payloads are limited to 8000 bytes: pack whole messages below that.
    constexpr qsizetype maxPayload = 7800;
    const QList<QJsonObject> pending = std::exchange(m_pending, {});
    QList<QJsonObject> chunk;
    QByteArray payload = "[";
    auto send = [&] {
        if (chunk.isEmpty())
            return;
        payload += ']';
        if (!notify(ordersChannel, QString::fromUtf8(payload))) {
            for (const QJsonObject &message : std::as_const(chunk))
                deliver(message); // at least this instance's feeds
        }
        chunk.clear();
        payload = "[";
    };
    for (const QJsonObject &message : pending) {
        const QByteArray json = QJsonDocument(message).toJson(QJsonDocument::Compact);
        if (!chunk.isEmpty() && payload.size() + json.size() + 2 > maxPayload)
            send();
        if (!chunk.isEmpty())
            payload += ',';
        payload += json;
        chunk.append(message);
    }
    send();
}

void LiveFeed::announceMenu(qint64 storeId)
{
    if (!m_distributed)
        return;
    notify(menuChannel, QString::number(storeId));
}

void LiveFeed::onNotification(const QString &name, const QVariant &payload)
{
    if (name == menuChannel) {
        emit menuAnnounced(payload.toString().toLongLong());
        return;
    }
    // Nobody watches on this instance: nothing to parse.
    if (name == ordersChannel && !m_subscribers.isEmpty()) {
        // An array of messages (one NOTIFY per applied batch), or a single one.
        const QJsonDocument document = QJsonDocument::fromJson(payload.toString().toUtf8());
        if (document.isObject())
            deliver(document.object());
        for (const QJsonValue &message : document.array())
            deliver(message.toObject());
    }
}

void LiveFeed::deliver(const QJsonObject &message)
{
    const qint64 orgId = message.value(u"org_id"_s).toInteger();
    const qint64 storeId = message.value(u"store_id"_s).toInteger();
    const bool watched = std::any_of(m_subscribers.cbegin(), m_subscribers.cend(), [&](const Subscriber &s) {
        return s.socket && s.orgId == orgId && (s.storeId == 0 || s.storeId == storeId);
    });
    if (!watched)
        return;
    const QByteArray frame = "event: " + message.value(u"type"_s).toString().toUtf8() + "\ndata: "
            + QJsonDocument(message).toJson(QJsonDocument::Compact) + "\n\n";
    for (const Subscriber &s : std::as_const(m_subscribers)) {
        if (s.socket && s.orgId == orgId && (s.storeId == 0 || s.storeId == storeId)
            && s.socket->bytesToWrite() < 1024 * 1024)
            s.socket->write(frame);
    }
}

} // namespace tableorder::central
