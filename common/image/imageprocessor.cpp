#include "imageprocessor.h"

#include <QBuffer>
#include <QColorSpace>
#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace tableorder {

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

const QList<QByteArray> &ImageProcessor::uploadTypes()
{
    static const QList<QByteArray> types{"image/jpeg", "image/png", "image/webp"};
    return types;
}

QString ImageProcessor::contentHash(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

bool ImageProcessor::isContentHash(QStringView text)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{64}$"_s);
    return pattern.match(text.toString()).hasMatch();
}

Result<ImageHeader> ImageProcessor::inspect(const QByteArray &data)
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
    return ImageHeader{format, size};
}

Result<EncodedImage> ImageProcessor::encode(const QByteArray &data)
{
    auto header = inspect(data);
    if (!header)
        return fail(header.error());
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, header->format);
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return fail(Error::validation(u"body"_s, u"the image could not be decoded"_s));
    image.setColorSpace({}); // drop embedded profiles and metadata with the re-encode

    EncodedImage out;
    out.full = encodeJpeg(image, 1200, 85);
    out.thumb = encodeJpeg(image, 320, 80);
    out.hash = contentHash(out.full);
    return out;
}

Status ImageProcessor::save(const QByteArray &full, const QByteArray &thumb, const QString &dir,
                            const QString &name)
{
    QDir().mkpath(dir);
    if (!writeFile(QDir(dir).filePath(name + u"-thumb.jpg"_s), thumb)
        || !writeFile(QDir(dir).filePath(name + u".jpg"_s), full))
        return fail(Error::internal());
    return {};
}

Result<QString> ImageProcessor::process(const QByteArray &data, const QString &dir,
                                        const QString &baseName)
{
    auto image = encode(data);
    if (!image)
        return fail(image.error());
    const QString name = baseName + u'-' + image->hash.left(12);
    if (auto ok = save(image->full, image->thumb, dir, name); !ok)
        return fail(ok.error());
    return name + u".jpg"_s;
}

} // namespace tableorder
