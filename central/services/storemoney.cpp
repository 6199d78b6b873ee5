#include "storemoney.h"

#include <QDate>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tableorder::central::storemoney {

namespace {

Error invalid(const QString &field, const QString &message)
{
    return Error::validation(field, message);
}

bool amountOk(const QJsonValue &value, bool zeroOk = false)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return d == double(qint64(d)) && d <= double(kMaxAmount) && (zeroOk ? d >= 0 : d >= 1);
}

QString staffName(const QJsonObject &actor)
{
    return actor.value(u"name"_s).toString();
}

} // namespace

Result<StorePayment> payment(const Event &event)
{
    const QJsonObject p = event.data.value(u"payment"_s).toObject();
    StorePayment out;
    out.seq = event.seq;
    out.clientPaymentId = p.value(u"client_payment_id"_s).toString();
    out.paymentId = p.value(u"id"_s).toInteger();
    out.sessionId = event.data.value(u"session_id"_s).toInteger(p.value(u"session_id"_s).toInteger());
    out.tableNumber = p.value(u"table_number"_s).toInt();
    out.method = p.value(u"method"_s).toString();
    out.amount = p.value(u"amount"_s).toInteger();
    out.actor = event.actor;
    out.at = timestampText(event.at);
    static const QRegularExpression uuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
    if (!uuid.match(out.clientPaymentId).hasMatch())
        return fail(invalid(u"payment.client_payment_id"_s, u"a payment needs its client_payment_id (a UUID)"_s));
    static const QStringList methods{u"cash"_s, u"card"_s, u"transfer"_s, u"other"_s};
    if (!methods.contains(out.method))
        return fail(invalid(u"payment.method"_s, u"a payment's method is cash, card, transfer or other"_s));
    if (!amountOk(p.value(u"amount"_s)))
        return fail(invalid(u"payment.amount"_s, u"a payment's amount is 1 to %1 won"_s.arg(kMaxAmount)));
    return out;
}

Result<StoreVoid> voided(const Event &event)
{
    StoreVoid out;
    out.seq = event.seq;
    out.sessionId = event.data.value(u"session_id"_s).toInteger();
    out.orderId = event.data.value(u"order_id"_s).toInteger();
    out.amount = event.data.value(u"amount"_s).toInteger();
    out.reason = event.data.value(u"reason"_s).toString();
    out.actor = event.actor;
    out.at = timestampText(event.at);
    if (out.orderId <= 0)
        return fail(invalid(u"order_id"_s, u"a void names its order"_s));
    if (!amountOk(event.data.value(u"amount"_s), true))
        return fail(invalid(u"amount"_s, u"a void's amount is 0 to %1 won"_s.arg(kMaxAmount)));
    return out;
}

Result<StoreDiscount> discount(const Event &event)
{
    const QJsonObject d = event.data.value(u"discount"_s).toObject();
    StoreDiscount out;
    out.seq = event.seq;
    out.discountId = d.value(u"id"_s).toInteger();
    out.sessionId = event.data.value(u"session_id"_s).toInteger();
    out.kind = d.value(u"kind"_s).toString();
    out.value = d.value(u"value"_s).toInteger();
    out.amount = d.value(u"amount"_s).toInteger();
    out.reason = d.value(u"reason"_s).toString();
    out.actor = event.actor;
    out.at = timestampText(event.at);
    if (out.kind != u"amount"_s && out.kind != u"percent"_s)
        return fail(invalid(u"discount.kind"_s, u"a discount is of kind amount or percent"_s));
    if (!amountOk(d.value(u"amount"_s)))
        return fail(invalid(u"discount.amount"_s, u"a discount's amount is 1 to %1 won"_s.arg(kMaxAmount)));
    return out;
}

Result<StoreDayClose> dayClose(const Event &event)
{
    StoreDayClose out;
    out.seq = event.seq;
    out.businessDate = event.data.value(u"date"_s).toString();
    out.report = event.data.value(u"report"_s).toObject();
    out.closedAt = out.report.value(u"closed_at"_s).toString(timestampText(event.at));
    if (!QDate::fromString(out.businessDate, u"yyyy-MM-dd"_s).isValid())
        return fail(invalid(u"date"_s, u"a closed day names its date, yyyy-MM-dd"_s));
    if (out.report.isEmpty())
        return fail(invalid(u"report"_s, u"a closed day carries its report"_s));
    return out;
}

std::optional<AuditEntry> auditEntry(const Event &event)
{
    if (event.actor.value(u"kind"_s).toString() != u"staff"_s)
        return std::nullopt;
    QJsonObject data = event.data;
    data.remove(u"bill"_s);
    AuditEntry out;
    out.seq = event.seq;
    out.type = event.type;
    out.at = timestampText(event.at);
    out.staffId = event.actor.value(u"staff_id"_s).toInteger();
    out.staffName = staffName(event.actor);
    out.staffRole = event.actor.value(u"role"_s).toString();
    out.data = data;
    return out;
}

} // namespace tableorder::central::storemoney
