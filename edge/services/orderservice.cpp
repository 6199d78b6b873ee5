#include "orderservice.h"

#include "crypto.h"
#include "database.h"
#include "edgeconfig.h"
#include "event.h"
#include "eventlog.h"
#include "kitchentimes.h"
#include "menuservice.h"
#include "metrics.h"
#include "storage/menurepository.h"
#include "storage/orderrepository.h"
#include "storage/tablerepository.h"
#include "walflusher.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {
/// Orders in one group commit at most: bounds the transaction and the wait of its first order.
constexpr int kMaxBatch = 256;
/// A group this large is committed while the previous group's flush still runs.
constexpr int kPipelineGroup = 8;

bool isWriteFailure(const Error &error)
{
    return error.code == ErrorCode::StorageFull || error.code == ErrorCode::Internal;
}
} // namespace

OrderService::OrderService(QSqlDatabase db, OrderRepository &orders, TableRepository &tables,
                           MenuService &menu, EventLog &events, Metrics &metrics, const StoreLimits &limits,
                           QTimeZone timeZone, int businessDayCutoffHour, db::WalFlusher *flusher,
                           QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_orders(orders), m_tables(tables), m_menu(menu),
      m_events(events), m_metrics(metrics), m_limits(limits), m_timeZone(std::move(timeZone)),
      m_cutoffHour(businessDayCutoffHour), m_flusher(flusher)
{
    m_metrics.declareCounter("tableorder_orders_created_total", "Orders created (not counting idempotent repeats).");
    m_metrics.declareCounter("tableorder_order_repeats_total", "Idempotent repeats of an order request.");
    m_metrics.declareHistogram("tableorder_order_batch_size",
                               "Orders written by one group commit (one transaction, one flush).",
                               {1, 2, 4, 8, 16, 32, 64, 128, 256});
    m_metrics.declareHistogram("tableorder_db_transaction_seconds",
                               "Time spent in database write transactions, commit included.",
                               Metrics::latencyBuckets());
}

QString OrderService::businessDate(const QDateTime &at) const
{
    // The cutoff is a wall-clock hour: subtracting a fixed number of seconds would move it by
    // an hour on the days the clocks change.
    const QDateTime local = at.toTimeZone(m_timeZone);
    const QDate date = local.time().hour() < m_cutoffHour ? local.date().addDays(-1) : local.date();
    return date.toString(Qt::ISODate);
}

QString OrderService::requestHash(const OrderInput &input)
{
    QByteArray canonical;
    for (const OrderLineInput &line : input.items) {
        canonical += QByteArray::number(line.menuItemId) + 'x' + QByteArray::number(line.quantity);
        // Lines without options or a note hash as before, so repeats of requests made before
        // options existed still match their orders.
        if (!line.options.isEmpty() || !line.note.isEmpty()) {
            QList<qint64> options = line.options;
            std::sort(options.begin(), options.end());
            canonical += 'o';
            for (qint64 option : options)
                canonical += QByteArray::number(option) + ',';
            canonical += 'n' + crypto::sha256Hex(line.note.toUtf8()).toLatin1();
        }
        canonical += ';';
    }
    canonical += '|' + input.note.toUtf8();
    return crypto::sha256Hex(canonical);
}

Result<int> OrderService::activeOrders(bool recount, int uncommitted)
{
    if (recount || !m_activeOrders) {
        // The count sees this batch's own uncommitted orders; the kept count must not.
        auto counted = m_orders.activeCount();
        if (!counted)
            return fail(counted.error());
        m_activeOrders = *counted - uncommitted;
    }
    return *m_activeOrders + uncommitted;
}

void OrderService::placeLater(const Principal &table, const OrderInput &input, PlaceCallback done)
{
    Q_ASSERT(table.tableId != 0);
    m_pending.append({table, input, std::move(done)});
    scheduleFlush();
}

void OrderService::acknowledgeLater(const Principal &staff, qint64 id, AckCallback done)
{
    m_pendingAcks.append({staff, id, std::move(done)});
    scheduleFlush();
}

void OrderService::scheduleFlush()
{
    if (m_pending.size() + m_pendingAcks.size() >= kMaxBatch) {
        flushPending();
        return;
    }
    // While a group's flush runs, the next group gathers; it is committed when the flush
    // returns (one flush per group, whatever the disk's speed), or as soon as it is large
    // enough to be worth a transaction of its own while the disk works (a rush: the CPU
    // commits one group while the disk flushes the one before). Never more than one group
    // waits behind the flush in progress.
    const qsizetype gathered = m_pending.size() + m_pendingAcks.size();
    if (m_flushesInFlight > 1 || (m_flushesInFlight == 1 && gathered < kPipelineGroup))
        return;
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &OrderService::flushPending, Qt::QueuedConnection);
    }
}

