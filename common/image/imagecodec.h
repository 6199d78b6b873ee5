#pragma once

#include <QByteArray>

namespace tableorder::imagecodec {

/// What the imaging module (libtableorder-imaging.so) does with pixels. The daemons load it
/// only when a picture is first inspected, encoded or drawn: QtGui and the image format
/// plugins (about 6 MiB resident, with the X11/GL/font libraries QtGui pulls in) stay out of
/// an edge that serves no uploads. Plain functions over Qt value types, so the module links
/// QtGui alone and nothing of the project's own libraries.
struct Api
{
    int version;
    /// The picture's dimensions from its header (format "jpeg", "png" or "webp"); false when
    /// the header cannot be read.
    bool (*headerSize)(const QByteArray &data, const QByteArray &format, int *width, int *height);
    /// Decodes and re-encodes as JPEG, longest side at most 1200 px (full) and 320 px (thumb),
    /// without colour profiles or metadata; false when the data does not decode.
    bool (*reencode)(const QByteArray &data, const QByteArray &format, QByteArray *full, QByteArray *thumb);
    /// A plate seen from above, coloured per seed (PNG, 640x480): the demo's pictures.
    QByteArray (*demoPicture)(int seed);
};

constexpr int apiVersion = 1;

} // namespace tableorder::imagecodec

/// The module's one exported symbol.
extern "C" const tableorder::imagecodec::Api *tableorder_imagecodec_api();
