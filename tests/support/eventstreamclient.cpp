#include "eventstreamclient.h"

#include <QJsonDocument>
#include <QStringList>
#include <QUrlQuery>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace tableorder::test {

QString StreamEvent::describe() const
{
    return u"%1 %2"_s.arg(seq).arg(type);
}

QString describeEvents(const QList<StreamEvent> &events)
{
    QStringList parts;
    for (const StreamEvent &event : events)
        parts << event.describe();
    return u"["_s + parts.join(u", "_s) + u"]"_s;
}

QString StreamRequest::target(const QString &path) const
{
    QUrlQuery query;
    if (tokenInQuery)
        query.addQueryItem(u"access_token"_s, token);
    if (since && cursorInQuery)
        query.addQueryItem(u"since"_s, QString::number(*since));
    return query.isEmpty() ? path : path + u'?' + query.toString(QUrl::FullyEncoded);
}

QList<StreamEvent> EventStreamClient::eventsOfType(const QString &type) const
{
    QList<StreamEvent> out;
    for (const StreamEvent &event : m_events) {
        if (event.type == type)
            out.append(event);
    }
    return out;
}

QList<StreamEvent> EventStreamClient::eventsAfterSeq(qint64 seq) const
{
    QList<StreamEvent> out;
    for (const StreamEvent &event : m_events) {
        if (event.seq > seq)
            out.append(event);
    }
    return out;
}

bool EventStreamClient::waitForOpen(int timeoutMs)
{
    (void)QTest::qWaitFor(
            [this] { return m_state != State::Connecting && m_state != State::Idle; }, timeoutMs);
    return m_state == State::Open;
}

bool EventStreamClient::waitForSeq(qint64 seq, int timeoutMs)
{
    return QTest::qWaitFor([this, seq] { return lastSeq() >= seq; }, timeoutMs);
}

std::optional<StreamEvent> EventStreamClient::waitForEvent(
        const std::function<bool(const StreamEvent &)> &match, int timeoutMs, qsizetype from)
{
    std::optional<StreamEvent> found;
    qsizetype next = from;
    (void)QTest::qWaitFor(
            [&] {
                for (; next < m_events.size(); ++next) {
                    if (match(m_events.at(next))) {
                        found = m_events.at(next);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
    return found;
}

bool EventStreamClient::waitForClosed(int timeoutMs)
{
    return QTest::qWaitFor(
            [this] { return m_state == State::Closed || m_state == State::Refused; }, timeoutMs);
}

bool EventStreamClient::addMessage(const QByteArray &json, const QString &sseId,
                                   const QString &sseEvent)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        addProtocolError(u"not a JSON object: "_s + QString::fromUtf8(json.left(200)));
        return false;
    }
    const QJsonObject object = document.object();
    if (!object.value(u"seq"_s).isDouble())
        return false;
    StreamEvent event{object.value(u"seq"_s).toInteger(), object.value(u"type"_s).toString(),
                      object, sseId, sseEvent};
    if (!m_events.isEmpty()) {
        const StreamEvent &previous = m_events.last();
        // A reset and the snapshot after it carry the same seq; every other event is newer
        // than the one before it.
        const bool snapshotAfterReset = previous.type == u"reset"_s && event.type == u"snapshot"_s
                && event.seq == previous.seq;
        if (event.seq <= previous.seq && !snapshotAfterReset)
            addProtocolError(u"seq went from %1 to %2"_s.arg(previous.describe(), event.describe()));
    }
    m_events.append(event);
    emit eventReceived(m_events.last());
    return true;
}

} // namespace tableorder::test
