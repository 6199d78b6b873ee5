#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

#include "storage/ingestrepository.h"

#include <functional>

class QTcpSocket;

namespace tableorder::central {

struct HqPrincipal;

/// The HQ live order feed (SSE). An instance delivers the orders it applies to its own
/// subscribers directly. With PostgreSQL every instance LISTENs on one channel: for each
/// applied batch the applying instance NOTIFYs a small pointer (store and seq range), and an
/// instance with subscribers for that store reads those orders back; alerts travel whole.
///
/// Resumable: each order frame's id is `<store_id>:<seq>`, and a stream opens with a
/// `feed.cursor` event (each visible store's applied seq). A client that reconnects passes
/// the newest `store:seq` it has per store (`since`) and gets the order events it missed
/// first (at most kReplayLimit per store), then the live ones.
class LiveFeed : public QObject
{
    Q_OBJECT
public:
    /// db: a dedicated connection for LISTEN (PostgreSQL), or an invalid one for SQLite.
    explicit LiveFeed(QSqlDatabase listenDb, QObject *parent = nullptr);

    /// Order events replayed per store to a stream that resumes; older ones are skipped.
    static constexpr int kReplayLimit = 200;
    /// Per store, the seq a resuming client has seen up to.
    using Cursor = QHash<qint64, qint64>;
    /// `since` as a client sends it: "1:45,2:30" (store:seq pairs); bad pairs are ignored.
    [[nodiscard]] static Cursor parseCursor(QStringView since);

    void subscribe(const HqPrincipal &who, QTcpSocket *socket, const Cursor &since = {});
    /// Order events of a store by seq range, the last `limit` if > 0: for another instance's
    /// batches and for replay.
    using OrderReader = std::function<QList<OrderEvent>(qint64 storeId, qint64 fromSeq, qint64 toSeq, int limit)>;
    void setOrderReader(OrderReader reader) { m_readOrders = std::move(reader); }
    /// Each store's name and applied seq (organization; one store, or 0 for all of them).
    using PositionReader = std::function<QList<StorePosition>(qint64 orgId, qint64 storeId)>;
    void setPositionReader(PositionReader reader) { m_readPositions = std::move(reader); }

    /// An order event was applied here: to this instance's subscribers.
    void publish(qint64 orgId, qint64 storeId, const QString &storeName, const OrderEvent &event);
    /// A batch with order events was applied here: tells the other instances (PostgreSQL).
    void announceBatch(qint64 orgId, qint64 storeId, const QString &storeName, qint64 fromSeq, qint64 toSeq);
    /// An alert opened, was acknowledged or resolved (type alert.opened|acknowledged|resolved).
    void publishAlert(qint64 orgId, qint64 storeId, const QString &storeName, const QString &type,
                      const QJsonObject &alert);
    /// Cross-instance channel for menu publishes (PostgreSQL only).
    void announceMenu(qint64 storeId);
    [[nodiscard]] int subscriberCount() const { return int(m_subscribers.size()); }
    /// Revocation: ends the feeds of an HQ user ("hq:7"), or of one token (its jti).
    void closeStreamsOf(const QString &subject);
    void closeStreamsOfToken(const QString &tokenId);

signals:
    void menuAnnounced(qint64 storeId);

private:
    [[nodiscard]] bool watching(qint64 orgId, qint64 storeId) const;
    [[nodiscard]] static QJsonObject orderMessage(qint64 orgId, qint64 storeId, const QString &storeName,
                                                  const OrderEvent &event);
    [[nodiscard]] static QByteArray frame(const QJsonObject &message);
    void publishMessage(const QJsonObject &message);
    void deliver(const QJsonObject &message);
    void onNotification(const QString &name, const QVariant &payload);
    /// Sends what announceBatch() and publishAlert() queued during this event-loop turn, packed
    /// into JSON arrays under PostgreSQL's 8000-byte NOTIFY payload limit: a batch of 500
    /// orders is one small pointer, not 500 messages.
    void flush();
    bool notify(const QString &channel, const QString &payload);

    struct Subscriber
    {
        qint64 orgId = 0;
        QList<qint64> stores; // empty: every store of the organisation (admins)
        [[nodiscard]] bool sees(qint64 storeId) const { return stores.isEmpty() || stores.contains(storeId); }
        QPointer<QTcpSocket> socket;
        QString subject;
        QString tokenId;
    };
    void closeWhere(const std::function<bool(const Subscriber &)> &match);
    QSqlDatabase m_db;
    QSqlQuery m_notify;
    QList<QJsonObject> m_pending;
    bool m_distributed = false;
    QHash<qint64, Subscriber> m_subscribers;
    qint64 m_nextId = 1;
    QTimer m_heartbeat;
    QString m_instance; // tells this instance's own batch pointers apart
    OrderReader m_readOrders;
    PositionReader m_readPositions;
};

} // namespace tableorder::central