void OrderService::flushPending()
{
    m_flushScheduled = false;
    const QList<PendingOrder> orders = std::exchange(m_pending, {});
    const QList<PendingAck> acks = std::exchange(m_pendingAcks, {});
    if (orders.isEmpty() && acks.isEmpty())
        return;
    QElapsedTimer timer;
    timer.start();
    BatchResults results;
    const Status committed = writeBatch(orders, acks, results);
    // Stock moved (or was put back): the menu's counts and availability are read again.
    if (results.stockMoved || !committed)
        m_menu.invalidate();
    if (!committed) {
        m_activeOrders.reset(); // recount: the batch's orders are gone
        for (const PendingOrder &order : orders)
            order.done(fail(committed.error()));
        for (const PendingAck &ack : acks)
            ack.done(fail(committed.error()));
        return;
    }
    if (m_activeOrders)
        *m_activeOrders += results.created;
    m_metrics.observe("tableorder_db_transaction_seconds", {}, timer.nsecsElapsed() / 1e9);
    if (!orders.isEmpty())
        m_metrics.observe("tableorder_order_batch_size", {}, orders.size());
    if (results.created)
        m_metrics.increment("tableorder_orders_created_total", {}, results.created);
    if (!m_flusher) {
        answer(orders, acks, results);
        return;
    }
    // Committed, not yet durable: nothing is told before the flush; events published by other
    // changes meanwhile wait behind these (EventLog::hold), so listeners see seq order.
    const quint64 hold = m_events.hold(results.events);
    results.events.clear();
    ++m_flushesInFlight;
    m_flusher->whenDurable([this, orders, acks, hold, results = std::move(results)](const Status &durable) mutable {
        --m_flushesInFlight;
        m_events.release(hold);
        if (durable) {
            answer(orders, acks, results);
        } else {
            // The group is in the database but may not survive a power cut: nobody is told it
            // succeeded. A tablet retries with the same client_order_id and gets its order once
            // a later flush has made it durable.
            for (const PendingOrder &order : orders)
                order.done(fail(durable.error()));
            for (const PendingAck &ack : acks)
                ack.done(fail(durable.error()));
        }
        // What gathered during the flush is the next group, committed on the next pass.
        if (!m_pending.isEmpty() || !m_pendingAcks.isEmpty())
            scheduleFlush();
    });
}

void OrderService::answer(const QList<PendingOrder> &orders, const QList<PendingAck> &acks,
                          BatchResults &results)
{
    for (const Event &event : std::as_const(results.events))
        m_events.publish(event);
    for (qsizetype i = 0; i < orders.size(); ++i)
        orders.at(i).done(results.orders.at(i));
    for (qsizetype i = 0; i < acks.size(); ++i) {
        if (const Result<Acknowledgement> &ack = results.acks.at(i); ack)
            announce(*ack);
        acks.at(i).done(results.acks.at(i));
    }
}

