#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

namespace tableorder::edge {

/// Checks an uploaded menu picture (JPEG, PNG or WebP by its magic bytes, at most
/// 2 MiB and 6000x6000 pixels) and re-encodes it as a full-size JPEG (longest side 1200 px)
/// and a thumbnail (longest side 320 px), so nothing a client sent is ever served back.
/// Thread-safe; runs on worker threads.
class ImageProcessor
{
public:
    static constexpr qint64 maxUploadBytes = 2 * 1024 * 1024;

    /// Writes `<baseName>-<hash>.jpg` and `<baseName>-<hash>-thumb.jpg` into dir and
    /// returns the first file's name.
    [[nodiscard]] static Result<QString> process(const QByteArray &data, const QString &dir,
                                                 const QString &baseName);
};

} // namespace tableorder::edge
