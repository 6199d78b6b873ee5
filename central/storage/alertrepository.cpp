#include "alertrepository.h"

#include "database.h"
#include "domain.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {
const QString alertSelect = uR"(
    SELECT a.id, a.org_id, a.store_id, s.name, a.rule, a.subject, a.severity, a.state, a.message, a.value,
           a.opened_at, a.acknowledged_at, u.username, a.resolved_at, a.params
    FROM alerts a JOIN stores s ON s.id = a.store_id LEFT JOIN hq_users u ON u.id = a.acknowledged_by )"_s;

Alert alertFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(),
            q.value(4).toString(),   q.value(5).toString(),   q.value(6).toString(),   q.value(7).toString(),
            q.value(8).toString(),   q.value(9).toDouble(),   q.value(10).toString(),  q.value(11).toString(),
            q.value(12).toString(),  q.value(13).toString(),
            QJsonDocument::fromJson(q.value(14).toString().toUtf8()).object()};
}

Result<QList<Alert>> alerts(QSqlQuery &q, const char *what)
{
    if (auto ok = db::exec(q, what); !ok)
        return fail(ok.error());
    QList<Alert> out;
    while (q.next())
        out.append(alertFrom(q));
    return out;
}
} // namespace

Result<std::optional<AlertSettingsRow>> AlertRepository::settings(qint64 orgId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT rules, webhook_url FROM alert_settings WHERE org_id = ?"_s);
    q.addBindValue(orgId);
    if (auto ok = db::exec(q, "read alert settings"); !ok)
        return fail(ok.error());
    if (!q.next())
        return std::optional<AlertSettingsRow>();
    return std::optional<AlertSettingsRow>(AlertSettingsRow{q.value(0).toString().toUtf8(), q.value(1).toString()});
}

Status AlertRepository::saveSettings(qint64 orgId, const AlertSettingsRow &row, const QString &at)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO alert_settings (org_id, rules, webhook_url, updated_at) "
                                      "VALUES (?, ?, ?, ?) ON CONFLICT (org_id) DO UPDATE SET rules = excluded.rules, "
                                      "webhook_url = excluded.webhook_url, updated_at = excluded.updated_at"_s);
    q.addBindValue(orgId);
    q.addBindValue(QString::fromUtf8(row.rules));
    q.addBindValue(db::text(row.webhookUrl));
    q.addBindValue(at);
    return db::exec(q, "save alert settings");
}

Result<QList<Alert>> AlertRepository::active(qint64 orgId)
{
    QSqlQuery q = db::prepared(m_db, alertSelect + u"WHERE a.state <> 'resolved' AND (? = 0 OR a.org_id = ?)"_s);
    q.addBindValue(orgId);
    q.addBindValue(orgId);
    return alerts(q, "active alerts");
}

Result<QList<Alert>> AlertRepository::list(qint64 orgId, qint64 storeId, const QStringList &states, int limit)
{
    QString sql = alertSelect + u"WHERE a.org_id = ? AND (? = 0 OR a.store_id = ?)"_s;
    if (!states.isEmpty())
        sql += u" AND a.state IN (%1)"_s.arg(QStringList(states.size(), u"?"_s).join(u", "_s));
    sql += u" ORDER BY a.id DESC LIMIT ?"_s;
    QSqlQuery q = db::prepared(m_db, sql);
    q.addBindValue(orgId);
    q.addBindValue(storeId);
    q.addBindValue(storeId);
    for (const QString &state : states)
        q.addBindValue(state);
    q.addBindValue(limit);
    return alerts(q, "list alerts");
}

Result<std::optional<Alert>> AlertRepository::get(qint64 orgId, qint64 id)
{
    QSqlQuery q = db::prepared(m_db, alertSelect + u"WHERE a.org_id = ? AND a.id = ?"_s);
    q.addBindValue(orgId);
    q.addBindValue(id);
    auto found = alerts(q, "read alert");
    if (!found)
        return fail(found.error());
    return found->isEmpty() ? std::optional<Alert>() : std::optional<Alert>(found->first());
}

Result<QList<AlertHistoryEntry>> AlertRepository::history(qint64 alertId)
{
    QSqlQuery q = db::prepared(m_db, u"SELECT at, event, detail FROM alert_history WHERE alert_id = ? ORDER BY id"_s);
    q.addBindValue(alertId);
    if (auto ok = db::exec(q, "alert history"); !ok)
        return fail(ok.error());
    QList<AlertHistoryEntry> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

Result<std::optional<qint64>> AlertRepository::open(const Alert &a)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO alerts (org_id, store_id, rule, subject, severity, state, message, "
                                      "value, opened_at, params) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?) "
                                      "ON CONFLICT DO NOTHING RETURNING id"_s);
    for (const QVariant &v : {QVariant(a.orgId), QVariant(a.storeId), QVariant(a.rule), QVariant(db::text(a.subject)),
                              QVariant(a.severity), QVariant(a.message), QVariant(a.value), QVariant(a.openedAt),
                              QVariant(QString::fromUtf8(QJsonDocument(a.params).toJson(QJsonDocument::Compact)))})
        q.addBindValue(v);
    if (auto ok = db::exec(q, "open alert"); !ok)
        return fail(ok.error());
    return q.next() ? std::optional<qint64>(q.value(0).toLongLong()) : std::optional<qint64>();
}