Status OrderService::writeBatch(const QList<PendingOrder> &orders, const QList<PendingAck> &acks,
                                BatchResults &out)
{
    // With a flusher, the commit below writes the WAL and the flusher's thread flushes it.
    std::optional<db::DeferredFlush> deferred;
    if (m_flusher)
        deferred.emplace(m_db);
    db::Transaction tx(m_db);
    if (!tx.isActive())
        return fail(Error::internal());
    // A refused order fails only itself, but a failed write (a full disk, an I/O error) fails
    // the whole batch: SQLite may have rolled the transaction back already, and the next
    // savepoint would then open and release a transaction of its own.
    for (const PendingOrder &order : orders) {
        out.orders.append(placeWithSavepoint(order, out));
        if (const auto &placed = out.orders.constLast(); !placed && isWriteFailure(placed.error()))
            return fail(placed.error());
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const PendingAck &ack : acks) {
        out.acks.append(acknowledgeInTransaction(ack.staff, ack.orderId, now));
        if (const auto &result = out.acks.constLast(); !result && isWriteFailure(result.error()))
            return fail(result.error());
    }
    // synchronous=FULL (no flusher): when commit returns, every order and receipt of the batch
    // survives a power cut. With a flusher: once its flush returns. None is confirmed before.
    return tx.commit();
}

Result<PlacedOrder> OrderService::placeWithSavepoint(const PendingOrder &order, BatchResults &out)
{
    db::Savepoint savepoint(m_db);
    if (!savepoint.isActive())
        return fail(Error::internal());
    auto placed = placeInTransaction(order.table, order.input, out.created);
    if (!placed)
        return fail(placed.error()); // the savepoint rolls back this order only
    if (auto ok = savepoint.release(); !ok)
        return fail(ok.error());
    // In seq order (stock was recorded before the order): streams skip an event whose seq is
    // not above the last one they sent.
    if (!placed->stock.isEmpty()) {
        out.events.append(placed->stock);
        out.stockMoved = true;
    }
    if (placed->created) {
        out.events.append(*placed->created);
        ++out.created;
    }
    return placed->placed;
}

