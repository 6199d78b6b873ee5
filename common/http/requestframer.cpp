#include "requestframer.h"

#include <QUrl>

#include <algorithm>
#include <utility>

namespace tableorder::http {

namespace {

bool isTokenChar(char c)
{
    // RFC 9110, 5.6.2: tchar. Qt 6.4's header parser checks names with the same set.
    constexpr QByteArrayView other("!#$%&'*+-.^_`|~");
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || other.contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimBlanks(QByteArrayView text)
{
    while (!text.isEmpty() && isBlank(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isBlank(text.back()))
        text.chop(1);
    return text;
}

// The names of ErrorCode::ValidationFailed and ErrorCode::HeadersTooLarge (common/error.h),
// spelled out: the framer depends on QtCore only, so its fuzz target builds with clang 14,
// whose C++23 library support lacks std::expected.
enum class Code { ValidationFailed, HeadersTooLarge };

QByteArray codeOf(Code code)
{
    return code == Code::HeadersTooLarge ? "HEADERS_TOO_LARGE" : "VALIDATION_FAILED";
}

bool hasToken(QByteArrayView list, QByteArrayView token)
{
    for (QByteArrayView part : QByteArray(list.toByteArray()).split(',')) {
        if (trimBlanks(part).compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

RequestFramer::Step RequestFramer::refuse(qsizetype consumed, int status, QByteArray code, QByteArray message)
{
    reject({status, std::move(code), std::move(message)});
    return {Event::Reject, consumed};
}

void RequestFramer::reject(FramingError error)
{
    m_state = State::Rejected;
    m_error = std::move(error);
}

void RequestFramer::startHead()
{
    m_state = State::Head;
    m_line.clear();
    m_pendingCr = false;
    m_sawRequestLine = false;
    m_headDone = false;
    m_headBytes = 0;
    m_bodyRemaining = 0;
}

RequestFramer::Step RequestFramer::feed(QByteArrayView data)
{
    switch (m_state) {
    case State::Rejected:
        return {Event::Reject, 0};
    case State::Body: {
        const qint64 take = std::min<qint64>(m_bodyRemaining, data.size());
        m_bodyRemaining -= take;
        if (m_bodyRemaining > 0)
            return {Event::NeedMore, qsizetype(take)};
        startHead();
        return {Event::Complete, qsizetype(take)};
    }
    case State::Head:
        break;
    }
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (++m_headBytes > m_limits.maxHeadBytes)
            return refuse(i + 1, 431, codeOf(Code::HeadersTooLarge),
                          "request headers exceed " + QByteArray::number(m_limits.maxHeadBytes / 1024)
                                  + " KiB");
        if (m_pendingCr) {
            m_pendingCr = false;
            if (c != '\n')
                return refuse(i + 1, 400, codeOf(Code::ValidationFailed),
                              "a CR in the request head not followed by LF");
            const QByteArray text = std::exchange(m_line, {});
            if (!line(text))
                return {Event::Reject, i + 1};
            if (m_headDone) {
                if (m_head.contentLength > 0) {
                    m_state = State::Body;
                    m_bodyRemaining = m_head.contentLength;
                } else {
                    startHead();
                }
                return {Event::Head, i + 1};
            }
            continue;
        }
        if (c == '\r') {
            m_pendingCr = true;
            continue;
        }
        if (c == '\n')
            return refuse(i + 1, 400, codeOf(Code::ValidationFailed),
                          "request head lines must end with CRLF, not a bare LF");
        if (m_line.size() >= m_limits.maxLineBytes)
            return refuse(i + 1, 431, codeOf(Code::HeadersTooLarge),
                          "a request line or header field exceeds "
                                  + QByteArray::number(m_limits.maxLineBytes / 1024) + " KiB");
        m_line.append(c);
    }
    return {Event::NeedMore, data.size()};
}

bool RequestFramer::line(QByteArrayView text)
{
    if (!m_sawRequestLine) {
        // Empty lines before a request line are skipped (RFC 9112, 2.2), as Qt skips them.
        return text.isEmpty() || requestLine(text);
    }
    if (text.isEmpty())
        return headComplete();
    return headerField(text);
}

bool RequestFramer::requestLine(QByteArrayView text)
{
    const auto bad = [this](QByteArray message) {
        reject({400, codeOf(Code::ValidationFailed), std::move(message)});
        return false;
    };
    const qsizetype sp1 = text.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : text.indexOf(' ', sp1 + 1);
    if (sp2 < 0)
        return bad("malformed request line: expected METHOD SP target SP HTTP-version");
    const QByteArrayView method = text.first(sp1);
    const QByteArrayView target = text.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = text.sliced(sp2 + 1);
    if (!isToken(method))
        return bad("malformed request line: invalid method");
    const bool visible = std::all_of(target.begin(), target.end(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (target.isEmpty() || !visible || !(target.front() == '/' || (target == "*" && method == "OPTIONS")))
        return bad("malformed request line: the target must be a path (origin-form)");
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return bad("malformed request line: HTTP/1.1 or HTTP/1.0 expected");
    m_head = RequestHead();
    m_head.method = method.toByteArray();
    m_head.target = target.toByteArray();
    m_head.path = QUrl::fromEncoded(m_head.target).path().toUtf8();
    m_sawRequestLine = true;
    return true;
}

bool RequestFramer::headerField(QByteArrayView text)
{
    const auto bad = [this](QByteArray message) {
        reject({400, codeOf(Code::ValidationFailed), std::move(message)});
        return false;
    };
    if (isBlank(text.front()))
        return bad("a header line starts with whitespace (obs-fold is not accepted)");
    if (++m_head.fieldCount > m_limits.maxFields) {
        reject({431, codeOf(Code::HeadersTooLarge),
                "more than " + QByteArray::number(m_limits.maxFields) + " header fields"});
        return false;
    }
    const qsizetype colon = text.indexOf(':');
    if (colon < 0)
        return bad("a header line without ':'");
    if (!isToken(text.first(colon)))
        return bad("invalid header name");
    const QByteArrayView value = trimBlanks(text.sliced(colon + 1));
    // field-value: VCHAR, obs-text, SP, HTAB (RFC 9110, 5.5); no other control characters.
    const auto allowed = [](char c) { return c == '\t' || (uchar(c) >= 0x20 && uchar(c) != 0x7f); };
    if (!std::all_of(value.begin(), value.end(), allowed))
        return bad("a control character in a header value");
    const QByteArray name = text.first(colon).toByteArray().toLower();
    static const QList<QByteArray> once = {"content-length", "transfer-encoding", "host", "connection", "upgrade"};
    if (m_head.headers.contains(name)) {
        if (once.contains(name))
            return bad("duplicate " + name + " header");
        return true;
    }
    m_head.headers.insert(name, value.toByteArray());
    return true;
}

bool RequestFramer::headComplete()
{
    const auto bad = [this](QByteArray message) {
        reject({400, codeOf(Code::ValidationFailed), std::move(message)});
        return false;
    };
    if (m_head.headers.contains("transfer-encoding")) {
        reject({411, codeOf(Code::ValidationFailed),
                "chunked request bodies are not accepted; send Content-Length"});
        return false;
    }
    m_head.contentLength = 0;
    if (const auto it = m_head.headers.constFind("content-length"); it != m_head.headers.cend()) {
        const QByteArray &value = *it;
        // 18 digits cannot overflow qint64; no sign, no spaces, no list.
        const bool digits = std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (value.isEmpty() || value.size() > 18 || !digits)
            return bad("invalid Content-Length");
        m_head.contentLength = value.toLongLong();
    }
    m_head.upgrade = false;
    if (const auto it = m_head.headers.constFind("upgrade"); it != m_head.headers.cend()) {
        const bool honoured = it->compare("websocket", Qt::CaseInsensitive) == 0
                && hasToken(m_head.headers.value("connection"), "upgrade") && m_head.method == "GET"
                && m_head.contentLength == 0 && m_limits.webSocketPaths.contains(m_head.path);
        if (!honoured)
            return bad("Upgrade is accepted only as a WebSocket handshake (GET, Upgrade: websocket, "
                       "Connection: upgrade) on the WebSocket endpoint");
        m_head.upgrade = true;
    }
    m_headDone = true;
    return true;
}

} // namespace tableorder::http
