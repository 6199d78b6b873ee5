#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace tableorder {

/// Free and total bytes of the file system holding a path.
struct DiskSpace
{
    qint64 availableBytes = 0; // what an unprivileged writer may still use
    qint64 totalBytes = 0;
};

/// statvfs(2) on the path itself: unlike QStorageInfo it needs no mount table, so it works in
/// a chroot and in containers that hide /proc/self/mountinfo. Empty when the path is missing.
[[nodiscard]] std::optional<DiskSpace> diskSpace(const QString &path);

} // namespace tableorder