Result<OrderService::PlaceResult>
OrderService::placeInTransaction(const Principal &table, const OrderInput &input, int created)
{
    static const QRegularExpression uuid(
            u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    if (!uuid.match(input.clientOrderId).hasMatch())
        return fail(Error::validation(u"client_order_id"_s, u"client_order_id must be a UUID"_s));
    const QString clientOrderId = input.clientOrderId.toLower();
    const QString hash = requestHash(input);

    // A repeat of a request that already succeeded returns the same order; so does a repeat
    // that arrived in the same batch (its original is in this transaction).
    auto previous = m_orders.byClientOrderId(clientOrderId);
    if (!previous)
        return fail(previous.error());
    if (previous->has_value()) {
        const StoredOrder &stored = **previous;
        if (stored.order.tableId != table.tableId || stored.requestHash != hash)
            return fail(ErrorCode::IdempotencyKeyReused,
                        u"client_order_id was already used for a different order"_s);
        m_metrics.increment("tableorder_order_repeats_total");
        return PlaceResult{PlacedOrder{false, toJson(stored.order)}, std::optional<Event>(), {}};
    }

    auto menu = m_menu.snapshot();
    if (!menu)
        return fail(menu.error());
    const MenuSnapshot &snapshot = **menu;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Order order;
    QJsonArray soldOut;
    QJsonArray outOfHours;
    QList<std::pair<qint64, int>> portions; // per item, for stock
    for (qsizetype i = 0; i < input.items.size(); ++i) {
        const OrderLineInput &line = input.items.at(i);
        const auto it = snapshot.items.constFind(line.menuItemId);
        if (it == snapshot.items.cend())
            return fail(Error::validation(u"items[%1].menu_item_id"_s.arg(i),
                                          u"menu item %1 does not exist"_s.arg(line.menuItemId)));
        auto priced = menu::priceLine(*it, snapshot.groups, line.options, u"items[%1].options"_s.arg(i));
        if (!priced)
            return fail(priced.error());
        switch (m_menu.unavailability(snapshot, *it, now)) {
        case Unavailability::SoldOut: soldOut.append(line.menuItemId); continue;
        case Unavailability::Hours: outOfHours.append(line.menuItemId); continue;
        case Unavailability::None: break;
        }
        OrderLine orderLine{it->id, it->name, priced->unitPrice, line.quantity, priced->unitPrice * line.quantity,
                            snapshot.stations.value(it->id, MenuRepository::defaultStation())};
        orderLine.options = priced->options;
        orderLine.note = line.note;
        orderLine.basePrice = it->price;
        order.items.append(orderLine);
        order.total += orderLine.lineTotal;
        const auto counted = std::find_if(portions.begin(), portions.end(),
                                          [&](const auto &p) { return p.first == it->id; });
        if (counted == portions.end())
            portions.append({it->id, line.quantity});
        else
            counted->second += line.quantity;
    }
    if (!soldOut.isEmpty())
        return fail(ErrorCode::ItemUnavailable, u"some items are sold out"_s,
                    QJsonObject{{u"menu_item_ids"_s, soldOut}, {u"reason"_s, u"sold_out"_s}});
    if (!outOfHours.isEmpty())
        return fail(ErrorCode::ItemUnavailable, u"some items are not served at this hour"_s,
                    QJsonObject{{u"menu_item_ids"_s, outOfHours}, {u"reason"_s, u"hours"_s}});

    // COUNT(*) here cost O(active orders) on every order; the kept count is exact, and a
    // refusal is still decided by a fresh count.
    auto active = activeOrders(false, created);
    if (active && *active >= m_limits.maxActiveOrders)
        active = activeOrders(true, created);
    if (!active)
        return fail(active.error());
    if (*active >= m_limits.maxActiveOrders)
        return fail(ErrorCode::LimitReached,
                    u"the store has %1 active orders, its limit"_s.arg(m_limits.maxActiveOrders));
    auto tableRecord = m_tables.byId(table.tableId);
    if (!tableRecord)
        return fail(tableRecord.error());
    if (!tableRecord->has_value())
        return table.isTable() ? fail(ErrorCode::InvalidToken, u"this table no longer exists"_s)
                               : fail(Error::notFound(u"table"_s));

    // Stock is taken in this order's savepoint: a refusal below or a failed batch puts the
    // portions back with everything else.
    auto stockEvents = m_menu.takeStock(snapshot, portions);
    if (!stockEvents)
        return fail(stockEvents.error());
    order.clientOrderId = clientOrderId;
    order.note = input.note;
    order.tableId = table.tableId;
    order.tableNumber = (*tableRecord)->number;
    order.status = OrderStatus::Pending;
    order.createdAt = order.updatedAt = now;
    order.businessDate = businessDate(now);
    auto session = m_tables.openOrCreateSession(table.tableId, now);
    if (!session)
        return fail(session.error());
    // A guest's phone orders into its own visit only (checked here, in the order's savepoint,
    // so a visit closed since the request was read cannot take it).
    if (table.guest && table.visitId && session->id != table.visitId)
        return fail(ErrorCode::VisitEnded, u"this visit has ended; scan the table's code to order again"_s);
    order.sessionId = session->id;
    // Who placed it: the table (its number now, not the token's: a renumbered table keeps
    // its old tokens), or the staff member who placed it for the table.
    QJsonObject actor = table.actor();
    if (table.isTable())
        actor.insert(u"table_number"_s, order.tableNumber);
    if (auto ok = m_orders.insert(order, hash, actor); !ok)
        return fail(ok.error());
    QJsonObject json = toJson(order);
    auto event = m_events.record(QString::fromLatin1(events::OrderCreated), order.tableId, json, actor);
    if (!event)
        return fail(event.error());
    return PlaceResult{PlacedOrder{true, std::move(json)}, std::optional<Event>(*event), *stockEvents};
}

Result<QList<Order>> OrderService::list(const Principal &who, OrderFilter filter)
{
    if (who.isTable()) {
        auto session = m_tables.openSession(who.tableId);
        if (!session)
            return fail(session.error());
        if (!session->has_value())
            return QList<Order>();
        filter.sessionId = (*session)->id;
    }
    return m_orders.list(filter);
}

Result<Order> OrderService::get(const Principal &who, qint64 id)
{
    auto order = m_orders.byId(id);
    if (!order)
        return fail(order.error());
    if (!order->has_value() || (who.isTable() && (*order)->tableId != who.tableId))
        return fail(Error::notFound(u"order"_s));
    if (who.isTable()) {
        // A tablet sees its current guests' orders, not the previous party's.
        auto session = m_tables.openSession(who.tableId);
        if (!session)
            return fail(session.error());
        if (!session->has_value() || (*session)->id != (*order)->sessionId)
            return fail(Error::notFound(u"order"_s));
    }
    return **order;
}

Result<Order> OrderService::changeStatus(const Principal &staff, qint64 id, OrderStatus to)
{
    if (to == OrderStatus::Canceled && staff.role != Role::Manager)
        return fail(ErrorCode::Forbidden, u"only a manager can cancel an order"_s);
    // Floor staff run food to the tables: served is theirs, the kitchen's statuses are not.
    if (staff.role == Role::Staff && to != OrderStatus::Served)
        return fail(ErrorCode::Forbidden, u"floor staff can only mark an order served"_s);
    auto found = get(staff, id);
    if (!found)
        return found;
    Order order = *found;
    const OrderStatus from = order.status;
    if (!isAllowedTransition(order.status, to))
        return invalidTransition(order.status, to);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    order.status = to;
    order.updatedAt = now;
    LineChange change;
    switch (to) {
    case OrderStatus::Preparing: order.preparingAt = now; break;
    case OrderStatus::Completed:
        // Ready means every line is done: the lines nobody marked are done now.
        order.completedAt = now;
        for (OrderLine &line : order.items) {
            if (!line.voided && !line.doneAt.isValid()) {
                line.doneAt = now;
                change.done.append(line.id);
            }
        }
        break;
    case OrderStatus::Canceled: order.canceledAt = now; break;
    case OrderStatus::Served: order.servedAt = now; break;
    case OrderStatus::Pending: break;
    }
    return commitChange(staff, std::move(order), from, change, now);
}

Result<Order> OrderService::invalidTransition(OrderStatus from, OrderStatus to)
{
    return fail(ErrorCode::InvalidTransition,
                u"an order cannot go from %1 to %2"_s.arg(orderStatusName(from), orderStatusName(to)),
                QJsonObject{{u"from"_s, orderStatusName(from)}, {u"to"_s, orderStatusName(to)}});
}

Result<Order> OrderService::markDone(const Principal &staff, qint64 id, qint64 lineId, const QString &station)
{
    auto found = get(staff, id);
    if (!found)
        return found;
    Order order = *found;
    const OrderStatus from = order.status;
    QList<OrderLine *> targets;
    for (OrderLine &line : order.items) {
        if (lineId > 0 ? line.id == lineId : line.station == station)
            targets.append(&line);
    }
    if (targets.isEmpty())
        return fail(lineId > 0 ? Error::notFound(u"order line"_s)
                               : Error::notFound(u"order line of station %1"_s.arg(station)));
    const auto undone = [](const OrderLine *line) { return !line->voided && !line->doneAt.isValid(); };
    const auto allDone = [&order] {
        return std::none_of(order.items.cbegin(), order.items.cend(),
                            [](const OrderLine &line) { return !line.voided && !line.doneAt.isValid(); });
    };
    // Idempotent: a repeat (the answer was lost) finds its lines done and changes nothing,
    // whatever the order's status became since. Except an order left preparing with every
    // line done or voided (its last lines were voided on the bill): this is its completion.
    if (std::none_of(targets.cbegin(), targets.cend(), undone) && !(from == OrderStatus::Preparing && allDone()))
        return order;
    if (from != OrderStatus::Pending && from != OrderStatus::Preparing)
        return invalidTransition(from, OrderStatus::Completed);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    LineChange change;
    change.station = lineId > 0 ? QString() : station;
    for (OrderLine *line : std::as_const(targets)) {
        if (undone(line)) {
            line->doneAt = now;
            change.done.append(line->id);
        }
    }
    order.updatedAt = now;
    if (from == OrderStatus::Pending) {
        order.status = OrderStatus::Preparing;
        order.preparingAt = now;
    }
    if (allDone()) {
        order.status = OrderStatus::Completed;
        order.completedAt = now;
    }
    return commitChange(staff, std::move(order), from, change, now);
}

Result<Order> OrderService::recall(const Principal &staff, qint64 id, const QString &station)
{
    auto found = get(staff, id);
    if (!found)
        return found;
    Order order = *found;
    const OrderStatus from = order.status;
    LineChange change;
    change.station = station;
    if (from == OrderStatus::Completed || from == OrderStatus::Preparing) {
        for (OrderLine &line : order.items) {
            if (line.doneAt.isValid() && !line.voided && (station.isEmpty() || line.station == station)) {
                line.doneAt = {};
                change.recalled.append(line.id);
            }
        }
    }
    if (change.recalled.isEmpty())
        return fail(ErrorCode::InvalidTransition,
                    from == OrderStatus::Completed || from == OrderStatus::Preparing
                            ? u"no line of this order is done"_s
                            : u"a %1 order cannot be recalled"_s.arg(orderStatusName(from)),
                    QJsonObject{{u"from"_s, orderStatusName(from)}, {u"to"_s, u"preparing"_s}});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    order.updatedAt = now;
    if (from == OrderStatus::Completed) {
        order.status = OrderStatus::Preparing;
        order.completedAt = {};
    }
    return commitChange(staff, std::move(order), from, change, now);
}

Result<Order> OrderService::commitChange(const Principal &staff, Order order, OrderStatus from,
                                         const LineChange &change, const QDateTime &now)
{
    // Advancing it is its receipt (below, in the same transaction): the event says so too.
    const bool advanced = from == OrderStatus::Pending
            && (order.status == OrderStatus::Preparing || order.status == OrderStatus::Completed);
    if (advanced && !order.kitchenAckedAt.isValid())
        order.kitchenAckedAt = now;
    QList<Event> recorded;
    std::optional<Acknowledgement> receipt;
    {
        db::Transaction tx(m_db);
        auto record = [&](const char *type, const QJsonObject &data) -> Status {
            auto event = m_events.record(QString::fromLatin1(type), order.tableId, data, staff.actor());
            if (!event)
                return fail(event.error());
            recorded.append(*event);
            return {};
        };
        auto ids = [](const QList<qint64> &list) {
            QJsonArray array;
            for (qint64 id : list)
                array.append(id);
            return array;
        };
        const QJsonValue station = change.station.isEmpty() ? QJsonValue() : QJsonValue(change.station);
        if (!change.done.isEmpty()) {
            if (auto ok = m_orders.setLinesDone(change.done, now, staff.actor()); !ok)
                return fail(ok.error());
            // What HQ's kitchen times need of each line, so the event stands on its own.
            QJsonArray lines;
            for (const OrderLine &line : std::as_const(order.items)) {
                if (change.done.contains(line.id))
                    lines.append(QJsonObject{{u"id"_s, line.id}, {u"menu_item_id"_s, line.menuItemId},
                                             {u"name"_s, line.name}, {u"station"_s, line.station}});
            }
            if (auto ok = record(events::OrderLinesDone,
                                 {{u"order_id"_s, order.id}, {u"number"_s, order.number},
                                  {u"table_number"_s, order.tableNumber}, {u"item_ids"_s, ids(change.done)},
                                  {u"station"_s, station}, {u"done_at"_s, timestampJson(now)},
                                  {u"business_date"_s, order.businessDate},
                                  {u"order_created_at"_s, timestampJson(order.createdAt)}, {u"lines"_s, lines}});
                !ok)
                return fail(ok.error());
        }
        if (!change.recalled.isEmpty()) {
            if (auto ok = m_orders.setLinesDone(change.recalled, {}); !ok)
                return fail(ok.error());
            if (auto ok = record(events::OrderRecalled,
                                 {{u"order_id"_s, order.id}, {u"number"_s, order.number},
                                  {u"table_number"_s, order.tableNumber}, {u"item_ids"_s, ids(change.recalled)},
                                  {u"station"_s, station}, {u"recalled_at"_s, timestampJson(now)}});
                !ok)
                return fail(ok.error());
        }
        if (auto ok = m_orders.updateStatus(order); !ok)
            return fail(ok.error());
        // The status event (order.updated, as with PATCH) carries the whole order: existing
        // clients and sync see lines done and the order ready without knowing the new events.
        if (auto ok = record(events::OrderUpdated, toJson(order)); !ok)
            return fail(ok.error());
        // A screen that advanced the order has evidently shown it.
        if (advanced) {
            auto ack = acknowledgeInTransaction(staff, order.id, now);
            if (!ack)
                return fail(ack.error());
            receipt = *ack;
        }
        if (auto ok = tx.commit(); !ok)
            return fail(ok.error());
    }
    if (m_activeOrders && isActive(from) != isActive(order.status))
        *m_activeOrders += isActive(from) ? -1 : 1;
    for (const Event &event : std::as_const(recorded))
        m_events.publish(event);
    if (receipt)
        announce(*receipt);
    return order;
}

Result<QJsonObject> OrderService::kitchenTimes(const QString &fromDate, const QString &toDate, bool byHour)
{
    auto lines = m_orders.lineTimes(fromDate, toDate);
    if (!lines)
        return fail(lines.error());
    QList<kitchen::LineSample> samples;
    samples.reserve(lines->size());
    for (const LineTime &line : std::as_const(*lines)) {
        const int hour = byHour ? line.orderCreatedAt.toTimeZone(m_timeZone).time().hour() : -1;
        samples.append({line.businessDate, hour, line.menuItemId, line.name, line.station,
                        line.orderCreatedAt.msecsTo(line.doneAt)});
    }
    QJsonObject out = kitchen::report(samples);
    out.insert(u"from"_s, fromDate);
    out.insert(u"to"_s, toDate);
    out.insert(u"by"_s, byHour ? u"hour"_s : u"day"_s);
    return out;
}

void OrderService::announce(const Acknowledgement &ack)
{
    if (ack.event)
        m_events.publish(*ack.event);
    if (ack.first)
        emit acknowledged(ack.order.id, std::max<qint64>(0, ack.order.createdAt.msecsTo(ack.at)) / 1000.0);
}

Result<Acknowledgement> OrderService::acknowledgeInTransaction(const Principal &staff, qint64 id,
                                                              const QDateTime &now)
{
    auto found = get(staff, id);
    if (!found)
        return fail(found.error());
    auto first = m_orders.markAcknowledged(id, now);
    if (!first)
        return fail(first.error());
    Acknowledgement ack{*found, now, *first, std::nullopt};
    if (*first) {
        // The table learns that a kitchen screen has its order (the tablet's "kitchen has it").
        auto event = m_events.record(QString::fromLatin1(events::OrderAcknowledged), found->tableId,
                                     QJsonObject{{u"order_id"_s, found->id},
                                                 {u"number"_s, found->number},
                                                 {u"table_number"_s, found->tableNumber},
                                                 {u"session_id"_s, found->sessionId},
                                                 {u"acknowledged_at"_s, timestampJson(now)}},
                                     staff.actor());
        if (!event)
            return fail(event.error());
        ack.event = *event;
    }
    return ack;
}

Status OrderService::raiseUnacknowledged(const QList<Overdue> &overdue)
{
    QList<Event> raised;
    {
        db::Transaction tx(m_db);
        for (const Overdue &due : overdue) {
            auto order = m_orders.byId(due.orderId);
            if (!order)
                return fail(order.error());
            if (!order->has_value())
                continue;
            const QJsonObject data{{u"order_id"_s, due.orderId},
                                   {u"number"_s, (*order)->number},
                                   {u"table_number"_s, (*order)->tableNumber},
                                   {u"age_ms"_s, due.ageMs},
                                   {u"order"_s, toJson(**order)}};
            auto event = m_events.record(QString::fromLatin1(events::OrderUnacknowledged),
                                         (*order)->tableId, data);
            if (!event)
                return fail(event.error());
            raised.append(*event);
        }
        if (raised.isEmpty())
            return {};
        if (auto ok = tx.commit(); !ok)
            return ok;
    }
    for (const Event &event : std::as_const(raised))
        m_events.publish(event);
    return {};
}

Result<QList<std::pair<qint64, QDateTime>>> OrderService::unacknowledged()
{
    return m_orders.unacknowledged();
}

} // namespace tableorder::edge
