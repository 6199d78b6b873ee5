#include "syncclient.h"

#include "event.h"
#include "metrics.h"
#include "services/eventlog.h"
#include "services/menuservice.h"
#include "storage/healthrepository.h"
#include "storage/syncstaterepository.h"
#include "domain.h"
#include "sync.pb.h"
#include "sync/syncmessages.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSync, "tableorder.edge.sync")

namespace tableorder::edge {

namespace {
const QString ackedKey = u"acked_seq"_s;
const QString menuKey = u"central_menu_version"_s;
const QString menuJsonKey = u"central_menu_json"_s; // the applied central menu, for its pictures
constexpr auto protobufType = "application/x-protobuf";

/// `ms` ±50%, so that a fleet retrying does not hit central in lockstep.
int jittered(double ms)
{
    return int(ms * (0.5 + QRandomGenerator::global()->generateDouble()));
}
} // namespace

SyncClient::SyncClient(SyncSettings settings, EventLog &log, SyncStateRepository &state, MenuService &menu,
                       std::function<QStringList()> recentBusinessDates, Metrics &metrics, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_log(log), m_state(state), m_menu(menu),
      m_recentDates(std::move(recentBusinessDates)), m_metrics(metrics)
{
    m_acked = m_state.get(ackedKey, u"0"_s).value_or(u"0"_s).toLongLong();
    m_centralMenuVersion = m_state.get(menuKey, u"0"_s).value_or(u"0"_s).toLongLong();
    m_metrics.declareGauge("tableorder_sync_backlog_events", "Events central has not acknowledged yet.");
    m_metrics.declareGauge("tableorder_sync_lag_seconds", "Age of the oldest event central has not acknowledged.");
    m_metrics.declareGauge("tableorder_sync_acked_seq", "Highest seq central acknowledged.");
    m_metrics.declareGauge("tableorder_sync_last_success_timestamp_seconds", "Unix time of the last successful upload.");
    m_metrics.declareGauge("tableorder_sync_central_menu_version", "Central menu version applied here.");
    m_metrics.declareCounter("tableorder_sync_uploads_total", "Upload attempts by outcome.");
    m_metrics.declareCounter("tableorder_sync_events_uploaded_total", "Events central acknowledged.");
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &SyncClient::pump);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        updateGauges();
        // A pending retry keeps its backoff (and central's Retry-After): the heartbeat is a
        // status report for a healthy link, not a way around the backoff.
        if (!m_pumpTimer.isActive())
            schedulePump(0);
    });
    m_menuTimer.setSingleShot(true);
    connect(&m_menuTimer, &QTimer::timeout, this, &SyncClient::pollMenu);
    m_imageTimer.setSingleShot(true);
    connect(&m_imageTimer, &QTimer::timeout, this, &SyncClient::fetchMissingImages);
    connect(&m_log, &EventLog::committed, this, &SyncClient::nudge);
}

void SyncClient::nudge()
{
    if (m_inFlight.isEmpty() && !m_pumpTimer.isActive() && m_uploadFailures == 0)
        schedulePump(0);
}

void SyncClient::setHealthQueue(HealthRepository *queue, std::function<qint64()> dropped)
{
    m_health = queue;
    m_healthDropped = std::move(dropped);
}

void SyncClient::acknowledgeHealth(qint64 id)
{
    if (!m_health || id <= 0)
        return;
    (void)m_health->acknowledge(id);
    m_metrics.set("tableorder_health_queue_snapshots", {}, double(m_health->count().value_or(0)));
}

SyncClient::~SyncClient()
{
    abandonInFlight();
    for (QNetworkReply *reply : {m_menuPoll.data(), m_imageFetch.data()}) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
}

void SyncClient::start()
{
    qCInfo(lcSync).noquote() << "linked to central" << m_settings.centralUrl.toString(QUrl::RemoveUserInfo)
                             << "- acknowledged up to seq" << m_acked;
    m_heartbeat.start(m_settings.heartbeatMs);
    schedulePump(0);
    m_menuTimer.start(0);
    m_imageTimer.start(0); // pictures a previous run could not fetch
    updateGauges();
}

