#include "livefeed.h"

#include "hqauthservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {
const QString ordersChannel = u"tableorder_orders"_s;
const QString menuChannel = u"tableorder_menu"_s;
} // namespace

LiveFeed::LiveFeed(QSqlDatabase listenDb, QObject *parent)
    : QObject(parent), m_db(std::move(listenDb)), m_instance(QUuid::createUuid().toString(QUuid::WithoutBraces))
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

LiveFeed::Cursor LiveFeed::parseCursor(QStringView since)
{
    Cursor out;
    for (QStringView pair : since.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype colon = pair.indexOf(u':');
        if (colon <= 0)
            continue;
        bool storeOk = false;
        bool seqOk = false;
        const qint64 store = pair.first(colon).toLongLong(&storeOk);
        const qint64 seq = pair.sliced(colon + 1).toLongLong(&seqOk);
        if (storeOk && seqOk && store > 0 && seq >= 0)
            out.insert(store, seq);
    }
    return out;
}

void LiveFeed::subscribe(const HqPrincipal &who, QTcpSocket *socket, const Cursor &since)
{
    const QList<qint64> storeScope = who.isAdmin() ? QList<qint64>() : who.stores;
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\n"
                      "X-Accel-Buffering: no\r\nConnection: keep-alive\r\n\r\nretry: 2000\n\n";
    // Read in the same event-loop turn as the subscription below: an order this instance
    // applies is either already in the positions (and the replay) or delivered live.
    // Another instance's batch can be both (committed before, announced after): clients
    // drop a frame whose id is not past what they have.
    QList<StorePosition> positions = m_readPositions ? m_readPositions(who.orgId, storeScope.size() == 1 ? storeScope.first() : 0)
                                                     : QList<StorePosition>();
    if (!who.isAdmin())
        positions.removeIf([&storeScope](const StorePosition &p) { return !storeScope.contains(p.storeId); });
    QJsonObject cursor;
    for (const StorePosition &p : positions)
        cursor.insert(QString::number(p.storeId), p.appliedSeq);
    head += "event: feed.cursor\ndata: " + QJsonDocument(QJsonObject{{u"cursor"_s, cursor}}).toJson(QJsonDocument::Compact)
            + "\n\n";
    for (const StorePosition &p : positions) {
        const auto seen = since.constFind(p.storeId);
        if (seen == since.cend() || *seen >= p.appliedSeq || !m_readOrders)
            continue;
        for (const OrderEvent &event : m_readOrders(p.storeId, *seen + 1, p.appliedSeq, kReplayLimit))
            head += frame(orderMessage(who.orgId, p.storeId, p.name, event));
    }
    const qint64 id = m_nextId++;
    m_subscribers.insert(id, {who.orgId, storeScope, socket, who.subject(), who.tokenId});
    socket->write(head);
    connect(socket, &QTcpSocket::disconnected, this, [this, id] { m_subscribers.remove(id); });
    connect(socket, &QObject::destroyed, this, [this, id] { m_subscribers.remove(id); });
}

void LiveFeed::closeWhere(const std::function<bool(const Subscriber &)> &match)
{
    QList<QPointer<QTcpSocket>> sockets;
    for (auto it = m_subscribers.begin(); it != m_subscribers.end();) {
        if (match(*it)) {
            sockets.append(it->socket);
            it = m_subscribers.erase(it);
        } else {
            ++it;
        }
    }
    for (const QPointer<QTcpSocket> &socket : sockets)
        if (socket)
            socket->abort();
}

void LiveFeed::closeStreamsOf(const QString &subject)
{
    closeWhere([&](const Subscriber &s) { return s.subject == subject; });
}

void LiveFeed::closeStreamsOfToken(const QString &tokenId)
{
    closeWhere([&](const Subscriber &s) { return !tokenId.isEmpty() && s.tokenId == tokenId; });
}

QJsonObject LiveFeed::orderMessage(qint64 orgId, qint64 storeId, const QString &storeName, const OrderEvent &event)
{
    // Only what a feed line shows.
    const QJsonObject &order = event.order;
    return {{u"org_id"_s, orgId},
            {u"store_id"_s, storeId},
            {u"store_name"_s, storeName},
            {u"type"_s, event.type},
            {u"seq"_s, event.seq},
            {u"order"_s, QJsonObject{{u"id"_s, order.value(u"id"_s)},
                                     {u"number"_s, order.value(u"number"_s)},
                                     {u"table_number"_s, order.value(u"table_number"_s)},
                                     {u"status"_s, order.value(u"status"_s)},
                                     {u"total"_s, order.value(u"total"_s)},
                                     {u"created_at"_s, order.value(u"created_at"_s)},
                                     {u"item_count"_s, order.value(u"items"_s).toArray().size()}}}};
}

