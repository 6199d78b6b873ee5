// libFuzzer target for the HTTP framing guard's byte-level framer (RequestFramer), fed as a
// socket would deliver bytes: in chunks whose sizes come from the input itself. Checks the
// framer's invariants and that the chunking never changes the outcome.
#include "http/requestframer.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using tableorder::http::RequestFramer;

namespace {

struct Outcome
{
    QList<QByteArray> heads;
    int rejectStatus = 0;
    qsizetype consumed = 0;
    bool operator==(const Outcome &) const = default;
};

void check(bool condition)
{
    if (!condition)
        std::abort();
}

/// Frames `bytes` delivered in the chunk sizes of `sizes` (cycled; 0 means the rest).
Outcome frame(QByteArrayView bytes, QByteArrayView sizes)
{
    RequestFramer framer({16 * 1024, 8 * 1024, 100, {"/api/v1/ws"}});
    Outcome out;
    qsizetype at = 0;
    qsizetype turn = 0;
    while (at < bytes.size() && !out.rejectStatus) {
        qsizetype size = sizes.isEmpty() ? bytes.size() : uchar(sizes[turn++ % sizes.size()]);
        if (size == 0)
            size = bytes.size();
        QByteArrayView chunk = bytes.sliced(at, std::min(size, bytes.size() - at));
        at += chunk.size();
        while (!chunk.isEmpty()) {
            const RequestFramer::Step step = framer.feed(chunk);
            check(step.consumed >= 0 && step.consumed <= chunk.size());
            out.consumed += step.consumed;
            chunk = chunk.sliced(step.consumed);
            if (step.event == RequestFramer::Event::Reject) {
                const int status = framer.error().status;
                check(status == 400 || status == 411 || status == 431);
                check(!framer.error().message.isEmpty());
                check(framer.rejected());
                // Refused stays refused.
                check(framer.feed("GET / HTTP/1.1\r\n\r\n").event == RequestFramer::Event::Reject);
                out.rejectStatus = status;
                break;
            }
            // Without a refusal, progress is always made.
            check(step.consumed > 0 || step.event == RequestFramer::Event::Head
                  || step.event == RequestFramer::Event::Complete);
            if (step.event == RequestFramer::Event::Head) {
                const auto &head = framer.head();
                check(head.contentLength >= 0);
                check(head.fieldCount <= 100);
                check(!head.method.isEmpty() && !head.target.isEmpty());
                check(!head.headers.contains("transfer-encoding"));
                check(!head.upgrade || (head.contentLength == 0 && head.method == "GET"));
                out.heads.append(head.method + ' ' + head.target + ' ' + QByteArray::number(head.contentLength));
            }
            if (step.event == RequestFramer::Event::NeedMore)
                check(chunk.isEmpty());
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The first byte says how many of the following bytes are chunk sizes; the rest is the
    // stream. Seeds start with 0x00 (no sizes: one chunk).
    if (size == 0)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype sizeCount = std::min<qsizetype>(uchar(input[0]) % 16, input.size() - 1);
    const QByteArrayView sizes = input.sliced(1, sizeCount);
    const QByteArrayView stream = input.sliced(1 + sizeCount);

    const Outcome chunked = frame(stream, sizes);
    const Outcome whole = frame(stream, {});
    const Outcome bytewise = frame(stream, QByteArrayView("\x01", 1));
    check(chunked == whole);
    check(bytewise == whole);
    return 0;
}
