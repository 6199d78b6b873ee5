#include "imageprocessor.h"

#include <QBuffer>
#include <QColorSpace>
#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace tableorder::edge {

namespace {

QByteArray sniffFormat(const QByteArray &data)
{
    if (data.startsWith("\xFF\xD8\xFF"))
        return "jpeg";
    if (data.startsWith("\x89PNG\r\n\x1A\n"))
        return "png";
    if (data.size() > 12 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return "webp";
    return {};
}

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

bool writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

} // namespace

Result<QString> ImageProcessor::process(const QByteArray &data, const QString &dir,
                                        const QString &baseName)
{
    if (data.isEmpty())
        return fail(Error::validation(u"body"_s, u"the request carries no image"_s));
    if (data.size() > maxUploadBytes)
        return fail(ErrorCode::PayloadTooLarge, u"images are limited to 2 MiB"_s);
    const QByteArray format = sniffFormat(data);
    if (format.isEmpty())
        return fail(Error::validation(u"body"_s, u"the image must be JPEG, PNG or WebP"_s));

    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    const QSize size = reader.size();
    if (!size.isValid() || size.width() > 6000 || size.height() > 6000)
        return fail(Error::validation(u"body"_s, u"the image must be at most 6000x6000 pixels"_s));
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return fail(Error::validation(u"body"_s, u"the image could not be decoded"_s));
    image.setColorSpace({}); // drop embedded profiles and metadata with the re-encode

    const QByteArray full = encodeJpeg(image, 1200, 85);
    const QByteArray thumb = encodeJpeg(image, 320, 80);
    const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(full, QCryptographicHash::Sha256).toHex().left(12));
    const QString name = baseName + u'-' + hash + u".jpg"_s;
    const QString thumbName = baseName + u'-' + hash + u"-thumb.jpg"_s;
    QDir().mkpath(dir);
    if (!writeFile(QDir(dir).filePath(name), full) || !writeFile(QDir(dir).filePath(thumbName), thumb))
        return fail(Error::internal());
    return name;
}

} // namespace tableorder::edge
