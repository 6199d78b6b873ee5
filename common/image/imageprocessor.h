#pragma once

#include "error.h"

#include <QByteArray>
#include <QList>
#include <QSize>
#include <QString>

namespace tableorder {

/// A picture as the project serves it: decoded and re-encoded, never the bytes a client sent.
struct EncodedImage
{
    QByteArray full;  // JPEG, longest side at most 1200 px
    QByteArray thumb; // JPEG, longest side at most 320 px
    QString hash;     // SHA-256 of `full`, 64 lowercase hex digits: its content address
};

/// Checks an uploaded menu picture (JPEG, PNG or WebP by its magic bytes, at most
/// 2 MiB and 6000x6000 pixels) and re-encodes it as a full-size JPEG (longest side 1200 px)
/// and a thumbnail (longest side 320 px), so nothing a client sent is ever served back.
/// Used by the edge (files) and central (database rows). Thread-safe; runs on worker threads.
/// The pixels are handled by the imaging module (imagecodec.h), loaded on first use: without
/// it, inspect() and encode() fail with UNAVAILABLE.
/// What an upload's header says, once it passed ImageProcessor::inspect().
struct ImageHeader
{
    QByteArray format; // "jpeg", "png" or "webp"
    QSize size;
};

class ImageProcessor
{
public:
    static constexpr qint64 maxUploadBytes = 2 * 1024 * 1024;
    /// The Content-Types an upload may carry.
    static const QList<QByteArray> &uploadTypes();

    /// The checks made before any pixel is decoded: the size in bytes, the format by its magic
    /// bytes and the dimensions in its header. VALIDATION_FAILED for no image, an unknown format
    /// or too many pixels; PAYLOAD_TOO_LARGE above maxUploadBytes.
    [[nodiscard]] static Result<ImageHeader> inspect(const QByteArray &data);
    /// inspect(), then decodes: VALIDATION_FAILED too for bytes that do not decode.
    [[nodiscard]] static Result<EncodedImage> encode(const QByteArray &data);
    /// encode(), then writes `<baseName>-<hash12>.jpg` and `<baseName>-<hash12>-thumb.jpg`
    /// into dir and returns the first file's name.
    [[nodiscard]] static Result<QString> process(const QByteArray &data, const QString &dir,
                                                 const QString &baseName);
    /// Writes `<name>.jpg` and `<name>-thumb.jpg` into dir, each atomically, the thumbnail
    /// first (so a present `<name>.jpg` means both are there).
    [[nodiscard]] static Status save(const QByteArray &full, const QByteArray &thumb, const QString &dir,
                                     const QString &name);
    /// A demo dish's picture (PNG): a plate seen from above, coloured per seed.
    [[nodiscard]] static Result<QByteArray> demoPicture(int seed);
    /// SHA-256 of the bytes, 64 lowercase hex digits.
    [[nodiscard]] static QString contentHash(const QByteArray &data);
    /// True for 64 lowercase hex digits.
    [[nodiscard]] static bool isContentHash(QStringView text);
};

} // namespace tableorder
