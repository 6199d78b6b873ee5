#include "backoff.h"

#include <algorithm>
#include <cmath>

namespace tableorder::client {

Backoff::Backoff(Settings settings, quint32 seed) : m_settings(settings), m_random(seed) {}

int Backoff::next()
{
    const double base = std::min<double>(m_settings.maxMs,
                                         m_settings.initialMs * std::pow(m_settings.factor, m_attempt));
    ++m_attempt;
    if (m_settings.jitter <= 0)
        return int(base);
    std::uniform_real_distribution<double> spread(1.0 - m_settings.jitter, 1.0 + m_settings.jitter);
    return std::clamp(int(base * spread(m_random)), 1, int(m_settings.maxMs * (1.0 + m_settings.jitter)));
}

} // namespace tableorder::client
