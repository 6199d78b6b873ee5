#pragma once

#include <functional>

#include "error.h"
#include "storage/alertrepository.h"
#include "storage/fleetrepository.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace tableorder::central {

struct HqPrincipal;
class IngestRepository;
class LiveFeed;
class StoreService;

/// Alert rules evaluated at central over the stores' sync status and health snapshots:
/// an alert opens once per (store, rule, subject), may be acknowledged, resolves itself when
/// its condition clears, and keeps its history. Openings and resolutions go to the
/// organization's webhook (an outbox, retried with backoff) and to the live feed.
class AlertService : public QObject
{
    Q_OBJECT
public:
    AlertService(QSqlDatabase db, AlertRepository &alerts, FleetRepository &fleet, IngestRepository &ingest,
                 StoreService &stores, LiveFeed &feed, int evaluateMs, QObject *parent = nullptr);

    void start();
    /// An organization's reconciliation rows (ReportService::reconciliation: daily totals and
    /// Z reports against HQ's sums), which the reconciliation rule watches.
    using Reconciliation = std::function<Result<QJsonArray>(qint64 orgId)>;
    void setReconciliation(Reconciliation reconciliation) { m_reconciliation = std::move(reconciliation); }
    /// Let webhooks reach loopback, link-local and private addresses (off by default).
    void setAllowPrivateWebhooks(bool allow) { m_allowPrivateWebhooks = allow; }
    /// The rules' defaults, as `alert-settings` shows them.
    [[nodiscard]] static QJsonObject defaultRules();

    [[nodiscard]] Result<QJsonObject> settings(const HqPrincipal &who);
    /// VALIDATION_FAILED names the bad rule or field; nothing changes then.
    [[nodiscard]] Result<QJsonObject> updateSettings(const HqPrincipal &who, const QJsonObject &body);
    [[nodiscard]] Result<QJsonObject> list(const HqPrincipal &who, const QString &state, qint64 storeId, int limit);
    [[nodiscard]] Result<QJsonObject> get(const HqPrincipal &who, qint64 id);
    /// INVALID_TRANSITION unless the alert is open.
    [[nodiscard]] Result<QJsonObject> acknowledge(const HqPrincipal &who, qint64 id);

    /// One pass of every rule over every store (public so tests and the timer share it).
    void evaluate();
    /// Sends due webhook notifications.
    void deliver();
    [[nodiscard]] Status pruneNotifications(const QDateTime &now);

private:
    struct Condition
    {
        QString severity;
        QString message;
        double value = 0;
        QJsonObject params;
    };
    struct Key
    {
        qint64 storeId;
        QString rule;
        QString subject;
        bool operator==(const Key &) const = default;
    };
    friend size_t qHash(const Key &k, size_t seed) { return qHashMulti(seed, k.storeId, k.rule, k.subject); }

    Result<QJsonObject> rulesFor(qint64 orgId, QString *webhookUrl = nullptr);
    void conditionsFor(const StoreHealthRow &row, const QJsonObject &rules, QHash<Key, Condition> &out);
    void transition(const Alert &alert, const QString &event, const QString &webhookUrl);
    /// Posts one notification, or records it as refused when its host is internal.
    void post(const Notification &n, const std::optional<QHostAddress> &internal);
    [[nodiscard]] static QJsonObject toJson(const Alert &alert);

    QSqlDatabase m_db;
    AlertRepository &m_alerts;
    FleetRepository &m_fleet;
    IngestRepository &m_ingest;
    Reconciliation m_reconciliation;
    StoreService &m_stores;
    LiveFeed &m_feed;
    QTimer m_evaluate;
    QTimer m_delivery;
    QNetworkAccessManager m_network;
    QHash<Key, QDateTime> m_firstSeen; // conditions waiting out their rule's `for_s`
    int m_inFlight = 0;
    bool m_allowPrivateWebhooks = false;
};

} // namespace tableorder::central
