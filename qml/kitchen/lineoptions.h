#pragma once

#include <QString>

namespace tableorder::kitchen {

/// An option that takes something out of a dish ("No onions", "양파 빼기", "빼고"), which
/// a cook must not miss: its name starts with "no"/"빼", or it costs nothing and says
/// "빼기"/"없이"/"without"/"제외" somewhere.
[[nodiscard]] bool isRemovalOption(const QString &name, qint64 priceDelta);

} // namespace tableorder::kitchen
