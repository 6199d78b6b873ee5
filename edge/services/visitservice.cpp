#include "visitservice.h"

#include "database.h"
#include "eventlog.h"
#include "storage/billrepository.h"
#include "storage/orderrepository.h"
#include "storage/storerepository.h"
#include "storage/tablerepository.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

const QStringList paymentMethods{u"cash"_s, u"card"_s, u"transfer"_s, u"other"_s};

QJsonArray idsJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

/// Refuses a correction that would leave the guests having paid more than the new total.
Status checkNotBelowPaid(const Bill &after, const char *what)
{
    if (after.due < 0)
        return fail(ErrorCode::ExceedsDue,
                    u"this %1 would take the total (%2) below what was already paid (%3)"_s
                            .arg(QLatin1StringView(what))
                            .arg(after.total)
                            .arg(after.paid),
                    QJsonObject{{u"total"_s, after.total}, {u"paid"_s, after.paid}});
    return {};
}

} // namespace

VisitService::VisitService(QSqlDatabase db, BillRepository &bills, TableRepository &tables,
                           OrderRepository &orders, StoreRepository &store, EventLog &events, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_bills(bills), m_tables(tables), m_orders(orders), m_store(store),
      m_events(events)
{
}

Result<StaffLimits> VisitService::staffLimits()
{
    auto settings = m_store.settings();
    if (!settings)
        return fail(settings.error());
    return settings->staffLimits;
}

Result<StaffLimits> VisitService::setStaffLimits(const Principal &who, const StaffLimits &limits)
{
    if (who.role != Role::Manager)
        return fail(ErrorCode::Forbidden, u"only a manager can set what floor staff may correct"_s);
    constexpr qint64 max = 100'000'000;
    if (limits.voidWon < 0 || limits.voidWon > max)
        return fail(Error::validation(u"void_limit"_s, u"void_limit must be 0 to 100000000 won"_s));
    if (limits.discountWon < 0 || limits.discountWon > max)
        return fail(Error::validation(u"discount_limit"_s, u"discount_limit must be 0 to 100000000 won"_s));
    db::Transaction tx(m_db);
    if (auto ok = m_store.setStaffLimits(limits); !ok)
        return fail(ok.error());
    auto event = m_events.record(QString::fromLatin1(events::StaffLimitsChanged), 0,
                                 {{u"void_limit"_s, limits.voidWon}, {u"discount_limit"_s, limits.discountWon}},
                                 who.actor());
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_events.publish(*event);
    return limits;
}

Status VisitService::checkStaffLimit(const Principal &who, const char *which, Money amount)
{
    if (who.role == Role::Manager)
        return {};
    auto limits = staffLimits();
    if (!limits)
        return fail(limits.error());
    const bool isVoid = qstrcmp(which, "void") == 0;
    const qint64 limit = isVoid ? limits->voidWon : limits->discountWon;
    if (amount <= limit)
        return {};
    const QString what = QString::fromLatin1(which);
    if (limit == 0)
        return fail(ErrorCode::Forbidden, u"only a manager can %1 here (floor staff have no %1 limit)"_s.arg(what),
                    QJsonObject{{u"amount"_s, amount}, {u"limit"_s, limit}});
    return fail(ErrorCode::Forbidden,
                u"this %1 (%2 won) is over the floor staff's limit of %3 won; ask a manager"_s.arg(what).arg(amount).arg(limit),
                QJsonObject{{u"amount"_s, amount}, {u"limit"_s, limit}});
}

Result<QString> VisitService::checkReason(const QString &reason)
{
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 140)
        return fail(Error::validation(u"reason"_s, u"reason must be 1 to 140 characters"_s));
    return trimmed;
}

Result<VisitService::OpenVisit> VisitService::openVisit(qint64 tableId)
{
    auto table = m_tables.byId(tableId);
    if (!table)
        return fail(table.error());
    if (!table->has_value())
        return fail(Error::notFound(u"table"_s));
    auto session = m_tables.openSession(tableId);
    if (!session)
        return fail(session.error());
    if (!session->has_value())
        return fail(ErrorCode::NoOpenSession, u"table %1 has no open visit"_s.arg((*table)->number));
    return OpenVisit{tableId, (*table)->number, (*session)->id, (*session)->openedAt};
}

