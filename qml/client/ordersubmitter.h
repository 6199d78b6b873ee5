#pragma once

#include "apireply.h"
#include "backoff.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QVariantList>

namespace tableorder::client {

class EdgeApi;
class ClientSettings;

/// Places one order at a time so that it is created exactly once. The order gets a
/// client_order_id (a QUuid) and its request body is written to the settings *before* it is
/// sent; the very same body is resent after a network error, a timeout, a 5xx or a 429, with
/// backoff and across app restarts, until the edge gives a definitive answer (2xx or 4xx).
/// The edge treats a repeat of the same id and body as the same order, so retries can never
/// double it.
class OrderSubmitter : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    Q_PROPERTY(int attempt READ attempt NOTIFY stateChanged)
    Q_PROPERTY(int retryInSeconds READ retryInSeconds NOTIFY retryTick)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY stateChanged)
    Q_PROPERTY(QString lastProblem READ lastProblem NOTIFY stateChanged)
    Q_PROPERTY(QVariantList unavailableItemIds READ unavailableItemIds NOTIFY stateChanged)
    Q_PROPERTY(int orderNumber READ orderNumber NOTIFY stateChanged)
    /// 409 OPTION_UNAVAILABLE: the options that ran out.
    Q_PROPERTY(QVariantList unavailableOptionIds READ unavailableOptionIds NOTIFY stateChanged)
    /// 409 ITEM_UNAVAILABLE: "sold_out" or "hours".
    Q_PROPERTY(QString unavailableReason READ unavailableReason NOTIFY stateChanged)
    /// 409 OUT_OF_STOCK: the item and how many portions are left.
    Q_PROPERTY(qint64 outOfStockItemId READ outOfStockItemId NOTIFY stateChanged)
    Q_PROPERTY(int remaining READ remaining NOTIFY stateChanged)
public:
    enum class State {
        Idle,     // nothing in flight
        Sending,  // first attempt, or a retry, is on the wire
        Retrying, // no answer yet; waiting to send the same order again
        Accepted, // the edge has it (orderNumber)
        Rejected  // the edge refused it for good (errorCode)
    };
    Q_ENUM(State)

    OrderSubmitter(EdgeApi &api, ClientSettings &settings, QObject *parent = nullptr);

    /// Starts placing an order; false while another one is still in flight.
    /// `items`: [{menu_item_id, quantity, options?, note?}], as the edge wants them.
    bool submit(const QJsonArray &items, const QString &note = {});
    /// Resends the order a previous run left unanswered (call once at start, with a token).
    void resumePending();
    /// Retries now instead of waiting (e.g. the event stream just came back).
    void retryNow();
    /// While retrying: no timer of its own; the next attempt is the caller's retryNow() (the
    /// tablet follows its connection's reconnect attempts, so the guests see one countdown).
    void holdRetry();
    /// The event stream showed an order: if it is ours, the edge has it.
    void noteOrderSeen(const QJsonObject &order);
    /// Back to Idle once the screen has shown an Accepted or Rejected result.
    Q_INVOKABLE void dismiss();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isBusy() const { return m_state == State::Sending || m_state == State::Retrying; }
    [[nodiscard]] int attempt() const { return m_attempt; }
    [[nodiscard]] int retryInSeconds() const;
    [[nodiscard]] QString errorCode() const { return m_errorCode; }
    [[nodiscard]] QString lastProblem() const { return m_lastProblem; }
    [[nodiscard]] QVariantList unavailableItemIds() const { return m_unavailable; }
    [[nodiscard]] QVariantList unavailableOptionIds() const { return m_details.value(QStringLiteral("option_ids")).toArray().toVariantList(); }
    [[nodiscard]] QString unavailableReason() const { return m_details.value(QStringLiteral("reason")).toString(); }
    [[nodiscard]] qint64 outOfStockItemId() const { return m_details.value(QStringLiteral("menu_item_id")).toInteger(); }
    [[nodiscard]] int remaining() const { return m_details.value(QStringLiteral("remaining")).toInt(); }
    [[nodiscard]] int orderNumber() const { return int(m_order.value(QStringLiteral("number")).toInteger()); }
    [[nodiscard]] QJsonObject order() const { return m_order; }
    [[nodiscard]] QString pendingClientOrderId() const;

    void setBackoff(const Backoff::Settings &settings) { m_backoff.setSettings(settings); }

signals:
    void stateChanged();
    void retryTick();
    void accepted(const QJsonObject &order);
    void rejected(const QString &code, const QString &message);

private:
    void send();
    void onReply(const QString &clientOrderId, const ApiReply &reply);
    void finish(State state);
    void setState(State state);

    EdgeApi &m_api;
    ClientSettings &m_settings;
    QJsonObject m_body;
    QJsonObject m_order;
    State m_state = State::Idle;
    int m_attempt = 0;
    QString m_inFlightId; // the client_order_id of the request on the wire
    QString m_errorCode;
    QString m_lastProblem;
    QVariantList m_unavailable;
    QJsonObject m_details; // error.details of a refusal
    Backoff m_backoff{Backoff::Settings{1000, 10'000, 2.0, 0.2}};
    QTimer m_retry;
    QTimer m_tick;
};

} // namespace tableorder::client
