#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <optional>

namespace tableorder::http {

/// Token buckets keyed by string ("login:ip:1.2.3.4", "orders:table:7"): `limit` requests
/// per `windowSeconds`, refilled continuously. Returns the seconds to wait when empty.
class RateLimiter
{
public:
    RateLimiter();
    void setEnabled(bool enabled) { m_enabled = enabled; }
    [[nodiscard]] bool isEnabled() const { return m_enabled; }

    /// Takes one token; std::nullopt when allowed, else Retry-After in whole seconds.
    [[nodiscard]] std::optional<int> take(const QString &key, int limit, int windowSeconds);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    void prune(qint64 nowMs);

    QHash<QString, Bucket> m_buckets;
    QElapsedTimer m_clock;
    qint64 m_lastPruneMs = 0;
    bool m_enabled = true;
};

} // namespace tableorder::http