QNetworkRequest SyncClient::request(const QString &path) const
{
    QUrl url = m_settings.centralUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + m_settings.storeKey.toUtf8());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray(protobufType));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return req;
}

int SyncClient::backoffMs(int failures) const
{
    // 500 ms doubling to the cap.
    return jittered(std::min<double>(m_settings.maxBackoffMs, 500.0 * std::pow(2.0, std::min(failures - 1, 16))));
}

void SyncClient::schedulePump(int delayMs)
{
    if (!m_inFlight.isEmpty())
        return;
    if (m_pumpTimer.isActive() && m_pumpTimer.remainingTime() <= delayMs)
        return;
    m_pumpTimer.start(delayMs);
}

void SyncClient::pump()
{
    if (!m_inFlight.isEmpty())
        return;
    auto upload = buildUpload(m_acked, true);
    if (!upload) {
        recordError(u"cannot read the event log"_s);
        schedulePump(backoffMs(++m_uploadFailures));
        return;
    }
    send(m_acked, std::move(*upload), false);
}

std::optional<SyncClient::PreparedUpload> SyncClient::buildUpload(qint64 after, bool withHealth)
{
    // The events' JSON goes out as the log stores it: no parse and re-serialization per upload.
    QList<journal::EncodedEvent> stored;
    auto events = m_log.since(after, m_settings.maxBatchEvents, 0, &stored);
    auto last = m_log.lastSeq();
    if (!events || !last)
        return std::nullopt;
    PreparedUpload upload;
    sync::UploadBatch batch;
    qint64 bytes = 0;
    if (m_health && withHealth) {
        // Snapshots first, so that the events' share of the batch budget is what is left.
        const auto queued = m_health->oldest(kMaxHealthPerUpload).value_or(QList<QueuedSnapshot>());
        for (const QueuedSnapshot &entry : queued) {
            auto snapshot = sync::parseHealthSnapshot(entry.snapshot);
            if (!snapshot)
                continue;
            snapshot->id = entry.id;
            batch.health.append(*snapshot);
            bytes += entry.snapshot.size() + 16;
            ++upload.healthSent;
        }
    }
    if (m_health)
        batch.healthDropped = m_healthDropped ? m_healthDropped() : 0;
    upload.lastSent = after;
    for (qsizetype i = 0; i < events->size(); ++i) {
        const Event &event = events->at(i);
        const qint64 size = stored.at(i).data.size() + stored.at(i).actor.size() + 200;
        if (bytes + size > m_settings.maxBatchBytes && !batch.events.isEmpty())
            break;
        batch.events.append(event);
        batch.encoded.append(stored.at(i));
        bytes += size;
        upload.lastSent = event.seq;
    }
    batch.backlog = *last - after;
    batch.lagMs = events->isEmpty() ? 0 : std::max<qint64>(0, events->first().at.msecsTo(QDateTime::currentDateTimeUtc()));
    batch.edgeVersion = m_settings.edgeVersion;
    batch.menuVersion = m_centralMenuVersion;
    batch.lastSeq = *last;
    batch.dailyTotals = m_state.dailyTotals(m_recentDates()).value_or(QList<DailyTotal>());
    sync::v1::UploadRequest encoded;
    sync::toProto(batch, &encoded);
    upload.body = QByteArray::fromStdString(encoded.SerializeAsString());
    return upload;
}

void SyncClient::send(qint64 after, PreparedUpload upload, bool behind)
{
    QNetworkReply *reply = m_network.post(request(u"/sync/v1/events"_s), std::exchange(upload.body, {}));
    reply->setProperty("transferTimeout", 15000);
    m_inFlight.append({reply, after, std::move(upload), behind});
    connect(reply, &QNetworkReply::uploadProgress, this, [this, reply](qint64 done, qint64 total) {
        if (total <= 0 || done < total)
            return;
        const auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                                     [reply](const InFlight &f) { return f.reply == reply; });
        if (it != m_inFlight.end() && !std::exchange(it->bodySent, true))
            sendBehind(); // appends to m_inFlight: not inside a loop over it
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onUploadFinished(reply); });
}