Result<Bill> VisitService::billOfSession(qint64 sessionId)
{
    auto bill = m_bills.bill(sessionId);
    if (bill)
        bill->settle();
    return bill;
}

Result<Bill> VisitService::billOfTable(qint64 tableId)
{
    auto visit = openVisit(tableId);
    if (!visit && visit.error().code == ErrorCode::NoOpenSession) {
        auto table = m_tables.byId(tableId);
        if (!table)
            return fail(table.error());
        Bill empty;
        empty.tableId = tableId;
        empty.tableNumber = table->has_value() ? (*table)->number : 0;
        return empty;
    }
    if (!visit)
        return fail(visit.error());
    return billOfSession(visit->sessionId);
}

Result<QList<SplitShare>> VisitService::splitByLines(qint64 tableId, const QList<QList<qint64>> &groups)
{
    auto bill = billOfTable(tableId);
    if (!bill)
        return fail(bill.error());
    QHash<qint64, Money> open; // non-void lines
    for (const BillLine &line : std::as_const(bill->lines)) {
        if (!line.voided)
            open.insert(line.lineId, line.lineTotal);
    }
    if (groups.isEmpty())
        return fail(Error::validation(u"groups"_s, u"groups must list at least one group of line ids"_s));
    QSet<qint64> seen;
    QList<SplitShare> shares;
    QList<Money> weights;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        if (groups.at(g).isEmpty())
            return fail(Error::validation(u"groups[%1]"_s.arg(g), u"a group needs at least one line"_s));
        SplitShare share;
        for (qint64 id : groups.at(g)) {
            if (!open.contains(id))
                return fail(Error::validation(u"groups[%1]"_s.arg(g),
                                              u"line %1 is not a line of this bill that is not void"_s.arg(id)));
            if (seen.contains(id))
                return fail(Error::validation(u"groups[%1]"_s.arg(g), u"line %1 is in more than one group"_s.arg(id)));
            seen.insert(id);
            share.lineIds.append(id);
            share.subtotal += open.value(id);
        }
        weights.append(share.subtotal);
        shares.append(share);
    }
    if (seen.size() != open.size()) {
        QList<qint64> missing;
        for (auto it = open.cbegin(); it != open.cend(); ++it) {
            if (!seen.contains(it.key()))
                missing.append(it.key());
        }
        std::sort(missing.begin(), missing.end());
        return fail(ErrorCode::ValidationFailed, u"every line of the bill must be in a group"_s,
                    QJsonObject{{u"field"_s, u"groups"_s}, {u"missing_line_ids"_s, idsJson(missing)}});
    }
    const QList<Money> amounts = splitProportional(bill->due, weights);
    for (qsizetype i = 0; i < shares.size(); ++i)
        shares[i].amount = amounts.at(i);
    return shares;
}

Result<Event> VisitService::closeInTransaction(const OpenVisit &visit, const QString &kind, const QString &reason,
                                               const QJsonObject &actor, const QDateTime &now)
{
    if (auto ok = m_tables.archiveAndClose({visit.sessionId, visit.tableId, visit.openedAt}, now); !ok)
        return fail(ok.error());
    if (auto ok = m_bills.recordClose(visit.sessionId, kind, reason, actor); !ok)
        return fail(ok.error());
    QJsonObject data{{u"table_id"_s, visit.tableId},
                     {u"table_number"_s, visit.tableNumber},
                     {u"session_id"_s, visit.sessionId},
                     {u"closed_at"_s, timestampJson(now)},
                     {u"close"_s, kind}};
    if (!reason.isEmpty())
        data.insert(u"reason"_s, reason);
    return m_events.record(QString::fromLatin1(events::SessionClosed), visit.tableId, data, actor);
}

