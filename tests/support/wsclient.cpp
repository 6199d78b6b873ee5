#include "wsclient.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace tableorder::test {

WsClient::WsClient(QObject *parent) : EventStreamClient(parent)
{
    connect(&m_socket, &QWebSocket::connected, this, [this] { setState(State::Open); });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        if (state() == State::Connecting) {
            setState(State::Refused);
        } else {
            setState(State::Closed);
            setError(u"closed %1 %2"_s.arg(int(m_socket.closeCode())).arg(m_socket.closeReason()));
        }
    });
    // Qt 6.4 names the signal error(), overloaded with the getter.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                setError(m_socket.errorString());
                if (state() == State::Connecting)
                    setState(State::Refused);
            });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QByteArray json = text.toUtf8();
        if (!addMessage(json)) {
            const QJsonObject object = QJsonDocument::fromJson(json).object();
            if (!object.isEmpty())
                m_messages.append(object);
        }
    });
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &) { addProtocolError(u"unexpected binary message"_s); });
}

WsClient::~WsClient()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void WsClient::open(quint16 port, const StreamRequest &request, const QString &path)
{
    m_messages.clear();
    setState(State::Connecting);
    QUrl url(u"ws://127.0.0.1:%1"_s.arg(port));
    url.setPath(path);
    QUrlQuery query;
    if (request.tokenInQuery)
        query.addQueryItem(u"access_token"_s, request.token);
    if (request.since)
        query.addQueryItem(u"since"_s, QString::number(*request.since));
    if (!request.stations.isEmpty())
        query.addQueryItem(u"stations"_s, request.stations);
    url.setQuery(query);
    QNetworkRequest networkRequest(url);
    if (!request.tokenInQuery && !request.token.isEmpty())
        networkRequest.setRawHeader("Authorization", "Bearer " + request.token.toLatin1());
    m_socket.open(networkRequest);
}

void WsClient::sendJson(const QJsonObject &message)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void WsClient::close()
{
    m_socket.abort();
    if (state() == State::Open || state() == State::Connecting)
        setState(State::Closed);
}

} // namespace tableorder::test
