#pragma once

#include "../error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace tableorder::http {

/// A complete response: status, headers and body, written to the socket in one go.
struct HttpResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse json(int status, const QJsonArray &array);
    static HttpResponse json(const QJsonObject &object) { return json(200, object); }
    static HttpResponse raw(int status, const QByteArray &contentType, QByteArray body);
    static HttpResponse noContent();
    static HttpResponse error(const Error &error);

    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] QByteArray header(const QByteArray &name) const;

    /// "HTTP/1.1 <status> <reason>\r\n" + headers + Content-Length + body.
    [[nodiscard]] QByteArray serialize(bool closeConnection) const;
};

QByteArray reasonPhrase(int status);

/// Maps a service result to a response: the value through `ok`, an error to its envelope.
template<typename T, typename F>
HttpResponse respond(const Result<T> &result, F &&ok)
{
    if (!result)
        return HttpResponse::error(result.error());
    return ok(*result);
}

} // namespace tableorder::http
