#include "httpclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tableorder::test {

namespace {
constexpr int requestTimeoutMs = 30'000;
}

QByteArray HttpResult::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResult::errorCode() const
{
    return json().value(u"error"_s).toObject().value(u"code"_s).toString();
}

QJsonObject HttpResult::errorDetails() const
{
    return json().value(u"error"_s).toObject().value(u"details"_s).toObject();
}

QString HttpResult::describe() const
{
    if (status == 0)
        return u"no response (%1)"_s.arg(transportError);
    QString text = QString::fromUtf8(body.left(600));
    if (body.size() > 600)
        text += u"..."_s;
    return u"%1 %2"_s.arg(status).arg(text);
}

std::optional<HttpResult> takeResponse(QByteArray &buffer, bool peerClosed, bool headRequest)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.first(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    HttpResult result;
    result.status = statusLine.value(1).toInt();
    qint64 contentLength = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.first(colon).trimmed();
        const QByteArray value = line.sliced(colon + 1).trimmed();
        result.headers.append({name, value});
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    const qsizetype bodyStart = headerEnd + 4;
    const bool noBody = headRequest || result.status == 204 || result.status == 304
            || (result.status >= 100 && result.status < 200);
    if (noBody)
        contentLength = 0;
    if (contentLength < 0) {
        // Delimited by the end of the connection.
        if (!peerClosed)
            return std::nullopt;
        contentLength = buffer.size() - bodyStart;
    }
    if (buffer.size() - bodyStart < contentLength)
        return std::nullopt;
    result.body = buffer.sliced(bodyStart, contentLength);
    buffer.remove(0, bodyStart + contentLength);
    return result;
}

HttpClient::HttpClient(quint16 port) : m_port(port)
{
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpResult HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                            const QString &token, const Headers &headers)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);

    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timeout.start(requestTimeoutMs);
    loop.exec();

    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.append({name, value});
    if (result.status == 0)
        result.transportError = reply->errorString();
    reply->deleteLater();
    return result;
}

HttpResult HttpClient::get(const QString &path, const QString &token, const Headers &headers)
{
    return send("GET", path, {}, token, headers);
}

HttpResult HttpClient::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token,
                {{"Content-Type", "application/json"}});
}

HttpResult HttpClient::put(const QString &path, const QJsonObject &body, const QString &token)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token,
                {{"Content-Type", "application/json"}});
}

HttpResult HttpClient::patch(const QString &path, const QJsonObject &body, const QString &token)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token,
                {{"Content-Type", "application/json"}});
}

HttpResult HttpClient::del(const QString &path, const QString &token)
{
    return send("DELETE", path, {}, token);
}

QString HttpClient::tableLogin(int number, const QString &password)
{
    const HttpResult result = post(u"/api/v1/auth/table-login"_s,
                                   {{u"table_number"_s, number}, {u"password"_s, password}});
    if (result.status != 200)
        qWarning("table %d login failed: %s", number, qPrintable(result.describe()));
    return result.json().value(u"token"_s).toString();
}

QString HttpClient::staffLogin(const QString &username, const QString &password)
{
    const HttpResult result = post(u"/api/v1/auth/staff-login"_s,
                                   {{u"username"_s, username}, {u"password"_s, password}});
    if (result.status != 200)
        qWarning("%s login failed: %s", qPrintable(username), qPrintable(result.describe()));
    return result.json().value(u"token"_s).toString();
}

HttpResult HttpClient::raw(quint16 port, const QByteArray &request, int timeoutMs,
                           const QHostAddress &from)
{
    HttpResult result;
    QTcpSocket socket;
    if (!from.isNull() && !socket.bind(from)) {
        result.transportError = u"cannot bind to %1: %2"_s.arg(from.toString(), socket.errorString());
        return result;
    }
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs)) {
        result.transportError = socket.errorString();
        return result;
    }
    socket.write(request);
    QDeadlineTimer deadline(timeoutMs);
    QByteArray buffer;
    const bool head = request.startsWith("HEAD ");
    while (!deadline.hasExpired()) {
        const bool open = socket.state() == QAbstractSocket::ConnectedState;
        if (open)
            socket.waitForReadyRead(int(std::min<qint64>(100, deadline.remainingTime())));
        buffer += socket.readAll();
        const bool closed = socket.state() != QAbstractSocket::ConnectedState;
        if (auto response = takeResponse(buffer, closed, head)) {
            result = std::move(*response);
            // A server that says it closes must really close.
            if (result.header("connection").compare("close", Qt::CaseInsensitive) == 0) {
                QDeadlineTimer closeDeadline(3000);
                while (socket.state() == QAbstractSocket::ConnectedState && !closeDeadline.hasExpired())
                    socket.waitForDisconnected(100);
            }
            result.closed = socket.state() != QAbstractSocket::ConnectedState;
            return result;
        }
        if (closed) {
            result.closed = true;
            result.transportError = buffer.isEmpty() ? u"closed without a response"_s
                                                     : u"closed in the middle of a response"_s;
            return result;
        }
    }
    result.transportError = u"no response within %1 ms"_s.arg(timeoutMs);
    return result;
}

} // namespace tableorder::test
