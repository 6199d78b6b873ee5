#include "apireply.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::client {

bool ApiReply::isDefinitive() const
{
    if (status == 0 || status == 408 || status == 429 || status >= 500)
        return false;
    return true;
}

QString ApiReply::errorCode() const
{
    return json.value(u"error"_s).toObject().value(u"code"_s).toString();
}

QString ApiReply::errorMessage() const
{
    return json.value(u"error"_s).toObject().value(u"message"_s).toString();
}

QJsonObject ApiReply::errorDetails() const
{
    return json.value(u"error"_s).toObject().value(u"details"_s).toObject();
}

QString ApiReply::describe() const
{
    if (status == 0)
        return u"no answer: "_s + transportError;
    if (ok())
        return QString::number(status);
    return u"%1 %2 %3"_s.arg(status).arg(errorCode(), errorMessage());
}

ApiReply ApiReply::fromHttp(int status, const QByteArray &body, const QByteArray &etag, int retryAfter)
{
    ApiReply reply;
    reply.status = status;
    reply.json = QJsonDocument::fromJson(body).object();
    reply.etag = etag;
    reply.retryAfter = retryAfter;
    return reply;
}

ApiReply ApiReply::fromTransportError(const QString &error)
{
    ApiReply reply;
    reply.transportError = error;
    return reply;
}

} // namespace tableorder::client
