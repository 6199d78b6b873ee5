#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>

namespace tableorder::http {

/// What the framer refuses a request with: the status, the envelope's code and message.
struct FramingError
{
    int status = 400;
    QByteArray code;
    QByteArray message;
};

/// A request head the framer accepted. Header names are lower case; names the framer
/// requires to be unique (content-length, transfer-encoding, host, connection, upgrade)
/// appear once, others keep their first value.
struct RequestHead
{
    QByteArray method;
    QByteArray target; // request-target as sent (origin-form)
    QByteArray path;   // as Qt's parser reads it: QUrl::fromEncoded(target).path()
    QHash<QByteArray, QByteArray> headers;
    int fieldCount = 0;
    qint64 contentLength = 0;
    /// A WebSocket upgrade both the framer and Qt 6.4's parser honour (see RequestFramer).
    bool upgrade = false;
};

/// The byte-level framing of HTTP/1.1 requests on one connection, without a socket:
/// fed bytes in any chunking, it finds where each request's head and body end and
/// accepts only heads that Qt HttpServer 6.4's parser reads the same way. Everything
/// Qt would read differently (or that a proxy in front could) is refused:
/// - lines end with CRLF; a bare LF or a CR not followed by LF is 400;
/// - request line `METHOD SP origin-form SP HTTP/1.0|1.1`, single spaces, token method, else 400;
/// - header names are RFC 9110 tokens directly followed by ':'; obs-fold (a line starting
///   with SP or HTAB), a line without ':', control characters in a value: 400;
/// - more than `maxFields` header fields, one line longer than `maxLineBytes` (Qt gives up
///   on a field over 8 KiB), a head longer than `maxHeadBytes`: 431;
/// - Content-Length: digits only, at most 18 of them, once (two equal values too): else 400;
/// - any Transfer-Encoding: 411 (chunked request bodies are not accepted);
/// - Host, Connection or Upgrade twice: 400;
/// - `Upgrade` only as `Upgrade: websocket` with `Connection: upgrade` (token list) on a GET
///   without body to one of `webSocketPaths`; any other Upgrade header is 400. (Qt 6.4
///   switches protocols when Connection contains "upgrade" and Upgrade is "websocket".)
/// Empty lines (CRLF) before a request line are skipped, as Qt skips them. Once a request is
/// refused the framer stays refused. A body is skipped by its length, never scanned, so the
/// next head is read from the exact byte where the body ended.
class RequestFramer
{
public:
    struct Limits
    {
        qint64 maxHeadBytes = 16 * 1024;
        qint64 maxLineBytes = 8 * 1024;
        int maxFields = 100;
        QList<QByteArray> webSocketPaths;
    };

    enum class Event {
        NeedMore, // all of the data consumed, the current request is not finished
        Head,     // a head was accepted (head()); a body of head().contentLength follows
        Complete, // the body of the current request ended (only for a non-empty body)
        Reject,   // refused (error()); nothing more is framed
    };
    struct Step
    {
        Event event;
        qsizetype consumed; // bytes of the data this step used
    };

    RequestFramer() = default;
    explicit RequestFramer(Limits limits) : m_limits(std::move(limits)) { }

    /// Consumes data up to the next event; call again with the rest of the data.
    [[nodiscard]] Step feed(QByteArrayView data);
    /// Refuses from outside (a limit the caller checks on the head); stays refused.
    void reject(FramingError error);

    [[nodiscard]] const RequestHead &head() const { return m_head; }
    [[nodiscard]] const FramingError &error() const { return m_error; }
    [[nodiscard]] bool rejected() const { return m_state == State::Rejected; }
    /// Bytes of a request have been seen and the request has not ended yet.
    [[nodiscard]] bool inRequest() const { return m_state == State::Body || !m_line.isEmpty() || m_pendingCr || m_sawRequestLine; }
    [[nodiscard]] qint64 bodyRemaining() const { return m_state == State::Body ? m_bodyRemaining : 0; }

private:
    enum class State { Head, Body, Rejected };
    Step refuse(qsizetype consumed, int status, QByteArray code, QByteArray message);
    /// A whole line (without CRLF) of the head; false when it refused.
    bool line(QByteArrayView text);
    bool requestLine(QByteArrayView text);
    bool headerField(QByteArrayView text);
    bool headComplete();
    void startHead();

    Limits m_limits;
    State m_state = State::Head;
    RequestHead m_head;
    FramingError m_error;
    QByteArray m_line;
    bool m_pendingCr = false;
    bool m_sawRequestLine = false;
    bool m_headDone = false;
    qint64 m_headBytes = 0;
    qint64 m_bodyRemaining = 0;
};

} // namespace tableorder::http
