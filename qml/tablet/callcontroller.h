#pragma once

#include <QJsonObject>
#include <QObject>
#include <QVariantList>

namespace tableorder::client {
class EdgeApi;
struct ApiReply;
} // namespace tableorder::client

namespace tableorder::tablet {

/// The tablet's 직원 호출 (call staff): sends a call with its reason (water, cutlery, bill,
/// other with a short note) and keeps the table's active calls with their state ("called",
/// then "coming" once staff acknowledged; gone when done), live from the event stream and
/// read again with GET /calls after every reconnect.
class CallController : public QObject
{
    Q_OBJECT
    /// The active calls, oldest first: [{id, reason, note, status}] (status "open" or
    /// "acknowledged").
    Q_PROPERTY(QVariantList calls READ calls NOTIFY callsChanged)
    /// A call is on its way to the edge.
    Q_PROPERTY(bool sending READ sending NOTIFY sendingChanged)
    /// Why the last call did not go through: "" (it did), "NO_ANSWER", "RATE_LIMITED" or the
    /// edge's error code; the QML says it in the guests' language.
    Q_PROPERTY(QString refusal READ refusal NOTIFY refusalChanged)
    /// Seconds to wait before calling again, with RATE_LIMITED.
    Q_PROPERTY(int retryAfter READ retryAfter NOTIFY refusalChanged)
public:
    explicit CallController(client::EdgeApi &api, QObject *parent = nullptr);

    /// Calls staff; `reason` is water, cutlery, bill or other; `note` only with other.
    Q_INVOKABLE void call(const QString &reason, const QString &note = {});
    /// Forgets the last refusal (the chooser was closed or opened again).
    Q_INVOKABLE void clearRefusal();
    /// Reads the table's active calls again (after a reconnect: events may have been missed).
    void refresh();
    /// The table's visit ended: its calls went with it.
    void clear();
    /// call.created, call.acknowledged, call.done.
    void onEvent(const QString &type, const QJsonObject &data);

    [[nodiscard]] QVariantList calls() const;
    [[nodiscard]] bool sending() const { return m_sending; }
    [[nodiscard]] QString refusal() const { return m_refusal; }
    [[nodiscard]] int retryAfter() const { return m_retryAfter; }
    /// The active call for a reason (empty when none), for the chooser's buttons.
    Q_INVOKABLE QString statusOf(const QString &reason) const;

signals:
    void callsChanged();
    void sendingChanged();
    void refusalChanged();
    /// The edge took the call (new, or the one already open for that reason).
    void called(const QString &reason);

private:
    void upsert(const QJsonObject &call);
    void setRefusal(const QString &code, int retryAfter);

    client::EdgeApi &m_api;
    QList<QJsonObject> m_calls; // active ones, oldest first
    bool m_sending = false;
    QString m_refusal;
    int m_retryAfter = 0;
    quint64 m_refreshGeneration = 0;
};

} // namespace tableorder::tablet
