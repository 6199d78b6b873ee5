#include "billcontroller.h"

#include "apireply.h"
#include "edgeapi.h"
#include "floortext.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::kitchen {

BillController::BillController(EdgeApi &api, QObject *parent) : QObject(parent), m_api(api)
{
    // Several events about one change (a payment that closes the visit) make one reload.
    m_reload.setSingleShot(true);
    m_reload.setInterval(150);
    connect(&m_reload, &QTimer::timeout, this, &BillController::refresh);
}

void BillController::setLanguage(const QString &language)
{
    m_language = language;
    emit billChanged();
}

void BillController::open(qint64 tableId)
{
    if (tableId != m_tableId) {
        ++m_generation;
        m_tableId = tableId;
        m_bill = {};
        m_loaded = false;
        m_attempt.reset();
        m_paying = false;
        m_unsettled.clear();
        setError({});
        emit unsettledChanged();
        emit paymentChanged();
        emit billChanged();
    }
    refresh();
}

void BillController::refresh()
{
    m_reload.stop();
    if (m_tableId <= 0)
        return;
    const quint64 generation = m_generation;
    m_api.get(u"/api/v1/tables/%1/bill"_s.arg(m_tableId), [this, generation](const ApiReply &reply) {
        if (generation != m_generation || !reply.ok())
            return;
        const bool closed = hasVisit() && reply.json.value(u"session_id"_s).toInteger() <= 0;
        const int number = tableNumber();
        m_bill = reply.json;
        m_loaded = true;
        emit billChanged();
        if (closed)
            emit visitClosed(number); // paid in full or closed on another screen
    });
}

void BillController::onEvent(const QString &type, const QJsonObject &data)
{
    if (m_tableId <= 0)
        return;
    static const QStringList kinds{u"order.created"_s, u"order.updated"_s, u"order.voided"_s,
                                   u"payment.recorded"_s, u"bill.discount_added"_s, u"table.session_closed"_s,
                                   u"table.visit_left"_s, u"table.visit_arrived"_s, u"snapshot"_s};
    if (!kinds.contains(type))
        return;
    const qint64 session = m_bill.value(u"session_id"_s).toInteger();
    const int number = tableNumber();
    const bool mine = type == u"snapshot"_s || !m_loaded
            || (session > 0 && data.value(u"session_id"_s).toInteger() == session)
            || (number > 0 && data.value(u"table_number"_s).toInt() == number)
            || data.value(u"table_id"_s).toInteger() == m_tableId
            || data.value(u"to_table_id"_s).toInteger() == m_tableId
            || data.value(u"from_table_id"_s).toInteger() == m_tableId;
    if (mine && !m_reload.isActive())
        m_reload.start();
}

bool BillController::hasVisit() const
{
    return m_bill.value(u"session_id"_s).toInteger() > 0;
}

qint64 BillController::figure(const char *key) const
{
    return m_bill.value(QLatin1StringView(key)).toInteger();
}

QVariantList BillController::lines() const
{
    QVariantList out;
    for (const QJsonValue &value : m_bill.value(u"lines"_s).toArray()) {
        const QJsonObject line = value.toObject();
        const QJsonObject by = line.value(u"added_by"_s).toObject();
        const QString at = clockText(line.value(u"added_at"_s).toString());
        const QString origin = by.value(u"kind"_s).toString() == u"table"_s
                ? tr("Table %1 tablet %2").arg(by.value(u"table_number"_s).toInt()).arg(at)
                : tr("Staff %1 %2").arg(by.value(u"name"_s).toString(), at);
        QStringList options;
        for (const QJsonValue &option : line.value(u"options"_s).toArray()) {
            options.append(option.isString() ? option.toString() : option.toObject().value(u"name"_s).toString());
        }
        const QJsonObject voided = line.value(u"void"_s).toObject();
        QString voidText;
        if (line.contains(u"void"_s)) {
            const QString who = voided.value(u"by"_s).toObject().value(u"name"_s).toString();
            voidText = who.isEmpty() ? tr("Void: %1 (%2)").arg(voided.value(u"reason"_s).toString(),
                                                                clockText(voided.value(u"at"_s).toString()))
                                     : tr("Void: %1 (%2 %3)").arg(voided.value(u"reason"_s).toString(), who,
                                                                   clockText(voided.value(u"at"_s).toString()));
        }
        out.append(QVariantMap{
                {u"lineId"_s, line.value(u"line_id"_s).toInteger()},
                {u"orderId"_s, line.value(u"order_id"_s).toInteger()},
                {u"orderNumber"_s, line.value(u"order_number"_s).toInt()},
                {u"name"_s, line.value(u"name"_s).toString()},
                {u"optionsText"_s, options.join(u", "_s)},
                {u"note"_s, line.value(u"note"_s).toString()},
                {u"quantity"_s, line.value(u"quantity"_s).toInt()},
                {u"lineTotalText"_s, won(line.value(u"line_total"_s).toInteger())},
                {u"originText"_s, origin},
                {u"voided"_s, line.contains(u"void"_s)},
                {u"voidText"_s, voidText},
        });
    }
    return out;
}

