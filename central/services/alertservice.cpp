#include "alertservice.h"

#include "database.h"
#include "domain.h"
#include "hqauthservice.h"
#include "json.h"
#include "livefeed.h"
#include "storage/ingestrepository.h"
#include "storeservice.h"
#include "webhooktarget.h"

#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUrl>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAlerts, "tableorder.central.alerts")

namespace tableorder::central {

namespace {

constexpr qint64 kLeaseMs = 60'000;
constexpr qint64 kGiveUpAfterSeconds = 24 * 3600;
constexpr int kMaxInFlight = 8;
constexpr qint64 kAppliedQuietSeconds = 30;

struct Field
{
    QString name;
    double min;
    double max;
};

/// Every rule and its numeric fields (plus `enabled`), for validation.
const QHash<QString, QList<Field>> &ruleFields()
{
    static const QHash<QString, QList<Field>> fields{
            {u"edge_offline"_s, {{u"after_s"_s, 2, 86400}}},
            {u"route_latency"_s, {{u"p95_ms"_s, 1, 600000}, {u"p99_ms"_s, 1, 600000}, {u"min_requests"_s, 1, 1e9}}},
            {u"order_unacknowledged"_s, {}},
            {u"call_overdue"_s, {{u"min_calls"_s, 1, 1000}}},
            {u"printer_fault"_s, {{u"after_s"_s, 0, 86400}}},
            {u"sync_backlog"_s, {{u"after_s"_s, 1, 86400 * 7}}},
            {u"disk_free"_s, {{u"percent"_s, 0.1, 99}}},
            {u"reconciliation"_s, {{u"for_s"_s, 0, 86400}}},
            {u"dead_letters"_s, {{u"window_h"_s, 1, 720}}},
            {u"journal_broken"_s, {}},
            // Issue 17: the store PC's resources and the edge's 5xx share.
            {u"memory_high"_s, {{u"percent"_s, 1, 100}, {u"for_s"_s, 0, 86400}}},
            {u"cpu_high"_s, {{u"percent"_s, 1, 100}, {u"for_s"_s, 0, 86400}}},
            {u"error_rate"_s, {{u"percent"_s, 0.01, 100}, {u"min_requests"_s, 1, 1e9}, {u"for_s"_s, 0, 86400}}},
    };
    return fields;
}

QString number(double v)
{
    return QLocale(QLocale::English).toString(v, 'f', v == std::floor(v) ? 0 : 1);
}

QString now()
{
    return timestampText(QDateTime::currentDateTimeUtc());
}

} // namespace

AlertService::AlertService(QSqlDatabase db, AlertRepository &alerts, FleetRepository &fleet, IngestRepository &ingest,
                           StoreService &stores, LiveFeed &feed, int evaluateMs, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_alerts(alerts), m_fleet(fleet), m_ingest(ingest), m_stores(stores),
      m_feed(feed)
{
    m_evaluate.setInterval(evaluateMs);
    m_delivery.setInterval(1000);
    connect(&m_evaluate, &QTimer::timeout, this, &AlertService::evaluate);
    connect(&m_delivery, &QTimer::timeout, this, &AlertService::deliver);
}

void AlertService::start()
{
    m_evaluate.start();
    m_delivery.start();
}

QJsonObject AlertService::defaultRules()
{
    return {{u"edge_offline"_s, QJsonObject{{u"enabled"_s, true}, {u"after_s"_s, 120}}},
            {u"route_latency"_s, QJsonObject{{u"enabled"_s, true}, {u"p95_ms"_s, 500}, {u"p99_ms"_s, 1000}, {u"min_requests"_s, 1}}},
            {u"order_unacknowledged"_s, QJsonObject{{u"enabled"_s, true}}},
            {u"call_overdue"_s, QJsonObject{{u"enabled"_s, true}, {u"min_calls"_s, 1}}},
            {u"printer_fault"_s, QJsonObject{{u"enabled"_s, true}, {u"after_s"_s, 0}}},
            {u"sync_backlog"_s, QJsonObject{{u"enabled"_s, true}, {u"after_s"_s, 300}}},
            {u"disk_free"_s, QJsonObject{{u"enabled"_s, true}, {u"percent"_s, 10}}},
            {u"reconciliation"_s, QJsonObject{{u"enabled"_s, true}, {u"for_s"_s, 60}}},
            {u"dead_letters"_s, QJsonObject{{u"enabled"_s, true}, {u"window_h"_s, 24}}},
            {u"journal_broken"_s, QJsonObject{{u"enabled"_s, true}}},
            {u"memory_high"_s, QJsonObject{{u"enabled"_s, true}, {u"percent"_s, 90}, {u"for_s"_s, 0}}},
            // "Sustained": above the limit in every evaluation for five minutes.
            {u"cpu_high"_s, QJsonObject{{u"enabled"_s, true}, {u"percent"_s, 80}, {u"for_s"_s, 300}}},
            // A minute of a quiet store (a handful of requests) says nothing about a rate.
            {u"error_rate"_s, QJsonObject{{u"enabled"_s, true}, {u"percent"_s, 1}, {u"min_requests"_s, 20}, {u"for_s"_s, 0}}}};
}

Result<QJsonObject> AlertService::rulesFor(qint64 orgId, QString *webhookUrl)
{
    auto row = m_alerts.settings(orgId);
    if (!row)
        return fail(row.error());
    QJsonObject rules = defaultRules();
    if (*row) {
        const QJsonObject saved = QJsonDocument::fromJson((*row)->rules).object();
        for (auto it = saved.begin(); it != saved.end(); ++it) {
            QJsonObject rule = rules.value(it.key()).toObject();
            const QJsonObject fields = it.value().toObject();
            for (auto f = fields.begin(); f != fields.end(); ++f)
                rule.insert(f.key(), f.value());
            rules.insert(it.key(), rule);
        }
        if (webhookUrl)
            *webhookUrl = (*row)->webhookUrl;
    }
    return rules;
}

Result<QJsonObject> AlertService::settings(const HqPrincipal &who)
{
    QString webhook;
    auto rules = rulesFor(who.orgId, &webhook);
    if (!rules)
        return fail(rules.error());
    // The URL is a secret (whoever holds a Slack or Teams webhook URL can post to it): only
    // HQ admins, who set it, read it back; others learn whether one is set.
    if (!who.isAdmin())
        return QJsonObject{{u"webhook_configured"_s, !webhook.isEmpty()}, {u"rules"_s, *rules}};
    return QJsonObject{{u"webhook_url"_s, webhook.isEmpty() ? QJsonValue() : QJsonValue(webhook)},
                       {u"webhook_configured"_s, !webhook.isEmpty()}, {u"rules"_s, *rules}};
}

Result<QJsonObject> AlertService::updateSettings(const HqPrincipal &who, const QJsonObject &body)
{
    if (!who.isAdmin())
        return fail(ErrorCode::Forbidden, u"only HQ admins change alert settings"_s);
    if (auto ok = json::allowOnly(body, {u"webhook_url"_s, u"rules"_s}); !ok)
        return fail(ok.error());
    QString webhook;
    auto rules = rulesFor(who.orgId, &webhook);
    if (!rules)
        return fail(rules.error());
    if (body.contains(u"webhook_url"_s)) {
        const QJsonValue v = body.value(u"webhook_url"_s);
        if (!v.isNull() && !v.isString())
            return fail(Error::validation(u"webhook_url"_s, u"webhook_url must be an http(s) URL or null"_s));
        webhook = v.toString().trimmed();
        if (!webhook.isEmpty()) {
            if (auto ok = checkWebhookUrl(webhook, m_allowPrivateWebhooks); !ok)
                return fail(ok.error());
        }
    }
    if (body.contains(u"rules"_s)) {
        if (!body.value(u"rules"_s).isObject())
            return fail(Error::validation(u"rules"_s, u"rules must be an object of rule name to settings"_s));
        const QJsonObject changes = body.value(u"rules"_s).toObject();
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            const auto known = ruleFields().constFind(it.key());
            if (known == ruleFields().cend())
                return fail(Error::validation(u"rules"_s, u"unknown rule %1"_s.arg(it.key())));
            if (!it.value().isObject())
                return fail(Error::validation(u"rules."_s + it.key(), u"a rule's settings are an object"_s));
            QJsonObject rule = rules->value(it.key()).toObject();
            const QJsonObject fields = it.value().toObject();
            for (auto f = fields.begin(); f != fields.end(); ++f) {
                const QString path = u"rules.%1.%2"_s.arg(it.key(), f.key());
                if (f.key() == u"enabled"_s) {
                    if (!f.value().isBool())
                        return fail(Error::validation(path, u"%1 must be true or false"_s.arg(path)));
                } else {
                    const auto field = std::find_if(known->cbegin(), known->cend(),
                                                    [&](const Field &x) { return x.name == f.key(); });
                    if (field == known->cend())
                        return fail(Error::validation(path, u"unknown setting %1"_s.arg(path)));
                    if (!f.value().isDouble() || f.value().toDouble() < field->min || f.value().toDouble() > field->max)
                        return fail(Error::validation(path, u"%1 must be a number from %2 to %3"_s
                                                                    .arg(path, number(field->min), number(field->max))));
                }
                rule.insert(f.key(), f.value());
            }
            rules->insert(it.key(), rule);
        }
    }
    if (auto ok = m_alerts.saveSettings(who.orgId, {QJsonDocument(*rules).toJson(QJsonDocument::Compact), webhook}, now());
        !ok)
        return fail(ok.error());
    return settings(who);
}

QJsonObject AlertService::toJson(const Alert &a)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{u"id"_s, a.id},
            {u"store_id"_s, a.storeId},
            {u"store_name"_s, a.storeName},
            {u"rule"_s, a.rule},
            {u"subject"_s, a.subject},
            {u"severity"_s, a.severity},
            {u"state"_s, a.state},
            {u"message"_s, a.message},
            {u"params"_s, a.params},
            {u"value"_s, a.value},
            {u"opened_at"_s, a.openedAt},
            {u"acknowledged_at"_s, orNull(a.acknowledgedAt)},
            {u"acknowledged_by"_s, orNull(a.acknowledgedBy)},
            {u"resolved_at"_s, orNull(a.resolvedAt)}};
}

