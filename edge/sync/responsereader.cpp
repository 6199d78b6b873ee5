#include "responsereader.h"

namespace tableorder::edge {

namespace {
constexpr qsizetype kMaxHead = 32 * 1024;
}

void ResponseReader::feed(QByteArrayView data)
{
    if (m_state == State::Done || m_state == State::Failed)
        return;
    m_buffer.append(data);
    if (m_state == State::Head)
        parseHead();
    if (m_state == State::Body)
        parseBody();
}

void ResponseReader::closed()
{
    if (m_state == State::Body && m_framing == Framing::Close) {
        m_state = State::Done;
        return;
    }
    if (m_state != State::Done)
        m_state = State::Failed;
}

void ResponseReader::parseHead()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > kMaxHead)
            m_state = State::Failed;
        return;
    }
    const QList<QByteArray> lines = m_buffer.first(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    Head head;
    if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1.")) {
        m_state = State::Failed;
        return;
    }
    head.status = statusLine.at(1).toInt();
    if (head.status < 100 || head.status > 599) {
        m_state = State::Failed;
        return;
    }
    m_framing = Framing::Close;
    bool haveLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.first(colon).trimmed();
        const QByteArray value = line.sliced(colon + 1).trimmed();
        const QByteArray lower = name.toLower();
        if (lower == "content-length") {
            bool ok = false;
            m_remaining = value.toLongLong(&ok);
            if (!ok || m_remaining < 0) {
                m_state = State::Failed;
                return;
            }
            haveLength = true;
        } else if (lower == "transfer-encoding" && value.toLower().contains("chunked")) {
            m_framing = Framing::Chunked;
        }
        head.headers.append({name, value});
    }
    if (m_framing != Framing::Chunked && haveLength)
        m_framing = Framing::Length;
    if (head.status == 204 || head.status == 304 || (head.status >= 100 && head.status < 200)) {
        m_framing = Framing::Length;
        m_remaining = 0;
    }
    m_state = State::Body;
    if (onHead)
        onHead(head);
}

void ResponseReader::parseBody()
{
    auto emitBody = [this](QByteArray bytes) {
        if (!bytes.isEmpty() && onBody)
            onBody(std::move(bytes));
    };
    switch (m_framing) {
    case Framing::Close:
        emitBody(std::exchange(m_buffer, {}));
        return;
    case Framing::Length: {
        const qint64 take = std::min<qint64>(m_remaining, m_buffer.size());
        emitBody(m_buffer.first(take));
        m_buffer.remove(0, take);
        m_remaining -= take;
        if (m_remaining == 0)
            m_state = State::Done;
        return;
    }
    case Framing::Chunked:
        while (m_state == State::Body) {
            if (m_inChunkData) {
                const qint64 take = std::min<qint64>(m_remaining, m_buffer.size());
                emitBody(m_buffer.first(take));
                m_buffer.remove(0, take);
                m_remaining -= take;
                if (m_remaining > 0)
                    return;
                if (m_buffer.size() < 2)
                    return;
                if (!m_buffer.startsWith("\r\n")) {
                    m_state = State::Failed;
                    return;
                }
                m_buffer.remove(0, 2);
                m_inChunkData = false;
                continue;
            }
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                if (m_buffer.size() > 1024)
                    m_state = State::Failed;
                return;
            }
            const QByteArray line = m_buffer.first(eol);
            m_buffer.remove(0, eol + 2);
            if (m_trailer) {
                if (line.isEmpty())
                    m_state = State::Done;
                continue;
            }
            QByteArray size = line;
            if (const qsizetype semicolon = size.indexOf(';'); semicolon >= 0)
                size.truncate(semicolon);
            bool ok = false;
            m_remaining = size.trimmed().toLongLong(&ok, 16);
            if (!ok || m_remaining < 0) {
                m_state = State::Failed;
                return;
            }
            if (m_remaining == 0)
                m_trailer = true;
            else
                m_inChunkData = true;
        }
        return;
    }
}

} // namespace tableorder::edge
