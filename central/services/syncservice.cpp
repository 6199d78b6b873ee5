#include "syncservice.h"

#include "kitchenevents.h"

#include "database.h"
#include "domain.h"
#include "event.h"
#include "journal.h"
#include "metrics.h"
#include "ordermoney.h"
#include "storemoney.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tableorder::central {

namespace {

/// Event `i`'s JSON as the edge sent it when Qt would write the same (sync::receivedJson),
/// else written again.
journal::EncodedEvent encodedAt(const sync::UploadBatch &batch, qsizetype i)
{
    return batch.encoded.size() == batch.events.size() ? batch.encoded.at(i) : journal::encode(batch.events.at(i));
}

} // namespace

SyncService::SyncService(QSqlDatabase db, IngestRepository &ingest, MoneyRepository &money, Metrics &metrics,
                         QObject *parent)
    : QObject(parent), m_ingest(ingest), m_metrics(metrics)
{
    m_w.db = std::move(db);
    m_w.ingest = &ingest;
    m_w.money = &money;
    m_metrics.declareCounter("tableorder_central_events_ingested_total", "Events applied, by store.");
    m_metrics.declareCounter("tableorder_central_events_duplicate_total", "Re-sent events ignored, by store.");
    m_metrics.declareCounter("tableorder_central_dead_letters_total", "Events kept in dead_letters, by store.");
    m_metrics.declareCounter("tableorder_central_journal_breaks_total",
                             "Uploaded events that did not chain in the store's journal, by store.");
    m_metrics.declareCounter("tableorder_central_batches_total", "Upload batches by store and outcome.");
    m_metrics.declareHistogram("tableorder_central_batch_apply_seconds",
                               "Time to apply one batch: its share of its group's statements, without the commit.",
                               Metrics::latencyBuckets());
    m_metrics.declareHistogram("tableorder_sync_group_size",
                               "Uploads applied by one group commit (one transaction, one durable commit).",
                               {1, 2, 4, 8, 16, 32, 64});
    m_metrics.declareHistogram("tableorder_sync_group_seconds",
                               "Time of one group commit: every upload of the group and the commit.",
                               Metrics::latencyBuckets());
}

