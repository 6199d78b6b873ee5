#pragma once

#include "event.h"

#include <QList>
#include <QString>

namespace tableorder::sync {

namespace v1 {
class Event;
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

/// POST /sync/v1/events as the services see it (common/proto/sync.proto, UploadRequest).
/// Health snapshots are not here: the edge queues them as serialized HealthSnapshot
/// messages and central's fleet service reads them from the message.
struct UploadBatch
{
    QList<Event> events; // consecutive seqs, oldest first
    qint64 backlog = 0;
    qint64 lagMs = 0;
    QString edgeVersion;
    QList<DailyTotal> dailyTotals;
    qint64 menuVersion = 0;
    qint64 lastSeq = 0;
    qint64 healthDropped = 0;
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
[[nodiscard]] Event fromProto(const v1::Event &event);
/// Fills the request's batch fields; its health snapshots are left as they are.
void toProto(const UploadBatch &batch, v1::UploadRequest *out);
[[nodiscard]] UploadBatch fromProto(const v1::UploadRequest &request);
void toProto(const UploadOutcome &outcome, v1::UploadResponse *out);
[[nodiscard]] UploadOutcome fromProto(const v1::UploadResponse &response);

} // namespace tableorder::sync
