#include "syncservice.h"

#include "database.h"
#include "domain.h"
#include "event.h"
#include "metrics.h"
#include "ordermoney.h"
#include "sync.pb.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tableorder::central {

SyncService::SyncService(QSqlDatabase db, IngestRepository &ingest, Metrics &metrics, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_ingest(ingest), m_metrics(metrics)
{
    m_metrics.declareCounter("tableorder_central_events_ingested_total", "Events applied, by store.");
    m_metrics.declareCounter("tableorder_central_events_duplicate_total", "Re-sent events ignored, by store.");
    m_metrics.declareCounter("tableorder_central_dead_letters_total", "Events kept in dead_letters, by store.");
    m_metrics.declareCounter("tableorder_central_batches_total", "Upload batches by store and outcome.");
    m_metrics.declareHistogram("tableorder_central_batch_apply_seconds", "Time to apply one batch (transaction).",
                               Metrics::latencyBuckets());
}

Result<DecodedEvents> decodeEvents(const sync::v1::UploadRequest &request)
{
    if (request.events_size() > kMaxBatchEvents)
        return fail(Error::validation(u"events"_s, u"a batch carries at most %1 events"_s.arg(kMaxBatchEvents)));
    DecodedEvents out;
    QList<Event> &events = out.events;
    QList<QByteArray> &data = out.data; // each event's data_json, stored as sent
    events.reserve(request.events_size());
    data.reserve(request.events_size());
    for (int i = 0; i < request.events_size(); ++i) {
        const auto &e = request.events(i);
        if (e.schema_version() > kSyncSchemaVersion || e.schema_version() < kOldestAcceptedSchemaVersion) {
            const QString message = u"event schema version %1 is not supported (central accepts %2 to %3)"_s
                                            .arg(e.schema_version()).arg(kOldestAcceptedSchemaVersion).arg(kSyncSchemaVersion);
            return fail(ErrorCode::SchemaNotSupported, message, QJsonObject{{u"seq"_s, qint64(e.seq())}});
        }
        if (i > 0 && (request.events(i - 1).seq() == std::numeric_limits<qint64>::max()
                      || e.seq() != request.events(i - 1).seq() + 1))
            return fail(Error::validation(u"events"_s, u"event seqs in a batch must be consecutive"_s));
        if (e.seq() <= 0 || e.event_id().empty() || e.type().empty())
            return fail(Error::validation(u"events"_s, u"each event needs seq, event_id and type"_s));
        Event event;
        event.seq = e.seq();
        event.id = QString::fromStdString(e.event_id());
        event.type = QString::fromStdString(e.type());
        event.at = parseTimestamp(QString::fromStdString(e.at()));
        event.tableId = e.table_id();
        event.schemaVersion = e.schema_version();
        data.append(QByteArray::fromStdString(e.data_json()));
        event.data = QJsonDocument::fromJson(data.last()).object();
        // store_events keeps the data as the edge sent it (compact JSON), "{}" for none.
        if (event.data.isEmpty())
            data.last() = "{}";
        events.append(std::move(event));
    }
    return out;
}

Result<UploadOutcome> SyncService::upload(const StoreRecord &store, const sync::v1::UploadRequest &request)
{
    const Metrics::Labels storeLabel{{"store", QString::number(store.id)}};
    auto decoded = decodeEvents(request);
    if (!decoded) {
        if (decoded.error().code == ErrorCode::SchemaNotSupported) {
            // The store is stuck until central is upgraded: HQ sees why in the store status.
            (void)m_ingest.setSyncError(store.id, u"seq %1: %2"_s.arg(decoded.error().details[u"seq"_s].toInteger())
                                                          .arg(decoded.error().message));
        }
        return fail(decoded.error());
    }
    const QList<Event> &events = decoded->events;
    const QList<QByteArray> &data = decoded->data;

    QElapsedTimer timer;
    timer.start();
    const QString now = timestampText(QDateTime::currentDateTimeUtc());
    UploadOutcome outcome;
    QList<OrderEvent> applied;
    int duplicates = 0;
    int deadLetters = 0;
    {
        db::Transaction tx(m_db);
        auto current = m_ingest.lockAppliedSeq(store.id);
        if (!current)
            return fail(current.error());
        outcome.appliedSeq = *current;
        if (!events.isEmpty() && events.first().seq > *current + 1) {
            outcome.expectedSeq = *current + 1;
            m_metrics.increment("tableorder_central_batches_total", {{"store", QString::number(store.id)}, {"outcome", u"gap"_s}});
            return outcome;
        }
        // A seq central applied must come back with the event_id it had: another one means
        // the edge was restored from a backup and reused the seq for a new event, which
        // would otherwise be dropped as a duplicate.
        if (!events.isEmpty() && events.first().seq <= *current) {
            auto known = m_ingest.eventIds(store.id, events.first().seq, std::min(events.last().seq, *current));
            if (!known)
                return fail(known.error());
            for (const Event &event : std::as_const(events)) {
                const auto it = known->constFind(event.seq);
                if (event.seq > *current || it == known->cend() || *it == event.id)
                    continue;
                auto maxOrder = m_ingest.maxOrderId(store.id);
                if (!maxOrder)
                    return fail(maxOrder.error());
                outcome.expectedSeq = *current + 1;
                outcome.conflictSeq = event.seq;
                outcome.maxOrderId = *maxOrder;
                m_metrics.increment("tableorder_central_batches_total",
                                    {{"store", QString::number(store.id)}, {"outcome", u"conflict"_s}});
                return outcome;
            }
        }
        // One pass to sort the batch out, then a few multi-row statements: the round trips
        // to the database, not the rows, are what a batch costs.
        QList<Event> fresh;
        QList<QByteArray> freshData;
        QList<Order> orders;
        QSet<qint64> inserted;
        QList<qint64> updateOrder;        // orders to update, in first-update order
        QHash<qint64, Order> lastUpdate;  // an order's newest state in this batch wins
        for (qsizetype i = 0; i < events.size(); ++i) {
            const Event &event = events.at(i);
            if (event.seq <= outcome.appliedSeq) {
                ++duplicates;
                continue;
            }
            fresh.append(event);
            freshData.append(data.at(i));
            const bool created = event.type == QLatin1StringView(events::OrderCreated);
            if (created || event.type == QLatin1StringView(events::OrderUpdated)) {
                // Money first: a store (or a leaked store key) must not put negative,
                // absurd or inconsistent amounts into HQ's figures.
                const Status money = checkOrderMoney(event.data);
                Result<Order> order = money ? orderFromJson(event.data) : Result<Order>(std::unexpected(money.error()));
                if (!order) {
                    if (auto ok = m_ingest.deadLetter(store.id, event, order.error().message, now); !ok)
                        return fail(ok.error());
                    ++deadLetters;
                } else {
                    // order.updated of an order central has not seen inserts it, as a
                    // repeat of order.created changes nothing.
                    if (!inserted.contains(order->id)) {
                        inserted.insert(order->id);
                        orders.append(*order);
                    }
                    if (!created) {
                        if (!lastUpdate.contains(order->id))
                            updateOrder.append(order->id);
                        lastUpdate.insert(order->id, *order);
                    }
                    applied.append({event.seq, event.type, event.data});
                }
            }
            outcome.appliedSeq = event.seq;
            ++outcome.newlyApplied;
        }
        if (auto ok = m_ingest.insertEvents(store.id, fresh, freshData, now); !ok)
            return fail(ok.error());
        if (auto ok = m_ingest.insertOrders(store.id, orders); !ok)
            return fail(ok.error());
        for (qint64 id : std::as_const(updateOrder)) {
            if (auto ok = m_ingest.updateOrderStatus(store.id, lastUpdate.value(id)); !ok)
                return fail(ok.error());
        }
        const SyncReport report{request.backlog(), request.lag_ms(), QString::fromStdString(request.edge_version()),
                                request.menu_version(), request.last_seq()};
        if (auto ok = m_ingest.setApplied(store.id, outcome.appliedSeq, report, now); !ok)
            return fail(ok.error());
        if (outcome.appliedSeq > request.last_seq()) {
            // The edge's log ends before what central applied (restored from a backup): it
            // needs central's highest order id to number its next orders past it.
            auto maxOrder = m_ingest.maxOrderId(store.id);
            if (!maxOrder)
                return fail(maxOrder.error());
            outcome.maxOrderId = *maxOrder;
        }
        for (const auto &total : request.daily_totals()) {
            if (auto ok = m_ingest.upsertReconciliation(store.id, QString::fromStdString(total.business_date()),
                                                        total.orders(), total.total(), now);
                !ok)
                return fail(ok.error());
        }
        if (auto ok = tx.commit(); !ok)
            return fail(ok.error());
    }
    outcome.menuVersion = store.menuVersion;
    m_metrics.observe("tableorder_central_batch_apply_seconds", {}, timer.nsecsElapsed() / 1e9);
    m_metrics.increment("tableorder_central_batches_total", {{"store", QString::number(store.id)}, {"outcome", u"applied"_s}});
    m_metrics.increment("tableorder_central_events_ingested_total", storeLabel, outcome.newlyApplied);
    if (duplicates)
        m_metrics.increment("tableorder_central_events_duplicate_total", storeLabel, duplicates);
    if (deadLetters)
        m_metrics.increment("tableorder_central_dead_letters_total", storeLabel, deadLetters);
    for (const OrderEvent &event : std::as_const(applied))
        emit orderApplied(store.orgId, store.id, store.name, event);
    if (!applied.isEmpty())
        emit batchApplied(store.orgId, store.id, store.name, outcome.appliedSeq - outcome.newlyApplied + 1,
                          outcome.appliedSeq);
    return outcome;
}

} // namespace tableorder::central
