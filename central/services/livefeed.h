#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

class QTcpSocket;

namespace tableorder::central {

struct HqPrincipal;

/// The HQ live order feed (SSE). With PostgreSQL every instance LISTENs on one channel
/// and an order applied by any instance reaches the feeds of all of them; with SQLite
/// (one instance) it is delivered in-process.
class LiveFeed : public QObject
{
    Q_OBJECT
public:
    /// db: a dedicated connection for LISTEN (PostgreSQL), or an invalid one for SQLite.
    explicit LiveFeed(QSqlDatabase listenDb, QObject *parent = nullptr);

    void subscribe(const HqPrincipal &who, QTcpSocket *socket);
    /// An order event was applied here; reaches every instance's subscribers.
    void publish(qint64 orgId, qint64 storeId, const QString &storeName, const QString &type,
                 const QJsonObject &order);
    /// An alert opened, was acknowledged or resolved (type alert.opened|acknowledged|resolved).
    void publishAlert(qint64 orgId, qint64 storeId, const QString &storeName, const QString &type,
                      const QJsonObject &alert);
    /// Cross-instance channel for menu publishes (PostgreSQL only).
    void announceMenu(qint64 storeId);
    [[nodiscard]] int subscriberCount() const { return int(m_subscribers.size()); }

signals:
    void menuAnnounced(qint64 storeId);

private:
    void publishMessage(const QJsonObject &message);
    void deliver(const QJsonObject &message);
    void onNotification(const QString &name, const QVariant &payload);
    /// Sends what publish() queued during this event-loop turn: a batch of 500 orders
    /// takes a few NOTIFYs (JSON arrays under PostgreSQL's 8000-byte payload limit), not 500.
    void flush();
    bool notify(const QString &channel, const QString &payload);

    struct Subscriber
    {
        qint64 orgId = 0;
        qint64 storeId = 0; // viewers: their store only
        QPointer<QTcpSocket> socket;
    };
    QSqlDatabase m_db;
    QSqlQuery m_notify;
    QList<QJsonObject> m_pending;
    bool m_distributed = false;
    QHash<qint64, Subscriber> m_subscribers;
    qint64 m_nextId = 1;
    QTimer m_heartbeat;
};

} // namespace tableorder::central