Result<QJsonObject> AlertService::list(const HqPrincipal &who, const QString &state, qint64 storeId, int limit)
{
    QStringList states;
    if (state.isEmpty())
        states = {u"open"_s, u"acknowledged"_s};
    else if (state == u"open"_s || state == u"acknowledged"_s || state == u"resolved"_s)
        states = {state};
    else if (state != u"all"_s)
        return fail(Error::validation(u"state"_s, u"state must be open, acknowledged, resolved or all"_s));
    if (!who.isAdmin() && storeId == 0 && who.stores.size() > 1) {
        // Each of a store manager's or viewer's stores, newest first as one list.
        QJsonArray all;
        for (qint64 store : who.stores) {
            auto one = list(who, state, store, limit);
            if (!one)
                return one;
            for (const QJsonValue &a : one->value(u"alerts"_s).toArray())
                all.append(a);
        }
        return QJsonObject{{u"alerts"_s, all}};
    }
    if (!who.isAdmin()) {
        if (storeId != 0 && !who.canSee(storeId))
            return fail(Error::notFound(u"store"_s));
        storeId = storeId ? storeId : who.storeId;
    } else if (storeId != 0) {
        if (auto store = m_stores.get(who, storeId); !store)
            return fail(store.error());
    }
    auto alerts = m_alerts.list(who.orgId, storeId, states, std::clamp(limit, 1, 1000));
    if (!alerts)
        return fail(alerts.error());
    QJsonArray out;
    for (const Alert &a : std::as_const(*alerts))
        out.append(toJson(a));
    return QJsonObject{{u"alerts"_s, out}};
}

