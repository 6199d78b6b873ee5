#include "ordersubmitter.h"

#include "clientsettings.h"
#include "edgeapi.h"

#include <QLoggingCategory>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOrder, "tableorder.client.order")

namespace tableorder::client {

OrderSubmitter::OrderSubmitter(EdgeApi &api, ClientSettings &settings, QObject *parent)
    : QObject(parent), m_api(api), m_settings(settings)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &OrderSubmitter::send);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &OrderSubmitter::retryTick);
}

QString OrderSubmitter::pendingClientOrderId() const
{
    return m_body.value(u"client_order_id"_s).toString();
}

bool OrderSubmitter::submit(const QJsonArray &items, const QString &note)
{
    if (isBusy() || items.isEmpty())
        return false;
    m_body = QJsonObject{{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                         {u"items"_s, items}};
    if (!note.trimmed().isEmpty())
        m_body.insert(u"note"_s, note.trimmed());
    m_settings.setPendingOrder(m_body);
    m_attempt = 0;
    m_order = {};
    m_errorCode.clear();
    m_lastProblem.clear();
    m_unavailable.clear();
    m_details = {};
    m_backoff.reset();
    send();
    return true;
}

void OrderSubmitter::resumePending()
{
    const QJsonObject pending = m_settings.pendingOrder();
    if (pending.isEmpty() || isBusy())
        return;
    qCInfo(lcOrder) << "resending unanswered order" << pending.value(u"client_order_id"_s).toString();
    m_body = pending;
    m_attempt = 0;
    m_backoff.reset();
    send();
}

void OrderSubmitter::retryNow()
{
    if (m_state != State::Retrying)
        return;
    m_retry.stop();
    send();
}

void OrderSubmitter::holdRetry()
{
    if (m_state != State::Retrying || !m_retry.isActive())
        return;
    m_retry.stop();
    m_tick.stop();
    emit retryTick();
}

void OrderSubmitter::send()
{
    if (m_body.isEmpty() || m_inFlightId == pendingClientOrderId())
        return;
    m_tick.stop();
    ++m_attempt;
    const QString id = pendingClientOrderId();
    m_inFlightId = id;
    setState(State::Sending);
    m_api.placeOrder(m_body, [this, id](const ApiReply &reply) { onReply(id, reply); });
}

void OrderSubmitter::onReply(const QString &clientOrderId, const ApiReply &reply)
{
    if (m_inFlightId == clientOrderId)
        m_inFlightId.clear();
    if (clientOrderId != pendingClientOrderId())
        return; // settled meanwhile (the stream showed it)
    if (reply.ok()) {
        m_order = reply.json;
        qCInfo(lcOrder) << "order" << clientOrderId << "placed as number" << orderNumber()
                        << (reply.status == 200 ? "(a repeat: the edge already had it)" : "");
        finish(State::Accepted);
        emit accepted(m_order);
        return;
    }
    if (reply.isDefinitive()) {
        m_errorCode = reply.errorCode();
        m_lastProblem = reply.errorMessage();
        m_details = reply.errorDetails();
        const QJsonArray ids = m_details.value(u"menu_item_ids"_s).toArray();
        m_unavailable = ids.toVariantList();
        qCWarning(lcOrder) << "order" << clientOrderId << "refused:" << reply.describe();
        finish(State::Rejected);
        emit rejected(m_errorCode, m_lastProblem);
        return;
    }
    // No answer, a timeout, 5xx or 429: the edge may or may not have the order. Send the very
    // same body again; the client_order_id makes a repeat harmless.
    m_lastProblem = reply.describe();
    const int delay = reply.status == 429 && reply.retryAfter > 0 ? reply.retryAfter * 1000 : m_backoff.next();
    qCInfo(lcOrder) << "order" << clientOrderId << "not confirmed (" << reply.describe() << "); retry in"
                    << delay << "ms";
    m_retry.start(delay);
    m_tick.start();
    setState(State::Retrying);
    emit retryTick();
}

void OrderSubmitter::noteOrderSeen(const QJsonObject &order)
{
    if (!isBusy() || order.value(u"client_order_id"_s).toString() != pendingClientOrderId().toLower())
        return;
    m_retry.stop();
    m_order = order;
    finish(State::Accepted);
    emit accepted(m_order);
}

void OrderSubmitter::finish(State state)
{
    m_retry.stop();
    m_tick.stop();
    m_settings.clearPendingOrder();
    m_body = {};
    setState(state);
}

void OrderSubmitter::dismiss()
{
    if (isBusy())
        return;
    setState(State::Idle);
}

int OrderSubmitter::retryInSeconds() const
{
    return m_retry.isActive() ? (m_retry.remainingTime() + 999) / 1000 : 0;
}

void OrderSubmitter::setState(State state)
{
    m_state = state;
    emit stateChanged();
}

} // namespace tableorder::client
