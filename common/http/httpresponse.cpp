#include "httpresponse.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::http {

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    return raw(status, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact));
}

HttpResponse HttpResponse::json(int status, const QJsonArray &array)
{
    return raw(status, "application/json", QJsonDocument(array).toJson(QJsonDocument::Compact));
}

HttpResponse HttpResponse::raw(int status, const QByteArray &contentType, QByteArray body)
{
    HttpResponse response;
    response.status = status;
    response.headers.append({"Content-Type", contentType});
    response.body = std::move(body);
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse HttpResponse::error(const Error &error)
{
    QJsonObject inner{{u"code"_s, errorCodeName(error.code)}, {u"message"_s, error.message}};
    if (!error.details.isUndefined() && !error.details.isNull())
        inner.insert(u"details"_s, error.details);
    return json(errorStatus(error.code), QJsonObject{{u"error"_s, inner}});
}

HttpResponse &HttpResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray HttpResponse::serialize(bool closeConnection) const
{
    QByteArray out;
    out.reserve(body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[key, value] : headers)
        out += key + ": " + value + "\r\n";
    if (status != 204 && status != 304)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

} // namespace tableorder::http
