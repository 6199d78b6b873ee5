// Menu picture uploads (edge POST /api/v1/menu/items/{id}/image, central's image library):
// ImageProcessor::inspect(), the checks made before any pixel is decoded, on every input;
// and the whole decode and re-encode for the inputs whose header names a small picture
// (larger ones only cost time here: Qt's decoders are not instrumented).

#include "fuzzcheck.h"
#include "imageprocessor.h"

#include <QBuffer>
#include <QImageReader>

using namespace tableorder;

namespace {

QSize jpegSize(const QByteArray &jpeg)
{
    QBuffer buffer;
    buffer.setData(jpeg);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "jpeg");
    return reader.size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto header = ImageProcessor::inspect(bytes);
    if (!header) {
        FUZZ_CHECK(header.error().code == ErrorCode::ValidationFailed
                   || header.error().code == ErrorCode::PayloadTooLarge);
        return 0;
    }
    FUZZ_CHECK(header->format == "jpeg" || header->format == "png" || header->format == "webp");
    FUZZ_CHECK(header->size.isValid() && header->size.width() <= 6000 && header->size.height() <= 6000);
    if (header->size.width() > 256 || header->size.height() > 256)
        return 0;

    auto image = ImageProcessor::encode(bytes);
    if (!image) {
        FUZZ_CHECK(image.error().code == ErrorCode::ValidationFailed);
        return 0;
    }
    // What is served is our own JPEG, never larger than the limits.
    const QSize full = jpegSize(image->full);
    const QSize thumb = jpegSize(image->thumb);
    FUZZ_CHECK(full.isValid() && full.width() <= 1200 && full.height() <= 1200);
    FUZZ_CHECK(thumb.isValid() && thumb.width() <= 320 && thumb.height() <= 320);
    FUZZ_CHECK(ImageProcessor::isContentHash(image->hash));
    return 0;
}
