#include "prometheustext.h"

#include <QList>

namespace tableorder::test {

std::optional<double> metricValue(const QByteArray &text, QByteArrayView series)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith('#') || !line.startsWith(series))
            continue;
        const QByteArray rest = line.sliced(series.size());
        if (!rest.startsWith(' '))
            continue; // a longer name or other labels
        bool ok = false;
        const double value = rest.trimmed().toDouble(&ok);
        if (ok)
            return value;
    }
    return std::nullopt;
}

} // namespace tableorder::test