void SyncClient::sendBehind()
{
    if (m_inFlight.isEmpty() || m_inFlight.size() >= kMaxUploadsInFlight || !m_inFlight.last().bodySent
        || m_holdUploads)
        return;
    const qint64 after = m_inFlight.last().upload.lastSent;
    auto last = m_log.lastSeq();
    if (!last || *last <= after)
        return; // nothing behind it yet: what comes later waits for the answer
    // No snapshots: central acknowledges them by the highest id it stored, which must not
    // cover ones an upload before this one carried and central could not store.
    auto upload = buildUpload(after, false);
    if (!upload || upload->lastSent == after)
        return;
    send(after, std::move(*upload), true);
}

void SyncClient::abandonInFlight()
{
    for (const InFlight &f : std::as_const(m_inFlight)) {
        f.reply->disconnect(this);
        f.reply->abort();
        f.reply->deleteLater();
    }
    m_inFlight.clear();
}

void SyncClient::onUploadFinished(QNetworkReply *reply)
{
    for (InFlight &f : m_inFlight) {
        if (f.reply == reply)
            f.finished = true;
    }
    while (!m_inFlight.isEmpty() && m_inFlight.first().finished)
        takeAnswer(m_inFlight.takeFirst());
    sendBehind(); // the window has room again
}

void SyncClient::takeAnswer(const InFlight &sent)
{
    QNetworkReply *reply = sent.reply;
    reply->deleteLater();
    const qint64 lastSentSeq = sent.upload.lastSent;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    sync::v1::UploadResponse response;
    const bool parsed = reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(QLatin1StringView(protobufType))
            && response.ParseFromArray(body.constData(), int(body.size()));
    const sync::UploadOutcome outcome = sync::fromProto(response);
    if (parsed)
        acknowledgeHealth(outcome.healthAckedId);
    // What went out behind this upload assumed central would apply exactly it.
    if (!parsed || status != 200 || outcome.appliedSeq != lastSentSeq)
        abandonInFlight();
    if (sent.behind && status == 409 && outcome.conflictSeq == 0 && outcome.expectedSeq > 0
        && outcome.expectedSeq <= sent.after + 1 && sent.after == m_acked) {
        // It reached central before the upload ahead of it was applied (central then expected
        // that one's first seq, or an earlier one): nothing of it was applied. The one ahead
        // is in now (this answer is taken after its own), so send it again from there.
        countUpload(u"overtaken"_s);
        schedulePump(0);
        return;
    }
    if (!parsed || (status != 200 && status != 409))
        return onUploadFailed(reply, status, body);
    if (status == 409 && outcome.conflictSeq > 0 && outcome.expectedSeq > outcome.conflictSeq)
        return renumberAfterRestore(outcome);
    if (status == 409 && outcome.expectedSeq > 0)
        return rewind(outcome.expectedSeq - 1, u"central expects seq %1"_s.arg(outcome.expectedSeq));
    if (status != 200)
        return onUploadFailed(reply, status, body);
    if (outcome.appliedSeq < m_acked) // central restored from a backup: resend what it lost
        return rewind(outcome.appliedSeq, u"central has applied up to seq %1"_s.arg(outcome.appliedSeq));
    if (outcome.appliedSeq > lastSentSeq)
        return continueAfterCentral(outcome, lastSentSeq);
    accept(outcome, lastSentSeq, sent.upload.healthSent);
}

void SyncClient::countUpload(const QString &outcome)
{
    m_metrics.increment("tableorder_sync_uploads_total", {{"outcome", outcome}});
}

