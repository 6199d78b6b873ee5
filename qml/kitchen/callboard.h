#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QVariantList>

namespace tableorder::client {
class EdgeApi;
}

namespace tableorder::kitchen {

/// The floor's list of guests' calls (직원 호출): open and acknowledged calls, oldest first,
/// kept from the staff event stream (the snapshot's `calls`, then call.created /
/// acknowledged / done / overdue; a resumed stream replays what was missed, a reset brings a
/// new snapshot). One tap acknowledges ("coming"), another marks it done.
class CallBoard : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QVariantList calls READ calls NOTIFY callsChanged)
    Q_PROPERTY(int openCount READ openCount NOTIFY callsChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY callsChanged)
    /// Counts calls that arrived while this screen watched (each one chimed).
    Q_PROPERTY(int newCallSerial READ newCallSerial NOTIFY newCallArrived)
public:
    explicit CallBoard(client::EdgeApi &api, QObject *parent = nullptr);

    /// A stream event; true when it is a call this screen had not seen (worth a chime).
    bool onEvent(const QString &type, const QJsonObject &data);
    void clear();

    /// "coming": records this staff member on the call.
    Q_INVOKABLE void acknowledge(qint64 callId);
    Q_INVOKABLE void finish(qint64 callId);
    /// water, cutlery, bill, other in the screen's language.
    Q_INVOKABLE QString reasonText(const QString &reason) const;

    [[nodiscard]] QVariantList calls() const;
    [[nodiscard]] int openCount() const;
    [[nodiscard]] int overdueCount() const;
    [[nodiscard]] int newCallSerial() const { return m_newCallSerial; }
    [[nodiscard]] QJsonObject call(qint64 id) const;

signals:
    void callsChanged();
    void newCallArrived();
    /// A tap the edge refused or did not answer: what to tell the person who tapped.
    void failed(const QString &message);

private:
    void upsert(const QJsonObject &call);
    void remove(qint64 id);
    void send(qint64 callId, const QString &action);

    client::EdgeApi &m_api;
    QList<QJsonObject> m_calls; // oldest first
    QSet<qint64> m_busy;
    int m_newCallSerial = 0;
};

} // namespace tableorder::kitchen
