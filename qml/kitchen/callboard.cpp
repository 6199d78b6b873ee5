#include "callboard.h"

#include "apireply.h"
#include "edgeapi.h"
#include "floortext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QVariantMap>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::kitchen {

namespace {

bool active(const QJsonObject &call)
{
    const QString status = call.value(u"status"_s).toString();
    return status == u"open"_s || status == u"acknowledged"_s;
}

qint64 createdMs(const QJsonObject &call)
{
    return QDateTime::fromString(call.value(u"created_at"_s).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

CallBoard::CallBoard(EdgeApi &api, QObject *parent) : QObject(parent), m_api(api)
{
}

bool CallBoard::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == u"snapshot"_s) {
        m_calls.clear();
        for (const QJsonValue &call : data.value(u"calls"_s).toArray()) {
            if (active(call.toObject()))
                m_calls.append(call.toObject());
        }
        std::stable_sort(m_calls.begin(), m_calls.end(),
                         [](const QJsonObject &a, const QJsonObject &b) { return createdMs(a) < createdMs(b); });
        emit callsChanged();
        return false;
    }
    if (type == u"reset"_s) {
        clear();
        return false;
    }
    if (!type.startsWith(u"call."_s))
        return false;
    const qint64 id = data.value(u"id"_s).toInteger();
    if (type == u"call.done"_s || !active(data)) {
        remove(id);
        return false;
    }
    const bool fresh = type == u"call.created"_s && call(id).isEmpty();
    QJsonObject next = data;
    next.remove(u"actor"_s);
    if (type == u"call.overdue"_s)
        next.insert(u"overdue"_s, true);
    upsert(next);
    if (fresh) {
        ++m_newCallSerial;
        emit newCallArrived();
    }
    return fresh;
}

void CallBoard::clear()
{
    m_calls.clear();
    m_busy.clear();
    emit callsChanged();
}

void CallBoard::upsert(const QJsonObject &call)
{
    const qint64 id = call.value(u"id"_s).toInteger();
    for (QJsonObject &known : m_calls) {
        if (known.value(u"id"_s).toInteger() == id) {
            // An overdue call stays marked when a later event about it leaves the flag out.
            const bool overdue = known.value(u"overdue"_s).toBool() || call.value(u"overdue"_s).toBool();
            known = call;
            known.insert(u"overdue"_s, overdue);
            emit callsChanged();
            return;
        }
    }
    const qint64 at = createdMs(call);
    auto it = std::find_if(m_calls.begin(), m_calls.end(), [at](const QJsonObject &c) { return createdMs(c) > at; });
    m_calls.insert(it, call);
    emit callsChanged();
}

void CallBoard::remove(qint64 id)
{
    const qsizetype before = m_calls.size();
    m_calls.removeIf([id](const QJsonObject &c) { return c.value(u"id"_s).toInteger() == id; });
    m_busy.remove(id);
    if (m_calls.size() != before)
        emit callsChanged();
}

void CallBoard::acknowledge(qint64 callId)
{
    send(callId, u"ack"_s);
}

void CallBoard::finish(qint64 callId)
{
    send(callId, u"done"_s);
}

void CallBoard::send(qint64 callId, const QString &action)
{
    // One request per call at a time: a double tap acknowledges once.
    if (m_busy.contains(callId) || call(callId).isEmpty())
        return;
    m_busy.insert(callId);
    emit callsChanged();
    m_api.post(u"/api/v1/calls/%1/%2"_s.arg(callId).arg(action), {}, [this, callId](const ApiReply &reply) {
        m_busy.remove(callId);
        if (reply.ok()) {
            if (active(reply.json))
                upsert(reply.json);
            else
                remove(callId);
            return;
        }
        emit callsChanged();
        if (reply.status == 404 || reply.errorCode() == u"INVALID_TRANSITION"_s) {
            remove(callId); // finished elsewhere meanwhile
            return;
        }
        emit failed(reply.noAnswer() ? tr("No answer from the edge: tap again") : reply.errorMessage());
    });
}

QString CallBoard::reasonText(const QString &reason) const
{
    if (reason == u"water"_s)
        return tr("Water");
    if (reason == u"cutlery"_s)
        return tr("Cutlery");
    if (reason == u"bill"_s)
        return tr("The bill");
    return tr("Other");
}

QJsonObject CallBoard::call(qint64 id) const
{
    for (const QJsonObject &c : m_calls) {
        if (c.value(u"id"_s).toInteger() == id)
            return c;
    }
    return {};
}

QVariantList CallBoard::calls() const
{
    QVariantList out;
    for (const QJsonObject &c : m_calls) {
        const qint64 id = c.value(u"id"_s).toInteger();
        out.append(QVariantMap{
                {u"callId"_s, id},
                {u"tableNumber"_s, c.value(u"table_number"_s).toInt()},
                {u"tableId"_s, c.value(u"table_id"_s).toInteger()},
                {u"reason"_s, c.value(u"reason"_s).toString()},
                {u"reasonText"_s, reasonText(c.value(u"reason"_s).toString())},
                {u"note"_s, c.value(u"note"_s).toString()},
                {u"status"_s, c.value(u"status"_s).toString()},
                {u"createdMs"_s, createdMs(c)},
                {u"overdue"_s, c.value(u"overdue"_s).toBool()},
                {u"acknowledgedBy"_s, c.value(u"acknowledged_by"_s).toObject().value(u"name"_s).toString()},
                {u"busy"_s, m_busy.contains(id)},
        });
    }
    return out;
}

int CallBoard::openCount() const
{
    return int(std::count_if(m_calls.cbegin(), m_calls.cend(),
                             [](const QJsonObject &c) { return c.value(u"status"_s).toString() == u"open"_s; }));
}

int CallBoard::overdueCount() const
{
    return int(std::count_if(m_calls.cbegin(), m_calls.cend(), [](const QJsonObject &c) {
        return c.value(u"status"_s).toString() == u"open"_s && c.value(u"overdue"_s).toBool();
    }));
}

} // namespace tableorder::kitchen
