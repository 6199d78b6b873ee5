#include "imageprocessor.h"

#include "imagecodec.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLibrary>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcImage, "tableorder.image")

namespace tableorder {

namespace {

/// The imaging module, loaded once on first use from next to the program as installed
/// (`<prefix>/bin/../lib/<program name>/`) or from the build tree. Null when it is missing.
const imagecodec::Api *loadCodec()
{
    const QString fileName = u"libtableorder-imaging.so"_s;
    QStringList candidates{QDir(QCoreApplication::applicationDirPath())
                                   .filePath(u"../lib/%1/%2"_s.arg(QCoreApplication::applicationName(), fileName))};
#ifdef TABLEORDER_IMAGING_BUILD_DIR
    candidates.append(QDir(QStringLiteral(TABLEORDER_IMAGING_BUILD_DIR)).filePath(fileName));
#endif
    QStringList errors;
    for (const QString &path : std::as_const(candidates)) {
        if (!QFile::exists(path))
            continue;
        static QLibrary library; // never unloaded
        library.setFileName(path);
        using Entry = const imagecodec::Api *(*)();
        if (auto entry = reinterpret_cast<Entry>(library.resolve("tableorder_imagecodec_api"))) {
            const imagecodec::Api *api = entry();
            if (api && api->version == imagecodec::apiVersion)
                return api;
            errors.append(path + u": another version"_s);
        } else {
            errors.append(library.errorString());
        }
    }
    qCCritical(lcImage).noquote() << "the imaging module is missing; pictures cannot be processed. Looked in:"
                                  << candidates.join(u", "_s) << errors.join(u"; "_s);
    return nullptr;
}

Result<const imagecodec::Api *> codec()
{
    static const imagecodec::Api *const api = loadCodec();
    if (!api)
        return fail(ErrorCode::Unavailable, u"picture processing is not installed on this server"_s);
    return api;
}

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

    auto pixels = codec();
    if (!pixels)
        return fail(pixels.error());
    int width = 0;
    int height = 0;
    if (!(*pixels)->headerSize(data, format, &width, &height) || width <= 0 || height <= 0 || width > 6000
        || height > 6000)
        return fail(Error::validation(u"body"_s, u"the image must be at most 6000x6000 pixels"_s));
    return ImageHeader{format, QSize(width, height)};
}

Result<EncodedImage> ImageProcessor::encode(const QByteArray &data)
{
    auto header = inspect(data);
    if (!header)
        return fail(header.error());
    EncodedImage out;
    if (!(*codec())->reencode(data, header->format, &out.full, &out.thumb))
        return fail(Error::validation(u"body"_s, u"the image could not be decoded"_s));
    out.hash = contentHash(out.full);
    return out;
}

Result<QByteArray> ImageProcessor::demoPicture(int seed)
{
    auto pixels = codec();
    if (!pixels)
        return fail(pixels.error());
    return (*pixels)->demoPicture(seed);
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
