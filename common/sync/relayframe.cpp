#include "relayframe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace tableorder::relay {

namespace {

QJsonArray headersToJson(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonArray{QString::fromLatin1(name), QString::fromLatin1(value)});
    return array;
}

Result<QList<std::pair<QByteArray, QByteArray>>> headersFromJson(const QJsonValue &value)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!value.isArray() || value.toArray().size() > 64)
        return fail(Error::validation(u"headers"_s, u"headers must be an array of at most 64 pairs"_s));
    for (const QJsonValue &pair : value.toArray()) {
        const QJsonArray nv = pair.toArray();
        if (nv.size() != 2 || !nv.at(0).isString() || !nv.at(1).isString())
            return fail(Error::validation(u"headers"_s, u"a header is a [name, value] pair of strings"_s));
        const QByteArray name = nv.at(0).toString().toLatin1();
        const QByteArray text = nv.at(1).toString().toLatin1();
        // A header value with a line break would split the replayed request.
        if (name.isEmpty() || name.contains('\r') || name.contains('\n') || name.contains(':')
            || text.contains('\r') || text.contains('\n'))
            return fail(Error::validation(u"headers"_s, u"a header name or value has a forbidden character"_s));
        headers.append({name, text});
    }
    return headers;
}

Result<QJsonObject> parseObject(QByteArrayView bytes)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(Error::validation(u"frame"_s, u"the frame's head is not a JSON object"_s));
    return doc.object();
}

} // namespace

QByteArray encode(const Frame &frame)
{
    QByteArray out(5, Qt::Uninitialized);
    out[0] = char(frame.type);
    qToBigEndian(frame.stream, out.data() + 1);
    out += frame.payload;
    return out;
}

Result<Frame> decode(const QByteArray &message)
{
    if (message.size() < 5 || message.size() > kMaxFrameBytes)
        return fail(Error::validation(u"frame"_s, u"a frame is 5 to %1 bytes"_s.arg(kMaxFrameBytes)));
    const auto type = quint8(message.at(0));
    if (type < quint8(FrameType::Hello) || type > quint8(FrameType::Reset))
        return fail(Error::validation(u"frame"_s, u"unknown frame type %1"_s.arg(type)));
    return Frame{FrameType(type), qFromBigEndian<quint32>(message.constData() + 1), message.sliced(5)};
}

QByteArray encodeRequest(quint32 stream, const RelayRequest &request)
{
    const QByteArray head = QJsonDocument(QJsonObject{{u"method"_s, QString::fromLatin1(request.method)},
                                                      {u"target"_s, QString::fromLatin1(request.target)},
                                                      {u"client"_s, QString::fromLatin1(request.clientId)},
                                                      {u"headers"_s, headersToJson(request.headers)}})
                                    .toJson(QJsonDocument::Compact);
    QByteArray payload(4, Qt::Uninitialized);
    qToBigEndian(quint32(head.size()), payload.data());
    payload += head;
    payload += request.body;
    return encode({FrameType::Request, stream, payload});
}

Result<RelayRequest> decodeRequest(const QByteArray &payload)
{
    if (payload.size() < 4)
        return fail(Error::validation(u"frame"_s, u"a request frame starts with its head's length"_s));
    const quint32 length = qFromBigEndian<quint32>(payload.constData());
    if (length > quint32(payload.size() - 4))
        return fail(Error::validation(u"frame"_s, u"the request head is longer than the frame"_s));
    auto head = parseObject(QByteArrayView(payload).sliced(4, length));
    if (!head)
        return fail(head.error());
    RelayRequest request;
    request.method = head->value(u"method"_s).toString().toLatin1();
    request.target = head->value(u"target"_s).toString().toLatin1();
    request.clientId = head->value(u"client"_s).toString().toLatin1();
    static const QList<QByteArray> methods{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"};
    if (!methods.contains(request.method))
        return fail(Error::validation(u"method"_s, u"not a method the relay carries"_s));
    // Only the guest API is relayed, and the edge checks that again: central is not trusted
    // to have done it.
    if (!request.target.startsWith("/api/v1/guest/") || request.target.contains(' ') || request.target.contains('\r')
        || request.target.contains('\n') || request.target.contains('#') || request.target.contains(".."))
        return fail(Error::validation(u"target"_s, u"only /api/v1/guest/ is relayed"_s));
    auto headers = headersFromJson(head->value(u"headers"_s));
    if (!headers)
        return fail(headers.error());
    request.headers = std::move(*headers);
    for (const auto &[name, value] : request.headers) {
        if (!forwardedRequestHeaders().contains(name.toLower()))
            return fail(Error::validation(u"headers"_s, u"header %1 is not relayed"_s.arg(QString::fromLatin1(name))));
    }
    request.body = payload.sliced(4 + length);
    return request;
}

QByteArray encodeHead(quint32 stream, const ResponseHead &head)
{
    return encode({FrameType::ResponseHead, stream,
                   QJsonDocument(QJsonObject{{u"status"_s, head.status}, {u"headers"_s, headersToJson(head.headers)}})
                           .toJson(QJsonDocument::Compact)});
}

Result<ResponseHead> decodeHead(const QByteArray &payload)
{
    auto object = parseObject(payload);
    if (!object)
        return fail(object.error());
    ResponseHead head;
    head.status = object->value(u"status"_s).toInt();
    if (head.status < 100 || head.status > 599)
        return fail(Error::validation(u"status"_s, u"not an HTTP status"_s));
    auto headers = headersFromJson(object->value(u"headers"_s));
    if (!headers)
        return fail(headers.error());
    for (const auto &[name, value] : *headers) {
        if (forwardedResponseHeaders().contains(name.toLower()))
            head.headers.append({name, value});
    }
    return head;
}

const QList<QByteArray> &forwardedRequestHeaders()
{
    static const QList<QByteArray> names{"authorization", "content-type", "accept", "accept-language",
                                         "accept-encoding", "last-event-id", "x-request-id", "if-none-match"};
    return names;
}

const QList<QByteArray> &forwardedResponseHeaders()
{
    static const QList<QByteArray> names{"content-type", "content-encoding", "etag", "cache-control",
                                         "retry-after", "vary", "content-language", "last-modified"};
    return names;
}

} // namespace tableorder::relay
