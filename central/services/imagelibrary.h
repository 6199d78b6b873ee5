#pragma once

#include "error.h"
#include "storage/tenantrepository.h"

#include <QObject>

#include <functional>
#include <optional>

namespace tableorder::central {

class ImageRepository;

/// One picture file name as served: `<hash>.jpg` or `<hash>-thumb.jpg`.
struct ImageName
{
    QString hash;
    bool thumbnail = false;

    /// nullopt for anything else (so nothing but a content hash reaches the database).
    [[nodiscard]] static std::optional<ImageName> parse(const QString &file);
};

/// HQ's menu pictures: uploads are decoded and re-encoded on a worker thread (the same
/// rules as the edge's upload) and kept in the database by content hash, so any central
/// instance serves them; edges fetch the ones their menus name.
class ImageLibrary : public QObject
{
    Q_OBJECT
public:
    explicit ImageLibrary(ImageRepository &images, QObject *parent = nullptr);

    /// Calls `done` on this object's thread with the stored picture's hash, or the
    /// ImageProcessor error (nothing stored then).
    void upload(QByteArray data, std::function<void(Result<QString>)> done);
    /// A picture by file name, for anyone (content-addressed URLs are public).
    [[nodiscard]] Result<std::optional<QByteArray>> file(const QString &name);
    /// Same, for a store: only pictures that store's menus name.
    [[nodiscard]] Result<std::optional<QByteArray>> fileForStore(const StoreRecord &store, const QString &name);

    /// Where central serves a picture: `/images/<hash>.jpg` (thumbnail: `-thumb.jpg`).
    [[nodiscard]] static QString urlOf(const QString &hash, bool thumbnail = false);

private:
    ImageRepository &m_images;
};

} // namespace tableorder::central