SyncService::~SyncService()
{
    if (!m_thread)
        return;
    // After the group in progress, if any: its answers are dropped (the stores resend).
    QMetaObject::invokeMethod(m_threadContext, [this] {
        m_w.ownIngest.reset();
        m_w.ownMoney.reset();
        const QString name = m_w.db.connectionName();
        m_w.db.close();
        m_w.db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

Status SyncService::startWriterThread(const std::function<Result<QSqlDatabase>()> &open)
{
    auto thread = std::make_unique<QThread>();
    thread->setObjectName(u"sync-writer"_s);
    auto *context = new QObject;
    context->moveToThread(thread.get());
    connect(thread.get(), &QThread::finished, context, &QObject::deleteLater);
    thread->start();
    Writer writer;
    Status opened;
    // The connection is opened, used and closed on the writer thread (QtSql's rule).
    QMetaObject::invokeMethod(context, [&] {
        auto db = open();
        if (!db) {
            opened = fail(db.error());
            return;
        }
        writer.db = *db;
        writer.ownIngest = std::make_unique<IngestRepository>(writer.db);
        writer.ownMoney = std::make_unique<MoneyRepository>(writer.db);
        writer.ingest = writer.ownIngest.get();
        writer.money = writer.ownMoney.get();
    }, Qt::BlockingQueuedConnection);
    if (!opened) {
        thread->quit();
        thread->wait();
        return opened;
    }
    m_w = std::move(writer);
    m_thread = std::move(thread);
    m_threadContext = context;
    return {};
}

Status checkBatch(const sync::UploadBatch &batch)
{
    const QList<Event> &events = batch.events;
    if (events.size() > kMaxBatchEvents)
        return fail(Error::validation(u"events"_s, u"a batch carries at most %1 events"_s.arg(kMaxBatchEvents)));
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event &e = events.at(i);
        if (e.schemaVersion > kSyncSchemaVersion || e.schemaVersion < kOldestAcceptedSchemaVersion) {
            const QString message = u"event schema version %1 is not supported (central accepts %2 to %3)"_s
                                            .arg(e.schemaVersion).arg(kOldestAcceptedSchemaVersion).arg(kSyncSchemaVersion);
            return fail(ErrorCode::SchemaNotSupported, message, QJsonObject{{u"seq"_s, e.seq}});
        }
        if (i > 0 && (events.at(i - 1).seq == std::numeric_limits<qint64>::max() || e.seq != events.at(i - 1).seq + 1))
            return fail(Error::validation(u"events"_s, u"event seqs in a batch must be consecutive"_s));
        if (e.seq <= 0 || e.id.isEmpty() || e.type.isEmpty())
            return fail(Error::validation(u"events"_s, u"each event needs seq, event_id and type"_s));
    }
    return {};
}

namespace {

/// The money events' checks (storemoney); any other event passes.
Status checkMoneyEvent(const Event &event)
{
    const QString &type = event.type;
    auto status = [](const auto &result) -> Status { return result ? Status{} : fail(result.error()); };
    if (type == QLatin1StringView(events::PaymentRecorded))
        return status(storemoney::payment(event));
    if (type == QLatin1StringView(events::OrderVoided))
        return status(storemoney::voided(event));
    if (type == QLatin1StringView(events::DiscountAdded))
        return status(storemoney::discount(event));
    if (type == QLatin1StringView(events::BusinessDayClosed))
        return status(storemoney::dayClose(event));
    return {};
}

} // namespace

Status SyncService::projectMoney(qint64 storeId, const QList<Event> &events, const QString &now)
{
    // A visit's date, once per visit of the batch.
    QHash<qint64, QString> visitDates;
    auto visitDate = [&](qint64 sessionId, qint64 orderId) -> Result<QString> {
        if (auto it = visitDates.constFind(sessionId); sessionId > 0 && it != visitDates.cend())
            return *it;
        auto date = m_w.money->visitDate(storeId, sessionId);
        if (date && date->isEmpty() && orderId > 0)
            date = m_w.money->orderDate(storeId, orderId);
        if (date && !date->isEmpty() && sessionId > 0)
            visitDates.insert(sessionId, *date);
        return date;
    };
    // Orders synced before HQ kept their visit: the bill's first order names the day.
    auto firstOrderOfBill = [](const Event &event) {
        qint64 first = 0;
        for (const QJsonValue &line : event.data.value(u"bill"_s).toObject().value(u"lines"_s).toArray()) {
            const qint64 id = line.toObject().value(u"order_id"_s).toInteger();
            if (id > 0 && (first == 0 || id < first))
                first = id;
        }
        return first;
    };
    // No order of the visit at HQ at all (rare: orders come before their payments in the
    // log): the day of the event in UTC.
    auto orUtcDay = [](const QString &date, const Event &event) {
        return date.isEmpty() ? event.at.toUTC().date().toString(Qt::ISODate) : date;
    };
    for (const Event &event : events) {
        const QString &type = event.type;
        if (type == QLatin1StringView(events::PaymentRecorded)) {
            auto payment = storemoney::payment(event);
            Q_ASSERT(payment);
            auto date = visitDate(payment->sessionId, firstOrderOfBill(event));
            if (!date)
                return fail(date.error());
            payment->businessDate = orUtcDay(*date, event);
            if (auto ok = m_w.money->insertPayment(storeId, *payment); !ok)
                return ok;
        } else if (type == QLatin1StringView(events::OrderVoided)) {
            auto voided = storemoney::voided(event);
            Q_ASSERT(voided);
            // The order's own date, as the gross it comes off.
            auto date = m_w.money->orderDate(storeId, voided->orderId);
            if (!date)
                return fail(date.error());
            voided->businessDate = orUtcDay(*date, event);
            if (auto ok = m_w.money->insertVoid(storeId, *voided); !ok)
                return ok;
        } else if (type == QLatin1StringView(events::DiscountAdded)) {
            auto discount = storemoney::discount(event);
            Q_ASSERT(discount);
            auto date = visitDate(discount->sessionId, firstOrderOfBill(event));
            if (!date)
                return fail(date.error());
            discount->businessDate = orUtcDay(*date, event);
            if (auto ok = m_w.money->insertDiscount(storeId, *discount); !ok)
                return ok;
        } else if (type == QLatin1StringView(events::BusinessDayClosed)) {
            auto day = storemoney::dayClose(event);
            Q_ASSERT(day);
            if (auto ok = m_w.money->upsertDayClose(storeId, *day, now); !ok)
                return ok;
        }
    }
    return {};
}

SyncService::Prechecked SyncService::precheck(const sync::UploadBatch &batch)
{
    const QList<Event> &events = batch.events;
    Prechecked pre;
    pre.orders.resize(events.size(), std::unexpected(Error::internal()));
    pre.links.resize(events.size(), Prechecked::Chains);
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event &event = events.at(i);
        if (event.type == QLatin1StringView(events::OrderCreated) || event.type == QLatin1StringView(events::OrderUpdated)) {
            // Money first: a store (or a leaked store key) must not put negative,
            // absurd or inconsistent amounts into HQ's figures.
            const Status money = checkOrderMoney(event.data);
            pre.orders[i] = money ? orderFromJson(event.data) : Result<Order>(std::unexpected(money.error()));
        }
        // As followJournal from the hash the event before carries (see there).
        const QByteArray &previous = i > 0 ? events.at(i - 1).hash : QByteArray();
        if (i == 0 || previous.isEmpty())
            continue;
        if (event.hash.isEmpty())
            pre.links[i] = Prechecked::NoHash;
        else if (!journal::chains(previous, event, encodedAt(batch, i)))
            pre.links[i] = Prechecked::Broken;
    }
    return pre;
}

Result<QByteArray> SyncService::followJournal(qint64 storeId, const StoreRows &rows, const Prechecked &pre,
                                              qsizetype firstIndex, QByteArray lastHash, const QString &now, int *breaks)
{
    for (qsizetype i = 0; i < rows.events.size(); ++i) {
        const Event &event = rows.events.at(i);
        QString broken;
        if (i > 0) {
            // Chains from the event before it in the batch: checked before the group began.
            if (pre.links.at(firstIndex + i) == Prechecked::NoHash)
                broken = u"the event carries no journal hash"_s;
            else if (pre.links.at(firstIndex + i) == Prechecked::Broken)
                broken = u"the event does not chain from the one before: it was changed after it was written"_s;
        } else if (event.hash.isEmpty()) {
            // An edge older than the journal sends none; once the store has sent hashes, an
            // event without one had its hash removed.
            if (!lastHash.isEmpty())
                broken = u"the event carries no journal hash"_s;
        } else {
            const QByteArray previous = !lastHash.isEmpty() ? lastHash : event.seq == 1 ? journal::genesis() : QByteArray();
            // previous empty: the store's first hashed event after events central holds
            // without hashes (an upgraded edge): it starts the chain.
            if (!previous.isEmpty() && !journal::chains(previous, event, rows.encoded.at(i)))
                broken = u"the event does not chain from the one before: it was changed after it was written"_s;
        }
        if (!broken.isEmpty()) {
            if (auto ok = m_w.ingest->recordJournalBreak(storeId, event.seq, broken, now); !ok)
                return fail(ok.error());
            ++*breaks;
        }
        // The chain goes on from the hash the event carries, so one changed event is one break.
        lastHash = event.hash;
    }
    return lastHash;
}

Result<SyncService::Judged> SyncService::judge(const GroupItem &upload, const AppliedPosition &position,
                                               const QString &now)
{
    const StoreRecord &store = upload.store;
    const sync::UploadBatch &batch = upload.batch;
    const QList<Event> &events = batch.events;
    Judged judged;
    Applied &result = judged.applied;
    UploadOutcome &outcome = result.outcome;
    QList<OrderEvent> &applied = result.orders;
    int &duplicates = result.duplicates;
    int &deadLetters = result.deadLetters;
    int &breaks = result.breaks;
    const qint64 current = position.seq;
    outcome.appliedSeq = current;
    outcome.appliedHash = position.journalHash;
    if (!events.isEmpty() && events.first().seq > current + 1) {
        outcome.expectedSeq = current + 1;
        return judged;
    }
    // A seq central applied must come back with the event_id it had: another one means
    // the edge was restored from a backup and reused the seq for a new event, which
    // would otherwise be dropped as a duplicate.
    if (!events.isEmpty() && events.first().seq <= current) {
        auto known = m_w.ingest->eventIds(store.id, events.first().seq, std::min(events.last().seq, current));
        if (!known)
            return fail(known.error());
        for (const Event &event : std::as_const(events)) {
            const auto it = known->constFind(event.seq);
            if (event.seq > current || it == known->cend() || *it == event.id)
                continue;
            auto maxOrder = m_w.ingest->maxOrderId(store.id);
            if (!maxOrder)
                return fail(maxOrder.error());
            outcome.expectedSeq = current + 1;
            outcome.conflictSeq = event.seq;
            outcome.maxOrderId = *maxOrder;
            return judged;
        }
    }
    // One pass to sort the batch out; the group writes the rows of all its uploads in a few
    // multi-row statements: the round trips to the database, not the rows, are what a
    // batch costs.
    judged.writes = true;
    StoreRows &rows = judged.rows;
    rows.storeId = store.id;
    QSet<qint64> inserted;
    QHash<qint64, qsizetype> updated; // an order's newest state in this batch wins
    qsizetype firstNew = -1;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event &event = events.at(i);
        if (event.seq <= outcome.appliedSeq) {
            ++duplicates;
            continue;
        }
        if (firstNew < 0)
            firstNew = i;
        rows.events.append(event);
        rows.encoded.append(encodedAt(batch, i));
        const bool created = event.type == QLatin1StringView(events::OrderCreated);
        if (created || event.type == QLatin1StringView(events::OrderUpdated)) {
            const Result<Order> &order = upload.pre.orders.at(i); // money checked first (precheck)
            if (!order) {
                if (auto ok = m_w.ingest->deadLetter(store.id, event, order.error().message, now); !ok)
                    return fail(ok.error());
                ++deadLetters;
            } else {
                // order.updated of an order central has not seen inserts it, as a
                // repeat of order.created changes nothing.
                if (!inserted.contains(order->id)) {
                    inserted.insert(order->id);
                    rows.orders.append(*order);
                }
                if (!created) {
                    if (auto it = updated.constFind(order->id); it != updated.cend()) {
                        rows.updates[*it] = *order;
                    } else {
                        updated.insert(order->id, rows.updates.size());
                        rows.updates.append(*order);
                    }
                }
                applied.append({event.seq, event.type, event.data});
            }
        } else if (kitchenevents::isKitchenEvent(event)) {
            if (const Status checked = kitchenevents::check(event); !checked) {
                if (auto ok = m_w.ingest->deadLetter(store.id, event, checked.error().message, now); !ok)
                    return fail(ok.error());
                ++deadLetters;
            } else {
                judged.kitchen.append(event);
            }
        } else if (const Status checked = checkMoneyEvent(event); !checked) {
            if (auto ok = m_w.ingest->deadLetter(store.id, event, checked.error().message, now); !ok)
                return fail(ok.error());
            ++deadLetters;
        } else {
            judged.money.append(event);
        }
        outcome.appliedSeq = event.seq;
        ++outcome.newlyApplied;
    }
    if (!rows.events.isEmpty()) {
        auto head = followJournal(store.id, rows, upload.pre, firstNew, position.journalHash, now, &breaks);
        if (!head)
            return fail(head.error());
        outcome.appliedHash = *head;
    }
    rows.appliedSeq = outcome.appliedSeq;
    rows.journalHash = outcome.appliedHash;
    rows.report = {batch.backlog, batch.lagMs, batch.edgeVersion, batch.menuVersion, batch.lastSeq};
    rows.dailyTotals = batch.dailyTotals;
    outcome.menuVersion = store.menuVersion;
    return judged;
}

