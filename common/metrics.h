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
    void declareGauge(const QByteArray &name, const QByteArray &help);
    /// A gauge read when /metrics is rendered.
    void declareGauge(const QByteArray &name, const QByteArray &help, std::function<double()> read);
    void declareHistogram(const QByteArray &name, const QByteArray &help, QList<double> bounds);

    void increment(const QByteArray &name, const Labels &labels = {}, double by = 1);
    void set(const QByteArray &name, const Labels &labels, double value);
    void observe(const QByteArray &name, const Labels &labels, double value);

    [[nodiscard]] double value(const QByteArray &name, const Labels &labels = {}) const;
    [[nodiscard]] QByteArray render() const;

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
    };
    static QByteArray renderLabels(const Labels &labels);
    Family &family(const QByteArray &name);

    std::map<QByteArray, Family> m_families;
};

} // namespace tableorder
