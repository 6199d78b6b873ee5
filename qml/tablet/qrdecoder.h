#pragma once

#include <QImage>
#include <QStringList>

namespace tableorder::tablet {

/// Reads QR codes in a picture (a camera frame, a screenshot) with zbar. Without zbar at
/// build time available() is false and decode() finds nothing.
class QrDecoder
{
public:
    [[nodiscard]] static bool available();
    /// The text of every QR code zbar finds in `image`, in the order it reports them.
    [[nodiscard]] static QStringList decode(const QImage &image);
};

} // namespace tableorder::tablet
