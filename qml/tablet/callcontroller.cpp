#include "callcontroller.h"

#include "apireply.h"
#include "edgeapi.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::tablet {

namespace {

bool isActive(const QJsonObject &call)
{
    const QString status = call.value(u"status"_s).toString();
    return status == u"open"_s || status == u"acknowledged"_s;
}

} // namespace

CallController::CallController(EdgeApi &api, QObject *parent) : QObject(parent), m_api(api) {}

void CallController::call(const QString &reason, const QString &note)
{
    if (m_sending)
        return;
    QJsonObject body{{u"reason"_s, reason}};
    const QString trimmed = note.trimmed();
    if (reason == u"other"_s && !trimmed.isEmpty())
        body.insert(u"note"_s, trimmed);
    m_sending = true;
    emit sendingChanged();
    setRefusal({}, 0);
    m_api.post(u"/api/v1/calls"_s, body, [this, reason](const ApiReply &reply) {
        m_sending = false;
        emit sendingChanged();
        if (reply.noAnswer())
            return setRefusal(u"NO_ANSWER"_s, 0);
        if (reply.status == 429)
            return setRefusal(u"RATE_LIMITED"_s, std::max(1, reply.retryAfter));
        if (!reply.ok())
            return setRefusal(reply.errorCode().isEmpty() ? u"HTTP_%1"_s.arg(reply.status) : reply.errorCode(), 0);
        upsert(reply.json);
        emit called(reason);
    });
}

void CallController::clearRefusal()
{
    setRefusal({}, 0);
}

void CallController::refresh()
{
    // Only the newest answer counts: a slow one must not undo a later event.
    const quint64 generation = ++m_refreshGeneration;
    m_api.get(u"/api/v1/calls"_s, [this, generation](const ApiReply &reply) {
        if (generation != m_refreshGeneration || !reply.ok())
            return;
        m_calls.clear();
        for (const QJsonValue &value : reply.json.value(u"calls"_s).toArray()) {
            if (isActive(value.toObject()))
                m_calls.append(value.toObject());
        }
        emit callsChanged();
    });
}

void CallController::clear()
{
    ++m_refreshGeneration;
    if (m_calls.isEmpty())
        return;
    m_calls.clear();
    emit callsChanged();
}

void CallController::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == u"call.created"_s || type == u"call.acknowledged"_s || type == u"call.done"_s) {
        ++m_refreshGeneration; // newer than any answer still on its way
        upsert(data);
    }
}

void CallController::upsert(const QJsonObject &call)
{
    const qint64 id = call.value(u"id"_s).toInteger();
    if (id <= 0)
        return;
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        if (m_calls.at(i).value(u"id"_s).toInteger() != id)
            continue;
        if (isActive(call))
            m_calls[i] = call;
        else
            m_calls.removeAt(i);
        emit callsChanged();
        return;
    }
    if (!isActive(call))
        return;
    m_calls.append(call);
    emit callsChanged();
}

QVariantList CallController::calls() const
{
    QVariantList out;
    for (const QJsonObject &call : m_calls)
        out.append(QVariantMap{{u"id"_s, call.value(u"id"_s).toInteger()},
                               {u"reason"_s, call.value(u"reason"_s).toString()},
                               {u"note"_s, call.value(u"note"_s).toString()},
                               {u"status"_s, call.value(u"status"_s).toString()}});
    return out;
}

QString CallController::statusOf(const QString &reason) const
{
    for (const QJsonObject &call : m_calls) {
        if (call.value(u"reason"_s).toString() == reason)
            return call.value(u"status"_s).toString();
    }
    return {};
}

void CallController::setRefusal(const QString &code, int retryAfter)
{
    if (code == m_refusal && retryAfter == m_retryAfter)
        return;
    m_refusal = code;
    m_retryAfter = retryAfter;
    emit refusalChanged();
}

} // namespace tableorder::tablet