Result<QJsonObject> AlertService::get(const HqPrincipal &who, qint64 id)
{
    auto alert = m_alerts.get(who.orgId, id);
    if (!alert)
        return fail(alert.error());
    if (!*alert || !who.canSee((*alert)->storeId))
        return fail(Error::notFound(u"alert"_s));
    auto history = m_alerts.history(id);
    if (!history)
        return fail(history.error());
    QJsonArray entries;
    for (const AlertHistoryEntry &h : std::as_const(*history))
        entries.append(QJsonObject{{u"at"_s, h.at}, {u"event"_s, h.event}, {u"detail"_s, h.detail}});
    QJsonObject json = toJson(**alert);
    json.insert(u"history"_s, entries);
    return json;
}

Result<QJsonObject> AlertService::acknowledge(const HqPrincipal &who, qint64 id)
{
    auto alert = m_alerts.get(who.orgId, id);
    if (!alert)
        return fail(alert.error());
    if (!*alert || !who.canSee((*alert)->storeId))
        return fail(Error::notFound(u"alert"_s));
    if (!who.isAdmin())
        return fail(ErrorCode::Forbidden, u"only HQ admins acknowledge alerts"_s);
    const QString at = now();
    {
        db::Transaction tx(m_db);
        auto changed = m_alerts.acknowledge(id, who.userId, at);
        if (!changed)
            return fail(changed.error());
        if (!*changed)
            return fail(ErrorCode::InvalidTransition, u"alert %1 is %2; only an open alert can be acknowledged"_s
                                                              .arg(id).arg((*alert)->state),
                        QJsonObject{{u"state"_s, (*alert)->state}});
        if (auto ok = m_alerts.addHistory(id, at, u"acknowledged"_s, u"user %1"_s.arg(who.userId)); !ok)
            return fail(ok.error());
        if (auto ok = tx.commit(); !ok)
            return fail(ok.error());
    }
    auto updated = m_alerts.get(who.orgId, id);
    if (!updated || !*updated)
        return fail(Error::internal());
    transition(**updated, u"acknowledged"_s, QString());
    return toJson(**updated);
}

