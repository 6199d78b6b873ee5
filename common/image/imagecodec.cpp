// The imaging module: everything that touches pixels, in a library of its own that the
// daemons load on first use (see imagecodec.h). Links QtGui and nothing of the project.
#include "imagecodec.h"

#include <QBuffer>
#include <QColorSpace>
#include <QImage>
#include <QImageReader>
#include <QLinearGradient>
#include <QPainter>
#include <QRadialGradient>

namespace {

QByteArray encodeJpeg(const QImage &image, int longestSide, int quality)
{
    const QImage scaled = std::max(image.width(), image.height()) > longestSide
            ? image.scaled(longestSide, longestSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)
            : image;
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    scaled.convertToFormat(QImage::Format_RGB32).save(&buffer, "JPEG", quality);
    return out;
}

bool headerSize(const QByteArray &data, const QByteArray &format, int *width, int *height)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    const QSize size = reader.size();
    if (!size.isValid())
        return false;
    *width = size.width();
    *height = size.height();
    return true;
}

bool reencode(const QByteArray &data, const QByteArray &format, QByteArray *full, QByteArray *thumb)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return false;
    image.setColorSpace({}); // drop embedded profiles and metadata with the re-encode
    *full = encodeJpeg(image, 1200, 85);
    *thumb = encodeJpeg(image, 320, 80);
    return true;
}

QByteArray demoPicture(int seed)
{
    QImage image(640, 480, QImage::Format_RGB32);
    const QColor table = QColor::fromHsv((seed * 37) % 360, 40, 90);
    const QColor food = QColor::fromHsv((seed * 71 + 15) % 360, 170, 220);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient background(0, 0, 640, 480);
    background.setColorAt(0, table.lighter(130));
    background.setColorAt(1, table);
    painter.fillRect(image.rect(), background);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 50));
    painter.drawEllipse(QPointF(330, 250), 200, 200);
    painter.setBrush(QColor(250, 250, 245));
    painter.drawEllipse(QPointF(320, 240), 200, 200);
    QRadialGradient dish(QPointF(300, 220), 150);
    dish.setColorAt(0, food.lighter(140));
    dish.setColorAt(1, food.darker(120));
    painter.setBrush(dish);
    painter.drawEllipse(QPointF(320, 240), 140, 140);
    painter.setBrush(food.lighter(170));
    for (int i = 0; i < 6; ++i)
        painter.drawEllipse(QPointF(260 + ((seed + i * 29) % 120), 190 + ((seed * 3 + i * 41) % 110)), 14, 10);
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

const tableorder::imagecodec::Api api{tableorder::imagecodec::apiVersion, headerSize, reencode, demoPicture};

} // namespace

extern "C" Q_DECL_EXPORT const tableorder::imagecodec::Api *tableorder_imagecodec_api()
{
    return &api;
}
