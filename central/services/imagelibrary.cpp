#include "imagelibrary.h"

#include "domain.h"
#include "imageprocessor.h"
#include "storage/imagerepository.h"

#include <QPointer>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace tableorder::central {

std::optional<ImageName> ImageName::parse(const QString &file)
{
    ImageName name;
    QString stem = file;
    if (!stem.endsWith(u".jpg"_s))
        return std::nullopt;
    stem.chop(4);
    if (stem.endsWith(u"-thumb"_s)) {
        stem.chop(6);
        name.thumbnail = true;
    }
    if (!ImageProcessor::isContentHash(stem))
        return std::nullopt;
    name.hash = stem;
    return name;
}

ImageLibrary::ImageLibrary(ImageRepository &images, QObject *parent) : QObject(parent), m_images(images) {}

QString ImageLibrary::urlOf(const QString &hash, bool thumbnail)
{
    return u"/images/"_s + hash + (thumbnail ? u"-thumb.jpg"_s : u".jpg"_s);
}

void ImageLibrary::upload(QByteArray data, std::function<void(Result<QString>)> done)
{
    QPointer<ImageLibrary> self(this);
    // Decoding a 6000x6000 picture takes a while: off the thread that serves requests.
    QThreadPool::globalInstance()->start([self, data = std::move(data), done = std::move(done)] {
        auto image = ImageProcessor::encode(data);
        QMetaObject::invokeMethod(
                self.data(),
                [self, image = std::move(image), done] {
                    if (!self)
                        return;
                    if (!image)
                        return done(fail(image.error()));
                    auto ok = self->m_images.insert(image->hash, image->full, image->thumb,
                                                    timestampText(QDateTime::currentDateTimeUtc()));
                    done(ok ? Result<QString>(image->hash) : Result<QString>(fail(ok.error())));
                },
                Qt::QueuedConnection);
    });
}

Result<std::optional<QByteArray>> ImageLibrary::file(const QString &name)
{
    const auto parsed = ImageName::parse(name);
    if (!parsed)
        return std::optional<QByteArray>();
    return m_images.get(parsed->hash, parsed->thumbnail);
}

Result<std::optional<QByteArray>> ImageLibrary::fileForStore(const StoreRecord &store, const QString &name)
{
    const auto parsed = ImageName::parse(name);
    if (!parsed)
        return std::optional<QByteArray>();
    auto referenced = m_images.referencedByStore(store.id, parsed->hash);
    if (!referenced)
        return fail(referenced.error());
    if (!*referenced)
        return std::optional<QByteArray>();
    return m_images.get(parsed->hash, parsed->thumbnail);
}

} // namespace tableorder::central
