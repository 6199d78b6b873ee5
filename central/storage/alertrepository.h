#pragma once

#include <QJsonObject>

#include "error.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace tableorder::central {

struct Alert
{
    qint64 id = 0;
    qint64 orgId = 0;
    qint64 storeId = 0;
    QString storeName;
    QString rule;
    QString subject;
    QString severity; // critical | warning
    QString state;    // open | acknowledged | resolved
    QString message;
    double value = 0;
    QString openedAt;
    QString acknowledgedAt;
    QString acknowledgedBy; // username
    QString resolvedAt;
    QJsonObject params; // the figures in message, by name, for a translated text
};

struct AlertHistoryEntry
{
    QString at;
    QString event;
    QString detail;
};

struct AlertSettingsRow
{
    QByteArray rules; // JSON object, merged over the defaults by the service
    QString webhookUrl;
};

struct Notification
{
    qint64 id = 0;
    qint64 alertId = 0;
    QString url;
    QByteArray payload;
    int attempts = 0;
    QDateTime createdAt;
};

/// Alerts with their history, per-organization alert settings, and the webhook outbox.
class AlertRepository
{
public:
    explicit AlertRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] Result<std::optional<AlertSettingsRow>> settings(qint64 orgId);
    [[nodiscard]] Status saveSettings(qint64 orgId, const AlertSettingsRow &row, const QString &at);

    /// Unresolved alerts of an organization (0: of all organizations).
    [[nodiscard]] Result<QList<Alert>> active(qint64 orgId);
    /// Newest first. Empty `states`: every state. `storeId` 0: every store.
    [[nodiscard]] Result<QList<Alert>> list(qint64 orgId, qint64 storeId, const QStringList &states, int limit);
    [[nodiscard]] Result<std::optional<Alert>> get(qint64 orgId, qint64 id);
    [[nodiscard]] Result<QList<AlertHistoryEntry>> history(qint64 alertId);
    /// Opens the alert unless one for (store, rule, subject) is unresolved: its id, or nothing
    /// when another evaluation (maybe another instance) got there first.
    [[nodiscard]] Result<std::optional<qint64>> open(const Alert &alert);
    /// False when it was already resolved.
    [[nodiscard]] Result<bool> resolve(qint64 id, const QString &at);
    /// False unless it was open.
    [[nodiscard]] Result<bool> acknowledge(qint64 id, qint64 userId, const QString &at);
    [[nodiscard]] Status addHistory(qint64 alertId, const QString &at, const QString &event, const QString &detail);

    [[nodiscard]] Status enqueueNotification(qint64 orgId, qint64 alertId, const QString &url,
                                             const QByteArray &payload, qint64 dueMs, const QString &at);
    /// Claims up to `limit` due notifications for `leaseMs` (another instance skips them).
    [[nodiscard]] Result<QList<Notification>> claimDue(qint64 nowMs, qint64 leaseMs, int limit);
    [[nodiscard]] Status delivered(qint64 id, const QString &at);
    /// Schedules another attempt at `nextMs`, or gives up (`failedAt` set).
    [[nodiscard]] Status retryLater(qint64 id, int attempts, qint64 nextMs, const QString &error,
                                    const QString &failedAt);
    /// Deletes delivered or failed notifications older than `before`.
    [[nodiscard]] Status pruneNotifications(const QString &before);

private:
    QSqlDatabase m_db;
};

} // namespace tableorder::central