void AlertService::conditionsFor(const StoreHealthRow &row, const QJsonObject &rules, QHash<Key, Condition> &out)
{
    const QDateTime nowUtc = QDateTime::currentDateTimeUtc();
    auto rule = [&](const QString &name) {
        const QJsonObject r = rules.value(name).toObject();
        return r.value(u"enabled"_s).toBool(true) ? r : QJsonObject();
    };
    const bool online = m_stores.isOnline(row.lastSyncAt);
    if (const QJsonObject r = rule(u"edge_offline"_s); !r.isEmpty() && row.lastSyncAt.isValid()) {
        const qint64 silent = row.lastSyncAt.secsTo(nowUtc);
        if (silent > r.value(u"after_s"_s).toDouble())
            out.insert({row.storeId, u"edge_offline"_s, {}},
                       {u"critical"_s, u"no contact for %1 s (last sync %2)"_s.arg(silent).arg(timestampText(row.lastSyncAt)),
                        double(silent),
                        {{u"silent_s"_s, silent}, {u"last_sync"_s, timestampText(row.lastSyncAt)}}});
    }
    if (const QJsonObject r = rule(u"sync_backlog"_s); !r.isEmpty() && row.lastSyncAt.isValid() && row.backlog > 0) {
        const bool stalled = !row.lastAppliedAt.isValid() || row.lastAppliedAt.secsTo(nowUtc) > kAppliedQuietSeconds;
        if (online && stalled && row.lagMs > r.value(u"after_s"_s).toDouble() * 1000)
            out.insert({row.storeId, u"sync_backlog"_s, {}},
                       {u"warning"_s, u"%1 events waiting, the oldest for %2 s, while the store is online"_s
                                              .arg(row.backlog).arg(row.lagMs / 1000),
                        row.lagMs / 1000.0,
                        {{u"events"_s, row.backlog}, {u"oldest_s"_s, row.lagMs / 1000}}});
    }
    if (row.atMs == 0)
        return; // no snapshot yet: nothing more to judge
    const QJsonObject h = QJsonDocument::fromJson(row.data).object();
    if (const QJsonObject r = rule(u"order_unacknowledged"_s); !r.isEmpty()) {
        const double count = h.value(u"unacknowledged_orders"_s).toDouble();
        if (count > 0)
            out.insert({row.storeId, u"order_unacknowledged"_s, {}},
                       {u"critical"_s, u"%1 order(s) not acknowledged by any kitchen screen (oldest %2 s)"_s
                                               .arg(number(count), number(h.value(u"oldest_unacknowledged_s"_s).toDouble())),
                        count,
                        {{u"count"_s, count}, {u"oldest_s"_s, h.value(u"oldest_unacknowledged_s"_s).toDouble()}}});
    }
    if (const QJsonObject r = rule(u"call_overdue"_s); !r.isEmpty()) {
        const double count = h.value(u"overdue_calls"_s).toDouble();
        if (count > 0 && count >= r.value(u"min_calls"_s).toDouble(1))
            out.insert({row.storeId, u"call_overdue"_s, {}},
                       {u"warning"_s, u"%1 guest call(s) for staff nobody acknowledged (oldest %2 s)"_s
                                              .arg(number(count), number(h.value(u"oldest_overdue_call_s"_s).toDouble())),
                        count,
                        {{u"count"_s, count}, {u"oldest_s"_s, h.value(u"oldest_overdue_call_s"_s).toDouble()}}});
    }
    if (const QJsonObject r = rule(u"printer_fault"_s); !r.isEmpty()) {
        // One alert per printer: "printer_fault{주방 프린터|paper_out}" = seconds in fault.
        for (auto it = h.begin(); it != h.end(); ++it) {
            if (!it.key().startsWith(u"printer_fault{"_s) || !it.key().endsWith(u'}'))
                continue;
            const QString inner = it.key().sliced(14).chopped(1);
            const qsizetype bar = inner.lastIndexOf(u'|');
            const QString printer = inner.left(bar);
            const QString status = inner.sliced(bar + 1);
            const double since = it.value().toDouble();
            if (since < r.value(u"after_s"_s).toDouble())
                continue;
            out.insert({row.storeId, u"printer_fault"_s, printer},
                       {u"warning"_s, u"kitchen printer %1: %2 for %3 s"_s.arg(printer, status, number(since)), since,
                        {{u"printer"_s, printer}, {u"status"_s, status}, {u"since_s"_s, since}}});
        }
    }
    if (const QJsonObject r = rule(u"disk_free"_s); !r.isEmpty() && h.contains(u"disk_free_percent"_s)) {
        const double free = h.value(u"disk_free_percent"_s).toDouble();
        if (free < r.value(u"percent"_s).toDouble())
            out.insert({row.storeId, u"disk_free"_s, {}},
                       {u"critical"_s, u"%1% disk free on the store PC (limit %2%)"_s.arg(number(free), number(r.value(u"percent"_s).toDouble())),
                        free,
                        {{u"percent"_s, free}, {u"limit"_s, r.value(u"percent"_s).toDouble()}}});
    }
    if (const QJsonObject r = rule(u"memory_high"_s); !r.isEmpty() && h.contains(u"mem_used_percent"_s)) {
        const double used = h.value(u"mem_used_percent"_s).toDouble();
        const double limit = r.value(u"percent"_s).toDouble();
        if (used > limit)
            out.insert({row.storeId, u"memory_high"_s, {}},
                       {u"warning"_s, u"%1% of the store PC's memory in use (limit %2%)"_s.arg(number(used), number(limit)), used,
                        {{u"percent"_s, used}, {u"limit"_s, limit}}});
    }
    if (const QJsonObject r = rule(u"cpu_high"_s); !r.isEmpty() && h.contains(u"system_cpu_percent"_s)) {
        const double cpu = h.value(u"system_cpu_percent"_s).toDouble();
        const double limit = r.value(u"percent"_s).toDouble();
        if (cpu > limit)
            out.insert({row.storeId, u"cpu_high"_s, {}},
                       {u"warning"_s, u"the store PC's CPU at %1% (limit %2% for %3 s)"_s
                                              .arg(number(cpu), number(limit), number(r.value(u"for_s"_s).toDouble())),
                        cpu, {{u"percent"_s, cpu}, {u"limit"_s, limit}, {u"for_s"_s, r.value(u"for_s"_s).toDouble()}}});
    }
    if (const QJsonObject r = rule(u"error_rate"_s); !r.isEmpty() && h.contains(u"http_server_error_percent"_s)) {
        const double requests = h.value(u"http_requests"_s).toDouble();
        const double errors = h.value(u"http_server_errors"_s).toDouble();
        const double percent = h.value(u"http_server_error_percent"_s).toDouble();
        const double limit = r.value(u"percent"_s).toDouble();
        if (requests >= r.value(u"min_requests"_s).toDouble(1) && percent > limit)
            out.insert({row.storeId, u"error_rate"_s, {}},
                       {u"critical"_s, u"%1% of the edge's requests failed with 5xx (%2 of %3; limit %4%)"_s
                                               .arg(number(percent), number(errors), number(requests), number(limit)),
                        percent,
                        {{u"percent"_s, percent}, {u"errors"_s, errors}, {u"requests"_s, requests}, {u"limit"_s, limit}}});
    }
    if (const QJsonObject r = rule(u"route_latency"_s); !r.isEmpty()) {
        const double p95Limit = r.value(u"p95_ms"_s).toDouble();
        const double p99Limit = r.value(u"p99_ms"_s).toDouble();
        const double minRequests = r.value(u"min_requests"_s).toDouble(1);
        for (auto it = h.begin(); it != h.end(); ++it) {
            if (!it.key().startsWith(u"http_p99_ms{"_s))
                continue;
            const QString route = it.key().sliced(12).chopped(1);
            // Logins hash a password on purpose (argon2id, ~0.1–1 s by design): their time is
            // the cost of the hash, not a slow store.
            if (route.contains(u" /api/v1/auth/"_s))
                continue;
            const QString key = u'{' + route + u'}';
            if (h.value(u"http_requests"_s + key).toDouble() < minRequests)
                continue;
            const double p95 = h.value(u"http_p95_ms"_s + key).toDouble();
            const double p99 = it.value().toDouble();
            if (p95 > p95Limit || p99 > p99Limit)
                out.insert({row.storeId, u"route_latency"_s, route},
                           {u"warning"_s, u"%1: p95 %2 ms, p99 %3 ms (limits %4 / %5 ms)"_s
                                                  .arg(route, number(p95), number(p99), number(p95Limit), number(p99Limit)),
                            p99,
                            {{u"route"_s, route}, {u"p95_ms"_s, p95}, {u"p99_ms"_s, p99},
                             {u"p95_limit_ms"_s, p95Limit}, {u"p99_limit_ms"_s, p99Limit}}});
        }
    }
}