Status SyncService::writeAfterRows(const StoreRecord &store, const sync::UploadBatch &batch, Judged &judged,
                                   const QString &now)
{
    if (auto ok = projectMoney(store.id, judged.money, now); !ok)
        return ok;
    for (const Event &event : std::as_const(judged.kitchen)) {
        if (event.type == QLatin1StringView(events::OrderLinesDone)) {
            if (auto ok = m_w.ingest->upsertLineTimes(store.id, *kitchenevents::linesDone(event)); !ok)
                return ok;
        } else if (auto ok = m_w.ingest->deleteLineTimes(store.id, *kitchenevents::recalled(event)); !ok) {
            return ok;
        }
    }
    QList<AuditEntry> audit;
    for (const Event &event : std::as_const(judged.rows.events)) {
        if (auto entry = storemoney::auditEntry(event))
            audit.append(*entry);
    }
    if (auto ok = m_w.money->insertAudit(store.id, audit); !ok)
        return ok;
    UploadOutcome &outcome = judged.applied.outcome;
    if (outcome.appliedSeq > batch.lastSeq) {
        // The edge's log ends before what central applied (restored from a backup): it
        // needs central's highest order id to number its next orders past it.
        auto maxOrder = m_w.ingest->maxOrderId(store.id);
        if (!maxOrder)
            return fail(maxOrder.error());
        outcome.maxOrderId = *maxOrder;
    }
    return {};
}