void SyncClient::rewind(qint64 appliedSeq, const QString &why)
{
    // Central has less than we sent or than it once acknowledged (restored from a backup):
    // resend from there. Without new events no batch would skip ahead and draw a 409, so a
    // 200 with a lower applied_seq rewinds too.
    countUpload(u"rewind"_s);
    qCWarning(lcSync).noquote() << why << "- resending from there (acknowledged up to" << m_acked << "before)";
    m_acked = appliedSeq;
    (void)m_state.set(ackedKey, QString::number(m_acked));
    m_uploadFailures = 0;
    updateGauges();
    schedulePump(0);
}

void SyncClient::renumberAfterRestore(const sync::UploadOutcome &outcome)
{
    // Restored from a backup: our events from conflict_seq on reuse seqs central applied for
    // other events. Move them (and the ids of orders central already holds) past what
    // central has, durably, re-chained from central's journal hash, then upload them.
    countUpload(u"renumber"_s);
    const qint64 applied = outcome.expectedSeq - 1;
    auto moved = m_log.continueAfter(outcome.conflictSeq, applied, outcome.maxOrderId, outcome.appliedHash,
                                     [&] { return m_state.set(ackedKey, QString::number(applied)); });
    if (!moved) {
        recordError(u"could not renumber events after a restore: "_s + moved.error().message);
        schedulePump(backoffMs(++m_uploadFailures));
        return;
    }
    qCWarning(lcSync) << "central applied up to seq" << applied << "for other events (restored from a backup?);"
                      << *moved << "events from seq" << outcome.conflictSeq << "now follow it";
    m_acked = applied;
    updateGauges();
    schedulePump(0);
}

void SyncClient::continueAfterCentral(const sync::UploadOutcome &outcome, qint64 lastSentSeq)
{
    // Central applied more than we sent: a lost answer, or we were restored from a backup.
    // Events we have not sent yet may reuse seqs central applied for others, so never skip
    // them: send them (central checks their event ids and answers SEQ_CONFLICT).
    countUpload(u"ok"_s);
    const auto localLast = m_log.lastSeq();
    if (!localLast || *localLast > lastSentSeq) {
        if (lastSentSeq > m_acked) {
            m_acked = lastSentSeq;
            (void)m_state.set(ackedKey, QString::number(m_acked));
        }
        schedulePump(0);
        return;
    }
    // Nothing more here (restored, no new events yet): number the next events and orders
    // past what central has, and chain the next event from central's journal hash.
    const qint64 applied = outcome.appliedSeq;
    auto done = m_log.continueAfter(0, applied, outcome.maxOrderId, outcome.appliedHash,
                                    [&] { return m_state.set(ackedKey, QString::number(applied)); });
    if (!done) {
        recordError(u"could not continue after central's seq: "_s + done.error().message);
        schedulePump(backoffMs(++m_uploadFailures));
        return;
    }
    qCWarning(lcSync) << "central applied up to seq" << applied << "beyond this log; continuing after it";
    m_acked = applied;
    m_uploadFailures = 0;
    m_lastError.clear();
    m_lastSuccess = QDateTime::currentDateTimeUtc();
    updateGauges();
}

void SyncClient::accept(const sync::UploadOutcome &outcome, qint64 lastSentSeq, int healthSent)
{
    countUpload(u"ok"_s);
    if (outcome.appliedSeq > m_acked) {
        m_metrics.increment("tableorder_sync_events_uploaded_total", {}, double(outcome.appliedSeq - m_acked));
        m_acked = outcome.appliedSeq;
        (void)m_state.setWithoutFlush(ackedKey, QString::number(m_acked));
    }
    m_uploadFailures = 0;
    m_refusedSince.invalidate();
    m_holdUploads = false;
    m_lastError.clear();
    m_lastSuccess = QDateTime::currentDateTimeUtc();
    if (outcome.menuVersion > m_centralMenuVersion && !m_menuPoll)
        m_menuTimer.start(0);
    updateGauges();
    const bool moreHealth = healthSent >= kMaxHealthPerUpload;
    auto last = m_log.lastSeq();
    if ((last && *last > m_acked && outcome.appliedSeq >= lastSentSeq) || moreHealth)
        schedulePump(0); // more to send
}

