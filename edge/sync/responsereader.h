#pragma once

#include <QByteArray>
#include <QList>

#include <functional>

namespace tableorder::edge {

/// Reads one HTTP/1.1 response as it arrives, for the relay: the head once it is complete,
/// then the body in pieces as they come (Content-Length, chunked or until close), de-chunked.
/// Bounded: a head over 32 KiB or a malformed chunk is an error.
class ResponseReader
{
public:
    struct Head
    {
        int status = 0;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    enum class State { Head, Body, Done, Failed };

    std::function<void(const Head &)> onHead;
    std::function<void(QByteArray)> onBody;

    /// Feeds bytes from the socket; the callbacks run from here.
    void feed(QByteArrayView data);
    /// The peer closed: ends a close-delimited body; anything else unfinished is a failure.
    void closed();
    [[nodiscard]] State state() const { return m_state; }

private:
    void parseHead();
    void parseBody();

    State m_state = State::Head;
    QByteArray m_buffer;
    enum class Framing { Length, Chunked, Close } m_framing = Framing::Close;
    qint64 m_remaining = 0;     // Length: bytes left; Chunked: bytes left in this chunk
    bool m_inChunkData = false; // Chunked: reading chunk data (else a size line or the trailer)
    bool m_trailer = false;
};

} // namespace tableorder::edge
