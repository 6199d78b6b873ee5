#pragma once

#include "event.h"
#include "journal.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace tableorder::sync {

namespace v1 {
class Event;
class HealthSnapshot;
class UploadRequest;
class UploadResponse;
} // namespace v1

/// The edge's own count of a business day, for reconciliation at HQ.
struct DailyTotal
{
    QString businessDate; // yyyy-MM-dd in the store's time zone
    qint64 orders = 0;    // orders not canceled
    qint64 total = 0;     // their total, in the currency's minor unit
};

/// One route's requests in a health window (RouteStats): "METHOD /pattern", never an id.
struct RouteHealth
{
    QString route;
    qint64 requests = 0;
    qint64 serverErrors = 0; // 5xx
    qint64 clientErrors = 0; // 4xx
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
};

/// A statement slower than the edge's threshold in a window: its name in the code, never SQL.
struct SlowQuery
{
    QString name;
    qint64 count = 0;
    double maxMs = 0;
};

/// A kitchen printer in fault when the snapshot was taken (PrinterFault in sync.proto).
struct PrinterFault
{
    qint64 printerId = 0;
    QString name;
    QString status; // offline | paper_out | cover_open
    qint64 sinceS = 0;
    bool operator==(const PrinterFault &) const = default;
};

/// A store's health over one window (HealthSnapshot in sync.proto; fields documented there).
/// The edge queues them serialized and sends them with its uploads; central's fleet service
/// stores them.
struct HealthSnapshot
{
    qint64 id = 0;  // the edge's queue id (set when sent)
    QDateTime at;   // end of the window, UTC; invalid when the wire's text was not a time
    int windowS = 0;
    QList<RouteHealth> routes;
    qint64 orders = 0;
    qint64 kitchenAcks = 0;
    double kitchenP50Ms = 0;
    double kitchenP95Ms = 0;
    double kitchenP99Ms = 0;
    qint64 unacknowledgedOrders = 0;
    qint64 oldestUnacknowledgedS = 0;
    qint64 overdueCalls = 0;
    qint64 oldestOverdueCallS = 0;
    QList<PrinterFault> printerFaults;
    int tablets = 0;
    int kitchenScreens = 0;
    double cpuPercent = 0;
    qint64 rssBytes = 0;
    qint64 diskFreeBytes = 0;
    qint64 diskTotalBytes = 0;
    qint64 dbBytes = 0;
    qint64 walBytes = 0;
    QList<SlowQuery> slowQueries;
    qint64 syncBacklog = 0;
    qint64 syncLagMs = 0;
    QString edgeVersion;
    qint64 menuCacheHits = 0;
    qint64 menuCacheMisses = 0;
    qint64 requestsWithin500Ms = 0;
    qint64 requestsWithin1S = 0;
    qint64 memUsedBytes = 0;
    qint64 memTotalBytes = 0;
    double systemCpuPercent = 0;
};

/// POST /sync/v1/events as the services see it (common/proto/sync.proto, UploadRequest).
struct UploadBatch
{
    QList<Event> events; // consecutive seqs, oldest first
    /// The events' data and actor JSON as the edge's log stores them (what their hashes
    /// cover), one per event, sent as they are; empty: serialized from the events' objects.
    QList<journal::EncodedEvent> encoded;
    qint64 backlog = 0;
    qint64 lagMs = 0;
    QString edgeVersion;
    QList<DailyTotal> dailyTotals;
    qint64 menuVersion = 0;
    qint64 lastSeq = 0;
    qint64 healthDropped = 0;
    QList<HealthSnapshot> health; // oldest first, each with its queue id
};

/// Central's answer to an upload (UploadResponse): 200 when expectedSeq is 0, else 409 with
/// code SEQ_GAP, or SEQ_CONFLICT when conflictSeq is set.
struct UploadOutcome
{
    qint64 appliedSeq = 0;
    qint64 expectedSeq = 0; // set when the batch skipped ahead or conflicts (409)
    qint64 conflictSeq = 0; // set when an applied seq came with another event_id (409)
    qint64 maxOrderId = 0;  // set with conflictSeq, or when central is ahead of the edge's log
    qint64 menuVersion = 0;
    qint64 healthAckedId = 0;
    QByteArray appliedHash; // the journal hash central holds for appliedSeq (empty: none)
    int newlyApplied = 0;   // not on the wire: events this upload applied

    [[nodiscard]] bool isConflict() const { return expectedSeq != 0; }
    /// SEQ_CONFLICT, SEQ_GAP, or empty for a 200.
    [[nodiscard]] QString code() const;
};

/// Pure conversions between the wire messages and the domain types: no I/O, no checks
/// beyond what the types need (central checks a batch in SyncService). An event's data and
/// actor travel as compact JSON; `at` as timestampText(); a data_json that is not a JSON
/// object reads as an empty object.
void toProto(const Event &event, v1::Event *out);
/// The same with the event's JSON already encoded (its data and actor are not read).
void toProto(const Event &event, const journal::EncodedEvent &encoded, v1::Event *out);
[[nodiscard]] Event fromProto(const v1::Event &event);
void toProto(const HealthSnapshot &snapshot, v1::HealthSnapshot *out);
[[nodiscard]] HealthSnapshot fromProto(const v1::HealthSnapshot &snapshot);
/// The bytes the edge queues (the wire message without its id) and back; nullopt for bytes
/// that are not a HealthSnapshot.
[[nodiscard]] QByteArray serialize(const HealthSnapshot &snapshot);
[[nodiscard]] std::optional<HealthSnapshot> parseHealthSnapshot(const QByteArray &bytes);
void toProto(const UploadBatch &batch, v1::UploadRequest *out);
[[nodiscard]] UploadBatch fromProto(const v1::UploadRequest &request);
/// Central, for UploadBatch::encoded: each event's data and actor JSON as received where Qt
/// writes exactly those bytes for the objects it read from them (json::isCanonicalCompact;
/// an edge sends its log's own bytes), so that the journal hash is checked over them and the
/// row stores them without writing the JSON again; otherwise written from `events`
/// (journal::encode). `events` is fromProto(request).events, unchanged; empty if they differ
/// in number.
[[nodiscard]] QList<journal::EncodedEvent> receivedJson(const v1::UploadRequest &request, const QList<Event> &events);
void toProto(const UploadOutcome &outcome, v1::UploadResponse *out);
[[nodiscard]] UploadOutcome fromProto(const v1::UploadResponse &response);

} // namespace tableorder::sync