QVariantList BillController::discounts() const
{
    QVariantList out;
    for (const QJsonValue &value : m_bill.value(u"discounts"_s).toArray()) {
        const QJsonObject d = value.toObject();
        const QString what = d.value(u"kind"_s).toString() == u"percent"_s
                ? tr("%1% off").arg(d.value(u"value"_s).toInteger())
                : tr("%1 off").arg(won(d.value(u"value"_s).toInteger()));
        out.append(QVariantMap{
                {u"id"_s, d.value(u"id"_s).toInteger()},
                {u"text"_s, u"%1 · %2 (%3 %4)"_s.arg(what, d.value(u"reason"_s).toString(),
                                                   d.value(u"by"_s).toObject().value(u"name"_s).toString(),
                                                   clockText(d.value(u"at"_s).toString()))},
                {u"amountText"_s, won(-d.value(u"amount"_s).toInteger())},
        });
    }
    return out;
}

QVariantList BillController::payments() const
{
    QVariantList out;
    for (const QJsonValue &value : m_bill.value(u"payments"_s).toArray()) {
        const QJsonObject p = value.toObject();
        out.append(QVariantMap{
                {u"id"_s, p.value(u"id"_s).toInteger()},
                {u"text"_s, u"%1 · %2 %3"_s.arg(methodText(p.value(u"method"_s).toString()),
                                               p.value(u"by"_s).toObject().value(u"name"_s).toString(),
                                               clockText(p.value(u"at"_s).toString()))},
                {u"amountText"_s, won(p.value(u"amount"_s).toInteger())},
        });
    }
    return out;
}

void BillController::beginPayment()
{
    if (m_paying)
        return;
    m_attempt = Attempt{QUuid::createUuid().toString(QUuid::WithoutBraces), {}, 0, false, false};
    emit paymentChanged();
}

void BillController::pay(const QString &method, qint64 amount)
{
    if (m_paying || m_tableId <= 0)
        return; // a second tap while the first is on its way
    if (!m_attempt)
        beginPayment();
    if (m_attempt->recorded)
        return; // this attempt is paid; another payment starts with beginPayment()
    if (m_attempt->uncertain && (method != m_attempt->method || amount != m_attempt->amount)) {
        setError(tr("The last payment got no answer: send it again as it was, or give it up first"));
        return;
    }
    if (amount <= 0)
        return setError(tr("Enter an amount"));
    m_attempt->method = method;
    m_attempt->amount = amount;
    m_paying = true;
    setError({});
    setBusy(true);
    emit paymentChanged();
    const quint64 generation = m_generation;
    const QJsonObject body{{u"client_payment_id"_s, m_attempt->id}, {u"method"_s, method}, {u"amount"_s, amount}};
    m_api.post(u"/api/v1/tables/%1/payments"_s.arg(m_tableId), body, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        m_paying = false;
        setBusy(false);
        if (reply.ok()) {
            m_attempt->uncertain = false;
            m_attempt->recorded = true;
            emit paymentChanged();
            const int number = reply.json.value(u"table_number"_s).toInt();
            emit notice(tr("%1 by %2 recorded for table %3")
                                .arg(won(reply.json.value(u"amount"_s).toInteger()),
                                     methodText(reply.json.value(u"method"_s).toString()))
                                .arg(number));
            if (reply.json.value(u"closed_visit"_s).toBool()) {
                emit visitClosed(number);
                emit tablesChanged();
            }
            refresh();
            return;
        }
        if (!reply.isDefinitive()) {
            // It may have been recorded: the next tap sends the very same payment.
            m_attempt->uncertain = true;
            emit paymentChanged();
            setError(tr("No answer from the edge. Tap Pay again to send the same payment: it is never counted twice."));
            return;
        }
        // Refused: nothing was recorded; a corrected payment is a new attempt.
        m_attempt = Attempt{QUuid::createUuid().toString(QUuid::WithoutBraces), {}, 0, false, false};
        emit paymentChanged();
        setError(describe(reply));
        refresh();
    });
}

void BillController::abandonPayment()
{
    if (m_paying)
        return;
    m_attempt.reset();
    emit paymentChanged();
    setError({});
    refresh();
}

void BillController::run(const QByteArray &method, const QString &path, const QJsonObject &body,
                         std::function<void(const ApiReply &)> onOk)
{
    if (m_busy)
        return;
    setBusy(true);
    setError({});
    const quint64 generation = m_generation;
    m_api.send(method, path, body, [this, generation, onOk = std::move(onOk)](const ApiReply &reply) {
        setBusy(false);
        if (generation != m_generation)
            return;
        if (reply.ok())
            onOk(reply);
        else
            setError(describe(reply));
        refresh();
    });
}

