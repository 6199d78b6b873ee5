#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace tableorder::client {

/// One answer from the edge: an HTTP status with its JSON body, or no answer at all
/// (status 0: the network failed, the request timed out, or the daemon was unreachable).
struct ApiReply
{
    int status = 0;
    QJsonObject json;
    QByteArray etag;
    /// Seconds from Retry-After (429), or 0.
    int retryAfter = 0;
    /// Network-level failure text when status is 0.
    QString transportError;
    /// No answer because the edge's TLS certificate is not the pinned one (transportError
    /// says which): not worth retrying, the screen must be paired again.
    bool certificateRefused = false;

    [[nodiscard]] bool ok() const { return status >= 200 && status < 300; }
    /// No HTTP answer: the request may or may not have reached the daemon.
    [[nodiscard]] bool noAnswer() const { return status == 0; }
    /// An answer that will not change if the same request is sent again (a 4xx other than
    /// 408 and 429). 5xx, 408, 429 and no answer are worth retrying.
    [[nodiscard]] bool isDefinitive() const;
    /// error.code of the edge's error envelope, or empty.
    [[nodiscard]] QString errorCode() const;
    [[nodiscard]] QString errorMessage() const;
    [[nodiscard]] QJsonObject errorDetails() const;
    /// "409 ITEM_UNAVAILABLE some items are sold out" / "no answer: Connection refused".
    [[nodiscard]] QString describe() const;

    /// Builds a reply from raw parts (also used by tests).
    static ApiReply fromHttp(int status, const QByteArray &body, const QByteArray &etag = {},
                             int retryAfter = 0);
    static ApiReply fromTransportError(const QString &error);
};

} // namespace tableorder::client
