#include "processprobe.h"

#include <QDir>
#include <QFile>

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tableorder::bench {

ProcessProbe::ProcessProbe(qint64 pid, QObject *parent)
    : QObject(parent)
    , m_pid(pid)
{
    connect(&m_timer, &QTimer::timeout, this, &ProcessProbe::sample);
}

qint64 ProcessProbe::rssKiB() const
{
    if (m_pid <= 0)
        return -1;
    QFile file(u"/proc/%1/status"_s.arg(m_pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = file.readAll();
    const qsizetype at = text.indexOf("VmRSS:");
    if (at < 0)
        return -1;
    const qsizetype end = text.indexOf('\n', at);
    // "VmRSS:	   12345 kB"
    QByteArray value = text.mid(at + 6, end - at - 6).trimmed();
    value.chop(2);
    return value.trimmed().toLongLong();
}

double ProcessProbe::cpuSeconds() const
{
    if (m_pid <= 0)
        return -1;
    QFile file(u"/proc/%1/stat"_s.arg(m_pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = file.readAll();
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const qsizetype paren = text.lastIndexOf(')');
    const QList<QByteArray> fields = text.mid(paren + 2).split(' ');
    // Field 3 (state) is fields[0]; utime is field 14, stime field 15.
    if (fields.size() < 13)
        return -1;
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return ticks / double(sysconf(_SC_CLK_TCK));
}

void ProcessProbe::start(int intervalMs)
{
    m_peak = rssKiB();
    m_cpuStart = m_cpuEnd = cpuSeconds();
    m_timer.start(intervalMs);
}

void ProcessProbe::stop()
{
    sample();
    m_timer.stop();
    m_cpuEnd = cpuSeconds();
}

void ProcessProbe::sample()
{
    m_peak = std::max(m_peak, rssKiB());
}

double ownCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double processCpuSeconds(qint64 pid, bool withChildren)
{
    // /proc/PID/stat after the command's closing parenthesis: fields[1] is the parent,
    // [11] utime, [12] stime, [13] cutime, [14] cstime (clock ticks).
    auto fieldsOf = [](qint64 p) {
        QFile file(u"/proc/%1/stat"_s.arg(p));
        if (!file.open(QIODevice::ReadOnly))
            return QList<QByteArray>();
        const QByteArray stat = file.readAll();
        return stat.sliced(stat.lastIndexOf(')') + 2).split(' ');
    };
    const double tick = double(sysconf(_SC_CLK_TCK));
    const QList<QByteArray> own = fieldsOf(pid);
    double total = (own.value(11).toDouble() + own.value(12).toDouble()) / tick;
    if (!withChildren)
        return total;
    total += (own.value(13).toDouble() + own.value(14).toDouble()) / tick;
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        bool isPid = false;
        const qint64 p = entry.toLongLong(&isPid);
        if (!isPid || p == pid)
            continue;
        const QList<QByteArray> fields = fieldsOf(p);
        if (fields.value(1).toLongLong() == pid)
            total += (fields.value(11).toDouble() + fields.value(12).toDouble()) / tick;
    }
    return total;
}

} // namespace tableorder::bench
