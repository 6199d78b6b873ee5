#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace tableorder::bench {

/// Keeps every latency sample (nanoseconds) and reports exact nearest-rank percentiles.
/// Bounded: past maxSamples it counts but stops storing (the report says so).
class LatencyRecorder
{
public:
    explicit LatencyRecorder(qsizetype maxSamples = 20'000'000)
        : m_max(maxSamples)
    {
    }

    void add(qint64 ns);
    void merge(const LatencyRecorder &other);
    void clear();
    [[nodiscard]] qint64 count() const { return m_count; }
    [[nodiscard]] bool truncated() const { return m_count > qint64(m_samples.size()); }
    /// p in [0, 100]; nearest rank over the stored samples; 0 when empty.
    [[nodiscard]] qint64 percentileNs(double p) const;
    [[nodiscard]] qint64 maxNs() const { return m_maxNs; }
    /// "p50 0.812  p90 1.104  p99 2.310  p99.9 4.120  max 5.201 ms"
    [[nodiscard]] QString summary() const;
    /// "p50_ms=0.812 p90_ms=... max_ms=..." with a prefix on each key.
    [[nodiscard]] QString keyValues(const QString &prefix) const;

private:
    void sort() const;

    qsizetype m_max;
    mutable std::vector<qint64> m_samples;
    mutable bool m_sorted = true;
    qint64 m_count = 0;
    qint64 m_maxNs = 0;
};

} // namespace tableorder::bench