Result<bool> AlertRepository::resolve(qint64 id, const QString &at)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE alerts SET state = 'resolved', resolved_at = ? "
                                      "WHERE id = ? AND state <> 'resolved'"_s);
    q.addBindValue(at);
    q.addBindValue(id);
    if (auto ok = db::exec(q, "resolve alert"); !ok)
        return fail(ok.error());
    return q.numRowsAffected() > 0;
}

Result<bool> AlertRepository::acknowledge(qint64 id, qint64 userId, const QString &at)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE alerts SET state = 'acknowledged', acknowledged_at = ?, "
                                      "acknowledged_by = ? WHERE id = ? AND state = 'open'"_s);
    q.addBindValue(at);
    q.addBindValue(userId);
    q.addBindValue(id);
    if (auto ok = db::exec(q, "acknowledge alert"); !ok)
        return fail(ok.error());
    return q.numRowsAffected() > 0;
}

Status AlertRepository::addHistory(qint64 alertId, const QString &at, const QString &event, const QString &detail)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO alert_history (alert_id, at, event, detail) VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(alertId);
    q.addBindValue(at);
    q.addBindValue(event);
    q.addBindValue(db::text(detail));
    return db::exec(q, "alert history entry");
}

Status AlertRepository::enqueueNotification(qint64 orgId, qint64 alertId, const QString &url,
                                            const QByteArray &payload, qint64 dueMs, const QString &at)
{
    QSqlQuery q = db::prepared(m_db, u"INSERT INTO alert_notifications (org_id, alert_id, url, payload, "
                                      "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : {QVariant(orgId), QVariant(alertId), QVariant(url), QVariant(QString::fromUtf8(payload)),
                              QVariant(dueMs), QVariant(at)})
        q.addBindValue(v);
    return db::exec(q, "queue alert notification");
}

Result<QList<Notification>> AlertRepository::claimDue(qint64 nowMs, qint64 leaseMs, int limit)
{
    QSqlQuery due = db::prepared(m_db, u"SELECT id, alert_id, url, payload, attempts, created_at "
                                        "FROM alert_notifications WHERE delivered_at IS NULL AND failed_at IS NULL "
                                        "AND next_attempt_at <= ? AND claimed_until < ? ORDER BY id LIMIT ?"_s);
    due.addBindValue(nowMs);
    due.addBindValue(nowMs);
    due.addBindValue(limit);
    if (auto ok = db::exec(due, "due notifications"); !ok)
        return fail(ok.error());
    QList<Notification> candidates;
    while (due.next())
        candidates.append({due.value(0).toLongLong(), due.value(1).toLongLong(), due.value(2).toString(),
                           due.value(3).toString().toUtf8(), due.value(4).toInt(), parseTimestamp(due.value(5).toString())});
    due.finish();
    // Whoever sets the lease first sends it: two instances never send one notification at once.
    QSqlQuery claim = db::prepared(m_db, u"UPDATE alert_notifications SET claimed_until = ? WHERE id = ? "
                                          "AND claimed_until < ? AND delivered_at IS NULL"_s);
    QList<Notification> claimed;
    for (const Notification &n : std::as_const(candidates)) {
        claim.addBindValue(nowMs + leaseMs);
        claim.addBindValue(n.id);
        claim.addBindValue(nowMs);
        if (auto ok = db::exec(claim, "claim notification"); !ok)
            return fail(ok.error());
        if (claim.numRowsAffected() > 0)
            claimed.append(n);
    }
    return claimed;
}

Status AlertRepository::delivered(qint64 id, const QString &at)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE alert_notifications SET delivered_at = ?, attempts = attempts + 1, "
                                      "last_error = '' WHERE id = ?"_s);
    q.addBindValue(at);
    q.addBindValue(id);
    return db::exec(q, "notification delivered");
}

Status AlertRepository::retryLater(qint64 id, int attempts, qint64 nextMs, const QString &error, const QString &failedAt)
{
    QSqlQuery q = db::prepared(m_db, u"UPDATE alert_notifications SET attempts = ?, next_attempt_at = ?, "
                                      "claimed_until = 0, last_error = ?, failed_at = ? WHERE id = ?"_s);
    q.addBindValue(attempts);
    q.addBindValue(nextMs);
    q.addBindValue(db::text(error));
    q.addBindValue(failedAt.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(failedAt));
    q.addBindValue(id);
    return db::exec(q, "reschedule notification");
}

Status AlertRepository::pruneNotifications(const QString &before)
{
    QSqlQuery q = db::prepared(m_db, u"DELETE FROM alert_notifications WHERE created_at < ? "
                                      "AND (delivered_at IS NOT NULL OR failed_at IS NOT NULL)"_s);
    q.addBindValue(before);
    return db::exec(q, "prune notifications");
}

} // namespace tableorder::central
