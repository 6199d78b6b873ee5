#include "diskspace.h"

#include <QFile>

#include <sys/statvfs.h>

namespace tableorder {

std::optional<DiskSpace> diskSpace(const QString &path)
{
    struct statvfs fs {};
    if (::statvfs(QFile::encodeName(path).constData(), &fs) != 0)
        return std::nullopt;
    const auto unit = qint64(fs.f_frsize ? fs.f_frsize : fs.f_bsize);
    return DiskSpace{qint64(fs.f_bavail) * unit, qint64(fs.f_blocks) * unit};
}

} // namespace tableorder
