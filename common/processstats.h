#pragma once

#include <QtGlobal>

namespace tableorder {

/// This process's CPU time and resident memory, from /proc/self (Linux).
struct ProcessStats
{
    double cpuSeconds = 0; // user + system since start
    qint64 residentBytes = 0;
};

[[nodiscard]] ProcessStats processStats();

} // namespace tableorder
