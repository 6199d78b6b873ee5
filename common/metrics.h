#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <map>

namespace tableorder {

/// A small Prometheus registry: counters, gauges and histograms with label sets, rendered
/// in the text exposition format. Single-threaded (the event loop's thread).
class Metrics
{
public:
    using Labels = QList<std::pair<QByteArray, QString>>;

    void declareCounter(const QByteArray &name, const QByteArray &help);
    /// A counter read when /metrics is rendered (e.g. CPU seconds from /proc).
    void declareCounter(const QByteArray &name, const QByteArray &help, std::function<double()> read);
    void declareGauge(const QByteArray &name, const QByteArray &help);
    /// A gauge read when /metrics is rendered.
    void declareGauge(const QByteArray &name, const QByteArray &help, std::function<double()> read);
    void declareHistogram(const QByteArray &name, const QByteArray &help, QList<double> bounds);

    void increment(const QByteArray &name, const Labels &labels = {}, double by = 1);
    void set(const QByteArray &name, const Labels &labels, double value);
    void observe(const QByteArray &name, const Labels &labels, double value);

    [[nodiscard]] double value(const QByteArray &name, const Labels &labels = {}) const;
    [[nodiscard]] QByteArray render() const;

    /// One labelled histogram: counts per bucket (not cumulative; the last is +Inf).
    struct HistogramSeries
    {
        Labels labels;
        QList<quint64> counts;
        double sum = 0;
        quint64 count = 0;
    };
    /// Every label set of a counter or gauge, with its value (for windowed statistics).
    [[nodiscard]] QList<std::pair<Labels, double>> series(const QByteArray &name) const;
    [[nodiscard]] QList<HistogramSeries> histograms(const QByteArray &name) const;
    [[nodiscard]] QList<double> bounds(const QByteArray &name) const;
    /// The q-quantile of bucket counts (not cumulative), interpolated linearly inside the
    /// bucket as Prometheus' histogram_quantile() does; 0 when there are no observations.
    [[nodiscard]] static double quantile(const QList<double> &bounds, const QList<quint64> &counts, double q);

    static QList<double> latencyBuckets();

private:
    enum class Type { Counter, Gauge, Histogram };
    struct Histogram
    {
        QList<quint64> counts; // one per bound, plus +Inf
        double sum = 0;
        quint64 count = 0;
    };
    struct Family
    {
        Type type = Type::Counter;
        QByteArray help;
        QList<double> bounds;
        std::function<double()> read;
        std::map<QByteArray, double> values; // key: rendered label set
        std::map<QByteArray, Histogram> histograms;
        std::map<QByteArray, Labels> labelSets; // rendered label set -> labels
    };
    static QByteArray renderLabels(const Labels &labels);
    Family &family(const QByteArray &name);

    std::map<QByteArray, Family> m_families;
};

} // namespace tableorder
