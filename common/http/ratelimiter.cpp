#include "ratelimiter.h"

#include <cmath>

namespace tableorder::http {

RateLimiter::RateLimiter()
{
    m_clock.start();
}

std::optional<int> RateLimiter::take(const QString &key, int limit, int windowSeconds)
{
    if (!m_enabled || limit <= 0)
        return std::nullopt;
    const qint64 now = m_clock.elapsed();
    if (now - m_lastPruneMs > 60'000)
        prune(now);
    const double perMs = double(limit) / (windowSeconds * 1000.0);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(limit), now});
    Bucket &bucket = *it;
    bucket.tokens = std::min(double(limit), bucket.tokens + (now - bucket.updatedMs) * perMs);
    bucket.updatedMs = now;
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return std::nullopt;
    }
    // Multiply before dividing: 1 / (limit / window) is not exact in floating point, and for
    // one per hour it came to 3600.0000000000005 s, which ceil() made 3601.
    const double waitSeconds = (1 - bucket.tokens) * windowSeconds / limit;
    return std::max(1, int(std::ceil(waitSeconds)));
}

void RateLimiter::prune(qint64 nowMs)
{
    // A bucket untouched for ten minutes is full again under every limit we use.
    m_lastPruneMs = nowMs;
    m_buckets.removeIf([nowMs](const auto &it) { return nowMs - it.value().updatedMs > 600'000; });
}

} // namespace tableorder::http