void AlertService::evaluate()
{
    auto rows = m_fleet.latest(0);
    auto active = m_alerts.active(0);
    if (!rows || !active) {
        qCWarning(lcAlerts) << "cannot evaluate alerts: database unavailable";
        return;
    }
    const QDateTime nowUtc = QDateTime::currentDateTimeUtc();
    QHash<qint64, QJsonObject> rulesByOrg;
    QHash<qint64, QString> webhookByOrg;
    QHash<qint64, const StoreHealthRow *> storeRows;
    QHash<Key, Condition> conditions;
    for (const StoreHealthRow &row : std::as_const(*rows)) {
        storeRows.insert(row.storeId, &row);
        if (!rulesByOrg.contains(row.orgId)) {
            QString webhook;
            auto rules = rulesFor(row.orgId, &webhook);
            if (!rules)
                return;
            rulesByOrg.insert(row.orgId, *rules);
            webhookByOrg.insert(row.orgId, webhook);
        }
        conditionsFor(row, rulesByOrg.value(row.orgId), conditions);
    }
    // Reconciliation: a business day whose edge figures or Z report differ from what central
    // ingested, once the store has nothing left to upload (a drain in progress is not a
    // mismatch).
    for (auto org = rulesByOrg.cbegin(); org != rulesByOrg.cend(); ++org) {
        if (!org->value(u"reconciliation"_s).toObject().value(u"enabled"_s).toBool(true))
            continue;
        if (!m_reconciliation)
            break;
        // A closed day whose Z report differs from HQ's sums is a mismatch too; the
        // figures that differ go into the message and params (z_fields).
        auto rows = m_reconciliation(org.key());
        if (!rows)
            return;
        for (const QJsonValue &value : std::as_const(*rows)) {
            const QJsonObject r = value.toObject();
            const qint64 storeId = r.value(u"store_id"_s).toInteger();
            const StoreHealthRow *row = storeRows.value(storeId);
            if (!row || row->backlog > 0 || r.value(u"matches"_s).toBool(true))
                continue;
            const QString date = r.value(u"business_date"_s).toString();
            const QJsonObject hq = r.value(u"hq"_s).toObject();
            QJsonObject params{{u"date"_s, date}};
            QString message;
            double figure = 0;
            if (r.value(u"totals_match"_s).toBool(true) == false) {
                const qint64 edgeOrders = r.value(u"edge_orders"_s).toInteger();
                const qint64 edgeTotal = r.value(u"edge_total"_s).toInteger();
                const qint64 hqOrders = r.value(u"central_orders"_s).toInteger();
                const qint64 hqTotal = r.value(u"central_total"_s).toInteger();
                params.insert(u"edge_orders"_s, edgeOrders);
                params.insert(u"edge_total"_s, edgeTotal);
                params.insert(u"hq_orders"_s, hqOrders);
                params.insert(u"hq_total"_s, hqTotal);
                message = u"%1: the store counts %2 orders / %3, HQ has %4 orders / %5"_s.arg(date).arg(edgeOrders)
                                  .arg(edgeTotal).arg(hqOrders).arg(hqTotal);
                figure = double(edgeTotal - hqTotal);
            } else {
                QStringList parts;
                QStringList fields;
                for (const QJsonValue &d : r.value(u"differences"_s).toArray()) {
                    const QJsonObject o = d.toObject();
                    parts.append(u"%1 store %2 / HQ %3"_s.arg(o.value(u"field"_s).toString())
                                         .arg(o.value(u"store"_s).toInteger()).arg(o.value(u"hq"_s).toInteger()));
                    fields.append(o.value(u"field"_s).toString());
                }
                params.insert(u"z_fields"_s, fields.join(u", "_s));
                params.insert(u"z_differences"_s, parts.join(u"; "_s));
                message = u"%1: the store's Z report differs from HQ's sums: %2"_s.arg(date, parts.join(u"; "_s));
                figure = double(r.value(u"z_report"_s).toObject().value(u"net"_s).toInteger()
                                - hq.value(u"net"_s).toInteger());
            }
            conditions.insert({storeId, u"reconciliation"_s, date}, {u"warning"_s, message, figure, params});
        }
    }

    // Events central refused (dead letters: bad money, an order that does not add up): open
    // while any arrived within the rule's window, so HQ looks at the store's uploads.
    for (auto org = rulesByOrg.cbegin(); org != rulesByOrg.cend(); ++org) {
        const QJsonObject rule = org->value(u"dead_letters"_s).toObject();
        if (!rule.value(u"enabled"_s).toBool(true))
            continue;
        const double windowH = rule.value(u"window_h"_s).toDouble(24);
        auto recent = m_ingest.recentDeadLetters(org.key(), timestampText(nowUtc.addSecs(-qint64(windowH * 3600))));
        if (!recent)
            return;
        for (const DeadLetterSummary &d : std::as_const(*recent)) {
            if (!storeRows.contains(d.storeId))
                continue;
            conditions.insert({d.storeId, u"dead_letters"_s, {}},
                              {u"warning"_s, u"%1 uploaded event(s) refused in the last %2 h; the latest, seq %3: %4"_s
                                                     .arg(d.count).arg(number(windowH)).arg(d.lastSeq).arg(d.lastError),
                               double(d.count),
                               {{u"count"_s, d.count}, {u"window_h"_s, windowH}, {u"seq"_s, d.lastSeq},
                                {u"error"_s, d.lastError}}});
        }
    }

    // The store's journal: an uploaded event that does not chain was changed after it was
    // written. The break is kept for good, so the alert stays until HQ acknowledges it and
    // never resolves itself; one alert per broken seq.
    for (auto org = rulesByOrg.cbegin(); org != rulesByOrg.cend(); ++org) {
        if (!org->value(u"journal_broken"_s).toObject().value(u"enabled"_s).toBool(true))
            continue;
        auto breaks = m_ingest.journalBreaks(org.key());
        if (!breaks)
            return;
        for (const JournalBreak &b : std::as_const(*breaks)) {
            if (!storeRows.contains(b.storeId))
                continue;
            conditions.insert({b.storeId, u"journal_broken"_s, QString::number(b.seq)},
                              {u"critical"_s, u"the store's journal does not chain at seq %1: %2"_s.arg(b.seq).arg(b.reason),
                               double(b.seq),
                               {{u"store"_s, b.storeId}, {u"seq"_s, b.seq}, {u"reason"_s, b.reason},
                                {u"detected_at"_s, b.detectedAt}}});
        }
    }

    QHash<Key, Alert> activeByKey;
    for (const Alert &a : std::as_const(*active))
        activeByKey.insert({a.storeId, a.rule, a.subject}, a);
    // Forget conditions that cleared before they were due.
    for (auto it = m_firstSeen.begin(); it != m_firstSeen.end();)
        it = conditions.contains(it.key()) ? std::next(it) : m_firstSeen.erase(it);

    for (auto it = conditions.cbegin(); it != conditions.cend(); ++it) {
        if (activeByKey.contains(it.key()))
            continue;
        const StoreHealthRow *row = storeRows.value(it.key().storeId);
        const double forSeconds = rulesByOrg.value(row->orgId).value(it.key().rule).toObject().value(u"for_s"_s).toDouble(0);
        const QDateTime first = m_firstSeen.value(it.key(), nowUtc);
        m_firstSeen.insert(it.key(), first);
        if (first.secsTo(nowUtc) < forSeconds)
            continue;
        Alert alert{0, row->orgId, row->storeId, row->storeName, it.key().rule, it.key().subject, it->severity,
                    u"open"_s, it->message, it->value, timestampText(nowUtc), {}, {}, {}, it->params};
        db::Transaction tx(m_db);
        auto id = m_alerts.open(alert);
        if (!id)
            return;
        if (!*id)
            continue; // another instance opened it a moment ago
        alert.id = **id;
        if (!m_alerts.addHistory(alert.id, alert.openedAt, u"opened"_s, alert.message) || !tx.commit())
            return;
        m_firstSeen.remove(it.key());
        qCWarning(lcAlerts).noquote() << "alert opened:" << alert.storeName << alert.rule << alert.subject << "-" << alert.message;
        transition(alert, u"opened"_s, webhookByOrg.value(alert.orgId));
    }
    for (const Alert &a : std::as_const(*active)) {
        if (conditions.contains({a.storeId, a.rule, a.subject}))
            continue;
        Alert resolved = a;
        resolved.state = u"resolved"_s;
        resolved.resolvedAt = timestampText(nowUtc);
        db::Transaction tx(m_db);
        auto changed = m_alerts.resolve(a.id, resolved.resolvedAt);
        if (!changed)
            return;
        if (!*changed)
            continue;
        if (!m_alerts.addHistory(a.id, resolved.resolvedAt, u"resolved"_s, u"condition cleared"_s) || !tx.commit())
            return;
        qCInfo(lcAlerts).noquote() << "alert resolved:" << a.storeName << a.rule << a.subject;
        transition(resolved, u"resolved"_s, webhookByOrg.value(a.orgId));
    }
}