QByteArray LiveFeed::frame(const QJsonObject &message)
{
    // Order events carry `<store>:<seq>` as their id: what a client resumes from.
    QByteArray out;
    if (const qint64 seq = message.value(u"seq"_s).toInteger(); seq > 0)
        out = "id: " + QByteArray::number(message.value(u"store_id"_s).toInteger()) + ':' + QByteArray::number(seq) + '\n';
    return out + "event: " + message.value(u"type"_s).toString().toUtf8() + "\ndata: "
            + QJsonDocument(message).toJson(QJsonDocument::Compact) + "\n\n";
}

bool LiveFeed::watching(qint64 orgId, qint64 storeId) const
{
    return std::any_of(m_subscribers.cbegin(), m_subscribers.cend(), [&](const Subscriber &s) {
        return s.socket && s.orgId == orgId && s.sees(storeId);
    });
}

void LiveFeed::publish(qint64 orgId, qint64 storeId, const QString &storeName, const OrderEvent &event)
{
    if (watching(orgId, storeId)) // nobody here watches: nothing to build
        deliver(orderMessage(orgId, storeId, storeName, event));
}

void LiveFeed::announceBatch(qint64 orgId, qint64 storeId, const QString &storeName, qint64 fromSeq, qint64 toSeq)
{
    if (!m_distributed)
        return;
    if (m_pending.isEmpty())
        QTimer::singleShot(0, this, &LiveFeed::flush);
    m_pending.append({{u"batch"_s, true},
                      {u"origin"_s, m_instance},
                      {u"org_id"_s, orgId},
                      {u"store_id"_s, storeId},
                      {u"store_name"_s, storeName},
                      {u"from"_s, fromSeq},
                      {u"to"_s, toSeq}});
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
    // NOTIFY payloads are limited to 8000 bytes: pack whole messages (batch pointers and
    // alerts) below that.
    constexpr qsizetype maxPayload = 7800;
    const QList<QJsonObject> pending = std::exchange(m_pending, {});
    QList<QJsonObject> chunk;
    QByteArray payload = "[";
    auto send = [&] {
        if (chunk.isEmpty())
            return;
        payload += ']';
        if (!notify(ordersChannel, QString::fromUtf8(payload))) {
            for (const QJsonObject &message : std::as_const(chunk)) {
                if (!message.value(u"batch"_s).toBool())
                    deliver(message); // at least this instance's feeds (ours have the orders)
            }
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
    if (name != ordersChannel || m_subscribers.isEmpty())
        return;
    // An array of messages and batch pointers, or a single message.
    const QJsonDocument document = QJsonDocument::fromJson(payload.toString().toUtf8());
    QJsonArray messages = document.array();
    if (document.isObject())
        messages.append(document.object());
    for (const QJsonValue &value : std::as_const(messages)) {
        const QJsonObject message = value.toObject();
        if (!message.value(u"batch"_s).toBool()) {
            deliver(message);
            continue;
        }
        const qint64 orgId = message.value(u"org_id"_s).toInteger();
        const qint64 storeId = message.value(u"store_id"_s).toInteger();
        // Our own batches reached our subscribers when they were applied.
        if (message.value(u"origin"_s).toString() == m_instance || !watching(orgId, storeId) || !m_readOrders)
            continue;
        const QString storeName = message.value(u"store_name"_s).toString();
        for (const OrderEvent &event :
             m_readOrders(storeId, message.value(u"from"_s).toInteger(), message.value(u"to"_s).toInteger(), 0))
            deliver(orderMessage(orgId, storeId, storeName, event));
    }
}

void LiveFeed::deliver(const QJsonObject &message)
{
    const qint64 orgId = message.value(u"org_id"_s).toInteger();
    const qint64 storeId = message.value(u"store_id"_s).toInteger();
    if (!watching(orgId, storeId))
        return;
    const QByteArray bytes = frame(message);
    for (const Subscriber &s : std::as_const(m_subscribers)) {
        if (s.socket && s.orgId == orgId && s.sees(storeId)
            && s.socket->bytesToWrite() < 1024 * 1024)
            s.socket->write(bytes);
    }
}

} // namespace tableorder::central
