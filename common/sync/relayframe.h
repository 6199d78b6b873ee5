#pragma once

#include "error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace tableorder::relay {

/// The relay's frames: one binary WebSocket message each, on the connection the edge opens to
/// central (GET /relay/v1/connect). Layout: 1 byte type, 4 bytes stream id (big endian),
/// then the payload. Stream 0 is the connection itself (HELLO). See docs/central-api.md.
enum class FrameType : quint8 {
    Hello = 1,        // edge -> central, stream 0: JSON {lan_url, wifi_ssid, version}
    Request = 2,      // central -> edge: u32 head length, JSON head, body bytes
    ResponseHead = 3, // edge -> central: JSON {status, headers}
    Body = 4,         // edge -> central: raw body bytes (de-chunked)
    End = 5,          // edge -> central: the response is complete
    Cancel = 6,       // central -> edge: the phone went away or the deadline passed
    Reset = 7,        // edge -> central: JSON {message}: the edge could not answer (502)
};

/// Largest frame either side accepts (WebSocket message size limit): a request's head and
/// a 64 KiB body fit; response bodies travel in Body frames of at most kMaxBodyChunk.
inline constexpr qint64 kMaxFrameBytes = 256 * 1024;
inline constexpr qint64 kMaxBodyChunk = 32 * 1024;

struct Frame
{
    FrameType type = FrameType::Hello;
    quint32 stream = 0;
    QByteArray payload;
};

/// What central sends the edge for one phone request.
struct RelayRequest
{
    QByteArray method;
    QByteArray target;   // path and query, the /s/{store} prefix removed
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray clientId; // 16 hex digits: keyed hash of the phone's address, never the address
    QByteArray body;
};

struct ResponseHead
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

[[nodiscard]] QByteArray encode(const Frame &frame);
[[nodiscard]] Result<Frame> decode(const QByteArray &message);

[[nodiscard]] QByteArray encodeRequest(quint32 stream, const RelayRequest &request);
[[nodiscard]] Result<RelayRequest> decodeRequest(const QByteArray &payload);
[[nodiscard]] QByteArray encodeHead(quint32 stream, const ResponseHead &head);
[[nodiscard]] Result<ResponseHead> decodeHead(const QByteArray &payload);

/// Request headers central passes to the edge (contract point 4), lower case.
[[nodiscard]] const QList<QByteArray> &forwardedRequestHeaders();
/// Response headers the edge passes back to the phone, lower case.
[[nodiscard]] const QList<QByteArray> &forwardedResponseHeaders();

} // namespace tableorder::relay