void BillController::voidLine(qint64 orderId, qint64 lineId, const QString &reason)
{
    run("POST", u"/api/v1/orders/%1/void"_s.arg(orderId),
        {{u"line_ids"_s, QJsonArray{lineId}}, {u"reason"_s, reason.trimmed()}},
        [this](const ApiReply &) { emit notice(tr("Line voided")); });
}

void BillController::voidOrder(qint64 orderId, const QString &reason)
{
    run("POST", u"/api/v1/orders/%1/void"_s.arg(orderId), {{u"reason"_s, reason.trimmed()}},
        [this](const ApiReply &) { emit notice(tr("Order voided")); });
}

void BillController::addDiscount(const QString &kind, qint64 value, const QString &reason)
{
    run("POST", u"/api/v1/tables/%1/discounts"_s.arg(m_tableId),
        {{u"kind"_s, kind}, {u"value"_s, value}, {u"reason"_s, reason.trimmed()}},
        [this](const ApiReply &reply) {
            emit notice(tr("Discount of %1 given").arg(won(reply.json.value(u"amount"_s).toInteger())));
        });
}

void BillController::moveTo(qint64 toTableId)
{
    run("POST", u"/api/v1/tables/%1/move"_s.arg(m_tableId), {{u"to_table"_s, toTableId}},
        [this](const ApiReply &reply) {
            emit notice(tr("Table %1 moved to table %2")
                                .arg(reply.json.value(u"from_table_number"_s).toInt())
                                .arg(reply.json.value(u"to_table_number"_s).toInt()));
            emit tablesChanged();
        });
}

void BillController::mergeFrom(qint64 fromTableId)
{
    run("POST", u"/api/v1/tables/%1/merge"_s.arg(m_tableId), {{u"from_table"_s, fromTableId}},
        [this](const ApiReply &reply) {
            emit notice(tr("Table %1 joined table %2")
                                .arg(reply.json.value(u"from_table_number"_s).toInt())
                                .arg(reply.json.value(u"to_table_number"_s).toInt()));
            emit tablesChanged();
        });
}

void BillController::closeVisit(bool force, const QString &reason)
{
    if (m_busy || m_tableId <= 0)
        return;
    QJsonObject body;
    if (force)
        body = {{u"force"_s, true}, {u"reason"_s, reason.trimmed()}};
    setBusy(true);
    setError({});
    const quint64 generation = m_generation;
    m_api.post(u"/api/v1/tables/%1/close-session"_s.arg(m_tableId), body, [this, generation](const ApiReply &reply) {
        setBusy(false);
        if (generation != m_generation)
            return;
        if (reply.ok()) {
            m_unsettled.clear();
            emit unsettledChanged();
            const int number = reply.json.value(u"table_number"_s).toInt();
            emit notice(tr("Table %1 is free again").arg(number));
            emit visitClosed(number);
            emit tablesChanged();
        } else if (reply.errorCode() == u"VISIT_UNSETTLED"_s) {
            const QJsonObject details = reply.errorDetails();
            QVariantList cooking;
            for (const QJsonValue &n : details.value(u"cooking_orders"_s).toArray())
                cooking.append(n.toInt());
            m_unsettled = {{u"due"_s, details.value(u"due"_s).toInteger()},
                           {u"dueText"_s, won(details.value(u"due"_s).toInteger())},
                           {u"cookingOrders"_s, cooking},
                           {u"message"_s, reply.errorMessage()}};
            emit unsettledChanged();
        } else {
            setError(describe(reply));
        }
        refresh();
    });
}

void BillController::clearError()
{
    setError({});
    if (!m_unsettled.isEmpty()) {
        m_unsettled.clear();
        emit unsettledChanged();
    }
}

QString BillController::won(qint64 amount) const
{
    return wonText(amount, m_language);
}

QString BillController::methodText(const QString &method) const
{
    if (method == u"cash"_s)
        return tr("Cash");
    if (method == u"card"_s)
        return tr("Card");
    if (method == u"transfer"_s)
        return tr("Transfer");
    return tr("Other");
}

QString BillController::describe(const ApiReply &reply) const
{
    if (reply.noAnswer())
        return tr("No answer from the edge: nothing changed as far as this screen knows; try again");
    const QString code = reply.errorCode();
    const QJsonObject details = reply.errorDetails();
    if (code == u"EXCEEDS_DUE"_s)
        return tr("More than what is due (%1)").arg(won(details.value(u"due"_s).toInteger()));
    if (code == u"NO_OPEN_SESSION"_s)
        return tr("This table has no open visit");
    if (code == u"FORBIDDEN"_s)
        return tr("Only a manager may do this");
    return tr("Refused: %1").arg(reply.errorMessage());
}

void BillController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void BillController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

} // namespace tableorder::kitchen
