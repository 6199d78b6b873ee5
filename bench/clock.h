#pragma once

#include <QtGlobal>

#include <time.h>

namespace tableorder::bench {

/// Monotonic time in nanoseconds (CLOCK_MONOTONIC, the clock timerfd schedules on).
inline qint64 nowNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

inline constexpr qint64 nsPerSecond = 1'000'000'000;
inline constexpr qint64 nsPerMs = 1'000'000;

} // namespace tableorder::bench
