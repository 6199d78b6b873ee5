#include "metrics.h"

namespace tableorder {

namespace {
QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}
QByteArray joinLabels(const QByteArray &labels, const QByteArray &extra)
{
    if (labels.isEmpty())
        return '{' + extra + '}';
    return labels.chopped(1) + ',' + extra + '}';
}
} // namespace

QList<double> Metrics::latencyBuckets()
{
    return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
            0.05,   0.1,     0.25,   0.5,   1,      2.5,   5,     10};
}

void Metrics::declareCounter(const QByteArray &name, const QByteArray &help)
{
    m_families[name] = Family{Type::Counter, help, {}, {}, {}, {}, {}};
}

void Metrics::declareCounter(const QByteArray &name, const QByteArray &help, std::function<double()> read)
{
    m_families[name] = Family{Type::Counter, help, {}, std::move(read), {}, {}, {}};
}

void Metrics::declareGauge(const QByteArray &name, const QByteArray &help)
{
    m_families[name] = Family{Type::Gauge, help, {}, {}, {}, {}, {}};
}

void Metrics::declareGauge(const QByteArray &name, const QByteArray &help,
                           std::function<double()> read)
{
    m_families[name] = Family{Type::Gauge, help, {}, std::move(read), {}, {}, {}};
}

void Metrics::declareHistogram(const QByteArray &name, const QByteArray &help, QList<double> bounds)
{
    m_families[name] = Family{Type::Histogram, help, std::move(bounds), {}, {}, {}, {}};
}

Metrics::Family &Metrics::family(const QByteArray &name)
{
    auto it = m_families.find(name);
    Q_ASSERT_X(it != m_families.end(), "Metrics", name.constData());
    return it->second;
}

QByteArray Metrics::renderLabels(const Labels &labels)
{
    if (labels.isEmpty())
        return {};
    QByteArray out = "{";
    for (const auto &[key, value] : labels) {
        if (out.size() > 1)
            out += ',';
        out += key;
        out += "=\"";
        // Every request renders its labels twice: escape only when there is something to escape.
        if (value.contains(u'\\') || value.contains(u'"') || value.contains(u'\n')) {
            QString escaped = value;
            escaped.replace(QStringLiteral("\\"), QStringLiteral("\\\\")).replace(QStringLiteral("\""), QStringLiteral("\\\"")).replace(QStringLiteral("\n"), QStringLiteral("\\n"));
            out += escaped.toUtf8();
        } else {
            out += value.toUtf8();
        }
        out += '"';
    }
    return out + '}';
}

void Metrics::increment(const QByteArray &name, const Labels &labels, double by)
{
    Family &f = family(name);
    const auto [it, added] = f.values.try_emplace(renderLabels(labels), 0.0);
    if (added)
        f.labelSets.emplace(it->first, labels);
    it->second += by;
}

void Metrics::set(const QByteArray &name, const Labels &labels, double value)
{
    Family &f = family(name);
    const auto [it, added] = f.values.try_emplace(renderLabels(labels), value);
    if (added)
        f.labelSets.emplace(it->first, labels);
    it->second = value;
}

void Metrics::observe(const QByteArray &name, const Labels &labels, double value)
{
    Family &f = family(name);
    const auto [it, added] = f.histograms.try_emplace(renderLabels(labels));
    Histogram &h = it->second;
    if (added) {
        f.labelSets.emplace(it->first, labels);
        h.counts.resize(f.bounds.size() + 1);
    }
    const auto bucket = std::lower_bound(f.bounds.begin(), f.bounds.end(), value) - f.bounds.begin();
    ++h.counts[bucket];
    h.sum += value;
    ++h.count;
}

double Metrics::value(const QByteArray &name, const Labels &labels) const
{
    const auto it = m_families.find(name);
    if (it == m_families.end())
        return 0;
    if (it->second.read)
        return it->second.read();
    const QByteArray key = renderLabels(labels);
    if (it->second.type == Type::Histogram) {
        const auto h = it->second.histograms.find(key);
        return h == it->second.histograms.end() ? 0 : double(h->second.count);
    }
    const auto v = it->second.values.find(key);
    return v == it->second.values.end() ? 0 : v->second;
}

QList<std::pair<Metrics::Labels, double>> Metrics::series(const QByteArray &name) const
{
    QList<std::pair<Labels, double>> out;
    const auto it = m_families.find(name);
    if (it == m_families.end())
        return out;
    for (const auto &[key, v] : it->second.values)
        out.append({it->second.labelSets.at(key), v});
    return out;
}

QList<Metrics::HistogramSeries> Metrics::histograms(const QByteArray &name) const
{
    QList<HistogramSeries> out;
    const auto it = m_families.find(name);
    if (it == m_families.end())
        return out;
    for (const auto &[key, h] : it->second.histograms)
        out.append({it->second.labelSets.at(key), h.counts, h.sum, h.count});
    return out;
}

QList<double> Metrics::bounds(const QByteArray &name) const
{
    const auto it = m_families.find(name);
    return it == m_families.end() ? QList<double>() : it->second.bounds;
}

double Metrics::quantile(const QList<double> &bounds, const QList<quint64> &counts, double q)
{
    quint64 total = 0;
    for (quint64 c : counts)
        total += c;
    if (total == 0 || bounds.isEmpty())
        return 0;
    const double rank = q * double(total);
    quint64 below = 0;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        if (double(below + counts[i]) >= rank && counts[i] > 0) {
            if (i >= bounds.size())
                return bounds.last(); // in +Inf: the highest finite bound is all we know
            const double lower = i == 0 ? 0 : bounds[i - 1];
            return lower + (bounds[i] - lower) * (rank - double(below)) / double(counts[i]);
        }
        below += counts[i];
    }
    return bounds.last();
}

QByteArray Metrics::render() const
{
    QByteArray out;
    out.reserve(16 * 1024);
    for (const auto &[name, f] : m_families) {
        static constexpr const char *typeNames[] = {"counter", "gauge", "histogram"};
        out += "# HELP " + name + ' ' + f.help + '\n';
        out += "# TYPE " + name + ' ' + typeNames[int(f.type)] + '\n';
        if (f.read) {
            out += name + ' ' + number(f.read()) + '\n';
            continue;
        }
        for (const auto &[labels, v] : f.values)
            out += name + labels + ' ' + number(v) + '\n';
        for (const auto &[labels, h] : f.histograms) {
            quint64 cumulative = 0;
            for (qsizetype i = 0; i < f.bounds.size(); ++i) {
                cumulative += h.counts[i];
                out += name + "_bucket" + joinLabels(labels, "le=\"" + number(f.bounds[i]) + '"')
                        + ' ' + QByteArray::number(cumulative) + '\n';
            }
            out += name + "_bucket" + joinLabels(labels, "le=\"+Inf\"") + ' '
                    + QByteArray::number(h.count) + '\n';
            out += name + "_sum" + labels + ' ' + number(h.sum) + '\n';
            out += name + "_count" + labels + ' ' + QByteArray::number(h.count) + '\n';
        }
    }
    return out;
}

} // namespace tableorder