Result<QList<Result<SyncService::Applied>>> SyncService::applyTogether(const QList<const GroupItem *> &uploads)
{
    QElapsedTimer timer;
    timer.start();
    const QString now = timestampText(QDateTime::currentDateTimeUtc());
    QList<qint64> ids;
    for (const GroupItem *upload : uploads)
        ids.append(upload->store.id);
    auto positions = m_w.ingest->lockStores(ids);
    if (!positions)
        return fail(positions.error());
    // Each upload judged alone against where its store stands (it reads, and writes only its
    // dead letters and journal breaks). Distinct stores: each judged against its own row.
    QList<Result<Judged>> judged;
    judged.reserve(uploads.size());
    QList<StoreRows> rows;
    for (const GroupItem *upload : uploads) {
        const auto position = positions->constFind(upload->store.id);
        if (position == positions->cend()) {
            judged.append(fail(Error::notFound(u"store"_s)));
            continue;
        }
        auto one = judge(*upload, *position, now);
        if (!one)
            return fail(one.error());
        if (one->writes)
            rows.append(one->rows);
        judged.append(std::move(one));
    }
    // Every store's rows together, then what reads them (payments read their orders' dates).
    if (auto ok = m_w.ingest->writeRows(rows, now); !ok)
        return fail(ok.error());
    for (qsizetype i = 0; i < uploads.size(); ++i) {
        if (judged[i] && judged[i]->writes) {
            if (auto ok = writeAfterRows(uploads.at(i)->store, uploads.at(i)->batch, *judged[i], now); !ok)
                return fail(ok.error());
        }
    }
    const double share = timer.nsecsElapsed() / 1e9 / double(std::max<qsizetype>(1, uploads.size()));
    QList<Result<Applied>> out;
    out.reserve(uploads.size());
    for (Result<Judged> &one : judged) {
        if (!one) {
            out.append(fail(one.error()));
            continue;
        }
        one->applied.seconds = share;
        out.append(std::move(one->applied));
    }
    return out;
}

