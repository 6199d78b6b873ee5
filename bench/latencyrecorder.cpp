#include "latencyrecorder.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tableorder::bench {

namespace {
constexpr double percentiles[] = { 50, 90, 99, 99.9 };
constexpr const char *names[] = { "p50", "p90", "p99", "p99.9" };

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 3);
}
} // namespace

void LatencyRecorder::add(qint64 ns)
{
    ++m_count;
    m_maxNs = std::max(m_maxNs, ns);
    if (qsizetype(m_samples.size()) < m_max) {
        m_samples.push_back(ns);
        m_sorted = false;
    }
}

void LatencyRecorder::merge(const LatencyRecorder &other)
{
    m_count += other.m_count;
    m_maxNs = std::max(m_maxNs, other.m_maxNs);
    const qsizetype room = m_max - qsizetype(m_samples.size());
    const qsizetype take = std::min<qsizetype>(room, qsizetype(other.m_samples.size()));
    m_samples.insert(m_samples.end(), other.m_samples.begin(), other.m_samples.begin() + take);
    m_sorted = false;
}

void LatencyRecorder::clear()
{
    m_samples.clear();
    m_sorted = true;
    m_count = 0;
    m_maxNs = 0;
}

void LatencyRecorder::sort() const
{
    if (!m_sorted) {
        std::sort(m_samples.begin(), m_samples.end());
        m_sorted = true;
    }
}

qint64 LatencyRecorder::percentileNs(double p) const
{
    if (m_samples.empty())
        return 0;
    sort();
    const auto n = qsizetype(m_samples.size());
    const qsizetype rank = std::clamp<qsizetype>(qsizetype(std::ceil(p / 100.0 * double(n))), 1, n);
    return m_samples[size_t(rank - 1)];
}

QString LatencyRecorder::summary() const
{
    if (m_count == 0)
        return u"(no samples)"_s;
    QString out;
    for (size_t i = 0; i < std::size(percentiles); ++i)
        out += QString::fromLatin1(names[i]) + u' ' + ms(percentileNs(percentiles[i])) + u"  "_s;
    out += u"max "_s + ms(m_maxNs) + u" ms"_s;
    if (truncated())
        out += u" (percentiles over the first %1 of %2 samples)"_s.arg(m_samples.size())
                   .arg(m_count);
    return out;
}

QString LatencyRecorder::keyValues(const QString &prefix) const
{
    QString out;
    for (size_t i = 0; i < std::size(percentiles); ++i)
        out += prefix + QString::fromLatin1(names[i]) + u"_ms="_s + ms(percentileNs(percentiles[i]))
            + u' ';
    return out + prefix + u"max_ms="_s + ms(m_maxNs);
}

} // namespace tableorder::bench
