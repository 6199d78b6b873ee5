#include "qrdecoder.h"

#include <cstring>

#ifdef TABLEORDER_HAVE_ZBAR
#include <zbar.h>
#endif

namespace tableorder::tablet {

bool QrDecoder::available()
{
#ifdef TABLEORDER_HAVE_ZBAR
    return true;
#else
    return false;
#endif
}

QStringList QrDecoder::decode(const QImage &image)
{
    QStringList found;
#ifdef TABLEORDER_HAVE_ZBAR
    // zbar.h puts its C API in namespace zbar when included from C++.
    using namespace zbar;
    if (image.isNull())
        return found;
    // zbar reads 8-bit grey ("Y800") rows without padding.
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const int width = grey.width();
    const int height = grey.height();
    QByteArray pixels(qsizetype(width) * height, Qt::Uninitialized);
    for (int y = 0; y < height; ++y)
        std::memcpy(pixels.data() + qsizetype(y) * width, grey.constScanLine(y), size_t(width));

    zbar_image_scanner_t *scanner = zbar_image_scanner_create();
    zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_t *frame = zbar_image_create();
    zbar_image_set_format(frame, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(frame, unsigned(width), unsigned(height));
    zbar_image_set_data(frame, pixels.constData(), unsigned(pixels.size()), nullptr);
    if (zbar_scan_image(scanner, frame) > 0) {
        for (const zbar_symbol_t *symbol = zbar_image_first_symbol(frame); symbol;
             symbol = zbar_symbol_next(symbol)) {
            found.append(QString::fromUtf8(zbar_symbol_get_data(symbol),
                                           qsizetype(zbar_symbol_get_data_length(symbol))));
        }
    }
    zbar_image_destroy(frame);
    zbar_image_scanner_destroy(scanner);
#else
    Q_UNUSED(image);
#endif
    return found;
}

} // namespace tableorder::tablet