Result<ClosedSession> VisitService::close(const Principal &who, qint64 tableId, const CloseRequest &request)
{
    QString reason;
    if (request.force) {
        if (who.role != Role::Manager)
            return fail(ErrorCode::Forbidden, u"only a manager can close a visit that is not settled"_s);
        auto checked = checkReason(request.reason);
        if (!checked)
            return fail(checked.error());
        reason = *checked;
    }
    auto visit = openVisit(tableId);
    if (!visit)
        return fail(visit.error());
    auto bill = billOfSession(visit->sessionId);
    if (!bill)
        return fail(bill.error());
    auto cooking = m_bills.cookingOrders(visit->sessionId);
    if (!cooking)
        return fail(cooking.error());
    const bool unsettled = bill->due > 0 || !cooking->isEmpty();
    if (unsettled && !request.force) {
        QStringList open;
        if (bill->due > 0)
            open.append(u"%1 won unpaid"_s.arg(bill->due));
        if (!cooking->isEmpty())
            open.append(u"%1 order(s) still cooking"_s.arg(cooking->size()));
        QJsonArray numbers;
        for (int n : std::as_const(*cooking))
            numbers.append(n);
        return fail(ErrorCode::VisitUnsettled,
                    u"table %1 still has %2; a manager can close it anyway with force and a reason"_s.arg(
                            QString::number(visit->tableNumber), open.join(u" and "_s)),
                    QJsonObject{{u"due"_s, bill->due}, {u"cooking_orders"_s, numbers}});
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString kind = unsettled ? u"forced"_s : u"closed"_s;
    db::Transaction tx(m_db);
    auto event = closeInTransaction(*visit, kind, reason, who.actor(), now);
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_events.publish(*event);
    return ClosedSession{tableId, visit->tableNumber, visit->sessionId, now, kind, reason};
}

Result<RecordedPayment> VisitService::pay(const Principal &who, qint64 tableId, const PaymentInput &input)
{
    static const QRegularExpression uuid(
            u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    if (!uuid.match(input.clientPaymentId).hasMatch())
        return fail(Error::validation(u"client_payment_id"_s, u"client_payment_id must be a UUID"_s));
    if (!paymentMethods.contains(input.method))
        return fail(Error::validation(u"method"_s, u"method must be cash, card, transfer or other"_s));
    if (input.amount < 1)
        return fail(Error::validation(u"amount"_s, u"amount must be a positive number of won"_s));
    const QString clientId = input.clientPaymentId.toLower();
    const QString hash = u"%1|%2|%3"_s.arg(tableId).arg(input.method).arg(input.amount);

    // A repeat (the same id and body) answers the payment it made, even once the visit it
    // closed is gone.
    auto previous = m_bills.paymentByClientId(clientId);
    if (!previous)
        return fail(previous.error());
    if (previous->has_value()) {
        if ((*previous)->requestHash != hash)
            return fail(ErrorCode::IdempotencyKeyReused,
                        u"client_payment_id was already used for a different payment"_s);
        return RecordedPayment{false, (*previous)->payment};
    }

    auto visit = openVisit(tableId);
    if (!visit)
        return fail(visit.error());
    auto bill = billOfSession(visit->sessionId);
    if (!bill)
        return fail(bill.error());
    if (input.amount > bill->due)
        return fail(ErrorCode::ExceedsDue,
                    u"the payment (%1) is more than what is due (%2)"_s.arg(input.amount).arg(bill->due),
                    QJsonObject{{u"due"_s, bill->due}, {u"amount"_s, input.amount}});

    const QDateTime now = QDateTime::currentDateTimeUtc();
    BillPayment payment;
    payment.clientPaymentId = clientId;
    payment.sessionId = visit->sessionId;
    payment.tableId = tableId;
    payment.tableNumber = visit->tableNumber;
    payment.method = input.method;
    payment.amount = input.amount;
    payment.closedVisit = input.amount == bill->due;
    payment.by = who.actor();
    payment.at = now;
    bill->payments.append(payment);
    bill->settle();

    QList<Event> recorded;
    db::Transaction tx(m_db);
    if (auto ok = m_bills.insertPayment(payment, hash); !ok)
        return fail(ok.error());
    bill->payments.last().id = payment.id;
    auto event = m_events.record(QString::fromLatin1(events::PaymentRecorded), tableId,
                                 {{u"session_id"_s, visit->sessionId},
                                  {u"payment"_s, toJson(payment)},
                                  {u"bill"_s, toJson(*bill)}},
                                 who.actor());
    if (!event)
        return fail(event.error());
    recorded.append(*event);
    // Nothing left to pay: the visit ends, as a manager's close would end it.
    if (payment.closedVisit) {
        auto closed = closeInTransaction(*visit, u"paid"_s, {}, who.actor(), now);
        if (!closed)
            return fail(closed.error());
        recorded.append(*closed);
    }
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    for (const Event &e : std::as_const(recorded))
        m_events.publish(e);
    return RecordedPayment{true, payment};
}

Result<Bill> VisitService::voidLines(const Principal &who, qint64 orderId, const QList<qint64> &lineIds,
                                     const QString &reason)
{
    auto checked = checkReason(reason);
    if (!checked)
        return fail(checked.error());
    auto order = m_orders.byId(orderId);
    if (!order)
        return fail(order.error());
    if (!order->has_value())
        return fail(Error::notFound(u"order"_s));
    auto visit = openVisit((*order)->tableId);
    if (!visit)
        return fail(visit.error());
    if (visit->sessionId != (*order)->sessionId)
        return fail(ErrorCode::NoOpenSession, u"the visit of order %1 is closed"_s.arg((*order)->number));
    auto bill = billOfSession(visit->sessionId);
    if (!bill)
        return fail(bill.error());

    QList<qint64> voiding;
    Money amount = 0;
    QSet<qint64> wanted(lineIds.cbegin(), lineIds.cend());
    if (wanted.size() != lineIds.size())
        return fail(Error::validation(u"line_ids"_s, u"line_ids lists a line twice"_s));
    QList<qint64> alreadyVoid;
    for (BillLine &line : bill->lines) {
        if (line.orderId != orderId)
            continue;
        const bool asked = wanted.remove(line.lineId);
        if (!lineIds.isEmpty() && !asked)
            continue;
        if (line.voided) {
            if (asked)
                alreadyVoid.append(line.lineId);
            continue;
        }
        line.voided = true;
        voiding.append(line.lineId);
        amount += line.lineTotal;
    }
    if (!wanted.isEmpty())
        return fail(Error::validation(u"line_ids"_s, u"line %1 is not a line of order %2"_s
                                                             .arg(*wanted.cbegin())
                                                             .arg((*order)->number)));
    if (!alreadyVoid.isEmpty())
        return fail(ErrorCode::Conflict, u"line %1 is already void"_s.arg(alreadyVoid.first()),
                    QJsonObject{{u"line_ids"_s, idsJson(alreadyVoid)}});
    if (voiding.isEmpty())
        return fail(ErrorCode::Conflict, u"every line of order %1 is already void"_s.arg((*order)->number));
    bill->settle();
    if (auto ok = checkNotBelowPaid(*bill, "void"); !ok)
        return fail(ok.error());
    if (auto ok = checkStaffLimit(who, "void", amount); !ok)
        return fail(ok.error());

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject actor = who.actor();
    for (BillLine &line : bill->lines) {
        if (voiding.contains(line.lineId)) {
            line.voidedBy = actor;
            line.voidReason = *checked;
            line.voidedAt = now;
        }
    }
    db::Transaction tx(m_db);
    if (auto ok = m_bills.voidLines(voiding, *checked, actor, now); !ok)
        return fail(ok.error());
    auto event = m_events.record(QString::fromLatin1(events::OrderVoided), visit->tableId,
                                 {{u"order_id"_s, orderId},
                                  {u"order_number"_s, (*order)->number},
                                  {u"session_id"_s, visit->sessionId},
                                  {u"table_number"_s, visit->tableNumber},
                                  {u"line_ids"_s, idsJson(voiding)},
                                  {u"amount"_s, amount},
                                  {u"reason"_s, *checked},
                                  {u"at"_s, timestampJson(now)},
                                  {u"bill"_s, toJson(*bill)}},
                                 actor);
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_events.publish(*event);
    return *bill;
}

Result<BillDiscount> VisitService::addDiscount(const Principal &who, qint64 tableId, const QString &kind,
                                               qint64 value, const QString &reason)
{
    auto checked = checkReason(reason);
    if (!checked)
        return fail(checked.error());
    if (kind != u"amount"_s && kind != u"percent"_s)
        return fail(Error::validation(u"kind"_s, u"kind must be amount or percent"_s));
    if (kind == u"percent"_s && (value < 1 || value > 100))
        return fail(Error::validation(u"value"_s, u"a percent discount is 1 to 100"_s));
    if (kind == u"amount"_s && value < 1)
        return fail(Error::validation(u"value"_s, u"an amount discount is at least 1 won"_s));
    auto visit = openVisit(tableId);
    if (!visit)
        return fail(visit.error());
    auto bill = billOfSession(visit->sessionId);
    if (!bill)
        return fail(bill.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    BillDiscount discount{0, kind, value, 0, *checked, who.actor(), now};
    bill->discounts.append(discount);
    bill->settle();
    const Money wanted = kind == u"percent"_s ? percentOf(bill->subtotal, value) : value;
    if (bill->discounts.constLast().amount < wanted || wanted == 0)
        return fail(ErrorCode::ExceedsDue,
                    u"the discount (%1) is more than what is left of the total (%2)"_s
                            .arg(wanted)
                            .arg(bill->total + bill->discounts.constLast().amount),
                    QJsonObject{{u"amount"_s, wanted}, {u"total"_s, bill->total + bill->discounts.constLast().amount}});
    if (auto ok = checkNotBelowPaid(*bill, "discount"); !ok)
        return fail(ok.error());
    if (auto ok = checkStaffLimit(who, "discount", bill->discounts.constLast().amount); !ok)
        return fail(ok.error());
    db::Transaction tx(m_db);
    if (auto ok = m_bills.insertDiscount(visit->sessionId, discount); !ok)
        return fail(ok.error());
    discount.amount = bill->discounts.constLast().amount;
    bill->discounts.last().id = discount.id;
    auto event = m_events.record(QString::fromLatin1(events::DiscountAdded), tableId,
                                 {{u"session_id"_s, visit->sessionId},
                                  {u"table_number"_s, visit->tableNumber},
                                  {u"discount"_s, toJson(discount)},
                                  {u"bill"_s, toJson(*bill)}},
                                 who.actor());
    if (!event)
        return fail(event.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_events.publish(*event);
    return discount;
}

Result<QJsonArray> VisitService::ordersJson(qint64 sessionId)
{
    OrderFilter filter;
    filter.sessionId = sessionId;
    filter.limit = 5000;
    auto orders = m_orders.list(filter);
    if (!orders)
        return fail(orders.error());
    QJsonArray array;
    for (const Order &order : *orders)
        array.append(toJson(order));
    return array;
}

Result<MovedVisit> VisitService::move(const Principal &who, qint64 fromTableId, qint64 toTableId)
{
    if (fromTableId == toTableId)
        return fail(Error::validation(u"to_table"_s, u"the visit is already at this table"_s));
    auto from = openVisit(fromTableId);
    if (!from)
        return fail(from.error());
    auto to = openVisit(toTableId);
    if (to)
        return fail(ErrorCode::Conflict,
                    u"table %1 is not free; merge the visits instead"_s.arg(to->tableNumber));
    if (to.error().code != ErrorCode::NoOpenSession)
        return fail(to.error().code == ErrorCode::NotFound ? Error::validation(u"to_table"_s, u"no such table"_s)
                                                           : to.error());
    auto target = m_tables.byId(toTableId);
    if (!target)
        return fail(target.error());
    const int toNumber = (*target)->number;
    const MovedVisit moved{from->sessionId, from->sessionId, fromTableId, from->tableNumber, toTableId, toNumber};
    const QJsonObject actor = who.actor();
    db::Transaction tx(m_db);
    if (auto ok = m_bills.moveSession(from->sessionId, toTableId, toNumber); !ok)
        return fail(ok.error());
    auto orders = ordersJson(from->sessionId);
    if (!orders)
        return fail(orders.error());
    const QJsonObject where{{u"kind"_s, u"move"_s},
                            {u"from_table_id"_s, fromTableId},
                            {u"from_table_number"_s, from->tableNumber},
                            {u"to_table_id"_s, toTableId},
                            {u"to_table_number"_s, toNumber}};
    QJsonObject left = where;
    left.insert(u"session_id"_s, from->sessionId);
    left.insert(u"into_session_id"_s, from->sessionId);
    auto leftEvent = m_events.record(QString::fromLatin1(events::VisitLeft), fromTableId, left, actor);
    if (!leftEvent)
        return fail(leftEvent.error());
    QJsonObject arrived = where;
    arrived.insert(u"session_id"_s, from->sessionId);
    arrived.insert(u"moved_session_id"_s, from->sessionId);
    arrived.insert(u"orders"_s, *orders);
    auto arrivedEvent = m_events.record(QString::fromLatin1(events::VisitArrived), toTableId, arrived, actor);
    if (!arrivedEvent)
        return fail(arrivedEvent.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_events.publish(*leftEvent);
    m_events.publish(*arrivedEvent);
    return moved;
}

Result<MovedVisit> VisitService::merge(const Principal &who, qint64 intoTableId, qint64 fromTableId)
{
    if (fromTableId == intoTableId)
        return fail(Error::validation(u"from_table"_s, u"a table cannot merge with itself"_s));
    auto into = openVisit(intoTableId);
    if (!into)
        return fail(into.error());
    auto from = openVisit(fromTableId);
    if (!from)
        return fail(from.error().code == ErrorCode::NotFound ? Error::validation(u"from_table"_s, u"no such table"_s)
                                                              : from.error());
    const MovedVisit merged{into->sessionId, from->sessionId, fromTableId, from->tableNumber, intoTableId,
                            into->tableNumber};
    const QJsonObject actor = who.actor();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    db::Transaction tx(m_db);
    if (auto ok = m_bills.mergeSession(from->sessionId, into->sessionId, intoTableId, into->tableNumber, actor, now);
        !ok)
        return fail(ok.error());
    auto orders = ordersJson(into->sessionId);
    if (!orders)
        return fail(orders.error());
    const QJsonObject where{{u"kind"_s, u"merge"_s},
                            {u"from_table_id"_s, fromTableId},
                            {u"from_table_number"_s, from->tableNumber},
                            {u"to_table_id"_s, intoTableId},
                            {u"to_table_number"_s, into->tableNumber}};
    QJsonObject left = where;
    left.insert(u"session_id"_s, from->sessionId);
    left.insert(u"into_session_id"_s, into->sessionId);
    auto leftEvent = m_events.record(QString::fromLatin1(events::VisitLeft), fromTableId, left, actor);
    if (!leftEvent)
        return fail(leftEvent.error());
    QJsonObject arrived = where;
    arrived.insert(u"session_id"_s, into->sessionId);
    arrived.insert(u"moved_session_id"_s, from->sessionId);
    arrived.insert(u"orders"_s, *orders);
    auto arrivedEvent = m_events.record(QString::fromLatin1(events::VisitArrived), intoTableId, arrived, actor);
    if (!arrivedEvent)
        return fail(arrivedEvent.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_events.publish(*leftEvent);
    m_events.publish(*arrivedEvent);
    return merged;
}

} // namespace tableorder::edge
