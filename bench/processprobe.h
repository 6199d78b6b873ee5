#pragma once

#include <QObject>
#include <QTimer>

namespace tableorder::bench {

/// Watches another process through /proc: resident memory (VmRSS) and CPU time. Samples on
/// a timer while running so that the peak RSS under load is seen.
class ProcessProbe : public QObject
{
    Q_OBJECT
public:
    explicit ProcessProbe(qint64 pid, QObject *parent = nullptr);

    [[nodiscard]] bool valid() const { return m_pid > 0; }
    /// VmRSS in KiB now, or -1.
    [[nodiscard]] qint64 rssKiB() const;
    /// utime + stime in seconds, or -1.
    [[nodiscard]] double cpuSeconds() const;

    /// Starts sampling every intervalMs; peak and cpu are measured from here.
    void start(int intervalMs = 50);
    void stop();
    [[nodiscard]] qint64 peakRssKiB() const { return m_peak; }
    /// CPU seconds the process used between start() and stop().
    [[nodiscard]] double cpuUsed() const { return m_cpuEnd - m_cpuStart; }

private:
    void sample();

    qint64 m_pid;
    QTimer m_timer;
    qint64 m_peak = -1;
    double m_cpuStart = 0;
    double m_cpuEnd = 0;
};

/// This process's own CPU time (user + system) in seconds.
double ownCpuSeconds();

/// CPU seconds (user + system) of any process; withChildren adds its live children and the
/// children it has already reaped (PostgreSQL's postmaster: its backends, past and present).
double processCpuSeconds(qint64 pid, bool withChildren = false);

} // namespace tableorder::bench
