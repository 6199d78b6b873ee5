#include "processstats.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <unistd.h>

namespace tableorder {

ProcessStats processStats()
{
    ProcessStats stats;
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (stat.open(QIODevice::ReadOnly)) {
        // The command name (field 2) may hold spaces: count fields after its ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        // fields[0] is field 3 (state): utime and stime are fields 14 and 15.
        if (fields.size() > 13) {
            const double ticks = double(sysconf(_SC_CLK_TCK));
            stats.cpuSeconds = (fields[11].toDouble() + fields[12].toDouble()) / ticks;
        }
    }
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (statm.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = statm.readAll().split(' ');
        if (fields.size() > 1)
            stats.residentBytes = fields[1].toLongLong() * sysconf(_SC_PAGESIZE);
    }
    return stats;
}

} // namespace tableorder