void SyncClient::onUploadFailed(QNetworkReply *reply, int status, const QByteArray &body)
{
    QString error;
    int delay = 0;
    const bool refused = status == 0 && reply->error() == QNetworkReply::ConnectionRefusedError;
    if (!refused)
        m_refusedSince.invalidate();
    else if (!m_refusedSince.isValid())
        m_refusedSince.start();
    if (status == 422) {
        countUpload(u"rejected"_s);
        m_holdUploads = true;
        error = u"central rejected the events (schema): "_s + QString::fromUtf8(body.left(300));
        delay = std::max(m_settings.maxBackoffMs, 60'000);
    } else if (status == 401) {
        countUpload(u"unauthorized"_s);
        error = u"central refused the store key"_s;
        delay = std::max(m_settings.maxBackoffMs, 60'000);
    } else {
        countUpload(status ? u"http_%1"_s.arg(status) : u"network"_s);
        error = status ? u"central answered %1"_s.arg(status) : u"central unreachable: %1"_s.arg(reply->errorString());
        delay = backoffMs(++m_uploadFailures);
        if (refused && m_refusedSince.elapsed() < kFastReconnectWindowMs)
            delay = jittered(m_settings.reconnectMs);
        const int retryAfter = reply->rawHeader("Retry-After").toInt();
        if ((status == 429 || status == 503) && retryAfter > 0)
            delay = std::max(delay, retryAfter * 1000);
    }
    recordError(error);
    updateGauges();
    schedulePump(delay);
}

void SyncClient::pollMenu()
{
    if (m_menuPoll)
        return;
    QNetworkRequest req = request(u"/sync/v1/menu"_s);
    QUrl url = req.url();
    url.setQuery(QUrlQuery{{u"after"_s, QString::number(m_centralMenuVersion)}});
    req.setUrl(url);
    req.setTransferTimeout(60'000);
    m_menuPoll = m_network.get(req);
    connect(m_menuPoll, &QNetworkReply::finished, this, [this, reply = m_menuPoll.data()] { onMenuFinished(reply); });
}

void SyncClient::onMenuFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    m_menuPoll.clear();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 204) {
        m_menuFailures = 0;
        m_menuTimer.start(0); // long poll again
        return;
    }
    const QByteArray body = reply->readAll();
    sync::v1::MenuUpdate update;
    if (status != 200 || !update.ParseFromArray(body.constData(), int(body.size()))) {
        // Unreachable or refusing: try again later; the 30 s poll is the floor.
        m_menuTimer.start(std::min(m_settings.menuPollMs, backoffMs(++m_menuFailures)));
        return;
    }
    m_menuFailures = 0;
    const qint64 version = update.version();
    if (version > m_centralMenuVersion) {
        const QByteArray json = QByteArray::fromStdString(update.menu_json());
        auto applied = m_menu.applyCentralMenu(json, [&]() -> Status {
            if (auto ok = m_state.set(menuJsonKey, QString::fromUtf8(json)); !ok)
                return ok;
            return m_state.set(menuKey, QString::number(version));
        });
        if (applied) {
            m_centralMenuVersion = version;
            qCInfo(lcSync) << "applied central menu version" << version;
            if (m_storeSettings && !update.store_json().empty())
                m_storeSettings(QJsonDocument::fromJson(QByteArray::fromStdString(update.store_json())).object());
            updateGauges();
            if (!applied->isEmpty())
                m_imageTimer.start(0);
        } else {
            recordError(u"could not apply central menu version %1: %2"_s.arg(version).arg(applied.error().message));
            m_menuTimer.start(m_settings.menuPollMs);
            return;
        }
    }
    m_menuTimer.start(0);
}

void SyncClient::fetchMissingImages()
{
    if (m_imageFetch) {
        m_imageRescan = true;
        return;
    }
    const QByteArray json = m_state.get(menuJsonKey).value_or(QString()).toUtf8();
    m_imageQueue = json.isEmpty() ? QStringList() : m_menu.missingCentralImages(json);
    m_imagesFetched = 0;
    fetchNextImage();
}

void SyncClient::fetchNextImage()
{
    if (m_imageQueue.isEmpty()) {
        if (m_imagesFetched > 0) {
            // The pictures are here: the same central menu again, now pointing at them (the
            // edge's menu version moves, so tablets reload).
            const QByteArray json = m_state.get(menuJsonKey).value_or(QString()).toUtf8();
            auto applied = m_menu.applyCentralMenu(json, [] { return Status(); });
            if (!applied)
                recordError(u"could not apply the central menu's pictures: "_s + applied.error().message);
            else
                qCInfo(lcSync) << "fetched" << m_imagesFetched << "menu pictures from central";
            m_imagesFetched = 0;
        }
        if (std::exchange(m_imageRescan, false) && !m_imageTimer.isActive())
            m_imageTimer.start(0);
        return;
    }
    const QString hash = m_imageQueue.first();
    const bool thumbnail = m_imageThumb.isEmpty();
    QNetworkRequest req = request(u"/sync/v1/images/"_s + hash + (thumbnail ? u"-thumb.jpg"_s : u".jpg"_s));
    req.setTransferTimeout(30'000);
    m_imageFetch = m_network.get(req);
    connect(m_imageFetch, &QNetworkReply::finished, this,
            [this, reply = m_imageFetch.data(), hash, thumbnail] { onImageFinished(reply, hash, thumbnail); });
}

void SyncClient::onImageFinished(QNetworkReply *reply, const QString &hash, bool thumbnail)
{
    reply->deleteLater();
    m_imageFetch.clear();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    Status saved;
    if (status != 200 || body.isEmpty()) {
        saved = fail(ErrorCode::Unavailable, status ? u"central answered %1"_s.arg(status) : reply->errorString());
    } else if (thumbnail) {
        m_imageThumb = body;
        return fetchNextImage();
    } else {
        saved = m_menu.saveCentralImage(hash, body, m_imageThumb);
    }
    m_imageThumb.clear();
    if (!saved) {
        // The menu stays as it is (that item without its picture); try the round again later.
        recordError(u"could not fetch menu picture %1: %2"_s.arg(hash.left(12), saved.error().message));
        m_imageQueue.clear();
        m_imageTimer.start(std::min(m_settings.menuPollMs, backoffMs(++m_imageFailures)));
        return fetchNextImage(); // re-applies what did arrive
    }
    m_imageFailures = 0;
    ++m_imagesFetched;
    m_imageQueue.removeFirst();
    fetchNextImage();
}

void SyncClient::recordError(const QString &error)
{
    if (error != m_lastError)
        qCWarning(lcSync).noquote() << error;
    m_lastError = error;
}

SyncStatus SyncClient::status() const
{
    SyncStatus s;
    s.linked = true;
    s.ackedSeq = m_acked;
    s.lastSeq = m_log.lastSeq().value_or(0);
    auto pending = m_log.since(m_acked, 1);
    if (pending && !pending->isEmpty())
        s.lagMs = std::max<qint64>(0, pending->first().at.msecsTo(QDateTime::currentDateTimeUtc()));
    s.centralMenuVersion = m_centralMenuVersion;
    s.lastError = m_lastError;
    s.lastSuccess = m_lastSuccess;
    return s;
}

void SyncClient::updateGauges()
{
    const SyncStatus s = status();
    m_metrics.set("tableorder_sync_backlog_events", {}, double(s.lastSeq - s.ackedSeq));
    m_metrics.set("tableorder_sync_lag_seconds", {}, s.lagMs / 1000.0);
    m_metrics.set("tableorder_sync_acked_seq", {}, double(s.ackedSeq));
    m_metrics.set("tableorder_sync_central_menu_version", {}, double(s.centralMenuVersion));
    if (s.lastSuccess.isValid())
        m_metrics.set("tableorder_sync_last_success_timestamp_seconds", {}, double(s.lastSuccess.toSecsSinceEpoch()));
}

} // namespace tableorder::edge