void SyncService::uploadLater(const StoreRecord &store, sync::UploadBatch batch, UploadDone done)
{
    // No transaction is open here: the group's runs to its end within one call.
    if (auto ok = checkBatch(batch); !ok) {
        if (ok.error().code == ErrorCode::SchemaNotSupported) {
            // The store is stuck until central is upgraded: HQ sees why in the store status.
            (void)m_ingest.setSyncError(store.id, u"seq %1: %2"_s.arg(ok.error().details[u"seq"_s].toInteger())
                                                          .arg(ok.error().message));
        }
        done(fail(ok.error()));
        return;
    }
    Prechecked pre = precheck(batch);
    m_pending.append({{store, std::move(batch), std::move(pre)}, std::move(done)});
    scheduleFlush();
}

void SyncService::scheduleFlush()
{
    if (m_flushScheduled || m_writing || m_pending.isEmpty())
        return;
    // Queued: every upload the event loop reads in this pass (and those that arrived while
    // the last commit ran) joins the group.
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &SyncService::flushPending, Qt::QueuedConnection);
}

void SyncService::flushPending()
{
    m_flushScheduled = false;
    if (m_writing)
        return; // the group being written schedules the next when it is done
    QList<PendingUpload> group;
    qsizetype events = 0;
    qsizetype taken = 0;
    while (taken < m_pending.size() && group.size() < kMaxGroupUploads) {
        const qsizetype size = m_pending.at(taken).batch.events.size();
        if (!group.isEmpty() && events + size > kMaxGroupEvents)
            break;
        events += size;
        group.append(std::move(m_pending[taken]));
        ++taken;
    }
    m_pending.remove(0, taken);
    if (group.isEmpty())
        return;
    // Store rows are locked in store id order (PostgreSQL: FOR UPDATE), so that two
    // instances grouping the same stores never wait on each other in a cycle. Stable: one
    // store's uploads keep their order.
    std::stable_sort(group.begin(), group.end(),
                     [](const PendingUpload &a, const PendingUpload &b) { return a.store.id < b.store.id; });
    // The writer gets the uploads without their answers: those stay on this thread.
    QList<GroupItem> items(group.cbegin(), group.cend());
    m_inGroup = std::move(group);
    m_writing = true;
    auto write = [this, items = std::move(items)] {
        QElapsedTimer timer;
        timer.start();
        GroupDone done;
        done.results.reserve(items.size());
        done.committed = writeGroup(items, done.results);
        done.seconds = timer.nsecsElapsed() / 1e9;
        return done;
    };
    if (!m_thread)
        return finishGroup(write());
    QMetaObject::invokeMethod(m_threadContext, [this, write = std::move(write)] {
        GroupDone done = write();
        // Discarded if the service is gone meanwhile (shutdown): the stores resend.
        QMetaObject::invokeMethod(this, [this, done = std::move(done)] { finishGroup(done); }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void SyncService::finishGroup(const GroupDone &done)
{
    m_writing = false;
    const QList<PendingUpload> group = std::exchange(m_inGroup, {});
    m_metrics.observe("tableorder_sync_group_size", {}, double(group.size()));
    m_metrics.observe("tableorder_sync_group_seconds", {}, done.seconds);
    scheduleFlush(); // what arrived meanwhile, or did not fit
    if (!done.committed) {
        for (const PendingUpload &upload : group)
            upload.done(fail(done.committed.error()));
        return;
    }
    // Durable now: metrics, the live feed (NOTIFY on PostgreSQL) and the answers.
    for (qsizetype i = 0; i < group.size(); ++i) {
        const PendingUpload &upload = group.at(i);
        const Result<Applied> &result = done.results.at(i);
        const StoreRecord &store = upload.store;
        if (result && result->outcome.isConflict()) {
            m_metrics.increment("tableorder_central_batches_total",
                                {{"store", QString::number(store.id)},
                                 {"outcome", result->outcome.conflictSeq > 0 ? u"conflict"_s : u"gap"_s}});
        } else if (result) {
            const Applied &applied = *result;
            const Metrics::Labels storeLabel{{"store", QString::number(store.id)}};
            m_metrics.observe("tableorder_central_batch_apply_seconds", {}, applied.seconds);
            m_metrics.increment("tableorder_central_batches_total",
                                {{"store", QString::number(store.id)}, {"outcome", u"applied"_s}});
            m_metrics.increment("tableorder_central_events_ingested_total", storeLabel, applied.outcome.newlyApplied);
            if (applied.duplicates)
                m_metrics.increment("tableorder_central_events_duplicate_total", storeLabel, applied.duplicates);
            if (applied.deadLetters)
                m_metrics.increment("tableorder_central_dead_letters_total", storeLabel, applied.deadLetters);
            if (applied.breaks)
                m_metrics.increment("tableorder_central_journal_breaks_total", storeLabel, applied.breaks);
            for (const OrderEvent &event : applied.orders)
                emit orderApplied(store.orgId, store.id, store.name, event);
            if (!applied.orders.isEmpty())
                emit batchApplied(store.orgId, store.id, store.name,
                                  applied.outcome.appliedSeq - applied.outcome.newlyApplied + 1,
                                  applied.outcome.appliedSeq);
        }
        if (result)
            upload.done(result->outcome);
        else
            upload.done(fail(result.error()));
    }
}

Status SyncService::writeGroup(const QList<GroupItem> &group, QList<Result<Applied>> &out)
{
    // Together: the whole group in one pass of a few statements, when each store has one
    // upload in it (a store's second upload is judged after its first is written).
    QSet<qint64> stores;
    QList<const GroupItem *> all;
    for (const GroupItem &upload : group) {
        stores.insert(upload.store.id);
        all.append(&upload);
    }
    if (stores.size() == group.size()) {
        db::Transaction tx(m_w.db);
        if (!tx.isActive())
            return fail(Error::internal());
        auto results = applyTogether(all);
        if (results) {
            out = std::move(*results);
            return tx.commit();
        }
        // A busy database (PostgreSQL's lock_timeout on a store row another instance holds)
        // is one upload's trouble: the group is rolled back and applied one upload at a
        // time below. A failed write (a full disk, an I/O error) fails the group.
        if (results.error().code != ErrorCode::Unavailable)
            return fail(results.error());
    }
    // One at a time, each in a savepoint: what fails, fails only its own upload.
    out.clear();
    db::Transaction tx(m_w.db);
    if (!tx.isActive())
        return fail(Error::internal());
    for (const GroupItem &upload : group) {
        db::Savepoint savepoint(m_w.db);
        if (!savepoint.isActive())
            return fail(Error::internal());
        auto results = applyTogether({ &upload });
        if (!results) {
            // SQLite may have rolled the whole transaction back already after a failed
            // write; a busy database or a store that is gone fails only this upload.
            if (results.error().code != ErrorCode::Unavailable)
                return fail(results.error());
            out.append(fail(results.error()));
            continue;
        }
        out.append(results->constFirst());
        if (!out.constLast() || out.constLast()->outcome.isConflict())
            continue; // a gap or a conflict applies nothing
        if (auto ok = savepoint.release(); !ok)
            return ok;
    }
    // One commit, one WAL flush, for every store of the group.
    return tx.commit();
}

} // namespace tableorder::central