void AlertService::transition(const Alert &alert, const QString &event, const QString &webhookUrl)
{
    const QJsonObject json = toJson(alert);
    m_feed.publishAlert(alert.orgId, alert.storeId, alert.storeName, u"alert."_s + event, json);
    if (webhookUrl.isEmpty() || event == u"acknowledged"_s)
        return;
    const QString type = u"alert."_s + event;
    const QByteArray payload = QJsonDocument(QJsonObject{{u"event"_s, type}, {u"alert"_s, json}})
                                       .toJson(QJsonDocument::Compact);
    if (auto ok = m_alerts.enqueueNotification(alert.orgId, alert.id, webhookUrl, payload,
                                               QDateTime::currentMSecsSinceEpoch(), now());
        !ok) {
        qCWarning(lcAlerts) << "cannot queue the webhook notification of alert" << alert.id;
        return;
    }
    QMetaObject::invokeMethod(this, &AlertService::deliver, Qt::QueuedConnection);
}

void AlertService::deliver()
{
    if (m_inFlight >= kMaxInFlight)
        return;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    auto due = m_alerts.claimDue(nowMs, kLeaseMs, kMaxInFlight - m_inFlight);
    if (!due)
        return;
    for (const Notification &n : std::as_const(*due)) {
        ++m_inFlight;
        const QUrl url(n.url);
        QHostAddress literal;
        if (m_allowPrivateWebhooks || literal.setAddress(url.host())) {
            post(n, m_allowPrivateWebhooks ? std::nullopt : firstInternal({literal}));
            continue;
        }
        // A name is resolved again at each delivery: what it pointed to when the URL was
        // saved may have changed (DNS rebinding to an internal address).
        QHostInfo::lookupHost(url.host(), this, [this, n](const QHostInfo &info) {
            if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
                post(n, std::nullopt); // the request fails on its own and is retried
            else
                post(n, firstInternal(info.addresses()));
        });
    }
}

