#include "bill.h"

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {
// Products of two amounts of won can pass 2^63; their quotients cannot.
__extension__ typedef __int128 Wide;
} // namespace

void Bill::settle()
{
    subtotal = 0;
    for (const BillLine &line : std::as_const(lines)) {
        if (!line.voided)
            subtotal += line.lineTotal;
    }
    Money left = subtotal;
    discountTotal = 0;
    for (BillDiscount &discount : discounts) {
        const Money wanted = discount.kind == u"percent"_s ? percentOf(subtotal, discount.value) : discount.value;
        discount.amount = std::min(wanted, left);
        left -= discount.amount;
        discountTotal += discount.amount;
    }
    total = left;
    paid = 0;
    for (const BillPayment &payment : std::as_const(payments))
        paid += payment.amount;
    due = total - paid;
}

Money percentOf(Money base, qint64 percent)
{
    // Integer arithmetic, half up: no floating point between the won and the bill.
    return Money((Wide(base) * percent + 50) / 100);
}

QList<Money> splitEven(Money amount, int ways)
{
    Q_ASSERT(ways > 0);
    QList<Money> shares(ways, amount / ways);
    shares[0] += amount % ways;
    return shares;
}

QList<Money> splitProportional(Money amount, const QList<Money> &weights)
{
    Q_ASSERT(!weights.isEmpty());
    Money sum = 0;
    for (Money w : weights)
        sum += w;
    QList<Money> shares(weights.size(), 0);
    if (sum <= 0) {
        shares[0] = amount;
        return shares;
    }
    Money given = 0;
    for (qsizetype i = 1; i < weights.size(); ++i) {
        shares[i] = Money(Wide(amount) * weights.at(i) / sum);
        given += shares[i];
    }
    shares[0] = amount - given;
    return shares;
}

QJsonObject originJson(const QJsonObject &actor)
{
    if (actor.value(u"kind"_s).toString() == u"table"_s) {
        const int number = actor.value(u"table_number"_s).toInt();
        return {{u"kind"_s, u"table"_s}, {u"name"_s, u"table %1"_s.arg(number)}, {u"table_number"_s, number}};
    }
    if (actor.isEmpty())
        return {};
    return {{u"kind"_s, u"staff"_s},
            {u"name"_s, actor.value(u"name"_s).toString()},
            {u"role"_s, actor.value(u"role"_s).toString()}};
}

QJsonObject toJson(const BillPayment &payment)
{
    return {{u"id"_s, payment.id},
            {u"client_payment_id"_s, payment.clientPaymentId},
            {u"session_id"_s, payment.sessionId},
            {u"table_id"_s, payment.tableId},
            {u"table_number"_s, payment.tableNumber},
            {u"method"_s, payment.method},
            {u"amount"_s, payment.amount},
            {u"closed_visit"_s, payment.closedVisit},
            {u"by"_s, originJson(payment.by)},
            {u"at"_s, timestampJson(payment.at)}};
}

QJsonObject toJson(const BillDiscount &discount)
{
    return {{u"id"_s, discount.id},
            {u"kind"_s, discount.kind},
            {u"value"_s, discount.value},
            {u"amount"_s, discount.amount},
            {u"reason"_s, discount.reason},
            {u"by"_s, originJson(discount.by)},
            {u"at"_s, timestampJson(discount.at)}};
}

QJsonObject toJson(const Bill &bill)
{
    QJsonArray lines;
    for (const BillLine &line : bill.lines) {
        QJsonObject json{{u"line_id"_s, line.lineId},
                         {u"order_id"_s, line.orderId},
                         {u"order_number"_s, line.orderNumber},
                         {u"menu_item_id"_s, line.menuItemId},
                         {u"name"_s, line.name},
                         {u"options"_s, line.options},
                         {u"note"_s, line.note},
                         {u"quantity"_s, line.quantity},
                         {u"unit_price"_s, line.unitPrice},
                         {u"line_total"_s, line.lineTotal},
                         {u"added_by"_s, originJson(line.addedBy)},
                         {u"added_at"_s, timestampJson(line.addedAt)}};
        if (line.voided)
            json.insert(u"void"_s, QJsonObject{{u"by"_s, line.voidedBy.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                                : QJsonValue(originJson(line.voidedBy))},
                                               {u"reason"_s, line.voidReason},
                                               {u"at"_s, timestampJson(line.voidedAt)}});
        lines.append(json);
    }
    QJsonArray discounts;
    for (const BillDiscount &discount : bill.discounts)
        discounts.append(toJson(discount));
    QJsonArray payments;
    for (const BillPayment &payment : bill.payments)
        payments.append(toJson(payment));
    return {{u"session_id"_s, bill.sessionId ? QJsonValue(bill.sessionId) : QJsonValue(QJsonValue::Null)},
            {u"table_id"_s, bill.tableId},
            {u"table_number"_s, bill.tableNumber},
            {u"lines"_s, lines},
            {u"subtotal"_s, bill.subtotal},
            {u"discounts"_s, discounts},
            {u"discount_total"_s, bill.discountTotal},
            {u"total"_s, bill.total},
            {u"paid"_s, bill.paid},
            {u"due"_s, bill.due},
            {u"payments"_s, payments}};
}

} // namespace tableorder::edge
