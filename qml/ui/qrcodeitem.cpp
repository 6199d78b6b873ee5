#include "qrcodeitem.h"

#include <QPainter>

#include <qrencode.h>

namespace tableorder::ui {

namespace {
constexpr int quietZone = 4;
}

QrCodeItem::QrCodeItem(QQuickItem *parent) : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
}

void QrCodeItem::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_matrix = matrix(text);
    emit textChanged();
    update();
}

QImage QrCodeItem::matrix(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QByteArray utf8 = text.toUtf8();
    // Level M: a tablet's camera reads it through glare and a smudge or two.
    QRcode *code = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M);
    if (!code)
        return {};
    const int side = code->width + 2 * quietZone;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < code->width; ++y) {
        uchar *row = image.scanLine(y + quietZone);
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                row[x + quietZone] = 0;
    }
    QRcode_free(code);
    return image;
}

void QrCodeItem::paint(QPainter *painter)
{
    if (m_matrix.isNull())
        return;
    const int side = m_matrix.width();
    const int available = int(std::min(width(), height()));
    const int scale = std::max(1, available / side);
    const int drawn = side * scale;
    const QRect target(int((width() - drawn) / 2), int((height() - drawn) / 2), drawn, drawn);
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->drawImage(target, m_matrix);
}

} // namespace tableorder::ui