void AlertService::post(const Notification &n, const std::optional<QHostAddress> &internal)
{
    if (internal) {
        --m_inFlight;
        const QString at = now();
        const QString error = u"refused: the webhook host resolves to the internal address %1"_s.arg(internal->toString());
        qCWarning(lcAlerts).noquote() << "webhook delivery" << n.id << error;
        (void)m_alerts.retryLater(n.id, n.attempts + 1, QDateTime::currentMSecsSinceEpoch(), error, at);
        (void)m_alerts.addHistory(n.alertId, at, u"notification_failed"_s, error);
        return;
    }
    QJsonObject body = QJsonDocument::fromJson(n.payload).object();
    body.insert(u"delivery_id"_s, n.id);
    QNetworkRequest request{QUrl(n.url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"tableorder-central"_s);
    request.setRawHeader("X-Tableorder-Delivery", QByteArray::number(n.id));
    request.setTransferTimeout(10'000);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, n] {
        reply->deleteLater();
        --m_inFlight;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString at = now();
        if (status >= 200 && status < 300) {
            (void)m_alerts.delivered(n.id, at);
            (void)m_alerts.addHistory(n.alertId, at, u"notified"_s, u"webhook delivery %1"_s.arg(n.id));
            return;
        }
        const QString error = status ? u"HTTP %1"_s.arg(status) : reply->errorString().left(200);
        const int attempts = n.attempts + 1;
        const bool giveUp = n.createdAt.isValid() && n.createdAt.secsTo(QDateTime::currentDateTimeUtc()) > kGiveUpAfterSeconds;
        const double base = std::min(600.0, std::pow(2.0, std::min(attempts, 12)));
        const qint64 next = QDateTime::currentMSecsSinceEpoch()
                + qint64(base * 1000 * (0.5 + QRandomGenerator::global()->generateDouble()));
        qCWarning(lcAlerts).noquote() << "webhook delivery" << n.id << "failed (" << error << ")"
                                      << (giveUp ? u"- giving up after 24 h"_s : u"- retrying"_s);
        (void)m_alerts.retryLater(n.id, attempts, next, error, giveUp ? at : QString());
        if (giveUp)
            (void)m_alerts.addHistory(n.alertId, at, u"notification_failed"_s, error);
    });
}

Status AlertService::pruneNotifications(const QDateTime &nowUtc)
{
    return m_alerts.pruneNotifications(timestampText(nowUtc.addDays(-30)));
}

} // namespace tableorder::central
