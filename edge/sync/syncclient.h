#pragma once

#include "error.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace tableorder {
class Metrics;
struct Event;
}
namespace tableorder::sync {
struct UploadOutcome;
}

namespace tableorder::edge {

class EventLog;
class HealthRepository;
class MenuService;
class SyncStateRepository;

struct SyncSettings
{
    QUrl centralUrl;
    QString storeKey;
    int maxBatchEvents = 500;
    qint64 maxBatchBytes = 1024 * 1024;
    int heartbeatMs = 10'000;   // upload (possibly empty) at least this often: status for HQ
    int menuPollMs = 30'000;    // fallback when the long poll is not possible
    int maxBackoffMs = 30'000;
    /// While central's host refuses the connection (nothing listens: central is restarting),
    /// uploads are retried this often (±50%) instead of backing off, for up to
    /// kFastReconnectWindowMs: a refused connection costs neither side anything, and the
    /// backlog drains as soon as central is back.
    int reconnectMs = 100;
    QString edgeVersion;
};

struct SyncStatus
{
    bool linked = false;
    qint64 ackedSeq = 0;
    qint64 lastSeq = 0;
    qint64 lagMs = 0;
    qint64 centralMenuVersion = 0;
    QString lastError;
    QDateTime lastSuccess;
};

/// Uploads the event log (the outbox) to central in order and learns of new menus. The
/// backlog lives only in the database, so it survives restarts; every failure is retried
/// with exponential backoff and jitter, and the store keeps serving throughout.
class SyncClient : public QObject
{
    Q_OBJECT
public:
    SyncClient(SyncSettings settings, EventLog &log, SyncStateRepository &state, MenuService &menu,
               std::function<QStringList()> recentBusinessDates, Metrics &metrics, QObject *parent = nullptr);
    ~SyncClient() override;

    void start();
    /// Health snapshots ride along with the events (at most kMaxHealthPerUpload per upload);
    /// `dropped` is how many the bounded queue has dropped, reported to central.
    void setHealthQueue(HealthRepository *queue, std::function<qint64()> dropped);
    /// The store settings HQ sends with each menu version (issue 17); called after the
    /// menu was applied.
    void setStoreSettingsHandler(std::function<void(const QJsonObject &)> handler) { m_storeSettings = std::move(handler); }
    /// Something new to send (an event, a snapshot): upload soon unless backing off.
    void nudge();
    [[nodiscard]] SyncStatus status() const;
    /// Events older than this seq may be pruned (central has them).
    [[nodiscard]] qint64 ackedSeq() const { return m_acked; }

private:
    /// One upload, encoded: the events after `after` (and health snapshots), as they were
    /// when it was built.
    struct PreparedUpload
    {
        qint64 lastSent = 0;   // the last event's seq (`after` when it carries none)
        int healthSent = 0;
        QByteArray body;
    };
    /// An upload on its way or answered but not yet taken (answers are taken in the order
    /// the uploads went out).
    struct InFlight
    {
        QNetworkReply *reply = nullptr;
        qint64 after = 0;      // it carries the events after this seq
        PreparedUpload upload; // body cleared once sent
        bool behind = false;   // sent while the one before it was unanswered
        bool bodySent = false;
        bool finished = false;
    };

    void schedulePump(int delayMs);
    /// Starts a run of uploads from what central acknowledged (nothing in flight).
    void pump();
    /// Reads and encodes an upload of what follows `after`; nullopt when the log cannot be read.
    [[nodiscard]] std::optional<PreparedUpload> buildUpload(qint64 after, bool withHealth);
    void send(qint64 after, PreparedUpload upload, bool behind);
    /// Pipelining: once the newest upload's body is out and while central applies it, the
    /// events after it go at once in the next upload (at most kMaxUploadsInFlight unanswered),
    /// as if central accepts the ones before. Central judges each against its store's
    /// position, so one that arrives before its predecessor is refused as a gap (409) and
    /// nothing is applied twice or skipped. An answer other than "applied exactly what was
    /// sent" abandons what was sent behind it; the run starts again from what central
    /// acknowledged.
    void sendBehind();
    void onUploadFinished(QNetworkReply *reply);
    void takeAnswer(const InFlight &upload);
    void abandonInFlight();
    void onUploadFailed(QNetworkReply *reply, int status, const QByteArray &body);
    void rewind(qint64 appliedSeq, const QString &why);
    void renumberAfterRestore(const sync::UploadOutcome &outcome);
    void continueAfterCentral(const sync::UploadOutcome &outcome, qint64 lastSentSeq);
    void accept(const sync::UploadOutcome &outcome, qint64 lastSentSeq, int healthSent);
    void countUpload(const QString &outcome);
    void pollMenu();
    void onMenuFinished(QNetworkReply *reply);
    /// Fetches the HQ pictures the applied central menu names and this edge lacks, one
    /// file at a time; when some arrived, re-applies that menu so it points at them. A
    /// failure is retried with backoff and never holds up menus or uploads.
    void fetchMissingImages();
    void fetchNextImage();
    void onImageFinished(QNetworkReply *reply, const QString &hash, bool thumbnail);
    int backoffMs(int failures) const;
    void recordError(const QString &error);
    void updateGauges();
    QNetworkRequest request(const QString &path) const;
    void acknowledgeHealth(qint64 id);

    SyncSettings m_settings;
    EventLog &m_log;
    SyncStateRepository &m_state;
    MenuService &m_menu;
    std::function<void(const QJsonObject &)> m_storeSettings;
    std::function<QStringList()> m_recentDates;
    Metrics &m_metrics;
    QNetworkAccessManager m_network;
    QList<InFlight> m_inFlight; // oldest first
    QPointer<QNetworkReply> m_menuPoll;
    QPointer<QNetworkReply> m_imageFetch;
    QStringList m_imageQueue;  // hashes still to fetch
    QByteArray m_imageThumb;   // the current hash's thumbnail, fetched before its full size
    int m_imagesFetched = 0;   // in this round: re-apply the menu when > 0
    int m_imageFailures = 0;
    bool m_imageRescan = false; // a newer menu arrived during a round: look again after it
    QTimer m_imageTimer;
    QTimer m_pumpTimer;
    QTimer m_heartbeat;
    QTimer m_menuTimer;
    qint64 m_acked = 0;
    qint64 m_centralMenuVersion = 0;
    int m_uploadFailures = 0;
    QElapsedTimer m_refusedSince; // running while uploads meet a refused connection
    int m_menuFailures = 0;
    bool m_holdUploads = false; // central refused our schema: keep events, retry slowly
    QString m_lastError;
    QDateTime m_lastSuccess;
    HealthRepository *m_health = nullptr;
    std::function<qint64()> m_healthDropped;
};

inline constexpr int kMaxHealthPerUpload = 60;
/// Uploads of a backlog unanswered at once (see SyncClient::sendBehind).
inline constexpr int kMaxUploadsInFlight = 2;
inline constexpr qint64 kFastReconnectWindowMs = 60'000;

} // namespace tableorder::edge
